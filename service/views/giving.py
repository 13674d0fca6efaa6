"""The commitment as a 360Giving grant (operationId get360Giving): a JSON package or a CSV row."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, Response, current_app, request

from rules import load_decision
from service import threesixtygiving
from service.negotiation import csv_response, json_response, wants_csv
from service.schemas import format_query
from service.views.catalog import public_base_url

bp = Blueprint("giving", __name__)


@bp.get("/decisions/<decision_id>/360giving")
def get_360giving(decision_id: str) -> Response:
    """operationId: get360Giving."""
    query = format_query.load(request.args)
    decision = load_decision(decision_id)
    record = threesixtygiving.grant(
        decision,
        current_app.extensions["medfin"].events(decision.decision_id),
        prefix=current_app.config["THREESIXTYGIVING_PREFIX"],
        base_url=public_base_url(),
        now=datetime.now(UTC),
    )
    if wants_csv(query["format"]):
        row = threesixtygiving.csv_row(record)
        return csv_response([row], threesixtygiving.CSV_HEADER, f"{decision.decision_id}-360giving.csv")
    return json_response(threesixtygiving.package(record, record["fundingOrganization"][0]))
