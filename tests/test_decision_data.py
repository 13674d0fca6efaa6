"""The decision's data file says only what its sources say."""

from __future__ import annotations

import re

import pytest

from rules import RULE_IDS, decision_ids, load_decision

DECISION = load_decision("ks-2024-1371-481")
SOURCE = re.sub(r"\s+", " ", DECISION.source_text())


def _quotes(node, path=""):
    """Every (path, anchor, quote) in the data file that cites the source itself."""
    if isinstance(node, dict):
        if "quote" in node and "document" not in node:  # a "document" is another text
            yield path, node.get("anchor"), node["quote"]
        for key, value in node.items():
            if key.endswith("_quote"):
                yield f"{path}/{key}", node.get(key.replace("_quote", "_anchor")), value
            yield from _quotes(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _quotes(value, f"{path}/{index}")


QUOTES = list(_quotes(DECISION.data))


def test_decision_data_quotes_many_passages():
    assert len(QUOTES) >= 40


@pytest.mark.parametrize(("path", "anchor", "quote"), QUOTES, ids=[q[0] for q in QUOTES])
def test_decision_data_quote_occurs_verbatim_in_source(path, anchor, quote):
    assert re.sub(r"\s+", " ", quote) in SOURCE


def test_decision_data_every_anchor_cited_is_declared():
    declared = {a["anchor"] for a in DECISION.data["anchors"]} | {DECISION.data["eu_cofinancing"]["anchor"]}
    cited = {anchor for _, anchor, _ in QUOTES if anchor} | {
        c.anchor for text in DECISION.rule_texts.values() for c in text.citations
    }
    assert cited <= declared, cited - declared


def test_decision_data_decision_points_are_the_three_of_the_source():
    points = DECISION.data["decision_points"]
    assert [p["number"] for p in points] == [1, 2, 3]
    for point in points:
        assert f"{point['number']}. {point['text']}" in SOURCE


def test_decision_data_has_citations_for_exactly_the_eight_rules():
    assert tuple(DECISION.rule_texts) == RULE_IDS
    assert all(text.citations for text in DECISION.rule_texts.values())


def test_decision_data_gives_organisation_numbers_only_where_a_source_does():
    numbers = {p["party_id"]: p.get("organisation_number") for p in DECISION.data["parties"]}
    assert numbers.pop("huddinge-kommun") == "212000-0068"
    assert set(numbers.values()) == {None}


def test_decision_data_leaves_the_adoption_date_unknown():
    assert "adopted_on" in DECISION.data["unknowns"]
    assert not any(f["type"] == "adoption" for f in DECISION.data["facts"])


def test_decision_data_slug_is_derived_from_the_diarienummer():
    assert decision_ids() == ("ks-2024-1371-481",)
    assert re.sub(r"[^a-z0-9]+", "-", DECISION.diarienummer.lower()) == DECISION.decision_id


def test_the_api_lists_the_eight_rules_of_the_issue_by_their_stable_ids(client):
    """The ids other authorities code against, written out here rather than read from the
    code: renaming or dropping one breaks this test, not silently the clients."""
    listed = client.get("/v1/decisions/ks-2024-1371-481/rules").get_json()["rules"]
    assert [r["rule_id"] for r in listed] == [
        "adoption",
        "eruf-approval",
        "amount-cap",
        "period",
        "funding-source",
        "recipient",
        "financing-balance",
        "eu-cofinancing-rate",
    ]
    assert all(r["citations"] and r["title"]["sv"] and r["title"]["en"] for r in listed)
