"""The clause that names whom the co-financing is for: the applicant whose project it is
(the data file's ``[commitment.recipient]``, with its quote).

Money paid to anyone else is no co-financing under the decision and does not count
toward the amount. A recipient is compared by its party id; a party the decision does
not name is quoted as the caller gave it.
"""

from __future__ import annotations

from rules.decision import Decision, fixed_outcome
from rules.facts import Disbursement, Payments, only_one
from rules.outcomes import NOT_APPLICABLE, SATISFIED, VIOLATED, RuleOutcome, Values

RECIPIENT = "recipient"


def recipient_allows(decision: Decision, payment: Disbursement) -> bool:
    return payment.recipient == decision.recipient_id


def recipient(decision: Decision, paid: Payments) -> RuleOutcome:
    """Every utbetalning in ``paid`` goes to the recipient the decision names."""
    if not paid:
        return fixed_outcome(decision, RECIPIENT, NOT_APPLICABLE, "payment.none")
    for payment in () if paid.all_to(decision.recipient_id) else paid:
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
    key = "recipient.right_one" if only_one(paid) else "recipient.right"  # "the" payment: no day to name
    return fixed_outcome(decision, RECIPIENT, SATISFIED, key, (("expected", decision.recipient_name),))
