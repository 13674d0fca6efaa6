"""Run the whole benchmark, print the table, write the JSON (see ``bench/__init__.py``).

``python -m bench [--check]`` or ``python bench/run.py [--check]``.
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

from bench import inprocess, web  # noqa: E402
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


def _row(target: str, measured: str, baseline: str, ratio: float | None, goal: str, passed: bool) -> dict[str, Any]:
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
            "PASS" if r["pass"] else "FAIL",
        )
        for r in rows
    ]
    widths = [max(len(str(row[i])) for row in (header, *cells)) for i in range(len(header))]
    lines = ["  ".join(str(value).ljust(width) for value, width in zip(row, widths, strict=True)) for row in cells]
    rule = "  ".join("-" * width for width in widths)
    return "\n".join(["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)), rule, *lines])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a target fails")
    arguments = parser.parse_args(argv)
    began, load_before = time.monotonic(), os.getloadavg()
    print("a: in-process evaluation ...", file=sys.stderr, flush=True)
    a = inprocess.measure()
    print("b, c: gunicorn, echo and evaluate ...", file=sys.stderr, flush=True)
    b = web.measure()
    rows, machine, load_after, seconds = _rows(a, b), _machine(), os.getloadavg(), time.monotonic() - began
    summary = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": seconds,
        "machine": machine,
        "load_average_before": load_before,
        "load_average_after": load_after,
        "targets": rows,
        "in_process": a,
        "http": b,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"bench-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    path.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"medfin benchmark: Python {machine['python']}, {machine['cpus']} CPUs, "
        f"gunicorn {b['workers']} {b['worker_class']} workers, {seconds:.0f} s, "
        f"load average {load_before[0]:.2f} → {load_after[0]:.2f}"
    )
    print(_table(rows))
    print(f"written to {path.relative_to(ROOT)}")
    if arguments.check and not all(r["pass"] for r in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
