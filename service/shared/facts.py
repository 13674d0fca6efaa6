"""From the event log to the rules' facts, as the record stood at a moment.

Bitemporal: ``known_at`` is when we ask what the record said (recorded_at), ``as_of``
is the day the facts are about (effective dates). A correction stops the event it
corrects from counting from the moment the correction was recorded; so does a fact
that ``supersedes`` another (an official ERDF decision the shipped press report, a
ruling the pending appeal it is on), except that the new one is a fact in its own
right. Every event stays visible.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from rules import Adoption, Appeal, Disbursement, ErufDecision, Facts, Payments, summed

#: Who recorded the facts that the decision data ships (``storage.setup`` loads them).
SHIPPED_BY = "medfin (shipped data)"
#: The field that carries each type's effective date.
DATE_FIELD = {
    "adoption": "decided_on",
    "eruf_decision": "decided_on",
    "appeal": "lodged_on",
    "project_start": "started_on",
    "disbursement": "paid_on",
    "proposal": "dated_on",
}


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
    #: Its place in commit order (what /v1/changes pages by); 0 for one not read from the store.
    position: int = 0


def live_events(events: list[Event], known_at: datetime) -> list[Event]:
    """The events recorded by ``known_at`` that no correction, and no fact that
    supersedes them, recorded by then cancels. A fact superseded by one that a
    correction has cancelled counts again."""
    recorded = [e for e in events if e.recorded_at <= known_at]
    corrected = {e.corrects for e in recorded if e.type == "correction"}
    standing = [e for e in recorded if e.event_id not in corrected and e.type != "correction"]
    superseded = {e.payload.get("supersedes") for e in standing} - {None}
    if not superseded:
        return standing
    return [e for e in standing if e.event_id not in superseded]


def corrected_by(events: list[Event]) -> dict[int, int]:
    """Which correction (by id) cancels which event."""
    return {e.corrects: e.event_id for e in events if e.type == "correction" and e.corrects is not None}


def adoption_of(event: Event) -> Adoption:
    """An adoption event as the rules' fact (an event recorded before outcomes were,
    or with no outcome, says ``adopted``)."""
    p = event.payload
    assert event.effective_on is not None
    return Adoption(
        event.effective_on,
        p.get("outcome") or "adopted",
        p.get("body"),
        _amount(p.get("amended_amount")),
        _day(p.get("announced_on")),
    )


def eruf_decision_of(event: Event) -> ErufDecision:
    assert event.effective_on is not None
    return ErufDecision(event.effective_on, event.payload["outcome"], _amount(event.payload.get("granted_amount")))


def appeal_of(event: Event) -> Appeal:
    assert event.effective_on is not None
    return Appeal(event.effective_on, event.payload["outcome"], _day(event.payload.get("decided_on")))


def _amount(value: Any) -> Decimal | None:
    return None if value is None else Decimal(value)


def _day(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _order(event: Event) -> tuple[date, int]:
    assert event.effective_on is not None
    return (event.effective_on, event.event_id)


def facts_from(events: list[Event], *, known_at: datetime, as_of: date) -> Facts:
    """The rules' facts on ``as_of``, as recorded by ``known_at``.

    Kommunstyrelsen's decision is the latest live adoption event dated on or before
    ``as_of`` (a referral back or a tabling is followed by a later decision). ERUF's
    decision is the live approval or rejection dated on or before ``as_of``, or, where
    there is none, a withdrawal of the application; a withdrawal on or after an
    approval is ``eruf_withdrawn_on``. Every live appeal counts as it stood on
    ``as_of``, and the recorded start of the project whatever its day. Every
    utbetalning counts, whatever its date: the cap is on all of them; they are summed
    per day, source and recipient (``rules.summed``), as a kept standing holds them.
    """
    live = live_events(events, known_at)
    paid = summed(disbursement_of(e) for e in live if e.type == "disbursement")
    return facts_of(live, paid, as_of)


def disbursement_of(event: Event) -> Disbursement:
    p = event.payload
    assert event.effective_on is not None
    return Disbursement(event.effective_on, Decimal(p["amount"]), p["funding_source"], p["recipient"])


def facts_of(live: list[Event], paid: Payments, as_of: date) -> Facts:
    """The facts on ``as_of`` from the live events other than utbetalningar (which it
    ignores) and the utbetalningar ``paid``, summed (``facts_from``)."""
    dated = [e for e in live if e.effective_on is not None and e.effective_on <= as_of]
    adoptions = sorted((e for e in dated if e.type == "adoption"), key=_order)
    decisions = sorted((e for e in dated if e.type == "eruf_decision"), key=_order)
    ruled = [e for e in decisions if e.payload["outcome"] != "withdrawn"]
    withdrawals = [e for e in decisions if e.payload["outcome"] == "withdrawn"]
    eruf = eruf_decision_of(ruled[-1]) if ruled else None
    withdrawn_on = None
    if withdrawals:
        if eruf is None:
            eruf = eruf_decision_of(withdrawals[0])
        elif eruf.outcome == "approved":
            after = [e.effective_on for e in withdrawals if e.effective_on and e.effective_on >= eruf.decided_on]
            withdrawn_on = after[0] if after else None
    started = [e.effective_on for e in live if e.type == "project_start"]
    # The other facts as they stood on the day; the utbetalningar all of them, so they
    # are left out of ``known_on``, which would only sort out the later ones.
    others = Facts(
        adoption=adoption_of(adoptions[-1]) if adoptions else None,
        eruf_decision=eruf,
        project_started_on=started[-1] if started else None,
        appeals=tuple([appeal_of(e) for e in sorted((e for e in dated if e.type == "appeal"), key=_order)]),
        eruf_withdrawn_on=withdrawn_on,
    )
    return replace(others.known_on(as_of), disbursements=paid)
