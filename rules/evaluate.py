"""Facts in, verdicts out: the whole decision evaluated on one date."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Final, Literal

from rules import beslut_1, beslut_2, beslut_3, finansiering, forslag, laga_kraft
from rules.decision import Decision
from rules.facts import Disbursement, Facts
from rules.interpretations import Reading, choose
from rules.money import ZERO
from rules.outcomes import SATISFIED, VIOLATED, Amounts, Evaluation, PaymentVerdict, RuleOutcome
from rules.status import status

#: The rules' ids in the order an evaluation lists them.
RULE_IDS = (
    "adoption",
    "eruf-approval",
    "amount-cap",
    "period",
    "funding-source",
    "recipient",
    "legal-force",
    "financing-balance",
)

Kind = Literal["condition", "check"]
#: A condition of the decision decides whether an utbetalning is allowed; a check of the
#: stated facts (or of the decision's legal force) informs and never refuses one.
RULE_KINDS: Final[dict[str, Kind]] = {
    "adoption": "condition",
    "eruf-approval": "condition",
    "amount-cap": "condition",
    "period": "condition",
    "funding-source": "condition",
    "recipient": "condition",
    "legal-force": "check",
    "financing-balance": "check",
}


def kind_of(rule_id: str) -> Kind:
    return RULE_KINDS[rule_id]


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
    conforming = conforming_payments(decision, known, reading)
    conforming_total = _sum(conforming)
    nonconforming = known.disbursed - conforming_total if len(conforming) != len(paid) else ZERO
    rules = (
        forslag.adoption(decision, known),
        beslut_3.eruf_approval(decision, known, reading),
        beslut_1.amount_cap(decision, known, reading, conforming, nonconforming),
        beslut_2.period(decision, known, reading),
        beslut_2.funding_source(decision, paid),
        beslut_1.recipient(decision, paid),
        laga_kraft.legal_force(decision, known, on),
        finansiering.financing_balance(decision, reading),
    )
    committed = forslag.committed(decision, known)
    amounts = _amounts(decision, known, committed, conforming_total, nonconforming)
    verdict = None if proposed is None else _judge(decision, known, proposed, reading, conforming)
    return Evaluation(
        decision.decision_id,
        on,
        status(decision, known, reading, on=on, conforming=conforming_total, committed=committed),
        amounts,
        rules,
        reading.choices,
        verdict,
        laga_kraft.appeal_state(known, on) if known.adoption is not None else None,
    )


def conforming_payments(decision: Decision, known: Facts, reading: Reading) -> tuple[Disbursement, ...]:
    """The utbetalningar that meet every condition but the cap: they alone are
    co-financing under the decision. One whose conformity cannot be told (an unknown
    start under a reading that needs it) is not counted as conforming."""
    paid = known.disbursements
    if not paid:
        return paid
    kept = [p for p in paid if _conforms(decision, known, reading, p)]
    return paid if len(kept) == len(paid) else tuple(kept)


def _conforms(decision: Decision, known: Facts, reading: Reading, payment: Disbursement) -> bool:
    return (
        beslut_1.recipient_allows(decision, payment)
        and beslut_2.funding_source_allows(decision, payment)
        and forslag.allows(known, payment.paid_on)
        and beslut_3.allows(decision, known, reading, payment.paid_on) is True
        and beslut_2.allows(decision, known, reading, payment.paid_on) is True
    )


def _sum(paid: tuple[Disbursement, ...]) -> Decimal:
    total = ZERO
    for payment in paid:
        total += payment.amount
    return total


def _amounts(
    decision: Decision, known: Facts, committed: Decimal, conforming: Decimal, nonconforming: Decimal
) -> Amounts:
    if not known.disbursements and committed is decision.amount:
        return _nothing_paid(decision)
    remaining = committed - conforming if conforming < committed else ZERO
    excess = conforming - committed if conforming > committed else ZERO
    return Amounts(committed, known.disbursed, remaining, decision.currency, excess, nonconforming)


@cache
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
    conforming: tuple[Disbursement, ...],
) -> PaymentVerdict:
    alone = (payment,)
    rules: tuple[RuleOutcome, ...] = (
        forslag.adoption_for_payment(decision, known, payment),
        beslut_3.eruf_approval_for_payment(decision, known, payment, reading),
        beslut_1.amount_cap_for_payment(decision, known, payment, reading, conforming),
        beslut_2.period_for_payment(decision, known, reading, payment),
        beslut_2.funding_source(decision, alone),
        beslut_1.recipient(decision, alone),
    )
    # A rule that cannot be decided yet (PENDING: e.g. the project start is unknown under
    # the 36-month reading) is no permission: the payment is allowed only when every rule
    # that governs it is satisfied.
    unsatisfied = [r for r in rules if r.outcome != SATISFIED]
    violations = tuple([r.rule_id for r in unsatisfied if r.outcome == VIOLATED])
    return PaymentVerdict(not unsatisfied, violations, rules)
