"""A throwaway PostgreSQL 15 server for the tests, from the machine's own binaries.

initdb and pg_ctl run as an unprivileged user (PostgreSQL refuses root) in a temporary
directory, listening only on 127.0.0.1 at a free port; ``stop`` removes it all. For the
fault tests, a server can also be shut down and started again on its data (``halt``,
``resume``), and frozen with SIGSTOP and thawed with SIGCONT (``freeze``, ``thaw``).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


class PostgresUnavailable(Exception):
    pass


def _binaries() -> Path:
    for pattern in ("/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/*/bin"):
        for folder in sorted(glob.glob(pattern), reverse=True):
            if (Path(folder) / "initdb").exists():
                return Path(folder)
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise PostgresUnavailable("no initdb: install PostgreSQL 15 (Debian package postgresql-15)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Postgres:
    folder: Path
    port: int
    bin: Path
    user: str | None

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://medfin@127.0.0.1:{self.port}/postgres"

    def new_database(self, name: str) -> str:
        """The URL of a new, empty database ``name`` on this server."""
        import psycopg

        with psycopg.connect(self.url.replace("+psycopg", ""), autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        return self.url.rsplit("/", 1)[0] + f"/{name}"

    def _run(self, *command: str) -> subprocess.CompletedProcess[str]:
        argv = [str(self.bin / command[0]), *command[1:]]
        if self.user:
            argv = ["runuser", "-u", self.user, "--", *argv]
        return subprocess.run(argv, capture_output=True, text=True, timeout=120)

    def start(self) -> Postgres:
        data = self.folder / "data"
        done = self._run("initdb", "-D", str(data), "-U", "medfin", "--auth=trust", "-E", "UTF8", "--no-sync")
        if done.returncode:
            raise PostgresUnavailable(f"initdb failed: {done.stderr.strip()}")
        return self.resume()

    def resume(self) -> Postgres:
        """Start the server on its data folder and port; return once it takes connections."""
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c max_connections=200 -c fsync=on"
        data = str(self.folder / "data")
        done = self._run("pg_ctl", "-D", data, "-o", options, "-l", str(self.folder / "log"), "-w", "start")
        if done.returncode:
            raise PostgresUnavailable(f"pg_ctl start failed: {done.stderr.strip()} {self.log()}")
        return self

    def halt(self) -> None:
        """Shut the server down as an administrator would (``pg_ctl stop``), keeping its data."""
        done = self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")
        if done.returncode:
            raise PostgresUnavailable(f"pg_ctl stop failed: {done.stderr.strip()} {self.log()}")

    def processes(self) -> list[int]:
        """The postmaster (first, from ``postmaster.pid``) and every process it started."""
        postmaster = int((self.folder / "data" / "postmaster.pid").read_text().split()[0])
        children = []
        for stat in glob.glob("/proc/[0-9]*/stat"):
            try:
                fields = Path(stat).read_text().rsplit(")", 1)[1].split()
            except OSError:  # the process ended meanwhile
                continue
            if int(fields[1]) == postmaster:  # field 4 of stat, the parent's pid
                children.append(int(Path(stat).parent.name))
        return [postmaster, *children]

    def freeze(self) -> None:
        """SIGSTOP the postmaster, then its backends: the server answers nothing at all,
        while the kernel still accepts connections on its port."""
        for pid in self.processes():
            os.kill(pid, signal.SIGSTOP)

    def thaw(self) -> None:
        """SIGCONT every process ``freeze`` stopped."""
        for pid in reversed(self.processes()):
            os.kill(pid, signal.SIGCONT)

    def log(self) -> str:
        path = self.folder / "log"
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


def start_postgres() -> Postgres:
    """A running server; ``PostgresUnavailable`` if this machine cannot run one."""
    binaries = _binaries()
    user = None
    folder = Path(tempfile.mkdtemp(prefix="medfin-pg-"))
    if os.geteuid() == 0:
        user = _unprivileged_user()
        account = pwd.getpwnam(user)
        os.chown(folder, account.pw_uid, account.pw_gid)
    server = Postgres(folder, _free_port(), binaries, user)
    deadline = time.monotonic() + 5
    while True:
        try:
            return server.start()
        except PostgresUnavailable:
            if time.monotonic() > deadline:
                shutil.rmtree(folder, ignore_errors=True)
                raise
            server.port = _free_port()


def _unprivileged_user() -> str:
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise PostgresUnavailable("running as root and no unprivileged user (postgres, nobody) to run PostgreSQL")


def start_postgres_for_tests() -> Postgres:
    """``start_postgres()`` for a fixture: where none can run the test is skipped, except
    in CI, where it fails (the storage tests there must cover both databases)."""
    import pytest

    try:
        return start_postgres()
    except PostgresUnavailable as error:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI: {error}")
        pytest.skip(f"PostgreSQL unavailable: {error}")
