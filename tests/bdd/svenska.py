"""pytest-bdd's reading of the vocabulary's phrasings (``service.steps``): each phrasing
with the vocabulary's types ({belopp:Belopp}, {dag:Dag}, {regel:Regel}, ...). This
module holds no steps, because pytest-bdd does not look for steps in helper modules.
"""

from __future__ import annotations

from pytest_bdd import parsers

from rules import library
from service.steps.words import types


def step(text: str, extra_types: dict | None = None, decisions=None) -> parsers.parse:
    """``text`` read with the names of ``decisions`` (a ``rules.Library``; the shipped
    ones unless given)."""
    return parsers.parse(text, extra_types={**types(decisions or library()), **(extra_types or {})})
