"""Rubriken "Förslag till beslut": the text is a proposal to Kommunstyrelsen.

A proposal commits nothing; the rule ``adoption`` holds once Kommunstyrelsen has
adopted it, and no utbetalning may come before that.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from rules.decision import Decision, fixed_outcome
from rules.facts import Disbursement, Facts
from rules.outcomes import PENDING, SATISFIED, VIOLATED, RuleOutcome

RULE_ID = "adoption"


def adoption(decision: Decision, facts: Facts) -> RuleOutcome:
    """ "Förslag till beslut" / "Kommunstyrelsens beslut": adopted, and nothing paid before."""
    adopted_on = facts.adopted_on
    for paid in facts.disbursements:
        if adopted_on is None or paid.paid_on < adopted_on:
            return _violated(decision, "adoption.paid_before_adoption", paid.paid_on)
    if adopted_on is None:
        return fixed_outcome(decision, RULE_ID, PENDING, "adoption.not_adopted")
    return _adopted(decision, adopted_on)


def adoption_for_payment(decision: Decision, facts: Facts, payment: Disbursement) -> RuleOutcome:
    """A proposed utbetalning needs the proposal adopted on or before its day."""
    if facts.adopted_on is not None and facts.adopted_on <= payment.paid_on:
        return _adopted(decision, facts.adopted_on)
    return _violated(decision, "adoption.not_adopted_by_payment", payment.paid_on)


@lru_cache(maxsize=256)
def _adopted(decision: Decision, adopted_on: date) -> RuleOutcome:
    """Satisfied since ``adopted_on``. Kept for recent days: an evaluation with a
    proposed utbetalning asks twice, and what-ifs on the same facts again and again."""
    values = (("adopted_on", adopted_on),)
    return RuleOutcome(RULE_ID, SATISFIED, decision.citations(RULE_ID), "adoption.adopted", values)


def _violated(decision: Decision, message_key: str, paid_on: date) -> RuleOutcome:
    return RuleOutcome(RULE_ID, VIOLATED, decision.citations(RULE_ID), message_key, (("paid_on", paid_on),))
