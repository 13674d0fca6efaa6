"""The traceability matrix (operationId getTraceability): the source's anchors, the
rules that cite them and the shipped scenarios that verify them, with their outcome."""

from __future__ import annotations

from flask import Blueprint, Response, request

from service.http.negotiation import json_response, wants_csv, whole_csv_response
from service.requests.schemas import format_query
from service.steps import traceability
from service.steps.shipped import last_run
from service.storage.decisions import load_decision

bp = Blueprint("traceability", __name__)


@bp.get("/decisions/<decision_id>/traceability")
def get_traceability(decision_id: str) -> Response:
    """operationId: getTraceability. The first request in a process runs the shipped
    features (a few seconds); later ones read that run."""
    query = format_query.load(request.args)
    decision = load_decision(decision_id)
    document = traceability.matrix(decision, last_run(decision.decision_id))
    if wants_csv(query["format"]):
        rows = traceability.csv_rows(document)
        return whole_csv_response(lambda: rows, traceability.CSV_COLUMNS, f"{decision.decision_id}-traceability.csv")
    return json_response(document)
