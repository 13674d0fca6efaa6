"""Targets b and c: the service over HTTP against a bare Flask echo, and its memory.

Both run under gunicorn at the same time (on different ports), driven one at a time
by the same load generator (``bench.client``, another process). Each round sends
the same what-if bodies to echo and to evaluate, a body no other round sends (every
request of the run is its own scenario), plus GETs of the commitment. Within a round
the three take turns in slices of ``SLICE`` requests, in an order that turns, so
that the machine's other work weighs on all three alike. Per phase it records the
wall time (requests/s) and the workers' CPU time from every thread's schedstat (CPU
per request, which the client's own CPU use and the other server's idle workers do
not disturb). Ratios are taken within each round and the median over rounds is
reported.
"""

from __future__ import annotations

import http.client
import json
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from bench.scenarios import as_body, generate
from bench.servers import ROOT, WORKERS, LoadClient, Server, environment
from service import gunicorn_conf

DECISION = "/v1/decisions/ks-2024-1371-481"
EVALUATE = f"{DECISION}/evaluate"
COMMITMENT = f"{DECISION}/commitment?as_of=2025-06-01"
#: Requests a phase sends before the next phase takes its turn within a round.
SLICE = 250


def _post(port: int, path: str, body: bytes) -> str:
    return (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ) + body.decode("ascii")


def _get(port: int, path: str, etag: str | None) -> str:
    condition = f"If-None-Match: {etag}\r\n" if etag else ""
    return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{condition}Connection: close\r\n\r\n"


def _etag(port: int) -> str | None:
    """The commitment's ETag, if the service sends one: the client then asks with
    If-None-Match, as a cache would, and is answered 304 Not Modified."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", COMMITMENT)
        response = connection.getresponse()
        response.read()
        return response.getheader("ETag")
    finally:
        connection.close()


def _check_evaluate(port: int, body: bytes) -> None:
    """One evaluate request, answered 200 with a status: the benchmark measures answers, not errors."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("POST", EVALUATE, body, {"Content-Type": "application/json"})
        response = connection.getresponse()
        document = json.loads(response.read())
        if response.status != 200 or "status" not in document:
            raise RuntimeError(f"evaluate answered {response.status}: {document}")
    finally:
        connection.close()


class _Load:
    """The load generator process, and what each kind of phase sends."""

    def __init__(self, echo: Server, service: Server, concurrency: int, first_body: bytes) -> None:
        _check_evaluate(service.port, first_body)
        self.echo, self.service, self.concurrency = echo, service, concurrency
        self.etag = _etag(service.port)
        self.client = LoadClient()

    def run(self, phase: str, bodies: list[bytes]) -> dict[str, Any]:
        """One request per body (echo, evaluate), or as many GETs of the commitment."""
        if phase == "commitment":
            server, requests = self.service, [_get(self.service.port, COMMITMENT, self.etag)]
        elif phase == "echo":
            server, requests = self.echo, [_post(self.echo.port, "/echo", b) for b in bodies]
        else:
            server, requests = self.service, [_post(self.service.port, EVALUATE, b) for b in bodies]
        count = len(bodies)
        cpu_before = server.cpu_seconds()
        result = self.client.send(server.port, requests, count, self.concurrency)
        cpu = server.cpu_seconds() - cpu_before
        result.update(
            phase=phase,
            requests_per_second=count / result["seconds"],
            cpu_microseconds_per_request=cpu * 1e6 / count,
        )
        return result

    def close(self) -> None:
        self.client.close()


def measure(rounds: int = 10, per_round: int = 2000, warmup: int = 6000, concurrency: int = 4) -> dict[str, Any]:
    """Run both servers, warm them up, then ``rounds`` rounds of ``per_round`` requests each."""
    with tempfile.TemporaryDirectory(prefix="medfin-bench-") as folder:
        return _measure(Path(folder), rounds, per_round, warmup, concurrency)


def _prepare_store(folder: Path) -> dict[str, str]:
    """A throwaway SQLite store, migrated and loaded once before the workers start
    (as ``medfin serve`` does), so that the benchmark never touches a real one."""
    env = {"MEDFIN_DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}"}
    prepare = "from service import create_app; create_app()"
    subprocess.run([sys.executable, "-c", prepare], cwd=ROOT, env=environment(env), check=True)
    return env


