"""What was recorded lately, across every decision: a feed to follow changes by.

A consumer keeps the ``recorded_at`` of the newest change it has seen and asks for
what came after it (OParl's ``modified_since`` is the model), instead of polling
every decision's log.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request

from service import paging, presenters
from service.formats import Moment
from service.schemas import PageQuery
from service.storage.facts import Event

bp = Blueprint("changes", __name__)


class ChangesQuery(PageQuery):
    """Query of GET /v1/changes (operationId listChanges)."""

    since = Moment(load_default=None)


changes_query = ChangesQuery()


@bp.get("/changes")
def list_changes() -> Response:
    """operationId: listChanges."""
    query = changes_query.load(request.args)
    store = current_app.extensions["medfin"]
    items, total = store.changes(query["since"], page=query["page"], limit=query["limit"])
    corrections = store.corrections([e.event_id for e in items])
    document = {
        "since": None if query["since"] is None else presenters.timestamp(query["since"]),
        "items": [_change(e, corrections.get(e.event_id)) for e in items],
        "page": query["page"],
        "limit": query["limit"],
        "total": total,
    }
    return paging.paged(jsonify(document), query["page"], query["limit"], total)


def _change(event: Event, corrected_by: int | None) -> dict[str, Any]:
    """An event as in its decision's log, with a link to the decision it belongs to."""
    document = presenters.event(event, corrected_by)
    document["links"]["decision"] = f"/v1/decisions/{event.decision_id}"
    return document
