"""Request schemas of POST /v1/decisions/{decision_id}/events (operationId recordEvent).

One schema per event type; ``load_event`` picks it by ``type`` and returns a ``Draft``.
Every string is a ``Line`` (one line of text), except a correction's ``reason``, which is
``FreeText`` (several lines: openapi.yaml marks it ``x-free-text``); ``service.text``.
"""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate

from rules import ERUF_OUTCOMES
from service.formats import SLUG, Amount, Day, WholeNumber
from service.storage.store import Draft
from service.text import FreeText, Line, WebAddress

EVIDENCE = ("protocol", "official_decision", "official_document", "press_report", "voucher", "ledger", "other")
EVENT_TYPES = ("adoption", "eruf_decision", "disbursement", "correction")
#: The field that carries each type's effective date.
DATE_FIELD = {
    "adoption": "decided_on",
    "eruf_decision": "decided_on",
    "disbursement": "paid_on",
    "proposal": "dated_on",
}

_text = validate.Length(min=1, max=500)


class SourceSchema(Schema):
    url = WebAddress(load_default=None, allow_none=True, validate=validate.Length(max=2000))
    evidence = Line(required=True, validate=validate.OneOf(EVIDENCE))


class _EventSchema(Schema):
    type = Line(required=True)
    source = fields.Nested(SourceSchema, load_default=None, allow_none=True)


class AdoptionSchema(_EventSchema):
    decided_on = Day(required=True)
    body = Line(required=True, validate=_text, metadata={"description": "e.g. Kommunstyrelsen"})
    reference = Line(load_default=None, allow_none=True, validate=_text)


class ErufDecisionEventSchema(_EventSchema):
    decided_on = Day(required=True)
    outcome = Line(required=True, validate=validate.OneOf(ERUF_OUTCOMES))
    granted_amount = Amount(load_default=None, allow_none=True)
    reference = Line(load_default=None, allow_none=True, validate=_text)


class DisbursementEventSchema(_EventSchema):
    paid_on = Day(required=True)
    amount = Amount(required=True)
    funding_source = Line(required=True, validate=SLUG)
    recipient = Line(required=True, validate=SLUG)
    reference = Line(load_default=None, allow_none=True, validate=_text)


class CorrectionSchema(_EventSchema):
    corrects = WholeNumber(required=True, validate=validate.Range(min=1, max=2**62))
    reason = FreeText(required=True, max_length=2000)


SCHEMAS: dict[str, Schema] = {
    "adoption": AdoptionSchema(),
    "eruf_decision": ErufDecisionEventSchema(),
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
    payload = {k: (str(v) if k.endswith("amount") and v is not None else v) for k, v in data.items()}
    return Draft(
        type=kind,
        effective_on=effective_on,
        payload=payload,
        source_url=source and source["url"],
        source_evidence=source and source["evidence"],
        corrects=corrects,
    )
