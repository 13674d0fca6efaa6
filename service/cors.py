"""CORS: the data is public, so any web page may read it, errors included.

Every answer carries ``Access-Control-Allow-Origin`` (``CORS_ORIGIN``, default ``*``;
``MEDFIN_CORS_ORIGIN`` sets it) and exposes the headers a script needs to follow the
API (``ETag`` to revalidate, ``Link`` to page, ``Location`` after a write or a
lookup); ``Last-Modified`` is exposed by default. A preflight ``OPTIONS`` (one with
``Access-Control-Request-Method``) is answered by Flask's automatic OPTIONS response,
to which this adds the route's methods and the request headers the API reads.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, request

EXPOSED_HEADERS = "ETag, Link, Location"
#: Every request header the API reads: the token, the body's type, a write's key, revalidation.
ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, If-None-Match, If-Modified-Since"
#: A day; browsers cap it lower (Chromium at two hours), which is fine.
PREFLIGHT_MAX_AGE = 86400


def init_app(app: Flask) -> None:
    app.config.setdefault("CORS_ORIGIN", "*")
    app.after_request(_add_headers)


def _add_headers(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = current_app.config["CORS_ORIGIN"]
    response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    if _is_preflight() and "Allow" in response.headers:
        response.headers["Access-Control-Allow-Methods"] = response.headers["Allow"]
        response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
        response.headers["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    return response


def _is_preflight() -> bool:
    return request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers
