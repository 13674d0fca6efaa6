"""Run the whole benchmark, print the table, write the JSON (see ``bench/__init__.py``).

``python -m bench [--check]`` or ``python bench/run.py [--check]``; ``--no-history``
leaves out the history phase (d), ``--history-only`` runs it alone, and
``--history-decisions``, ``--history-events``, ``--history-large``,
``--history-databases`` and ``--history-rounds`` scale it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import history, inprocess, web  # noqa: E402
from bench.servers import ROOT  # noqa: E402

RESULTS = ROOT / "bench" / "results"
SECONDS_TARGET = 1.0
RATIO_TARGET = 1.5
RSS_TARGET_MB = 100.0
GROWTH_TARGET_KIB = 1024


def _machine() -> dict[str, Any]:
    def git(*args: str) -> str | None:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else None

    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "system": platform.platform(),
        "cpus": os.cpu_count(),
        "commit": git("rev-parse", "HEAD"),
        "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
    }


def _row(
    target: str, measured: str, baseline: str, ratio: float | None, goal: str, passed: bool | None
) -> dict[str, Any]:
    """One line of the table; ``passed`` is None where a figure has no target (it is reported)."""
    return {"target": target, "measured": measured, "baseline": baseline, "ratio": ratio, "goal": goal, "pass": passed}


def _rows(a: dict[str, Any], b: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per target: what was measured, against what, and whether it holds."""
    cpu, rps, memory = b["cpu_microseconds_per_request"], b["requests_per_second"], b["memory"]
    warm_mb, rss_mb = (max(memory[k].values()) / 1024 for k in ("rss_kib_after_warmup", "rss_kib_after"))
    growth, echo_mb = max(memory["growth_kib"].values()), max(memory["echo_rss_kib"].values()) / 1024
    cached = "GET commitment (304)" if b["commitment_etag"] else "GET commitment (no ETag: 200)"
    by_cpu, by_rps, ratio_goal = b["ratio_cpu"], b["ratio_throughput"], f"≤ {RATIO_TARGET:g}x"
    echo_cpu = f"{cpu['echo']:.0f} µs echo"
    rounds = b["ratio_cpu_rounds"]["evaluate"]
    spread = f"rounds {min(rounds):.2f}–{max(rounds):.2f}x"
    return [
        _row(
            "a  100 000 evaluations in-process",
            f"{a['evaluate_seconds']:.3f} s ({a['microseconds_per_evaluation']:.1f} µs each)",
            f"{a['baseline_seconds']:.3f} s building facts",
            a["ratio"],
            f"< {SECONDS_TARGET:g} s",
            a["evaluate_seconds"] < SECONDS_TARGET,
        ),
        _row("b  POST evaluate: CPU per request", f"{cpu['evaluate']:.0f} µs ({spread})", echo_cpu, by_cpu["evaluate"],
             ratio_goal, by_cpu["evaluate"] <= RATIO_TARGET),
        _row("b  POST evaluate: throughput", f"{rps['evaluate']:.0f} req/s", f"{rps['echo']:.0f} req/s echo",
             by_rps["evaluate"], ratio_goal, by_rps["evaluate"] <= RATIO_TARGET),
        _row(f"b  {cached}: CPU per request", f"{cpu['commitment']:.0f} µs, {rps['commitment']:.0f} req/s",
             echo_cpu, by_cpu["commitment"], ratio_goal, by_cpu["commitment"] <= RATIO_TARGET),
        _row(f"c  worker RSS, warm → after {memory['evaluate_requests_between']:,} evaluations",
             f"{warm_mb:.1f} MB → {rss_mb:.1f} MB", f"{echo_mb:.1f} MB echo", None, f"< {RSS_TARGET_MB:g} MB",
             rss_mb < RSS_TARGET_MB),
        _row("c  worker RSS growth", f"{growth:+d} KiB (largest of {len(memory['growth_kib'])})", "", None,
             f"≤ {GROWTH_TARGET_KIB} KiB", growth <= GROWTH_TARGET_KIB),
    ]  # fmt: skip


