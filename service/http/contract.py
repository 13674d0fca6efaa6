"""openapi.yaml as the running service reads it: its bytes (served at /openapi.yaml),
the document parsed once (for /openapi.json and the query parameters each operation
takes), and the OpenAPI path a werkzeug rule answers.

The file is reached through the package (``service/shipped``), so that an installed
wheel has it too.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

SPEC = Path(__file__).resolve().parents[1] / "shipped" / "openapi.yaml"
#: ``<decision_id>``, ``<int:event_id>``, ``<path:rest>``: a werkzeug rule's variables.
_VARIABLE = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")


@cache
def spec_bytes() -> bytes:
    return SPEC.read_bytes()


@cache
def spec() -> dict[str, Any]:
    """The document, parsed once. YAML reads an unquoted example such as 2025-06-01 as a
    date: whoever writes it out as JSON writes it as the text it was."""
    document: dict[str, Any] = yaml.safe_load(spec_bytes())
    return document


@cache
def openapi_template(rule: str) -> str:
    """ "/v1/decisions/<decision_id>" → "/v1/decisions/{decision_id}"."""
    return _VARIABLE.sub(r"{\1}", rule)


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow local ``$ref``s: ``#/components/parameters/Page`` → that parameter."""
    while "$ref" in node:
        target: Any = spec()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node
