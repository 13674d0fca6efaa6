"""Target d (issue 13): what a request costs as the log grows, against an echo of the same size.

For each database (a throwaway SQLite file; PostgreSQL 15 when its binaries are on this
machine, started as the tests start it, ``tests/postgres.py``), the phase serves
``decisions`` copies of the tests' fictitious decision and one more (``bench.fill``)
from two stores, and measures both in the same rounds, taking turns, so that what the
machine does meanwhile falls on both alike:

- **small**: a short log. 100 of the decisions hold 10 events each (the shipped
  proposal, Kommunstyrelsen's adoption, the ERDF's approval, 7 disbursements), every
  other decision only its shipped proposal (about 2 000 events in all). Measured: the
  first of the 100 (it stays at 10 events: the writes go to the 99 others).
- **large**: every decision at ``events`` events (100) and one, ``ks-2099-0001``, at
  ``large`` (10 000): about 110 000 events. Measured: that one (the writes go to it, so
  it grows by the run's writes).

Each store is served by one gunicorn worker of medfin's own settings, the echo
(``bench/echo.py``) by another, under the same command line, and one load generator
(``bench.client``, 4 connections, a new connection a request) drives them. Four
requests, each beside an echo that answers a body of the same size as its answer:

- ``GET .../commitment?as_of=2026-12-31``, answered 200;
- the same with ``If-None-Match`` (its ETag, fetched again before each turn, since the
  writes change it), answered 304, beside an echo of an empty body;
- ``POST .../events``, a disbursement of 10.00 with a registrar token, answered 201,
  beside an echo that reads the same JSON body;
- ``GET /v1/changes?limit=100``: pages of 100, the first from where the filling began
  (``since=``), the others at the ``next`` cursor of the one before, answered 200.

Each request's cost is its worker's CPU time (every thread's schedstat) divided by the
requests; on PostgreSQL the database server's own CPU time is recorded beside it (the
work SQLite does inside the worker, a server does in its own processes), but the ratio,
as in ``bench/web.py``, is the worker's. A request may cost seconds here, so the number
of requests a turn is chosen from the warm-up: as many as take about ``budget`` seconds,
between 1 and ``max_slice``. In each of ``rounds`` rounds, each store's phases take
turns in an order that turns, the stores in turn first; each ratio is the median over
rounds of request/echo within a round. Then, for each store, the same writes'
throughput (events/s, wall clock, 8 connections) with 1, 2 and 4 workers.
Each worker's RSS is read after its warm-up, and again after the rounds.

Targets (issue 13): commitment and 304 at most 2x the echo's CPU, a recorded
disbursement at most 3x, a page of changes at most 3x, each at most 1.2x apart between
small and large, worker RSS under 100 MB. Throughput has none: it is reported.
"""

from __future__ import annotations

import http.client
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from bench import fill
from bench.servers import ROOT, LoadClient, Server, _cpu_seconds, environment

#: The two stores, measured in the same rounds.
SIZES = ("small", "large")
#: The measured decision's size in the small log, and how many decisions have it.
SMALL_EVENTS, SMALL_DECISIONS = 10, 100
AS_OF = "2026-12-31"
LIMIT = 100
#: Each request beside the echo phase it is compared with.
PAIRS = {"commitment": "echo-commitment", "revalidated": "echo-empty", "write": "echo-write", "changes": "echo-changes"}
TARGETS = {"commitment": 2.0, "revalidated": 2.0, "write": 3.0, "changes": 3.0}
APART = 1.2
RSS_TARGET_MB = 100.0
#: Generous: a worker of a store prepared before starts in seconds.
START_SECONDS = 900
WORKER_TIMEOUT = 600
CONCURRENCY, WRITE_CONCURRENCY = 4, 8
#: A token bucket this large never refuses: the throughput is the store's, not the limit's
#: (each write still takes from it, as any write does).
UNLIMITED = {"MEDFIN_WRITE_LIMIT": "1000000000", "MEDFIN_WRITE_LIMIT_PERIOD": "1"}
#: The workers start as ``medfin serve`` starts them: the store was prepared and the
#: decisions checked once before (here by the fill), so a worker only opens them.
AS_SERVED = {"MEDFIN_PREPARE_DATABASE": "false", "MEDFIN_CHECK_DECISIONS": "false"}


def postgres_available() -> bool:
    """Whether this machine has PostgreSQL's binaries (``tests/postgres.py`` looks for them)."""
    postgres = _postgres_module()
    try:
        postgres._binaries()
        return True
    except postgres.PostgresUnavailable:
        return False


