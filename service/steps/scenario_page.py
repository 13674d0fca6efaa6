"""What the scenario page (``/decisions/{id}/scenarios``) shows: the feature text a form
sent, and a run's results worded for an auditor, in Swedish.

The run itself is the API's (``views.scenario_runs.run_read_only``): the same runner,
vocabulary and bounds as ``POST /v1/decisions/{id}/scenarios``, read-only. Here a
result becomes what a reader follows: each step with its outcome as a word (the marks
✓ ✗ ? – are shown beside the word, never instead of it), the rule's own message, and
links from a failure to the rule and to the quoted text on the decision page.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from werkzeug.datastructures import FileStorage

from rules import SHIPPED, Decision
from service.pages.page_content import section_id
from service.shared.text import describe
from service.steps.runner import MARKS, STATUS_SV, ScenarioResult, StepResult, readings, summary
from service.steps.shipped import features_of

#: The feature the form starts with: the README's example (tests/test_readme.py holds them alike).
EXAMPLE = Path(__file__).resolve().parents[1] / "pages" / "templates" / "exempel.feature"

STEP_SV = {"passed": "höll", "failed": "höll inte", "undefined": "okänt steg", "skipped": "hoppades över"}
#: A form's text may hold what a feature file holds: tabs and line breaks, no other control character.
_ALLOWED_CONTROLS = frozenset("\t\n\r")


class FormError(Exception):
    """What the form sent cannot be run: its problem type, said in Swedish for the page
    and in English for a client that asks for a problem document."""

    def __init__(self, slug: str, sv: str, en: str) -> None:
        super().__init__(en)
        self.slug, self.sv, self.en = slug, sv, en


@cache
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def example(decision: Decision) -> str:
    """The feature the form starts with: for the shipped decision the README's example;
    for another, its own first feature, which is written for its terms."""
    if decision.folder == SHIPPED:
        return _read(EXAMPLE)
    own = features_of(decision)
    return _read(own[0]) if own else "# language: sv\nEgenskap: Mina kontroller\n"


def feature_text(pasted: str | None, upload: FileStorage | None, limit: int) -> str:
    """The feature to run: the uploaded file if one was chosen, else the pasted text."""
    if upload is not None and upload.filename:
        what, sent = "Filen", upload.stream.read(limit + 1)
    else:
        what, sent = "Texten", (pasted or "").replace("\r\n", "\n").encode("utf-8", "surrogatepass")
    if len(sent) > limit:
        raise FormError(
            "payload-too-large",
            f"{what} är större än {grouped(limit)} byte. Dela upp den i flera filer.",
            f"Send at most {limit} bytes of scenarios at once.",
        )
    try:
        text = sent.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FormError(
            "not-gherkin",
            f"{what} är inte text i UTF-8 (byte {error.start + 1} kan inte stå där).",
            f"The feature is not UTF-8 text (byte {error.start + 1} cannot start a character there).",
        ) from error
    if not text.strip():
        raise FormError(
            "not-gherkin",
            "Klistra in ett scenario i rutan, eller välj en fil, och kör igen.",
            "The form holds no feature: send its text as the field feature, or a file as fil.",
        )
    for line_number, line in enumerate(text.splitlines(), start=1):
        bad = next((c for c in line if c not in _ALLOWED_CONTROLS and _is_control(c)), None)
        if bad is not None:
            column = line.index(bad) + 1
            raise FormError(
                "not-gherkin",
                f"Rad {line_number}, kolumn {column}: tecknet U+{ord(bad):04X} är ett styrtecken; ta bort det.",
                f"Line {line_number}, column {column}: {describe(bad)} cannot be in a feature; remove it.",
            )
    return text


def grouped(count: int) -> str:
    """65536 → "65 536", as Swedish text groups digits (a no-break space between groups)."""
    return f"{count:,}".replace(",", "\u00a0")


def _is_control(character: str) -> bool:
    code = ord(character)
    return code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF


def results(decision: Decision, ran: list[ScenarioResult]) -> dict[str, Any]:
    """The run as the page shows it: a summary sentence and each scenario step by step."""
    counted = summary(ran)
    return {
        "summary": _summary_sentence(len(ran), counted),
        "counted": counted,
        "scenarios": [_scenario(decision, result) for result in ran],
    }


def _summary_sentence(total: int, counted: dict[str, int]) -> str:
    scenarier = "scenario" if total == 1 else "scenarier"
    if total == 0:
        return "Inget scenario kördes: texten har en egenskap men inget scenario."
    return (
        f"{total} {scenarier} kördes. Höll: {counted['passed']}. Höll inte: {counted['failed']}."
        f" Kunde inte köras helt: {counted['undefined']}."
    )


def _scenario(decision: Decision, result: ScenarioResult) -> dict[str, Any]:
    return {
        "name": result.name,
        "line": result.line,
        "tags": result.tags,
        "status": result.status,
        "status_label": STATUS_SV[result.status],
        "readings": readings(result.interpretations) if result.interpretations else "",
        "steps": [_step(decision, step) for step in result.steps],
    }


def _step(decision: Decision, step: StepResult) -> dict[str, Any]:
    return {
        "keyword": step.keyword,
        "text": step.text,
        "line": step.line,
        "status": step.status,
        "mark": MARKS[step.status],
        "label": STEP_SV[step.status],
        # An unknown step's message only lists the suggestions, which the page shows as a list.
        "message": step.message["sv"] if step.message and not step.suggestions else None,
        "suggestions": step.suggestions,
        "rule": _rule(decision, step.rule) if step.rule else None,
    }


def _rule(decision: Decision, rule: dict[str, Any]) -> dict[str, Any]:
    """The rule that decided a failed step, linked to where the decision page lists it,
    and each passage it quotes, linked to that passage on the decision page."""
    page = f"/decisions/{decision.decision_id}"
    text = decision.rule_texts.get(rule["rule_id"])
    ids = [section_id(decision, c["anchor"], c.get("document", "")) for c in rule["citations"]]
    citations = [
        {"heading": _heading(decision, c), "quote": c["quote"], "href": f"{page}#{id_}"}
        for c, id_ in zip(rule["citations"], ids, strict=True)
    ]
    first = ids[0] if ids else None
    return {
        "rule_id": rule["rule_id"],
        "name": text.name_sv if text else rule["rule_id"],
        "title": text.title["sv"] if text else rule["rule_id"],
        "href": f"{page}#regel-{rule['rule_id']}-{first}" if first else f"/v1/decisions/{decision.decision_id}/rules",
        "citations": citations,
    }


def _heading(decision: Decision, citation: dict[str, Any]) -> str:
    anchor = citation["anchor"]
    for point in decision.data["decision_points"]:
        if point["anchor"] == anchor:
            return f"Beslutspunkt {point['number']}"
    headings = {a["anchor"]: a["heading"] for a in decision.data["anchors"]}
    return headings.get(anchor) or citation.get("document") or anchor
