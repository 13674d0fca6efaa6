"""Facts: what happened, each with the date it happened on.

Facts are plain frozen values. ``Facts.known_on(day)`` drops every fact dated after
``day``: a status on a date is computed only from what had happened by then. Whether
the facts agree with each other and with the decision (the right deciding body, no
adoption before the proposal) is ``rules.consistency``'s to say, not these classes'.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal, get_args

from rules.money import ZERO

ErufOutcome = Literal["approved", "rejected", "withdrawn"]
ERUF_OUTCOMES: tuple[ErufOutcome, ...] = get_args(ErufOutcome)

#: What Kommunstyrelsen can do with a proposal (kommunallagen 5 kap.): adopt it, adopt it
#: amended, reject it (avslag), refer it back (återremiss, 5 kap. 51 §) or table it
#: (bordläggning, 5 kap. 50 §). The last two are no decision on the matter.
AdoptionOutcome = Literal["adopted", "adopted_amended", "rejected", "referred_back", "tabled"]
ADOPTION_OUTCOMES: tuple[AdoptionOutcome, ...] = get_args(AdoptionOutcome)
#: The outcomes that decide the matter: a second one, uncorrected, contradicts the first.
FINAL_ADOPTION_OUTCOMES: frozenset[str] = frozenset({"adopted", "adopted_amended", "rejected"})
#: The outcomes under which the co-financing is granted.
ADOPTING_OUTCOMES: frozenset[str] = frozenset({"adopted", "adopted_amended"})

#: A laglighetsprövning (kommunallagen 13 kap.): lodged, then dismissed or upheld.
AppealOutcome = Literal["pending", "dismissed", "upheld"]
APPEAL_OUTCOMES: tuple[AppealOutcome, ...] = get_args(AppealOutcome)


@dataclass(frozen=True, slots=True)
class Adoption:
    """Kommunstyrelsen's decision on the proposal, at one meeting.

    ``body`` is who decided, as recorded (``None``: the decision's own deciding body, as
    the shorthand ``adopted_on`` says). ``amended_amount`` is the amount adopted instead
    of the proposed one (``adopted_amended`` only). ``announced_on`` is the day the
    justerade protokoll was announced on the anslagstavla, from which the appeal period
    runs (kommunallagen 13 kap. 5 §)."""

    decided_on: date
    outcome: AdoptionOutcome = "adopted"
    body: str | None = None
    amended_amount: Decimal | None = None
    announced_on: date | None = None

    @property
    def adopts(self) -> bool:
        return self.outcome in ADOPTING_OUTCOMES


@dataclass(frozen=True, slots=True)
class Appeal:
    """A laglighetsprövning of Kommunstyrelsen's decision: lodged on a day, and, once
    the court has ruled, ``dismissed`` or ``upheld`` on ``decided_on``."""

    lodged_on: date
    outcome: AppealOutcome = "pending"
    decided_on: date | None = None


@dataclass(frozen=True, slots=True)
class ErufDecision:
    """ERUF's decision on the applicant's application. ``granted_amount`` is
    ``None`` when the amount granted is not known (not: the amount applied for)."""

    decided_on: date
    outcome: ErufOutcome
    granted_amount: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Disbursement:
    """One utbetalning: money paid, from a funding source, to a recipient; or ``count``
    of them paid on one day from one source to one recipient, ``amount`` their sum
    (``summed``). No rule tells such utbetalningar apart: each asks on which day, from
    where, to whom and how much in all, and whether there was only one."""

    paid_on: date
    amount: Decimal
    funding_source: str
    recipient: str
    count: int = 1


class Payments(tuple[Disbursement, ...]):
    """Utbetalningar, with what the rules ask of all of them together, worked out once
    as they are gathered: their sum, their first and last day, and the pairs of funding
    source and recipient among them. A rule that learns from these that no utbetalning
    can break it need not look at each one; where one may, it still looks at each, and
    names the first that does. ``Facts`` holds its utbetalningar as these."""

    total: Decimal
    first_paid_on: date | None
    last_paid_on: date | None
    #: Each (funding source, recipient) that an utbetalning among them goes by.
    routes: frozenset[tuple[str, str]]

    def __new__(cls, paid: Iterable[Disbursement] = ()) -> Payments:
        self = super().__new__(cls, paid)
        total, first, last, routes = ZERO, None, None, set()
        for payment in self:
            total += payment.amount
            day = payment.paid_on
            if first is None or day < first:
                first = day
            if last is None or day > last:
                last = day
            routes.add((payment.funding_source, payment.recipient))
        self.total, self.first_paid_on, self.last_paid_on, self.routes = total, first, last, frozenset(routes)
        return self

    @classmethod
    def made(
        cls,
        paid: tuple[Disbursement, ...],
        total: Decimal,
        first_paid_on: date | None,
        last_paid_on: date | None,
        routes: frozenset[tuple[str, str]],
    ) -> Payments:
        """``paid`` with what its maker kept of it as it changed (a kept standing, one
        utbetalning at a time), instead of a pass over all of them."""
        self = super().__new__(cls, paid)
        self.total, self.first_paid_on, self.last_paid_on, self.routes = total, first_paid_on, last_paid_on, routes
        return self

    # What a rule asks of all of them before it looks at each (``False`` from ``any_``,
    # ``True`` from ``all_``: none of them needs a look).

    def any_before(self, day: date) -> bool:
        """Whether any of them may be paid before ``day``."""
        return self.first_paid_on is not None and self.first_paid_on < day

    def any_after(self, day: date) -> bool:
        """Whether any of them may be paid after ``day``."""
        return self.last_paid_on is not None and self.last_paid_on > day

    def any_from(self, day: date) -> bool:
        """Whether any of them may be paid on ``day`` or later."""
        return self.last_paid_on is not None and self.last_paid_on >= day

    def all_within(self, starts_on: date, ends_on: date) -> bool:
        """Whether every one of them is paid on a day from ``starts_on`` to ``ends_on``."""
        first, last = self.first_paid_on, self.last_paid_on
        return first is None or (last is not None and starts_on <= first and last <= ends_on)

    def all_from(self, funding_source: str) -> bool:
        """Whether every one of them is paid from ``funding_source``."""
        return all(source == funding_source for source, _ in self.routes)

    def all_to(self, recipient: str) -> bool:
        """Whether every one of them is paid to ``recipient``."""
        return all(to == recipient for _, to in self.routes)

    def __reduce__(self) -> tuple[type[Payments], tuple[tuple[Disbursement, ...]]]:
        return type(self), (tuple(self),)


NO_PAYMENTS = Payments()


def payments(paid: Iterable[Disbursement]) -> Payments:
    """``paid`` as ``Payments`` (itself, where it is already)."""
    return paid if isinstance(paid, Payments) else Payments(paid) if paid else NO_PAYMENTS


def summed(paid: Iterable[Disbursement]) -> Payments:
    """``paid`` as one utbetalning per day, source and recipient, in that order: what a
    recorded log holds, however many utbetalningar it records (a decision's days are
    bounded by its period; its events are not). Where a rule names the first
    utbetalning that breaks it, the first of a day is so the first by source and
    recipient, not the first recorded."""
    days: dict[tuple[date, str, str], tuple[Decimal, int]] = {}
    for payment in paid:
        key = (payment.paid_on, payment.funding_source, payment.recipient)
        amount, count = days.get(key, (ZERO, 0))
        days[key] = (amount + payment.amount, count + payment.count)
    return Payments(
        [Disbursement(day, amount, source, to, count) for (day, source, to), (amount, count) in sorted(days.items())]
    )


def only_one(paid: tuple[Disbursement, ...]) -> bool:
    """Whether ``paid`` is a single utbetalning (not one day's several, summed)."""
    return len(paid) == 1 and paid[0].count == 1


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything the rules need to know about what has happened.

    ``adoption`` is Kommunstyrelsen's latest decision on the proposal (a referral back
    or a tabling is followed by a later one). ``eruf_decision`` is ERUF's decision on
    the application, or its withdrawal before a decision; ``eruf_withdrawn_on`` is a
    withdrawal after an approval."""

    adoption: Adoption | None = None
    eruf_decision: ErufDecision | None = None
    disbursements: Payments = field(default=NO_PAYMENTS)
    project_started_on: date | None = None
    appeals: tuple[Appeal, ...] = field(default=())
    eruf_withdrawn_on: date | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.disbursements, Payments):  # any other iterable of them
            object.__setattr__(self, "disbursements", payments(self.disbursements))

    @property
    def adopted_on(self) -> date | None:
        """The day Kommunstyrelsen adopted the proposal (amended or not), if it has."""
        adoption = self.adoption
        return adoption.decided_on if adoption is not None and adoption.adopts else None

    def known_on(self, day: date) -> Facts:
        """The facts as they stood on ``day``: later facts do not count yet. When none is
        later, these very facts (most what-ifs ask about a day after all of them)."""
        adoption, eruf, paid, appeals = self.adoption, self.eruf_decision, self.disbursements, self.appeals
        withdrawn_on = self.eruf_withdrawn_on
        if adoption is not None and adoption.decided_on > day:
            adoption = None
        elif adoption is not None and adoption.announced_on is not None and adoption.announced_on > day:
            adoption = Adoption(adoption.decided_on, adoption.outcome, adoption.body, adoption.amended_amount)
        if eruf is not None and eruf.decided_on > day:
            eruf = None
        if withdrawn_on is not None and (eruf is None or withdrawn_on > day):
            withdrawn_on = None
        if paid.any_after(day):
            paid = Payments([d for d in paid if d.paid_on <= day])
        if appeals:
            appeals = tuple([_appeal_on(a, day) for a in appeals if a.lodged_on <= day])
        if (
            adoption is self.adoption
            and eruf is self.eruf_decision
            and paid is self.disbursements
            and withdrawn_on is self.eruf_withdrawn_on
            and appeals == self.appeals
        ):
            return self
        return Facts(adoption, eruf, paid, self.project_started_on, appeals, withdrawn_on)

    @property
    def disbursed(self) -> Decimal:
        """The sum of every utbetalning in these facts."""
        return self.disbursements.total


def _appeal_on(appeal: Appeal, day: date) -> Appeal:
    """An appeal as it stood on ``day``: still pending if the court had not yet ruled."""
    if appeal.decided_on is not None and appeal.decided_on > day:
        return Appeal(appeal.lodged_on)
    return appeal
