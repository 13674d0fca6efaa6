"""From the event log to the rules' facts, as the record stood at a moment.

Bitemporal: ``known_at`` is when we ask what the record said (recorded_at), ``as_of``
is the day the facts are about (effective dates). A correction stops the event it
corrects from counting from the moment the correction was recorded; both stay visible.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from rules import Disbursement, ErufDecision, Facts


@dataclass(frozen=True, slots=True)
class Event:
    event_id: int
    decision_id: str
    type: str
    effective_on: date | None
    payload: dict[str, Any]
    recorded_at: datetime
    recorded_by: str
    source_url: str | None
    source_evidence: str | None
    corrects: int | None


def utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every moment here is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def live_events(events: list[Event], known_at: datetime) -> list[Event]:
    """The events recorded by ``known_at`` that no correction recorded by then cancels."""
    recorded = [e for e in events if e.recorded_at <= known_at]
    corrected = {e.corrects for e in recorded if e.type == "correction"}
    return [e for e in recorded if e.event_id not in corrected and e.type != "correction"]


def corrected_by(events: list[Event]) -> dict[int, int]:
    """Which correction (by id) cancels which event."""
    return {e.corrects: e.event_id for e in events if e.type == "correction" and e.corrects is not None}


def facts_from(events: list[Event], *, known_at: datetime, as_of: date) -> Facts:
    """The rules' facts on ``as_of``, as recorded by ``known_at``.

    The last recorded adoption counts; of the ERUF decisions, the one with the latest
    date on or before ``as_of`` (a later withdrawal replaces an approval from its day).
    """
    live = live_events(events, known_at)
    adopted_on = None
    eruf: ErufDecision | None = None
    payments = []
    for e in live:
        if e.type == "adoption":
            adopted_on = e.effective_on
        elif e.type == "eruf_decision" and e.effective_on is not None and e.effective_on <= as_of:
            if eruf is None or e.effective_on >= eruf.decided_on:
                granted = e.payload.get("granted_amount")
                eruf = ErufDecision(e.effective_on, e.payload["outcome"], Decimal(granted) if granted else None)
        elif e.type == "disbursement":
            p = e.payload
            payments.append(Disbursement(e.effective_on, Decimal(p["amount"]), p["funding_source"], p["recipient"]))
    payments.sort(key=lambda d: d.paid_on)
    return Facts(adopted_on=adopted_on, eruf_decision=eruf, disbursements=tuple(payments))
