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
take the last use. A row whose bucket is full again says nothing and is deleted, at
most once a minute per process, so the table holds only the keys used within their
period.

The client address is ``request.remote_addr``; behind ``TRUSTED_PROXIES`` proxies
(default 0) it is taken from their ``X-Forwarded-For`` (werkzeug's ``ProxyFix``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, current_app
from sqlalchemy import Connection, Engine, case, delete, select
from werkzeug.middleware.proxy_fix import ProxyFix

from service.http.problems import Problem
from service.storage.engine import begin_write
from service.storage.tables import rate_limits

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
        # Only the engine's dialect (PostgreSQL's, with asyncpg's, is 2.5 MB a worker on SQLite).
        if engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
        self._insert = insert
        self._next_sweep_ms = 0

    def _now_ms(self) -> int:
        return int(self.clock() * 1000)

    def take(self, key: str, limit: Limit) -> int | None:
        """Use one of ``key``'s bucket: None if allowed, else the seconds until a use is back."""
        now = self._now_ms()
        stored = rate_limits.c.refilled_at
        after = case((stored > now, stored), else_=now) + limit.interval_ms
        statement = (
            self._insert(rate_limits)
            .values(key=key, refilled_at=now + limit.interval_ms)
            .on_conflict_do_update(
                index_elements=[rate_limits.c.key],
                set_={"refilled_at": after},
                where=after <= now + limit.capacity_ms,
            )
            .returning(stored)
        )
        with begin_write(self.engine) as connection:
            _begin_count(connection)
            allowed = connection.execute(statement).first() is not None
            if allowed and now >= self._next_sweep_ms:
                self._next_sweep_ms = now + SWEEP_EVERY_MS
                connection.execute(delete(rate_limits).where(rate_limits.c.refilled_at <= now))
        # Refused: at least a second, even if the row was swept meanwhile.
        return None if allowed else (self.wait(key, limit) or 1)

    def wait(self, key: str, limit: Limit) -> int | None:
        """Seconds until ``key`` may use its bucket again; None if it may now."""
        with self.engine.connect() as connection:
            refilled_at = connection.execute(select(rate_limits.c.refilled_at).where(rate_limits.c.key == key)).scalar()
        if refilled_at is None:
            return None
        # A use is allowed once refilled_at + interval is no further ahead than the capacity.
        wait_ms = refilled_at + limit.interval_ms - limit.capacity_ms - self._now_ms()
        return math.ceil(wait_ms / 1000) if wait_ms > 0 else None


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
        raise too_many(f"The token {token_name!r} has made too many writes", seconds)


def too_many(what: str, seconds: int) -> Problem:
    return Problem(
        "too-many-requests",
        f"{what}; try again in {seconds} second{'s' if seconds != 1 else ''} (Retry-After).",
        headers={"Retry-After": str(seconds)},
    )
