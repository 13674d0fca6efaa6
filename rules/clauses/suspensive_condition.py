"""The suspensive condition: "Beslut enligt punkterna ... gäller under förutsättning att
... projektansökan godkänns av Europeiska regionala utvecklingsfonden."

The points the condition names apply only once the fund approves the application;
nothing may be paid before, and a rejection (or a withdrawal before any decision) means
the condition can no longer be met. What such a text does not say, each a question of
the kind: whether a grant of less than the amount applied for (the data file's
``applied_amount``) is an approval ("reduced-grant": by default any grant is), and what a
withdrawal after approval means for later payments ("withdrawal-after-approval": by
default the condition was met, payments made stand, and none may follow, since the
co-financing is for the application). A grant whose amount is not recorded is an
approval of an unknown amount, never taken to be the amount applied for. Messages name
the beslutspunkt the data file maps the condition to.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rules.decision import Decision, fixed_outcome, per_decision
from rules.facts import Disbursement, ErufDecision, Facts, Payments
from rules.interpretations import Reading
from rules.kind import REDUCED_GRANT, WITHDRAWAL_AFTER_APPROVAL
from rules.outcomes import PENDING, SATISFIED, VIOLATED, Outcome, RuleOutcome, Values

RULE_ID = "eruf-approval"
ANY_GRANT = "any-grant"
NO_FURTHER_PAYMENTS = "no-further-payments"


def smallest_grant(decision: Decision, reading: Reading) -> Decimal | None:
    """The smallest grant the chosen reading counts as approval (``None``: any grant)."""
    if reading.means(REDUCED_GRANT) == ANY_GRANT:
        return None
    share = reading.share(REDUCED_GRANT)
    return decision.applied_eruf_amount * (share if share is not None else 1)


def counts(decision: Decision, eruf: ErufDecision | None, reading: Reading) -> bool | None:
    """Whether ``eruf`` is an approval as the chosen reading understands approval;
    ``None`` where that turns on a granted amount that is not known."""
    if eruf is None or eruf.outcome != "approved":
        return False
    least = smallest_grant(decision, reading)
    if least is None:
        return True
    if eruf.granted_amount is None:
        return None
    return eruf.granted_amount >= least


def is_approved(decision: Decision, eruf: ErufDecision | None, reading: Reading) -> bool:
    """ERDF has approved the application, as the chosen reading understands approval."""
    return counts(decision, eruf, reading) is True


def withdrawal_bars(facts: Facts, reading: Reading, paid_on: date) -> bool:
    """Under "no-further-payments", a withdrawal after approval bars every payment from its day."""
    withdrawn_on = facts.eruf_withdrawn_on
    return (
        withdrawn_on is not None
        and paid_on >= withdrawn_on
        and reading.means(WITHDRAWAL_AFTER_APPROVAL) == NO_FURTHER_PAYMENTS
    )


def eruf_approval(decision: Decision, facts: Facts, reading: Reading) -> RuleOutcome:
    """The condition on the facts: approved, and nothing paid before it (nor after a withdrawal)."""
    eruf, paid = facts.eruf_decision, facts.disbursements
    chosen = reading.chosen(REDUCED_GRANT)
    if eruf is None:
        if paid:
            return _dated(decision, chosen, VIOLATED, "eruf.paid_before_approval", (("paid_on", paid[0].paid_on),))
        return fixed_outcome(decision, RULE_ID, PENDING, "eruf.no_decision", (), chosen)
    refusal = _unless_approved(decision, eruf, reading, chosen)
    if refusal is not None:
        return refusal
    for payment in paid if paid.any_before(eruf.decided_on) else ():
        if payment.paid_on < eruf.decided_on:
            values: Values = (("paid_on", payment.paid_on), ("decided_on", eruf.decided_on))
            return _dated(decision, chosen, VIOLATED, "eruf.paid_before_approval_on", values)
    withdrawn_on = facts.eruf_withdrawn_on
    if withdrawn_on is not None:
        return _after_withdrawal(decision, eruf, withdrawn_on, paid, reading)
    return _approved(decision, eruf, chosen)


def _unless_approved(
    decision: Decision, eruf: ErufDecision, reading: Reading, chosen: tuple[str, str] | None
) -> RuleOutcome | None:
    """The outcome of an ERDF decision that is no approval as the reading understands one
    (a rejection, a withdrawal before it, a grant too small or of an unknown amount);
    ``None`` for an approval."""
    if eruf.outcome != "approved":
        return _dated(decision, chosen, VIOLATED, f"eruf.{eruf.outcome}", (("decided_on", eruf.decided_on),))
    approved = counts(decision, eruf, reading)
    if approved is None:
        return _dated(decision, chosen, PENDING, "eruf.amount_unknown", (("decided_on", eruf.decided_on),))
    if not approved:
        values: Values = (("granted_amount", eruf.granted_amount), ("applied_amount", decision.applied_eruf_amount))
        return _dated(decision, chosen, VIOLATED, "eruf.reduced_not_approval", values)
    return None


def _after_withdrawal(
    decision: Decision, eruf: ErufDecision, withdrawn_on: date, paid: Payments, reading: Reading
) -> RuleOutcome:
    chosen = reading.chosen(WITHDRAWAL_AFTER_APPROVAL)
    dates = (("decided_on", eruf.decided_on), ("withdrawn_on", withdrawn_on))
    if reading.means(WITHDRAWAL_AFTER_APPROVAL) != NO_FURTHER_PAYMENTS:
        return _dated(decision, chosen, SATISFIED, "eruf.withdrawn_after_approval_stands", dates)
    for payment in paid if paid.any_from(withdrawn_on) else ():
        if payment.paid_on >= withdrawn_on:
            return _dated(
                decision, chosen, VIOLATED, "eruf.paid_after_withdrawal", (("paid_on", payment.paid_on), *dates)
            )
    return _dated(decision, chosen, SATISFIED, "eruf.withdrawn_after_approval", dates)


def _approved(decision: Decision, eruf: ErufDecision, chosen: tuple[str, str] | None) -> RuleOutcome:
    granted = eruf.granted_amount
    if granted is None:
        # Reached only where the reading does not weigh the amount (else the approval is
        # pending until it is known): then it does not matter that it is unknown.
        return _dated(decision, chosen, SATISFIED, "eruf.approved", (("decided_on", eruf.decided_on),))
    if granted < decision.applied_eruf_amount:
        values: Values = (
            ("decided_on", eruf.decided_on),
            ("granted_amount", granted),
            ("applied_amount", decision.applied_eruf_amount),
        )
        return _dated(decision, chosen, SATISFIED, "eruf.reduced_counts", values)
    return _dated(decision, chosen, SATISFIED, "eruf.approved", (("decided_on", eruf.decided_on),))


def eruf_approval_for_payment(decision: Decision, facts: Facts, payment: Disbursement, reading: Reading) -> RuleOutcome:
    """A proposed utbetalning needs the ERDF's approval on or before its day, and no
    withdrawal since (under the default reading)."""
    eruf, paid_on = facts.eruf_decision, payment.paid_on
    chosen = reading.chosen(REDUCED_GRANT)
    if eruf is None or eruf.decided_on > paid_on:
        return _dated(decision, chosen, VIOLATED, "eruf.not_approved_by_payment", (("paid_on", paid_on),))
    refusal = _unless_approved(decision, eruf, reading, chosen)
    if refusal is not None:
        return refusal
    withdrawn_on = facts.eruf_withdrawn_on
    if withdrawn_on is not None and paid_on >= withdrawn_on:
        values: Values = (("paid_on", paid_on), ("decided_on", eruf.decided_on), ("withdrawn_on", withdrawn_on))
        after = reading.chosen(WITHDRAWAL_AFTER_APPROVAL)
        if withdrawal_bars(facts, reading, paid_on):
            return _dated(decision, after, VIOLATED, "eruf.payment_after_withdrawal", values)
        return _dated(decision, after, SATISFIED, "eruf.payment_after_withdrawal_stands", values)
    return _approved(decision, eruf, chosen)


@per_decision(maxsize=1024)
def _dated(
    decision: Decision,
    chosen: tuple[str, str] | None,
    outcome: Outcome,
    message_key: str,
    values: tuple[tuple[str, object], ...],
) -> RuleOutcome:
    """An outcome whose message names days (and amounts). Kept for recent ones: an
    evaluation with a proposed utbetalning asks for the approval twice, and what-ifs on
    the same facts again and again."""
    values = (*values, ("point", decision.points_of(RULE_ID)))  # "villkoret i beslutspunkt 3"
    return RuleOutcome(RULE_ID, outcome, decision.citations(RULE_ID), message_key, values, chosen)
