"""The evaluation's hand-written JSON text says exactly what the generic encoder says.

``presenters.evaluation_json`` writes an evaluation's answer directly, each outcome
from kept parts (``service.formats.outcome_documents``), because presenting was most of an
evaluation request's cost. Here it is held to ``compact(presenters.evaluation(...))``,
the generic way, byte for byte: for the benchmark's own varied scenarios, twice over
(the second time from the kept texts), and for amounts alike in value but not in
writing, which a store keyed by value alone would confuse.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from bench.scenarios import as_rules, generate
from rules import RuleOutcome, evaluate, load_decision
from service.formats import outcome_documents, presenters
from service.formats.jsonio import compact

DECISION = load_decision("ks-2024-1371-481")


def _evaluations(count: int, seed: int):
    for facts, on, proposed, chosen in map(as_rules, generate(count, seed=seed)):
        yield evaluate(DECISION, facts, on=on, proposed=proposed, interpretations=chosen)


@pytest.mark.parametrize("seed", [1, 2])
def test_the_written_json_is_the_encoders_for_every_scenario(seed):
    results = list(_evaluations(3000, seed))
    for _ in range(2):  # first made, then from what was kept
        for result in results:
            written = presenters.evaluation_json(result)
            assert written == compact(presenters.evaluation(result)).encode()
    assert {r.status for r in results} >= {"proposed", "conditional", "in_force", "lapsed", "annulled", "withdrawn"}
    assert {r.appeal is None for r in results} == {True, False}  # the appeal block written both ways
    assert {r.proposed.allowed for r in results if r.proposed} == {True, False}


def test_a_store_full_of_outcomes_starts_afresh_and_still_answers_right():
    results = list(_evaluations(outcome_documents._KEEP_MESSAGES + 1000, seed=3))
    for result in results:
        assert presenters.evaluation_json(result) == compact(presenters.evaluation(result)).encode()
    assert len(outcome_documents._messages) <= outcome_documents._KEEP_MESSAGES
    assert len(outcome_documents._by_identity) <= outcome_documents._KEEP


def test_amounts_equal_in_value_but_written_differently_are_worded_alike_to_the_ore():
    """A kept message is found by a key that tells "1.5" from "1.50"; both are worded to the
    öre ("1,50 kr"), and the kept text is the text the message renders to, for each."""
    cap = next(r for r in next(_evaluations(1, seed=4)).rules if r.rule_id == "amount-cap")
    texts = []
    for written in ("1.5", "1.50", "1.500"):
        values = tuple((name, Decimal(written)) for name, _ in cap.message_values)
        outcome = RuleOutcome(cap.rule_id, cap.outcome, cap.citations, cap.message_key, values, cap.interpretation)
        text = outcome_documents.encoded(outcome)
        assert json.loads(text) == json.loads(compact(outcome_documents.document(outcome)))
        texts.append(text)
    assert len(set(texts)) == 1
    assert "1,50 kr" in json.loads(texts[0])["message"]["sv"]
