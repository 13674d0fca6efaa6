"""An auditor's scenarios run over HTTP (operationId runScenarios): the same runner and
vocabulary as ``medfin scenarios run``, against this service's answers; it only reads.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, request

from service.formats.jsonio import NotJson, loads
from service.http.problems import Problem
from service.steps import runner
from service.storage.decisions import load_decision

bp = Blueprint("scenario_runs", __name__)


@bp.post("/decisions/<decision_id>/scenarios")
def run_scenarios(decision_id: str) -> Any:
    """operationId: runScenarios."""
    decision = load_decision(decision_id)
    text = _feature_text()
    try:
        results = runner.run_read_only(current_app, decision.decision_id, text)
    except runner.NotGherkin as error:
        raise Problem(
            "not-gherkin",
            f"Line {error.line}, column {error.column}: {error.detail[:200]}",
            errors=[{"pointer": "/feature", "detail": f"line {error.line}, column {error.column}"}],
        ) from error
    except runner.TooLarge as error:
        raise Problem("scenario-run-too-large", str(error)) from error
    return runner.as_json(results)


def _feature_text() -> str:
    """The feature: the body as ``text/x-gherkin``, or ``{"feature": "..."}`` as JSON."""
    limit = int(current_app.config["SCENARIO_MAX_BYTES"])
    if (request.content_length or 0) > limit:
        raise Problem("payload-too-large", f"Send at most {limit} bytes of scenarios at once.")
    body = request.get_data(cache=False)
    if len(body) > limit:
        raise Problem("payload-too-large", f"Send at most {limit} bytes of scenarios at once.")
    if request.mimetype == "text/x-gherkin":
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError as error:
            raise Problem("not-gherkin", "The feature must be UTF-8 text.") from error
    if request.mimetype == "application/json":
        try:
            document = loads(body)
        except NotJson as error:
            raise Problem("malformed-json", str(error)) from error
        if not isinstance(document, dict) or set(document) != {"feature"} or not isinstance(document["feature"], str):
            raise Problem(
                "validation-error",
                'Send {"feature": "<the feature text>"}.',
                errors=[{"pointer": "/feature", "detail": "Must be the feature's text, a string."}],
            )
        return document["feature"]
    raise Problem(
        "unsupported-media-type", 'Send the feature as text/x-gherkin, or as application/json {"feature": ...}.'
    )
