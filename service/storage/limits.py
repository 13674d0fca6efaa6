"""Rate limits: failed authentications per client address, writes per token.

Each limit is a token bucket: ``limit`` uses at once (the burst), given back one by
one over ``period`` seconds (the sustained rate is ``limit / period`` a second). The
defaults (``create_app``): 10 failed authentications a minute per address
(``FAILED_AUTH_LIMIT``, ``FAILED_AUTH_PERIOD``), and 100 writes per token at once, then
one a second (``WRITE_LIMIT``, ``WRITE_LIMIT_PERIOD``). Over a limit the answer is a
429 ``too-many-requests`` problem with ``Retry-After``.

**How the counts are shared across workers.** Every bucket is one row of the store's
own ``rate_limits`` table (SQLite or PostgreSQL: no other server), so every worker and
every app server on the database sees the same counts. A row holds the moment its
bucket is full again (``refilled_at``, GCRA's "theoretical arrival time"); taking from a
bucket is one ``INSERT ... ON CONFLICT DO UPDATE ... WHERE <there is room> RETURNING``,
which the database runs atomically: a row comes back if the use was allowed, none if
not. No count is read, changed in Python and written back, so no two workers can both
take the last use.

A write is counted in its own transaction, last (``counting_a_write``,
``EventStore.append``'s ``count``): one commit for the count and the event, and the
token's row locked only from the count to that commit (where a stored write already
holds the lock that orders positions, which every writer waits for). Before anything is
locked, one read
(``admission``) gives the address's failed authentications, the token and its writes, so
that a token that has used them up gets its 429 at once and never waits for a
decision's lock. A write the store refuses or replays keeps its count; one refused
before the store (a body that is not an event) is counted alone (``count_a_write``). A
row whose bucket is full again says nothing and is deleted, at most once a minute per
process (in a transaction of its own), so the table holds only the keys used within
their period.

The client address is ``request.remote_addr``; behind ``TRUSTED_PROXIES`` proxies
(default 0) it is taken from their ``X-Forwarded-For`` (werkzeug's ``ProxyFix``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from flask import Flask, current_app
from sqlalchemy import Connection, Engine, text
from werkzeug.middleware.proxy_fix import ProxyFix

from service.http.problems import Problem
from service.storage import tokens
from service.storage.engine import begin_write, read, run
from service.storage.tokens import TokenInfo

KEY = "medfin_limits"
#: How often a process deletes the rows of full buckets.
SWEEP_EVERY_MS = 60_000


@dataclass(frozen=True, slots=True)
class Limit:
    """``limit`` uses at once, each given back ``period / limit`` seconds after."""

    limit: int
    period: float

    @property
    def interval_ms(self) -> int:
        """Milliseconds until one use comes back."""
        return max(1, round(self.period * 1000 / self.limit))

    @property
    def capacity_ms(self) -> int:
        """How far ahead of now a bucket's ``refilled_at`` may be: all uses taken."""
        return self.interval_ms * self.limit


class Limiter:
    """The app's limits on one store. ``clock`` (seconds since the epoch) is a parameter
    so that tests can move time instead of sleeping."""

    def __init__(
        self, engine: Engine, failed_auth: Limit, writes: Limit, clock: Callable[[], float] = time.time
    ) -> None:
        self.engine, self.failed_auth, self.writes, self.clock = engine, failed_auth, writes, clock
        self._next_sweep_ms = 0

    def _now_ms(self) -> int:
        return int(self.clock() * 1000)

    def take(self, key: str, limit: Limit) -> int | None:
        """Use one of ``key``'s bucket: None if allowed, else the seconds until a use is back."""
        with begin_write(self.engine) as connection:
            _begin_count(connection)
            allowed = self.use(connection, key, limit)
            if allowed:
                self._sweep(connection)
        # Refused: at least a second, even if the row was swept meanwhile.
        return None if allowed else (self.wait(key, limit) or 1)

    def use(self, connection: Connection, key: str, limit: Limit) -> bool:
        """Use one of ``key``'s bucket in ``connection``'s transaction, which commits it
        (``take`` in a caller's own transaction); whether there was one to use."""
        return bool(run(connection, _TAKE, self._markers(key, limit)))

    def _markers(self, key: str, limit: Limit) -> tuple[object, ...]:
        """``_TAKE``'s (and ``_TAKEN``'s after the key and first refill) values, now."""
        now, interval = self._now_ms(), limit.interval_ms
        after = (now, now, interval)  # ``_AFTER``'s markers
        return (key, now + interval, *after, *after, now + limit.capacity_ms)

    def sweep(self) -> None:
        """Delete the rows of full buckets, if this process has not for a while, in a
        transaction of its own (after a ``use`` in another's)."""
        if self._now_ms() >= self._next_sweep_ms:
            with begin_write(self.engine) as connection:
                _begin_count(connection)
                self._sweep(connection)

    def _sweep(self, connection: Connection) -> None:
        now = self._now_ms()
        if now >= self._next_sweep_ms:
            self._next_sweep_ms = now + SWEEP_EVERY_MS
            connection.execute(_SWEEP, {"now": now})

    def wait(self, key: str, limit: Limit) -> int | None:
        """Seconds until ``key`` may use its bucket again; None if it may now: one read
        straight on the driver (``engine.read``)."""
        rows = read(self.engine, _REFILLED_AT, (key,))
        return self.wait_from(rows[0][0] if rows else None, limit)

    def wait_from(self, refilled_at: int | None, limit: Limit) -> int | None:
        """``wait`` for a bucket whose ``refilled_at`` was read (None: no row, a full bucket)."""
        if refilled_at is None:
            return None
        # A use is allowed once refilled_at + interval is no further ahead than the capacity.
        wait_ms = refilled_at + limit.interval_ms - limit.capacity_ms - self._now_ms()
        return math.ceil(wait_ms / 1000) if wait_ms > 0 else None


