"""Facts: what happened, each with the date it happened on.

Facts are plain frozen values. ``Facts.known_on(day)`` drops every fact dated after
``day``: a status on a date is computed only from what had happened by then.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

ErufOutcome = Literal["approved", "rejected", "withdrawn"]
ERUF_OUTCOMES: tuple[ErufOutcome, ...] = ("approved", "rejected", "withdrawn")


@dataclass(frozen=True, slots=True)
class ErufDecision:
    """ERUF's decision on Flemingsberg Science's application."""

    decided_on: date
    outcome: ErufOutcome
    granted_amount: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Disbursement:
    """One utbetalning: money paid, from a funding source, to a recipient."""

    paid_on: date
    amount: Decimal
    funding_source: str
    recipient: str


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything the rules need to know about what has happened."""

    adopted_on: date | None = None
    eruf_decision: ErufDecision | None = None
    disbursements: tuple[Disbursement, ...] = field(default=())
    project_started_on: date | None = None

    def known_on(self, day: date) -> Facts:
        """The facts as they stood on ``day``: later facts do not count yet."""
        adopted_on = self.adopted_on if self.adopted_on and self.adopted_on <= day else None
        eruf = self.eruf_decision
        if eruf is not None and eruf.decided_on > day:
            eruf = None
        paid = tuple(d for d in self.disbursements if d.paid_on <= day)
        started = self.project_started_on
        if adopted_on == self.adopted_on and eruf is self.eruf_decision and len(paid) == len(self.disbursements):
            return self
        return Facts(adopted_on, eruf, paid, started)

    @property
    def disbursed(self) -> Decimal:
        """The sum of every utbetalning in these facts."""
        return sum((d.amount for d in self.disbursements), Decimal("0.00"))
