"""The rules, called directly: boundaries on both sides, the lifecycle, exact money."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from rules import Disbursement, ErufDecision, Facts, UnknownInterpretation, evaluate, load_decision, render

DECISION = load_decision("ks-2024-1371-481")
SOURCE, RECIPIENT = "reserverade-medel-for-oforutsett", "stiftelsen-flemingsberg-science"
ADOPTED, APPROVED = date(2024, 9, 16), ErufDecision(date(2024, 12, 16), "approved")


def paid(day: date, amount: str, source: str = SOURCE, recipient: str = RECIPIENT) -> Disbursement:
    return Disbursement(day, Decimal(amount), source, recipient)


def adopted_and_approved(*payments: Disbursement, **more) -> Facts:
    return Facts(adopted_on=ADOPTED, eruf_decision=APPROVED, disbursements=payments, **more)


def outcomes(evaluation) -> dict[str, str]:
    return {r.rule_id: r.outcome for r in evaluation.rules}


def verdict(facts: Facts, payment: Disbursement, on: date = date(2026, 1, 1), **interpretations):
    return evaluate(DECISION, facts, on=on, proposed=payment, interpretations=interpretations).proposed


@pytest.mark.parametrize(
    ("already", "amount", "allowed"),
    [
        ("0.00", "1000000.00", True),  # beslut-1: exactly "en miljon kronor"
        ("0.00", "1000000.01", False),  # one öre more
        ("999999.99", "0.01", True),
        ("999999.99", "0.02", False),
    ],
)
def test_amount_cap_allows_exactly_one_million_and_not_an_ore_more(already, amount, allowed):
    before = (paid(date(2025, 2, 1), already),) if already != "0.00" else ()
    result = verdict(adopted_and_approved(*before), paid(date(2025, 6, 1), amount))
    assert result.allowed is allowed
    assert ("amount-cap" in result.violations) is not allowed


@pytest.mark.parametrize(
    ("day", "allowed"),
    [(date(2024, 12, 31), False), (date(2025, 1, 1), True), (date(2027, 12, 31), True), (date(2028, 1, 1), False)],
)
def test_period_is_the_budget_years_2025_to_2027(day, allowed):
    result = verdict(adopted_and_approved(), paid(day, "100.00"), on=date(2028, 6, 1))
    assert ("period" in result.violations) is not allowed


def test_period_under_36_months_reading_runs_from_the_project_start():
    facts = adopted_and_approved(project_started_on=date(2025, 2, 1))
    chosen = {"three-years": "36-months-from-project-start"}
    assert "period" in verdict(facts, paid(date(2025, 1, 15), "1.00"), **chosen).violations
    assert verdict(facts, paid(date(2028, 1, 31), "1.00"), on=date(2028, 2, 1), **chosen).allowed
    assert "period" in verdict(facts, paid(date(2028, 2, 1), "1.00"), on=date(2028, 2, 1), **chosen).violations


def test_period_under_36_months_reading_is_pending_while_the_start_is_unknown():
    result = evaluate(
        DECISION,
        adopted_and_approved(paid(date(2025, 3, 1), "1.00")),
        on=date(2025, 6, 1),
        interpretations={"three-years": "36-months-from-project-start"},
    )
    assert outcomes(result)["period"] == "pending"


def test_wrong_funding_source_and_recipient_are_each_refused_with_their_rule():
    result = verdict(adopted_and_approved(), paid(date(2025, 6, 1), "10.00", "kommunstyrelsens-anslag", "hemso"))
    assert result.violations == ("funding-source", "recipient")
    assert "Reserverade medel för oförutsett" in render(result.rules[4])["sv"]


@pytest.mark.parametrize(
    ("facts", "broken"),
    [
        (Facts(eruf_decision=APPROVED), "adoption"),  # never adopted
        (Facts(adopted_on=date(2025, 7, 1), eruf_decision=APPROVED), "adoption"),  # adopted after the payment
        (Facts(adopted_on=ADOPTED), "eruf-approval"),  # no ERUF decision
        (Facts(adopted_on=ADOPTED, eruf_decision=ErufDecision(date(2025, 7, 1), "approved")), "eruf-approval"),
        (Facts(adopted_on=ADOPTED, eruf_decision=ErufDecision(date(2025, 1, 1), "rejected")), "eruf-approval"),
    ],
)
def test_a_payment_needs_adoption_and_eruf_approval_on_or_before_its_day(facts, broken):
    result = verdict(facts, paid(date(2025, 6, 1), "10.00"), on=date(2025, 12, 1))
    assert result.violations == (broken,)


def test_a_payment_on_the_day_of_adoption_and_approval_is_allowed():
    facts = Facts(adopted_on=date(2025, 3, 3), eruf_decision=ErufDecision(date(2025, 3, 3), "approved"))
    assert verdict(facts, paid(date(2025, 3, 3), "10.00")).allowed


@pytest.mark.parametrize(
    ("facts", "on", "status"),
    [
        (Facts(), date(2025, 1, 1), "proposed"),
        (Facts(adopted_on=ADOPTED), date(2024, 9, 15), "proposed"),  # the day before adoption
        (Facts(adopted_on=ADOPTED), date(2024, 9, 16), "conditional"),
        (adopted_and_approved(), date(2024, 12, 15), "conditional"),  # ERUF decision the day after
        (adopted_and_approved(), date(2024, 12, 16), "in_force"),  # ERUF decision on the asked day
        (Facts(ADOPTED, ErufDecision(date(2025, 1, 10), "rejected")), date(2025, 1, 10), "lapsed"),
        (Facts(ADOPTED, ErufDecision(date(2025, 1, 10), "withdrawn")), date(2025, 2, 1), "lapsed"),
        (adopted_and_approved(paid(date(2025, 5, 1), "1000000.00")), date(2025, 5, 1), "fulfilled"),
        (adopted_and_approved(paid(date(2025, 5, 1), "1000000.00")), date(2025, 4, 30), "in_force"),
        (adopted_and_approved(paid(date(2025, 5, 1), "999999.99")), date(2027, 12, 31), "in_force"),
        (adopted_and_approved(paid(date(2025, 5, 1), "999999.99")), date(2028, 1, 1), "expired"),
    ],
)
def test_status_follows_the_lifecycle_from_facts_known_on_the_date(facts, on, status):
    assert evaluate(DECISION, facts, on=on).status == status


def test_three_payments_of_333333_33_leave_exactly_one_ore():
    facts = adopted_and_approved(*(paid(date(2025, m, 1), "333333.33") for m in (3, 6, 9)))
    amounts = evaluate(DECISION, facts, on=date(2025, 12, 1)).amounts
    assert (amounts.disbursed, amounts.remaining) == (Decimal("999999.99"), Decimal("0.01"))
    assert isinstance(amounts.remaining, Decimal)


def test_facts_dated_after_the_asked_date_do_not_count():
    facts = adopted_and_approved(paid(date(2025, 3, 1), "400000.00"), paid(date(2025, 9, 1), "100000.00"))
    amounts = evaluate(DECISION, facts, on=date(2025, 8, 31)).amounts
    assert amounts.disbursed == Decimal("400000.00")


def test_recorded_payment_before_adoption_violates_adoption():
    facts = Facts(adopted_on=date(2025, 3, 1), eruf_decision=APPROVED, disbursements=(paid(date(2025, 2, 1), "5.00"),))
    result = evaluate(DECISION, facts, on=date(2025, 6, 1))
    assert outcomes(result)["adoption"] == "violated"


def test_reduced_eruf_grant_counts_as_approval_only_under_the_default_reading():
    reduced = Facts(ADOPTED, ErufDecision(date(2024, 12, 16), "approved", Decimal("4000000.00")))
    assert evaluate(DECISION, reduced, on=date(2025, 1, 1)).status == "in_force"
    strict = evaluate(DECISION, reduced, on=date(2025, 1, 1), interpretations={"reduced-eruf-grant": "does-not-count"})
    assert strict.status == "lapsed"
    assert outcomes(strict)["eruf-approval"] == "violated"


def test_financing_plan_balances_only_when_ki_and_rs_give_0_1_million_together():
    together = evaluate(DECISION, Facts(), on=date(2025, 1, 1))
    each = evaluate(DECISION, Facts(), on=date(2025, 1, 1), interpretations={"ki-rs-life-science-contribution": "each"})
    assert outcomes(together)["financing-balance"] == "satisfied"
    assert outcomes(each)["financing-balance"] == "violated"
    assert "11 100 000,00 kr" in render(each.rules[6])["sv"].replace("\u00a0", " ")


def test_eu_share_is_exactly_the_40_percent_allowed():
    rate = evaluate(DECISION, Facts(), on=date(2025, 1, 1)).rules[7]
    assert rate.outcome == "satisfied"
    assert dict(rate.message_values) == {"rate": "40", "maximum": "40"}
    assert rate.citations[-1].document.startswith("Förordning (EU) 2021/1060")


def test_equal_thirds_reading_refuses_more_than_a_third_in_one_year():
    facts = adopted_and_approved(paid(date(2025, 3, 1), "300000.00"))
    chosen = {"yearly-split": "equal-thirds"}
    assert verdict(facts, paid(date(2025, 9, 1), "33333.34"), **chosen).allowed
    assert verdict(facts, paid(date(2025, 9, 1), "33333.35"), **chosen).violations == ("amount-cap",)
    assert verdict(facts, paid(date(2026, 9, 1), "333333.34"), **chosen).allowed
    assert verdict(facts, paid(date(2025, 9, 1), "400000.00")).allowed  # the default: free split


def test_unknown_interpretation_or_option_is_refused():
    with pytest.raises(UnknownInterpretation):
        evaluate(DECISION, Facts(), on=date(2025, 1, 1), interpretations={"tre-ar": "x"})
    with pytest.raises(UnknownInterpretation) as error:
        evaluate(DECISION, Facts(), on=date(2025, 1, 1), interpretations={"three-years": "calendar"})
    assert "budget-years-2025-2027" in str(error.value)


def test_every_outcome_cites_its_anchor_and_speaks_both_languages():
    facts = adopted_and_approved(paid(date(2025, 3, 1), "1.00"))
    result = evaluate(DECISION, facts, on=date(2025, 6, 1), proposed=paid(date(2025, 6, 1), "2.00"))
    for outcome in (*result.rules, *result.proposed.rules):
        assert outcome.citations
        message = render(outcome)
        assert message["sv"] and message["en"] and message["sv"] != message["en"]


def test_a_payment_whose_period_cannot_be_decided_is_not_allowed():
    chosen = {"three-years": "36-months-from-project-start"}
    result = verdict(adopted_and_approved(), paid(date(2025, 6, 1), "10.00"), **chosen)
    assert (result.allowed, result.violations) == (False, ())
    assert [r.outcome for r in result.rules if r.rule_id == "period"] == ["pending"]


def test_swedish_messages_write_a_percentage_with_a_comma():
    each = evaluate(DECISION, Facts(), on=date(2025, 1, 1), interpretations={"ki-rs-life-science-contribution": "each"})
    message = render(each.rules[7])
    assert "39,64 %" in message["sv"] and "39.64 %" in message["en"]
