"""A real ``medfin serve`` process for the tests: gunicorn with several workers on loopback.

``start_server`` runs ``medfin serve`` in its own process group (so that ``kill`` takes
the master and every worker with one SIGKILL), on 127.0.0.1 at a free port, and waits
until it answers; its output goes to a file, so that a failure can quote it. ``medfin``
runs the CLI (e.g. ``tokens create``) against the same database. Every wait is bounded.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Response

from tests.contract import check_response

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
#: What ``start_server`` asks to know the server answers (public, cheap, no database write).
READY_PATH = "/v1/decisions"
#: Where the README says plain ``medfin serve`` answers (http://127.0.0.1:8000), and with
#: how many workers (``medfin serve --help``).
DOCUMENTED_PORT = 8000
DOCUMENTED_WORKERS = 2


class ServerFailed(Exception):
    """The server did not start, or did not answer in time; the message quotes its output."""


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "service.cli", *args]


def _environ(env: Mapping[str, str]) -> dict[str, str]:
    """The machine's environment without its MEDFIN_* settings, then ``env``."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MEDFIN_")}
    return {**clean, "PYTHONUNBUFFERED": "1", **env}


def medfin(*args: str, env: Mapping[str, str], timeout: float = 60) -> str:
    """Run ``medfin ARGS`` and return its standard output; fail with its stderr."""
    done = subprocess.run(
        _command(*args), env=_environ(env), cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode:
        raise ServerFailed(f"medfin {' '.join(args)} exited {done.returncode}: {done.stderr.strip()[-2000:]}")
    return done.stdout


def registrar_token(env: Mapping[str, str], name: str = "registrator") -> str:
    """A new registrar token, created with the CLI (which also prepares the database)."""
    return medfin("tokens", "create", "--name", name, "--role", "registrar", env=env).strip()


def check_answer(
    method: str,
    path: str,
    sent: Mapping[str, str] | None,
    status: int,
    headers: list[tuple[str, str]],
    raw: bytes,
) -> None:
    """An answer read off the wire, checked against openapi.yaml like every other."""
    check_response(
        EnvironBuilder(path=path, method=method, headers=dict(sent or {})).get_request(),
        Response(raw, status=status, headers=headers),
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@dataclass
class ServerProcess:
    process: subprocess.Popen[bytes]
    port: int
    log: Path
    workers: int

    @property
    def host(self) -> str:
        return HOST

    def output(self, last: int = 4000) -> str:
        """The tail of what the server wrote (gunicorn's log, the access log, tracebacks)."""
        return self.log.read_text(errors="replace")[-last:] if self.log.exists() else ""

    def exchange(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float = 30,
    ) -> tuple[int, dict[str, str], bytes]:
        """One request on its own connection, as bytes: (status, headers, body). The
        answer is checked against openapi.yaml, as every answer the tests receive is."""
        connection = http.client.HTTPConnection(HOST, self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=dict(headers or {}))
            response = connection.getresponse()
            status, answer_headers, raw = response.status, response.getheaders(), response.read()
        finally:
            connection.close()
        check_answer(method, path, headers, status, answer_headers, raw)
        return status, dict(answer_headers), raw

    def request(
        self, method: str, path: str, body: Any = None, headers: Mapping[str, str] | None = None, timeout: float = 30
    ) -> tuple[int, dict[str, str], Any]:
        """``exchange`` with ``body`` sent as JSON: (status, headers, JSON body or None)."""
        payload = None if body is None else json.dumps(body).encode()
        sent = {"Content-Type": "application/json"} if payload is not None else {}
        status, answer_headers, raw = self.exchange(method, path, payload, {**sent, **(headers or {})}, timeout)
        document = json.loads(raw) if raw and "json" in answer_headers.get("Content-Type", "") else None
        return status, answer_headers, document

    def items(self, path: str, *, pages: int = 30, limit: int = 100) -> list[Any]:
        """Every item of a paged list (at most ``pages`` pages), checked against its total."""
        found: list[Any] = []
        for page in range(1, pages + 1):
            status, _, listing = self.request("GET", f"{path}?limit={limit}&page={page}")
            assert status == 200, listing
            found += listing["items"]
            if len(found) >= listing["total"] or not listing["items"]:
                assert len(found) == listing["total"], listing
                return found
        raise AssertionError(f"{path} has more than {pages} pages")

    def _ready(self, deadline: float) -> None:
        while True:
            if self.process.poll() is not None:
                raise ServerFailed(f"medfin serve exited {self.process.returncode}:\n{self.output()}")
            try:
                status, _, _ = self.request("GET", READY_PATH, timeout=2)
                # Gunicorn logs each worker it boots; wait for all of them, so that the
                # requests that follow really meet several processes.
                booted = self.output(last=10**7).count("Booting worker with pid")
                if status == 200 and booted >= self.workers:
                    return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise ServerFailed(f"medfin serve did not answer in time:\n{self.output()}")
            time.sleep(0.1)

    def kill(self) -> None:
        """SIGKILL the master and every worker at once, as a crash would."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.process.wait(timeout=10)
        self._reap()

    def stop(self, timeout: float = 15) -> None:
        """Stop gracefully (SIGTERM to the group); SIGKILL what is left after ``timeout``."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=timeout)
            except ProcessLookupError:
                pass
            except subprocess.TimeoutExpired:
                self.kill()
                return
        self.process.wait(timeout=10)
        self._reap()

    def _reap(self) -> None:
        # Workers left behind by a dead master would be re-parented; make sure none lives on.
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def start_server(
    env: Mapping[str, str],
    *,
    log_dir: Path,
    workers: int = 4,
    timeout: float = 30,
    attempts: int = 3,
    as_documented: bool = False,
) -> ServerProcess:
    """``medfin serve --workers N`` on 127.0.0.1 at a free port, answering; ``env`` adds
    settings such as MEDFIN_DATABASE_URL. Retries on another port if the chosen one was
    taken in between; raises ``ServerFailed`` with the server's output otherwise.

    ``as_documented``: plain ``medfin serve``, as the README's first line runs it, which
    must answer at ``DOCUMENTED_PORT`` with ``DOCUMENTED_WORKERS`` workers."""
    log_dir.mkdir(parents=True, exist_ok=True)
    if as_documented:
        workers, attempts = DOCUMENTED_WORKERS, 1
    for attempt in range(1, attempts + 1):
        port = DOCUMENTED_PORT if as_documented else free_port()
        arguments = ("serve",) if as_documented else ("serve", "--host", HOST, "--port", str(port))
        log = log_dir / f"medfin-serve-{port}.log"
        with log.open("wb") as sink:
            process = subprocess.Popen(
                _command(*arguments, *(() if as_documented else ("--workers", str(workers)))),
                env=_environ(env),
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        server = ServerProcess(process, port, log, workers)
        try:
            server._ready(time.monotonic() + timeout)
            return server
        except ServerFailed:
            server.kill()
            if attempt == attempts or "Address already in use" not in server.output():
                raise
    raise AssertionError("unreachable")


@contextmanager
def running_server(
    env: Mapping[str, str], *, log_dir: Path, workers: int = 4, as_documented: bool = False
) -> Iterator[ServerProcess]:
    """A started server, stopped (or killed) when the block ends, however it ends."""
    server = start_server(env, log_dir=log_dir, workers=workers, as_documented=as_documented)
    try:
        yield server
    finally:
        server.stop()


def serving_a_module(folder: Path) -> Iterator[ServerProcess]:
    """For a module's fixture: plain ``medfin serve``'s setup (two workers) on its own
    SQLite database in ``folder``; once the module is done, its log must hold no traceback."""
    environment = {"MEDFIN_DATABASE_URL": f"sqlite:///{folder / 'medfin.sqlite3'}"}
    with running_server(environment, log_dir=folder, workers=2) as running:
        yield running
        output = running.output(last=10**7)
    assert "Traceback" not in output, output[-3000:]
