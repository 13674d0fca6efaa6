"""No code names a decision: its id, diarienummer, parties (by id or by name) and funding
source live in its data file alone, so that a second decision needs no code. The engine
(rules/) and the service (service/, templates and assets included) are read without
their docstrings and comments, which may cite an example; the data files, the source
texts and the shipped contract and features (service/shipped/) are a decision's own."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

from rules import SHIPPED, library
from tests.conftest import FIXTURE_DECISIONS

ROOT = Path(__file__).parents[1]
DECISIONS = library((SHIPPED, FIXTURE_DECISIONS))
#: A decision's own: its data file and sources, the contract's examples, its features.
DATA_FOLDERS = (("rules", "decisions"), ("service", "shipped"))


def _docstring_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                lines.update(range(first.lineno, first.end_lineno + 1))
    return lines


def _python_code(path: Path) -> str:
    """The module's tokens but its docstrings and comments."""
    source = path.read_text(encoding="utf-8")
    skipped = _docstring_lines(ast.parse(source))
    kept = [
        token.string
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type != tokenize.COMMENT and token.start[0] not in skipped
    ]
    return " ".join(kept)


def _code_files() -> list[Path]:
    found = []
    for top in ("rules", "service"):
        for path in sorted((ROOT / top).rglob("*")):
            parts = path.relative_to(ROOT).parts
            if (
                not path.is_file()
                or "__pycache__" in parts
                or parts[:2] in (("rules", "decisions"), ("service", "shipped"))
            ):
                continue
            if path.suffix in (".py", ".html", ".feature", ".js", ".css", ".txt", ".toml", ".json"):
                found.append(path)
    return found


def _names_of_decisions() -> dict[str, str]:
    """Every name that belongs to one decision, with the decision it belongs to. The
    fund (ERUF) is what makes the kind: every decision of it names it, and so may the code."""
    names: dict[str, str] = {}
    for decision_id in DECISIONS.ids():
        decision = DECISIONS.load(decision_id)
        parties = [p for p in decision.data["parties"] if "EU-fond" not in p["roles"]]
        for name in (
            decision_id,
            decision.diarienummer,
            decision.funding_source_id,
            decision.recipient_id,
            *(p["party_id"] for p in parties),
            *(p["name"] for p in parties),
            *(name for p in parties for name in p.get("also_named", ())),
        ):
            names[name] = decision_id
    return names


@pytest.mark.parametrize("path", _code_files(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_code_names_a_decision(path):
    text = _python_code(path) if path.suffix == ".py" else path.read_text(encoding="utf-8")
    found = [
        f"{name!r} ({decision_id})"
        for name, decision_id in _names_of_decisions().items()
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE)
    ]
    assert found == [], f"{path.relative_to(ROOT)} names {', '.join(found)}: read it from the decision's data"


def test_the_grep_knows_both_decisions_and_finds_a_name_where_one_is_written(tmp_path):
    """The test above can fail: it knows the names of both decisions, and finds one in code."""
    names = _names_of_decisions()
    assert {"ks-2024-1371-481", "ks-2099-0042"} <= set(names.values())
    planted = tmp_path / "planted.py"
    planted.write_text(
        '"""A docstring may say Huddinge kommun."""\nTITLE = "Huddinge kommuns beslut"\n', encoding="utf-8"
    )
    text = _python_code(planted)
    assert "Huddinge kommuns" in text and "docstring" not in text
