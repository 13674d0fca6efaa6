"""Scenarios of features/registrerade_fakta.feature, on SQLite and PostgreSQL alike
(their steps are the vocabulary's: service/steps/registrar.py)."""

from __future__ import annotations

import pytest
from pytest_bdd import scenarios

# Steps ask for their fixtures only as they run; naming store_app here is what makes
# pytest run every scenario once per database.
pytestmark = pytest.mark.usefixtures("store_app")
scenarios("registrerade_fakta.feature")


@pytest.fixture
def client(store_app):
    """This feature's client writes to a new database, SQLite and PostgreSQL in turn."""
    return store_app.test_client()
