"""The auditors' step vocabulary (operationId listSteps): every phrasing a scenario may
use, with its parameters and an example, as ``medfin scenarios run`` reads them."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from flask import Blueprint, Response, current_app

from service.steps.vocabulary import VOCABULARY
from service.steps.words import TYPE_DESCRIPTIONS

bp = Blueprint("steps", __name__)

KEYWORDS = {"given": "Givet", "when": "När", "then": "Så"}
_FIELD = re.compile(r"\{(?P<name>\w+)(?::(?P<type>\w+))?\}")


@cache
def vocabulary() -> dict[str, Any]:
    """The vocabulary as JSON, built once: it changes only with a release."""
    return {
        "language": "sv",
        "steps": [
            {
                "keyword": KEYWORDS[phrase.kind],
                "phrasing": phrase.texts[0],
                "aliases": list(phrase.texts[1:]),
                "parameters": [_parameter(m["name"], m["type"]) for m in _FIELD.finditer(phrase.texts[0])],
                "example": phrase.example,
            }
            for phrase in VOCABULARY
        ],
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
