"""Request schemas of POST /v1/decisions/{decision_id}/events (operationId recordEvent).

One schema per event type; ``load_event`` picks it by ``type`` and returns a ``Draft``.
Every string is a ``Line`` (one line of text), except a correction's ``reason``, which is
``FreeText`` (several lines: openapi.yaml marks it ``x-free-text``); ``service.shared.text``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate

from rules import ADOPTION_OUTCOMES, APPEAL_OUTCOMES, ERUF_OUTCOMES
from service.requests.fields import SLUG, Amount, Day, WholeNumber
from service.shared.facts import DATE_FIELD
from service.shared.text import FreeText, Line, WebAddress
from service.storage.store import Draft

EVIDENCE = ("protocol", "official_decision", "official_document", "press_report", "voucher", "ledger", "other")
EVENT_TYPES = ("adoption", "eruf_decision", "appeal", "project_start", "disbursement", "correction")
#: The largest event id the store holds (PostgreSQL's BIGINT, SQLite's INTEGER), as a
#: correction's ``corrects`` and a fact's ``supersedes`` may name it.
_EVENT_ID = validate.Range(min=1, max=2**62)

_text = validate.Length(min=1, max=500)


class SourceSchema(Schema):
    url = WebAddress(load_default=None, allow_none=True, validate=validate.Length(max=2000))
    evidence = Line(required=True, validate=validate.OneOf(EVIDENCE))


class _EventSchema(Schema):
    type = Line(required=True)
    source = fields.Nested(SourceSchema, load_default=None, allow_none=True)


class AdoptionSchema(_EventSchema):
    """Kommunstyrelsen's decision on the proposal: adopted (the default, as before the
    outcome was recorded), adopted amended, rejected, referred back or tabled."""

    decided_on = Day(required=True)
    outcome = Line(load_default="adopted", validate=validate.OneOf(ADOPTION_OUTCOMES))
    body = Line(required=True, validate=_text, metadata={"description": "e.g. Kommunstyrelsen"})
    amended_amount = Amount(load_default=None, allow_none=True)
    announced_on = Day(load_default=None, allow_none=True)
    reference = Line(load_default=None, allow_none=True, validate=_text)


class ErufDecisionEventSchema(_EventSchema):
    decided_on = Day(required=True)
    outcome = Line(required=True, validate=validate.OneOf(ERUF_OUTCOMES))
    granted_amount = Amount(load_default=None, allow_none=True)
    supersedes = WholeNumber(load_default=None, allow_none=True, validate=_EVENT_ID)
    reference = Line(load_default=None, allow_none=True, validate=_text)


class AppealSchema(_EventSchema):
    """A laglighetsprövning (kommunallagen 13 kap.): lodged, then dismissed or upheld;
    a ruling ``supersedes`` the pending appeal it is on."""

    lodged_on = Day(required=True)
    outcome = Line(required=True, validate=validate.OneOf(APPEAL_OUTCOMES))
    decided_on = Day(load_default=None, allow_none=True)
    supersedes = WholeNumber(load_default=None, allow_none=True, validate=_EVENT_ID)
    reference = Line(load_default=None, allow_none=True, validate=_text)


class ProjectStartSchema(_EventSchema):
    started_on = Day(required=True)
    reference = Line(load_default=None, allow_none=True, validate=_text)


class DisbursementEventSchema(_EventSchema):
    paid_on = Day(required=True)
    amount = Amount(required=True)
    funding_source = Line(required=True, validate=SLUG)
    recipient = Line(required=True, validate=SLUG)
    reference = Line(load_default=None, allow_none=True, validate=_text)


class CorrectionSchema(_EventSchema):
    corrects = WholeNumber(required=True, validate=_EVENT_ID)
    reason = FreeText(required=True, max_length=2000)


SCHEMAS: dict[str, Schema] = {
    "adoption": AdoptionSchema(),
    "eruf_decision": ErufDecisionEventSchema(),
    "appeal": AppealSchema(),
    "project_start": ProjectStartSchema(),
    "disbursement": DisbursementEventSchema(),
    "correction": CorrectionSchema(),
}


def load_event(body: Any) -> Draft:
    """The draft event ``body`` describes; ``ValidationError`` says what is wrong."""
    if not isinstance(body, dict):
        raise ValidationError({"_schema": ["The body must be a JSON object."]})
    kind = body.get("type")
    if not isinstance(kind, str) or kind not in SCHEMAS:
        raise ValidationError({"type": [f"Must be one of: {', '.join(EVENT_TYPES)}."]})
    data = SCHEMAS[kind].load(body)
    source = data.pop("source")
    data.pop("type")
    corrects = data.pop("corrects", None)
    effective_on = data.pop(DATE_FIELD[kind]) if kind in DATE_FIELD else None
    payload = {k: _stored(k, v) for k, v in data.items()}
    return Draft(
        type=kind,
        effective_on=effective_on,
        payload=payload,
        source_url=source and source["url"],
        source_evidence=source and source["evidence"],
        corrects=corrects,
    )


def _stored(name: str, value: Any) -> Any:
    """A payload value as the store keeps it in JSON: an amount as its decimal string,
    a day as ISO 8601."""
    if value is None:
        return None
    if name.endswith("amount"):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value
