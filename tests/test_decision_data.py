"""The decision's data file says only what its sources say.

Every quote in the data file is checked against the text it cites: the tjänsteskrivelse
shipped beside the data file, or, for a quote from another document (a statute, a press
page), the vendored copy its `source_file` names under rules/decisions/sources/. A quote
from a vendored statute must stand in the paragraph its `anchor` names (a `## ...` heading
of that file)."""

from __future__ import annotations

import re

import pytest

from rules import RULE_IDS, decision_ids, load_decision
from rules.decision import SHIPPED as DECISIONS_DIR

DECISION = load_decision("ks-2024-1371-481")
OWN_SOURCE = DECISION.data["source_file"]
SOURCES_DIR = DECISIONS_DIR / "sources"
VENDORED = sorted(SOURCES_DIR.glob("*.md"))


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _text(source_file: str) -> str:
    return _normal((DECISIONS_DIR / source_file).read_text(encoding="utf-8"))


def _sections(source_file: str) -> dict[str, str]:
    """A vendored file's `## heading` sections, by heading, each whitespace-normalised."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in (DECISIONS_DIR / source_file).read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = sections.setdefault(line[3:].strip(), [])
        elif current is not None:
            current.append(line)
    return {heading: _normal("\n".join(lines)) for heading, lines in sections.items()}


def _quotes(node, path="", source=OWN_SOURCE):
    """Every (path, anchor, quote, source_file, document) in the data file. A node's own
    `source_file` names the text its quotes come from; without one, the tjänsteskrivelse."""
    if isinstance(node, dict):
        if path:  # the root's source_file is the decision's own document, the default
            source = node.get("source_file", OWN_SOURCE)
        document = node.get("document")
        if "quote" in node:
            yield path, node.get("anchor"), node["quote"], source, document
        for key, value in node.items():
            if key.endswith("_quote"):
                anchor = node.get(key.replace("_quote", "_anchor"))
                yield f"{path}/{key}", anchor, value, source, document
            yield from _quotes(value, f"{path}/{key}", source)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _quotes(value, f"{path}/{index}", source)


QUOTES = list(_quotes(DECISION.data))
OWN_QUOTES = [q for q in QUOTES if q[3] == OWN_SOURCE]
OTHER_QUOTES = [q for q in QUOTES if q[3] != OWN_SOURCE]


def test_decision_data_quotes_many_passages():
    assert len(OWN_QUOTES) >= 40


@pytest.mark.parametrize(("path", "anchor", "quote", "source", "document"), QUOTES, ids=[q[0] for q in QUOTES])
def test_decision_data_quote_occurs_verbatim_in_its_source(path, anchor, quote, source, document):
    assert _normal(quote) in _text(source), f"{path}: not in {source}"


def test_decision_data_quotes_from_another_document_name_a_vendored_copy():
    """A citation of another document (`document`) says where its text is (`source_file`),
    so that no quote escapes the check above."""
    for path, _anchor, _quote, source, document in QUOTES:
        if document is not None:
            assert source != OWN_SOURCE, f"{path}: cites {document!r} without a source_file"
    for path, _anchor, _quote, source, _document in OTHER_QUOTES:
        assert source.startswith("sources/") and (DECISIONS_DIR / source).is_file(), f"{path}: {source}"


@pytest.mark.parametrize(
    ("path", "anchor", "quote", "source", "document"),
    [q for q in OTHER_QUOTES if q[1]] or [pytest.param(None, None, None, None, None, marks=pytest.mark.skip)],
    ids=[q[0] for q in OTHER_QUOTES if q[1]] or ["none"],
)
def test_decision_data_statute_quote_stands_in_the_paragraph_it_cites(path, anchor, quote, source, document):
    sections = _sections(source)
    assert anchor in sections, f"{path}: {source} has no paragraph {anchor!r} (it has {sorted(sections)})"
    assert _normal(quote) in sections[anchor], f"{path}: not in {anchor} of {source}"


def test_the_press_fact_keeps_its_url_and_the_line_it_relies_on():
    (fact,) = [f for f in DECISION.data["facts"] if f["fact_id"] == "eruf-grant-reported-2024-12-16"]
    assert fact["source_url"].startswith("https://campusflemingsberg.se/")
    assert fact["source_url"] in _text(fact["source_file"])
    assert "€10.8 million" in fact["budget_quote"]


@pytest.mark.parametrize("path", VENDORED, ids=[p.name for p in VENDORED])
def test_every_vendored_source_says_where_it_comes_from_and_on_what_terms(path):
    text = path.read_text(encoding="utf-8")
    assert re.search(r"https://\S+", text), "no address of the source"
    assert "Upphovsrätt" in text and "(1960:729)" in text, "no note of the terms it is reproduced on"


def test_decision_data_every_anchor_cited_is_declared():
    """Anchors of the tjänsteskrivelse are declared in [[anchors]]; a vendored text's
    anchors are its own paragraphs, checked above."""
    declared = {a["anchor"] for a in DECISION.data["anchors"]}
    cited = {anchor for _, anchor, _, _, _ in OWN_QUOTES if anchor} | {
        c.anchor for text in DECISION.rule_texts.values() for c in text.citations if c.document == DECISION.document
    }
    assert cited <= declared, cited - declared


def test_decision_data_decision_points_are_the_three_of_the_source():
    points = DECISION.data["decision_points"]
    source = _text(OWN_SOURCE)
    assert [p["number"] for p in points] == [1, 2, 3]
    for point in points:
        assert f"{point['number']}. {point['text']}" in source


def test_decision_data_has_citations_for_exactly_the_rules():
    assert tuple(DECISION.rule_texts) == RULE_IDS
    assert all(text.citations for text in DECISION.rule_texts.values())


def test_decision_data_gives_organisation_numbers_only_where_a_source_does():
    parties = {p["party_id"]: p for p in DECISION.data["parties"]}
    huddinge = parties.pop("huddinge-kommun")
    assert huddinge["organisation_number"] == "212000-0068"
    assert huddinge["organisation_number_source_url"].startswith("https://")
    assert huddinge["organisation_number_source_title"]
    assert {p.get("organisation_number") for p in parties.values()} == {None}


def test_decision_data_leaves_the_adoption_date_unknown():
    assert "adopted_on" in DECISION.data["unknowns"]
    assert not any(f["type"] == "adoption" for f in DECISION.data["facts"])


def test_decision_data_slug_is_derived_from_the_diarienummer():
    assert decision_ids() == ("ks-2024-1371-481",)
    assert re.sub(r"[^a-z0-9]+", "-", DECISION.diarienummer.lower()) == DECISION.decision_id


def test_the_api_lists_the_rules_of_the_issue_by_their_stable_ids(client):
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
        "legal-force",
        "financing-balance",
    ]
    assert all(r["citations"] and r["title"]["sv"] and r["title"]["en"] for r in listed)


def test_the_fictitious_decisions_quotes_occur_verbatim_in_its_own_source():
    """The second decision (tests/decisions/) is held to the same standard as the shipped one."""
    from rules import SHIPPED, library
    from tests.conftest import FIXTURE_DECISION, FIXTURE_DECISIONS

    fixture = library((SHIPPED, FIXTURE_DECISIONS)).load(FIXTURE_DECISION)
    text = _normal((fixture.folder / fixture.data["source_file"]).read_text(encoding="utf-8"))
    quotes = list(_quotes(fixture.data))
    assert len(quotes) >= 30
    assert [path for path, _anchor, quote, _source, _document in quotes if _normal(quote) not in text] == []


@pytest.mark.parametrize("decision_id", ["ks-2024-1371-481", "ks-2099-0042"])
def test_each_beslutspunkt_maps_to_rules_the_engine_knows(decision_id):
    from rules import SHIPPED, library
    from tests.conftest import FIXTURE_DECISIONS

    decision = library((SHIPPED, FIXTURE_DECISIONS)).load(decision_id)
    mapped = [rule for point in decision.data["decision_points"] for rule in point.get("rules", [])]
    assert mapped and set(mapped) <= set(RULE_IDS)
    # The suspensive condition names its point in messages: exactly one point holds it.
    assert len(decision.points["eruf-approval"]) == 1
