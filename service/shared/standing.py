"""A decision's log folded as it stands: what a read of the current record, and a
write's check, need of the log, kept in place of the log.

The log only grows, and a decision's events commit in the order of their ids, so a
process folds each new event into what it folded before (``Fold.add``) and never reads
an event twice. What is kept grows with the days paid on, not with the utbetalningar:

- every event but the utbetalningar and the corrections of them: the few facts a
  decision has (adoptions, the ERDF's decisions, appeals, the project's start) and
  the corrections of those, to which ``facts_from``'s rules apply as they are;
- the live utbetalningar, summed per day, source and recipient (``rules.summed``): a
  correction subtracts the one it cancels (and its id is kept, so that a second one
  cancels nothing). A decision's utbetalningar fall on a few hundred days of its
  period (a payment outside it is allowed, with a remark, under the default reading,
  so the calendar is the only hard bound); their number has none.

``Standing.facts(as_of)`` equals ``facts_from(log, known_at=<the newest event's
recorded_at>, as_of=as_of)``: tests/test_standing.py compares them over random
histories with corrections, on SQLite and PostgreSQL.

A record as it stood at an earlier moment (a ``known_as_of`` in the past) is folded
from the nearest of the fold's checkpoints (``Checkpoint``): every ``CHECKPOINT_EVERY``
events, a copy of what was folded so far, with the newest ``recorded_at`` among them.
The events recorded by that moment are those of the newest checkpoint whose events were
all recorded by it, and those after it recorded by it too, which end at the first
checkpoint after which no event was recorded by then (each checkpoint keeps the earliest
moment among the events after it). While the log's moments grow with its ids, that is
the next checkpoint: such a read folds one stretch between checkpoints, found by
bisection, whatever the log's length; after a clock was put back, the stretches up to
the last event it recorded too. A decision keeps at most
``KEPT_CHECKPOINTS``: past that, every other one is dropped and the stretch doubles,
which bounds the memory (each copy holds a pointer for each day, source and recipient
paid on, shared with the others, and the few other events: not the utbetalningar).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cached_property

from rules import Disbursement, Facts, Payments
from rules.facts import NO_PAYMENTS
from service.shared.facts import Event, disbursement_of, facts_of, live_events

#: Later than any event's recorded_at: every event recorded counts.
END_OF_RECORD = datetime.max.replace(tzinfo=UTC)
#: Events between two of a fold's checkpoints, at first (doubled when there are too many).
CHECKPOINT_EVERY = 1000
#: Checkpoints a decision's fold keeps at most: the stretch stays 1 000 events up to
#: 256 000 (each checkpoint costs a pointer for each day, source and recipient paid on,
#: and the sums changed since).
KEPT_CHECKPOINTS = 256


@dataclass(frozen=True)
class Standing:
    """One decision's record as it stands after its event ``last_event_id``."""

    decision_id: str
    event_count: int
    last_event_id: int
    #: The newest event's recorded_at (``None`` for an empty log): the moment the record is as of.
    recorded_at: datetime | None
    #: Every event but the utbetalningar and the corrections of them, oldest first.
    others: tuple[Event, ...]
    #: The live utbetalningar, summed per day, source and recipient, in that order.
    paid: Payments

    @cached_property
    def running(self) -> tuple[tuple[int, Decimal], ...]:
        """For each of ``paid``, how many utbetalningar and how much up to it, itself
        included: made on the first read of a summary, not by every write."""
        running, count, total = [], 0, Decimal("0.00")
        for payment in self.paid:
            count, total = count + payment.count, total + payment.amount
            running.append((count, total))
        return tuple(running)

    @cached_property
    def live(self) -> list[Event]:
        """The live events other than utbetalningar (``live_events`` of the whole record):
        made once a standing, which the commitment and a write's checks each ask for
        more than once. Not to be changed by its readers."""
        return live_events(list(self.others), END_OF_RECORD)

    def facts(self, as_of: date) -> Facts:
        """The rules' facts on ``as_of``, as the record stands."""
        return facts_of(self.live, self.paid, as_of)

    def paid_by(self, as_of: date) -> tuple[int, Decimal, date | None, date | None]:
        """The utbetalningar paid on or before ``as_of``: how many, their sum, the first
        and the last day."""
        reached = bisect_right(self.paid, as_of, key=_day)
        if not reached:
            return 0, Decimal("0.00"), None, None
        count, total = self.running[reached - 1]
        return count, total, self.paid[0].paid_on, self.paid[reached - 1].paid_on


