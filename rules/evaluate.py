"""Facts in, verdicts out: the whole decision evaluated on one date."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache

from rules import beslut_1, beslut_2, beslut_3, finansiering, forslag
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
    "financing-balance",
    "eu-cofinancing-rate",
)


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
    rules = (
        forslag.adoption(decision, known),
        beslut_3.eruf_approval(decision, known, reading),
        beslut_1.amount_cap(decision, known, reading),
        beslut_2.period(decision, known, reading, paid),
        beslut_2.funding_source(decision, paid),
        beslut_1.recipient(decision, paid),
        finansiering.financing_balance(decision, reading),
        finansiering.eu_cofinancing_rate(decision, reading),
    )
    amounts = _amounts(decision, known)
    verdict = None if proposed is None else judge_payment(decision, known, proposed, reading)
    return Evaluation(
        decision.decision_id, on, status(decision, known, reading, on=on), amounts, rules, reading.choices, verdict
    )


def _amounts(decision: Decision, known: Facts) -> Amounts:
    if not known.disbursements:
        return _nothing_paid(decision)
    disbursed = known.disbursed
    return Amounts(decision.amount, disbursed, decision.amount - disbursed, decision.currency)


@cache
def _nothing_paid(decision: Decision) -> Amounts:
    """The amounts before any utbetalning, the same for every evaluation."""
    return Amounts(decision.amount, ZERO, decision.amount, decision.currency)


def judge_payment(decision: Decision, known: Facts, payment: Disbursement, reading: Reading) -> PaymentVerdict:
    """Would ``payment`` be allowed on top of the ``known`` facts? Every rule that
    governs an utbetalning is checked; the plan's rules do not bear on one payment."""
    alone = (payment,)
    rules: tuple[RuleOutcome, ...] = (
        forslag.adoption_for_payment(decision, known, payment),
        beslut_3.eruf_approval_for_payment(decision, known, payment, reading),
        beslut_1.amount_cap_for_payment(decision, known, payment, reading),
        beslut_2.period(decision, known, reading, alone),
        beslut_2.funding_source(decision, alone),
        beslut_1.recipient(decision, alone),
    )
    # A rule that cannot be decided yet (PENDING: e.g. the project start is unknown under
    # the 36-month reading) is no permission: the payment is allowed only when every rule
    # that governs it is satisfied.
    unsatisfied = [r for r in rules if r.outcome != SATISFIED]
    violations = tuple([r.rule_id for r in unsatisfied if r.outcome == VIOLATED])
    return PaymentVerdict(not unsatisfied, violations, rules)
