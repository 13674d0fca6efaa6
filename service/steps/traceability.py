"""The traceability matrix: every anchor of the source text → the rules that cite it →
the shipped scenarios tagged with it, with their outcome in this process's run.

An anchor is *normative* when a rule cites it: the rule turns its words into a verdict,
so a scenario must verify it (the test suite fails where none does). The other anchors
(the header, the summary, the signatures) are listed too, so that a reader sees the
whole text and what, of it, is executable. Citations of other documents (a law, the
municipality's notice of appeal) are given with the rule that makes them.
"""

from __future__ import annotations

from typing import Any

from rules import Decision
from service.formats.table_schemas import TRACEABILITY
from service.formats.tabular import JOIN
from service.steps.shipped import Run, Scenario, scenarios_for, worst

CSV_COLUMNS = TRACEABILITY.header


def matrix(decision: Decision, run: Run | None) -> dict[str, Any]:
    """The matrix as the API answers it; without a ``run`` (a page that does not wait
    for it), every scenario's outcome is ``not_run``."""
    rules = decision.data["rules"]
    scenarios = scenarios_for(decision)
    anchors = []
    for anchor in decision.data["anchors"]:
        name = anchor["anchor"]
        citing = [rule for rule in rules if any(c["anchor"] == name and "document" not in c for c in rule["citations"])]
        verifying = [_scenario(s, run) for s in scenarios if name in s.tags]
        anchors.append(
            {
                "anchor": name,
                "heading": anchor["heading"],
                "normative": bool(citing),
                "rules": [_rule(decision, rule, name) for rule in citing],
                "scenarios": verifying,
                "verified": _verified(citing, [s["outcome"] for s in verifying]),
            }
        )
    return {
        "decision_id": decision.decision_id,
        "ran_at": None if run is None else run.ran_at.isoformat().replace("+00:00", "Z"),
        "summary": _summary(anchors),
        "anchors": anchors,
    }


def _scenario(scenario: Scenario, run: Run | None) -> dict[str, Any]:
    where = {"feature": scenario.path, "line": scenario.line, "tags": list(scenario.tags)}
    return {"name": scenario.title, **where, "outcome": _outcome(run, scenario)}


def _outcome(run: Run | None, scenario: Scenario) -> str:
    return "not_run" if run is None else run.outcome(scenario)


def _rule(decision: Decision, rule: dict[str, Any], anchor: str) -> dict[str, Any]:
    return {
        "rule_id": rule["rule_id"],
        "title": decision.rule_texts[rule["rule_id"]].title,
        "quotes": [c["quote"] for c in rule["citations"] if c["anchor"] == anchor and "document" not in c],
        "other_documents": [
            {"document": c["document"], "anchor": c["anchor"], "quote": c["quote"]}
            for c in rule["citations"]
            if "document" in c
        ],
    }


def _verified(citing: list[Any], outcomes: list[str]) -> str:
    """``passed`` when scenarios verify the anchor and all passed; ``failed`` or
    ``undefined`` when one did not; ``unverified`` when a normative anchor has none;
    ``not_normative`` when no rule cites it and nothing is asked of it."""
    if not outcomes:
        return "unverified" if citing else "not_normative"
    return worst(outcomes)


def _summary(anchors: list[dict[str, Any]]) -> dict[str, int]:
    normative = [a for a in anchors if a["normative"]]
    return {
        "anchors": len(anchors),
        "normative": len(normative),
        "verified": sum(a["verified"] == "passed" for a in normative),
        "unverified": sum(a["verified"] == "unverified" for a in normative),
        "failing": sum(a["verified"] in ("failed", "undefined") for a in normative),
    }


def csv_rows(document: dict[str, Any]) -> list[list[Any]]:
    """One row per anchor and scenario (an anchor without scenarios: one row, no scenario)."""
    rows = []
    for anchor in document["anchors"]:
        head = [
            anchor["anchor"],
            anchor["heading"],
            "true" if anchor["normative"] else "false",
            anchor["verified"],
            JOIN.join(r["rule_id"] for r in anchor["rules"]),
        ]
        for scenario in anchor["scenarios"] or [None]:
            if scenario is None:
                rows.append([*head, "", "", "", "", document["ran_at"]])
            else:
                where = [scenario["name"], scenario["feature"], scenario["line"], scenario["outcome"]]
                rows.append([*head, *where, document["ran_at"]])
    return rows
