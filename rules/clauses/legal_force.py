"""Legal force: the appeal period of the deciding body's decision, and any appeal.

Kommunallagen (2017:725) 13 kap.: a member of the municipality may have the decision's
lawfulness tried (laglighetsprövning); the appeal must come in within three weeks of the
day on which the announcement that the protocol had been justerat was put on the
anslagstavla (5 §). A decision may be executed before it gains legal force, so a
pending appeal refuses no utbetalning; an upheld appeal annuls the decision.

Three weeks from a day end on the same weekday three weeks later. Where that last day
is a Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton, it moves
to the next weekday (lag (1930:173) om beräkning av lagstadgad tid, 2 §). The holidays
are the ``holidays`` library's Swedish calendar; it files the three eves under
``DE_FACTO``, not ``PUBLIC``, so both categories are read.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from rules.decision import Decision, fixed_outcome
from rules.facts import Appeal, Facts
from rules.outcomes import NOT_APPLICABLE, PENDING, SATISFIED, VIOLATED, AppealState, AppealStatus, RuleOutcome

RULE_ID = "legal-force"
THREE_WEEKS = timedelta(weeks=3)


@lru_cache(maxsize=64)
def _swedish_holidays(year: int) -> frozenset[date]:
    import holidays  # on first use: 3 MB that a process reading no appeal period never needs

    calendar = holidays.country_holidays("SE", years=year, categories=(holidays.PUBLIC, holidays.DE_FACTO))
    return frozenset(calendar)


def is_weekday(day: date) -> bool:
    """A day on which a time limit can end: not a Saturday, Sunday, public holiday,
    midsommarafton, julafton or nyårsafton (lag (1930:173) 2 §)."""
    return day.weekday() < 5 and day not in _swedish_holidays(day.year)


@lru_cache(maxsize=256)  # bounded: the day comes from the caller's facts
def appeal_period_ends(announced_on: date) -> date:
    """The last day on which an appeal can come in (13 kap. 5 §, lag (1930:173) 2 §)."""
    if announced_on > date.max - THREE_WEEKS - timedelta(days=14):
        return date.max
    last = announced_on + THREE_WEEKS
    while not is_weekday(last):
        last += timedelta(days=1)
    return last


def upheld(facts: Facts) -> Appeal | None:
    """The first appeal the court upheld, by the day it ruled, among the facts known."""
    found = [a for a in facts.appeals if a.outcome == "upheld" and a.decided_on is not None]
    return min(found, key=lambda a: a.decided_on or date.max) if found else None


def annulled_on(facts: Facts) -> date | None:
    """The day the decision was annulled on appeal, if it was."""
    appeal = upheld(facts)
    return None if appeal is None else appeal.decided_on


def _appeal_status(facts: Facts) -> AppealStatus:
    outcomes = {a.outcome for a in facts.appeals}
    if "upheld" in outcomes:
        return "upheld"
    if "pending" in outcomes:
        return "pending"
    return "dismissed" if outcomes else "none"


def appeal_state(facts: Facts, on: date) -> AppealState | None:
    """The appeal period and any appeal on ``on``; ``None`` until the announcement is known."""
    adoption = facts.adoption
    if adoption is None or adoption.announced_on is None:
        return None
    ends_on = appeal_period_ends(adoption.announced_on)
    return AppealState(adoption.announced_on, ends_on, on > ends_on, _appeal_status(facts))


def legal_force(decision: Decision, facts: Facts, on: date) -> RuleOutcome:
    """Whether Kommunstyrelsen's decision has gained legal force on ``on``. A check: it
    informs, and refuses no utbetalning (an annulment does, through ``adoption``)."""
    adoption = facts.adoption
    if adoption is None or adoption.outcome in ("referred_back", "tabled"):
        return fixed_outcome(decision, RULE_ID, NOT_APPLICABLE, "force.no_decision")
    cites = decision.citations(RULE_ID)
    appeal = upheld(facts)
    if appeal is not None:
        values = (("lodged_on", appeal.lodged_on), ("ruled_on", appeal.decided_on))
        return RuleOutcome(RULE_ID, VIOLATED, cites, "force.annulled", values)
    pending = [a for a in facts.appeals if a.outcome == "pending"]
    ends_on = None if adoption.announced_on is None else appeal_period_ends(adoption.announced_on)
    if pending:
        lodged_on = pending[0].lodged_on
        if ends_on is not None and lodged_on > ends_on:
            values = (("lodged_on", lodged_on), ("period_ends_on", ends_on))
            return RuleOutcome(RULE_ID, PENDING, cites, "force.appealed_late", values)
        return RuleOutcome(RULE_ID, PENDING, cites, "force.appealed", (("lodged_on", lodged_on),))
    if facts.appeals:
        # A court's ruling can itself be appealed; the decision gains legal force only when
        # the ruling stands, which the facts do not record.
        ruled = max(a.decided_on or a.lodged_on for a in facts.appeals)
        return RuleOutcome(RULE_ID, PENDING, cites, "force.appeal_dismissed", (("ruled_on", ruled),))
    if adoption.announced_on is None or ends_on is None:
        return fixed_outcome(decision, RULE_ID, PENDING, "force.announcement_unknown")
    values = (("announced_on", adoption.announced_on), ("period_ends_on", ends_on))
    if on <= ends_on:
        return RuleOutcome(RULE_ID, PENDING, cites, "force.period_running", values)
    return RuleOutcome(RULE_ID, SATISFIED, cites, "force.period_run", values)
