"""The commitment as a 360Giving grant (operationId get360Giving): a JSON package or a CSV row.

A proposal is no award: until Kommunstyrelsen's adoption is recorded, and after an
appeal annuls it, there is no grant, and the answer is a ``no-award`` problem that says
why and links the commitment, never a package the standard's schema refuses.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, Response, current_app, request

from service.formats import threesixtygiving
from service.http.negotiation import csv_response, json_response, wants_csv
from service.http.problems import Problem
from service.requests.schemas import format_query
from service.storage.decisions import load_decision
from service.views.catalog import public_base_url

bp = Blueprint("giving", __name__)


@bp.get("/decisions/<decision_id>/360giving")
def get_360giving(decision_id: str) -> Response:
    """operationId: get360Giving."""
    query = format_query.load(request.args)
    decision = load_decision(decision_id)
    as_csv = wants_csv(query["format"])
    events, now = current_app.extensions["medfin"].events(decision.decision_id), datetime.now(UTC)
    facts = threesixtygiving.facts_at(events, now)
    if threesixtygiving.award(facts) is None:
        commitment = f"/v1/decisions/{decision.decision_id}/commitment"
        raise Problem(
            "no-award",
            threesixtygiving.why_no_award(decision, facts),
            headers={"Link": f'<{commitment}>; rel="related"'},
            commitment=commitment,
        )
    record = threesixtygiving.grant(
        decision,
        events,
        facts,
        prefix=current_app.config["THREESIXTYGIVING_PREFIX"],
        base_url=public_base_url(),
        now=now,
    )
    if as_csv:
        row = threesixtygiving.csv_row(record)
        return csv_response([row], threesixtygiving.CSV_HEADER, f"{decision.decision_id}-360giving.csv")
    return json_response(threesixtygiving.package(record, record["fundingOrganization"][0]))
