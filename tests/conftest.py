"""The app and its client, for every test; and a clean environment.

Every app the fixtures build hands out a ``ContractClient``: each answer a test receives
is validated against openapi.yaml.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from tests.contract import contract_app
from tests.recording import registrar

#: The fictitious second decision (never shipped): served where a test sets
#: MEDFIN_DECISIONS_DIR to this folder, beside the shipped one.
FIXTURE_DECISIONS = Path(__file__).parent / "decisions"
FIXTURE_DECISION = "ks-2099-0042"


def pytest_configure(config):
    """A feature's tags are the anchors of its decision's data file: each is a marker,
    registered from the data (shipped and fixture), so that a decision needs no edit of
    pyproject.toml."""
    from rules import SHIPPED

    registered = set()
    for data_file in sorted([*SHIPPED.glob("*.toml"), *FIXTURE_DECISIONS.glob("*.toml")]):
        with data_file.open("rb") as file:
            data = tomllib.load(file)
        for anchor in data["anchors"]:
            if anchor["anchor"] not in registered:
                registered.add(anchor["anchor"])
                config.addinivalue_line("markers", f"{anchor['anchor']}: verifies the section {anchor['heading']}")


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch):
    """No MEDFIN_* setting of the machine running the tests leaks into them."""
    for name in list(os.environ):
        if name.startswith("MEDFIN_"):
            monkeypatch.delenv(name)


@pytest.fixture(scope="session", autouse=True)
def shipped_scenarios_have_run():
    """The shipped features' run (the traceability matrix), done once before any test.
    Otherwise the first page that shows the matrix starts it in a background thread,
    whose compiling (templates, modules) can meet hypothesis's ``ast`` parsing in the
    main thread, and CPython 3.11.7 then raises "AST constructor recursion depth
    mismatch" in one of them (fixed in later CPython releases)."""
    from rules import decision_ids
    from service.steps import shipped

    for decision_id in decision_ids():
        shipped.last_run(decision_id)


@pytest.fixture(scope="session")
def postgres():
    """One PostgreSQL 15 server for the session (skipped where none can run, but in CI)."""
    from tests.postgres import start_postgres_for_tests

    server = start_postgres_for_tests()
    yield server
    server.stop()


_databases = iter(range(1_000_000))


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """A new, empty database of each kind: every storage test runs on both."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'medfin.sqlite3'}"
    return request.getfixturevalue("postgres").new_database(f"medfin_test_{next(_databases)}")


@pytest.fixture
def app(tmp_path):
    """An app on its own SQLite file: every test starts from the shipped facts alone."""
    return contract_app(f"sqlite:///{tmp_path / 'medfin.sqlite3'}")


@pytest.fixture
def store_app(database_url):
    """An app on a new database, SQLite and PostgreSQL in turn."""
    app = contract_app(database_url)
    yield app
    app.extensions["medfin"].engine.dispose()


@pytest.fixture
def client(app):
    """Flask's test client, checking every answer against openapi.yaml (tests/contract.py)."""
    return app.test_client()


@pytest.fixture
def serves_the_fixture_decision(monkeypatch):
    """The fictitious decision served beside the shipped one, by the setting alone."""
    monkeypatch.setenv("MEDFIN_DECISIONS_DIR", str(FIXTURE_DECISIONS))
    return FIXTURE_DECISION


@pytest.fixture
def writer(store_app):
    """The Authorization header of a new registrar token on ``store_app``'s database."""
    return registrar(store_app)


@pytest.fixture
def on_day(monkeypatch):
    """Fix "today" for the pages, which otherwise ask the clock in Europe/Stockholm:
    2025-06-02, or the day the test passes to the function it gets. The validators' day
    with it, so that a page remembered on one day is not the answer on another."""
    from datetime import date

    def fix(day: date) -> None:
        monkeypatch.setattr("service.views.pages.today", lambda: day)
        monkeypatch.setattr("service.http.caching.today", lambda: day)

    fix(date(2025, 6, 2))
    return fix
