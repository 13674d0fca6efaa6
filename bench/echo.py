"""The baseline of the HTTP benchmark: a bare Flask app that echoes a JSON body.

``gunicorn 'bench.echo:create_app()'``. It reads the request's JSON and returns it,
nothing else: the cost of Flask, Werkzeug and gunicorn answering JSON at all.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, request


def create_app() -> Flask:
    app = Flask(__name__)

    @app.post("/echo")
    def echo() -> Any:
        return request.get_json()

    return app
