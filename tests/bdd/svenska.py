"""Swedish amounts and dates as the scenarios write them, read exactly.

Auditors write "1 000 000,00 kr"; the API speaks "1000000.00". The conversion goes
through ``Decimal`` only, so that an öre is never lost to a float. Step modules use
``TYPES`` as ``extra_types`` of ``parsers.parse``; this module holds no steps,
because pytest-bdd does not look for steps in helper modules.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import namn
from parse import with_pattern
from pytest_bdd import parsers

ORE = Decimal("0.01")
NBSP = "\u00a0"


@with_pattern(r"\d{1,3}(?:[ \u00a0]\d{3})*,\d{2} kr")
def belopp(text: str) -> str:
    """ "400 000,00 kr" → "400000.00": the decimal string the API sends and takes."""
    digits = text.removesuffix(" kr").replace(" ", "").replace(NBSP, "").replace(",", ".")
    return str(Decimal(digits).quantize(ORE))


@with_pattern(r"\d{4}-\d{2}-\d{2}")
def dag(text: str) -> str:
    """An ISO 8601 calendar date; an impossible one fails the scenario, not the API."""
    return date.fromisoformat(text).isoformat()


@with_pattern(r"\d+(?:,\d+)?")
def procent(text: str) -> Decimal:
    """ "40" or "40,5" (per cent, Swedish decimal comma) → the fraction 0.40 or 0.405."""
    return Decimal(text.replace(",", ".")) / 100


TYPES = {"Belopp": belopp, "Dag": dag, "Procent": procent, **namn.TYPES}


def svenska(text: str) -> str:
    """Text as a reader sees it: the service keeps amounts on one line with NBSP."""
    return text.replace(NBSP, " ")


def step(text: str, extra_types: dict | None = None) -> parsers.parse:
    """A step's text, with {belopp:Belopp}, {dag:Dag}, {andel:Procent} and the names of
    ``namn`` ({regel:Regel}, {regler:Regler}, {status:Status}, {utfall:Utfall},
    {part:Part}) understood."""
    return parsers.parse(text, extra_types={**TYPES, **(extra_types or {})})


def both_orders(text: str) -> tuple[str, str]:
    """ "regeln om tidsramen ska vara ..." and "ska regeln om tidsramen vara ...": Swedish
    puts the verb second, so a step after "Och" and the same step after "Så" differ."""
    subject, rest = text.split(" ska ", 1)
    return text, f"ska {subject} {rest}"


def phrased(decorator, *texts: str, both: bool = False, extra_types: dict | None = None, **options):
    """Registers one step function under each of ``texts`` (the names of ``namn`` and the
    types above understood): the current phrasing first, older ones after it, each in
    both word orders with ``both``. ``decorator`` is pytest-bdd's given, when or then."""
    phrasings = [variant for text in texts for variant in (both_orders(text) if both else (text,))]

    def register(function):
        for text in phrasings:
            # stacklevel 2: the step's fixture belongs to the module that calls ``phrased``
            decorator(step(text, extra_types), stacklevel=2, **options)(function)
        return function

    return register
