"""Swedish amounts and dates as the scenarios write them, read exactly, and the names of
``names``: the parse types every phrasing understands.

Auditors write "1 000 000,00 kr"; the API speaks "1000000.00". The conversion goes
through ``Decimal`` only, so that an öre is never lost to a float.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from parse import with_pattern

from rules import Library
from service.steps import names
from service.steps.names import Unreadable  # noqa: F401  (where the steps look for it)

ORE = Decimal("0.01")
NBSP = "\u00a0"


#: "400 000,00 kr" (Swedish, öre optional), "400000.00 kr" or plain "400000.00" (as the API
#: writes it); the unit "kr" or "SEK".
_SWEDISH_AMOUNT = r"\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d{2})?"
_PLAIN_AMOUNT = r"\d+(?:\.\d{2})?"


@with_pattern(rf"(?:{_SWEDISH_AMOUNT}|{_PLAIN_AMOUNT}) (?:kr|SEK)|\d+\.\d{{2}}")
def belopp(text: str) -> str:
    """ "400 000,00 kr", "400 000 kr", "400000.00 kr" or "400000.00" → "400000.00": the
    decimal string the API sends and takes."""
    number = text.removesuffix(" kr").removesuffix(" SEK")
    if "," in number or " " in number or NBSP in number:
        number = number.replace(" ", "").replace(NBSP, "").replace(",", ".")
    return str(Decimal(number).quantize(ORE))


MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)


@with_pattern(rf"(?:den )?(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}} (?:{'|'.join(MONTHS)}) \d{{4}})")
def dag(text: str) -> str:
    """An ISO 8601 calendar date ("2024-09-16") or one as Swedish writes it ("16 september
    2024"), with or without "den" before it; an impossible one fails the step, not the run."""
    text = text.removeprefix("den ")
    if "-" not in text:
        day, month, year = text.split()
        text = f"{year}-{MONTHS.index(month.lower()) + 1:02d}-{int(day):02d}"
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError as error:
        raise Unreadable(
            f"{text} är inget datum i kalendern; skriv en dag som finns, som 2025-03-03.",
            f"{text} is not a calendar date; write a day that exists, such as 2025-03-03.",
        ) from error


@with_pattern(r"\d+(?:,\d+)?")
def procent(text: str) -> Decimal:
    """ "40" or "40,5" (per cent, Swedish decimal comma) → the fraction 0.40 or 0.405."""
    return Decimal(text.replace(",", ".")) / 100


#: The types that read no decision's names.
PLAIN_TYPES: dict[str, Any] = {"Belopp": belopp, "Dag": dag, "Procent": procent}


def types(library: Library) -> dict[str, Any]:
    """Every type a Swedish phrasing reads, the names those of ``library``'s decisions."""
    return {**PLAIN_TYPES, **names.types(library)}


#: What each type reads, with an example, as GET /v1/steps and the README tell auditors.
TYPE_DESCRIPTIONS = {
    "Belopp": (
        "an amount in kronor, Swedish style with öre optional (400 000,00 kr), or plain (400000.00)",
        "400 000,00 kr",
    ),
    "Dag": ("a calendar date, ISO 8601 (2025-03-03) or as Swedish writes it (3 mars 2025)", "2025-03-03"),
    "Procent": ("a percentage, decimal comma", "40"),
    "Regel": ("a rule by its Swedish name", "beloppsgränsen"),
    "Regler": ("rules by name, joined by , and och", "tidsramen och mottagaren"),
    "Status": ("a status by its Swedish label", "gällande"),
    "Utfall": ("a rule's outcome by its Swedish label", "inte uppfylld"),
    "Part": ("a party by its name in the decision", "Grannkommunen"),
    "Tolkning": ("an open question of the text, by its Swedish name", "de tre åren"),
}


def svenska(text: str) -> str:
    """Text as a reader sees it: the service keeps amounts on one line with NBSP."""
    return text.replace(NBSP, " ")


def both_orders(text: str) -> tuple[str, str]:
    """ "regeln om tidsramen ska vara ..." and "ska regeln om tidsramen vara ...": Swedish
    puts the verb second, so a step after "Och" and the same step after "Så" differ."""
    subject, rest = text.split(" ska ", 1)
    return text, f"ska {subject} {rest}"
