"""The Frictionless Data Package of the whole CSVs (operationId getDataPackage)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from service.formats import data_package
from service.storage.decisions import decision_ids, load_decision
from service.views.catalog import public_base_url

bp = Blueprint("datapackage", __name__)


@bp.get("/datapackage.json")
def get_datapackage() -> Any:
    """operationId: getDataPackage. Each resource's path is its absolute URL under
    ``PUBLIC_BASE_URL``."""
    base = public_base_url()
    decisions = [load_decision(decision_id) for decision_id in decision_ids()]
    return data_package.descriptor(decisions, lambda resource: base + resource.url, f"{base}/")
