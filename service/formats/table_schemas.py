"""Every CSV's columns, defined once: the header row the CSV writes and the Table Schema
(Frictionless Data) that ``/v1/datapackage.json`` describes it with.

A view writes ``TABLE.header`` and the data package gives ``TABLE.schema()``, so the
two cannot drift apart (tests/test_datapackage.py holds every live CSV's header to its
schema). Types are Table Schema's: ``string``, ``integer``, ``number`` for an amount or a
share (a decimal string with ``.``, nothing around the digits), ``date``
(``YYYY-MM-DD``), ``datetime`` (RFC 3339 in UTC) and ``boolean`` (``true``/``false``).
An empty cell is a missing value. A string cell that a spreadsheet would run as a
formula begins with ``'`` (``service.http.negotiation.spreadsheet_cell``); no cell of another type
can begin so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name in the header row, its Table Schema type, what it holds."""

    name: str
    type: str
    description: str

    def field(self) -> dict[str, Any]:
        """The column as a Table Schema field descriptor."""
        field: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.description}
        if self.type == "number":
            field.update(decimalChar=".", bareNumber=True)
        return field


@dataclass(frozen=True, slots=True)
class Table:
    """The columns of one CSV, in order, and the columns that identify a row, if any do."""

    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()

    @property
    def header(self) -> tuple[str, ...]:
        """The CSV's header row."""
        return tuple(column.name for column in self.columns)

    def schema(self) -> dict[str, Any]:
        """The Table Schema of the CSV."""
        schema: dict[str, Any] = {"fields": [c.field() for c in self.columns], "missingValues": [""]}
        if self.primary_key:
            schema["primaryKey"] = list(self.primary_key)
        return schema


def _string(name: str, description: str) -> Column:
    return Column(name, "string", description)


def _amount(name: str, description: str) -> Column:
    return Column(name, "number", f"{description}, in the currency of the decision (SEK), with two decimals")


def _date(name: str, description: str) -> Column:
    return Column(name, "date", description)


def _event_id(name: str, description: str) -> Column:
    return Column(name, "integer", description)


DECISIONS = Table(
    (
        _string("decision_id", "The decision's stable identifier: the slug of its diarienummer"),
        _string("diarienummer", "The municipality's case number (diarienummer), as the decision writes it"),
        _string("title", "The title of the decision's document, in Swedish"),
        _date("document_date", "The date of the decision's document"),
        _string("decision_body", "The body asked to decide (Kommunstyrelsen)"),
        _amount("amount", "The amount committed"),
        _string("currency", "ISO 4217 currency code"),
    ),
    primary_key=("decision_id",),
)

RULES = Table(
    (
        _string("rule_id", "The rule's stable identifier"),
        _string("title_sv", "What the rule requires, in Swedish"),
        _string("title_en", "What the rule requires, in English"),
        _string("citations", "The decision's words the rule encodes, each as [anchor] quote, joined by ' | '"),
        _string("interpretations", "The interpretations the rule depends on, by id, joined by ' | '"),
    ),
    primary_key=("rule_id",),
)

#: One column per member any event type has; the type's own date goes in ``effective_on``
#: (``decided_on`` holds an appeal's ruling day, and repeats an adoption's or ERUF
#: decision's own). The changes feed has the same columns: ``decision_id`` says whose.
EVENTS = Table(
    (
        _event_id("event_id", "The event's identifier in the log, increasing with each record"),
        _string("decision_id", "The decision the event belongs to"),
        _string(
            "type",
            "proposal, adoption, eruf_decision, appeal, project_start, disbursement or correction",
        ),
        _date("effective_on", "The type's own date: decided_on, lodged_on, started_on, paid_on or dated_on"),
        _string("outcome", "The outcome of an adoption, an ERDF decision or an appeal"),
        _date("decided_on", "The day of the decision (of an appeal: the day of the ruling)"),
        _date("announced_on", "The day the minutes of an adoption were announced on the notice board"),
        _amount("amended_amount", "The amount Kommunstyrelsen adopted instead of the proposed one"),
        _amount("granted_amount", "The amount the ERDF granted"),
        _amount("amount", "The amount of a disbursement"),
        _string("funding_source", "The funding source a disbursement was paid from"),
        _string("recipient", "The recipient a disbursement was paid to"),
        _string("body", "The body that took an adoption"),
        _string("reference", "The record's own reference (a paragraph of the minutes, a voucher)"),
        _event_id("corrects", "The event a correction cancels"),
        _event_id("supersedes", "The event a fact replaces (a ruling on a pending appeal, say)"),
        _string("reason", "Why a correction was recorded"),
        _string("source_url", "Where the fact is published"),
        _string("source_evidence", "How strong the source is (a press report, an official record, ...)"),
        _string("source_title", "The title of the source of a shipped fact"),
        _string("source_publisher", "Who published the source of a shipped fact"),
        _string("source_file", "The vendored copy of a shipped fact's source, in the package"),
        _string("fact_id", "A shipped fact's stable name"),
        _string("quote", "The words of the source a shipped fact rests on"),
        _string("budget_quote", "The words of the source on the budget, where they disagree with the decision"),
        _string("note_sv", "A note on a shipped fact, in Swedish"),
        _string("note_en", "A note on a shipped fact, in English"),
        Column("recorded_at", "datetime", "When the event was recorded, in UTC"),
        _string("recorded_by", "The name of the token that recorded it"),
        _event_id("corrected_by", "The correction that cancels the event, if one does"),
    ),
    primary_key=("event_id",),
)

FINANCING_PLAN = Table(
    (
        _string("contribution_id", "The contribution's stable identifier"),
        _string("parties", "Who contributes, by name, joined by '; '"),
        _amount("amount", "The contribution over the project's three years"),
        _string("currency", "ISO 4217 currency code"),
        _string("kind", "cash, in_kind, eu_fund or cofinancing (form not stated)"),
        Column("share", "number", "The contribution's share of the plan's total, 0 to 1, with four decimals"),
        _string("quote", "The decision's words the contribution is read from"),
    ),
    primary_key=("contribution_id",),
)

#: No key: an anchor that no scenario verifies has a row with no scenario in it.
TRACEABILITY = Table(
    (
        _string("anchor", "The section of the source document"),
        _string("heading", "The section's heading, in Swedish"),
        Column("normative", "boolean", "Whether a rule cites the section"),
        _string("verified", "passed, failed, undefined, unverified or not_normative"),
        _string("rule_ids", "The rules that cite the section, joined by ' | '"),
        _string("scenario", "A shipped scenario that verifies the section"),
        _string("feature", "The feature file the scenario is in"),
        Column("line", "integer", "The scenario's line in its feature file"),
        _string("outcome", "The scenario's outcome in the service's run of the shipped features"),
        Column("ran_at", "datetime", "When the service ran the shipped features, in UTC"),
    ),
)
