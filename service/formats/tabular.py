"""The lists as CSV rows: the JSON documents the views answer with, flattened.

Rows are made from the same documents the JSON representation carries, so the two
cannot say different things. A cell that has no value is empty; several values in one
cell are joined with ``" | "`` (a quote from the decision may itself contain ``;``).

Every cell is written through ``spreadsheet_cell`` (``service.http.negotiation``),
which is where a CSV may differ from its JSON, and only so: a cell that a spreadsheet
would run as a formula (it begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return) begins with ``'`` instead, as OWASP advises against CSV injection. Control
characters cannot be recorded (``service.shared.text`` refuses them at the door), so the
JSON holds none; should a store written before that rule hold one, it is left out of the
CSV all the same.
Tabs and line feeds stay inside their quoted cell, as RFC 4180 allows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from service.formats import table_schemas
from service.shared.facts import DATE_FIELD

JOIN = " | "

RULE_COLUMNS = table_schemas.RULES.header
EVENT_COLUMNS = table_schemas.EVENTS.header


def cell(value: Any) -> str:
    """A value as CSV text: nothing for ``None``."""
    return "" if value is None else str(value)


def rule_rows(rules: Iterable[Mapping[str, Any]]) -> list[list[str]]:
    """One row per rule (openapi.yaml: Rule), its citations as ``[anchor] quote``."""
    return [
        [
            rule["rule_id"],
            rule["title"]["sv"],
            rule["title"]["en"],
            JOIN.join(f"[{c['anchor']}] {c['quote']}" for c in rule["citations"]),
            JOIN.join(rule["interpretations"]),
        ]
        for rule in rules
    ]


def event_rows(events: Iterable[Mapping[str, Any]]) -> list[list[str]]:
    """One row per event (openapi.yaml: Event)."""
    return [[cell(_event_value(event, column)) for column in EVENT_COLUMNS] for event in events]


def _event_value(event: Mapping[str, Any], column: str) -> Any:
    source = event.get("source") or {}
    if column == "effective_on":
        member = DATE_FIELD.get(event["type"])
        return None if member is None else event.get(member)
    if column in ("source_url", "source_evidence"):
        return source.get(column.removeprefix("source_"))
    return event.get(column)
