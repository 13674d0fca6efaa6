"""A database that is busy, read-only, full, down, unreachable or frozen: 503 with
Retry-After within 5 s, and the service recovers by itself when the database does.

Every fault is real: another process holds SQLite's write lock; the file is made
immutable (as root, where a chmod does not stop writes); a tiny tmpfs fills up; a
PostgreSQL of these tests' own is stopped with ``pg_ctl``, started again, and frozen with
SIGSTOP (its kernel still accepts connections, nothing answers). The app is never
restarted between the fault and the recovery.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest

from service.storage.engine import PING_AFTER_IDLE_SECONDS, SQLITE_BUSY_TIMEOUT_MS
from service.storage.faults import is_unavailable
from tests.contract import assert_problem, contract_app
from tests.postgres import start_postgres_for_tests
from tests.recording import EVENTS, REFERRAL, registrar
from tests.server_process import free_port, registrar_token, running_server

#: What the issue asks: the 503 comes within this many seconds of the request.
BOUND = 5.0
#: "At once": well below the shortest wait of a bounded writer (SQLite's busy timeout).
AT_ONCE = SQLITE_BUSY_TIMEOUT_MS / 1000 / 2
COMMITMENT = "/v1/decisions/ks-2024-1371-481/commitment?as_of=2025-06-01"


def adoption(reference: str) -> dict:
    """A write that may be made again and again (a referral back, ``REFERRAL``)."""
    return {**REFERRAL, "reference": reference}


def assert_unavailable(response) -> None:
    """A 503 ``database-unavailable`` problem that says when to come back."""
    body = assert_problem(response, 503)
    assert body["type"].endswith("database-unavailable"), body
    assert int(response.headers["Retry-After"]) >= 1


@contextmanager
def timed(bound: float):
    """Fails unless the block ends within ``bound`` seconds."""
    started = time.monotonic()
    yield
    elapsed = time.monotonic() - started
    assert elapsed < bound, f"took {elapsed:.1f} s, more than {bound} s"


# ------------------------------------------------------------------------------ SQLite


def raised(connection, *statements: str) -> Exception:
    """The error the last of ``statements`` raises on ``connection``."""
    for statement in statements[:-1]:
        connection.execute(statement)
    with pytest.raises(Exception) as caught:
        connection.execute(statements[-1])
    return caught.value


def test_only_faults_of_the_database_itself_are_unavailable(tmp_path, postgres):
    """Real driver errors: a full or read-only database is "retry later"; a mistake in
    the SQL or a broken constraint is not, and stays a 500."""
    sqlite = sqlite3.connect(tmp_path / "plain.sqlite3", isolation_level=None)
    sqlite.execute("CREATE TABLE t (x TEXT UNIQUE)")
    sqlite.execute("INSERT INTO t VALUES ('a')")
    assert not is_unavailable(raised(sqlite, "SELECT * FROM no_such_table"))
    assert not is_unavailable(raised(sqlite, "INSERT INTO t VALUES ('a')"))
    assert is_unavailable(raised(sqlite, "PRAGMA max_page_count = 1", "INSERT INTO t VALUES (randomblob(9000))"))
    read_only = sqlite3.connect(f"file:{tmp_path / 'plain.sqlite3'}?mode=ro", uri=True)
    assert is_unavailable(raised(read_only, "INSERT INTO t VALUES ('b')"))

    with psycopg.connect(postgres.url.replace("+psycopg", ""), autocommit=True) as pg:
        assert not is_unavailable(raised(pg, "SELEKT 1"))
        assert not is_unavailable(raised(pg, "CREATE TEMP TABLE u (x int UNIQUE)", "INSERT INTO u VALUES (1), (1)"))
        assert is_unavailable(raised(pg, "SET statement_timeout = 10", "SELECT pg_sleep(1)"))
        read_only = ("SET statement_timeout = 0", "SET default_transaction_read_only = on", "CREATE TABLE v (x int)")
        assert is_unavailable(raised(pg, *read_only))


HOLD_WRITE_LOCK = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.read()  # until the test closes our standard input
connection.execute("ROLLBACK")
"""


