"""The event store: append-only, one decision locked at a time while it is written.

``append`` runs the caller's check on the log as it stands and inserts the event in
one transaction that holds the decision's lock (SQLite: ``BEGIN IMMEDIATE``, through
``begin_write``; PostgreSQL: ``SELECT ... FOR UPDATE`` on the decision's row). When 50
writers race for the last million, each sees the sum the one before it stored. Reads
take no lock: on SQLite they never wait for a writer.

On PostgreSQL a write is first checked against the standing the process keeps, before
any lock, and stored in one statement that locks the decision's row only if its newest
event is still the one that standing reached (``_append_at_once``): the check then
stands as if made under the lock. Where another was recorded since, nothing is stored,
and the write takes the locked way.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache, partial
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, Select, String, bindparam, func, insert, select, text, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import IntegrityError

from service.shared.facts import Event
from service.shared.standing import END_OF_RECORD, Fold, Standing
from service.shared.stockholm import utc
from service.storage.engine import (
    Read,
    begin_write,
    bind_processor,
    is_sqlite,
    read,
    reading,
    result_processor,
    run,
    sqlite_writing,
)
from service.storage.faults import database_errors
from service.storage.tables import decisions, event_positions, events, idempotency_keys

_log = logging.getLogger(__name__)

#: migrations/, through the package (``service/shipped``), so that an installed wheel has it too.
MIGRATIONS = Path(__file__).resolve().parents[1] / "shipped" / "migrations"


class IdempotencyConflict(Exception):
    """The same Idempotency-Key came with another body."""


@dataclass(frozen=True, slots=True)
class Draft:
    """An event not yet recorded."""

    type: str
    effective_on: date | None
    payload: dict[str, Any]
    source_url: str | None = None
    source_evidence: str | None = None
    corrects: int | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    """What a write answered: kept whole, so that a retry gets the same bytes. The body is
    bytes already encoded, so that nothing about the answer can fail once it is committed."""

    status: int
    body: bytes
    location: str | None
    replayed: bool = False


def migrate(connection: Connection) -> None:
    """Bring the schema to the newest migration, inside the caller's transaction."""
    # Imported here: alembic (with mako and pygments, about 11 MB) is needed only by a
    # process that migrates, which a served worker of a prepared store is not.
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def _event(row: Any) -> Event:
    return Event(
        row.event_id,
        row.decision_id,
        row.type,
        row.effective_on,
        row.payload,
        utc(row.recorded_at),
        row.recorded_by,
        row.source_url,
        row.source_evidence,
        row.corrects,
        row.position or 0,
    )


@dataclass(frozen=True, slots=True)
class Stamp:
    """How far one decision's log has grown. The log only grows, so a new event always
    changes the count: a stamp that has not changed means nothing was recorded."""

    count: int
    last_event_id: int
    last_recorded_at: datetime


#: Each decision's stamp, as every write keeps it in the decision's row: no scan of the log.
_STAMPS = "SELECT decision_id, event_count, last_event_id, last_recorded_at FROM decisions WHERE event_count > 0"
_ONE_STAMP = f"{_STAMPS} AND decision_id = ?"
#: Every decision's stamp counted again from the log (migration 0003 does the same).
RECOUNT_STAMPS = (
    "UPDATE decisions SET"
    " event_count = (SELECT count(*) FROM events WHERE events.decision_id = decisions.decision_id),"
    " last_event_id = (SELECT max(event_id) FROM events WHERE events.decision_id = decisions.decision_id),"
    " last_recorded_at = (SELECT max(recorded_at) FROM events WHERE events.decision_id = decisions.decision_id)"
)
#: A key of PostgreSQL's transaction-scoped advisory locks: held from taking a position
#: to the commit, so that positions follow commit order.
POSITION_LOCK = 0x6D65_6466_696E_0001
#: PostgreSQL's sequence of positions brought past the log's largest (for a log filled
#: or restored behind the store's back), never back: the next write takes a greater one
#: than any event has and any follower has seen. Run after ``TAKE_POSITION_LOCK``, in
#: its transaction and a statement of its own, so that no writer is between its
#: position and its commit while the largest is read.
TAKE_POSITION_LOCK = f"SELECT pg_advisory_xact_lock({POSITION_LOCK})"
CATCH_UP_POSITIONS = (
    f"SELECT setval('{event_positions.name}', greatest("
    f"(SELECT coalesce(max(position), 0) + 1 FROM events), nextval('{event_positions.name}')), false)"
)

