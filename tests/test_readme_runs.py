"""The README, tried top to bottom as a newcomer would: on a fresh clone, the Quick start's
first line serves, its second installs the test tools (and collects every test; CI runs
them all through .ci/run), and then every other shell block runs as written, in order,
each command's exit status checked (``bash -e``). An answer the README shows as a 4xx
is asked for as written; every other ``curl`` is run with ``-f``, so that a 4xx or 5xx
fails the test. The Swedish feature the README asks auditors to save is saved first.

A block after ``<!-- readme-test: skip (why) -->`` is not run, and says why.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.contract import ROOT

pytestmark = pytest.mark.slow

SKIP = "<!-- readme-test: skip"
SERVED = "http://127.0.0.1:8000/v1"


def blocks(readme: str) -> list[tuple[str, str]]:
    """Every fenced block as (language, text), with the skip marker's blocks left out."""
    found = []
    for match in re.finditer(r"(<!-- readme-test: skip[^\n]*\n)?```(\w*)\n(.*?)```", readme, re.S):
        if match.group(1) is None:
            found.append((match.group(2), match.group(3)))
    return found


def failing_on_errors(block: str) -> str:
    """``curl -s`` as ``curl -fsS``, except where the README shows the answer is a 4xx."""
    lines = []
    for line in block.splitlines():
        if re.search(r"# .*\b4\d\d\b", line) is None:
            line = re.sub(r"\bcurl -s(?!\S*f)", "curl -fsS", line)
        lines.append(line)
    return "\n".join(lines) + "\n"


def environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("MEDFIN_")}


def wait_for(url: str, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "the Quick start's first line stopped"
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(1)
    pytest.fail(f"{url} did not answer within {seconds} s")


def test_every_shell_block_of_the_readme_runs_as_written_on_a_fresh_clone(tmp_path):
    clone = tmp_path / "medfin"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    readme = (clone / "README.md").read_text(encoding="utf-8")
    sh = [text for language, text in blocks(readme) if language == "sh"]
    serve, install_and_test = [line for line in sh[0].splitlines() if line.strip()]
    server = subprocess.Popen(
        ["bash", "-c", serve],
        cwd=clone,
        env=environment(),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(SERVED, server, 600)
        collected = subprocess.run(
            ["bash", "-c", install_and_test.replace("-m pytest", "-m pytest --collect-only -q")],
            cwd=clone,
            env=environment(),
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert collected.returncode == 0, collected.stdout[-3000:] + collected.stderr[-3000:]
        (feature,) = [text for language, text in blocks(readme) if language == "gherkin"]
        (clone / "min-provning.feature").write_text(feature, encoding="utf-8")
        for block in sh[1:]:
            ran = subprocess.run(
                ["bash", "-e", "-c", failing_on_errors(block)],
                cwd=clone,
                env=environment(),
                capture_output=True,
                text=True,
                timeout=600,
            )
            assert ran.returncode == 0, (
                f"{block}\n--- exit {ran.returncode}\n{ran.stdout[-2000:]}\n{ran.stderr[-2000:]}"
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    assert not (Path("/tmp") / "medfin-try.sqlite3").exists()  # the scratch store is gone


def test_the_skip_marker_is_used_only_with_a_reason():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for line in readme.splitlines():
        if line.startswith(SKIP):
            assert re.match(r"<!-- readme-test: skip \(.{10,}\) -->$", line), line
