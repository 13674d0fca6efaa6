"""Where a program starts: ``GET /v1`` (operationId getEntryPoint), the API's entry
document, linking every resource, the contract, the catalogue and the version; the same
document at ``/`` for a client that asks for JSON (the home page is HTML otherwise).
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import version
from typing import Any

from flask import Blueprint, request

from service.formats import presenters
from service.storage.decisions import decision_ids, load_decision

bp = Blueprint("entry", __name__)


@bp.get("/v1")
def get_entry_point() -> Any:
    """operationId: getEntryPoint."""
    return entry_document()


def wants_entry_document() -> bool:
    """Whether a request for ``/`` prefers JSON to the home page's HTML."""
    accepted = request.accept_mimetypes
    return accepted.provided and accepted.best_match(["text/html", "application/json"]) == "application/json"


@cache
def entry_document() -> dict[str, Any]:
    """The entry document: what the API holds and where, built once (it changes only with
    a release)."""
    return {
        "name": "medfin",
        "version": version("medfin"),
        "description": {
            "sv": "Öppna data och körbara regler för offentliga beslut om medfinansiering.",
            "en": "Open data and executable rules for public co-financing decisions.",
        },
        "links": {
            "self": "/v1",
            "html": "/",
            "decisions": "/v1/decisions",
            "decisions_csv": "/v1/decisions?format=csv",
            "changes": "/v1/changes",
            "steps": "/v1/steps",
            "catalog": "/v1/catalog",
            "openapi_yaml": "/openapi.yaml",
            "openapi_json": "/openapi.json",
            "docs": "/docs",
        },
        # Each as the list gives it; its own document (links.self) links the rest.
        "decisions": [presenters.summary(decision) for decision in map(load_decision, decision_ids())],
    }