# The statements of a write, made once: building one costs more than running it, and
# SQLAlchemy finds a statement made once in its cache of compiled statements at once.
#: The decision's newest event id (``standing``'s ``newest``); on PostgreSQL with its row
#: locked until the commit (SQLite's writer holds the whole database's lock already).
_NEWEST = "SELECT last_event_id FROM decisions WHERE decision_id = ?"
_LOCK_DECISION = f"{_NEWEST} FOR UPDATE"
#: An event at the next place in commit order (the writer holds the lock that orders
#: them), given back as stored, and the decision's stamp moved on (``stamps``).
#: SQLite: both on the driver, as SQLAlchemy would bind them (``EventStore._bound``), in
#: ``Event``'s order of columns; SQLite has no INSERT or UPDATE inside a WITH.
_WRITTEN = [column.name for column in events.c if column.name not in ("event_id", "position")]
_INSERT_EVENT_SQLITE = (
    f"INSERT INTO events ({', '.join(_WRITTEN)}, position)"
    f" VALUES ({', '.join('?' for _ in _WRITTEN)}, (SELECT coalesce(max(position), 0) + 1 FROM events))"
    f" RETURNING {', '.join(column.name for column in events.c)}"
)
_COUNT_EVENT_SQLITE = (
    "UPDATE decisions SET event_count = event_count + 1, last_event_id = ?, last_recorded_at = ? WHERE decision_id = ?"
)
#: PostgreSQL: both in one statement, the event inserted and the stamp moved on from it
#: (a data-modifying WITH runs whole, whether the outer SELECT reads it or not). The
#: position and the moment are read under the lock that orders positions, the moment
#: from the database's clock: one clock for every writer, however many app servers.
_STORED = (
    insert(events)
    .values(
        {
            **{
                column.name: bindparam(f"new_{column.name}", type_=column.type)
                for column in events.c
                if column.name not in ("event_id", "position", "recorded_at")
            },
            "position": event_positions.next_value(),
            "recorded_at": func.clock_timestamp(),
        }
    )
    .returning(*events.c)
    .cte("stored")
)
_INSERT_AND_COUNT_EVENT = select(_STORED).add_cte(
    update(decisions)
    .where(decisions.c.decision_id == _STORED.c.decision_id)
    .values(
        event_count=decisions.c.event_count + 1,
        last_event_id=_STORED.c.event_id,
        last_recorded_at=_STORED.c.recorded_at,
    )
    .cte("stamped")
)
#: PostgreSQL: a write checked against the standing its process keeps, stored in one
#: autocommitted statement (``_at_once``, ``EventStore._append_at_once``), whose parts
#: run in the order each reads the one before:
#: - the decision's row locked where its newest event is still the one the standing
#:   reached, and where no other transaction holds it (SKIP LOCKED: that one is about to
#:   record; the caller then takes the locked way, which waits for it);
#: - the lock that orders positions, held until the commit, in a subquery of its own
#:   (``OFFSET 0``) run first; then the position from the sequence, read when asked and
#:   not from the statement's snapshot, which was taken before the locks (migration
#:   0004), and the moment, read from the clock under the same lock, as the locked way
#:   reads it (``_STORED``), so that moments follow positions too;
#: - the count (``Count.taken_for_each``), where given; the event; its decision's stamp.
#: Each value is cast to its column's kind (a marker in a SELECT list is text); a string
#: is cast to text, not to the column's length, which would cut it where inserting it
#: refuses it.
_AT_ONCE_WRITTEN = [name for name in _WRITTEN if name != "recorded_at"]
_AT_ONCE_LOCKED = (
    "WITH locked AS MATERIALIZED (SELECT decision_id FROM decisions"
    " WHERE decision_id = ? AND coalesce(last_event_id, 0) = ? FOR UPDATE SKIP LOCKED),"
    f" placed AS MATERIALIZED (SELECT nextval('{event_positions.name}') AS position,"
    " clock_timestamp() AS recorded_at"
    f" FROM (SELECT pg_advisory_xact_lock({POSITION_LOCK}) FROM locked OFFSET 0) AS ordered)"
)


def _cast(column: Any) -> str:
    kind = "TEXT" if isinstance(column.type, String) else column.type.compile(dialect=postgresql.dialect())
    return f"CAST(? AS {kind})"


_AT_ONCE_STORED = (
    f" stored AS (INSERT INTO events ({', '.join(_AT_ONCE_WRITTEN)}, recorded_at, position)"
    f" SELECT {', '.join(_cast(events.c[name]) for name in _AT_ONCE_WRITTEN)}, placed.recorded_at, placed.position"
    " FROM {sources}"
    f" RETURNING {', '.join(column.name for column in events.c)}),"
    " stamped AS (UPDATE decisions SET event_count = event_count + 1, last_event_id = stored.event_id,"
    " last_recorded_at = stored.recorded_at FROM stored WHERE decisions.decision_id = stored.decision_id)"
    " SELECT * FROM stored"
)
_INSERT_KEY = insert(idempotency_keys)
_REPLAY = select(idempotency_keys).where(
    idempotency_keys.c.decision_id == bindparam("replayed_decision"),
    idempotency_keys.c.token_name == bindparam("replayed_token"),
    idempotency_keys.c.key == bindparam("replayed_key"),
)


def _at_once(count: Count | None) -> tuple[str, tuple[object, ...]]:
    """``_AT_ONCE``'s statement, with the count where given, and the count's values."""
    if count is None:
        return _AT_ONCE_UNCOUNTED, ()
    counted, values = count.taken_for_each("placed")
    return _at_once_counted(counted), values


