"""The event store: append-only, one decision locked at a time while it is written.

``append`` runs the caller's check on the log as it stands and inserts the event in
one transaction that holds the decision's lock (SQLite: ``BEGIN IMMEDIATE``, through
``begin_write``; PostgreSQL: ``SELECT ... FOR UPDATE`` on the decision's row). When 50
writers race for the last million, each sees the sum the one before it stored. Reads
take no lock: on SQLite they never wait for a writer.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, Select, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from service.shared.facts import Event
from service.shared.standing import Fold, Standing
from service.shared.stockholm import utc
from service.storage.engine import begin_write, is_sqlite
from service.storage.tables import decisions, events, idempotency_keys

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


def _moment(value: datetime | str) -> datetime:
    """A ``recorded_at`` as the driver gives it: SQLite's is the text SQLAlchemy stored."""
    return utc(datetime.fromisoformat(value) if isinstance(value, str) else value)


#: Decisions whose standing a process keeps (``EventStore.standing``): a bound on memory.
KEPT_STANDINGS = 256


@dataclass(frozen=True, slots=True)
class Log:
    """What a write's check may read of its decision's log, inside the write's
    transaction: the record as it stands, and single events by id (indexed reads)."""

    standing: Standing
    connection: Connection

    def event(self, event_id: int) -> Event | None:
        """The decision's event ``event_id``, if it has one."""
        query = select(events).where(events.c.decision_id == self.standing.decision_id, events.c.event_id == event_id)
        row = self.connection.execute(query).first()
        return None if row is None else _event(row)

    def correction_of(self, event_id: int) -> int | None:
        """The id of the correction that cancels the event ``event_id``, if one does."""
        query = select(events.c.event_id).where(events.c.corrects == event_id, events.c.type == "correction")
        return self.connection.execute(query.limit(1)).scalar()


class EventStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # Each decision's log folded as read, by decision: the log only grows, so what was
        # folded stays true and only what came after it is read (``service.shared.standing``).
        self._folds: OrderedDict[str, Fold] = OrderedDict()
        self._folds_lock = threading.Lock()

    def reread(self) -> None:
        """Forget the standings this process keeps and recount every decision's stamp
        from the log: for a database whose log was changed behind the store's back
        (restored from a backup, or cleared by a test), the one case in which the log
        does not only grow."""
        with self._folds_lock:
            self._folds.clear()
        with begin_write(self.engine) as connection:
            connection.execute(text(RECOUNT_STAMPS))

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

    def standing(self, decision_id: str, connection: Connection | None = None) -> Standing:
        """The decision's record as it stands. Only the events after what this process
        folded before are read (one indexed range, empty when nothing was recorded since),
        and the events their corrections cancel: exact, because no row is ever updated
        or deleted, and a decision's events commit in the order of their ids (its writers
        hold its lock from before they insert until they commit)."""
        if connection is None:
            with self.engine.connect() as own:
                return self.standing(decision_id, own)
        with self._folds_lock:
            fold = self._folds.get(decision_id)
            last = fold.last_event_id if fold is not None else 0
            pending = fold is None
        if pending:
            fold = Fold(decision_id)
        assert fold is not None
        query = select(events).where(events.c.decision_id == decision_id, events.c.event_id > last)
        new = [_event(row) for row in connection.execute(query.order_by(events.c.event_id))]
        wanted = fold.corrected_targets(new)
        targets: dict[int, Event] = {}
        if wanted:
            found = connection.execute(select(events).where(events.c.event_id.in_(wanted)))
            targets = {row.event_id: _event(row) for row in found if row.decision_id == decision_id}
        with self._folds_lock:
            # Another reader may have folded some of ``new`` meanwhile: ``add`` skips those.
            kept = self._folds.setdefault(decision_id, fold)
            kept.add(new, targets)
            self._folds.move_to_end(decision_id)
            while len(self._folds) > KEPT_STANDINGS:
                self._folds.popitem(last=False)
            return kept.standing()

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
        connection = self.engine.raw_connection()
        try:
            cursor = connection.cursor()
            if decision_id is None:
                cursor.execute(_STAMPS)
            else:
                marker = "?" if self.engine.dialect.paramstyle == "qmark" else "%s"
                cursor.execute(f"{_STAMPS} AND decision_id = {marker}", (decision_id,))
            rows = cursor.fetchall()
            cursor.close()
        finally:
            connection.close()  # back to the pool, which rolls back whatever the driver began
        return {row[0]: Stamp(row[1], row[2], _moment(row[3])) for row in rows}

    def changes(self, *, after: int | None, since: datetime | None, limit: int) -> tuple[list[Event], bool, int]:
        """The events of every decision after the position ``after`` (else recorded after
        ``since``, else from the first), in commit order; whether more follow; and the
        position a follower stands at after reading them. One indexed range read,
        however long the log."""
        query = select(events).order_by(events.c.position).limit(limit + 1)
        if after is not None:
            query = query.where(events.c.position > after)
        elif since is not None:
            query = query.where(events.c.recorded_at > since.astimezone(UTC))
        with self.engine.connect() as connection:
            # Read before the page: an event committed in between has a greater position
            # and is in the page or after it, never behind the follower.
            head = connection.execute(select(func.max(events.c.position))).scalar_one() or 0
            rows = list(connection.execute(query))
        if rows:
            reached = rows[min(limit, len(rows)) - 1].position
        else:
            reached = after if after is not None else head
        return [_event(row) for row in rows[:limit]], len(rows) > limit, reached

    def head(self) -> dict[str, Stamp]:
        """The log's newest event in commit order, as a stamp of the whole log (under
        ``"*"``; empty for an empty log): it changes with every write, to any decision."""
        query = select(events.c.position, events.c.recorded_at).order_by(events.c.position.desc()).limit(1)
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        return {} if row is None else {"*": Stamp(row.position, row.position, _moment(row.recorded_at))}

    def last_position(self) -> int:
        """The newest position in commit order; 0 for an empty log."""
        with self.engine.connect() as connection:
            return connection.execute(select(func.max(events.c.position))).scalar_one() or 0

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
        ``upto``, only a correction recorded by then (with an id no greater)."""
        if not event_ids:
            return {}
        query = select(events.c.corrects, events.c.event_id).where(events.c.corrects.in_(event_ids))
        if upto is not None:
            query = query.where(events.c.event_id <= upto)
        with self.engine.connect() as connection:
            return {row[0]: row[1] for row in connection.execute(query)}

    def event(self, decision_id: str, event_id: int) -> Event | None:
        query = select(events).where(events.c.decision_id == decision_id, events.c.event_id == event_id)
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        return None if row is None else _event(row)

    def append(
        self,
        decision_id: str,
        draft: Draft,
        *,
        recorded_by: str,
        check: Callable[[Log, Draft], None],
        answer: Callable[[Event], Answer],
        idempotency: tuple[str, str] | None = None,
    ) -> Answer:
        """Check ``draft`` against the log and record it, atomically.

        ``check`` raises to refuse (nothing is stored); ``answer`` renders the response
        from the event as the store reads it back, and is stored with the Idempotency-Key
        ``(key, request_hash)`` if one is given. Both happen before the commit: if the
        event cannot be read back and answered, it is not stored, so no write is ever
        stored and then answered with an error (a client retrying would store it twice).
        """
        with begin_write(self.engine) as connection:
            self._lock(connection, decision_id)
            if idempotency is not None:
                earlier = self._replay(connection, decision_id, recorded_by, idempotency)
                if earlier is not None:
                    return earlier
            check(Log(self.standing(decision_id, connection), connection), draft)
            position = self._next_position(connection)
            now = datetime.now(UTC)
            values = {
                "position": position,
                "decision_id": decision_id,
                "type": draft.type,
                "effective_on": draft.effective_on,
                "payload": draft.payload,
                "recorded_at": now,
                "recorded_by": recorded_by,
                "source_url": draft.source_url,
                "source_evidence": draft.source_evidence,
                "corrects": draft.corrects,
            }
            event_id = connection.execute(insert(events).values(**values).returning(events.c.event_id)).scalar_one()
            connection.execute(
                update(decisions)
                .where(decisions.c.decision_id == decision_id)
                .values(event_count=decisions.c.event_count + 1, last_event_id=event_id, last_recorded_at=now)
            )
            stored = _event(connection.execute(select(events).where(events.c.event_id == event_id)).one())
            response = answer(stored)
            if idempotency is not None:
                connection.execute(
                    insert(idempotency_keys).values(
                        decision_id=decision_id,
                        key=idempotency[0],
                        token_name=recorded_by,
                        request_hash=idempotency[1],
                        status=response.status,
                        body=response.body.decode("utf-8"),  # valid: ``answer`` encoded it strictly
                        location=response.location,
                        created_at=now,
                    )
                )
            return response

    def _next_position(self, connection: Connection) -> int:
        """The next place in commit order. SQLite's write lock already orders every
        writer; on PostgreSQL a lock held until the commit does, taken after the rule
        check so that writers of different decisions wait for each other only this long."""
        if not is_sqlite(self.engine):
            connection.execute(select(func.pg_advisory_xact_lock(POSITION_LOCK)))
        newest = connection.execute(select(func.max(events.c.position))).scalar_one()
        return (newest or 0) + 1

    def _lock(self, connection: Connection, decision_id: str) -> None:
        if is_sqlite(self.engine):
            return  # BEGIN IMMEDIATE already holds the database's write lock
        query = select(decisions.c.decision_id).where(decisions.c.decision_id == decision_id).with_for_update()
        connection.execute(query).first()

    def _replay(
        self, connection: Connection, decision_id: str, token: str, idempotency: tuple[str, str]
    ) -> Answer | None:
        key, request_hash = idempotency
        row = connection.execute(
            select(idempotency_keys).where(
                idempotency_keys.c.decision_id == decision_id,
                idempotency_keys.c.token_name == token,
                idempotency_keys.c.key == key,
            )
        ).first()
        if row is None:
            return None
        if row.request_hash != request_hash:
            raise IdempotencyConflict(key)
        return Answer(row.status, row.body.encode("utf-8"), row.location, replayed=True)
