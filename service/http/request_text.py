"""The text of a request outside its body: path, query and the headers the API reads.

Each must be UTF-8 without control characters (``service.shared.text``), checked as the bytes
arrived, before routing's and werkzeug's lenient decoding (which turns invalid UTF-8
into U+FFFD) can hide what was sent. A header may also hold tabs, which HTTP counts as
whitespace. Anything else is a 400 ``validation-error`` naming the parameter: the path
parameter that holds it (or ``path``), the query parameter, or the header.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_to_bytes

from flask import Flask, request

from service.http.problems import Problem, excerpt
from service.shared.text import describe

#: The request headers the API reads (besides CORS's presence test of a preflight).
READ_HEADERS = ("Accept", "Authorization", "Content-Type", "Idempotency-Key", "If-Modified-Since", "If-None-Match")
#: The same, as WSGI names them: read from the environ, which costs a tenth of ``request.headers``.
_ENVIRON_KEYS = tuple(
    (name, "CONTENT_TYPE" if name == "Content-Type" else "HTTP_" + name.upper().replace("-", "_"))
    for name in READ_HEADERS
)

_NOT_IN_PARAMETER = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_NOT_IN_HEADER = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def init_app(app: Flask) -> None:
    """Check every request first, before caching may answer it from memory."""
    app.before_request(refuse_bad_text)
    app.before_request(refuse_a_request_without_host)


def refuse_a_request_without_host() -> None:
    """RFC 9112, section 3.2: a server answers 400 to an HTTP/1.1 request with no Host."""
    environ = request.environ
    if "HTTP_HOST" not in environ and environ.get("SERVER_PROTOCOL") == "HTTP/1.1":
        _refuse("Host", "An HTTP/1.1 request must name the host it is for; send a Host header.")


def refuse_bad_text() -> None:
    """A ``Problem`` 400 if the path, a query parameter or a read header is not valid text."""
    environ = request.environ
    path = environ.get("PATH_INFO", "")
    if not path.isascii() or _NOT_IN_PARAMETER.search(path):
        _check(_path_parameter(), _bytes(path), _NOT_IN_PARAMETER)
    query = environ.get("QUERY_STRING", "")
    if query:
        _check_query(query)
    for name, key in _ENVIRON_KEYS:
        value = environ.get(key)
        if value is not None and (not value.isascii() or _NOT_IN_HEADER.search(value)):
            _check(name, _bytes(value), _NOT_IN_HEADER)


def _check_query(query: str) -> None:
    for part in query.split("&"):
        name, _, value = part.partition("=")
        name_bytes = unquote_to_bytes(_bytes(name).replace(b"+", b" "))
        parameter = excerpt(name_bytes.decode("utf-8", "backslashreplace"))
        _check(parameter, name_bytes, _NOT_IN_PARAMETER, what="Its name")
        _check(parameter, unquote_to_bytes(_bytes(value).replace(b"+", b" ")), _NOT_IN_PARAMETER)


def _check(parameter: str, sent: bytes, refused: re.Pattern[str], what: str = "It") -> None:
    try:
        text = sent.decode("utf-8")
    except UnicodeDecodeError as error:
        _refuse(parameter, f"{what} is not UTF-8 (byte {error.start + 1} cannot start a character there); send UTF-8.")
    match = refused.search(text)
    if match is not None:
        where = f"character {match.start() + 1} is {describe(match.group())}"
        _refuse(parameter, f"{what} must be text without control characters: {where}; remove it.")


def _refuse(parameter: str, detail: str) -> None:
    raise Problem(
        "validation-error",
        f"{parameter}: {detail}",
        errors=[{"parameter": parameter, "detail": detail}],
    )


def _bytes(text: str) -> bytes:
    """What arrived: WSGI hands over bytes as Latin-1 text (PEP 3333)."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:  # not from a WSGI server: already text, whose surrogates
        return text.encode("utf-8", "surrogatepass")  # the strict decoding then refuses


def _path_parameter() -> str:
    """The path parameter the bad text is in, as routing read it; ``path`` if none is."""
    for name, value in (request.view_args or {}).items():
        if isinstance(value, str) and ("\ufffd" in value or _NOT_IN_PARAMETER.search(value)):
            return name
    return "path"
