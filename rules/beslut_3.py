"""Beslutspunkt 3: the suspensive condition.

"Beslut enligt punkterna 1 och 2 ovan gäller under förutsättning att Flemingsberg
Science projektansökan godkänns av Europeiska regionala utvecklingsfonden."
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from rules.decision import Decision, fixed_outcome
from rules.facts import Disbursement, ErufDecision, Facts
from rules.interpretations import REDUCED_ERUF_GRANT, Reading
from rules.outcomes import PENDING, SATISFIED, VIOLATED, Outcome, RuleOutcome

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
    if eruf is None or eruf.outcome != "approved":
        return False
    return not is_reduced_grant_refused(decision, eruf, reading)


def eruf_approval(decision: Decision, facts: Facts, reading: Reading) -> RuleOutcome:
    """Beslutspunkt 3: approved by ERUF, and nothing paid before the approval."""
    chosen = reading.chosen(REDUCED_ERUF_GRANT)
    eruf = facts.eruf_decision
    if eruf is None:
        if facts.disbursements:
            first = facts.disbursements[0].paid_on
            return _dated(decision, chosen, VIOLATED, "eruf.paid_before_approval", "paid_on", first)
        return fixed_outcome(decision, RULE_ID, PENDING, "eruf.no_decision", (), chosen)
    if eruf.outcome != "approved":
        return _dated(decision, chosen, VIOLATED, f"eruf.{eruf.outcome}", "decided_on", eruf.decided_on)
    if is_reduced_grant_refused(decision, eruf, reading):
        values = (("granted_amount", eruf.granted_amount), ("applied_amount", decision.applied_eruf_amount))
        return RuleOutcome(RULE_ID, VIOLATED, decision.citations(RULE_ID), "eruf.reduced_not_approval", values, chosen)
    for paid in facts.disbursements:
        if paid.paid_on < eruf.decided_on:
            return _dated(decision, chosen, VIOLATED, "eruf.paid_before_approval", "paid_on", paid.paid_on)
    return _dated(decision, chosen, SATISFIED, "eruf.approved", "decided_on", eruf.decided_on)


def eruf_approval_for_payment(decision: Decision, facts: Facts, payment: Disbursement, reading: Reading) -> RuleOutcome:
    """A proposed utbetalning needs ERUF's approval on or before its day."""
    chosen = reading.chosen(REDUCED_ERUF_GRANT)
    eruf = facts.eruf_decision
    if eruf is not None and is_approved(decision, eruf, reading) and eruf.decided_on <= payment.paid_on:
        return _dated(decision, chosen, SATISFIED, "eruf.approved", "decided_on", eruf.decided_on)
    if eruf is not None and eruf.outcome != "approved" and eruf.decided_on <= payment.paid_on:
        return _dated(decision, chosen, VIOLATED, f"eruf.{eruf.outcome}", "decided_on", eruf.decided_on)
    return _dated(decision, chosen, VIOLATED, "eruf.not_approved_by_payment", "paid_on", payment.paid_on)


@lru_cache(maxsize=1024)
def _dated(
    decision: Decision, chosen: tuple[str, str], outcome: Outcome, message_key: str, name: str, day: date
) -> RuleOutcome:
    """An outcome whose message names one day. Kept for recent days: an evaluation with
    a proposed utbetalning asks for the approval twice, and what-ifs on the same facts
    again and again."""
    return RuleOutcome(RULE_ID, outcome, decision.citations(RULE_ID), message_key, ((name, day),), chosen)
