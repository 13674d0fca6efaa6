"""The catalogue for Sveriges dataportal (operationId getCatalog): DCAT-AP-SE 3.

RDF/XML is the default, because it is what dataportal.se harvests (DCAT-AP-SE
docs/harvesting.md); Turtle and JSON-LD are offered by ``Accept`` or ``?format=``.
"""

from __future__ import annotations

import functools

from flask import Blueprint, Response, current_app, request

from rules import decision_ids, load_decision
from service import dcat
from service.negotiation import choose
from service.schemas import catalog_query

bp = Blueprint("catalog", __name__)

#: ``?format=`` value → media type, the default first.
OFFERED = {"rdf": "application/rdf+xml", "ttl": "text/turtle", "jsonld": "application/ld+json"}


def public_base_url() -> str:
    """``PUBLIC_BASE_URL`` without a trailing slash: the base of every URI the data gives."""
    return str(current_app.config["PUBLIC_BASE_URL"]).rstrip("/")


@functools.cache
def _serialized(base_url: str, chosen: str) -> bytes | str:
    """The catalogue depends only on the decision data and the base URL, which do not
    change under a running process: built once per serialisation, not per request."""
    return dcat.serialize(dcat.catalog([load_decision(i) for i in decision_ids()], base_url), chosen)


@bp.get("/catalog")
def get_catalog() -> Response:
    """operationId: getCatalog."""
    chosen = choose(catalog_query.load(request.args)["format"], OFFERED)
    response = Response(_serialized(public_base_url(), chosen), content_type=f"{OFFERED[chosen]}; charset=utf-8")
    response.vary.add("Accept")
    return response
