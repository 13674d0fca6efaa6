"""RFC 9457 problem details: the only place error responses are built.

Every error the service answers is ``application/problem+json`` with a ``type`` (an
absolute URI under ``PROBLEM_BASE_URI``, by default the service's own ``/problems/``,
where a page explains each type), a fixed ``title`` per type, the ``status``,
a ``detail`` that tells the client how to fix the request, and the ``instance``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import Any
from urllib.parse import quote

from flask import Flask, Response, current_app, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException
from werkzeug.http import HTTP_STATUS_CODES

from rules.errors import RuleError, UnknownDecision, UnknownInterpretation

#: Problem type slug → (status, title). Titles never vary for a type.
TYPES: dict[str, tuple[int, str]] = {
    "validation-error": (400, "The request is not valid"),
    "malformed-json": (400, "The body is not valid JSON"),
    "not-gherkin": (400, "The body is not a Gherkin feature"),
    "unknown-interpretation": (400, "Unknown interpretation"),
    "unauthorized": (401, "Authentication required"),
    "forbidden": (403, "Not allowed to write"),
    "unknown-decision": (404, "No such decision"),
    "unknown-event": (404, "No such event"),
    "no-award": (404, "No grant has been awarded"),
    "not-found": (404, "Not found"),
    "method-not-allowed": (405, "Method not allowed"),
    "not-acceptable": (406, "No acceptable representation"),
    "conflicting-fact": (409, "The fact contradicts one already recorded"),
    "payload-too-large": (413, "The body is too large"),
    "unsupported-media-type": (415, "Unsupported media type"),
    "rule-violation": (422, "The disbursement would break the decision's rules"),
    "invalid-correction": (422, "The correction cannot be recorded"),
    "invalid-fact": (422, "The fact cannot be true of this decision"),
    "idempotency-key-reused": (422, "The Idempotency-Key was used for another request"),
    "scenario-run-too-large": (422, "The scenario run is past its bounds"),
    "too-many-requests": (429, "Too many requests"),
    "internal-error": (500, "Internal server error"),
    "database-unavailable": (503, "The database is unavailable"),
    # Answered by the server itself (service/gunicorn_conf.py) before the app sees the request.
    "bad-request": (400, "The request is not valid HTTP"),
    "request-timeout": (408, "The request did not arrive in time"),
    "length-required": (411, "Content-Length required"),
    "request-line-too-long": (414, "The request line is too long"),
    "expectation-failed": (417, "The expectation cannot be met"),
    "header-fields-too-large": (431, "The request's header fields are too large"),
    "not-implemented": (501, "Not implemented"),
}

#: Seconds a client should wait before it tries again when the database is unavailable:
#: a busy lock is gone in milliseconds, a restart takes seconds.
DATABASE_RETRY_AFTER_SECONDS = 5
#: At most this many characters of what a client sent are quoted back in a problem.
QUOTED_INPUT = 100
#: At most this many wrong members are listed in ``errors``; ``detail`` counts them all.
LISTED_ERRORS = 20

#: The type of an error werkzeug raises, by its status (a 400 of werkzeug's is a request
#: the app could not read; "bad-request" is the server's own, for what is not HTTP).
_BY_STATUS = {
    400: "validation-error",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    408: "request-timeout",
    411: "length-required",
    413: "payload-too-large",
    414: "request-line-too-long",
    415: "unsupported-media-type",
    417: "expectation-failed",
    429: "too-many-requests",
    431: "header-fields-too-large",
    500: "internal-error",
    501: "not-implemented",
}


class Problem(Exception):
    """Raised by a view to answer with a problem of one of ``TYPES``."""

    def __init__(self, slug: str, detail: str, *, headers: Mapping[str, str] | None = None, **extensions: Any) -> None:
        super().__init__(detail)
        self.slug, self.detail, self.extensions = slug, detail, extensions
        self.headers = dict(headers or {})  # e.g. Retry-After


def base_uri() -> str:
    """Where the problem types are explained: ``PROBLEM_BASE_URI`` if set, else the
    service's own ``/problems/`` under ``PUBLIC_BASE_URL`` (getProblemType)."""
    configured = current_app.config.get("PROBLEM_BASE_URI")
    return configured or str(current_app.config["PUBLIC_BASE_URL"]).rstrip("/") + "/problems/"


def problem(slug: str, detail: str, *, headers: Mapping[str, str] | None = None, **extensions: Any) -> Response:
    """The problem response for type ``slug``."""
    status, title = TYPES[slug]
    body = {
        "type": base_uri() + slug,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": _instance(),
        **extensions,
    }
    response = current_app.json.response(body)
    response.status_code = status
    response.content_type = "application/problem+json"
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def excerpt(text: str) -> str:
    """At most ``QUOTED_INPUT`` characters of ``text``, a client's input, to quote in a
    problem; an unpaired surrogate, which cannot be encoded, as its ``\\uXXXX`` escape."""
    cut = text if len(text) <= QUOTED_INPUT else text[:QUOTED_INPUT] + "…"
    return cut.encode("utf-8", "backslashreplace").decode("utf-8")


def _instance() -> str:
    """The request's path as a URI reference: Flask decodes it, so encode it again."""
    return quote(excerpt(request.path), safe="/:@!$&'()*+,;=-._~")


