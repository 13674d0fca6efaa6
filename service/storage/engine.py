"""Connecting to the store: SQLite (the embedded default) or PostgreSQL (psycopg 3).

Every wait on the database is bounded, so that a database that is busy, frozen or gone
costs a request a few seconds and a 503 (``service.storage.faults``), never a hang:

- SQLite runs in WAL mode. Reads begin plain (deferred) transactions: they read a
  snapshot and never wait for a writer. Writes go through ``begin_write``, which begins
  ``BEGIN IMMEDIATE``: a writer takes the write lock before it reads, so that the rule
  check and the insert of an utbetalning cannot interleave with another process's. A
  writer waits at most ``SQLITE_BUSY_TIMEOUT_MS`` for that lock.
- PostgreSQL gets a connect timeout, a statement timeout and a lock timeout on the
  server, and a deadline on every answer in the client (``service.storage.deadline``).

A connection that cannot serve again (PostgreSQL's broken ones; SQLite's opened while
the file was read-only) is discarded from the pool, so the service recovers by itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, exc, text
from sqlalchemy.engine import URL, ExceptionContext, make_url

from service.storage import faults

#: How long a SQLite writer waits for another's write lock: short enough for a 503
#: within 5 s, long enough for racing writers, who hold it a few milliseconds each (50
#: through 4 gunicorn workers of 16 threads were all answered within 1 s, on either
#: database, on a 2-core machine).
SQLITE_BUSY_TIMEOUT_MS = 3_000
#: PostgreSQL, server side: a statement (lock waits included) and a lock wait alone.
#: Each is below the client's ``deadline.ANSWER_SECONDS``, so that a live server answers
#: with its own error first and the connection stays usable.
STATEMENT_TIMEOUT_MS = 2_000
LOCK_TIMEOUT_MS = 1_500
#: libpq's (and psycopg's) minimum: a frozen server accepts TCP but never answers.
CONNECT_TIMEOUT_SECONDS = 2
#: How long a request waits for a free pooled connection.
POOL_TIMEOUT_SECONDS = 2
#: A pooled PostgreSQL connection the server answered on this recently is lent without
#: a ping first (HikariCP's ``aliveBypassWindowMs``, whose default this is): on a busy
#: worker every checkout would otherwise cost a round trip as dear as the read it serves.
PING_AFTER_IDLE_SECONDS = 0.5
#: Migrations may wait for another process's and run long DDL: bounded, but generously.
MIGRATION_TIMEOUT_SECONDS = 300

_WRITE = "medfin_write"
_WRITING = "_medfin_writing"


def default_url(instance_path: str) -> str:
    """The embedded default: a SQLite file in the app's instance folder."""
    folder = Path(instance_path)
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'medfin.sqlite3'}"


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    engine = _sqlite_engine(parsed) if parsed.get_backend_name() == "sqlite" else _postgres_engine(parsed)
    event.listen(engine, "handle_error", _on_error)
    setattr(engine, _WRITING, engine.execution_options(**{_WRITE: True}))  # ``begin_write``'s
    return engine


def begin_write(engine: Engine) -> AbstractContextManager[Connection]:
    """A transaction that writes: on SQLite it holds the write lock from its first
    statement (``BEGIN IMMEDIATE``); reads use ``engine.connect()`` and never take it."""
    # Made once by ``make_engine``: every write asks for it, and making it costs about
    # what a short statement does.
    writing = getattr(engine, _WRITING, None) or engine.execution_options(**{_WRITE: True})
    return writing.begin()  # type: ignore[no-any-return]


def run(connection: Connection, sql: str, parameters: Sequence[Any] = ()) -> list[Any]:
    """The rows of one statement (none for one that returns none) run straight on the
    driver, inside ``connection``'s transaction: for the statements every write makes,
    whose execution through SQLAlchemy costs several times a short statement. ``sql`` is
    written with ``?`` markers. A driver's error is raised as it is (one
    of ``faults.database_errors``); one after which the connection cannot serve again
    (SQLite's read-only one, PostgreSQL's closed one) first retires it and every
    connection opened before it, as SQLAlchemy does for its own statements, so that the
    pool opens new ones."""
    driver = connection.connection.dbapi_connection
    cursor = None
    try:
        cursor = driver.cursor()  # type: ignore[union-attr]
        cursor.execute(_markers(connection.engine)(sql), parameters)
        rows = cursor.fetchall() if cursor.description is not None else []
    except Exception as error:
        if cursor is not None:
            with suppress(Exception):  # the driver's error is the one to raise
                cursor.close()
        if faults.is_stuck_connection(error) or getattr(driver, "closed", False):
            connection.invalidate(error)
            _retire_pool(connection.engine)
        raise
    cursor.close()
    return rows


