"""The commitment's lifecycle on a date.

proposed ──adopted──▶ conditional ──ERUF approves──▶ in_force ──1 000 000 paid──▶ fulfilled
                           │                             │
                           └─rejected/withdrawn─▶ lapsed └─period over, money unpaid─▶ expired
"""

from __future__ import annotations

from datetime import date

from rules.beslut_2 import years
from rules.beslut_3 import is_approved
from rules.decision import Decision
from rules.facts import Facts
from rules.interpretations import Reading

STATUSES = ("proposed", "conditional", "in_force", "lapsed", "fulfilled", "expired")


def status(decision: Decision, facts: Facts, reading: Reading, *, on: date) -> str:
    """The status on ``on`` of facts already limited to what had happened by then."""
    if facts.adopted_on is None:
        return "proposed"  # "Förslag till beslut": a proposal commits nothing
    if facts.eruf_decision is None:
        return "conditional"  # beslutspunkt 3: "under förutsättning att ... godkänns"
    if not is_approved(decision, facts.eruf_decision, reading):
        return "lapsed"
    if facts.disbursed >= decision.amount:
        return "fulfilled"
    span = years(decision, facts, reading)
    if span is not None and on > span[-1][1]:
        return "expired"
    return "in_force"
