"""The fictitious second decision (tests/decisions/ks-2099-0042: another municipality,
amount, period, funding source and recipient, its condition in point 2 and its funding
source in point 4) verified by its own feature, through the very steps the shipped
features use: served by the setting alone, with no code of its own."""

from __future__ import annotations

import pytest
from pytest_bdd import scenarios

from service.steps.names import reading_for
from service.steps.vocabulary import World
from tests.conftest import FIXTURE_DECISION, FIXTURE_DECISIONS


@pytest.fixture(autouse=True)
def _served(serves_the_fixture_decision):
    """Before the app is built: the store loads the fixture's shipped facts too."""


@pytest.fixture(autouse=True)
def names_of_the_decision(_served):
    """Its names, not the shipped decision's, where the two give one name."""
    with reading_for(FIXTURE_DECISION):
        yield


@pytest.fixture
def app(_served, tmp_path):
    from tests.contract import contract_app

    return contract_app(f"sqlite:///{tmp_path / 'medfin.sqlite3'}")


@pytest.fixture
def world(client, body) -> World:
    return World(client=client, decision_id=FIXTURE_DECISION, body=body)


scenarios(str(FIXTURE_DECISIONS / f"{FIXTURE_DECISION}.feature"))
