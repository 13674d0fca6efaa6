"""POST .../evaluate with Kommunstyrelsen's decision in full, appeals and a withdrawal
after approval (issue 9): facts that cannot be true are a 400 pointing under /facts; the
answer carries each rule's kind, the excess and the nonconforming payments, and the
appeal period."""

from __future__ import annotations

import json

import pytest

from service.requests.schemas import EvaluationRequestSchema, well_formed
from tests.examples import DECISION, payment, what_if, with_facts

EVALUATE = f"{DECISION}/evaluate"
ADOPTED = {"decided_on": "2024-09-16", "outcome": "adopted", "body": "Kommunstyrelsen"}


def evaluated(client, body: dict) -> dict:
    response = client.post(EVALUATE, json=body)
    assert response.status_code == 200, response.json
    return response.json


def rule(answer: dict, rule_id: str) -> dict:
    return next(r for r in answer["rules"] if r["rule_id"] == rule_id)


def test_the_adoption_in_full_answers_as_the_shorthand(client):
    shorthand = evaluated(client, what_if())
    full = {k: v for k, v in with_facts(adoption=ADOPTED).items()}
    del full["facts"]["adopted_on"]
    assert evaluated(client, full) == shorthand
    both = evaluated(client, with_facts(adoption=ADOPTED))  # the two agree
    assert both == shorthand


@pytest.mark.parametrize(
    ("facts", "pointer"),
    [
        ({"adoption": {**ADOPTED, "decided_on": "2024-09-17"}}, "/facts/adopted_on"),
        ({"adoption": {**ADOPTED, "outcome": "rejected"}}, "/facts/adopted_on"),
        ({"adopted_on": None, "adoption": {**ADOPTED, "body": "Botkyrka kommunstyrelse"}}, "/facts/adoption/body"),
        ({"adopted_on": "2024-08-01"}, "/facts/adopted_on"),
        ({"adopted_on": None, "adoption": {**ADOPTED, "decided_on": "2024-08-01"}}, "/facts/adoption/decided_on"),
        ({"adopted_on": None, "adoption": {**ADOPTED, "outcome": "adopted_amended"}}, "/facts/adoption/amended_amount"),
        (
            {"eruf_decision": {"decided_on": "2024-12-16", "outcome": "rejected", "granted_amount": "1.00"}},
            "/facts/eruf_decision/granted_amount",
        ),
        ({"eruf_withdrawn_on": "2024-12-01"}, "/facts/eruf_withdrawn_on"),
        ({"adopted_on": None, "appeals": [{"lodged_on": "2024-10-01"}]}, "/facts/appeals/0/lodged_on"),
        ({"appeals": [{"lodged_on": "2024-10-01", "outcome": "upheld"}]}, "/facts/appeals/0/decided_on"),
    ],
    ids=[
        "shorthand and adoption on other days",
        "shorthand and a rejection",
        "another body",
        "shorthand before the proposal",
        "adoption before the proposal",
        "amended without an amount",
        "rejected with a grant",
        "withdrawn after approval before the approval",
        "an appeal with no decision",
        "a ruling without its day",
    ],
)
def test_facts_that_cannot_be_true_are_a_400_pointing_under_facts(client, facts, pointer):
    response = client.post(EVALUATE, json=with_facts(**facts))
    assert response.status_code == 400, response.json
    assert response.json["type"].endswith("validation-error")
    assert pointer in [e["pointer"] for e in response.json["errors"]], response.json


def test_the_answer_carries_each_rules_kind_and_every_amount(client):
    answer = evaluated(client, what_if())
    kinds = [(r["rule_id"], r["kind"]) for r in answer["rules"]]
    assert [rule_id for rule_id, kind in kinds if kind == "check"] == ["legal-force", "financing-balance"]
    assert len([kind for _, kind in kinds if kind == "condition"]) == 6
    assert {r["kind"] for r in answer["proposed_disbursement"]["rules"]} == {"condition"}
    assert answer["amounts"] == {
        "committed": "1000000.00",
        "disbursed": "400000.00",
        "remaining": "600000.00",
        "excess": "0.00",
        "nonconforming": "0.00",
        "currency": "SEK",
    }
    assert answer["appeal"] is None


def test_too_much_paid_is_an_excess_and_remaining_never_goes_below_zero(client):
    answer = evaluated(client, {**with_facts(disbursements=[payment("1200000.00")]), "proposed_disbursement": None})
    assert (answer["amounts"]["remaining"], answer["amounts"]["excess"]) == ("0.00", "200000.00")
    assert rule(answer, "amount-cap")["outcome"] == "violated"


def test_a_payment_to_another_recipient_is_nonconforming_and_fulfils_nothing(client):
    wrong = {**payment("1000000.00"), "recipient": "botkyrka-kommun"}
    answer = evaluated(client, {**with_facts(disbursements=[wrong]), "proposed_disbursement": None})
    assert answer["status"] != "fulfilled"
    assert answer["amounts"]["nonconforming"] == "1000000.00"
    assert (answer["amounts"]["remaining"], answer["amounts"]["excess"]) == ("1000000.00", "0.00")