@cache
def _postgres_module() -> Any:
    """tests/postgres.py, read from its file (``tests`` is no package)."""
    name = "medfin_bench_postgres"
    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "postgres.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


def measure(
    decisions: int = 1000,
    events: int = 100,
    large: int = 10_000,
    databases: tuple[str, ...] = ("sqlite", "postgresql"),
    rounds: int = 7,
    budget: float = 1.0,
    max_slice: int = 600,
    pages: int = 5,
    workers: tuple[int, ...] = (1, 2, 4),
    write_seconds: float = 5.0,
    progress: Callable[[str], None] = lambda _: None,
) -> dict[str, Any]:
    """The history phase on each of ``databases``; see the module's text."""
    settings = {
        "decisions": decisions,
        "events": events,
        "large": large,
        "small_events": SMALL_EVENTS,
        "small_decisions": min(SMALL_DECISIONS, decisions),
        "rounds": rounds,
        "budget_seconds": budget,
        "max_slice": max_slice,
        "pages": pages,
        "workers": list(workers),
        "write_seconds": write_seconds,
        "concurrency": CONCURRENCY,
        "write_concurrency": WRITE_CONCURRENCY,
    }
    found: dict[str, Any] = {"settings": settings, "databases": {}, "skipped": {}}
    for database in databases:
        if database == "postgresql" and not postgres_available():
            found["skipped"][database] = "no PostgreSQL binaries on this machine"
            progress("history: PostgreSQL unavailable, skipped")
            continue
        with tempfile.TemporaryDirectory(prefix="medfin-history-") as folder:
            found["databases"][database] = _database(database, Path(folder), settings, progress)
    return found


def _database(database: str, folder: Path, settings: dict[str, Any], progress: Callable[[str], None]) -> dict[str, Any]:
    decisions_folder = folder / "decisions"
    decisions_folder.mkdir()
    ids = fill.generate(decisions_folder, settings["decisions"])
    many, the_large = ids[:-1], ids[-1]
    small = many[: settings["small_decisions"]]
    postgres, database_cpu = None, None
    if database == "sqlite":
        urls = {size: f"sqlite:///{folder / f'history-{size}.sqlite3'}" for size in SIZES}
    else:
        postgres = _postgres_module().start_postgres()
        urls = {size: postgres.new_database(f"medfin_history_{size}") for size in SIZES}
        server = postgres

        def database_cpu() -> float:
            return sum(_cpu_seconds(pid) for pid in server.processes())

    envs = {
        size: {"MEDFIN_DATABASE_URL": urls[size], "MEDFIN_DECISIONS_DIR": str(decisions_folder), **UNLIMITED}
        for size in SIZES
    }
    # What each store is measured at, and where its writes go: the small one's to the
    # others of its 100 (the measured decision stays at 10 events), the large one's to it.
    plans = {"small": (small[0], small[1:] or small), "large": (the_large, [the_large])}
    try:
        progress(f"history {database}: preparing {len(ids)} decisions, filling the small log")
        fills = {"small": _fill(envs["small"], {d: SMALL_EVENTS for d in small}, token=True)}
        progress(f"history {database}: small log ({fills['small']['events']} events), filling the large log")
        targets = {d: settings["events"] for d in many} | {the_large: settings["large"]}
        fills["large"] = _fill(envs["large"], targets, token=True)
        progress(f"history {database}: large log ({fills['large']['events']} events)")
        tokens = {size: fills[size].pop("token") for size in SIZES}
        stages = _stages(envs, tokens, plans, fills, settings, database_cpu, progress)
    finally:
        if postgres is not None:
            postgres.stop()
    apart = {p: stages["large"]["ratio_cpu"][p] / stages["small"]["ratio_cpu"][p] for p in PAIRS}
    rss = [kib for stage in stages.values() for kib in _all_rss(stage)]
    return {
        "database": database,
        "served_decisions": len(ids) + 1,  # and the shipped one
        "fills": fills,
        "stages": stages,
        "apart": apart,
        "rss_max_kib": max(rss),
    }


def _all_rss(stage: dict[str, Any]) -> list[int]:
    found = [*stage["rss_kib_after_warmup"].values(), *stage["rss_kib_after"].values()]
    for run in stage["throughput"].values():
        found += run["rss_kib"].values()
    return found


