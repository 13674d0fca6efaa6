"""What text the API takes: one rule for a line of text, one for free text.

Every string a request carries is Unicode without unpaired surrogates (which no
encoding can write back out), without the C0 control characters (U+0000 to U+001F),
DEL and the C1 controls (U+007F to U+009F). A *line* (a name, a reference, an
option) holds none of them. *Free text* (openapi.yaml marks it ``x-free-text: true``)
may also hold tabs and line breaks: a line break is LF, or CRLF, which is stored as
LF; a CR alone is refused, and a byte order mark at the start is dropped.

openapi.yaml states the same rules as ``LINE_PATTERN`` and ``FREE_TEXT_PATTERN``
(a test holds the two to these); unpaired surrogates cannot be written in a JSON
Schema pattern that every tool reads alike, so the spec says them in words.

``Line`` and ``FreeText`` are the marshmallow fields every request schema uses;
``refuse_bad_text`` checks a whole JSON document, member names included, before any
schema sees it, so that no error message can quote what cannot be encoded.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from marshmallow import ValidationError, fields

#: The spec's patterns (openapi.yaml), as JSON Schema writes them.
LINE_PATTERN = r"^[^\u0000-\u001F\u007F-\u009F]*$"
FREE_TEXT_PATTERN = r"^(?!\uFEFF$)(?:[^\u0000-\u0008\u000B-\u001F\u007F-\u009F]|\r\n)*$"

#: RFC 3986's characters after ``http://`` or ``https://``: a host (with any user and
#: port), then a path, query or fragment.
WEB_ADDRESS_PATTERN = r"^https?://[A-Za-z0-9._~%!$&'()*+,;=:@\[\]-]+([/?#][A-Za-z0-9._~%!$&'()*+,;=:@/?#\[\]-]*)?$"
_WEB_ADDRESS = re.compile(WEB_ADDRESS_PATTERN.removeprefix("^").removesuffix("$"))
_NOT_IN_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_NOT_IN_FREE_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]|\r(?!\n)")
#: What no string of a request may hold, free text or not (tab, LF and CR the fields judge).
_NOT_IN_ANY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
BOM = "\ufeff"


def slug(text: str) -> str:
    """ "Kommunstyrelsens anslag" → "kommunstyrelsens-anslag": lower-case ASCII letters and
    digits joined by hyphens (å, ä and ö lose their marks), as the API's ids are written."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def describe(character: str) -> str:
    """A character no text may hold, named so that a person can find it."""
    code = f"U+{ord(character):04X}"
    if "\ud800" <= character <= "\udfff":
        return f"an unpaired surrogate ({code}), which is not a character"
    if character == "\r":
        return "a carriage return (U+000D) not followed by a line feed"
    name = unicodedata.name(character, "") or {"\x7f": "DELETE"}.get(character, "")
    return f"the control character {code}" + (f" {name}" if name else "")


def _refused(match: re.Match[str] | None, what: str) -> None:
    if match is not None:
        where = f"character {match.start() + 1} is {describe(match.group()[0])}"
        raise ValidationError(f"Must be {what}: {where}; remove it.")


def is_line(text: str) -> bool:
    """Whether ``text`` is one line of text (what ``Line`` accepts)."""
    return _NOT_IN_LINE.search(text) is None


def refuse_in_line(text: str) -> str:
    """``text`` if it is one line of text; else a ``ValidationError`` saying where it is not."""
    _refused(_NOT_IN_LINE.search(text), "one line of text, without control characters")
    return text


def free_text(text: str) -> str:
    """``text`` as free text is kept: CRLF as LF, no leading byte order mark; or a
    ``ValidationError`` saying which character is not allowed."""
    _refused(
        _NOT_IN_FREE_TEXT.search(text),
        "text without control characters other than tab and line breaks (LF or CRLF)",
    )
    return text.removeprefix(BOM).replace("\r\n", "\n")


class Line(fields.String):
    """One line of text (``LINE_PATTERN``): no control character, tab or line break."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        return refuse_in_line(super()._deserialize(value, attr, data, **kwargs))


class WebAddress(Line):
    """An absolute http or https URL in ASCII (``WEB_ADDRESS_PATTERN``): what openapi.yaml
    says, exactly, where marshmallow's URL check would also refuse hosts its own rules
    find odd (``https://0.a``) and let a NUL through."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        if _WEB_ADDRESS.fullmatch(text) is None:
            raise ValidationError(
                "Must be an http or https URL written in ASCII (percent-encode anything else), "
                "such as https://www.huddinge.se/."
            )
        return text


class FreeText(fields.String):
    """Free text (``FREE_TEXT_PATTERN``) of ``min_length`` to ``max_length`` characters as
    sent (as the spec counts them), ``min_length`` also once the byte order mark is dropped."""

    def __init__(self, *, min_length: int = 1, max_length: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.min_length, self.max_length = min_length, max_length

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        sent = super()._deserialize(value, attr, data, **kwargs)
        if len(sent) > self.max_length:
            raise ValidationError(f"Must be at most {self.max_length} characters long.")
        kept = free_text(sent)
        if len(kept) < self.min_length:
            raise ValidationError(f"Must be at least {self.min_length} characters long.")
        return kept


#: In UTF-8 JSON text, what can put a refused character into the parsed document: an
#: escape, DEL or a C1 control. (The reader refuses raw C0 controls inside strings, and
#: strict decoding refuses encoded surrogates.)
_MAY_BRING_BAD_TEXT = re.compile(rb"\\u|\x7f|\xc2[\x80-\x9f]")


def may_hold_bad_text(body: bytes) -> bool:
    """False when the JSON text ``body`` cannot hold what ``refuse_bad_text`` looks for:
    most bodies, which then need no walk through their document (bench/)."""
    if json.detect_encoding(body) not in ("utf-8", "utf-8-sig"):
        return True
    return _MAY_BRING_BAD_TEXT.search(body) is not None


def refuse_bad_text(document: Any) -> None:
    """A ``ValidationError`` pointing at each member of a JSON ``document`` whose name or
    string value holds what no request text may (``_NOT_IN_ANY``); nothing if none does.

    Walked with a stack rather than recursion, and the errors keyed by their whole
    pointer rather than nested: the JSON reader allows deeper nesting than Python's
    recursion limit would here.
    """
    errors: dict[str, list[str]] = {}
    stack: list[tuple[Any, tuple[str, ...]]] = [(document, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            _note(errors, path, value, "It")
        elif isinstance(value, dict):
            for name, member in value.items():
                _note(errors, (*path, name), name, "Its name")
                stack.append((member, (*path, name)))
        elif isinstance(value, list):
            stack.extend((member, (*path, str(index))) for index, member in enumerate(value))
    if errors:
        raise ValidationError(errors)


def _note(errors: dict[str, list[str]], path: tuple[str, ...], text: str, what: str) -> None:
    match = _NOT_IN_ANY.search(text)
    if match is not None:
        where = f"character {match.start() + 1} is {describe(match.group())}"
        pointer = "/".join(path) if path else "_schema"
        errors.setdefault(pointer, []).append(f"{what} must be text without control characters: {where}; remove it.")