def _day(payment: Disbursement) -> date:
    return payment.paid_on


def _key(payment: Disbursement) -> tuple[date, str, str]:
    return payment.paid_on, payment.funding_source, payment.recipient


def _earlier(one: datetime | None, other: datetime | None) -> datetime | None:
    """The earlier of two moments, either of which may be missing."""
    if one is None or other is None:
        return other if one is None else one
    return min(one, other)


def _recorded_by(checkpoint: Checkpoint) -> datetime:
    return checkpoint.recorded_by


@dataclass(frozen=True)
class Checkpoint:
    """A fold as it was after its event ``last_event_id``, to fold an earlier record from
    (``Fold.resumed``). ``recorded_by``: the newest recorded_at among those events."""

    last_event_id: int
    recorded_by: datetime
    count: int
    others: tuple[Event, ...]
    #: The summed utbetalningar in their order (each its own key): shared with the fold
    #: and the other checkpoints, a tuple costs a pointer a day.
    paid: Payments
    cancelled: frozenset[int]


class Fold:
    """A decision's standing, brought up to date event by event. Not thread-safe: its
    owner (``EventStore``) serialises the calls."""

    def __init__(self, decision_id: str) -> None:
        self.decision_id = decision_id
        self.last_event_id = 0
        self._checkpoints: list[Checkpoint] = []
        # For each checkpoint, the earliest recorded_at among the events after it up to
        # the next one (None while there are none): where ``stretch`` may end.
        self._earliest: list[datetime | None] = []
        self._every = CHECKPOINT_EVERY
        self._count = 0
        self._recorded_at: datetime | None = None
        self._others: list[Event] = []
        self._other_ids: set[int] = set()
        # The summed utbetalningar by day, source and recipient, and those keys in order:
        # a new utbetalning replaces one of them, and the order is kept by insertion.
        self._days: dict[tuple[date, str, str], Disbursement] = {}
        self._keys: list[tuple[date, str, str]] = []
        # The summed utbetalningar in the order of ``_keys``, as a standing holds them:
        # changed where one changes (a copy made in C, which the next standing shares),
        # not gathered anew from ``_days`` by every write; with how many of the days each
        # source and recipient is paid by, kept as they change, so that ``Payments``
        # needs no pass over them all.
        self._paid: Payments = NO_PAYMENTS
        self._routes: Counter[tuple[str, str]] = Counter()
        # Utbetalningar already cancelled: the store refuses a second correction of one,
        # but a log restored from elsewhere may hold it, and it cancels nothing more.
        self._cancelled: set[int] = set()
        self._standing: Standing | None = None

    def add(self, new: Iterable[Event], targets: Mapping[int, Event]) -> None:
        """Fold in ``new``, the events after ``last_event_id`` in the order of their ids
        (any not after it is skipped: another reader folded it first). ``targets``: the
        events that corrections among them correct, by id, where they are not among the
        others kept (``corrected_targets`` says which to read)."""
        for event in new:
            if event.event_id <= self.last_event_id:
                continue
            self._standing = None
            if event.type == "disbursement":
                self._pay(disbursement_of(event), 1)
            elif event.type == "correction" and event.corrects not in self._other_ids:
                target = targets.get(event.corrects) if event.corrects is not None else None
                if target is not None and target.type == "disbursement" and target.event_id not in self._cancelled:
                    cancelled = disbursement_of(target)
                    self._cancelled.add(target.event_id)
                    self._pay(cancelled, -1)
                # A correction of anything else not kept (of a correction of an utbetalning,
                # or of no event of this log) cancels nothing that counts.
            else:
                self._others.append(event)
                self._other_ids.add(event.event_id)
            # Only once it is folded in: an event that cannot be (a payload no reader
            # understands) fails every read alike, never skipped by the next.
            self.last_event_id, self._count = event.event_id, self._count + 1
            if self._recorded_at is None or event.recorded_at > self._recorded_at:
                self._recorded_at = event.recorded_at
            if self._earliest:
                self._earliest[-1] = _earlier(self._earliest[-1], event.recorded_at)
            if self._count % self._every == 0:
                self._keep_checkpoint()

    def _keep_checkpoint(self) -> None:
        assert self._recorded_at is not None
        self._checkpoints.append(
            Checkpoint(
                self.last_event_id,
                self._recorded_at,
                self._count,
                tuple(self._others),
                self._paid,
                frozenset(self._cancelled),
            )
        )
        self._earliest.append(None)
        if len(self._checkpoints) > KEPT_CHECKPOINTS:
            # Those at multiples of the doubled stretch, each now followed by two stretches.
            earliest = self._earliest
            self._earliest = [
                _earlier(earliest[k], earliest[k + 1] if k + 1 < len(earliest) else None)
                for k in range(1, len(earliest), 2)
            ]
            self._checkpoints = self._checkpoints[1::2]
            self._every *= 2

    def stretch(self, known_at: datetime) -> tuple[Checkpoint | None, int | None]:
        """Where to fold the record as it stood at ``known_at`` from: the newest checkpoint
        whose events were all recorded by then (None: the beginning), and the last event
        id that can have been recorded by then, where the log says (None: read to its end).
        The first by bisection; the last is the first checkpoint after it past which every
        event was recorded later: the next one while the log's moments grow with its ids."""
        points = self._checkpoints
        reached = bisect_right(points, known_at, key=_recorded_by)
        start = points[reached - 1] if reached else None
        end, earliest = None, None
        for k in range(len(points) - 1, reached - 1, -1):  # from the last checkpoint back
            earliest = _earlier(earliest, self._earliest[k])  # of every event after checkpoint k
            if earliest is not None and earliest <= known_at:
                break
            end = points[k].last_event_id
        return start, end

    @classmethod
    def resumed(cls, decision_id: str, checkpoint: Checkpoint | None) -> Fold:
        """A new fold, as the one that kept ``checkpoint`` was there (empty for None)."""
        fold = cls(decision_id)
        if checkpoint is not None:
            fold.last_event_id, fold._count = checkpoint.last_event_id, checkpoint.count
            fold._recorded_at = checkpoint.recorded_by
            fold._others = list(checkpoint.others)
            fold._other_ids = {e.event_id for e in checkpoint.others}
            fold._keys = [_key(payment) for payment in checkpoint.paid]  # in order, as ``_keys`` is
            fold._days = dict(zip(fold._keys, checkpoint.paid, strict=True))
            fold._paid = checkpoint.paid
            fold._routes = Counter(key[1:] for key in fold._keys)
            fold._cancelled = set(checkpoint.cancelled)
        return fold

    def corrected_targets(self, new: Iterable[Event]) -> list[int]:
        """The ids that corrections among ``new`` correct and that are not kept here:
        what ``add`` needs read from the log."""
        return [
            e.corrects
            for e in new
            if e.type == "correction" and e.corrects is not None and e.corrects not in self._other_ids
        ]

    def _pay(self, payment: Disbursement, sign: int) -> None:
        key, paid = _key(payment), self._paid  # sliced, it is a plain tuple
        summed = self._days.get(key)
        at = bisect_left(self._keys, key)
        if summed is None:
            summed = replace(payment, amount=Decimal("0.00"), count=0)
            self._keys.insert(at, key)
            self._routes[key[1:]] += 1
            paid = paid[:at] + (summed,) + paid[at:]
        amount, count = summed.amount + sign * payment.amount, summed.count + sign
        if count:
            self._days[key] = replace(summed, amount=amount, count=count)
            paid = paid[:at] + (self._days[key],) + paid[at + 1 :]
        else:
            del self._days[key]
            del self._keys[at]
            self._routes[key[1:]] -= 1
            if not self._routes[key[1:]]:
                del self._routes[key[1:]]
            paid = paid[:at] + paid[at + 1 :]
        # In the order of their keys, so the first and the last are the first and last days.
        first, last = (paid[0].paid_on, paid[-1].paid_on) if paid else (None, None)
        total = self._paid.total + sign * payment.amount
        self._paid = Payments.made(paid, total, first, last, frozenset(self._routes))

    def standing(self) -> Standing:
        """The standing as folded so far (made once between changes)."""
        if self._standing is None:
            self._standing = Standing(
                self.decision_id,
                self._count,
                self.last_event_id,
                self._recorded_at,
                tuple(self._others),
                self._paid,
            )
        return self._standing
