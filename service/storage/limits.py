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
take the last use. On SQLite a write is counted in its own transaction, first, before the
decision's lock (``counting_a_write``, ``EventStore.append``'s ``admit``): one commit
for the count and the event, and a 429 that waits for no decision. On PostgreSQL, where
writes to different decisions run side by side, it is counted alone, before the write's
transaction, so that the token's row is never locked while a write waits or checks. A write the store
refuses or replays keeps its count; one refused before the store (a body that is not
an event) is counted alone (``count_a_write``). A row whose bucket is full again says
nothing and is deleted, at most once a minute per process (in a transaction of its
own), so the table holds only the keys used within their period.

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
from service.storage.engine import begin_write, is_sqlite, read

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
        now = self._now_ms()
        parameters = {
            "key": key,
            "now": now,
            "interval": limit.interval_ms,
            "first": now + limit.interval_ms,
            "latest": now + limit.capacity_ms,
        }
        return connection.execute(_TAKE, parameters).first() is not None

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
        """Seconds until ``key`` may use its bucket again; None if it may now. Every write
        asks it, so it is one read straight on the driver (``engine.read``)."""
        rows = read(self.engine, _REFILLED_AT, (key,))
        if not rows:
            return None
        # A use is allowed once refilled_at + interval is no further ahead than the capacity.
        wait_ms = rows[0][0] + limit.interval_ms - limit.capacity_ms - self._now_ms()
        return math.ceil(wait_ms / 1000) if wait_ms > 0 else None


#: One use of a bucket, as SQLite and PostgreSQL both write it: a row back if allowed.
#: Written out, since SQLAlchemy compiles its ON CONFLICT anew on every call.
_AFTER = "CASE WHEN rate_limits.refilled_at > :now THEN rate_limits.refilled_at ELSE :now END + :interval"
_TAKE = text(
    'INSERT INTO rate_limits ("key", refilled_at) VALUES (:key, :first)'
    f' ON CONFLICT ("key") DO UPDATE SET refilled_at = {_AFTER} WHERE {_AFTER} <= :latest'
    " RETURNING refilled_at"
)
#: The rows of full buckets, which say nothing.
_SWEEP = text("DELETE FROM rate_limits WHERE refilled_at <= :now")
_REFILLED_AT = 'SELECT refilled_at FROM rate_limits WHERE "key" = ?'


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


def refuse_a_limited_address(address: str) -> None:
    """429 if ``address`` has used up its failed authentications, whatever it sends now:
    while it is limited even a right token is refused, so guessing cannot go on."""
    seconds = limiter().wait(_key("failed-auth", address), limiter().failed_auth)
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


class _Refused(Exception):
    """A write the limit refused inside the write's transaction: answered once that has rolled back."""


@contextmanager
def counting_a_write(token_name: str) -> Iterator[Callable[[Connection], None] | None]:
    """``count_a_write`` inside the write's own transaction on SQLite: the function to
    run first in it (``EventStore.append``'s ``admit``), which counts the write or
    refuses it. The refusal becomes the 429 once the transaction has rolled back (the
    wait is read on another connection, never while the transaction holds one).

    On PostgreSQL the write is counted alone, before (and ``None`` is handed on): in the
    write's transaction the token's row would stay locked through the decision's lock
    and the rule check, so that the same token's next write, to any decision, and its
    429 would wait for it. SQLite's ``BEGIN IMMEDIATE`` already makes every write wait
    for every other, so there the count costs no commit of its own."""
    current, key = limiter(), _key("writes", token_name)
    if not is_sqlite(current.engine):
        count_a_write(token_name)
        yield None
        current.sweep()
        return

    def admit(connection: Connection) -> None:
        if not current.use(connection, key, current.writes):
            raise _Refused

    try:
        yield admit
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
