"""The catalogue for Sveriges dataportal (operationId getCatalog): DCAT-AP-SE 3.

RDF/XML is the default, because it is what dataportal.se harvests (DCAT-AP-SE
docs/harvesting.md); Turtle and JSON-LD are offered by ``Accept`` or ``?format=``.
"""

from __future__ import annotations

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


@bp.get("/catalog")
def get_catalog() -> Response:
    """operationId: getCatalog."""
    chosen = choose(catalog_query.load(request.args)["format"], OFFERED)
    graph = dcat.catalog([load_decision(i) for i in decision_ids()], public_base_url())
    response = Response(dcat.serialize(graph, chosen), content_type=f"{OFFERED[chosen]}; charset=utf-8")
    response.vary.add("Accept")
    return response
