"""The recorded facts of a decision: an append-only log, public to read, written with a token."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from flask import Blueprint, Response, current_app, request

from rules import Decision
from service.formats import presenters, tabular
from service.formats.jsonio import compact
from service.http import paging
from service.http.negotiation import csv_response, json_response, wants_csv, whole_csv_response
from service.http.problems import Problem, excerpt
from service.requests.event_schemas import load_event
from service.requests.schemas import list_query
from service.shared.facts import Event
from service.storage import limits
from service.storage.decisions import load_decision
from service.storage.store import Answer, Draft, IdempotencyConflict
from service.views.auth import writer
from service.views.evaluation import json_body
from service.views.recording import checker

bp = Blueprint("events", __name__)

#: How many events a whole CSV reads from the store at a time.
BATCH = 500
#: The largest id the store's columns hold (PostgreSQL's BIGINT, SQLite's INTEGER).
MAXIMUM_EVENT_ID = 2**63 - 1
#: openapi.yaml's Idempotency-Key: visible ASCII, spaces only inside.
IDEMPOTENCY_KEY = re.compile(r"[!-~]([ -~]{0,198}[!-~])?")


def store() -> Any:
    return current_app.extensions["medfin"]


def event_rows(log: Any, batches: Iterable[list[Event]], upto: int) -> Iterator[list[str]]:
    """CSV rows of the events in ``batches``, each with its correction as recorded up to
    the event id ``upto``: the rows of a snapshot of the log, a batch at a time. The
    store ``log`` is passed, not found through the app: the rows are read again while
    the body is sent, after the request's context has gone."""
    for batch in batches:
        corrections = log.corrections([e.event_id for e in batch], upto=upto)
        yield from tabular.event_rows(presenters.event(e, corrections.get(e.event_id)) for e in batch)


@bp.get("/decisions/<decision_id>/events")
def list_events(decision_id: str) -> Response:
    """operationId: listEvents. As CSV without ``page`` and ``limit``: the whole log."""
    load_decision(decision_id)
    query = list_query.load(request.args)
    if wants_csv(query["format"]) and not paging.is_paged():
        upto, log = store().last_event_id(decision_id), store()

        def rows() -> Iterator[list[str]]:
            return event_rows(log, log.batches(decision_id, upto=upto, size=BATCH), upto)

        return whole_csv_response(rows, tabular.EVENT_COLUMNS, f"{decision_id}-events.csv")
    items, total = store().page(decision_id, page=query["page"], limit=query["limit"])
    corrections = store().corrections([e.event_id for e in items])
    documents = [presenters.event(e, corrections.get(e.event_id)) for e in items]
    if wants_csv(query["format"]):
        response = csv_response(tabular.event_rows(documents), tabular.EVENT_COLUMNS, f"{decision_id}-events.csv")
    else:
        response = json_response({"items": documents, "page": query["page"], "limit": query["limit"], "total": total})
    return paging.paged(response, query["page"], query["limit"], total)


@bp.get("/decisions/<decision_id>/events/<event_id>")
def get_event(decision_id: str, event_id: str) -> Any:
    """operationId: getEvent. An id the store cannot hold names no event: a 404, never
    a question to the database (whose integers end at 2**63 - 1)."""
    load_decision(decision_id)
    number = int(event_id) if re.fullmatch(r"[0-9]{1,19}", event_id) else 0
    found = store().event(decision_id, number) if 1 <= number <= MAXIMUM_EVENT_ID else None
    if found is None:
        raise Problem(
            "unknown-event", f"Decision {decision_id} has no event {excerpt(event_id)}; list them at ../events."
        )
    return presenters.event(found, store().corrections([number]).get(number))


def created(event: Event) -> Answer:
    """The 201 answer to recording ``event``, as bytes. The store calls it inside the
    write's transaction: text that cannot be written as UTF-8 fails the write, instead of
    failing the answer to a write already stored (which a client would retry, twice stored)."""
    document = presenters.event(event, None)
    return Answer(201, compact(document).encode("utf-8"), document["links"]["self"])


@bp.post("/decisions/<decision_id>/events")
def record_event(decision_id: str) -> Response:
    """operationId: recordEvent. Every write a right token makes counts against its
    limit, whatever its answer (``service.storage.limits``): one the store stores,
    refuses or replays in the write's own transaction, one refused before, alone. One
    the database fails (a 503) stores nothing, the count neither.

    A process's writers of one decision take turns from the moment the token is
    admitted, not only over the store's part (``EventStore.turn``, in which ``append``
    goes on): a request without a right token, or whose token must wait, never holds
    the turn. A worker's threads hand the interpreter's lock to each other at every call
    that waits on the database, and a write makes several: two writes of one decision
    at once, the second reading its body while the first is stored, hand it over at
    each of them. Waiting instead cost a tenth less CPU a write (SQLite, one worker of 2
    threads, 4 connections, rounds taking turns with the other way's: 2.68x and 2.84x
    the echo's CPU against 2.89x and 3.20x, with the turn taken before the token was read)."""
    decision = load_decision(decision_id)
    name = writer()
    with store().turn(decision_id):
        return _recorded(decision_id, decision, name)


def _recorded(decision_id: str, decision: Decision, name: str) -> Response:
    """``record_event`` once its token is admitted."""
    try:
        draft, idempotency = _write_request()
    except Exception:
        limits.count_a_write(name)  # a 429 instead, if that was one too many
        raise
    try:
        with limits.counting_a_write(name) as count:
            stored = store().append(
                decision_id,
                draft,
                recorded_by=name,
                check=checker(decision),
                answer=created,
                idempotency=idempotency,
                count=count,
            )
    except IdempotencyConflict as error:
        raise Problem(
            "idempotency-key-reused",
            f"The Idempotency-Key {excerpt(str(error))} was first used with another body; "
            "use a new key for a new event.",
        ) from error
    response = Response(stored.body, status=stored.status, mimetype="application/json")
    if stored.location:
        response.headers["Location"] = stored.location
    if stored.replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return response


def _write_request() -> tuple[Draft, tuple[str, str] | None]:
    """The event the request's body says to record, and its Idempotency-Key with the
    body's hash (None without one); a 400 problem for a body or key that cannot be."""
    body = json_body()
    draft = load_event(body)
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return draft, None
    if IDEMPOTENCY_KEY.fullmatch(key) is None:
        rule = "1 to 200 visible ASCII characters, spaces allowed between them"
        raise Problem(
            "validation-error",
            f"Idempotency-Key must be {rule}, such as ver-2025-0042.",
            errors=[{"parameter": "Idempotency-Key", "detail": f"Must be {rule}."}],
        )
    canonical = json.dumps(body, sort_keys=True, default=str, ensure_ascii=False)
    return draft, (key, hashlib.sha256(canonical.encode()).hexdigest())
