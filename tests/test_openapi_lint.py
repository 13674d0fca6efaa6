"""openapi.yaml as the ecosystem's linters read it: Redocly's recommended rules and
Spectral's OpenAPI ruleset, each pinned and run with npx from the npm registry, with no
error and no warning. In CI (``CI`` set) both must run; elsewhere, without Node.js, the
tests are skipped with the reason, as the PostgreSQL and Chromium tests are."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from tests.contract import ROOT

pytestmark = pytest.mark.slow

REDOCLY = "@redocly/cli@2.77.0"
SPECTRAL = "@stoplight/spectral-cli@6.16.3"


def npx(*arguments: str) -> subprocess.CompletedProcess[str]:
    if shutil.which("npx") is None:
        if os.environ.get("CI"):
            pytest.fail("Node.js (npx) is required in CI to lint openapi.yaml")
        pytest.skip("Node.js (npx) is not installed: apt-get install nodejs npm")
    return subprocess.run(
        ["npx", "--yes", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env=os.environ | {"NO_COLOR": "1"},
    )


def test_redocly_recommended_finds_no_error_and_no_warning():
    linted = npx(REDOCLY, "lint", "openapi.yaml", "--extends", "recommended", "--format", "json")
    start = linted.stdout.find("{")
    assert start >= 0, linted.stdout + linted.stderr
    report = json.loads(linted.stdout[start:])
    problems = [(p["severity"], p["ruleId"], p["message"]) for p in report["problems"]]
    assert problems == [], problems
    assert linted.returncode == 0, linted.stderr


def test_spectral_oas_finds_no_error_and_no_warning():
    linted = npx(SPECTRAL, "lint", "openapi.yaml", "--ruleset", ".spectral.yaml", "--fail-severity", "hint")
    assert linted.returncode == 0, linted.stdout + linted.stderr
