"""Facts: what happened, each with the date it happened on.

Facts are plain frozen values. ``Facts.known_on(day)`` drops every fact dated after
``day``: a status on a date is computed only from what had happened by then.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal, get_args

from rules.money import ZERO

ErufOutcome = Literal["approved", "rejected", "withdrawn"]
ERUF_OUTCOMES: tuple[ErufOutcome, ...] = get_args(ErufOutcome)


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
        """The facts as they stood on ``day``: later facts do not count yet. When none is
        later, these very facts (most what-ifs ask about a day after all of them)."""
        adopted_on, eruf, paid = self.adopted_on, self.eruf_decision, self.disbursements
        if adopted_on is not None and adopted_on > day:
            adopted_on = None
        if eruf is not None and eruf.decided_on > day:
            eruf = None
        for payment in paid:
            if payment.paid_on > day:
                paid = tuple([d for d in paid if d.paid_on <= day])
                break
        if adopted_on is self.adopted_on and eruf is self.eruf_decision and paid is self.disbursements:
            return self
        return Facts(adopted_on, eruf, paid, self.project_started_on)

    @property
    def disbursed(self) -> Decimal:
        """The sum of every utbetalning in these facts."""
        total = ZERO
        for payment in self.disbursements:
            total += payment.amount
        return total