#: One use of a bucket, as SQLite and PostgreSQL both write it: a row back if allowed.
#: Its markers: the key, the first refill (now + interval), ``_AFTER``'s twice, the latest.
_AFTER = "CASE WHEN rate_limits.refilled_at > ? THEN rate_limits.refilled_at ELSE ? END + ?"
_TAKEN = f' ON CONFLICT ("key") DO UPDATE SET refilled_at = {_AFTER} WHERE {_AFTER} <= ? RETURNING refilled_at'
_TAKE = f'INSERT INTO rate_limits ("key", refilled_at) VALUES (?, ?){_TAKEN}'
#: The rows of full buckets, which say nothing.
_SWEEP = text("DELETE FROM rate_limits WHERE refilled_at <= :now")
_REFILLED_AT = 'SELECT refilled_at FROM rate_limits WHERE "key" = ?'
#: ``admission``'s one row: the address's bucket of failed authentications, the token by
#: its hash and its bucket of writes (``_key("writes", name)``), each NULL where none is.
_ADMISSION = (
    "SELECT address.refilled_at, token.name, token.role, token.token_hash, token.created_at,"
    " token.revoked_at, writes.refilled_at"
    " FROM (SELECT 1 AS here) AS one"
    ' LEFT JOIN rate_limits AS address ON address."key" = ?'
    " LEFT JOIN tokens AS token ON token.token_hash = ?"
    " LEFT JOIN rate_limits AS writes ON writes.\"key\" = substr('writes:' || token.name, 1, 200)"
)


def _begin_count(connection: Connection) -> None:
    """On PostgreSQL, commit a count without waiting for the disk: a count lost to a
    crash only lets a client a few more tries, while the wait would be paid by every
    write; the events keep their own durable commits. SQLite's like setting belongs to
    the connection and cannot change inside a transaction, so its counts stay durable."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")  # this transaction only


def init_app(app: Flask) -> None:
    """The limiter on the app's store, with the limits from the app's settings."""
    config = app.config
    app.extensions[KEY] = Limiter(
        app.extensions["medfin"].engine,
        failed_auth=Limit(int(config["FAILED_AUTH_LIMIT"]), float(config["FAILED_AUTH_PERIOD"])),
        writes=Limit(int(config["WRITE_LIMIT"]), float(config["WRITE_LIMIT_PERIOD"])),
    )
    if proxies := int(config["TRUSTED_PROXIES"]):
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies)  # type: ignore[method-assign]


def limiter() -> Limiter:
    """The current app's limiter."""
    found: Limiter = current_app.extensions[KEY]
    return found


def _key(kind: str, who: str) -> str:
    return f"{kind}:{who}"[:200]


@dataclass(frozen=True, slots=True)
class Admission:
    """What one read says of a request to write, before anything is written or locked:
    the seconds its address must wait before trying a token again, its token (None when
    no token has it), and the seconds that token must wait before writing again (None
    where it need not)."""

    address_wait: int | None
    token: TokenInfo | None
    writes_wait: int | None


