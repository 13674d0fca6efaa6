"""Pages for people: the decisions and their status today, in Swedish, as HTML.

Server-rendered from the same rules and event store as the JSON API; no script, no
external files. The stylesheet is served by the app itself.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, render_template

from rules import decision_ids, load_decision
from service import page_content as content
from service.steps.shipped import index as scenario_index
from service.stockholm import today

bp = Blueprint("pages", __name__, template_folder="../templates")

ASSETS = Path(__file__).resolve().parents[1] / "assets"


def _recorded(decision_id: str) -> Any:
    return current_app.extensions["medfin"].events(decision_id)


@bp.get("/")
def get_home_page() -> str:
    """operationId: getHomePage."""
    on, listed = today(), []
    for decision_id in decision_ids():
        decision = load_decision(decision_id)
        now = content.commitment(decision, _recorded(decision_id), on=on)
        listed.append({"decision": decision, "status": content.status(decision, now)})
    return render_template("home.html", decisions=listed, on=on)


@bp.get("/decisions/<decision_id>")
def get_decision_page(decision_id: str) -> str:
    """operationId: getDecisionPage."""
    decision, on = load_decision(decision_id), today()
    recorded = _recorded(decision_id)
    now = content.commitment(decision, recorded, on=on)
    points = content.decision_points(decision, now.result)
    sections = content.other_sections(decision, now.result)
    return render_template(
        "decision.html",
        decision=decision,
        on=on,
        status=content.status(decision, now),
        points=points,
        sections=sections,
        other_scenarios=content.other_scenarios(points, sections),
        scenarios_available=bool(scenario_index()),
        plan=content.financing_plan(decision, now.result),
        timeline=content.timeline(decision, recorded, on=on),
        links=content.links(decision),
        trace=content.trace_matrix(decision),
    )


@bp.get("/assets/medfin.css")
def get_stylesheet() -> Response:
    """operationId: getStylesheet."""
    return Response(_stylesheet(), mimetype="text/css")


@functools.cache
def _stylesheet() -> bytes:
    return (ASSETS / "medfin.css").read_bytes()