def validation_errors(messages: Any, prefix: str = "", *, key: str = "pointer") -> list[dict[str, str]]:
    """marshmallow's nested messages as a flat list of ``{pointer, detail}``."""
    if isinstance(messages, Mapping):
        found: list[dict[str, str]] = []
        for name, inner in messages.items():
            where = prefix if name == "_schema" else f"{prefix}/{excerpt(str(name))}"
            found.extend(validation_errors(inner, where, key=key))
        return found
    if isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        return [{key: prefix or "/", "detail": message} for message in messages]
    if isinstance(messages, list):
        return [e for m in messages for e in validation_errors(m, prefix, key=key)]
    return [{key: prefix or "/", "detail": str(messages)}]


def _on_validation_error(error: ValidationError) -> Response:
    errors = validation_errors(error.messages)
    if request.method == "GET":
        errors = [{"parameter": e["pointer"].lstrip("/"), "detail": e["detail"]} for e in errors]
    first = errors[0]
    where = first.get("pointer") or first.get("parameter")
    detail = f"{where}: {first['detail']}" + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else "")
    return problem("validation-error", detail, errors=errors[:LISTED_ERRORS])


def _on_http_exception(error: HTTPException) -> Response:
    status = error.code or 500
    slug = _BY_STATUS.get(status)
    headers = {k: v for k, v in error.get_headers() if k.lower() != "content-type"}
    if slug is None:  # a status with no type of its own
        return _plain(status, error.description or "", headers)
    return problem(slug, _detail_for(status, error), headers=headers)


def _detail_for(status: int, error: HTTPException) -> str:
    if status == 404:
        return f"No resource at {excerpt(request.path)}. The API lives under /v1; see /openapi.yaml."
    if status == 405:
        allowed = ", ".join(getattr(error, "valid_methods", None) or [])
        return f"{request.method} is not allowed on {excerpt(request.path)}; use {allowed}."
    if status == 413:
        limit = current_app.config["MAX_CONTENT_LENGTH"]
        if (request.content_length or 0) > limit:
            return f"The body is larger than {limit} bytes; no request to this API needs that much."
        # Within the size, werkzeug refuses a form of too many parts or one too large a field.
        return f"The form has too many fields, or one too large; send one feature (at most {limit} bytes in all)."
    return error.description or ""


def _plain(status: int, detail: str, headers: Mapping[str, str]) -> Response:
    title = HTTP_STATUS_CODES.get(status, "Error")
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, "instance": _instance()}
    response = current_app.json.response(body)
    response.status_code, response.content_type = status, "application/problem+json"
    response.headers.update(headers)
    return response


def _on_rule_error(error: RuleError) -> Response:
    if isinstance(error, UnknownDecision):
        quoted = UnknownDecision(excerpt(error.decision_id), error.known)
        how = "A decision id is its diarienummer as a slug (lower case, hyphens for / and .): see GET /v1/decisions."
        return problem("unknown-decision", f"{quoted} {how}")
    if isinstance(error, UnknownInterpretation):
        choice = None if error.choice is None else excerpt(error.choice)
        detail = str(UnknownInterpretation(excerpt(error.name), choice, error.allowed))
        pointer = f"/interpretations/{excerpt(error.name)}"
        return problem("unknown-interpretation", detail, errors=[{"pointer": pointer, "detail": detail}])
    return problem(
        "validation-error", str(error), errors=[{"pointer": getattr(error, "field", "/"), "detail": str(error)}]
    )


def _on_problem(error: Problem) -> Response:
    headers = {"WWW-Authenticate": 'Bearer realm="medfin"'} if error.slug == "unauthorized" else {}
    return problem(error.slug, error.detail, headers={**headers, **error.headers}, **error.extensions)


def _on_database_error(is_unavailable: Callable[[BaseException], bool], error: Exception) -> Response:
    """Down, unreachable, frozen, busy, read-only or full: 503, retry later. Any other
    database error is a fault of ours."""
    if not is_unavailable(error):
        return _on_unexpected(error)
    current_app.logger.warning("database unavailable on %s %s: %s", request.method, request.path, error)
    detail = (
        "The database cannot answer just now (busy, read-only, full or down); this is not a fault of the "
        f"request. Retry after {DATABASE_RETRY_AFTER_SECONDS} seconds (Retry-After); send a write again with "
        "the same Idempotency-Key, so that it is recorded once."
    )
    return problem("database-unavailable", detail, headers={"Retry-After": str(DATABASE_RETRY_AFTER_SECONDS)})


def _on_unexpected(error: Exception) -> Response:
    current_app.logger.exception("unhandled error on %s %s", request.method, request.path)
    return problem("internal-error", "Something failed on our side; the error is logged. Please try again later.")


def init_app(
    app: Flask,
    *,
    database_errors: tuple[type[Exception], ...],
    is_unavailable: Callable[[BaseException], bool],
) -> None:
    """The error handlers; the storage hands in its database errors and which of them
    mean that the database is unavailable (``service.storage.faults``)."""
    app.register_error_handler(Problem, _on_problem)
    app.register_error_handler(ValidationError, _on_validation_error)
    app.register_error_handler(RuleError, _on_rule_error)
    app.register_error_handler(HTTPException, _on_http_exception)
    for kind in database_errors:
        app.register_error_handler(kind, partial(_on_database_error, is_unavailable))
    app.register_error_handler(Exception, _on_unexpected)
