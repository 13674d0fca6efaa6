"""Rubriken "Förslag till beslut": the text is a proposal to Kommunstyrelsen.

A proposal commits nothing; the rule ``adoption`` holds once Kommunstyrelsen has
adopted it, and no utbetalning may come before that.
"""

from __future__ import annotations

from rules.decision import Decision
from rules.facts import Disbursement, Facts
from rules.outcomes import PENDING, SATISFIED, VIOLATED, RuleOutcome

RULE_ID = "adoption"


def adoption(decision: Decision, facts: Facts) -> RuleOutcome:
    """ "Förslag till beslut" / "Kommunstyrelsens beslut": adopted, and nothing paid before."""
    cites = decision.citations(RULE_ID)
    adopted_on = facts.adopted_on
    for paid in facts.disbursements:
        if adopted_on is None or paid.paid_on < adopted_on:
            return RuleOutcome(RULE_ID, VIOLATED, cites, "adoption.paid_before_adoption", (("paid_on", paid.paid_on),))
    if adopted_on is None:
        return RuleOutcome(RULE_ID, PENDING, cites, "adoption.not_adopted")
    return RuleOutcome(RULE_ID, SATISFIED, cites, "adoption.adopted", (("adopted_on", adopted_on),))


def adoption_for_payment(decision: Decision, facts: Facts, payment: Disbursement) -> RuleOutcome:
    """A proposed utbetalning needs the proposal adopted on or before its day."""
    cites = decision.citations(RULE_ID)
    if facts.adopted_on is not None and facts.adopted_on <= payment.paid_on:
        return RuleOutcome(RULE_ID, SATISFIED, cites, "adoption.adopted", (("adopted_on", facts.adopted_on),))
    return RuleOutcome(RULE_ID, VIOLATED, cites, "adoption.not_adopted_by_payment", (("paid_on", payment.paid_on),))
