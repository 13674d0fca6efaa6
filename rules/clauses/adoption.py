"""The clause "Förslag till beslut": the text is a proposal to the deciding body.

A tjänsteskrivelse proposes; it binds the municipality only once the deciding body (in
the kind's decisions, kommunstyrelsen) adopts it. What such a text cannot say is what
the body will do: adopt it, adopt it amended (the adopted amount then applies), reject
it, refer it back or table it (the last two decide nothing). Where no decision is
recorded, the rule says so: it never claims none was taken. The decision's data file
quotes the words this rests on (``[[rules]]`` "adoption").

No utbetalning may come before the adoption, nor after an appeal has annulled it
(kommunallagen 13 kap.; ``rules.clauses.legal_force``). One made before the annulment
was lawful when it was made (a decision may be executed before it gains legal force).
"""

from __future__ import annotations

from decimal import Decimal

from rules.clauses.legal_force import annulled_on
from rules.decision import Decision, fixed_outcome, per_decision
from rules.facts import Adoption, Disbursement, Facts
from rules.outcomes import PENDING, SATISFIED, VIOLATED, Outcome, RuleOutcome

RULE_ID = "adoption"
#: Outcomes that put the matter off: a later meeting decides it.
INTERIM = ("referred_back", "tabled")


def committed(decision: Decision, facts: Facts) -> Decimal:
    """The amount of the co-financing: the one the deciding body adopted where it
    amended the proposal, else the proposal's."""
    adoption = facts.adoption
    if adoption is not None and adoption.outcome == "adopted_amended" and adoption.amended_amount is not None:
        return adoption.amended_amount
    return decision.amount


def adoption(decision: Decision, facts: Facts) -> RuleOutcome:
    """The deciding body's decision as recorded, and every utbetalning after it."""
    decided = facts.adoption
    paid = facts.disbursements
    if decided is None or decided.outcome in INTERIM:
        if paid:
            return _dated(decision, VIOLATED, "adoption.paid_without_decision", (("paid_on", paid[0].paid_on),))
        if decided is None:
            return fixed_outcome(decision, RULE_ID, PENDING, "adoption.none_recorded")
        return _dated(decision, PENDING, f"adoption.{decided.outcome}", (("decided_on", decided.decided_on),))
    if decided.outcome == "rejected":
        return _dated(decision, VIOLATED, "adoption.rejected", (("decided_on", decided.decided_on),))
    annulled = annulled_on(facts) if facts.appeals else None
    if annulled is not None:
        values = (("decided_on", decided.decided_on), ("annulled_on", annulled))
        return _dated(decision, VIOLATED, "adoption.annulled", values)
    for payment in paid if paid.any_before(decided.decided_on) else ():
        if payment.paid_on < decided.decided_on:
            values = (("paid_on", payment.paid_on), ("decided_on", decided.decided_on))
            return _dated(decision, VIOLATED, "adoption.paid_before_adoption", values)
    return _adopted(decision, decided)


def adoption_for_payment(decision: Decision, facts: Facts, payment: Disbursement) -> RuleOutcome:
    """A proposed utbetalning needs the proposal adopted on or before its day, and not annulled."""
    decided, paid_on = facts.adoption, payment.paid_on
    if decided is None:
        return _dated(decision, VIOLATED, "adoption.none_by_payment", (("paid_on", paid_on),))
    if decided.outcome in INTERIM:
        values = (("paid_on", paid_on), ("decided_on", decided.decided_on))
        return _dated(decision, VIOLATED, f"adoption.{decided.outcome}_by_payment", values)
    if decided.outcome == "rejected":
        return _dated(decision, VIOLATED, "adoption.rejected", (("decided_on", decided.decided_on),))
    if paid_on < decided.decided_on:
        values = (("paid_on", paid_on), ("decided_on", decided.decided_on))
        return _dated(decision, VIOLATED, "adoption.adopted_after_payment", values)
    annulled = annulled_on(facts) if facts.appeals else None
    if annulled is not None and paid_on >= annulled:
        values = (("paid_on", paid_on), ("annulled_on", annulled))
        return _dated(decision, VIOLATED, "adoption.annulled_by_payment", values)
    return _adopted(decision, decided)


def _adopted(decision: Decision, decided: Adoption) -> RuleOutcome:
    if decided.outcome == "adopted_amended" and decided.amended_amount is not None:
        values = (("decided_on", decided.decided_on), ("amount", decided.amended_amount))
        return _dated(decision, SATISFIED, "adoption.adopted_amended", values)
    return _dated(decision, SATISFIED, "adoption.adopted", (("decided_on", decided.decided_on),))


@per_decision(maxsize=1024)
def _dated(
    decision: Decision, outcome: Outcome, message_key: str, values: tuple[tuple[str, object], ...]
) -> RuleOutcome:
    """An outcome whose message names days (and an amount). Kept for recent ones: an
    evaluation with a proposed utbetalning asks twice, and what-ifs on the same facts
    again and again."""
    return RuleOutcome(RULE_ID, outcome, decision.citations(RULE_ID), message_key, values)
