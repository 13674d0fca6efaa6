"""The clause that grants the amount: "Medfinansiering om ... kronor ... godkänns".

The amount is the whole of the co-financing (the data file's ``[commitment]`` amount,
with its quote). The cap is the amount the deciding body adopted: the proposal's, or
another where it amended it. Only utbetalningar that meet the decision's other
conditions are co-financing under it: money paid to another recipient, from another
source, before the adoption or the approval, counts neither toward the cap nor toward
fulfilling it. Where the text does not split the amount between the years, the split is
free by default (question "yearly-split"); "equal-shares" allows at most an equal share
a year.
"""

from __future__ import annotations

from decimal import ROUND_UP, Decimal

from rules.clauses.adoption import committed
from rules.clauses.period import years
from rules.decision import Decision, per_decision
from rules.facts import Disbursement, Facts, Payments
from rules.interpretations import Reading
from rules.kind import YEARLY_SPLIT
from rules.money import ORE, ZERO
from rules.outcomes import SATISFIED, VIOLATED, RuleOutcome, Values

AMOUNT_CAP = "amount-cap"
EQUAL_SHARES = "equal-shares"
#: An equal share of the amount, as a Swedish and an English sentence name it.
SHARE_WORDS = {
    1: ("hela beloppet", "the whole amount"),
    2: ("hälften", "one half"),
    3: ("en tredjedel", "one third"),
    4: ("en fjärdedel", "one quarter"),
    5: ("en femtedel", "one fifth"),
    6: ("en sjättedel", "one sixth"),
}


def yearly_ceiling(amount: Decimal, years: int) -> Decimal:
    """Question "yearly-split", meaning "equal-shares": an equal share of the amount for
    each of ``years``, rounded up to the öre so that the years together can reach it."""
    return (amount / years).quantize(ORE, rounding=ROUND_UP)


def _share_words(years: int) -> tuple[tuple[str, object], ...]:
    swedish, english = SHARE_WORDS.get(years, (f"1/{years}", f"1/{years}"))
    return (("share_sv", swedish), ("share_en", english))


def _year_over_third(
    decision: Decision, facts: Facts, reading: Reading, paid: tuple[Disbursement, ...]
) -> RuleOutcome | None:
    """Question "yearly-split", meaning "equal-shares": no year above its equal share."""
    span = years(decision, facts, reading)
    if span is None:
        return None
    third = yearly_ceiling(committed(decision, facts), len(span))
    for starts_on, ends_on in span:
        year_total = sum((p.amount for p in paid if starts_on <= p.paid_on <= ends_on), ZERO)
        if year_total > third:
            values: Values = (
                ("year_total", year_total),
                ("starts_on", starts_on),
                ("ends_on", ends_on),
                ("third", third),
                *_share_words(len(span)),
            )
            return RuleOutcome(
                AMOUNT_CAP,
                VIOLATED,
                decision.citations(AMOUNT_CAP),
                "cap.year_over_third",
                values,
                reading.chosen(YEARLY_SPLIT),
            )
    return None


def amount_cap(
    decision: Decision,
    facts: Facts,
    reading: Reading,
    conforming: Payments,
    nonconforming: Decimal,
    undecided: Decimal = ZERO,
    closed: bool = False,
) -> RuleOutcome:
    """All conforming utbetalningar together are at most the adopted amount. ``closed``:
    no further utbetalning may be made (rejected, lapsed, annulled, withdrawn, expired),
    so nothing is said to remain."""
    cites, chosen = decision.citations(AMOUNT_CAP), reading.chosen(YEARLY_SPLIT)
    cap = committed(decision, facts)
    total = conforming.total
    if total > cap:
        values: Values = (("total", total), ("committed", cap), ("excess", total - cap))
        return RuleOutcome(AMOUNT_CAP, VIOLATED, cites, "cap.exceeded", values, chosen)
    if closed:
        return _within(decision, chosen, "cap.closed", (("total", total), ("committed", cap)))
    if not facts.disbursements:
        return _within(decision, chosen, "cap.within", (("total", ZERO), ("committed", cap), ("remaining", cap)))
    if reading.means(YEARLY_SPLIT) == EQUAL_SHARES:
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


@per_decision(maxsize=64)
def _within(
    decision: Decision, chosen: tuple[str, str] | None, key: str, values: tuple[tuple[str, object], ...]
) -> RuleOutcome:
    """The "cap.within" of no utbetalning yet: the same for every evaluation of a reading."""
    return RuleOutcome(AMOUNT_CAP, SATISFIED, decision.citations(AMOUNT_CAP), key, values, chosen)


def amount_cap_for_payment(
    decision: Decision, facts: Facts, payment: Disbursement, reading: Reading, conforming: Payments
) -> RuleOutcome:
    """A proposed utbetalning may not bring the conforming total above the adopted amount."""
    cites, chosen = decision.citations(AMOUNT_CAP), reading.chosen(YEARLY_SPLIT)
    cap = committed(decision, facts)
    total = conforming.total + payment.amount
    if total > cap:
        values: Values = (("paid_on", payment.paid_on), ("total", total), ("excess", total - cap), ("committed", cap))
        return RuleOutcome(AMOUNT_CAP, VIOLATED, cites, "cap.payment_exceeds", values, chosen)
    if reading.means(YEARLY_SPLIT) == EQUAL_SHARES:
        yearly = _year_over_third(decision, facts, reading, (*conforming, payment))
        if yearly is not None:
            return yearly
    values = (("paid_on", payment.paid_on), ("total", total), ("committed", cap))
    return RuleOutcome(AMOUNT_CAP, SATISFIED, cites, "cap.payment_within", values, chosen)
