"""The Frictionless Data Package of the whole CSVs (operationId getDataPackage)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from service import data_package
from service.views.catalog import public_base_url

bp = Blueprint("datapackage", __name__)


@bp.get("/datapackage.json")
def get_datapackage() -> Any:
    """operationId: getDataPackage. Each resource's path is its absolute URL under
    ``PUBLIC_BASE_URL``."""
    base = public_base_url()
    return data_package.descriptor(lambda resource: base + resource.url, f"{base}/")
