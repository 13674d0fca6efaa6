"""Every ``Regel`` of the features quotes the tjänsteskrivelse word for word, and every
scenario carries the tag of what it verifies: an auditor can trust the quotes they read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from gherkin.parser import Parser
from medfin_api import get

FEATURES = sorted((Path(__file__).resolve().parents[2] / "features").glob("*.feature"))


def _children(feature_file: Path) -> list[dict]:
    document = Parser().parse(feature_file.read_text(encoding="utf-8"))
    return document["feature"]["children"]


def _rules(feature_file: Path) -> list[dict]:
    return [child["rule"] for child in _children(feature_file) if "rule" in child]


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("feature_file", FEATURES, ids=[f.name for f in FEATURES])
def test_regel_quotes_the_source_verbatim(client, feature_file):
    source = _words(get(client, "/source").get_json()["text"])
    rules = _rules(feature_file)
    assert rules, "a feature verifies its text one Regel at a time"
    for rule in rules:
        lines = [line.strip() for line in rule["description"].splitlines() if line.strip()]
        assert lines, f"Regel {rule['name']!r} quotes nothing"
        for line in lines:
            assert line.startswith('"') and line.endswith('"'), f"Regel {rule['name']!r}: {line}"
            assert _words(line[1:-1]) in source, f"not verbatim in the source: {line}"


@pytest.mark.parametrize("feature_file", FEATURES, ids=[f.name for f in FEATURES])
def test_regel_scenarios_are_tagged(feature_file):
    for rule in _rules(feature_file):
        for child in rule["children"]:
            if "scenario" in child:
                assert child["scenario"]["tags"], child["scenario"]["name"]


def test_features_are_in_swedish():
    for feature_file in FEATURES:
        assert feature_file.read_text(encoding="utf-8").startswith("# language: sv\n"), feature_file.name