def _measure(folder: Path, rounds: int, per_round: int, warmup: int, concurrency: int) -> dict[str, Any]:
    env = _prepare_store(folder)
    servers: list[Server] = []
    load = None
    try:
        echo = Server("echo", "bench.echo:create_app()")
        servers.append(echo)
        service = Server("service", "service:create_app()", env)
        servers.append(service)
        echo.wait_ready("/echo")
        service.wait_ready(DECISION)
        # Every request its own what-if, as many as the run sends: none is answered
        # from a cache that only a repeated body would fill.
        bodies = [json.dumps(as_body(s)).encode("ascii") for s in generate(warmup + rounds * per_round, seed=2024)]
        load = _Load(echo, service, concurrency, bodies[0])
        phases = ["echo", "evaluate", "commitment"]
        for phase in phases:
            load.run(phase, bodies[:warmup])
        rss_warm = service.rss_kib()
        results = []
        for number in range(rounds):
            chunk = bodies[warmup + number * per_round : warmup + (number + 1) * per_round]
            results.append(_round(load, chunk, phases, turn=number))
        rss_after = service.rss_kib()
        echo_rss = echo.rss_kib()
    finally:
        if load is not None:
            load.close()
        for server in servers:
            server.stop()
    return _summary(results, rss_warm, rss_after, echo_rss, rounds * per_round, concurrency, load.etag)


def _round(load: _Load, chunk: list[bytes], phases: list[str], turn: int) -> dict[str, dict[str, Any]]:
    """One round: the phases take turns in slices of ``SLICE`` requests, so that a
    neighbour's burst on this shared machine falls on all of them alike, not on
    whichever phase ran during it; each phase's slices are then added up."""
    slices: dict[str, list[dict[str, Any]]] = {phase: [] for phase in phases}
    for number, start in enumerate(range(0, len(chunk), SLICE)):
        shift = (turn + number) % len(phases)
        for phase in phases[shift:] + phases[:shift]:
            slices[phase].append(load.run(phase, chunk[start : start + SLICE]))
    return {phase: _added(parts) for phase, parts in slices.items()}


def _added(parts: list[dict[str, Any]]) -> dict[str, Any]:
    count, seconds = sum(p["count"] for p in parts), sum(p["seconds"] for p in parts)
    cpu = sum(p["cpu_microseconds_per_request"] * p["count"] for p in parts)
    statuses: Counter[str] = sum((Counter(p["statuses"]) for p in parts), Counter())
    return {
        "phase": parts[0]["phase"],
        "count": count,
        "seconds": seconds,
        "statuses": dict(statuses),
        "requests_per_second": count / seconds,
        "cpu_microseconds_per_request": cpu / count,
    }


def _median(results: list[dict[str, Any]], phase: str, key: str) -> float:
    return float(statistics.median(r[phase][key] for r in results))


def _ratios(results: list[dict[str, Any]], phase: str, key: str, *, inverse: bool = False) -> list[float]:
    """Each round's phase/echo (echo/phase with ``inverse``), the pair measured side by side."""
    pairs = [(r[phase][key], r["echo"][key]) for r in results]
    return [(e / p) if inverse else (p / e) for p, e in pairs]


def _ratio(results: list[dict[str, Any]], phase: str, key: str, *, inverse: bool = False) -> float:
    """The median over rounds of ``_ratios``."""
    return float(statistics.median(_ratios(results, phase, key, inverse=inverse)))


def _summary(
    results: list[dict[str, Any]],
    rss_warm: dict[int, int],
    rss_after: dict[int, int],
    echo_rss: dict[int, int],
    evaluate_requests: int,
    concurrency: int,
    etag: str | None,
) -> dict[str, Any]:
    growth = {pid: rss_after.get(pid, 0) - kib for pid, kib in rss_warm.items()}
    statuses = {phase: dict(sum((Counter(r[phase]["statuses"]) for r in results), Counter())) for phase in results[0]}
    return {
        "workers": WORKERS,
        "worker_class": f"{gunicorn_conf.worker_class.__name__} ({gunicorn_conf.threads} threads)",
        "concurrency": concurrency,
        "rounds": results,
        "statuses": statuses,
        "commitment_etag": etag,
        "requests_per_second": {p: _median(results, p, "requests_per_second") for p in results[0]},
        "cpu_microseconds_per_request": {p: _median(results, p, "cpu_microseconds_per_request") for p in results[0]},
        "ratio_cpu": {p: _ratio(results, p, "cpu_microseconds_per_request") for p in ("evaluate", "commitment")},
        "ratio_cpu_rounds": {
            p: _ratios(results, p, "cpu_microseconds_per_request") for p in ("evaluate", "commitment")
        },
        "ratio_throughput": {
            p: _ratio(results, p, "requests_per_second", inverse=True) for p in ("evaluate", "commitment")
        },
        "memory": {
            "evaluate_requests_between": evaluate_requests,
            "rss_kib_after_warmup": rss_warm,
            "rss_kib_after": rss_after,
            "growth_kib": growth,
            "echo_rss_kib": echo_rss,
        },
    }
