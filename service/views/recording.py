"""The checks a new event must pass before it is stored, run inside the store's lock.

Three kinds of refusal, nothing stored by any:

- a fact that cannot be true of this decision (``rules.consistency``: another deciding
  body, an adoption before the proposal, a rejection with a granted amount, an appeal
  with no decision to appeal) or that supersedes what it cannot: 422 ``invalid-fact``,
  with ``errors`` pointing into the event's body;
- a fact that contradicts one already live (a second final decision of
  Kommunstyrelsen, a second ERDF grant or rejection, a second project start): 409
  ``conflicting-fact``, naming the live event, which a correction must cancel first.
  The record is never settled by the order things were recorded in;
- an utbetalning that breaks the decision's rules: 422 ``rule-violation``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from rules import (
    FINAL_ADOPTION_OUTCOMES,
    Adoption,
    Appeal,
    Decision,
    Disbursement,
    ErufDecision,
    FactProblem,
    check_adoption,
    check_appeal,
    check_appeal_against,
    check_eruf_decision,
    choose,
    judge_payment,
)
from service.http.problems import Problem
from service.shared.facts import Event, adoption_of
from service.shared.standing import Standing
from service.storage.store import Draft, Log


def checker(decision: Decision) -> Callable[[Log, Draft], None]:
    """The check for ``decision``: every fact against the decision and the live record,
    utbetalningar against every payment rule, corrections against the log."""

    def check(log: Log, draft: Draft) -> None:
        if draft.type == "disbursement":
            _check_disbursement(decision, log.standing, draft)
        elif draft.type == "correction":
            _check_correction(log, draft)
        elif draft.type == "adoption":
            _check_adoption(decision, log.standing, draft)
        elif draft.type == "eruf_decision":
            _check_eruf_decision(log, draft)
        elif draft.type == "appeal":
            _check_appeal(log, draft)
        elif draft.type == "project_start":
            _check_project_start(log.standing, draft)

    return check


def _check_disbursement(decision: Decision, standing: Standing, draft: Draft) -> None:
    assert draft.effective_on is not None
    payment = Disbursement(
        draft.effective_on,
        Decimal(draft.payload["amount"]),
        draft.payload["funding_source"],
        draft.payload["recipient"],
    )
    # Every recorded utbetalning counts toward the cap, whatever its date; adoption and
    # the ERUF decision count as they stood on the day of this payment.
    facts = standing.facts(payment.paid_on)
    verdict = judge_payment(decision, facts, payment, choose(decision))
    if verdict.allowed:
        return
    from service.formats.presenters import rule_outcome

    broken = [rule_outcome(r) for r in verdict.rules if r.outcome == "violated"]
    detail = "; ".join(f"{b['rule_id']}: {b['message']['en']}" for b in broken)
    raise Problem("rule-violation", f"Not recorded. {detail}", violations=broken)


def _check_correction(log: Log, draft: Draft) -> None:
    target = None if draft.corrects is None else log.event(draft.corrects)
    if target is None:
        raise _invalid(f"This decision has no event {draft.corrects} to correct.")
    if target.type == "correction":
        raise _invalid("A correction cannot be corrected; record the fact anew instead.")
    earlier = log.correction_of(target.event_id)
    if earlier is not None:
        raise _invalid(f"Event {target.event_id} was already corrected by event {earlier}.")


def _invalid(detail: str) -> Problem:
    return Problem("invalid-correction", detail, errors=[{"pointer": "/corrects", "detail": detail}])


def _check_adoption(decision: Decision, standing: Standing, draft: Draft) -> None:
    adoption = _adoption(draft)
    _refuse(check_adoption(decision, adoption))
    for e in _live(standing, "adoption"):
        other = adoption_of(e)
        final = other.outcome in FINAL_ADOPTION_OUTCOMES
        if adoption.outcome in FINAL_ADOPTION_OUTCOMES:
            clash = final or other.decided_on >= adoption.decided_on
        else:
            clash = final and other.decided_on <= adoption.decided_on
        if clash:
            raise _conflict(
                e,
                f"Event {e.event_id} already records Kommunstyrelsen's decision on the matter"
                f" ({other.outcome}, {other.decided_on}); this one ({adoption.outcome}, {adoption.decided_on})"
                " contradicts it.",
            )


def _check_eruf_decision(log: Log, draft: Draft) -> None:
    eruf = ErufDecision(draft.effective_on or date.min, draft.payload["outcome"], _amount(draft.payload))
    _refuse(check_eruf_decision(eruf))
    live = _live(log.standing, "eruf_decision")
    replaced = _superseded(log, live, draft)
    for e in live:
        if e is replaced:
            continue
        outcome, day = e.payload["outcome"], e.effective_on or date.min
        if eruf.outcome == "withdrawn":
            clash = outcome != "approved" or eruf.decided_on < day
        elif outcome == "withdrawn":
            clash = eruf.outcome == "rejected" or day < eruf.decided_on
        else:
            clash = True
        if clash:
            raise _conflict(
                e,
                f"Event {e.event_id} already records the ERDF's decision on the application ({outcome}, {day});"
                f" this one ({eruf.outcome}, {eruf.decided_on}) contradicts it. If this one replaces it"
                f" (an official decision for a press report), say so with supersedes {e.event_id}.",
            )


def _check_appeal(log: Log, draft: Draft) -> None:
    p = draft.payload
    appeal = Appeal(draft.effective_on or date.min, p["outcome"], _day(p.get("decided_on")))
    adoptions = [adoption_of(e) for e in _live(log.standing, "adoption")]
    final = [a for a in adoptions if a.outcome in FINAL_ADOPTION_OUTCOMES]
    against = final[-1] if final else (max(adoptions, key=lambda a: a.decided_on) if adoptions else None)
    _refuse(check_appeal(appeal) + check_appeal_against(against, appeal))
    live = _live(log.standing, "appeal")
    replaced = _superseded(log, live, draft)
    if replaced is None:
        # A ruling on an appeal already recorded as pending is that appeal's ruling, not a
        # second appeal: recorded beside it, both would count (and a dismissal would leave
        # the decision appealed for good).
        for e in live:
            if appeal.outcome != "pending" and e.payload["outcome"] == "pending" and e.effective_on == appeal.lodged_on:
                raise _conflict(
                    e,
                    f"Event {e.event_id} records a pending appeal lodged on {e.effective_on}; a ruling on it"
                    f" says so with supersedes {e.event_id}.",
                )
        return
    if replaced.payload["outcome"] != "pending" or appeal.outcome == "pending":
        _refuse(
            (
                FactProblem(
                    "/supersedes",
                    f"Event {replaced.event_id} is an appeal {replaced.payload['outcome']}; only the ruling"
                    " (dismissed or upheld) on a pending appeal supersedes it.",
                ),
            )
        )
    if replaced.effective_on != appeal.lodged_on:
        _refuse(
            (
                FactProblem(
                    "/lodged_on",
                    f"The appeal in event {replaced.event_id} was lodged on {replaced.effective_on}; its"
                    f" ruling says {appeal.lodged_on}. If the first was wrong, correct it.",
                ),
            )
        )


def _check_project_start(standing: Standing, draft: Draft) -> None:
    for e in _live(standing, "project_start"):
        raise _conflict(
            e, f"Event {e.event_id} already records the project's start ({e.effective_on}); a project starts once."
        )


def _adoption(draft: Draft) -> Adoption:
    p = draft.payload
    assert draft.effective_on is not None
    return Adoption(
        draft.effective_on, p["outcome"], p.get("body"), _amount(p, "amended_amount"), _day(p.get("announced_on"))
    )


def _amount(payload: dict[str, object], name: str = "granted_amount") -> Decimal | None:
    value = payload.get(name)
    return None if value is None else Decimal(str(value))


def _day(value: object) -> date | None:
    return None if value is None else date.fromisoformat(str(value))


def _live(standing: Standing, kind: str) -> list[Event]:
    return [e for e in standing.live if e.type == kind]


def _superseded(log: Log, live: list[Event], draft: Draft) -> Event | None:
    """The live event of the draft's type that it supersedes, if it names one."""
    target = draft.payload.get("supersedes")
    if target is None:
        return None
    found = next((e for e in live if e.event_id == target), None)
    if found is not None:
        return found
    known = log.event(int(target))
    if known is None:
        why = f"This decision has no event {target}."
    elif known.type != draft.type:
        why = f"Event {target} is of type {known.type}, not {draft.type}: a fact supersedes only one of its own type."
    else:
        why = f"Event {target} no longer counts (corrected or superseded already): there is nothing to supersede."
    _refuse((FactProblem("/supersedes", why),))
    return None  # not reached


def _refuse(problems: tuple[FactProblem, ...]) -> None:
    if not problems:
        return
    errors = [{"pointer": p.pointer, "detail": p.detail} for p in problems]
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    raise Problem("invalid-fact", f"Not recorded. {errors[0]['pointer']}: {errors[0]['detail']}{more}", errors=errors)


def _conflict(live: Event, what: str) -> Problem:
    href = f"/v1/decisions/{live.decision_id}/events/{live.event_id}"
    return Problem(
        "conflicting-fact",
        f"Not recorded. {what} Record a correction of event {live.event_id} first"
        f' ({{"type": "correction", "corrects": {live.event_id}, "reason": …}}), then this fact.',
        conflicting_event={"event_id": live.event_id, "type": live.type, "href": href},
    )