def _fill(env: dict[str, str], targets: dict[str, int], *, token: bool) -> dict[str, Any]:
    command = json.dumps({"token": token, "targets": targets})
    done = subprocess.run(
        [sys.executable, "-m", "bench.fill", command],
        cwd=ROOT,
        env=environment(env),
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"history: filling the store failed ({done.returncode}):\n{done.stderr[:3000]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# ---------------------------------------------------------------- requests


def _raw(method: str, port: int, path: str, headers: dict[str, str], body: bytes = b"") -> str:
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
    for name, value in headers.items():
        head += f"{name}: {value}\r\n"
    if method == "POST":
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return head + "Connection: close\r\n\r\n" + body.decode("ascii")


def _ask(
    port: int, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, http.client.HTTPMessage, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        headers = dict(headers or {})
        if body is not None:
            headers["Content-Type"] = "application/json"
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


class _Phase:
    """One kind of request, on one server: what it sends, and what it must be answered."""

    def __init__(
        self,
        name: str,
        server: Server,
        requests: Callable[[], list[str]],
        status: str,
        database_cpu: Callable[[], float] | None,
    ) -> None:
        self.name, self.server, self.requests, self.status = name, server, requests, status
        self.database_cpu = database_cpu if not name.startswith("echo") else None
        self.count = 1

    def run(self, client: LoadClient, count: int) -> dict[str, Any]:
        requests = self.requests()
        cpu_before = self.server.cpu_seconds()
        database_before = self.database_cpu() if self.database_cpu else 0.0
        result = client.send(self.server.port, requests, count, CONCURRENCY)
        cpu = self.server.cpu_seconds() - cpu_before
        database = (self.database_cpu() - database_before) if self.database_cpu else None
        if set(result["statuses"]) != {self.status}:
            raise RuntimeError(f"history: {self.name} answered {result['statuses']}, not only {self.status}")
        result.update(
            phase=self.name,
            requests_per_second=count / result["seconds"],
            cpu_microseconds_per_request=cpu * 1e6 / count,
            database_microseconds_per_request=None if database is None else database * 1e6 / count,
        )
        return result


def _write_bodies(count: int) -> list[bytes]:
    return [json.dumps(fill.disbursement(n, reference=f"bench-{n:05d}")).encode("ascii") for n in range(count)]


def _write_requests(port: int, token: str, writers: list[str]) -> list[str]:
    bodies = _write_bodies(max(50, len(writers)))
    auth = {"Authorization": f"Bearer {token}"}
    return [
        _raw("POST", port, f"/v1/decisions/{writers[n % len(writers)]}/events", auth, body)
        for n, body in enumerate(bodies)
    ]


def _walk(port: int, since: str, pages: int) -> tuple[list[str], list[int]]:
    """Up to ``pages`` pages of the feed: the first from ``since``, then each at the
    ``next`` cursor of the one before; their paths and sizes. Only the last may be short."""
    path = f"/v1/changes?limit={LIMIT}&since={quote(since)}"
    paths: list[str] = []
    sizes: list[int] = []
    while len(paths) < pages:
        status, _, body = _ask(port, "GET", path)
        if status != 200:
            raise RuntimeError(f"history: {path} answered {status}")
        document = json.loads(body)
        if not document["items"]:
            break
        paths.append(path)
        sizes.append(len(body))
        if not document["more"]:
            break
        path = f"/v1/changes?limit={LIMIT}&after={document['next']}"
    if not paths:
        raise RuntimeError("history: the feed has nothing after the filling began")
    return paths, sizes


def _commitment(port: int, decision: str) -> tuple[dict[str, Any], bytes, str]:
    status, headers, body = _ask(port, "GET", f"/v1/decisions/{decision}/commitment?as_of={AS_OF}")
    if status != 200:
        raise RuntimeError(f"history: the commitment of {decision} answered {status}")
    document = json.loads(body)
    if document["status"] != "in_force":
        raise RuntimeError(f"history: {decision} is {document['status']}, not in_force")
    return document, body, str(headers["ETag"])


# ---------------------------------------------------------------- one stage


@dataclass
class _Stage:
    """One store, served by one worker, and what is asked of it."""

    size: str
    service: Server
    decision: str
    writers: list[str]
    started: float
    before: dict[str, Any]
    sizes: dict[str, int]
    phases: list[_Phase]
    results: list[dict[str, Any]] = field(default_factory=list)
    rss_warm: dict[str, int] = field(default_factory=dict)


def _stages(
    envs: dict[str, dict[str, str]],
    tokens: dict[str, str],
    plans: dict[str, tuple[str, list[str]]],
    fills: dict[str, dict[str, Any]],
    settings: dict[str, Any],
    database_cpu: Callable[[], float] | None,
    progress: Callable[[str], None],
) -> dict[str, dict[str, Any]]:
    """Both stores measured in the same rounds, taking turns, so that what the machine
    does meanwhile falls on both alike and their ratio of ratios (``apart``) is not
    read minutes apart; then each one's write throughput."""
    servers: list[Server] = []
    client = None
    try:
        echo = Server("echo", "bench.echo:create_app()", workers=1, timeout=WORKER_TIMEOUT)
        servers.append(echo)
        echo.wait_ready("/fixed/0")
        stages = []
        for size in SIZES:
            decision, writers = plans[size]
            began = time.monotonic()
            service = Server(
                "service", "service:create_app()", {**envs[size], **AS_SERVED}, workers=1, timeout=WORKER_TIMEOUT
            )
            servers.append(service)
            service.wait_ready(f"/v1/decisions/{decision}", timeout=START_SECONDS)
            started = time.monotonic() - began
            plan = (decision, writers)
            opened = _opened(size, service, echo, plan, started, tokens[size], fills[size], settings, database_cpu)
            stages.append(opened)
        client = LoadClient()
        for stage in stages:
            progress(f"  warm-up ({stage.size}: {stage.decision}, {stage.before['facts']['events']['count']} events)")
            for phase in stage.phases:  # a probe, then one turn's worth: the warm-up
                probe = phase.run(client, 2)
                per_request = probe["seconds"] / 2
                phase.count = max(1, min(settings["max_slice"], round(settings["budget_seconds"] / per_request)))
                phase.run(client, phase.count)
            stage.rss_warm = stage.service.rss_kib()
        for number in range(settings["rounds"]):
            progress(f"  round {number + 1} of {settings['rounds']}")
            for stage in stages if number % 2 == 0 else stages[::-1]:
                shift = number % len(stage.phases)
                turn = stage.phases[shift:] + stage.phases[:shift]
                stage.results.append({phase.name: phase.run(client, phase.count) for phase in turn})
        found = {}
        for stage in stages:
            after, _, _ = _commitment(stage.service.port, stage.decision)
            found[stage.size] = _summary(stage, after, stage.service.rss_kib(), fills[stage.size]["events"])
    finally:
        if client is not None:
            client.close()
        for server in servers:
            server.stop()
    for stage in stages:
        progress(f"  write throughput ({stage.size})")
        found[stage.size]["throughput"] = {
            str(w): _throughput(envs[stage.size], tokens[stage.size], stage.writers, w, settings["write_seconds"])
            for w in settings["workers"]
        }
    return found


def _opened(
    size: str,
    service: Server,
    echo: Server,
    plan: tuple[str, list[str]],
    started: float,
    token: str,
    filled: dict[str, Any],
    settings: dict[str, Any],
    database_cpu: Callable[[], float] | None,
) -> _Stage:
    """A served store's first answers (one write among them, which must be stored), and
    the phases that measure it."""
    (decision, writers), port = plan, service.port
    before, commitment_body, _ = _commitment(port, decision)
    write_requests = _write_requests(port, token, writers)
    auth = {"Authorization": f"Bearer {token}"}
    status, _, written = _ask(port, "POST", f"/v1/decisions/{writers[0]}/events", _write_bodies(1)[0], auth)
    if status != 201:
        raise RuntimeError(f"history: a disbursement answered {status}: {written[:500]!r}")
    page_paths, page_sizes = _walk(port, filled["began_at"], settings["pages"])
    sizes = {
        "commitment": len(commitment_body),
        "revalidated": 0,
        "write": len(written),
        "write_request": len(_write_bodies(1)[0]),
        "changes": round(statistics.mean(page_sizes)),
    }
    phases = _phases(echo, service, decision, write_requests, page_paths, sizes, database_cpu)
    return _Stage(size, service, decision, writers, started, before, sizes, phases)


def _summary(stage: _Stage, after: dict[str, Any], rss_after: int, log_events: int) -> dict[str, Any]:
    results, phases = stage.results, stage.phases
    return {
        "decision": stage.decision,
        "events_before": stage.before["facts"]["events"]["count"],
        "events_after": after["facts"]["events"]["count"],
        "log_events": log_events,
        "start_seconds": stage.started,
        "sizes": stage.sizes,
        "counts": {phase.name: phase.count for phase in phases},
        "rounds": results,
        "statuses": {p.name: dict(sum((Counter(r[p.name]["statuses"]) for r in results), Counter())) for p in phases},
        "cpu_microseconds_per_request": {
            p.name: statistics.median(r[p.name]["cpu_microseconds_per_request"] for r in results) for p in phases
        },
        "database_microseconds_per_request": {
            p: statistics.median(r[p]["database_microseconds_per_request"] for r in results)
            for p in PAIRS
            if any(phase.database_cpu is not None for phase in phases)
        },
        "ratio_cpu": {p: statistics.median(_ratios(results, p)) for p in PAIRS},
        "ratio_cpu_rounds": {p: _ratios(results, p) for p in PAIRS},
        "rss_kib_after_warmup": stage.rss_warm,
        "rss_kib_after": rss_after,
    }


def _ratios(results: list[dict[str, Any]], phase: str) -> list[float]:
    key = "cpu_microseconds_per_request"
    return [r[phase][key] / r[PAIRS[phase]][key] for r in results]


def _phases(
    echo: Server,
    service: Server,
    decision: str,
    write_requests: list[str],
    page_paths: list[str],
    sizes: dict[str, int],
    database_cpu: Callable[[], float] | None,
) -> list[_Phase]:
    port, path = service.port, f"/v1/decisions/{decision}/commitment?as_of={AS_OF}"

    def revalidations() -> list[str]:
        # Fetched again before each turn: the writes of the turn before changed it.
        _, headers, _ = _ask(port, "GET", path)
        return [_raw("GET", port, path, {"If-None-Match": str(headers["ETag"])})]

    def fixed(size: int, body: bytes = b"") -> Callable[[], list[str]]:
        method = "POST" if body else "GET"
        requests = [_raw(method, echo.port, f"/fixed/{size}", {}, body)]
        return lambda: requests

    def constant(requests: list[str]) -> Callable[[], list[str]]:
        return lambda: requests

    write_body = _write_bodies(1)[0]
    return [
        _Phase("echo-commitment", echo, fixed(sizes["commitment"]), "200", None),
        _Phase("commitment", service, constant([_raw("GET", port, path, {})]), "200", database_cpu),
        _Phase("echo-empty", echo, fixed(0), "200", None),
        _Phase("revalidated", service, revalidations, "304", database_cpu),
        _Phase("echo-write", echo, fixed(sizes["write"], write_body), "200", None),
        _Phase("write", service, constant(write_requests), "201", database_cpu),
        _Phase("echo-changes", echo, fixed(sizes["changes"]), "200", None),
        _Phase("changes", service, constant([_raw("GET", port, p, {}) for p in page_paths]), "200", database_cpu),
    ]


def _throughput(env: dict[str, str], token: str, writers: list[str], workers: int, seconds: float) -> dict[str, Any]:
    """Disbursements recorded a second, wall clock, by ``workers`` workers."""
    service = Server("service", "service:create_app()", {**env, **AS_SERVED}, workers=workers, timeout=WORKER_TIMEOUT)
    client = None
    try:
        began = time.monotonic()
        service.wait_ready(f"/v1/decisions/{writers[0]}", timeout=START_SECONDS)
        started = time.monotonic() - began
        requests = _write_requests(service.port, token, writers)
        client = LoadClient()
        warm = client.send(service.port, requests, 4 * workers, WRITE_CONCURRENCY)  # every worker warm
        probe = client.send(service.port, requests, 2 * WRITE_CONCURRENCY, WRITE_CONCURRENCY)
        rate = probe["count"] / probe["seconds"]
        count = max(2 * WRITE_CONCURRENCY, min(5000, round(rate * seconds)))
        result = client.send(service.port, requests, count, WRITE_CONCURRENCY)
        rss = service.rss_kib()
    finally:
        if client is not None:
            client.close()
        service.stop()
    recorded = result["statuses"].get("201", 0)
    return {
        "workers": workers,
        "start_seconds": started,
        "count": count,
        "seconds": result["seconds"],
        "statuses": result["statuses"],
        # Those of the untimed warm-up and probe: a refusal there is a finding too.
        "warmup_statuses": dict(Counter(warm["statuses"]) + Counter(probe["statuses"])),
        "events_per_second": recorded / result["seconds"],
        "rss_kib": rss,
    }