def _retire_pool(engine: Engine) -> None:
    """A new pool for ``engine``, as SQLAlchemy makes after a disconnection: connections
    opened before (which a restart closed too, or which SQLite opened read-only) are
    dropped as they come back, not lent again one failed request at a time."""
    engine.dispose(close=False)


#: Runs one read on the driver's connection: its SQL (``?`` markers) and parameters give its rows.
Read = Callable[[str, Sequence[Any]], list[Any]]


@contextmanager
def reading(engine: Engine) -> Iterator[Read]:
    """Reads straight on the driver, for the hot paths: each statement's rows, on one
    pooled connection, without SQLAlchemy's execution or a transaction's BEGIN, which
    cost many times a short indexed query. The SQL is written with ``?`` markers, made
    ``%s`` for psycopg. Each statement reads as of its own start (on SQLite, autocommit;
    on PostgreSQL, READ COMMITTED), so a caller that needs one read before another
    orders them itself. The connection goes back to the pool, which rolls back whatever
    the driver began; a driver's error is one of ``faults.database_errors(engine)``.

    On PostgreSQL the reads are autocommitted: psycopg would otherwise send a BEGIN
    before the first and the pool a ROLLBACK after the last, two round trips more than
    the reads themselves. The connection is handed back as SQLAlchemy lent it (not
    autocommitting), or dropped from the pool where that cannot be done."""
    connection = engine.raw_connection()
    postgresql = engine.dialect.name == "postgresql"
    marked = _markers(engine)
    try:
        if postgresql:
            connection.driver_connection.autocommit = True  # type: ignore[union-attr]
        cursor = connection.cursor()

        def read(sql: str, parameters: Sequence[Any] = ()) -> list[Any]:
            cursor.execute(marked(sql), parameters)
            return cursor.fetchall()

        yield read
        cursor.close()
    finally:
        if postgresql:
            try:
                connection.driver_connection.autocommit = False  # type: ignore[union-attr]
            except Exception:
                connection.invalidate()  # closed meanwhile (a restart): so were the others
                _retire_pool(engine)
        connection.close()


@contextmanager
def sqlite_writing(engine: Engine) -> Iterator[Read]:
    """A SQLite transaction that writes, straight on the driver, for the hot path of a
    write whose statements cost less than SQLAlchemy's transaction around them: begun
    ``BEGIN IMMEDIATE`` (as ``begin_write`` begins), committed when the block ends,
    rolled back when it raises. A connection that cannot serve again (opened while the
    file was read-only) is retired with the pool, as ``run`` retires it."""
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("BEGIN IMMEDIATE")

        def execute(sql: str, parameters: Sequence[Any] = ()) -> list[Any]:
            cursor.execute(sql, parameters)
            return cursor.fetchall()

        try:
            yield execute
            connection.commit()
        except BaseException as error:
            with suppress(Exception):  # the first error is the one to raise
                connection.rollback()
            if faults.is_stuck_connection(error):
                connection.invalidate()
                _retire_pool(engine)
            raise
        cursor.close()
    finally:
        connection.close()


def read(engine: Engine, sql: str, parameters: Sequence[Any] = ()) -> list[Any]:
    """The rows of one read straight on the driver (``reading``)."""
    with reading(engine) as rows:
        return rows(sql, parameters)


def _markers(engine: Engine) -> Callable[[str], str]:
    return _marked if engine.dialect.paramstyle != "qmark" else _unchanged


def _unchanged(value: Any) -> Any:
    return value


@cache
def _marked(sql: str) -> str:
    """``?`` markers as psycopg's ``%s`` (the statements here hold no other ``?`` or ``%``)."""
    return sql.replace("?", "%s")


def result_processor(column: Any, engine: Engine) -> Callable[[Any], Any]:
    """What SQLAlchemy makes of ``column``'s value as the driver gives it (SQLite's text
    of a date, a moment or JSON; on PostgreSQL mostly the value itself), for rows read
    with ``reading``: the same values a Core select gives."""
    dialect = engine.dialect
    process = column.type.dialect_impl(dialect).result_processor(dialect, None)
    return process if process is not None else _unchanged