@cache
def _at_once_counted(counted: str) -> str:
    return f"{_AT_ONCE_LOCKED}, counted AS ({counted}),{_AT_ONCE_STORED.format(sources='placed, counted')}"


_AT_ONCE_UNCOUNTED = f"{_AT_ONCE_LOCKED},{_AT_ONCE_STORED.format(sources='placed')}"


def _moment(value: datetime | str) -> datetime:
    """A ``recorded_at`` as the driver gives it: SQLite's is the text SQLAlchemy stored."""
    return utc(datetime.fromisoformat(value) if isinstance(value, str) else value)


#: Every column of an event, in ``Event``'s order, read straight on the driver (``_read_events``).
_EVENTS = f"SELECT {', '.join(column.name for column in events.c)} FROM events"
_POSITION = list(events.c.keys()).index("position")
#: The log's newest position, and its newest event in commit order (one indexed row each).
_HEAD_POSITION = "SELECT max(position) FROM events"
_HEAD = "SELECT position, recorded_at FROM events ORDER BY position DESC LIMIT 1"
#: A decision's events after an id, oldest first (what ``standing`` folds in).
_NEW_EVENTS = f"{_EVENTS} WHERE decision_id = ? AND event_id > ? ORDER BY event_id"
#: Those recorded by a moment, after an id (and up to another): ``standing_at``'s.
_RECORDED_AFTER = f"{_EVENTS} WHERE decision_id = ? AND event_id > ? AND recorded_at <= ? ORDER BY event_id"
_RECORDED_BETWEEN = (
    f"{_EVENTS} WHERE decision_id = ? AND event_id > ? AND recorded_at <= ? AND event_id <= ? ORDER BY event_id"
)

#: Decisions whose standing a process keeps (``EventStore.standing``): a bound on memory.
KEPT_STANDINGS = 256
#: ``EventStore._writers``: more than a worker's threads, so that two rarely share one.
_WRITER_LOCKS = 64
#: How long a write waits for its process's turn at its decision (``EventStore.turn``):
#: a write holds it a few milliseconds (from its admitted token to its answer; ``medfin
#: serve``'s workers have read the body before), so this is only reached when the
#: database is slow to answer, whose own bounds then decide.
TURN_SECONDS = 0.5
#: Ids in one ``IN (...)``: well under SQLite's 32 766 bound variables and psycopg's 65 535.
_TARGETS_A_READ = 500


def _event_by_id(connection: Connection, decision_id: str, event_id: int) -> Event | None:
    query = select(events).where(events.c.decision_id == decision_id, events.c.event_id == event_id)
    row = connection.execute(query).first()
    return None if row is None else _event(row)


class _TurnsIn(threading.local):
    """Per thread: the stripes of ``EventStore._writers`` whose turn it is in."""

    def __init__(self) -> None:
        self.stripes: set[int] = set()


class _MovedOn(Exception):
    """Rolls back a write tried against a kept standing that no longer holds."""


class LogNotRead(Exception):
    """A check asked for an event of a log it was not given (``Log`` without a connection)."""


@dataclass(frozen=True, slots=True)
class Log:
    """What a write's check may read of its decision's log, inside the write's
    transaction: the record as it stands, and single events by id (indexed reads). Without
    a connection (a check against the standing this process keeps, before any lock), only
    the record as it stands: asking for an event raises ``LogNotRead``."""

    standing: Standing
    connection: Connection | None

    def event(self, event_id: int) -> Event | None:
        """The decision's event ``event_id``, if it has one."""
        return _event_by_id(self._connection(), self.standing.decision_id, event_id)

    def correction_of(self, event_id: int) -> int | None:
        """The id of the correction that cancels the event ``event_id``, if one does."""
        query = select(events.c.event_id).where(events.c.corrects == event_id, events.c.type == "correction")
        return self._connection().execute(query.limit(1)).scalar()

    def _connection(self) -> Connection:
        if self.connection is None:
            raise LogNotRead
        return self.connection


class Count(Protocol):
    """A write counted in its own transaction (``EventStore.append``'s ``count``;
    ``service.storage.limits.WriteCount``)."""

    def __call__(self, connection: Connection) -> None:
        """Count it, last in ``connection``'s transaction; raise to refuse the write."""

    def taken(self) -> tuple[str, tuple[object, ...]]:
        """The statement that counts it and returns a row only where it may be made
        (``?`` markers); and its values."""

    def taken_for_each(self, source: str) -> tuple[str, tuple[object, ...]]:
        """``taken`` as a data-modifying ``WITH`` query (PostgreSQL), once for each row
        of ``source``."""