def _table(rows: list[dict[str, Any]]) -> str:
    header = ("target", "measured", "baseline", "ratio", "goal", "result")
    cells = [
        (
            r["target"],
            r["measured"],
            r["baseline"],
            "" if r["ratio"] is None else f"{r['ratio']:.3f}x",
            r["goal"],
            "" if r["pass"] is None else "PASS" if r["pass"] else "FAIL",
        )
        for r in rows
    ]
    widths = [max(len(str(row[i])) for row in (header, *cells)) for i in range(len(header))]
    lines = ["  ".join(str(value).ljust(width) for value, width in zip(row, widths, strict=True)) for row in cells]
    rule = "  ".join("-" * width for width in widths)
    return "\n".join(["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)), rule, *lines])


DATABASES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
REQUESTS = {
    "commitment": "GET commitment (200)",
    "revalidated": "GET commitment (304)",
    "write": "POST disbursement (201)",
    "changes": "GET changes, page of 100",
}


def _count(number: int) -> str:
    return f"{number:,}".replace(",", " ")


def _size(number: int) -> str:
    return f"{number / 1000:.1f} kB" if number else "no body"


def _history_rows(h: dict[str, Any]) -> list[dict[str, Any]]:
    """Target d: per database, each request at both sizes and their ratio, the write
    throughput, and the workers' memory."""
    rows = []
    for database, found in h["databases"].items():
        name, small, large = DATABASES[database], found["stages"]["small"], found["stages"]["large"]
        sizes = {"small": _count(small["events_before"]), "large": _count(large["events_before"])}
        for phase, label in REQUESTS.items():
            limit = history.TARGETS[phase]
            for key, stage in (("small", small), ("large", large)):
                cpu = stage["cpu_microseconds_per_request"]
                database_cpu = stage["database_microseconds_per_request"].get(phase)
                measured = f"{cpu[phase]:.0f} µs"
                if database_cpu is not None:
                    measured += f" + {database_cpu:.0f} µs in PostgreSQL"
                ratios = stage["ratio_cpu_rounds"][phase]
                measured += f" (rounds {min(ratios):.2f}–{max(ratios):.2f}x)"
                echo = f"{cpu[history.PAIRS[phase]]:.0f} µs echo, {_size(stage['sizes'][phase])}"
                ratio = stage["ratio_cpu"][phase]
                target = f"d  {name}: {label}, {sizes[key]} events (log {_count(stage['log_events'])})"
                rows.append(_row(target, measured, echo, ratio, f"≤ {limit:g}x", ratio <= limit))
            apart = found["apart"][phase]
            rows.append(
                _row(f"d  {name}: {label}, {sizes['large']} ÷ {sizes['small']} events", "", "ratio of the ratios",
                     apart, f"≤ {history.APART:g}x", apart <= history.APART)
            )  # fmt: skip
        for key, stage in (("small", small), ("large", large)):
            runs = stage["throughput"]
            rates = " / ".join(f"{runs[w]['events_per_second']:.0f}" for w in runs)
            refused = sum(v for run in runs.values() for s, v in run["statuses"].items() if s != "201")
            warming = sum(v for run in runs.values() for s, v in run.get("warmup_statuses", {}).items() if s != "201")
            note = f", {refused} not 201" if refused else ""
            note += f" ({warming} not 201 while warming up)" if warming else ""
            rows.append(
                _row(f"d  {name}: writes, {sizes[key]} events, {' / '.join(runs)} workers", f"{rates} events/s{note}",
                     "", None, "(reported)", None)
            )  # fmt: skip
        warm = max(max(s["rss_kib_after_warmup"].values()) for s in (small, large)) / 1024
        largest = found["rss_max_kib"] / 1024
        target, goal = f"d  {name}: worker RSS, {_count(found['served_decisions'])} decisions", history.RSS_TARGET_MB
        measured = f"{warm:.1f} MB after warm-up, {largest:.1f} MB largest"
        rows.append(_row(target, measured, "", None, f"< {goal:g} MB", largest < goal))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a target fails")
    parser.add_argument("--no-history", action="store_true", help="leave out the history phase (d)")
    parser.add_argument("--history-only", action="store_true", help="run the history phase (d) alone")
    parser.add_argument("--history-decisions", type=int, default=1000, metavar="N", help="decisions of 100 events")
    parser.add_argument("--history-events", type=int, default=100, metavar="N", help="events of each (100)")
    parser.add_argument("--history-large", type=int, default=10_000, metavar="N", help="events of the large one")
    parser.add_argument(
        "--history-databases",
        default="sqlite,postgresql",
        metavar="LIST",
        help="sqlite, postgresql or both (PostgreSQL only where its binaries are)",
    )
    parser.add_argument("--history-rounds", type=int, default=7, metavar="N", help="rounds of each size (7)")
    arguments = parser.parse_args(argv)
    if arguments.no_history and arguments.history_only:
        parser.error("--no-history and --history-only exclude each other")
    databases = tuple(d.strip() for d in arguments.history_databases.split(",") if d.strip())
    if not databases or set(databases) - set(DATABASES):
        parser.error(f"--history-databases: one or more of {', '.join(DATABASES)}")
    began, load_before = time.monotonic(), os.getloadavg()
    a = b = h = None
    rows: list[dict[str, Any]] = []
    if not arguments.history_only:
        print("a: in-process evaluation ...", file=sys.stderr, flush=True)
        a = inprocess.measure()
        print("b, c: gunicorn, echo and evaluate ...", file=sys.stderr, flush=True)
        b = web.measure()
        rows += _rows(a, b)
    if not arguments.no_history:
        print("d: history ...", file=sys.stderr, flush=True)
        h = history.measure(
            decisions=arguments.history_decisions,
            events=arguments.history_events,
            large=arguments.history_large,
            databases=databases,
            rounds=arguments.history_rounds,
            progress=lambda message: print(message, file=sys.stderr, flush=True),
        )
        rows += _history_rows(h)
    machine, load_after, seconds = _machine(), os.getloadavg(), time.monotonic() - began
    summary = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": seconds,
        "machine": machine,
        "load_average_before": load_before,
        "load_average_after": load_after,
        "targets": rows,
        "in_process": a,
        "http": b,
        "history": h,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"bench-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    path.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    served = f"gunicorn {b['workers']} {b['worker_class']} workers, " if b else ""
    print(
        f"medfin benchmark: Python {machine['python']}, {machine['cpus']} CPUs, {served}{seconds:.0f} s, "
        f"load average {load_before[0]:.2f} → {load_after[0]:.2f}"
    )
    if h is not None:
        for database, reason in h["skipped"].items():
            print(f"d: {DATABASES[database]} skipped: {reason}")
    print(_table(rows))
    print(f"written to {path.relative_to(ROOT)}")
    if arguments.check and any(r["pass"] is False for r in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
