"""What was recorded lately, across every decision: a feed to follow changes by.

The feed is in commit order, paged by an opaque cursor: each page's ``next`` link
(RFC 8288) carries the position of its last change, and a follower keeps the last
``next`` it was given and asks again with it. Positions follow commit order (a lock
held until the commit orders the writers), so a writer that commits late, on any
decision, comes after what a follower has already read, never before it: nothing is
skipped. ``since`` (a moment; OParl's ``modified_since``) starts the feed by time. No
page numbers and no totals: a page costs the same however long the log. As CSV, the
changes have the columns of a decision's events (``decision_id`` says whose); without
``limit``, every change.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from flask import Blueprint, Response, current_app, request
from marshmallow import ValidationError, fields, validate

from service.formats import presenters, tabular
from service.http import paging
from service.http.negotiation import csv_response, json_response, wants_csv, whole_csv_response
from service.requests.fields import Moment, QueryInteger
from service.requests.schemas import FormatQuery
from service.shared.facts import Event
from service.views.events import BATCH, event_rows

bp = Blueprint("changes", __name__)

#: The file a CSV of the changes is downloaded as.
FILENAME = "changes.csv"


class Cursor(fields.String):
    """The ``after`` of a ``next`` link: the position it stands after."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> int:
        position = paging.position_of(str(value))
        if position is None:
            raise ValidationError("Not a cursor this feed gave: take `after` from a page's `next` link.")
        return position


class ChangesQuery(FormatQuery):
    """Query of GET /v1/changes (operationId listChanges)."""

    since = Moment(load_default=None)
    after = Cursor(load_default=None)
    limit = QueryInteger(load_default=20, validate=validate.Range(min=1, max=100))


changes_query = ChangesQuery()


@bp.get("/changes")
def list_changes() -> Response:
    """operationId: listChanges."""
    query = changes_query.load(request.args)
    store = current_app.extensions["medfin"]
    after, since = query["after"], query["since"]
    if wants_csv(query["format"]) and "limit" not in request.args:
        # Both read once: the body is made twice (hashed for its ETag, then sent), and a
        # correction recorded in between must change neither.
        upto, log, corrected_upto = store.last_position(), store, store.last_event_id()

        def rows() -> Iterator[list[str]]:
            batches = log.change_batches(after=after, since=since, upto=upto, size=BATCH)
            return event_rows(log, batches, corrected_upto)

        return whole_csv_response(rows, tabular.EVENT_COLUMNS, FILENAME)
    found, more, reached = store.changes(after=after, since=since, limit=query["limit"])
    corrections = store.corrections([e.event_id for e in found])
    documents = [_change(e, corrections.get(e.event_id)) for e in found]
    if wants_csv(query["format"]):
        response = csv_response(tabular.event_rows(documents), tabular.EVENT_COLUMNS, FILENAME)
    else:
        response = json_response(
            {
                "since": None if since is None else presenters.timestamp(since),
                "after": request.args.get("after"),
                "items": documents,
                "limit": query["limit"],
                "more": more,
                "next": paging.cursor(reached),
            }
        )
    return paging.next_link(response, reached)


def _change(event: Event, corrected_by: int | None) -> dict[str, Any]:
    """An event as in its decision's log, with a link to the decision it belongs to."""
    document = presenters.event(event, corrected_by)
    document["links"]["decision"] = f"/v1/decisions/{event.decision_id}"
    return document
