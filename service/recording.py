"""The checks a new event must pass before it is stored, run inside the store's lock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal

from rules import Decision, Disbursement, judge_payment
from rules.interpretations import choose
from service.problems import Problem
from service.storage.facts import Event, corrected_by, facts_from
from service.storage.store import Draft

END_OF_RECORD = datetime.max.replace(tzinfo=UTC)


def checker(decision: Decision) -> Callable[[list[Event], Draft], None]:
    """The check for ``decision``: utbetalningar against every payment rule,
    corrections against the log."""

    def check(events: list[Event], draft: Draft) -> None:
        if draft.type == "disbursement":
            _check_disbursement(decision, events, draft)
        elif draft.type == "correction":
            _check_correction(events, draft)

    return check


def _check_disbursement(decision: Decision, events: list[Event], draft: Draft) -> None:
    assert draft.effective_on is not None
    payment = Disbursement(
        draft.effective_on,
        Decimal(draft.payload["amount"]),
        draft.payload["funding_source"],
        draft.payload["recipient"],
    )
    # Every recorded utbetalning counts toward the cap, whatever its date; adoption and
    # the ERUF decision count as they stood on the day of this payment.
    facts = facts_from(events, known_at=END_OF_RECORD, as_of=payment.paid_on)
    verdict = judge_payment(decision, facts, payment, choose(decision))
    if verdict.allowed:
        return
    from service.presenters import rule_outcome

    broken = [rule_outcome(r) for r in verdict.rules if r.outcome == "violated"]
    detail = "; ".join(f"{b['rule_id']}: {b['message']['en']}" for b in broken)
    raise Problem("rule-violation", f"Not recorded. {detail}", violations=broken)


def _check_correction(events: list[Event], draft: Draft) -> None:
    target = next((e for e in events if e.event_id == draft.corrects), None)
    if target is None:
        raise _invalid(f"This decision has no event {draft.corrects} to correct.")
    if target.type == "correction":
        raise _invalid("A correction cannot be corrected; record the fact anew instead.")
    earlier = corrected_by(events).get(target.event_id)
    if earlier is not None:
        raise _invalid(f"Event {target.event_id} was already corrected by event {earlier}.")


def _invalid(detail: str) -> Problem:
    return Problem("invalid-correction", detail, errors=[{"pointer": "/corrects", "detail": detail}])
