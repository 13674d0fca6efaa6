"""The vocabulary's steps (``service.steps.vocabulary``), each registered with pytest-bdd
as a thin adapter, so that the shipped features run here through the very functions
``medfin scenarios run`` runs an auditor's file with.

A scenario's ``World`` is a fixture: its Givet steps build ``body`` (the request of POST
.../evaluate, also a fixture, which the test-only steps of tests/bdd share), a När step
sends it, and the answer is handed on as ``response`` for those steps too; the Så steps
read it. A step the answer does not satisfy fails with the vocabulary's Swedish message.
"""

from __future__ import annotations

import inspect

import pytest
from pytest_bdd import given, then, when
from svenska import step

from rules import SHIPPED, library
from service.steps.names import reading_for
from service.steps.vocabulary import VOCABULARY, World
from tests.conftest import FIXTURE_DECISIONS

DECORATORS = {"given": given, "when": when, "then": then}
#: The decision features/ is written for (test_fiktivt_beslut.py runs the fictitious one's).
DECISION_ID = "ks-2024-1371-481"
#: The steps read the names of both: the shipped decision and the fictitious one.
NAMES = library((SHIPPED, FIXTURE_DECISIONS))


@pytest.fixture
def body() -> dict:
    """The what-if request, before its date: nothing has happened, defaults read."""
    return {"facts": {"adopted_on": None, "eruf_decision": None, "disbursements": []}, "interpretations": {}}


@pytest.fixture(autouse=True)
def names_of_the_decision():
    """The steps read names as the decision the features are written for gives them."""
    with reading_for(DECISION_ID):
        yield


@pytest.fixture
def world(client, body) -> World:
    return World(client=client, decision_id=DECISION_ID, body=body)


def _adapter(phrase, text):
    """A pytest-bdd step function for ``phrase`` as ``text`` reads it: its parameters are
    those the text names (one with a default may be left out, as in "att sökanden ..."),
    plus the ``world`` fixture, and ``response`` (a När step's answer, or the test-only
    step's that came before) where it reads one."""
    parameters = list(inspect.signature(phrase.run).parameters.values())[1:]
    names = [
        p.name
        for p in parameters
        if not p.name.startswith("_") and (p.default is inspect.Parameter.empty or "{" + p.name in text)
    ]
    fixtures = ["world"] + (["response"] if phrase.kind == "then" else [])

    def run(**values):
        world = values.pop("world")
        if "response" in values:
            world.response = values.pop("response")
        phrase.run(world, **{name: values[name] for name in names})
        return world.response

    run.__signature__ = inspect.Signature(
        [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD) for name in fixtures + names]
    )
    run.__name__ = phrase.run.__name__
    return run


for _phrase in VOCABULARY:
    _options = {"target_fixture": "response"} if _phrase.kind == "when" else {}
    for _text in _phrase.texts:
        DECORATORS[_phrase.kind](step(_text, _phrase.types, NAMES), **_options)(_adapter(_phrase, _text))
