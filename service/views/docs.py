"""The contract itself: openapi.yaml, and Swagger UI served from local files."""

from __future__ import annotations

import functools
from pathlib import Path

import flask_swagger_ui
from flask import Blueprint, Response, render_template, send_from_directory

bp = Blueprint("docs", __name__, template_folder="../templates")

#: openapi.yaml, through the package (``service/shipped``), so that an installed wheel has it too.
SPEC = Path(__file__).resolve().parents[1] / "shipped" / "openapi.yaml"
SWAGGER_DIST = Path(flask_swagger_ui.__file__).parent / "dist"
ASSETS = frozenset(
    {"swagger-ui.css", "index.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "favicon-32x32.png"}
)


@functools.cache
def _spec_bytes() -> bytes:
    return SPEC.read_bytes()


@bp.get("/openapi.yaml")
def get_openapi_document() -> Response:
    """operationId: getOpenApiDocument."""
    response = Response(_spec_bytes(), mimetype="application/yaml")
    response.headers["Content-Disposition"] = 'inline; filename="openapi.yaml"'
    return response


@bp.get("/docs")
def get_api_docs() -> str:
    """operationId: getApiDocs."""
    return render_template("swagger.html")


@bp.get("/docs/assets/<filename>")
def get_api_docs_asset(filename: str) -> Response:
    """operationId: getApiDocsAsset. Only Swagger UI's own files, nothing else."""
    if filename not in ASSETS:
        from werkzeug.exceptions import NotFound

        raise NotFound()
    return send_from_directory(SWAGGER_DIST, filename, max_age=86400)
