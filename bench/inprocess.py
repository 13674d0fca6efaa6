"""Target a: 100 000 what-if evaluations in this process, and their baseline.

The scenarios are drawn first (not timed). The timed loop calls ``rules.evaluate``
on each one's prebuilt facts; the baseline loop, of the same length, builds those
same facts from plain values and evaluates nothing. Both are repeated, alternately,
and the minimum of each is kept: on a shared machine the fastest run is the one
least disturbed by others.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any

from bench.scenarios import Scenario, as_rules, facts_of, generate, proposed_of
from rules import evaluate, load_decision


def _evaluate_all(arguments: list[tuple[Any, ...]]) -> float:
    decision = load_decision("ks-2024-1371-481")
    started = time.perf_counter()
    for facts, on, proposed, chosen in arguments:
        evaluate(decision, facts, on=on, proposed=proposed, interpretations=chosen)
    return time.perf_counter() - started


def _build_all(scenarios: list[Scenario]) -> float:
    started = time.perf_counter()
    for s in scenarios:
        facts_of(s)
        proposed_of(s)
    return time.perf_counter() - started


def _timed(run: Callable[[], float]) -> float:
    gc.collect()
    return run()


def measure(count: int = 100_000, repeats: int = 5) -> dict[str, Any]:
    """Seconds for ``count`` evaluations and for the baseline, minimum of ``repeats``."""
    scenarios = generate(count)
    arguments = [as_rules(s) for s in scenarios]
    with_proposal = sum(1 for s in scenarios if s.proposed is not None)
    evaluate_runs, baseline_runs = [], []
    _evaluate_all(arguments[:1000])  # warm the caches of readings and plan checks
    for _ in range(repeats):
        baseline_runs.append(_timed(lambda: _build_all(scenarios)))
        evaluate_runs.append(_timed(lambda: _evaluate_all(arguments)))
    best, baseline = min(evaluate_runs), min(baseline_runs)
    return {
        "scenarios": count,
        "with_proposed_disbursement": with_proposal,
        "with_interpretations": sum(1 for s in scenarios if s.interpretations),
        "repeats": repeats,
        "evaluate_seconds": best,
        "evaluate_seconds_runs": evaluate_runs,
        "baseline_seconds": baseline,
        "baseline_seconds_runs": baseline_runs,
        "ratio": best / baseline,
        "microseconds_per_evaluation": round(best * 1e6 / count, 2),
    }
