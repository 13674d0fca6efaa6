"""The app and its client, for every test; and a clean environment."""

from __future__ import annotations

import pytest

from service import create_app


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch):
    """No MEDFIN_* setting of the machine running the tests leaks into them."""
    import os

    for name in list(os.environ):
        if name.startswith("MEDFIN_"):
            monkeypatch.delenv(name)


@pytest.fixture
def app(tmp_path):
    """An app on its own SQLite file: every test starts from the shipped facts alone."""
    return create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'medfin.sqlite3'}"})


@pytest.fixture
def client(app):
    return app.test_client()
