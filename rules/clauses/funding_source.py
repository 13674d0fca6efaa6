"""The clause that says where the money is taken from: a funding source of the
municipality's budget (the data file's ``[commitment.funding_source]``, with its quote).

An utbetalning charged to anything else does not meet the decision. The source is
compared by its id; the data file gives its Swedish name for messages, and the English
name for English ones.
"""

from __future__ import annotations

from rules.decision import Decision, fixed_outcome, per_decision
from rules.facts import Disbursement, Payments, only_one
from rules.outcomes import NOT_APPLICABLE, SATISFIED, VIOLATED, RuleOutcome

FUNDING_SOURCE = "funding-source"


def funding_source_allows(decision: Decision, payment: Disbursement) -> bool:
    return payment.funding_source == decision.funding_source_id


def funding_source(decision: Decision, paid: Payments) -> RuleOutcome:
    """Every utbetalning in ``paid`` is taken from the funding source the decision names."""
    if not paid:
        return fixed_outcome(decision, FUNDING_SOURCE, NOT_APPLICABLE, "payment.none")
    names = _source_names(decision)
    for payment in () if paid.all_from(decision.funding_source_id) else paid:
        if not funding_source_allows(decision, payment):
            values = (("paid_on", payment.paid_on), ("given", payment.funding_source), *names)
            return RuleOutcome(FUNDING_SOURCE, VIOLATED, decision.citations(FUNDING_SOURCE), "source.wrong", values)
    # One utbetalning (the proposed one, or the only one recorded): "the" payment, with no
    # day to name, so that the outcome is the same for every such payment.
    return _source(decision, "source.right_one" if only_one(paid) else "source.right", names)


@per_decision(maxsize=1024)
def _source_names(decision: Decision) -> tuple[tuple[str, object], ...]:
    """The funding source as a Swedish sentence names it (a common noun, lower case) and
    as an English one does."""
    name = decision.funding_source_name
    return (("expected", name[:1].lower() + name[1:]), ("expected_en", decision.funding_source_name_en))


@per_decision(maxsize=256)
def _source(decision: Decision, key: str, values: tuple[tuple[str, object], ...]) -> RuleOutcome:
    return RuleOutcome(FUNDING_SOURCE, SATISFIED, decision.citations(FUNDING_SOURCE), key, values)
