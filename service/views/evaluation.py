"""The commitment on a date, from the shipped facts or from facts the caller gives."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask import Blueprint, request

from rules import evaluate, load_decision, shipped_facts
from service import presenters
from service.jsonio import NotJson, loads
from service.problems import Problem
from service.schemas import commitment_query, evaluation_request

bp = Blueprint("evaluation", __name__)
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def today() -> date:
    """Today where the decision was taken: a status changes at Swedish midnight."""
    return datetime.now(STOCKHOLM).date()


def json_body() -> Any:
    """The request's JSON body, or a problem saying what is wrong with it."""
    if request.mimetype != "application/json" and not request.mimetype.endswith("+json"):
        given = request.mimetype or "none"
        raise Problem("unsupported-media-type", f"Send the body as application/json (Content-Type was {given}).")
    try:
        return loads(request.get_data(cache=False))
    except NotJson as error:
        raise Problem("malformed-json", str(error)) from error


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
    data = evaluation_request.load(body)
    result = evaluate(
        decision,
        data["facts"],
        on=data["as_of"],
        proposed=data["proposed_disbursement"],
        interpretations=data["interpretations"],
    )
    return presenters.evaluation(result)


@bp.get("/decisions/<decision_id>/commitment")
def get_commitment(decision_id: str) -> Any:
    """operationId: getCommitment."""
    decision = load_decision(decision_id)
    as_of = commitment_query.load(request.args)["as_of"] or today()
    document = presenters.evaluation(evaluate(decision, shipped_facts(decision), on=as_of))
    document["facts"] = [_fact(f, as_of) for f in decision.data.get("facts", [])]
    document["unknowns"] = presenters.unknowns(decision)
    return document


def _fact(fact: dict[str, Any], as_of: date) -> dict[str, Any]:
    day = fact.get("decided_on") or fact.get("dated_on")
    return {
        "fact_id": fact["fact_id"],
        "type": fact["type"],
        "date": day,
        "counts": date.fromisoformat(day) <= as_of,
        "evidence": fact["evidence"],
        "source": {"title": fact["source_title"], "publisher": fact.get("source_publisher")},
        "note": {"sv": fact["note_sv"], "en": fact["note_en"]},
    }
