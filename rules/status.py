"""The commitment's lifecycle on a date.

                 ┌─ referred_back / tabled ─┐ (a later meeting decides)
proposed ──KS────┼─ rejected                │
                 └─ adopted (amended) ──▶ conditional ──ERDF approves──▶ in_force ──paid──▶ fulfilled (overpaid)
                        │                     │                             │
                        └─appeal upheld─▶ annulled                          ├─withdrawn after approval─▶ withdrawn
                                              └─rejected/withdrawn─▶ lapsed └─deadline over (strict reading)─▶ expired

``undetermined`` where the answer turns on a fact that is not known (the project's start
under a reading that counts months from it, the amount granted under a reading that weighs it): a status
never claims more than the facts say.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rules.clauses import period, suspensive_condition
from rules.clauses.legal_force import annulled_on
from rules.decision import Decision
from rules.facts import Facts
from rules.interpretations import Reading
from rules.kind import WITHDRAWAL_AFTER_APPROVAL

STATUSES = (
    "proposed",
    "referred_back",
    "tabled",
    "rejected",
    "conditional",
    "lapsed",
    "annulled",
    "withdrawn",
    "undetermined",
    "in_force",
    "fulfilled",
    "overpaid",
    "expired",
)


def status(
    decision: Decision, facts: Facts, reading: Reading, *, on: date, conforming: Decimal, committed: Decimal
) -> str:
    """The status on ``on`` of facts already limited to what had happened by then;
    ``conforming`` is what the utbetalningar that meet every condition add up to."""
    adoption = facts.adoption
    if adoption is None:
        return "proposed"  # no decision recorded: "Förslag till beslut" binds nothing yet
    if not adoption.adopts:
        return adoption.outcome  # rejected, referred_back, tabled
    if facts.appeals and annulled_on(facts) is not None:
        return "annulled"
    eruf = facts.eruf_decision
    if eruf is None:
        return "conditional"  # the suspensive condition: "under förutsättning att ... godkänns"
    approved = suspensive_condition.counts(decision, eruf, reading)
    if approved is None:
        return "undetermined"
    if not approved:
        return "lapsed"
    if conforming > committed:
        return "overpaid"  # fulfilled, and more paid than the cap: the excess is a breach
    if conforming == committed:
        return "fulfilled"
    if (
        facts.eruf_withdrawn_on is not None
        and reading.means(WITHDRAWAL_AFTER_APPROVAL) == suspensive_condition.NO_FURTHER_PAYMENTS
    ):
        return "withdrawn"
    span = period.deadline(decision, facts, reading)
    if span is None:
        return "undetermined"
    if span is not False and on > span[1]:
        return "expired"
    return "in_force"