def test_the_appeal_block_follows_the_announcement_and_the_appeals(client):
    adoption = {**ADOPTED, "decided_on": "2024-11-20", "announced_on": "2024-12-04"}
    body = {**with_facts(adopted_on=None, adoption=adoption), "as_of": "2024-12-27", "proposed_disbursement": None}
    assert evaluated(client, body)["appeal"] == {
        "announced_on": "2024-12-04",
        "period_ends_on": "2024-12-27",  # juldagen, then annandag jul: Friday the 27th
        "period_has_run": False,
        "appeal": "none",
    }
    pending = {**body, "facts": {**body["facts"], "appeals": [{"lodged_on": "2024-12-20"}]}}
    answer = evaluated(client, {**pending, "as_of": "2025-01-10", "proposed_disbursement": payment("10", "2025-01-10")})
    assert answer["appeal"]["appeal"] == "pending" and answer["appeal"]["period_has_run"] is True
    assert answer["proposed_disbursement"]["allowed"] is True  # a pending appeal refuses no payment
    assert rule(answer, "legal-force")["outcome"] == "pending"
    upheld = [{"lodged_on": "2024-12-20", "outcome": "upheld", "decided_on": "2025-03-01"}]
    annulled = evaluated(client, {**body, "as_of": "2025-06-01", "facts": {**body["facts"], "appeals": upheld}})
    assert (annulled["status"], annulled["appeal"]["appeal"]) == ("annulled", "upheld")


def test_a_withdrawal_after_approval_is_given_as_eruf_withdrawn_on(client):
    answer = evaluated(client, {**with_facts(eruf_withdrawn_on="2025-05-01"), "proposed_disbursement": None})
    assert answer["status"] == "withdrawn"
    reading = {"withdrawal-after-approval": "approval-stands"}
    stands = {**with_facts(eruf_withdrawn_on="2025-05-01"), "interpretations": reading}
    assert evaluated(client, stands)["proposed_disbursement"]["allowed"] is True


@pytest.mark.parametrize(
    "body",
    [
        what_if(),
        with_facts(adoption=ADOPTED),
        with_facts(appeals=[]),
        with_facts(eruf_withdrawn_on=None),
        with_facts(adopted_on="2024-09-16", project_started_on="2025-02-01"),
        {**what_if(), "interpretations": {"three-years": "36-months-from-project-start"}},
        with_facts(
            adoption={
                **ADOPTED,
                "outcome": "adopted_amended",
                "amended_amount": "800000.00",
                "announced_on": "2024-09-19",
            }
        ),
        with_facts(adoption={"decided_on": "2024-09-16"}),  # outcome and body left out
        with_facts(adoption=ADOPTED, appeals=[{"lodged_on": "2024-10-01"}]),
        with_facts(
            adoption=ADOPTED, appeals=[{"lodged_on": "2024-10-01", "outcome": "upheld", "decided_on": "2025-04-01"}]
        ),
        with_facts(adoption=ADOPTED, eruf_withdrawn_on="2025-05-01"),
        with_facts(adoption={**ADOPTED, "amended_amount": 400000}),  # a JSON number of whole kronor
    ],
    ids=[
        "shorthand",
        "adoption",
        "appeals",
        "withdrawn",
        "start",
        "reading",
        "amended",
        "bare",
        "pending",
        "upheld",
        "withdrawal",
        "number",
    ],
)
def test_the_shortcut_reads_what_marshmallow_reads(body):
    if "adoption" in body["facts"]:  # given alone: with the shorthand too, marshmallow checks they agree
        body = {**body, "facts": {k: v for k, v in body["facts"].items() if k != "adopted_on"}}
    schema = EvaluationRequestSchema()
    by_marshmallow = super(EvaluationRequestSchema, schema).load(json.loads(json.dumps(body)))
    shortcut = well_formed(json.loads(json.dumps(body)))
    assert shortcut == by_marshmallow
    assert schema.load(json.loads(json.dumps(body))) == by_marshmallow


@pytest.mark.parametrize(
    "facts",
    [
        {"adopted_on": "2024-09-16", "adoption": ADOPTED},  # both: marshmallow says whether they agree
        {"adoption": {**ADOPTED, "outcome": "passed"}},
        {"adoption": {**ADOPTED, "body": ""}},
        {"adoption": {**ADOPTED, "body": "Kommun\nstyrelsen"}},
        {"adoption": {**ADOPTED, "decided_on": "2024-9-16"}},
        {"adoption": {**ADOPTED, "colour": "red"}},
        {"appeals": [{"lodged_on": "2024-10-01", "outcome": "won"}]},
        {"appeals": {"lodged_on": "2024-10-01"}},
        {"eruf_withdrawn_on": 20250501},
    ],
)
def test_the_shortcut_leaves_what_it_does_not_recognise_to_marshmallow(facts):
    assert well_formed({"as_of": "2025-06-01", "facts": facts}) is None
