"""A decision's features: their scenarios, indexed by tag for the pages, and their
outcome when this process last ran them, for the traceability matrix.

The shipped decision's are the shipped features (``features/``); a decision served from
another folder (``MEDFIN_DECISIONS_DIR``) brings its own beside its data file, named after
its id (``<decision_id>*.feature``).

Both read the Cucumber parser's document (``runner.parse_feature``), so a scenario is
listed exactly as the runner sees it: its title, tags (the feature's, the rule's and its
own), the ``Regel`` it sits under and its line. Where the checkout's ``features/`` is
not beside the package (an installed wheel without it), the index is empty and the
pages say where the scenarios are kept.

The run happens once per process, on throwaway stores, the first time it is asked for
(the API waits for it; a page starts it and shows what is done): it takes a few
seconds, and the features change only with a release.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from rules import SHIPPED, Decision
from service.steps import runner
from service.storage.decisions import load_decision

#: features/, through the package (``service/shipped``), so that an installed wheel has it too.
FEATURES = Path(__file__).resolve().parents[1] / "shipped" / "features"


@dataclass(frozen=True, slots=True)
class Scenario:
    """One scenario as written (a Scenariomall once, whatever its rows)."""

    title: str
    tags: tuple[str, ...]
    rule: str | None
    path: str
    line: int


def scenarios_of(document: dict[str, Any], path: str) -> list[Scenario]:
    """The scenarios of one parsed feature, in the order they are written."""
    feature = document["feature"]
    feature_tags = _tags(feature)
    found: list[Scenario] = []
    for child in feature["children"]:
        if "rule" in child:
            rule = child["rule"]
            for inner in rule["children"]:
                if "scenario" in inner:
                    found.append(_scenario(inner["scenario"], feature_tags + _tags(rule), rule["name"], path))
        elif "scenario" in child:
            found.append(_scenario(child["scenario"], feature_tags, None, path))
    return found


def _tags(node: dict[str, Any]) -> tuple[str, ...]:
    return tuple(tag["name"].lstrip("@") for tag in node.get("tags", []))


def _scenario(node: dict[str, Any], inherited: tuple[str, ...], rule: str | None, path: str) -> Scenario:
    return Scenario(node["name"], inherited + _tags(node), rule, path, node["location"]["line"])


def feature_files(directory: Path = FEATURES) -> list[Path]:
    return sorted(directory.glob("*.feature")) if directory.is_dir() else []


def features_of(decision: Decision) -> tuple[Path, ...]:
    """The feature files that verify ``decision``: the shipped ones for a shipped
    decision, else those beside its data file that are named after it."""
    if decision.folder == SHIPPED:
        return tuple(feature_files())
    return tuple(sorted(decision.folder.glob(f"{decision.decision_id}*.feature")))


def _label(feature: Path) -> str:
    """How a scenario names its file: ``features/beslutspunkt_1.feature``."""
    return f"{feature.parent.name}/{feature.name}"


@cache
def _scenarios(files: tuple[Path, ...]) -> tuple[Scenario, ...]:
    found: list[Scenario] = []
    for feature in files:
        path = _label(feature)
        document, _ = runner.parse_feature(feature.read_text(encoding="utf-8"), path)
        found += scenarios_of(document, path)
    return tuple(found)


def index(directory: Path = FEATURES) -> tuple[Scenario, ...]:
    """Every scenario under ``directory``, file by file in name order; read once."""
    return _scenarios(tuple(feature_files(directory)))


def scenarios_for(decision: Decision) -> tuple[Scenario, ...]:
    """Every scenario of ``decision``'s features, file by file in name order; read once."""
    return _scenarios(features_of(decision))


def tagged(tag: str, directory: Path = FEATURES) -> list[Scenario]:
    """The scenarios that carry ``tag`` (an anchor such as ``beslut-1``, or ``status``)."""
    return [scenario for scenario in index(directory) if tag in scenario.tags]


def worst(statuses: list[str]) -> str:
    """Of several outcomes, the one a reader must hear: a failure, then a step that could
    not run, then anything else there is (``passed``, ``not_run``)."""
    for status in ("failed", "undefined", "not_run"):
        if status in statuses:
            return status
    return "passed"


@dataclass(frozen=True)
class Run:
    """The shipped features' outcome for one decision, and when they were run."""

    ran_at: datetime
    results: tuple[runner.ScenarioResult, ...]

    @cached_property
    def _by_scenario(self) -> dict[tuple[str, int], list[str]]:
        rows: dict[tuple[str, int], list[str]] = {}
        for result in self.results:
            rows.setdefault((result.feature, result.line), []).append(result.status)
        return rows

    def outcome(self, scenario: Scenario) -> str:
        """``passed``, ``failed`` or ``undefined``; a Scenariomall fails if any row fails,
        and a scenario the run did not reach is undefined."""
        return worst(self._by_scenario.get((scenario.path, scenario.line), ["undefined"]))


_runs: dict[str, Run] = {}
#: Guards ``_runs`` and ``_started`` only, never a run, so that a page asking whether
#: the run is done is not kept waiting by the run itself.
_state = threading.Lock()
#: One run at a time (each makes a few dozen throwaway stores).
_running = threading.Lock()
_started: set[str] = set()


def last_run(decision_id: str) -> Run:
    """The decision's features run against it, once per process."""
    with _running:
        with _state:
            done = _runs.get(decision_id)
        if done is None:
            done = _run(decision_id)
            with _state:
                _runs[decision_id] = done
        return done


def run_if_done(decision_id: str) -> Run | None:
    """The run if it is done; otherwise ``None``, and the run is started in the
    background, so that a page need not wait for it."""
    with _state:
        if decision_id in _runs or decision_id in _started:
            return _runs.get(decision_id)
        _started.add(decision_id)
    threading.Thread(target=last_run, args=(decision_id,), name=f"scenarios-{decision_id}", daemon=True).start()
    return None


def _run(decision_id: str) -> Run:
    ran_at = datetime.now(UTC).replace(microsecond=0)
    results: list[runner.ScenarioResult] = []
    with runner.in_process_worlds(decision_id) as worlds:
        for feature in features_of(load_decision(decision_id)):
            results += runner.run_text(feature.read_text(encoding="utf-8"), _label(feature), worlds)
    return Run(ran_at, tuple(results))
