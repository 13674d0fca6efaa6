"""What was recorded lately, across every decision: a feed to follow changes by.

A consumer keeps the ``recorded_at`` of the newest change it has seen and asks for
what came after it (OParl's ``modified_since`` is the model), instead of polling
every decision's log. As CSV, the changes have the columns of a decision's events
(``decision_id`` says whose); without ``page`` and ``limit``, every change.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from flask import Blueprint, Response, current_app, request

from service.formats import presenters, tabular
from service.http import paging
from service.http.negotiation import csv_response, json_response, wants_csv, whole_csv_response
from service.requests.fields import Moment
from service.requests.schemas import ListQuery
from service.shared.facts import Event
from service.views.events import BATCH, event_rows

bp = Blueprint("changes", __name__)

#: The file a CSV of the changes is downloaded as.
FILENAME = "changes.csv"


class ChangesQuery(ListQuery):
    """Query of GET /v1/changes (operationId listChanges)."""

    since = Moment(load_default=None)


changes_query = ChangesQuery()


@bp.get("/changes")
def list_changes() -> Response:
    """operationId: listChanges."""
    query = changes_query.load(request.args)
    store = current_app.extensions["medfin"]
    if wants_csv(query["format"]) and not paging.is_paged():
        since, upto = query["since"], store.last_event_id()

        def rows() -> Iterator[list[str]]:
            return event_rows(store, store.change_batches(since, upto=upto, size=BATCH), upto)

        return whole_csv_response(rows, tabular.EVENT_COLUMNS, FILENAME)
    items, total = store.changes(query["since"], page=query["page"], limit=query["limit"])
    corrections = store.corrections([e.event_id for e in items])
    documents = [_change(e, corrections.get(e.event_id)) for e in items]
    if wants_csv(query["format"]):
        response = csv_response(tabular.event_rows(documents), tabular.EVENT_COLUMNS, FILENAME)
    else:
        response = json_response(
            {
                "since": None if query["since"] is None else presenters.timestamp(query["since"]),
                "items": documents,
                "page": query["page"],
                "limit": query["limit"],
                "total": total,
            }
        )
    return paging.paged(response, query["page"], query["limit"], total)


def _change(event: Event, corrected_by: int | None) -> dict[str, Any]:
    """An event as in its decision's log, with a link to the decision it belongs to."""
    document = presenters.event(event, corrected_by)
    document["links"]["decision"] = f"/v1/decisions/{event.decision_id}"
    return document
