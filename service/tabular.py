"""The lists as CSV rows: the JSON documents the views answer with, flattened.

Rows are made from the same documents the JSON representation carries, so the two
cannot say different things. A cell that has no value is empty; several values in one
cell are joined with ``" | "`` (a quote from the decision may itself contain ``;``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

JOIN = " | "

RULE_COLUMNS = ("rule_id", "title_sv", "title_en", "citations", "interpretations")

#: One column per member any event type has; the type's own date goes in ``effective_on``.
EVENT_COLUMNS = (
    "event_id",
    "decision_id",
    "type",
    "effective_on",
    "outcome",
    "granted_amount",
    "amount",
    "funding_source",
    "recipient",
    "body",
    "reference",
    "corrects",
    "reason",
    "source_url",
    "source_evidence",
    "source_title",
    "note_sv",
    "note_en",
    "recorded_at",
    "recorded_by",
    "corrected_by",
)
DATE_MEMBERS = ("decided_on", "paid_on", "dated_on")


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
        return next((event[m] for m in DATE_MEMBERS if m in event), None)
    if column in ("source_url", "source_evidence"):
        return source.get(column.removeprefix("source_"))
    return event.get(column)
