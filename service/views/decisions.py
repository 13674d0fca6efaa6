"""Reading decisions: list, one decision, its source, its rules, its financing plan."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from flask import Blueprint, Response, request

from rules import choose, financing_balance, plan_shares, plan_total
from service.formats import presenters, tabular
from service.formats.table_schemas import DECISIONS, FINANCING_PLAN
from service.http import paging
from service.http.negotiation import csv_response, json_response, wants_csv, whole_csv_response
from service.requests.schemas import diarienummer_query, format_query, list_query
from service.storage.decisions import decision_ids, load_decision
from service.views.lookup import see_decision

bp = Blueprint("decisions", __name__)


@bp.get("/decisions")
def list_decisions() -> Response:
    """operationId: listDecisions. With ``diarienummer``, 303 to that decision."""
    query = list_query.load(request.args)
    diarienummer = diarienummer_query.load(request.args)["diarienummer"]
    if diarienummer is not None:
        return see_decision(diarienummer)
    ids = decision_ids()
    if wants_csv(query["format"]) and not paging.is_paged():
        return whole_csv_response(lambda: _decision_rows(ids), DECISIONS.header, "decisions.csv")
    start = (query["page"] - 1) * query["limit"]
    page = ids[start : start + query["limit"]]
    if wants_csv(query["format"]):
        response = csv_response(_decision_rows(page), DECISIONS.header, "decisions.csv")
    else:
        items = [presenters.summary(load_decision(i)) for i in page]
        response = json_response({"items": items, "page": query["page"], "limit": query["limit"], "total": len(ids)})
    return paging.paged(response, query["page"], query["limit"], len(ids))


def _decision_rows(ids: Iterable[str]) -> Iterator[list[Any]]:
    for decision_id in ids:
        summary = presenters.summary(load_decision(decision_id))
        yield [summary[column] for column in DECISIONS.header]


@bp.get("/decisions/<decision_id>")
def get_decision(decision_id: str) -> Any:
    """operationId: getDecision."""
    return presenters.detail(load_decision(decision_id))


@bp.get("/decisions/<decision_id>/source")
def get_decision_source(decision_id: str) -> Any:
    """operationId: getDecisionSource."""
    decision = load_decision(decision_id)
    return {
        "decision_id": decision.decision_id,
        "diarienummer": decision.diarienummer,
        "media_type": "text/markdown",
        "text": decision.source_text(),
        "anchors": [{"anchor": a["anchor"], "heading": a["heading"]} for a in decision.data["anchors"]],
    }


@bp.get("/decisions/<decision_id>/rules")
def list_rules(decision_id: str) -> Response:
    """operationId: listRules."""
    query = format_query.load(request.args)
    document = presenters.rule_list(load_decision(decision_id))
    if wants_csv(query["format"]):
        rows = tabular.rule_rows(document["rules"])
        return whole_csv_response(lambda: rows, tabular.RULE_COLUMNS, f"{decision_id}-rules.csv")
    return json_response(document)


@bp.get("/decisions/<decision_id>/financing-plan")
def get_financing_plan(decision_id: str) -> Response:
    """operationId: getFinancingPlan."""
    query = format_query.load(request.args)
    decision = load_decision(decision_id)
    reading = choose(decision)
    total = plan_total(decision, reading)
    parties = {p["party_id"]: p["name"] for p in decision.data["parties"]}
    contributions = [
        {
            "contribution_id": c.contribution_id,
            "parties": [{"party_id": p, "name": parties[p]} for p in c.parties],
            "amount": presenters.show(amount),
            "kind": c.kind,
            "kind_label": presenters.kind_label(c.kind),
            "share": f"{share.quantize(presenters.SHARE)}",
            "citation": presenters.citation(c.citation),
        }
        for c, amount, share in plan_shares(decision, reading)
    ]
    if wants_csv(query["format"]):
        rows = [
            [
                c["contribution_id"],
                "; ".join(p["name"] for p in c["parties"]),
                c["amount"],
                decision.currency,
                c["kind"],
                c["share"],
                c["citation"]["quote"],
            ]
            for c in contributions
        ]
        return whole_csv_response(lambda: rows, FINANCING_PLAN.header, f"{decision.decision_id}-financing-plan.csv")

    return json_response(
        {
            "decision_id": decision.decision_id,
            "currency": decision.currency,
            "stated_total": presenters.show(decision.stated_total),
            "total": presenters.show(total),
            "contributions": contributions,
            "checks": [presenters.rule_outcome(financing_balance(decision, reading))],
            "interpretations": reading.as_dict(),
        }
    )
