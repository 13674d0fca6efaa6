"""JSON that keeps money exact.

Numbers with a fraction or exponent are read as ``Decimal`` exactly as written
(``333333.33`` stays 333333.33, never a binary float); ``NaN`` and ``Infinity`` are
refused. ``Decimal`` values are written as strings.

Bytes are decoded strictly: text that is not valid UTF-8 (or -16, -32), such as an
encoded surrogate, is not JSON. An escape (``"\\ud800"``) still yields an unpaired
surrogate, which ``service.shared.text.refuse_bad_text`` finds in the parsed document.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from flask.json.provider import DefaultJSONProvider


class NotJson(ValueError):
    """A body that is not valid JSON, with where and why."""


def _refuse_constant(name: str) -> Any:
    raise NotJson(f'{name} is not a number JSON allows; send a decimal string such as "100.00".')


#: Made once: ``json.loads`` with options builds a new decoder for every call.
_decoder = json.JSONDecoder(parse_float=Decimal, parse_constant=_refuse_constant)


def loads(text: str | bytes) -> Any:
    """Parse JSON, numbers with a fraction as ``Decimal``. Bytes are read in the
    encoding they are written in (UTF-8, -16 or -32), as ``json.loads`` reads them."""
    try:
        if not isinstance(text, str):
            text = _decoded(text)
        elif text.startswith("\ufeff"):
            raise NotJson("The text starts with a byte order mark; remove it, or send the body as bytes.")
        return _decoder.decode(text)
    except NotJson:
        raise
    except json.JSONDecodeError as error:
        raise NotJson(f"{error.msg} at line {error.lineno}, column {error.colno}.") from error
    except (ValueError, RecursionError) as error:  # e.g. an integer of more than 4300 digits
        raise NotJson(f"The body cannot be read as JSON: {error}.") from error
    except ArithmeticError as error:  # decimal.InvalidOperation: an exponent beyond Decimal's range
        raise NotJson(
            'A number has an exponent too large to be read exactly; write numbers out, such as "100.00".'
        ) from error


def _decoded(data: bytes) -> str:
    encoding = json.detect_encoding(data)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise NotJson(
            f"The body is not valid {encoding.upper().removesuffix('-SIG')}: byte {error.start + 1} "
            f"({error.reason}); send JSON as UTF-8 text."
        ) from error


class ExactJSONProvider(DefaultJSONProvider):
    """Flask's JSON provider, with ``loads`` above and non-ASCII kept readable."""

    ensure_ascii = False
    sort_keys = False

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        return loads(s)

    @property
    def writes_compact(self) -> bool:
        """Whether ``response`` writes compact JSON: always, unless debugging (Flask)."""
        return self.compact is True or (self.compact is None and not self._app.debug)

    def dumps(self, obj: Any, **kwargs: Any) -> str:
        # Documents are trees built by the presenters, never cyclic: the encoder need not
        # keep a record of every container to find cycles (a seventh of its time, bench/).
        kwargs.setdefault("check_circular", False)
        return super().dumps(obj, **kwargs)


def _compact_encoder() -> Any:
    """``ExactJSONProvider``'s compact encoding as one reusable function. The C encoder
    is made once, not per call as ``json.dumps`` does, which matters for the many small
    values ``presenters.evaluation_json`` encodes (bench/); without the C accelerator,
    the same encoding in Python."""
    default = ExactJSONProvider.default
    make = json.encoder.c_make_encoder
    if make is None:  # pragma: no cover - CPython always has it
        return json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=default).encode
    encode = make(None, default, json.encoder.encode_basestring, None, ":", ",", False, False, True)
    return lambda value: "".join(encode(value, 0))


#: ``value`` as JSON text, as ``ExactJSONProvider`` writes it when compact.
compact = _compact_encoder()
