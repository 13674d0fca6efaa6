"""CORS: the data is public, so any web page may read it, errors included.

Every answer carries ``Access-Control-Allow-Origin`` (``CORS_ORIGIN``, default ``*``;
``MEDFIN_CORS_ORIGIN`` sets it) and exposes the headers a script needs to follow the
API (``ETag`` to revalidate, ``Link`` to page, ``Location`` after a write or a
lookup); ``Last-Modified`` is exposed by default. A preflight ``OPTIONS`` (one with
``Access-Control-Request-Method``) is answered by Flask's automatic OPTIONS response,
to which this adds the route's methods and the request headers the API reads.
"""

from __future__ import annotations

from flask import Flask, Response, request
from werkzeug.datastructures import Headers

EXPOSED_HEADERS = "ETag, Link, Location"
#: Every request header the API reads: the token, the body's type, a write's key, revalidation.
ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, If-None-Match, If-Modified-Since"
#: A day; browsers cap it lower (Chromium at two hours), which is fine.
PREFLIGHT_MAX_AGE = 86400


def init_app(app: Flask) -> None:
    """Add the headers to every answer. They are made once, from the configuration as the
    app is built: every response passes here, the answers to evaluations most of all."""
    origin = app.config["CORS_ORIGIN"]  # its default is set with the others in create_app

    def add_headers(response: Response) -> Response:
        headers = response.headers
        # Added, not set: no view writes these headers, so there is nothing to replace.
        headers.add("Access-Control-Allow-Origin", origin)
        headers.add("Access-Control-Expose-Headers", EXPOSED_HEADERS)
        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            _answer_preflight(headers)
        return response

    app.after_request(add_headers)


def _answer_preflight(headers: Headers) -> None:
    if "Allow" in headers:
        headers["Access-Control-Allow-Methods"] = headers["Allow"]
        headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
        headers["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
