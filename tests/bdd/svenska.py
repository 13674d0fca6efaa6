"""pytest-bdd's reading of the vocabulary's phrasings (``service.steps``): each phrasing
with the vocabulary's types ({belopp:Belopp}, {dag:Dag}, {regel:Regel}, ...). This
module holds no steps, because pytest-bdd does not look for steps in helper modules.
"""

from __future__ import annotations

from pytest_bdd import parsers

from service.steps.words import TYPES


def step(text: str, extra_types: dict | None = None) -> parsers.parse:
    return parsers.parse(text, extra_types={**TYPES, **(extra_types or {})})
