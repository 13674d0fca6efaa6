"""Pages for people: the decisions and their status today, and an auditor's own
scenarios run against them, in Swedish, as HTML.

Server-rendered from the same rules and event store as the JSON API; no script, no
external files. The stylesheet is served by the app itself. The scenario page's form
posts back to itself, so it works without JavaScript; the run is the API's
(``runScenarios``), read-only, within the same bounds.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, make_response, render_template, request

from service.http import caching
from service.http.problems import TYPES, Problem
from service.pages import page_charts as charts
from service.pages import page_content as content
from service.shared.stockholm import today
from service.steps import runner, scenario_page, traceability
from service.steps.shipped import run_if_done, scenarios_for
from service.storage.decisions import decision_ids, load_decision
from service.views.catalog import publisher
from service.views.entry import entry_document, wants_entry_document
from service.views.steps import vocabulary

bp = Blueprint("pages", __name__, template_folder="../pages/templates")


@bp.app_context_processor
def _publisher() -> dict[str, Any]:
    """Every page names who publishes it (base.html), as the catalogue does."""
    return {"publisher": publisher()}


#: What the scenario page's form sends (and a form without a file).
FORM_TYPES = frozenset(("multipart/form-data", "application/x-www-form-urlencoded"))
ASSETS = Path(__file__).resolve().parents[1] / "pages" / "assets"


def _recorded(decision_id: str) -> Any:
    return current_app.extensions["medfin"].events(decision_id)


def _standing(decision_id: str, *, keep: bool = True) -> Any:
    return current_app.extensions["medfin"].standing(decision_id, keep=keep)


@bp.get("/")
def get_home_page() -> Any:
    """operationId: getHomePage. The entry document instead, for a client that asks for JSON."""
    if wants_entry_document():
        response = current_app.json.response(entry_document())
    else:
        on, listed = today(), []
        for decision_id in decision_ids():
            decision = load_decision(decision_id)
            now = content.commitment(decision, _standing(decision_id, keep=False), on=on)
            listed.append({"decision": decision, "status": content.status(decision, now, scenarios_for(decision))})
        response = make_response(render_template("home.html", decisions=listed, on=on))
    response.vary.add("Accept")
    return response


@bp.get("/decisions/<decision_id>")
def get_decision_page(decision_id: str) -> str:
    """operationId: getDecisionPage."""
    decision, on = load_decision(decision_id), today()
    scenarios = scenarios_for(decision)
    standing = _standing(decision_id)
    # The log as far as the standing: an event recorded in between would be drawn
    # beside a status that does not count it yet.
    recorded = [e for e in _recorded(decision_id) if e.event_id <= standing.last_event_id]
    now = content.commitment(decision, standing, on=on)
    points = content.decision_points(decision, now.result, scenarios)
    sections = content.other_sections(decision, now.result, scenarios)
    return render_template(
        "decision.html",
        decision=decision,
        on=on,
        status=content.status(decision, now, scenarios),
        points=points,
        sections=sections,
        other_scenarios=content.other_scenarios(scenarios, points, sections),
        scenarios_available=bool(scenarios),
        plan=content.financing_plan(decision, now.result),
        timeline=content.timeline(decision, recorded, on=on),
        chart=charts.money_chart(decision, recorded, now),
        lifeline=charts.lifeline(decision, recorded, now),
        links=content.links(decision),
        # From the shipped scenarios' run if it is done; otherwise the run is started and
        # the page says so (the API's .../traceability waits for it).
        trace=content.trace_matrix(traceability.matrix(decision, _run_if_done(decision.decision_id))),
    )


def _run_if_done(decision_id: str) -> Any:
    """The shipped scenarios' run, if it is done; until then the page says it is under way,
    and is not remembered (it will change without an event or a new day)."""
    run = run_if_done(decision_id)
    if run is None:
        caching.unsettled()
    return run


@bp.get("/decisions/<decision_id>/scenarios")
def get_scenario_page(decision_id: str) -> str:
    """operationId: getScenarioPage."""
    decision = load_decision(decision_id)
    return _scenario_page(decision, scenario_page.example(decision))


@bp.post("/decisions/<decision_id>/scenarios")
def run_scenarios_on_page(decision_id: str) -> tuple[str, int]:
    """operationId: runScenariosOnPage."""
    decision = load_decision(decision_id)
    if request.mimetype not in FORM_TYPES:
        raise Problem("unsupported-media-type", "Send the page's form: multipart/form-data, or a urlencoded form.")
    limit = int(current_app.config["SCENARIO_MAX_BYTES"])
    text = request.form.get("feature", "")
    try:
        # A file may come as the form's own field, or (curl -F feature=@file) as the text's.
        upload = request.files.get("fil") or request.files.get("feature")
        text = scenario_page.feature_text(text, upload, limit)
        ran = runner.run_read_only(current_app, decision.decision_id, text)
    except scenario_page.FormError as error:
        return _refused(decision, text, Problem(error.slug, error.en), error.sv)
    except runner.NotGherkin as error:
        where = f"rad {error.line}, kolumn {error.column}"
        said = f"Texten är inte Gherkin: {where}. Parserns besked (på engelska): {error.detail[:200]}"
        detail = f"Line {error.line}, column {error.column}: {error.detail[:200]}"
        return _refused(decision, text, Problem("not-gherkin", detail), said)
    except runner.TooLarge as error:
        return _refused(decision, text, Problem("scenario-run-too-large", str(error)), error.sv)
    return _scenario_page(decision, text, run=scenario_page.results(decision, ran)), 200


def _refused(decision: Any, text: str, problem: Problem, said: str) -> tuple[str, int]:
    """The form again with what was wrong, in Swedish; the problem document instead for
    a client that asks for one (``Accept: application/problem+json``)."""
    accepted = request.accept_mimetypes
    preferred = accepted.best_match(["text/html", "application/problem+json", "application/json"])
    if accepted.provided and preferred != "text/html":
        raise problem
    return _scenario_page(decision, text, error=said), TYPES[problem.slug][0]


def _scenario_page(decision: Any, text: str, **shown: Any) -> str:
    config = current_app.config
    return render_template(
        "scenarios.html",
        decision=decision,
        on=today(),
        feature=text,
        steps=vocabulary()["steps"],
        bounds={
            "bytes": scenario_page.grouped(int(config["SCENARIO_MAX_BYTES"])),
            "scenarios": config["SCENARIO_MAX_SCENARIOS"],
            "steps": scenario_page.grouped(int(config["SCENARIO_MAX_STEPS"])),
        },
        **shown,
    )


@bp.get("/assets/medfin.css")
def get_stylesheet() -> Response:
    """operationId: getStylesheet."""
    return Response(_stylesheet(), mimetype="text/css")


@functools.cache
def _stylesheet() -> bytes:
    return (ASSETS / "medfin.css").read_bytes()
