"""Facts in, verdicts out: the whole decision evaluated on one date."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal

from rules.clauses import (
    adoption,
    amount_cap,
    financing_balance,
    funding_source,
    legal_force,
    period,
    recipient,
    suspensive_condition,
)
from rules.decision import Decision, per_decision
from rules.facts import NO_PAYMENTS, Disbursement, Facts, Payments
from rules.interpretations import Reading, choose
from rules.money import ZERO
from rules.outcomes import SATISFIED, VIOLATED, Amounts, Evaluation, PaymentVerdict, RuleOutcome
from rules.status import status


def evaluate(
    decision: Decision,
    facts: Facts,
    *,
    on: date,
    proposed: Disbursement | None = None,
    interpretations: Mapping[str, str] | None = None,
) -> Evaluation:
    """Status, amounts and every rule's outcome on ``on``; with ``proposed``, whether
    that utbetalning would be allowed. Facts dated after ``on`` do not count."""
    reading = choose(decision, interpretations)
    known = facts.known_on(on)
    paid = known.disbursements
    conforming, undecided = classify(decision, known, reading)
    conforming_total, undecided_total = conforming.total, undecided.total
    nonconforming = known.disbursed - conforming_total - undecided_total if len(conforming) != len(paid) else ZERO
    committed = adoption.committed(decision, known)
    state = status(decision, known, reading, on=on, conforming=conforming_total, committed=committed)
    closed = state in CLOSED
    rules = (
        adoption.adoption(decision, known),
        suspensive_condition.eruf_approval(decision, known, reading),
        amount_cap.amount_cap(decision, known, reading, conforming, nonconforming, undecided_total, closed),
        period.period(decision, known, reading),
        funding_source.funding_source(decision, paid),
        recipient.recipient(decision, paid),
        legal_force.legal_force(decision, known, on),
        financing_balance.financing_balance(decision, reading),
    )
    amounts = _amounts(decision, known, committed, conforming_total, nonconforming, closed)
    verdict = None if proposed is None else _judge(decision, known, proposed, reading, conforming)
    return Evaluation(
        decision.decision_id,
        on,
        state,
        amounts,
        rules,
        reading.choices,
        verdict,
        legal_force.appeal_state(known, on) if known.adoption is not None else None,
    )


#: Statuses under which no further utbetalning may be made: nothing remains to be paid.
CLOSED = frozenset({"rejected", "lapsed", "annulled", "withdrawn", "expired"})


def conforming_payments(decision: Decision, known: Facts, reading: Reading) -> Payments:
    """The utbetalningar that meet every condition but the cap: they alone are
    co-financing under the decision."""
    return classify(decision, known, reading)[0]


def classify(decision: Decision, known: Facts, reading: Reading) -> tuple[Payments, Payments]:
    """The utbetalningar that meet every condition but the cap, and those whose
    conformity turns on a fact not known (the project start under a reading that
    counts months from it, the amount granted under a reading that weighs it). The rest break a
    condition; an undecided one is never said to."""
    paid = known.disbursements
    if not paid:
        return paid, NO_PAYMENTS
    window = _window(decision, known, reading)
    if window is None:
        return NO_PAYMENTS, NO_PAYMENTS
    first, last, undecided = window
    source, recipient = decision.funding_source_id, decision.recipient_id
    if paid.all_within(first, last) and paid.all_from(source) and paid.all_to(recipient):
        kept = paid  # every one of them: the usual record, told without looking at each
    else:
        kept = Payments(
            [p for p in paid if first <= p.paid_on <= last and p.recipient == recipient and p.funding_source == source]
        )
    if undecided:
        return NO_PAYMENTS, kept
    return (paid if len(kept) == len(paid) else kept), NO_PAYMENTS


def _window(decision: Decision, known: Facts, reading: Reading) -> tuple[date, date, bool] | None:
    """The days on which an utbetalning meets the conditions that depend on its day
    (adopted, not annulled, approved, not withdrawn, within a deadline), as one span:
    each of them allows a span of days; and whether that span is only what the facts
    known allow at most (a fact that decides it is unknown). ``None`` where no day is."""
    adoption, eruf = known.adoption, known.eruf_decision
    if adoption is None or not adoption.adopts or eruf is None:
        return None
    approved = suspensive_condition.counts(decision, eruf, reading)
    if approved is False:
        return None
    first, last = max(adoption.decided_on, eruf.decided_on), date.max
    annulled = legal_force.annulled_on(known) if known.appeals else None
    if annulled is not None:
        last = annulled - timedelta(days=1)
    if known.eruf_withdrawn_on is not None and suspensive_condition.withdrawal_bars(
        known, reading, known.eruf_withdrawn_on
    ):
        last = min(last, known.eruf_withdrawn_on - timedelta(days=1))
    span = period.deadline(decision, known, reading)
    if span is not False and span is not None:
        first, last = max(first, span[0]), min(last, span[1])
    return first, last, approved is None or span is None


def _amounts(
    decision: Decision, known: Facts, committed: Decimal, conforming: Decimal, nonconforming: Decimal, closed: bool
) -> Amounts:
    if not known.disbursements and committed is decision.amount and not closed:
        return _nothing_paid(decision)
    remaining = committed - conforming if conforming < committed and not closed else ZERO
    excess = conforming - committed if conforming > committed else ZERO
    return Amounts(committed, known.disbursed, remaining, decision.currency, excess, nonconforming)


@per_decision(maxsize=256)
def _nothing_paid(decision: Decision) -> Amounts:
    """The amounts before any utbetalning, the same for every evaluation."""
    return Amounts(decision.amount, ZERO, decision.amount, decision.currency, ZERO, ZERO)


def judge_payment(decision: Decision, known: Facts, payment: Disbursement, reading: Reading) -> PaymentVerdict:
    """Would ``payment`` be allowed on top of the ``known`` facts? Every condition that
    governs an utbetalning is checked; the checks of the stated facts do not bear on one."""
    return _judge(decision, known, payment, reading, conforming_payments(decision, known, reading))


def _judge(
    decision: Decision,
    known: Facts,
    payment: Disbursement,
    reading: Reading,
    conforming: Payments,
) -> PaymentVerdict:
    alone = Payments((payment,))
    rules: tuple[RuleOutcome, ...] = (
        adoption.adoption_for_payment(decision, known, payment),
        suspensive_condition.eruf_approval_for_payment(decision, known, payment, reading),
        amount_cap.amount_cap_for_payment(decision, known, payment, reading, conforming),
        period.period_for_payment(decision, known, reading, payment),
        funding_source.funding_source(decision, alone),
        recipient.recipient(decision, alone),
    )
    # A rule that cannot be decided yet (PENDING: e.g. the project start is unknown under
    # a reading that counts months from it) is no permission: the payment is allowed
    # only when every rule that governs it is satisfied.
    unsatisfied = [r for r in rules if r.outcome != SATISFIED]
    violations = tuple([r.rule_id for r in unsatisfied if r.outcome == VIOLATED])
    return PaymentVerdict(not unsatisfied, violations, rules)