@contextmanager
def write_lock_held_by_another_process(path: Path):
    """A separate Python process holds ``path``'s write lock for the block."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITE_LOCK, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        yield
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
        holder.stdout.close()


@pytest.mark.slow
def test_sqlite_readers_never_wait_for_another_process_writer_and_writes_get_503(tmp_path):
    path = tmp_path / "medfin.sqlite3"
    app = contract_app(f"sqlite:///{path}")
    client, writer = app.test_client(), registrar(app)
    assert client.post(EVENTS, json=adoption("före"), headers=writer).status_code == 201

    with write_lock_held_by_another_process(path):
        for read in (EVENTS, COMMITMENT, "/"):
            with timed(AT_ONCE):  # a WAL reader takes no lock a writer holds
                assert client.get(read).status_code == 200, read
        with timed(BOUND):
            started = time.monotonic()
            response = client.post(EVENTS, json=adoption("under låset"), headers=writer)
            assert time.monotonic() - started >= SQLITE_BUSY_TIMEOUT_MS / 1000 * 0.9  # it did wait for the lock
        assert_unavailable(response)

    assert client.post(EVENTS, json=adoption("efter"), headers=writer).status_code == 201
    references = [e.get("reference") for e in client.get(EVENTS).json["items"]]
    assert references.count("under låset") == 0 and references.count("efter") == 1


@contextmanager
def read_only(path: Path):
    """``path`` may not be written for the block. Root writes past a chmod, so as root
    the file is made immutable (``chattr +i``): either way, opening it for writing fails."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    subprocess.run(["chattr", "+i", str(path)], check=True)
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_sqlite_made_read_only_gives_503_and_writes_recover_once_it_is_writable(tmp_path):
    url = f"sqlite:///{tmp_path / 'medfin.sqlite3'}"
    running = contract_app(url)  # another worker, which keeps the database open
    writer = registrar(running)

    with read_only(tmp_path / "medfin.sqlite3"):
        # A worker that opens the database now gets read-only connections from SQLite:
        # two in its pool, as a busy worker would have.
        app = contract_app(url, PREPARE_DATABASE=False)
        client = app.test_client()
        with app.extensions["medfin"].engine.connect() as one, app.extensions["medfin"].engine.connect() as two:
            one.exec_driver_sql("SELECT 1")
            two.exec_driver_sql("SELECT 1")
        assert client.get(EVENTS).status_code == 200
        assert_unavailable(client.post(EVENTS, json=adoption("skrivskyddad"), headers=writer))

    # Writable again: the same app writes, with no restart (new connections: the one
    # that failed and every one opened before it were dropped).
    for day in ("skrivbar", "åter skrivbar", "fortfarande skrivbar"):
        assert client.post(EVENTS, json=adoption(day), headers=writer).status_code == 201
    assert running.test_client().post(EVENTS, json=adoption("igen"), headers=writer).status_code == 201


@contextmanager
def small_filesystem(folder: Path, size: str = "4m"):
    """A tmpfs of ``size`` at ``folder`` for the block (root only)."""
    if os.geteuid() != 0 and not os.environ.get("CI"):
        pytest.skip("mounting a small filesystem needs root")
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "--lazy", str(folder)], check=True)