def admission(address: str, presented: str) -> Admission:
    """``Admission`` of a request from ``address`` presenting the token ``presented``:
    ``refuse_a_limited_address``, the token by its hash and the token's ``wait`` in one
    statement, since every write asks all three."""
    current = limiter()
    digest = tokens.digest_of(presented)
    row = read(current.engine, _ADMISSION, (_key("failed-auth", address), digest))[0]
    token = tokens.from_row(current.engine, digest, row[1:6])
    writes_wait = current.wait_from(row[6], current.writes) if token is not None else None
    return Admission(current.wait_from(row[0], current.failed_auth), token, writes_wait)


def refuse_a_limited_address(address: str) -> None:
    """429 if ``address`` has used up its failed authentications, whatever it sends now:
    while it is limited even a right token is refused, so guessing cannot go on."""
    refuse_an_address_that_must_wait(address, limiter().wait(_key("failed-auth", address), limiter().failed_auth))


def refuse_an_address_that_must_wait(address: str, seconds: int | None) -> None:
    """``refuse_a_limited_address`` with its wait read already (``Admission.address_wait``)."""
    if seconds is not None:
        raise too_many(f"Too many failed authentications from {address}", seconds)


def count_a_failed_authentication(address: str) -> None:
    """Count a wrong token from ``address``; 429 if that was one too many."""
    seconds = limiter().take(_key("failed-auth", address), limiter().failed_auth)
    if seconds is not None:
        raise too_many(f"Too many failed authentications from {address}", seconds)


def count_a_write(token_name: str) -> None:
    """Count a write by ``token_name``; 429 if it has used up its writes for now."""
    seconds = limiter().take(_key("writes", token_name), limiter().writes)
    if seconds is not None:
        raise _too_many_writes(token_name, seconds)


def refuse_a_limited_token(token_name: str, seconds: int | None) -> None:
    """429 if the token must wait ``seconds`` (``Admission.writes_wait``) before writing again."""
    if seconds is not None:
        raise _too_many_writes(token_name, seconds)


class _Refused(Exception):
    """A write the limit refused inside the write's transaction: answered once that has rolled back."""


@dataclass(frozen=True, slots=True)
class WriteCount:
    """One write counted against its token's limit, inside the write's own transaction
    (``EventStore.append``'s ``count``; ``service.storage.store.Count``)."""

    limiter: Limiter
    key: str

    def __call__(self, connection: Connection) -> None:
        """Count it, last in the transaction, or refuse it (the 429, once rolled back)."""
        if not self.limiter.use(connection, self.key, self.limiter.writes):
            raise _Refused

    def taken(self) -> tuple[str, tuple[object, ...]]:
        """The statement that counts it (a row back only where the token had a write
        left), and its values: for a transaction on the driver (``engine.run``'s kind)."""
        return _TAKE, self.limiter._markers(self.key, self.limiter.writes)

    def taken_for_each(self, source: str) -> tuple[str, tuple[object, ...]]:
        """A data-modifying ``WITH`` query (PostgreSQL) that counts it once for each row
        of ``source``, and returns a row only where the token had a write left; and its
        values, in the order of its markers."""
        sql = f'INSERT INTO rate_limits ("key", refilled_at) SELECT ?, ? FROM {source}{_TAKEN}'
        return sql, self.limiter._markers(self.key, self.limiter.writes)


@contextmanager
def counting_a_write(token_name: str) -> Iterator[WriteCount]:
    """``count_a_write`` inside the write's own transaction: what counts the write or
    refuses it there (``WriteCount``). The refusal becomes the 429 once the transaction
    has rolled back (the wait is read on another connection, never while the transaction
    holds one). Counted last, so that on PostgreSQL the token's row is locked only from
    there to the commit: a writer of the same token, to any decision, never waits for
    this one's lock or rule check."""
    current, key = limiter(), _key("writes", token_name)
    try:
        yield WriteCount(current, key)
    except _Refused:
        raise _too_many_writes(token_name, current.wait(key, current.writes) or 1) from None
    current.sweep()


def _too_many_writes(token_name: str, seconds: int) -> Problem:
    return too_many(f"The token {token_name!r} has made too many writes", seconds)


def too_many(what: str, seconds: int) -> Problem:
    return Problem(
        "too-many-requests",
        f"{what}; try again in {seconds} second{'s' if seconds != 1 else ''} (Retry-After).",
        headers={"Retry-After": str(seconds)},
    )
