"""Runs Gherkin scenarios against the step vocabulary: ``medfin scenarios run``.

A feature file is parsed with the Cucumber project's parser (``gherkin-official``, in
Swedish unless the file says ``# language: ...``) and compiled to pickles: one per
scenario and per example row of a Scenariomall, with Bakgrund's steps first and the
feature's, rule's and scenario's tags. A file in English (``# language: en``) is read by
the vocabulary's English phrasings (``service.steps.english``). Each pickle runs on a fresh ``World`` over the
app in process; every step is matched against the vocabulary's phrasings. A step passes,
fails (the vocabulary's ``Expected``: what was expected, what was answered, the rule's
message and citation), is undefined (no phrasing matches: the closest are suggested), or
is skipped after a failure.
"""

from __future__ import annotations

import difflib
import itertools
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import parse
from gherkin.errors import CompositeParserException, ParserError
from gherkin.parser import Parser
from gherkin.pickles.compiler import Compiler
from gherkin.token_matcher import TokenMatcher

from rules import Library
from service.steps import names
from service.steps.english import parse_types
from service.steps.vocabulary import VOCABULARY, Expected, Phrase, World, WouldWrite
from service.steps.words import Unreadable, types
from service.storage.decisions import decisions

KEYWORDS = {"Context": "Givet", "Action": "När", "Outcome": "Så"}


class NotGherkin(Exception):
    """A file that the Gherkin parser refuses, with where it stopped."""

    def __init__(self, source: str, line: int, column: int, detail: str) -> None:
        super().__init__(f"{source}:{line}:{column}: {detail}")
        self.source, self.line, self.column, self.detail = source, line, column, detail


@dataclass
class StepResult:
    keyword: str
    text: str
    line: int
    status: str  # passed, failed, undefined, skipped
    message: dict[str, str] | None = None
    rule: dict[str, Any] | None = None
    suggestions: list[str] = field(default_factory=list)


@dataclass
class ScenarioResult:
    name: str
    feature: str
    line: int
    tags: list[str]
    status: str  # passed, failed, undefined
    steps: list[StepResult]
    interpretations: dict[str, str] = field(default_factory=dict)


def _patterns() -> tuple[tuple[parse.Parser, Phrase, str], ...]:
    """Every phrasing compiled for the decisions served now."""
    return patterns(decisions())


@cache
def patterns(library: Library) -> tuple[tuple[parse.Parser, Phrase, str], ...]:
    """Every phrasing compiled, reading the names of ``library``'s decisions, and its
    language: the Swedish ones first, then the English."""
    swedish = [
        (parse.compile(text, extra_types={**types(library), **phrase.types}), phrase, "sv")
        for phrase in VOCABULARY
        for text in phrase.texts
    ]
    english = [
        (parse.compile(text, extra_types=parse_types(phrase, library)), phrase, "en")
        for phrase in VOCABULARY
        for text in phrase.texts_en
    ]
    return (*swedish, *english)


def read(text: str) -> tuple[Phrase, dict[str, Any], str] | None:
    """The vocabulary entry whose phrasing reads ``text`` whole, the values it reads, and
    the phrasing's language ("sv" or "en")."""
    for pattern, phrase, language in _patterns():
        found = pattern.parse(text)
        if found is not None:
            return phrase, dict(found.named), language
    return None


def match(text: str) -> tuple[Phrase, dict[str, Any]] | None:
    """The vocabulary entry whose phrasing, Swedish or English, reads ``text`` whole, and
    the values it reads."""
    found = read(text)
    return None if found is None else found[:2]


def closest(text: str, count: int = 3) -> list[str]:
    """The phrasings most like ``text``, each as its example (or its template), in
    Swedish or English."""
    known = {phrase.example or phrase.texts[0] for phrase in VOCABULARY}
    known |= {phrase.example_en or phrase.texts_en[0] for phrase in VOCABULARY if phrase.texts_en}
    return difflib.get_close_matches(text, sorted(known), n=count, cutoff=0.4)


