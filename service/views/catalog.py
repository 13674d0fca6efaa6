"""The catalogue for Sveriges dataportal (operationId getCatalog): DCAT-AP-SE 3.

RDF/XML is the default, because it is what dataportal.se harvests (DCAT-AP-SE
docs/harvesting.md); Turtle and JSON-LD are offered by ``Accept`` or ``?format=``.
A decision's 360Giving grant is listed only once it is awarded, which the event log
says: the catalogue follows the log (``service.http.caching``: RECORDED).
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime

from flask import Blueprint, Response, current_app, request

from rules import Library
from service.formats import threesixtygiving
from service.http.negotiation import choose
from service.requests.schemas import catalog_query
from service.shared.publishers import Publisher
from service.storage.decisions import catalogue_publisher, decision_ids, decisions

bp = Blueprint("catalog", __name__)

#: ``?format=`` value → media type, the default first.
OFFERED = {"rdf": "application/rdf+xml", "ttl": "text/turtle", "jsonld": "application/ld+json"}


def public_base_url() -> str:
    """``PUBLIC_BASE_URL`` without a trailing slash: the base of every URI the data gives."""
    return str(current_app.config["PUBLIC_BASE_URL"]).rstrip("/")


def publisher() -> Publisher:
    """Who publishes the catalogue: ``CATALOG_PUBLISHER`` (a party id), by default the
    issuer of the shipped decisions."""
    return catalogue_publisher(current_app.config.get("CATALOG_PUBLISHER"))


@functools.lru_cache(maxsize=64)
def _serialized(
    served: Library, base_url: str, chosen: str, awarded: frozenset[str], published_by: Publisher
) -> bytes | str:
    """The catalogue depends on the decisions served and the base URL, which do not
    change under a running process, and on which grants are awarded, which changes
    seldom: built once for each, not per request."""
    from service.formats import dcat  # rdflib: only here (5 MB and 60 modules a worker would load at start)

    graph = dcat.catalog([served.load(i) for i in served.ids()], base_url, published_by, awarded)
    return dcat.serialize(graph, chosen)


@bp.get("/catalog")
def get_catalog() -> Response:
    """operationId: getCatalog."""
    chosen = choose(catalog_query.load(request.args)["format"], OFFERED)
    awarded = threesixtygiving.awarded(current_app.extensions["medfin"], decision_ids(), datetime.now(UTC))
    body = _serialized(decisions(), public_base_url(), chosen, awarded, publisher())
    response = Response(body, content_type=f"{OFFERED[chosen]}; charset=utf-8")
    response.vary.add("Accept")
    return response
