"""Beslutspunkt 1: the amount and the recipient.

"Medfinansiering om en miljon kronor under tre år, avseende Flemingsberg Science
projektansökan till Europeiska regionala utvecklingsfonden om medel för etablering av
klustermotor "Life Science Flemingsberg", godkänns."

What the text says: one million kronor in all ("sammanlagt en miljon kronor", Ekonomiska
konsekvenser), for Flemingsberg Science's application. The cap is the amount
Kommunstyrelsen adopted: the proposal's, or another where it amended it. Only
utbetalningar that meet the decision's other conditions are co-financing under it:
money paid to another recipient, from another source, before the adoption or the
approval, counts neither toward the cap nor toward fulfilling it. The text does not
split the amount between the years: by default the split is free ("yearly-split").
"""

from __future__ import annotations

from decimal import ROUND_UP, Decimal
from functools import lru_cache

from rules.beslut_2 import years
from rules.decision import Decision, fixed_outcome
from rules.facts import Disbursement, Facts
from rules.forslag import committed
from rules.interpretations import YEARLY_SPLIT, Reading
from rules.money import ORE, ZERO
from rules.outcomes import NOT_APPLICABLE, SATISFIED, VIOLATED, RuleOutcome, Values

AMOUNT_CAP = "amount-cap"
RECIPIENT = "recipient"
EQUAL_THIRDS = "equal-thirds"


def yearly_ceiling(amount: Decimal) -> Decimal:
    """Interpretation "yearly-split", option "equal-thirds": one third of the amount,
    rounded up to the öre so that three such years can reach the whole amount."""
    return (amount / 3).quantize(ORE, rounding=ROUND_UP)


def _year_over_third(
    decision: Decision, facts: Facts, reading: Reading, paid: tuple[Disbursement, ...]
) -> RuleOutcome | None:
    """Interpretation "yearly-split", option "equal-thirds": no year above a third."""
    span = years(decision, facts, reading)
    if span is None:
        return None
    third = yearly_ceiling(committed(decision, facts))
    for starts_on, ends_on in span:
        year_total = sum((p.amount for p in paid if starts_on <= p.paid_on <= ends_on), ZERO)
        if year_total > third:
            values: Values = (
                ("year_total", year_total),
                ("starts_on", starts_on),
                ("ends_on", ends_on),
                ("third", third),
            )
            return RuleOutcome(
                AMOUNT_CAP,
                VIOLATED,
                decision.citations(AMOUNT_CAP),
                "cap.year_over_third",
                values,
                (YEARLY_SPLIT, EQUAL_THIRDS),
            )
    return None


def amount_cap(
    decision: Decision,
    facts: Facts,
    reading: Reading,
    conforming: tuple[Disbursement, ...],
    nonconforming: Decimal,
    undecided: Decimal = ZERO,
    closed: bool = False,
) -> RuleOutcome:
    """All conforming utbetalningar together are at most the adopted amount. ``closed``:
    no further utbetalning may be made (rejected, lapsed, annulled, withdrawn, expired),
    so nothing is said to remain."""
    cites, chosen = decision.citations(AMOUNT_CAP), reading.chosen(YEARLY_SPLIT)
    cap = committed(decision, facts)
    total = sum((p.amount for p in conforming), ZERO)
    if total > cap:
        values: Values = (("total", total), ("committed", cap), ("excess", total - cap))
        return RuleOutcome(AMOUNT_CAP, VIOLATED, cites, "cap.exceeded", values, chosen)
    if closed:
        return _within(decision, chosen, "cap.closed", (("total", total), ("committed", cap)))
    if not facts.disbursements:
        return _within(decision, chosen, "cap.within", (("total", ZERO), ("committed", cap), ("remaining", cap)))
    if reading.option(YEARLY_SPLIT) == EQUAL_THIRDS:
        yearly = _year_over_third(decision, facts, reading, conforming)
        if yearly is not None:
            return yearly
    values = (("total", total), ("committed", cap), ("remaining", cap - total))
    key = "cap.within"
    if nonconforming:
        values, key = (*values, ("nonconforming", nonconforming)), "cap.within_beside_nonconforming"
    if undecided:
        values, key = (*values, ("undecided", undecided)), key + "_and_undecided"
    return RuleOutcome(AMOUNT_CAP, SATISFIED, cites, key, values, chosen)


@lru_cache(maxsize=64)
def _within(
    decision: Decision, chosen: tuple[str, str], key: str, values: tuple[tuple[str, object], ...]
) -> RuleOutcome:
    """The "cap.within" of no utbetalning yet: the same for every evaluation of a reading."""
    return RuleOutcome(AMOUNT_CAP, SATISFIED, decision.citations(AMOUNT_CAP), key, values, chosen)


def amount_cap_for_payment(
    decision: Decision, facts: Facts, payment: Disbursement, reading: Reading, conforming: tuple[Disbursement, ...]
) -> RuleOutcome:
    """A proposed utbetalning may not bring the conforming total above the adopted amount."""
    cites, chosen = decision.citations(AMOUNT_CAP), reading.chosen(YEARLY_SPLIT)
    cap = committed(decision, facts)
    total = sum((p.amount for p in conforming), ZERO) + payment.amount
    if total > cap:
        values: Values = (("paid_on", payment.paid_on), ("total", total), ("excess", total - cap), ("committed", cap))
        return RuleOutcome(AMOUNT_CAP, VIOLATED, cites, "cap.payment_exceeds", values, chosen)
    if reading.option(YEARLY_SPLIT) == EQUAL_THIRDS:
        yearly = _year_over_third(decision, facts, reading, (*conforming, payment))
        if yearly is not None:
            return yearly
    values = (("paid_on", payment.paid_on), ("total", total), ("committed", cap))
    return RuleOutcome(AMOUNT_CAP, SATISFIED, cites, "cap.payment_within", values, chosen)


def recipient_allows(decision: Decision, payment: Disbursement) -> bool:
    return payment.recipient == decision.recipient_id


def recipient(decision: Decision, paid: tuple[Disbursement, ...]) -> RuleOutcome:
    """Beslutspunkt 1: the money goes to Flemingsberg Science for this project."""
    if not paid:
        return fixed_outcome(decision, RECIPIENT, NOT_APPLICABLE, "payment.none")
    for payment in paid:
        if not recipient_allows(decision, payment):
            given = decision.party_name(payment.recipient)
            values: Values = (("paid_on", payment.paid_on), ("expected", decision.recipient_name))
            if given is None:
                return RuleOutcome(
                    RECIPIENT,
                    VIOLATED,
                    decision.citations(RECIPIENT),
                    "recipient.wrong_unnamed",
                    (*values, ("given", payment.recipient)),
                )
            return RuleOutcome(
                RECIPIENT, VIOLATED, decision.citations(RECIPIENT), "recipient.wrong", (*values, ("given", given))
            )
    key = "recipient.right_one" if len(paid) == 1 else "recipient.right"  # "the" payment: no day to name
    return fixed_outcome(decision, RECIPIENT, SATISFIED, key, (("expected", decision.recipient_name),))
