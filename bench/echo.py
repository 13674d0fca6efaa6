"""The baseline of the HTTP benchmark: a bare Flask app that echoes a JSON body.

``gunicorn 'bench.echo:create_app()'``. ``POST /echo`` reads the request's JSON and
returns it, nothing else: the cost of Flask, Werkzeug and gunicorn answering JSON at
all. ``GET`` or ``POST /fixed/<size>`` (the history phase's baseline) answers a JSON
body of exactly ``size`` bytes, made once, after reading the JSON of a POST: the same
cost, with an answer as large as the one of medfin it is compared with (a 304, which has
no body, against ``/fixed/0``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from flask import Flask, Response, request


@lru_cache(maxsize=64)
def _body(size: int) -> bytes:
    """A JSON string of ``size`` bytes, quotes included (an empty body below 2)."""
    return b'"' + b"x" * (size - 2) + b'"' if size >= 2 else b" " * size


def create_app() -> Flask:
    app = Flask(__name__)

    @app.post("/echo")
    def echo() -> Any:
        return request.get_json()

    @app.route("/fixed/<int:size>", methods=["GET", "POST"])
    def fixed(size: int) -> Response:
        if request.method == "POST":
            request.get_json()
        return Response(_body(size), mimetype="application/json")

    return app
