"""pytest-bdd's side of the step vocabulary (``service.steps``): its parse types and the
``phrased`` registration for the test-only steps that remain in tests/bdd (the
registrar's writes, the published record). This module holds no steps, because
pytest-bdd does not look for steps in helper modules.
"""

from __future__ import annotations

from pytest_bdd import parsers

from service.steps.words import TYPES, both_orders, svenska

__all__ = ["TYPES", "phrased", "step", "svenska"]


def step(text: str, extra_types: dict | None = None) -> parsers.parse:
    """A step's text, with the vocabulary's types ({belopp:Belopp}, {dag:Dag},
    {regel:Regel}, {status:Status}, ...) understood."""
    return parsers.parse(text, extra_types={**TYPES, **(extra_types or {})})


def phrased(decorator, *texts: str, both: bool = False, extra_types: dict | None = None, **options):
    """Registers one step function under each of ``texts``: the current phrasing first,
    older ones after it, each in both word orders with ``both``. ``decorator`` is
    pytest-bdd's given, when or then."""
    phrasings = [variant for text in texts for variant in (both_orders(text) if both else (text,))]

    def register(function):
        for text in phrasings:
            # stacklevel 2: the step's fixture belongs to the module that calls ``phrased``
            decorator(step(text, extra_types), stacklevel=2, **options)(function)
        return function

    return register
