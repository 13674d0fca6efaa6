"""Beslutspunkt 3: the suspensive condition.

"Beslut enligt punkterna 1 och 2 ovan gäller under förutsättning att Flemingsberg
Science projektansökan godkänns av Europeiska regionala utvecklingsfonden."
"""

from __future__ import annotations

from rules.decision import Decision
from rules.facts import Disbursement, ErufDecision, Facts
from rules.interpretations import REDUCED_ERUF_GRANT, Reading
from rules.outcomes import PENDING, SATISFIED, VIOLATED, RuleOutcome

RULE_ID = "eruf-approval"


def is_reduced_grant_refused(decision: Decision, eruf: ErufDecision, reading: Reading) -> bool:
    """Interpretation "reduced-eruf-grant": under "does-not-count", a grant below the
    amount applied for is no approval. A grant whose amount is not given is taken as
    the amount applied for: nothing says it was reduced."""
    return (
        eruf.granted_amount is not None
        and eruf.granted_amount < decision.applied_eruf_amount
        and reading.option(REDUCED_ERUF_GRANT) == "does-not-count"
    )


def is_approved(decision: Decision, eruf: ErufDecision | None, reading: Reading) -> bool:
    """ERUF has approved the application, as the chosen reading understands approval."""
    return eruf is not None and eruf.outcome == "approved" and not is_reduced_grant_refused(decision, eruf, reading)


def eruf_approval(decision: Decision, facts: Facts, reading: Reading) -> RuleOutcome:
    """Beslutspunkt 3: approved by ERUF, and nothing paid before the approval."""
    cites, chosen = decision.citations(RULE_ID), (REDUCED_ERUF_GRANT, reading.option(REDUCED_ERUF_GRANT))
    eruf = facts.eruf_decision
    if eruf is None:
        if facts.disbursements:
            first = facts.disbursements[0].paid_on
            return RuleOutcome(RULE_ID, VIOLATED, cites, "eruf.paid_before_approval", (("paid_on", first),), chosen)
        return RuleOutcome(RULE_ID, PENDING, cites, "eruf.no_decision", (), chosen)
    decided = (("decided_on", eruf.decided_on),)
    if eruf.outcome != "approved":
        return RuleOutcome(RULE_ID, VIOLATED, cites, f"eruf.{eruf.outcome}", decided, chosen)
    if is_reduced_grant_refused(decision, eruf, reading):
        values = (("granted_amount", eruf.granted_amount), ("applied_amount", decision.applied_eruf_amount))
        return RuleOutcome(RULE_ID, VIOLATED, cites, "eruf.reduced_not_approval", values, chosen)
    for paid in facts.disbursements:
        if paid.paid_on < eruf.decided_on:
            return RuleOutcome(
                RULE_ID, VIOLATED, cites, "eruf.paid_before_approval", (("paid_on", paid.paid_on),), chosen
            )
    return RuleOutcome(RULE_ID, SATISFIED, cites, "eruf.approved", decided, chosen)


def eruf_approval_for_payment(decision: Decision, facts: Facts, payment: Disbursement, reading: Reading) -> RuleOutcome:
    """A proposed utbetalning needs ERUF's approval on or before its day."""
    cites, chosen = decision.citations(RULE_ID), (REDUCED_ERUF_GRANT, reading.option(REDUCED_ERUF_GRANT))
    eruf = facts.eruf_decision
    if eruf is not None and is_approved(decision, eruf, reading) and eruf.decided_on <= payment.paid_on:
        return RuleOutcome(RULE_ID, SATISFIED, cites, "eruf.approved", (("decided_on", eruf.decided_on),), chosen)
    if eruf is not None and eruf.outcome != "approved" and eruf.decided_on <= payment.paid_on:
        return RuleOutcome(RULE_ID, VIOLATED, cites, f"eruf.{eruf.outcome}", (("decided_on", eruf.decided_on),), chosen)
    return RuleOutcome(
        RULE_ID, VIOLATED, cites, "eruf.not_approved_by_payment", (("paid_on", payment.paid_on),), chosen
    )
