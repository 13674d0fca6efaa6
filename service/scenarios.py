"""The Swedish Gherkin scenarios in ``features/``, indexed by tag, for the HTML pages.

Only the few lines a reader needs are read: tags, ``Regel``, ``Scenario`` and
``Scenariomall`` (or ``Abstrakt Scenario``) titles. pytest-bdd parses and runs the
features in the tests; the service does not depend on it. Where the checkout's
``features/`` is not beside the package (an installed wheel), the index is empty and
the pages say where the scenarios are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

#: features/, through the package (``service/shipped``), so that an installed wheel has it too.
FEATURES = Path(__file__).resolve().parent / "shipped" / "features"
_SCENARIO = re.compile(r"^\s*(Scenario|Scenariomall|Abstrakt Scenario):\s*(?P<title>.+?)\s*$")
_RULE = re.compile(r"^\s*Regel:\s*(?P<title>.+?)\s*$")
_FEATURE = re.compile(r"^\s*Egenskap:\s*(?P<title>.+?)\s*$")


@dataclass(frozen=True, slots=True)
class Scenario:
    """One scenario: its title, the tags it carries (its own and its feature's), where it is."""

    title: str
    tags: tuple[str, ...]
    rule: str | None
    path: str
    line: int


def parse(text: str, path: str) -> list[Scenario]:
    """The scenarios of one feature file, in the order they are written."""
    found: list[Scenario] = []
    feature_tags: tuple[str, ...] = ()
    pending: list[str] = []
    rule: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("@"):
            pending += [tag.lstrip("@") for tag in stripped.split() if tag.startswith("@")]
        elif _FEATURE.match(line):
            feature_tags, pending = tuple(pending), []
        elif match := _RULE.match(line):
            rule, pending = match["title"], []
        elif match := _SCENARIO.match(line):
            found.append(Scenario(match["title"], feature_tags + tuple(pending), rule, path, number))
            pending = []
    return found


@cache
def index(directory: Path = FEATURES) -> tuple[Scenario, ...]:
    """Every scenario under ``directory``, file by file in name order; read once."""
    if not directory.is_dir():
        return ()
    return tuple(
        scenario
        for feature in sorted(directory.glob("*.feature"))
        for scenario in parse(feature.read_text(encoding="utf-8"), f"features/{feature.name}")
    )


def tagged(tag: str, directory: Path = FEATURES) -> list[Scenario]:
    """The scenarios that carry ``tag`` (an anchor such as ``beslut-1``, or ``status``)."""
    return [scenario for scenario in index(directory) if tag in scenario.tags]