def bind_processor(column: Any, engine: Engine) -> Callable[[Any], Any]:
    """What SQLAlchemy hands the driver for ``column``'s value (``result_processor``'s converse)."""
    dialect = engine.dialect
    process = column.type.dialect_impl(dialect).bind_processor(dialect)
    return process if process is not None else _unchanged


@contextmanager
def migration_timeouts(connection: Connection) -> Iterator[None]:
    """Within ``connection``'s transaction, the generous bounds of a migration."""
    if is_sqlite(connection.engine):
        yield
        return
    milliseconds = MIGRATION_TIMEOUT_SECONDS * 1000
    connection.execute(text(f"SET LOCAL statement_timeout = {milliseconds}"))
    connection.execute(text(f"SET LOCAL lock_timeout = {milliseconds}"))
    from service.storage import deadline  # psycopg: only for PostgreSQL (10 MB a worker on SQLite)

    with deadline.extended(connection.connection.dbapi_connection, MIGRATION_TIMEOUT_SECONDS):
        yield


def _sqlite_engine(url: URL) -> Engine:
    engine = create_engine(
        url,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        pool_timeout=POOL_TIMEOUT_SECONDS,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin.
        connection.isolation_level = None
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")  # an acknowledged write survives a crash
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # A deferred BEGIN reads a WAL snapshot without any lock a writer holds. Sent on
        # the driver (as SQLAlchemy's own BEGIN would be): a busy database's error is the
        # driver's, which the faults know; a read-only file fails only at the first write.
        immediate = connection.get_execution_options().get(_WRITE, False)
        connection.connection.dbapi_connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")  # type: ignore[union-attr]

    return engine


def _postgres_engine(url: URL) -> Engine:
    from service.storage import deadline  # psycopg: only for PostgreSQL (10 MB a worker on SQLite)

    if url.drivername == "postgresql":  # the plain scheme: use psycopg 3, not psycopg2
        url = url.set(drivername="postgresql+psycopg")
    engine = create_engine(
        url,
        connect_args=_postgres_bounds(url),
        pool_size=5,
        max_overflow=5,
        pool_timeout=POOL_TIMEOUT_SECONDS,
    )

    @event.listens_for(engine, "do_connect")
    def _connect(_dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
        connection = deadline.BoundedConnection.connect(*cargs, **cparams)
        connection.answered_at = time.monotonic()
        return connection

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(connection: Any, _record: Any, _proxy: Any) -> None:
        """A connection idle for ``PING_AFTER_IDLE_SECONDS`` is pinged before it is lent,
        as SQLAlchemy's ``pool_pre_ping`` pings every one: one the server dropped (a
        restart) is replaced unseen, with every other opened before it. One that served
        within that time is lent as it is; should the server have restarted meanwhile,
        the request it serves fails with a 503 and the pool is emptied the same way.
        A ping the server does not answer (frozen) fails this request at once: opening
        another connection would wait the connect timeout as well."""
        if time.monotonic() - connection.answered_at < PING_AFTER_IDLE_SECONDS:
            return
        dialect = engine.dialect
        try:
            dialect.do_ping(connection)
        except deadline.AnswerTimeout:
            raise
        except dialect.loaded_dbapi.Error as error:
            if dialect.is_disconnect(error, connection, None):
                raise exc.InvalidatePoolError() from error  # the pool connects anew, twice at most
            raise

    return engine


def _postgres_bounds(url: URL) -> dict[str, Any]:
    """The timeouts, unless the URL sets its own (which then win)."""
    bounds: dict[str, Any] = {}
    if "connect_timeout" not in url.query:
        bounds["connect_timeout"] = CONNECT_TIMEOUT_SECONDS
    # TCP keepalives and tcp_user_timeout are left out on purpose: they notice a host or
    # a network that is gone, but a server that is frozen (SIGSTOP, a stuck disk) still
    # has its kernel acknowledge and answer the probes. The client's deadline on every
    # answer covers both cases.
    ours = f"-c statement_timeout={STATEMENT_TIMEOUT_MS} -c lock_timeout={LOCK_TIMEOUT_MS}"
    theirs = url.query.get("options")
    bounds["options"] = f"{ours} {theirs}" if isinstance(theirs, str) else ours
    return bounds


def _on_error(context: ExceptionContext) -> None:
    """A connection that stays unusable after the fault is gone is dropped from the pool
    with every other one opened before it, as SQLAlchemy drops a broken one."""
    error = context.original_exception
    if faults.is_stuck_connection(error):
        context.is_disconnect = True


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"
