"""Which database errors mean "the database is unavailable now; retry later".

A database that is down, unreachable, frozen, busy, read-only or full fails a request
through no fault of the request, and recovers without anyone changing the service:
``service.http.problems`` answers those with 503 and ``Retry-After``. Every other database
error (a programming error, a broken constraint, a missing table) stays a 500.
"""

from __future__ import annotations

import sqlite3
import sys

from sqlalchemy import Engine, exc


def database_errors(engine: Engine) -> tuple[type[Exception], ...]:
    """Every error a call to ``engine``'s database can raise: SQLAlchemy's own and, where
    code goes to the driver directly (``raw_connection``), the driver's. psycopg (10 MB
    of a worker's memory) is imported only for a PostgreSQL engine, which loads it anyway."""
    if engine.dialect.name == "sqlite":
        return (exc.SQLAlchemyError, sqlite3.Error)
    import psycopg

    return (exc.SQLAlchemyError, sqlite3.Error, psycopg.Error)


#: SQLite's primary result codes (https://sqlite.org/rescode.html) of the faults.
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8
_SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 13, 14
#: Busy and locked (another writer), read-only, an I/O error (a disk gone, a quota: EDQUOT
#: comes as SQLITE_IOERR_WRITE), full, and a file that cannot be opened (down).
_SQLITE_UNAVAILABLE = frozenset(
    {_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN}
)

#: PostgreSQL's SQLSTATEs (https://www.postgresql.org/docs/15/errcodes-appendix.html):
#: whole classes (connection exception; insufficient resources: disk full, out of memory,
#: too many connections), then single codes.
_POSTGRES_CLASSES = frozenset({"08", "53"})
_POSTGRES_CODES = frozenset(
    {
        "57P01",  # admin_shutdown: the server is stopping
        "57P02",  # crash_shutdown
        "57P03",  # cannot_connect_now: starting up, or in recovery
        "57014",  # query_canceled: the statement timeout
        "55P03",  # lock_not_available: the lock timeout
        "25006",  # read_only_sql_transaction: a standby, or default_transaction_read_only
    }
)


def is_unavailable(error: BaseException) -> bool:
    """Whether ``error`` says the database cannot serve now, but may soon."""
    if isinstance(error, exc.TimeoutError):  # no pooled connection came free in time
        return True
    if isinstance(error, exc.DBAPIError):
        return error.connection_invalidated or (error.orig is not None and is_unavailable(error.orig))
    if isinstance(error, sqlite3.Error):
        return _sqlite_code(error) in _SQLITE_UNAVAILABLE
    # A psycopg error exists only once a PostgreSQL engine has imported psycopg.
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None and isinstance(error, psycopg.Error):
        state = error.sqlstate
        if state is None:  # raised by the client: refused, timed out, closed, no answer
            return isinstance(error, psycopg.OperationalError)
        return state[:2] in _POSTGRES_CLASSES or state in _POSTGRES_CODES
    return False


def is_stuck_connection(error: BaseException) -> bool:
    """Whether the connection that raised ``error`` stays unusable after the fault is gone.

    SQLite opens a file it may not write read-only, and the connection stays read-only
    after the file is writable again: only a new connection can write.
    """
    return isinstance(error, sqlite3.Error) and _sqlite_code(error) == _SQLITE_READONLY


def _sqlite_code(error: sqlite3.Error) -> int:
    return int(getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF  # the primary code of an extended one
