"""A deadline on every answer from PostgreSQL, kept by the client.

The server's own statement and lock timeouts end what a live server is slow at. A
frozen server (SIGSTOP, a stuck disk) answers nothing at all, so those never fire; its
kernel still accepts TCP connections, acknowledges what is sent and answers keepalive
probes, so neither ``tcp_user_timeout`` nor keepalives notice it (they notice a host or
network that is gone, which this deadline covers too). A cancel request would need the
same frozen server to take it.

So the client bounds each wait itself. psycopg 3 runs libpq in non-blocking mode and
does every wait for the server in ``Connection.wait()`` (connecting aside, which
``connect_timeout`` bounds); that wait takes a timeout, the one psycopg's own
``cancel_safe()`` and ``notifies()`` use (psycopg 3.3, pinned in pyproject.toml).
``BoundedConnection`` passes ``ANSWER_SECONDS`` to every wait that has none. When it
expires the query is still in flight and the protocol state unknown, so the connection
is closed, as psycopg itself closes one whose cancelled query does not end; SQLAlchemy,
seeing it closed, discards it from the pool. This needs no watchdog thread that shuts
sockets down and no signal: each request stuck on the database ends within the
deadline, with an error that ``service.storage.faults`` calls unavailable.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import errors
from psycopg.connection import _WAIT_INTERVAL  # the default of the method overridden here

#: Longer than the server's own statement timeout, so that a live server answers first.
ANSWER_SECONDS = 2.5


class AnswerTimeout(psycopg.OperationalError):
    """PostgreSQL did not answer in time; the connection was closed."""


class BoundedConnection(psycopg.Connection[Any]):
    """A psycopg connection whose every wait for the server ends within ``answer_seconds``."""

    answer_seconds: float = ANSWER_SECONDS
    #: When (``time.monotonic()``) the server last answered on this connection, or it
    #: was opened: how long ago it was last known alive (``engine``'s ping on checkout).
    answered_at: float = 0.0

    def wait(self, gen: Any, interval: float = _WAIT_INTERVAL, timeout: float | None = None) -> Any:
        if timeout is not None:  # psycopg's own bounded waits handle their timeouts
            answer = super().wait(gen, interval, timeout)
        else:
            try:
                answer = super().wait(gen, interval, self.answer_seconds)
            except errors._WaitTimeout:  # psycopg's timeout of wait(); private, stable since 3.3
                self.close()
                raise AnswerTimeout(
                    f"the server did not answer within {self.answer_seconds:g} s; the connection was closed"
                ) from None
        self.answered_at = time.monotonic()
        return answer


@contextmanager
def extended(connection: Any, seconds: float) -> Iterator[None]:
    """Within the block, ``connection`` (a ``BoundedConnection``) waits up to ``seconds``."""
    connection.answer_seconds = seconds
    try:
        yield
    finally:
        connection.answer_seconds = ANSWER_SECONDS
