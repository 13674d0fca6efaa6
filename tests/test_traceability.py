"""The traceability matrix: every anchor of the source → the rules that cite it → the
shipped scenarios tagged with it, with the outcome of this process's run; as JSON, as
CSV and as a table on the decision page. A normative anchor (one a rule cites) that no
scenario verifies fails the suite here."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from rules import decision_ids, load_decision
from service.steps import shipped, traceability
from service.steps.runner import ScenarioResult
from tests.contract import assert_problem

DECISION = "ks-2024-1371-481"
MATRIX = f"/v1/decisions/{DECISION}/traceability"


@pytest.mark.parametrize("decision_id", decision_ids())
def test_every_anchor_a_rule_cites_is_verified_by_a_scenario(decision_id):
    decision = load_decision(decision_id)
    document = traceability.matrix(decision, None)
    unverified = [a["anchor"] for a in document["anchors"] if a["normative"] and not a["scenarios"]]
    assert unverified == [], f"no scenario is tagged with these anchors that rules cite: {unverified}"


def test_every_normative_anchor_passed_in_the_last_run(client):
    document = client.get(MATRIX).json
    normative = [a for a in document["anchors"] if a["normative"]]
    assert {a["anchor"]: a["verified"] for a in normative} == {a["anchor"]: "passed" for a in normative}
    assert document["summary"]["verified"] == document["summary"]["normative"] == len(normative) > 0


def test_matrix_lists_every_anchor_of_the_source_in_order_with_its_citing_rules(client):
    decision = load_decision(DECISION)
    document = client.get(MATRIX).json
    assert [a["anchor"] for a in document["anchors"]] == [a["anchor"] for a in decision.data["anchors"]]
    by_anchor = {a["anchor"]: a for a in document["anchors"]}
    assert [r["rule_id"] for r in by_anchor["beslut-2"]["rules"]] == ["period", "funding-source"]
    funding = by_anchor["beslut-2"]["rules"][1]
    assert funding["quotes"] == ["Medel tas från reserverade medel för oförutsett"]
    # The header is part of the text, but nothing in it is made executable.
    assert by_anchor["sidhuvud"] | {"scenarios": []} == {
        "anchor": "sidhuvud",
        "heading": "Sidhuvud: datum, diarienummer, handläggare",
        "normative": False,
        "rules": [],
        "scenarios": [],
        "verified": "not_normative",
    }
    # A law the period rule also rests on is named with the rule, not as an anchor of the text.
    period = next(r for r in by_anchor["beslut-2"]["rules"] if r["rule_id"] == "period")
    assert [d["document"] for d in period["other_documents"]] == ["Lag (1930:173) om beräkning av lagstadgad tid"]


def test_each_scenario_carries_its_file_line_and_outcome(client):
    document = client.get(MATRIX).json
    fotnot = next(a for a in document["anchors"] if a["anchor"] == "fotnot-1")
    (scenario,) = fotnot["scenarios"]
    assert scenario["feature"] == "features/beslutspunkt_1.feature"
    assert scenario["outcome"] == "passed"
    written = (shipped.FEATURES / "beslutspunkt_1.feature").read_text(encoding="utf-8").splitlines()
    assert written[scenario["line"] - 1].strip() == f"Scenario: {scenario['name']}"
    ran_at = datetime.fromisoformat(document["ran_at"])
    assert ran_at <= datetime.now(UTC)


def test_a_failed_scenario_makes_its_anchor_failing():
    decision = load_decision(DECISION)
    (target,) = shipped.tagged("fotnot-1")
    failed = ScenarioResult(target.title, target.path, target.line, list(target.tags), "failed", [])
    document = traceability.matrix(decision, shipped.Run(datetime.now(UTC), (failed,)))
    fotnot = next(a for a in document["anchors"] if a["anchor"] == "fotnot-1")
    assert (fotnot["verified"], fotnot["scenarios"][0]["outcome"]) == ("failed", "failed")
    assert document["summary"]["failing"] >= 1
    # Every other scenario is absent from that run: it could not be said to have passed.
    assert {a["verified"] for a in document["anchors"] if a["normative"]} <= {"failed", "undefined"}


def test_csv_has_one_row_per_anchor_and_scenario(client):
    document = client.get(MATRIX).json
    response = client.get(MATRIX, query_string={"format": "csv"})
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert tuple(rows[0]) == traceability.CSV_COLUMNS
    assert len(rows) == sum(max(1, len(a["scenarios"])) for a in document["anchors"])
    footnote = [r for r in rows if r["anchor"] == "fotnot-1"]
    assert [(r["normative"], r["verified"], r["rule_ids"], r["outcome"]) for r in footnote] == [
        ("true", "passed", "recipient", "passed")
    ]
    header = next(r for r in rows if r["anchor"] == "sidhuvud")
    assert (header["scenario"], header["outcome"], header["verified"]) == ("", "", "not_normative")


def test_unknown_decision_and_format_are_problems(client):
    assert_problem(client.get("/v1/decisions/ks-1999-1-1/traceability"), 404)
    assert_problem(client.get(MATRIX, query_string={"format": "xml"}), 400)


def test_decision_page_shows_the_matrix_with_the_runs_outcomes(client):
    shipped.last_run(DECISION)
    page = client.get(f"/decisions/{DECISION}").get_data(as_text=True)
    section = page[page.index('id="sparbarhet"') : page.index('id="finansieringsplan"')]
    assert "7 av 7 citerade avsnitt är verifierade" in section
    assert '<a href="#fotnot-1">Fotnot 1</a>' in section
    assert "Flemingsberg Science är stiftelsen som fotnoten beskriver" in section
    assert "Inget scenario prövar avsnittet" not in section
    assert "Ingen regel citerar avsnittet" in section  # the header, the summary and the like
    assert 'id="fotnot-1"' in page  # the link leads to the section that quotes the footnote


def test_before_the_run_is_done_the_page_says_the_scenarios_are_running():
    document = traceability.matrix(load_decision(DECISION), None)
    assert document["ran_at"] is None
    assert {s["outcome"] for a in document["anchors"] for s in a["scenarios"]} == {"not_run"}
