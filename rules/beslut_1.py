"""Beslutspunkt 1: the amount and the recipient.

"Medfinansiering om en miljon kronor under tre år, avseende Flemingsberg Science
projektansökan till Europeiska regionala utvecklingsfonden om medel för etablering av
klustermotor "Life Science Flemingsberg", godkänns."
"""

from __future__ import annotations

from decimal import ROUND_UP, Decimal
from functools import cache

from rules.beslut_2 import years
from rules.decision import Decision, fixed_outcome
from rules.facts import Disbursement, Facts
from rules.interpretations import YEARLY_SPLIT, Reading
from rules.money import ORE, ZERO
from rules.outcomes import NOT_APPLICABLE, SATISFIED, VIOLATED, RuleOutcome

AMOUNT_CAP = "amount-cap"
RECIPIENT = "recipient"
EQUAL_THIRDS = "equal-thirds"


@cache
def yearly_ceiling(decision: Decision) -> Decimal:
    """Interpretation "yearly-split", option "equal-thirds": one third of the amount,
    rounded up to the öre so that three such years can reach the whole amount."""
    return (decision.amount / 3).quantize(ORE, rounding=ROUND_UP)


def _year_over_third(
    decision: Decision, facts: Facts, reading: Reading, paid: tuple[Disbursement, ...]
) -> RuleOutcome | None:
    """Interpretation "yearly-split", option "equal-thirds": no year above a third."""
    span = years(decision, facts, reading)
    if span is None:
        return None
    third = yearly_ceiling(decision)
    for starts_on, ends_on in span:
        year_total = sum((p.amount for p in paid if starts_on <= p.paid_on <= ends_on), ZERO)
        if year_total > third:
            values = (("year_total", year_total), ("starts_on", starts_on), ("ends_on", ends_on), ("third", third))
            return RuleOutcome(
                AMOUNT_CAP,
                VIOLATED,
                decision.citations(AMOUNT_CAP),
                "cap.year_over_third",
                values,
                (YEARLY_SPLIT, EQUAL_THIRDS),
            )
    return None


def amount_cap(decision: Decision, facts: Facts, reading: Reading) -> RuleOutcome:
    """Beslutspunkt 1: all utbetalningar together are at most "en miljon kronor"."""
    cites, chosen = decision.citations(AMOUNT_CAP), reading.chosen(YEARLY_SPLIT)
    disbursed, committed = facts.disbursed, decision.amount
    if disbursed > committed:
        values = (("disbursed", disbursed), ("committed", committed), ("excess", disbursed - committed))
        return RuleOutcome(AMOUNT_CAP, VIOLATED, cites, "cap.exceeded", values, chosen)
    if not facts.disbursements:
        return _nothing_paid(decision, chosen)
    if reading.option(YEARLY_SPLIT) == EQUAL_THIRDS:
        yearly = _year_over_third(decision, facts, reading, facts.disbursements)
        if yearly is not None:
            return yearly
    values = (("disbursed", disbursed), ("committed", committed), ("remaining", committed - disbursed))
    return RuleOutcome(AMOUNT_CAP, SATISFIED, cites, "cap.within", values, chosen)


@cache
def _nothing_paid(decision: Decision, chosen: tuple[str, str]) -> RuleOutcome:
    """The "cap.within" of no utbetalning yet: the same for every evaluation of a reading."""
    committed = decision.amount
    values = (("disbursed", ZERO), ("committed", committed), ("remaining", committed))
    return RuleOutcome(AMOUNT_CAP, SATISFIED, decision.citations(AMOUNT_CAP), "cap.within", values, chosen)


def amount_cap_for_payment(decision: Decision, facts: Facts, payment: Disbursement, reading: Reading) -> RuleOutcome:
    """A proposed utbetalning may not bring the total above "en miljon kronor"."""
    cites, chosen = decision.citations(AMOUNT_CAP), reading.chosen(YEARLY_SPLIT)
    total, committed = facts.disbursed + payment.amount, decision.amount
    if total > committed:
        values = (("total", total), ("excess", total - committed), ("committed", committed))
        return RuleOutcome(AMOUNT_CAP, VIOLATED, cites, "cap.payment_exceeds", values, chosen)
    if reading.option(YEARLY_SPLIT) == EQUAL_THIRDS:
        yearly = _year_over_third(decision, facts, reading, (*facts.disbursements, payment))
        if yearly is not None:
            return yearly
    return RuleOutcome(
        AMOUNT_CAP, SATISFIED, cites, "cap.payment_within", (("total", total), ("committed", committed)), chosen
    )


def recipient(decision: Decision, paid: tuple[Disbursement, ...]) -> RuleOutcome:
    """Beslutspunkt 1: the money goes to Flemingsberg Science for this project."""
    if not paid:
        return fixed_outcome(decision, RECIPIENT, NOT_APPLICABLE, "payment.none")
    expected = decision.recipient_id
    for payment in paid:
        if payment.recipient != expected:
            values = (("paid_on", payment.paid_on), ("given", payment.recipient), ("expected", decision.recipient_name))
            return RuleOutcome(RECIPIENT, VIOLATED, decision.citations(RECIPIENT), "recipient.wrong", values)
    return fixed_outcome(decision, RECIPIENT, SATISFIED, "recipient.right", (("expected", decision.recipient_name),))
