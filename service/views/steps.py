"""The auditors' step vocabulary (operationId listSteps): every phrasing a scenario may
use, with its parameters and an example, as ``medfin scenarios run`` reads them; and
each step's English phrasings and example, for a file that says ``# language: en``."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import parse
from flask import Blueprint, Response, current_app

from service.steps.english import parse_types
from service.steps.vocabulary import VOCABULARY, Phrase
from service.steps.words import TYPE_DESCRIPTIONS, types
from service.storage.decisions import decisions

bp = Blueprint("steps", __name__)

KEYWORDS = {"given": "Givet", "when": "När", "then": "Så"}
KEYWORDS_EN = {"given": "Given", "when": "When", "then": "Then"}
_FIELD = re.compile(r"\{(?P<name>\w+)(?::(?P<type>\w+))?\}")


@cache
def vocabulary() -> dict[str, Any]:
    """The vocabulary as JSON, built once: it changes only with a release."""
    return {
        "language": "sv",
        "steps": [
            {
                "keyword": KEYWORDS[phrase.kind],
                "phrasing": phrasing,
                "aliases": [text for text in phrase.texts if text != phrasing],
                "parameters": [_parameter(m["name"], m["type"]) for m in _FIELD.finditer(phrasing)],
                "example": phrase.example,
                "english": _english(phrase),
            }
            for phrase in VOCABULARY
            for phrasing in (_phrasing_of_example(phrase),)
        ],
    }


def _phrasing_of_example(phrase: Phrase) -> str:
    """The phrasing its example is written in: after "Så" the verb comes first ("ska
    åtagandet vara gällande"), so that order is the one shown where the example uses it."""
    for text in phrase.texts:
        if parse.parse(text, phrase.example, extra_types={**types(decisions()), **phrase.types}) is not None:
            return text
    return phrase.texts[0]


def _english(phrase: Phrase) -> dict[str, Any]:
    """The step in English: its keyword, the phrasing its example is written in, the
    others, and the example."""
    types_en = parse_types(phrase, decisions())
    phrasing = next(
        (text for text in phrase.texts_en if parse.parse(text, phrase.example_en, extra_types=types_en) is not None),
        phrase.texts_en[0],
    )
    return {
        "keyword": KEYWORDS_EN[phrase.kind],
        "phrasing": phrasing,
        "aliases": [text for text in phrase.texts_en if text != phrasing],
        "example": phrase.example_en,
    }


def _parameter(name: str, kind: str | None) -> dict[str, str]:
    described, example = TYPE_DESCRIPTIONS.get(kind or "", ("text in quotes, as written", ""))
    if kind == "d":
        described, example = "a whole number", "400"
    return {"name": name, "type": kind or "text", "description": described, "example": example}


@bp.get("/steps")
def list_steps() -> Response:
    """operationId: listSteps."""
    return current_app.json.response(vocabulary())