@dataclass(frozen=True, slots=True)
class _Write:
    """One ``append``: the event to record and by whom, and what checks, answers and
    counts it (``append``'s parameters, handed on whole to the way that stores it)."""

    decision_id: str
    draft: Draft
    recorded_by: str
    check: Callable[[Log, Draft], None]
    answer: Callable[[Event], Answer]
    idempotency: tuple[str, str] | None
    count: Count | None

    def values(self) -> dict[str, Any]:
        """The columns the event is inserted with, recorded now (``_WRITTEN``)."""
        draft = self.draft
        return {
            "decision_id": self.decision_id,
            "type": draft.type,
            "effective_on": draft.effective_on,
            "payload": draft.payload,
            "recorded_at": datetime.now(UTC),
            "recorded_by": self.recorded_by,
            "source_url": draft.source_url,
            "source_evidence": draft.source_evidence,
            "corrects": draft.corrects,
        }


class EventStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # Each decision's log folded as read, by decision: the log only grows, so what was
        # folded stays true and only what came after it is read (``service.shared.standing``).
        self._folds: OrderedDict[str, Fold] = OrderedDict()
        self._folds_lock = threading.Lock()
        #: A process's writers of one decision take turns (``turn``): a fixed number
        #: of locks, shared by decisions that hash alike.
        self._writers = [threading.Lock() for _ in range(_WRITER_LOCKS)]
        #: The turns each thread is in (whether it got the lock or waited its time).
        self._turns_in = _TurnsIn()
        self._database_errors = database_errors(engine)
        # What SQLAlchemy makes of a date, a moment and JSON as this database's driver
        # gives them, for the events read straight on the driver.
        self._effective_on = result_processor(events.c.effective_on, engine)
        self._payload = result_processor(events.c.payload, engine)
        self._recorded_at = result_processor(events.c.recorded_at, engine)
        self._moment_bound = bind_processor(events.c.recorded_at, engine)
        self._bound = {name: bind_processor(events.c[name], engine) for name in _WRITTEN}

    def _read_events(self, rows: list[Any]) -> list[Event]:
        """Events from rows of ``_EVENTS`` read on the driver: as ``_event`` makes them
        from Core rows, the same values (a test holds them equal)."""
        effective_on, payload, recorded_at = self._effective_on, self._payload, self._recorded_at
        return [
            Event(
                event_id,
                decision_id,
                kind,
                effective_on(day),
                payload(data),
                utc(recorded_at(moment)),
                recorded_by,
                source_url,
                source_evidence,
                corrects,
                position or 0,
            )
            for (
                event_id,
                decision_id,
                kind,
                day,
                data,
                moment,
                recorded_by,
                source_url,
                source_evidence,
                corrects,
                position,
            ) in rows
        ]

    def reread(self) -> None:
        """Forget the standings this process keeps and recount every decision's stamp
        from the log: for a database whose log was changed behind the store's back
        (restored from a backup, or cleared by a test), the one case in which the log
        does not only grow."""
        with self._folds_lock:
            self._folds.clear()
        with begin_write(self.engine) as connection:
            connection.execute(text(RECOUNT_STAMPS))
            if not is_sqlite(self.engine):
                connection.execute(text(TAKE_POSITION_LOCK))
                connection.execute(text(CATCH_UP_POSITIONS))

    def ensure_decision(self, decision_id: str) -> None:
        """The decision's row, made once even when several workers start together."""
        try:
            with begin_write(self.engine) as connection:
                found = connection.execute(
                    select(decisions.c.decision_id).where(decisions.c.decision_id == decision_id)
                )
                if found.first() is None:
                    connection.execute(insert(decisions).values(decision_id=decision_id, event_count=0))
        except IntegrityError:
            pass  # another process inserted it between our select and insert

    def events(self, decision_id: str, *, known_at: datetime | None = None) -> list[Event]:
        """The decision's whole log, oldest first (only what was recorded by ``known_at``,
        where given): read whole, for what shows every event or asks how the record
        stood at an earlier moment. The current record is ``standing``'s."""
        query = select(events).where(events.c.decision_id == decision_id)
        if known_at is not None:
            query = query.where(events.c.recorded_at <= known_at.astimezone(UTC))
        with self.engine.connect() as connection:
            return [_event(row) for row in connection.execute(query.order_by(events.c.event_id))]

    def standing(
        self, decision_id: str, connection: Connection | None = None, *, keep: bool = True, newest: int | None = None
    ) -> Standing:
        """The decision's record as it stands. Only the events after what this process
        folded before are read (one indexed range, empty when nothing was recorded since),
        and the events their corrections cancel: exact, because no row is ever updated
        or deleted, and a decision's events commit in the order of their ids (its writers
        hold its lock from before they insert until they commit). ``keep=False``, for a
        reader that goes over every decision (the catalogue, the home page): a standing
        not kept is folded and forgotten, so that such a round does not push out the
        ones the decisions' own readers and writers keep. ``newest``, where the caller
        read it under the decision's lock (a write, from the decision's stamp), is the
        id of its newest event: a kept standing that has reached it is current, and
        nothing is read."""
        if connection is None:
            with self.engine.connect() as own:
                return self.standing(decision_id, own, keep=keep)
        with self._folds_lock:
            kept = self._folds.get(decision_id)
            last = kept.last_event_id if kept is not None else 0
            if kept is not None and newest == last:
                self._folds.move_to_end(decision_id)
                return kept.standing()
        fold = kept if kept is not None else Fold(decision_id)
        new, targets = self._after(connection, fold, decision_id, last)
        if not keep and kept is None:
            fold.add(new, targets)
            return fold.standing()
        with self._folds_lock:
            kept = self._folds.setdefault(decision_id, fold)
            if kept.last_event_id < last:
                # Evicted and kept again meanwhile by a reader that had read less: the
                # rows read here start too late for it. Read again from where it stands.
                retry = True
            else:
                kept.add(new, targets)  # skips what another reader folded meanwhile
                retry = False
                if keep:
                    self._folds.move_to_end(decision_id)
                while len(self._folds) > KEPT_STANDINGS:
                    self._folds.popitem(last=False)
                standing = kept.standing()
        return self.standing(decision_id, connection, keep=keep) if retry else standing

    def standing_at(self, decision_id: str, known_at: datetime) -> Standing:
        """The decision's record as it stood at ``known_at``: the events recorded by then,
        folded as ``standing`` folds them (and not kept). Folded from the kept fold's
        nearest checkpoint (``Fold.stretch``): one stretch of the log between two of its
        checkpoints is read, at most, found by bisection, whatever the log's length. The
        caller reads ``standing`` first (the commitment does, for the newest moment), which
        brings the kept fold and its checkpoints up to date; without a kept fold the log
        recorded by then is read whole."""
        with self._folds_lock:
            kept = self._folds.get(decision_id)
            start, end = kept.stretch(known_at) if kept is not None else (None, None)
        fold = Fold.resumed(decision_id, start)
        moment = self._moment_bound(known_at.astimezone(UTC))
        with self.engine.connect() as connection:
            if end is None:
                query, bounds = _RECORDED_AFTER, (decision_id, fold.last_event_id, moment)
            else:
                query, bounds = _RECORDED_BETWEEN, (decision_id, fold.last_event_id, moment, end)
            then = self._read_events(run(connection, query, bounds))
            fold.add(*self._with_targets(connection, fold, decision_id, then, known_at))
        return fold.standing()

    def _after(
        self, connection: Connection, fold: Fold, decision_id: str, last: int
    ) -> tuple[list[Event], dict[int, Event]]:
        """The decision's events after ``last``, and those their corrections correct
        (read in batches, at most ``_TARGETS_A_READ`` ids a statement)."""
        # As a page of changes is read (``_read_events``), but on the caller's connection
        # (a write's, inside its transaction; ``run``): on every write and every
        # commitment made anew, SQLAlchemy's execution would cost more.
        rows = run(connection, _NEW_EVENTS, (decision_id, last))
        return self._with_targets(connection, fold, decision_id, self._read_events(rows))

    def _with_targets(
        self, connection: Connection, fold: Fold, decision_id: str, new: list[Event], known_at: datetime = END_OF_RECORD
    ) -> tuple[list[Event], dict[int, Event]]:
        """``new``, and the events their corrections correct that ``fold`` does not keep
        (read in batches, at most ``_TARGETS_A_READ`` ids a statement), where they were
        recorded by ``known_at`` (one that was not is no event of that record)."""
        targets = {e.event_id: e for e in new}
        wanted = [i for i in fold.corrected_targets(new) if i not in targets]
        for start in range(0, len(wanted), _TARGETS_A_READ):
            batch = wanted[start : start + _TARGETS_A_READ]
            found = connection.execute(select(events).where(events.c.event_id.in_(batch)))
            targets.update(
                {
                    row.event_id: _event(row)
                    for row in found
                    if row.decision_id == decision_id and utc(row.recorded_at) <= known_at
                }
            )
        return new, targets

    def page(self, decision_id: str, *, page: int, limit: int) -> tuple[list[Event], int]:
        where = events.c.decision_id == decision_id
        query = select(events).where(where).order_by(events.c.event_id).offset((page - 1) * limit).limit(limit)
        with self.engine.connect() as connection:
            total = connection.execute(select(func.count()).select_from(events).where(where)).scalar_one()
            return [_event(row) for row in connection.execute(query)], total

    def stamps(self, decision_id: str | None = None) -> dict[str, Stamp]:
        """Each decision's stamp (only ``decision_id``'s, one row by its key, where given),
        in one cheap query: what HTTP validators are made of.

        Every revalidating GET reads this, so it goes straight to the driver: SQLAlchemy's
        execution and a transaction's BEGIN cost ten times the query itself, and one
        autocommitted SELECT needs neither.
        """
        if decision_id is None:
            rows = read(self.engine, _STAMPS)
        else:
            rows = read(self.engine, _ONE_STAMP, (decision_id,))
        return {row[0]: Stamp(row[1], row[2], _moment(row[3])) for row in rows}

    def changes(self, *, after: int | None, since: datetime | None, limit: int) -> tuple[list[Event], bool, int]:
        """The events of every decision after the position ``after`` (else recorded after
        ``since``, else from the first), in commit order; whether more follow; and the
        position a follower stands at after reading them. One indexed range read,
        however long the log, straight on the driver (a page is read by every follower)."""
        if after is not None:
            where, parameters = " WHERE position > ?", [after]
        elif since is not None:
            where, parameters = " WHERE recorded_at > ?", [self._moment_bound(since.astimezone(UTC))]
        else:
            where, parameters = "", []
        with reading(self.engine) as rows:
            # Read before the page: an event committed in between has a greater position
            # and is in the page or after it, never behind the follower.
            head = rows(_HEAD_POSITION, ())[0][0] or 0
            found = rows(f"{_EVENTS}{where} ORDER BY position LIMIT ?", [*parameters, limit + 1])
        if found:
            reached = found[min(limit, len(found)) - 1][_POSITION]
        else:
            reached = after if after is not None else head
        return self._read_events(found[:limit]), len(found) > limit, reached

    def head(self) -> dict[str, Stamp]:
        """The log's newest event in commit order, as a stamp of the whole log (under
        ``"*"``; empty for an empty log): it changes with every write, to any decision."""
        rows = read(self.engine, _HEAD)
        return {"*": Stamp(rows[0][0], rows[0][0], _moment(rows[0][1]))} if rows else {}

    def last_position(self) -> int:
        """The newest position in commit order; 0 for an empty log."""
        position: int | None = read(self.engine, _HEAD_POSITION)[0][0]
        return position or 0

    def last_event_id(self, decision_id: str | None = None) -> int:
        """The id of the newest event (of one decision, else of every one); 0 for none."""
        query = select(func.max(events.c.event_id))
        if decision_id is not None:
            query = query.where(events.c.decision_id == decision_id)
        with self.engine.connect() as connection:
            return connection.execute(query).scalar_one() or 0

    def batches(self, decision_id: str, *, upto: int, size: int) -> Iterator[list[Event]]:
        """The decision's events up to the id ``upto``, oldest first, ``size`` at a time.

        Each batch is read on a connection of its own, after the last id of the one
        before, so that a whole log is read without holding it in memory or holding a
        connection while the client reads. The log only grows, so the events up to
        ``upto`` are the same however long the reading takes.
        """
        where = (events.c.decision_id == decision_id) & (events.c.event_id <= upto)

        def after(last: Event | None) -> Select[Any]:
            query = select(events).where(where)
            if last is not None:
                query = query.where(events.c.event_id > last.event_id)
            return query.order_by(events.c.event_id)

        return self._keyset_batches(after, size)

    def change_batches(
        self, *, after: int | None, since: datetime | None, upto: int, size: int
    ) -> Iterator[list[Event]]:
        """``changes`` whole, up to the position ``upto``, ``size`` at a time (as
        ``batches``), in commit order."""
        where = events.c.position <= upto
        if after is not None:
            where = where & (events.c.position > after)
        elif since is not None:
            where = where & (events.c.recorded_at > since.astimezone(UTC))

        def next_batch(last: Event | None) -> Select[Any]:
            query = select(events).where(where)
            if last is not None:
                query = query.where(events.c.position > last.position)
            return query.order_by(events.c.position)

        return self._keyset_batches(next_batch, size)

    def _keyset_batches(self, after: Callable[[Event | None], Select[Any]], size: int) -> Iterator[list[Event]]:
        """The rows ``after(last)`` selects, ``size`` at a time, each batch on a connection
        of its own and after the last event of the one before (a keyset, never an offset)."""
        last: Event | None = None
        while True:
            with self.engine.connect() as connection:
                batch = [_event(row) for row in connection.execute(after(last).limit(size))]
            if batch:
                yield batch
            if len(batch) < size:
                return
            last = batch[-1]

    def corrections(self, event_ids: list[int], *, upto: int | None = None) -> dict[int, int]:
        """Which correction (by id) cancels each of ``event_ids`` that one cancels; with
        ``upto``, only a correction recorded by then (with an id no greater). One indexed
        read, straight on the driver (every page of events asks it)."""
        if not event_ids:
            return {}
        sql = f"SELECT corrects, event_id FROM events WHERE corrects IN ({', '.join('?' * len(event_ids))})"
        parameters = list(event_ids)
        if upto is not None:
            sql += " AND event_id <= ?"
            parameters.append(upto)
        return {row[0]: row[1] for row in read(self.engine, sql, parameters)}

    def event(self, decision_id: str, event_id: int) -> Event | None:
        with self.engine.connect() as connection:
            return _event_by_id(connection, decision_id, event_id)

    def append(
        self,
        decision_id: str,
        draft: Draft,
        *,
        recorded_by: str,
        check: Callable[[Log, Draft], None],
        answer: Callable[[Event], Answer],
        idempotency: tuple[str, str] | None = None,
        count: Count | None = None,
    ) -> Answer:
        """Check ``draft`` against the log and record it, atomically.

        ``check`` raises to refuse (nothing is stored); ``answer`` renders the response
        from the event as the store stored it (the inserted row, as the database returns
        it), and is stored with the Idempotency-Key ``(key, request_hash)`` if one is
        given. Both happen before the commit: if the event cannot be answered, it is not
        stored, so no write is ever stored and then answered with an error (a client
        retrying would store it twice). (In PostgreSQL's one statement, below, the answer
        is made before it with the numbers the database adds left at 0, and again after.)

        ``count``, where given, runs last in the same transaction: after the insert, or
        after ``check`` refused the write, or the Idempotency-Key replayed or conflicted.
        It raises to refuse the write (the write limit's 429), which rolls everything
        back; what it writes (the write counted against the limit) commits with the
        event, or alone when the write is refused or replayed: one commit where a count
        of its own would take another. A database's error rolls everything back.

        A write without an Idempotency-Key is first checked against the standing the
        process keeps and stored without reading the log (``_append_at_once``): the
        locked way follows only where it cannot be.

        A process's writers of one decision take turns (``turn``): each then finds the
        kept standing as the one before left it, and folds its own event in; racing, a
        write without the lock and one the locked way would leave each other's events
        for the next write to read. The wait for a turn is bounded (``TURN_SECONDS``),
        so that the database's own bounds still decide how long a write may wait.
        """
        write = _Write(decision_id, draft, recorded_by, check, answer, idempotency, count)
        with self.turn(decision_id):
            if idempotency is None and draft.type != "correction":
                done = self._append_at_once(write)
                if done is not None:
                    return done
            return self._append_locked(write)

    @contextmanager
    def turn(self, decision_id: str) -> Iterator[None]:
        """This process's turn to write ``decision_id``, or none once ``TURN_SECONDS``
        have passed (the write then goes on without: correct all the same, the database
        orders it). A thread already in it (a request that took it before ``append``)
        goes on at once: the wait is bounded once, not at each call."""
        stripe = hash(decision_id) % len(self._writers)
        entered = self._turns_in.stripes
        if stripe in entered:
            yield
            return
        turn = self._writers[stripe]
        taken = turn.acquire(timeout=TURN_SECONDS)
        entered.add(stripe)
        try:
            yield
        finally:
            entered.discard(stripe)
            if taken:
                turn.release()

    def _append_locked(self, write: _Write) -> Answer:
        """``append`` in a transaction that holds the decision's lock from the start."""
        refusal: Exception | None = None
        with begin_write(self.engine) as connection:
            newest = self._lock(connection, write.decision_id)
            earlier = None
            try:
                if write.idempotency is not None:
                    earlier = self._replay(connection, write.decision_id, write.recorded_by, write.idempotency)
                if earlier is None:
                    standing = self.standing(write.decision_id, connection, newest=newest)
                    write.check(Log(standing, connection), write.draft)
            except self._database_errors:
                raise
            except Exception as error:
                if write.count is None:
                    raise
                refusal = error  # nothing written but the count, which is kept
            else:
                if earlier is None:
                    response, stored = self._insert(connection, write)
            if write.count is not None:
                write.count(connection)
        if refusal is not None:
            raise refusal
        if earlier is not None:
            return earlier
        self._fold_own(stored, newest)
        return response

    def _append_at_once(self, write: _Write) -> Answer | None:
        """``append``'s write where this process keeps the decision's standing: checked
        against it before any lock, and stored only if nothing was recorded to the
        decision since, so that the check stands (optimistic concurrency, where the
        locked way is pessimistic). On PostgreSQL in one autocommitted statement
        (``_at_once``): one round trip where the locked way takes six. On SQLite in a
        short transaction straight on the driver, which reads the decision's stamp under
        the write lock (``_stored_on_sqlite``). None, with nothing stored or counted,
        where the locked way must answer: no standing kept, a check that refuses or asks
        for the log, another event recorded meanwhile (or, on PostgreSQL, being
        recorded), the token's writes used up meanwhile."""
        with self._folds_lock:
            kept = self._folds.get(write.decision_id)
            if kept is None:
                return None
            newest, standing = kept.last_event_id, kept.standing()
        try:
            write.check(Log(standing, None), write.draft)
        except Exception:
            return None  # the locked way checks again, counts it and answers
        stored_where = self._stored_on_sqlite if is_sqlite(self.engine) else self._stored_at_once
        done = stored_where(write, newest)
        if done is None:
            return None
        response, stored = done
        self._fold_own(stored, newest)
        return response

    def _stored_at_once(self, write: _Write, newest: int) -> tuple[Answer, Event] | None:
        """PostgreSQL: the checked write stored in one statement, where the decision's
        newest event is still ``newest``. The answer is made before the statement too,
        with the values the database will add (id, position, moment) left at 0 and now:
        a draft that cannot be answered takes the locked way, where that fails inside the
        transaction; the answer made after the commit differs from it only by those."""
        values = write.values()
        try:
            write.answer(Event(0, **values, position=0))  # type: ignore[arg-type]
        except Exception:
            return None
        sql, counted = _at_once(write.count)
        bound = tuple(self._bound[name](values[name]) for name in _AT_ONCE_WRITTEN)
        rows = read(self.engine, sql, (write.decision_id, newest, *counted, *bound))
        if not rows:
            return None
        stored = self._read_events(rows)[0]
        return write.answer(stored), stored

    def _stored_on_sqlite(self, write: _Write, newest: int) -> tuple[Answer, Event] | None:
        """SQLite: the checked write stored in a transaction on the driver, where the
        decision's newest event is still ``newest`` under the write lock; answered
        inside it, as the locked way answers. The moment is read once the lock is held,
        so that moments follow positions."""
        try:
            with sqlite_writing(self.engine) as execute:
                rows = execute(_NEWEST, (write.decision_id,))
                if ((rows[0][0] if rows else None) or 0) != newest:
                    raise _MovedOn
                stored = self._inserted_on_sqlite(execute, write.values())
                if write.count is not None and not execute(*write.count.taken()):
                    raise _MovedOn  # the token's writes ran out since its admission
                return write.answer(stored), stored
        except _MovedOn:
            return None

    def _inserted_on_sqlite(self, execute: Read, values: dict[str, Any]) -> Event:
        """SQLite: the event inserted at the next position and its decision's stamp moved
        on, by ``execute`` (in a transaction that holds the write lock), as stored."""
        bound = tuple(self._bound[name](values[name]) for name in _WRITTEN)
        stored = self._read_events(execute(_INSERT_EVENT_SQLITE, bound))[0]
        execute(_COUNT_EVENT_SQLITE, (stored.event_id, bound[_WRITTEN.index("recorded_at")], stored.decision_id))
        return stored

    def _fold_own(self, stored: Event, newest: int) -> None:
        """Fold the event this process just committed into the decision's kept standing,
        where that standing had reached ``newest``, the decision's newest event when its
        lock was taken: the stored event came right after it, so the standing stays
        exact and the next write's check has nothing to read. A correction is left to
        that read, which also reads what it cancels."""
        if stored.type == "correction":
            return
        with self._folds_lock:
            kept = self._folds.get(stored.decision_id)
            if kept is None or kept.last_event_id != newest:
                return
            try:
                kept.add([stored], {})
            except Exception:
                # The event is stored: its answer must not fail. The next read folds it
                # from the log, or fails there as every read of that log would.
                del self._folds[stored.decision_id]
                _log.exception("event %s not folded into the kept standing", stored.event_id)

    def _insert(self, connection: Connection, write: _Write) -> tuple[Answer, Event]:
        """The event inserted at the next place in commit order, the decision's stamp
        moved on, and the answer (stored with the Idempotency-Key): each statement
        made once, and the event read back from its INSERT's RETURNING."""
        if not is_sqlite(self.engine):
            # SQLite's write lock already orders every writer; on PostgreSQL a lock held
            # until the commit does, taken after the rule check so that writers of
            # different decisions wait for each other only this long.
            run(connection, TAKE_POSITION_LOCK)
        values = write.values()
        if is_sqlite(self.engine):
            stored = self._inserted_on_sqlite(partial(run, connection), values)
        else:
            written = {f"new_{k}": v for k, v in values.items() if k != "recorded_at"}
            stored = _event(connection.execute(_INSERT_AND_COUNT_EVENT, written).one())
        response = write.answer(stored)
        if write.idempotency is not None:
            connection.execute(
                _INSERT_KEY,
                {
                    "decision_id": write.decision_id,
                    "key": write.idempotency[0],
                    "token_name": write.recorded_by,
                    "request_hash": write.idempotency[1],
                    "status": response.status,
                    "body": response.body.decode("utf-8"),  # valid: ``answer`` encoded it strictly
                    "location": response.location,
                    "created_at": values["recorded_at"],
                },
            )
        return response, stored

    def _lock(self, connection: Connection, decision_id: str) -> int:
        """The decision locked until the commit, and its newest event's id as its stamp
        says (0 for none); on PostgreSQL, read by the statement that locks."""
        # SQLite's BEGIN IMMEDIATE already holds the database's write lock.
        rows = run(connection, _NEWEST if is_sqlite(self.engine) else _LOCK_DECISION, (decision_id,))
        return (rows[0][0] if rows else None) or 0

    def _replay(
        self, connection: Connection, decision_id: str, token: str, idempotency: tuple[str, str]
    ) -> Answer | None:
        key, request_hash = idempotency
        row = connection.execute(
            _REPLAY, {"replayed_decision": decision_id, "replayed_token": token, "replayed_key": key}
        ).first()
        if row is None:
            return None
        if row.request_hash != request_hash:
            raise IdempotencyConflict(key)
        return Answer(row.status, row.body.encode("utf-8"), row.location, replayed=True)