def parse_feature(text: str, source: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The feature's document and its pickles; ``NotGherkin`` where the parser refuses it."""
    try:
        document = Parser().parse(text, TokenMatcher("sv"))
    except (CompositeParserException, ParserError) as error:
        first = getattr(error, "errors", [error])[0]
        location = getattr(first, "location", None) or {"line": 0, "column": 0}
        raise NotGherkin(source, location.get("line", 0), location.get("column", 0), str(first)) from error
    document["uri"] = source
    if document.get("feature") is None:
        raise NotGherkin(source, 1, 1, "no Feature (Egenskap) in the file")
    return document, Compiler().compile(document)


def _step_nodes(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every scenario, step and example row of the document by its AST id, for the
    keyword and line a pickle lacks."""
    found: dict[str, dict[str, Any]] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "keyword" in node and "id" in node and "location" in node:  # a step or a scenario
                found[node["id"]] = node
            elif "cells" in node and "id" in node:  # an example row
                found[node["id"]] = node
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document)
    return found


def run_pickle(pickle: dict[str, Any], nodes: dict[str, dict[str, Any]], world: World, source: str) -> ScenarioResult:
    """One scenario, its names read as its world's decision gives them."""
    with names.reading_for(world.decision_id):
        return _run_pickle(pickle, nodes, world, source)


def _run_pickle(pickle: dict[str, Any], nodes: dict[str, dict[str, Any]], world: World, source: str) -> ScenarioResult:
    steps: list[StepResult] = []
    broken = False
    for pickled in pickle["steps"]:
        node = nodes.get(pickled["astNodeIds"][0], {})
        keyword = node.get("keyword", KEYWORDS.get(pickled.get("type", ""), "*")).strip()
        line = node.get("location", {}).get("line", 0)
        text = pickled["text"]
        if broken:
            steps.append(StepResult(keyword, text, line, "skipped"))
            continue
        try:
            found = read(text)
        except Unreadable as error:  # "2024-02-30": the phrasing matches, the value is no value
            steps.append(StepResult(keyword, text, line, "failed", error.message))
            broken = True
            continue
        if found is None:
            hint = closest(text)
            message = {
                "sv": "Okänt steg." + (" Närmast kända: " + "; ".join(hint) if hint else ""),
                "en": "Unknown step." + (" Closest known: " + "; ".join(hint) if hint else ""),
            }
            steps.append(StepResult(keyword, text, line, "undefined", message, suggestions=hint))
            broken = True
            continue
        phrase, values, world.language = found
        try:
            phrase.run(world, **values)
        except Expected as failure:
            steps.append(StepResult(keyword, text, line, "failed", failure.message, failure.rule))
            broken = True
            continue
        except WouldWrite:
            message = {
                "sv": "Steget skulle skriva i händelseloggen och körs inte här: i en körande tjänst (API:t,"
                " sidan, --url) skrivs aldrig något. Kör filen med medfin scenarios run utan --url, så körs"
                " steget mot en tillfällig databas.",
                "en": "The step would write to the event log and is not run here: nothing is ever written in a"
                " running service (the API, the page, --url). Run the file with medfin scenarios run without"
                " --url, which runs the step against a throwaway database.",
            }
            steps.append(StepResult(keyword, text, line, "skipped", message))
            broken = True
            continue
        except AssertionError as failure:  # a name the decision does not know, and the like
            steps.append(StepResult(keyword, text, line, "failed", {"sv": str(failure), "en": str(failure)}))
            broken = True
            continue
        except Exception as error:  # noqa: BLE001 - a step that cannot run on what came before it
            steps.append(StepResult(keyword, text, line, "failed", _cannot_run(error)))
            broken = True
            continue
        steps.append(StepResult(keyword, text, line, "passed"))
    statuses = {s.status for s in steps}
    # A scenario whose steps could not all run (unknown, or writing where nothing may be
    # written) is undefined: nothing can be said of what it expects.
    # A scenario with no steps verifies nothing: undefined too.
    status = "failed" if "failed" in statuses else "undefined" if not steps or statuses - {"passed"} else "passed"
    location = nodes.get(pickle["astNodeIds"][0], {}).get("location", {})
    chosen = _chosen(world)
    return ScenarioResult(
        pickle["name"],
        source,
        location.get("line", 0),
        [t["name"].lstrip("@") for t in pickle["tags"]],
        status,
        steps,
        chosen,
    )


def _cannot_run(error: Exception) -> dict[str, str]:
    """A step whose earlier steps left it nothing to read (no answer yet, no event
    recorded by that name): the scenario fails here and says so, never the run."""
    kind = type(error).__name__
    return {
        "sv": "Steget kunde inte prövas på det som kom före det: oftast saknas ett När-steg före ett Så-steg,"
        f" eller ett tidigare steg som det bygger på ({kind}).",
        "en": "The step could not be tried on what came before it: usually a When step is missing before a Then"
        f" step, or an earlier step it builds on ({kind}).",
    }


def _chosen(world: World) -> dict[str, str]:
    """The interpretations the scenario's verdicts rest on: as the last answer names them."""
    response = world.response
    if response is None or response.status_code != 200:
        return dict(world.body.get("interpretations", {}))
    return dict((response.get_json() or {}).get("interpretations", {}))


class TooLarge(Exception):
    """A run past its bounds (scenarios, steps, seconds): said in English (the API's
    problem) and in Swedish (the scenario page)."""

    def __init__(self, en: str, sv: str) -> None:
        super().__init__(en)
        self.sv = sv


def run_text(
    text: str,
    source: str,
    make_world: Callable[[], World],
    tags: Sequence[str] = (),
    *,
    max_scenarios: int | None = None,
    max_steps: int | None = None,
    max_seconds: float | None = None,
) -> list[ScenarioResult]:
    """Every scenario of one feature's text (those with any of ``tags``, if given);
    ``TooLarge`` past the bounds given."""
    document, pickles = parse_feature(text, source)
    nodes = _step_nodes(document)
    wanted = {t.lstrip("@") for t in tags}
    chosen = [p for p in pickles if not wanted or wanted & {t["name"].lstrip("@") for t in p["tags"]}]
    if max_scenarios is not None and len(chosen) > max_scenarios:
        raise TooLarge(
            f"{len(chosen)} scenarios; at most {max_scenarios} are run at once.",
            f"{len(chosen)} scenarier; högst {max_scenarios} körs åt gången. Dela upp filen.",
        )
    steps = sum(len(p["steps"]) for p in chosen)
    if max_steps is not None and steps > max_steps:
        raise TooLarge(
            f"{steps} steps; at most {max_steps} are run at once.",
            f"{steps} steg; högst {max_steps} körs åt gången. Dela upp filen.",
        )
    started = time.monotonic()
    results = []
    for pickle in chosen:
        if max_seconds is not None and time.monotonic() - started > max_seconds:
            raise TooLarge(
                f"The run took more than {max_seconds:g} s; send fewer scenarios at once.",
                f"Körningen tog mer än {_swedish_number(max_seconds)} s. Kör färre scenarier åt gången.",
            )
        results.append(run_pickle(pickle, nodes, make_world(), source))
    return results


def _swedish_number(value: float) -> str:
    """2.5 → "2,5": a decimal comma, as Swedish text writes a number."""
    return f"{value:g}".replace(".", ",")


@contextmanager
def in_process_worlds(decision_id: str) -> Iterator[Callable[[], World]]:
    """Worlds over the app in process, on throwaway stores that are removed afterwards:
    one shared by the scenarios that only read and ask what-ifs, and one of its own for
    each scenario that writes, made at its first write (``World.fresh``), so that no
    scenario sees another's events."""
    from service import create_app

    made = itertools.count(1)
    with tempfile.TemporaryDirectory(prefix="medfin-scenarios-") as scratch:

        def fresh() -> Any:
            store = Path(scratch) / f"store-{next(made)}.sqlite3"
            return create_app({"DATABASE_URL": f"sqlite:///{store}"}).test_client()

        client = fresh()
        yield lambda: World(client=client, decision_id=decision_id, fresh=fresh)


def run_read_only(app: Any, decision_id: str, text: str) -> list[ScenarioResult]:
    """Every scenario of ``text`` against ``app``'s answers (a running Flask app), within
    its configured bounds, never writing: the API's run and the scenario page's.
    ``NotGherkin`` and ``TooLarge`` say why a text could not run."""
    config, client = app.config, app.test_client()
    return run_text(
        text,
        "request",
        lambda: World(client=client, decision_id=decision_id, read_only=True),
        max_scenarios=int(config["SCENARIO_MAX_SCENARIOS"]),
        max_steps=int(config["SCENARIO_MAX_STEPS"]),
        max_seconds=float(config["SCENARIO_MAX_SECONDS"]),
    )


def summary(results: Iterable[ScenarioResult]) -> dict[str, int]:
    counted = {"passed": 0, "failed": 0, "undefined": 0}
    for result in results:
        counted[result.status] += 1
    return counted


def as_json(results: list[ScenarioResult]) -> dict[str, Any]:
    scenarios = []
    for result in results:
        document = asdict(result)
        for step in document["steps"]:
            if not step["suggestions"]:
                del step["suggestions"]
        scenarios.append(document)
    return {"scenarios": scenarios, "summary": summary(results)}


def as_junit(results: list[ScenarioResult]) -> str:
    """JUnit XML for CI tools: one testsuite per feature file, one testcase per scenario."""
    suites = ElementTree.Element("testsuites")
    by_feature: dict[str, list[ScenarioResult]] = {}
    for result in results:
        by_feature.setdefault(result.feature, []).append(result)
    for feature, cases in by_feature.items():
        counted = summary(cases)
        suite = ElementTree.SubElement(
            suites,
            "testsuite",
            name=feature,
            tests=str(len(cases)),
            failures=str(counted["failed"]),
            errors=str(counted["undefined"]),
        )
        for case in cases:
            element = ElementTree.SubElement(suite, "testcase", classname=feature, name=case.name)
            bad = next((s for s in case.steps if s.status in ("failed", "undefined")), None)
            if bad is not None and bad.message is not None:
                kind = "failure" if bad.status == "failed" else "error"
                ElementTree.SubElement(element, kind, message=bad.message["sv"]).text = f"{bad.keyword} {bad.text}"
    return ElementTree.tostring(suites, encoding="unicode", xml_declaration=True)


MARKS = {"passed": "✓", "failed": "✗", "undefined": "?", "skipped": "–"}
STATUS_SV = {"passed": "höll", "failed": "höll inte", "undefined": "kunde inte köras helt"}


def readings(chosen: dict[str, str]) -> str:
    """ "de tre åren: projektets tre år; ...": the readings by their Swedish names."""
    from service.steps.names import label

    def named(table: str, code: str) -> str:
        try:
            return label(table, code)
        except (KeyError, ValueError):
            return code

    return "; ".join(f"{named('tolkning', i)}: {named(f'läsning:{i}', o)}" for i, o in chosen.items())


def as_text(results: list[ScenarioResult]) -> str:
    """The run in Swedish, step by step, as an auditor reads it."""
    lines = []
    for result in results:
        lines.append(f"{result.feature}:{result.line}: {result.name} — {STATUS_SV[result.status]}")
        if result.interpretations:
            lines.append(f"  Tolkningar: {readings(result.interpretations)}")
        for step in result.steps:
            lines.append(f"  {MARKS[step.status]} {step.keyword} {step.text}")
            if step.message is not None:
                lines.append(f"      {step.message['sv']}")
    counted = summary(results)
    scenarier = "scenario" if len(results) == 1 else "scenarier"
    lines.append(
        f"{len(results)} {scenarier}. Höll: {counted['passed']}. Höll inte: {counted['failed']}."
        f" Kunde inte köras helt (okänt steg, eller ett steg som skulle skriva där inget får skrivas):"
        f" {counted['undefined']}."
    )
    return "\n".join(lines)