def fill(folder: Path) -> Path:
    """Fill ``folder``'s filesystem to the last byte; the filler is returned."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for chunk in (1 << 16, 1 << 12, 1):
            try:
                while True:
                    os.write(descriptor, b"\0" * chunk)
            except OSError:
                continue
    finally:
        os.close(descriptor)
    return filler


def test_sqlite_disk_full_gives_503_and_writes_recover_once_there_is_room(tmp_path):
    with small_filesystem(tmp_path / "small") as folder:
        app = contract_app(f"sqlite:///{folder / 'medfin.sqlite3'}")
        try:
            client, writer = app.test_client(), registrar(app)
            filler = fill(folder)
            assert client.get(EVENTS).status_code == 200  # reads need no room
            assert_unavailable(client.post(EVENTS, json=adoption("fullt"), headers=writer))
            filler.unlink()
            assert client.post(EVENTS, json=adoption("plats igen"), headers=writer).status_code == 201
        finally:
            app.extensions["medfin"].engine.dispose()


# -------------------------------------------------------------------------- PostgreSQL


@pytest.fixture(scope="module")
def own_postgres():
    """A PostgreSQL of this module's own, to stop and freeze (the session's one is
    shared by other tests)."""
    server = start_postgres_for_tests()
    yield server
    server.thaw()
    server.stop()


_databases = iter(range(1_000_000))


@pytest.fixture
def own_database(own_postgres):
    """The URL of a new database on ``own_postgres``."""
    return own_postgres.new_database(f"faults_{next(_databases)}")


@pytest.mark.slow
def test_postgres_stopped_gives_503_within_5_s_and_recovers_when_started_again(own_postgres, own_database):
    app = contract_app(own_database)
    client, writer = app.test_client(), registrar(app)
    assert client.post(EVENTS, json=adoption("före"), headers=writer).status_code == 201

    own_postgres.halt()
    try:
        for send in (lambda: client.get(EVENTS), lambda: client.post(EVENTS, json=adoption("nere"), headers=writer)):
            with timed(BOUND):
                assert_unavailable(send())
    finally:
        own_postgres.resume()

    # The pooled connections died with the server; the app replaces them unseen.
    assert client.get(EVENTS).status_code == 200
    assert client.post(EVENTS, json=adoption("efter"), headers=writer).status_code == 201
    app.extensions["medfin"].engine.dispose()


@pytest.mark.slow
def test_a_postgres_restart_between_requests_is_unseen(own_postgres, own_database):
    """The pool pings a connection idle for PING_AFTER_IDLE_SECONDS before lending it, and
    replaces one the restart closed: the first request after the restart is answered."""
    app = contract_app(own_database)
    client, writer = app.test_client(), registrar(app)
    assert client.post(EVENTS, json=adoption("före"), headers=writer).status_code == 201
    own_postgres.halt()
    own_postgres.resume()
    time.sleep(PING_AFTER_IDLE_SECONDS + 0.1)
    assert client.get(EVENTS).status_code == 200
    assert client.post(EVENTS, json=adoption("efter"), headers=writer).status_code == 201
    app.extensions["medfin"].engine.dispose()


def test_a_busy_postgres_connection_is_lent_without_a_ping(own_database):
    """Within PING_AFTER_IDLE_SECONDS of the server's last answer, a checkout sends nothing:
    the read is the only statement the server sees."""
    app = contract_app(own_database)
    client = app.test_client()
    assert client.get(EVENTS).status_code == 200
    statements: list[str] = []
    original = psycopg.Cursor.execute

    def execute(self, query, *args, **kwargs):  # type: ignore[no-untyped-def]
        statements.append(str(query))
        return original(self, query, *args, **kwargs)

    engine = app.extensions["medfin"].engine
    with engine.connect() as connection:  # answered just now
        connection.exec_driver_sql("SELECT 1")
    try:
        psycopg.Cursor.execute = execute  # type: ignore[method-assign]
        with engine.connect():
            pass
        hot = list(statements)
        time.sleep(PING_AFTER_IDLE_SECONDS + 0.1)
        with engine.connect():
            pass
    finally:
        psycopg.Cursor.execute = original  # type: ignore[method-assign]
    assert hot == []
    assert len(statements) == 1  # the idle connection's ping
    engine.dispose()


def test_postgres_row_locked_by_another_session_reads_answer_and_a_write_gets_503(own_postgres, own_database):
    app = contract_app(own_database)
    client, writer = app.test_client(), registrar(app)
    with psycopg.connect(own_database.replace("+psycopg", "")) as other:
        other.execute("SET idle_in_transaction_session_timeout = '10s'")  # a writer without a bound fails, not hangs
        other.execute("SELECT 1 FROM decisions WHERE decision_id = 'ks-2024-1371-481' FOR UPDATE")
        with timed(AT_ONCE):
            assert client.get(EVENTS).status_code == 200
        with timed(BOUND):
            assert_unavailable(client.post(EVENTS, json=adoption("låst"), headers=writer))
        other.rollback()
    assert client.post(EVENTS, json=adoption("fri"), headers=writer).status_code == 201
    app.extensions["medfin"].engine.dispose()


def test_unreachable_postgres_gives_503_at_once():
    url = f"postgresql://medfin@127.0.0.1:{free_port()}/medfin"  # nothing listens there
    client = contract_app(url, PREPARE_DATABASE=False).test_client()
    for send in (lambda: client.get(EVENTS), lambda: client.get(COMMITMENT), lambda: client.get("/")):
        with timed(AT_ONCE):
            assert_unavailable(send())
    with timed(AT_ONCE):
        assert_unavailable(client.post(EVENTS, json=adoption("ingenstans"), headers={"Authorization": "Bearer x"}))


@pytest.mark.slow
def test_frozen_postgres_gives_503_within_5_s_from_a_real_server_and_recovers_on_sigcont(
    own_postgres, own_database, tmp_path
):
    env = {"MEDFIN_DATABASE_URL": own_database}
    writer = {"Authorization": f"Bearer {registrar_token(env)}", "Content-Type": "application/json"}
    with running_server(env, log_dir=tmp_path, workers=2) as server:
        for _ in range(4):  # both workers hold pooled connections when the server freezes
            assert server.request("GET", EVENTS)[0] == 200

        own_postgres.freeze()
        try:
            for method, body in (("GET", None), ("POST", adoption("fryst")), ("GET", None)):
                with timed(BOUND):
                    status, headers, problem = server.request(method, EVENTS, body, writer, timeout=30)
                assert status == 503, problem
                assert problem["type"].endswith("database-unavailable") and int(headers["Retry-After"]) >= 1
        finally:
            own_postgres.thaw()

        assert server.request("GET", EVENTS)[0] == 200
        status, _, stored = server.request("POST", EVENTS, adoption("tinad"), writer)
        assert status == 201, stored
        assert "WORKER TIMEOUT" not in server.output(last=10**6)  # no worker was killed for hanging
