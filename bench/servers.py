"""Gunicorn servers for the benchmark, and what ``/proc`` says about their workers.

Both apps run under the same command line (``WORKERS`` workers, no access log,
127.0.0.1 on a free port, and medfin's own gunicorn settings,
``service/gunicorn_conf.py``, as ``medfin serve`` runs: its worker class, threads and
timeouts), so the only difference between them is the app.
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
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WORKERS = 2


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment without the machine's own ``MEDFIN_*`` settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEDFIN_")}
    return {**env, **(extra or {})}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def gunicorn_command(app: str, port: int, workers: int = WORKERS, timeout: int = 60) -> list[str]:
    """The command line both apps run under; only ``app`` differs (and, in the history
    phase, the number of workers and how long one may take to start)."""
    return [
        sys.executable, "-m", "gunicorn", app,
        "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers),
        "--backlog", "512",
        "--timeout", str(timeout),
        "--log-level", "warning",
        "--no-control-socket",  # one per user by default: two servers would share it
        # medfin's own gunicorn settings (the worker class that buffers requests, its
        # threads and timeouts, freezing what the app loaded), as medfin serve runs.
        "--config", str(ROOT / "service" / "gunicorn_conf.py"),
    ]  # fmt: skip


class Server:
    """One gunicorn master with ``workers`` (``WORKERS``) workers of ``gunicorn_conf``'s class serving ``app``."""

    def __init__(
        self, name: str, app: str, env: dict[str, str] | None = None, *, workers: int = WORKERS, timeout: int = 60
    ) -> None:
        self.name, self.app, self.port, self.count = name, app, free_port(), workers
        command = gunicorn_command(app, self.port, workers, timeout)
        self.process = subprocess.Popen(command, cwd=ROOT, env=environment(env), stdin=subprocess.DEVNULL)

    def wait_ready(self, path: str, timeout: float = 30.0) -> None:
        """Until every worker is up and ``GET path`` answers (any status)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name}: gunicorn exited with {self.process.returncode}")
            if len(self.workers()) == self.count and _answers(self.port, path):
                return
            time.sleep(0.1)
        raise RuntimeError(f"{self.name}: not ready after {timeout} s")

    def workers(self) -> list[int]:
        """The worker processes: children of the master."""
        return _children(self.process.pid)

    def cpu_seconds(self) -> float:
        """User and system CPU time of every worker so far."""
        return sum(_cpu_seconds(pid) for pid in self.workers())

    def rss_kib(self) -> dict[int, int]:
        """Each worker's resident set size (VmRSS), in KiB."""
        return {pid: _rss_kib(pid) for pid in self.workers()}

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # gunicorn: graceful shutdown
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _answers(port: int, path: str) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("GET", path)
        connection.getresponse().read()
        return True
    except OSError:
        return False
    finally:
        connection.close()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:  # gone meanwhile
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return sorted(found)


def _cpu_seconds(pid: int) -> float:
    """The time ``pid`` has run on a CPU, user and system, in every one of its threads: the
    scheduler's own count in nanoseconds (``/proc/<pid>/task/<tid>/schedstat``), not the
    10 ms ticks of ``/proc/<pid>/stat``, which would blur a round's few hundred ticks by a
    percent or two. Every thread, not ``/proc/<pid>/schedstat``, which is the main
    thread's alone: a gthread worker runs its requests on the threads of its pool, and
    its main thread only waits for sockets. (A thread that has ended takes its count
    with it; gunicorn's pool threads live as long as their worker.)"""
    total = 0
    try:
        threads = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return 0.0
    for thread in threads:
        try:
            total += int((thread / "schedstat").read_text().split()[0])
        except OSError:  # ended meanwhile
            continue
    return total / 1e9


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


class LoadClient:
    """The load generator process (``bench.client``): sends ``count`` of ``requests``
    (raw HTTP texts, taken in turn) to a port, ``concurrency`` at a time, and says how
    long it took and how each was answered."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.client"], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def send(self, port: int, requests: list[str], count: int, concurrency: int) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        command = {"port": port, "requests": requests, "count": count, "concurrency": concurrency}
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        result: dict[str, Any] = json.loads(self.process.stdout.readline())
        return result

    def close(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.process.stdout.close()
