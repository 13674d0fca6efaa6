"""The contract itself: openapi.yaml, and Swagger UI served from local files.

Swagger UI's own files come from flask-swagger-ui's copy; the script that starts it is
the service's (``INITIALISER``), a file rather than an inline script, so that the
page's Content-Security-Policy allows scripts from the service alone
(``service.http.security_headers``).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import flask_swagger_ui
from flask import Blueprint, Response, render_template, send_from_directory
from werkzeug.exceptions import NotFound

from service.http.contract import spec, spec_bytes

bp = Blueprint("docs", __name__, template_folder="../pages/templates")

SWAGGER_DIST = Path(flask_swagger_ui.__file__).parent / "dist"
ASSETS = frozenset(
    {"swagger-ui.css", "index.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "favicon-32x32.png"}
)
#: The script that starts Swagger UI on the page; it reads the spec's URL from the page.
INITIALISER = Path(__file__).resolve().parents[1] / "pages" / "assets" / "swagger-initializer.js"


@bp.get("/openapi.yaml")
def get_openapi_document() -> Response:
    """operationId: getOpenApiDocument."""
    response = Response(spec_bytes(), mimetype="application/yaml")
    response.headers["Content-Disposition"] = 'inline; filename="openapi.yaml"'
    return response


@bp.get("/openapi.json")
def get_openapi_json() -> Response:
    """operationId: getOpenApiJson. The same contract as JSON, for tools that read no YAML."""
    response = Response(_spec_json(), mimetype="application/json")
    response.headers["Content-Disposition"] = 'inline; filename="openapi.json"'
    return response


@functools.cache
def _spec_json() -> bytes:
    # default=str: a date YAML read from an unquoted example is written as the text it was.
    return json.dumps(spec(), ensure_ascii=False, indent=1, default=str).encode("utf-8") + b"\n"


@bp.get("/docs")
def get_api_docs() -> str:
    """operationId: getApiDocs."""
    return render_template("swagger.html")


@bp.get("/docs/assets/<filename>")
def get_api_docs_asset(filename: str) -> Response:
    """operationId: getApiDocsAsset. Swagger UI's own files and its initialiser, nothing else."""
    if filename == INITIALISER.name:
        return Response(_initialiser_bytes(), mimetype="text/javascript")
    if filename not in ASSETS:
        raise NotFound()
    return send_from_directory(SWAGGER_DIST, filename, max_age=86400)


@functools.cache
def _initialiser_bytes() -> bytes:
    return INITIALISER.read_bytes()
