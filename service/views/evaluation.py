"""The commitment on a date, from the shipped facts or from facts the caller gives."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import Blueprint, current_app, request

from rules import evaluate
from service.formats import presenters
from service.formats.jsonio import NotJson, loads
from service.http.problems import Problem, excerpt
from service.requests.schemas import commitment_query, what_if
from service.shared.stockholm import today
from service.shared.text import may_hold_bad_text, refuse_bad_text
from service.storage.decisions import load_decision

bp = Blueprint("evaluation", __name__)


def json_body() -> Any:
    """The request's JSON body, or a problem saying what is wrong with it: not JSON, or
    a name or string in it that is not text (``service.shared.text``), before any schema reads it."""
    if request.mimetype != "application/json" and not request.mimetype.endswith("+json"):
        # As sent: WSGI hands headers over as Latin-1, and service.http.request_text let it in as UTF-8.
        sent = request.environ.get("CONTENT_TYPE", "").encode("latin-1").decode("utf-8", "replace")
        given = excerpt(sent or "none")
        raise Problem("unsupported-media-type", f"Send the body as application/json (Content-Type was {given}).")
    body = request.get_data(cache=False)
    try:
        document = loads(body)
    except NotJson as error:
        raise Problem("malformed-json", str(error)) from error
    if may_hold_bad_text(body):
        refuse_bad_text(document)
    return document


@bp.post("/decisions/<decision_id>/evaluate")
def evaluate_decision(decision_id: str) -> Any:
    """operationId: evaluateDecision."""
    decision = load_decision(decision_id)
    body = json_body()
    if not isinstance(body, dict):
        raise Problem(
            "validation-error",
            "The body must be a JSON object.",
            errors=[{"pointer": "/", "detail": "Must be an object."}],
        )
    result = what_if(decision, body)
    provider = current_app.json
    if not provider.writes_compact:  # type: ignore[attr-defined]
        return presenters.evaluation(result)
    return current_app.response_class(presenters.evaluation_json(result) + b"\n", mimetype=provider.mimetype)


@bp.get("/decisions/<decision_id>/commitment")
def get_commitment(decision_id: str) -> Any:
    """operationId: getCommitment. The status on ``as_of`` (default today) from the
    recorded events, as the record stood at ``known_as_of`` (default: as it stands).

    The record as it stands is read from the decision's kept standing (``EventStore.standing``),
    whatever the log's length; as it stood at an earlier moment, from its nearest
    checkpoint (``EventStore.standing_at``)."""
    decision = load_decision(decision_id)
    query = commitment_query.load(request.args)
    store = current_app.extensions["medfin"]
    standing = store.standing(decision_id)
    as_of, asked = query["as_of"] or today(), query["known_as_of"]
    # The record as it stands is the record as of its newest event. Stating that moment,
    # rather than now, keeps the answer's bytes (and its ETag) until something is recorded.
    newest = standing.recorded_at or datetime.now(UTC)
    if asked is None or asked >= newest:
        known_at, record = asked or newest, standing
    else:
        known_at, record = asked, store.standing_at(decision_id, asked)
    facts = record.facts(as_of)
    # The link is to the whole log, as it stands, whose length it gives.
    summary = presenters.facts_summary(decision_id, record, as_of, standing.event_count)
    document = presenters.evaluation(evaluate(decision, facts, on=as_of))
    document["known_as_of"] = presenters.timestamp(known_at.astimezone(UTC))
    document["facts"] = summary
    document["unknowns"] = presenters.unknowns(decision, facts)
    base = f"/v1/decisions/{decision.decision_id}"
    document["links"] = {
        "self": f"{base}/commitment",
        "decision": base,
        "events": f"{base}/events",
        "html": presenters.html_page(decision),
    }
    return document
