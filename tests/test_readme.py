"""The README's promise: two Quick start lines, the second of which CI runs verbatim."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[1]


def quick_start_lines() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```[a-z]*\n(.*?)```", section, re.S)
    assert block, "no fenced block under Quick start"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_readme_quick_start_is_two_lines_serve_then_test():
    serve, test = quick_start_lines()
    assert serve.endswith("medfin serve")
    assert "pytest" in test


def test_ci_runs_the_readme_test_line_verbatim_and_last():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    commands = [line for line in ci if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1] == quick_start_lines()[1]  # its exit status is the script's
