"""Beslutspunkt 2: where the money comes from, and the budget years.

"Medel tas från reserverade medel för oförutsett och hanteras i processen för Mål och
budget 2025 – 2027."
"""

from __future__ import annotations

from datetime import MAXYEAR, date, timedelta
from functools import cache, lru_cache

from rules.decision import Decision, fixed_outcome
from rules.facts import Disbursement, Facts
from rules.interpretations import THREE_YEARS, Reading
from rules.outcomes import NOT_APPLICABLE, PENDING, SATISFIED, VIOLATED, RuleOutcome

PERIOD = "period"
FUNDING_SOURCE = "funding-source"

Year = tuple[date, date]


def _add_years(day: date, years: int) -> date:
    if day.year + years > MAXYEAR:
        return date.max  # past the calendar: no day of it ends the period
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


@cache
def _budget_years(decision: Decision) -> tuple[Year, ...]:
    starts_on, ends_on = decision.period_starts_on, decision.period_ends_on
    return tuple((date(year, 1, 1), date(year, 12, 31)) for year in range(starts_on.year, ends_on.year + 1))


@lru_cache(maxsize=256)  # bounded: the start day comes from the caller's facts
def _project_years(started_on: date, count: int) -> tuple[Year, ...]:
    return tuple((_add_years(started_on, i), _add_years(started_on, i + 1) - timedelta(days=1)) for i in range(count))


def years(decision: Decision, facts: Facts, reading: Reading) -> tuple[Year, ...] | None:
    """The three years of "under tre år", as the chosen reading understands them.

    Interpretation "three-years": by default the budget years of Mål och budget
    2025 – 2027 (beslutspunkt 2); alternatively 36 months from the project start,
    which is unknown (``None``) until the facts give it.
    """
    budget = _budget_years(decision)
    if reading.option(THREE_YEARS) == "budget-years-2025-2027":
        return budget
    if facts.project_started_on is None:
        return None
    return _project_years(facts.project_started_on, len(budget))


def period(decision: Decision, facts: Facts, reading: Reading, paid: tuple[Disbursement, ...]) -> RuleOutcome:
    """Beslutspunkt 1 and 2: every utbetalning in ``paid`` falls within the three years."""
    chosen = reading.chosen(THREE_YEARS)
    if not paid:
        return fixed_outcome(decision, PERIOD, NOT_APPLICABLE, "payment.none", (), chosen)
    span = years(decision, facts, reading)
    if span is None:
        return fixed_outcome(decision, PERIOD, PENDING, "period.start_unknown", (), chosen)
    starts_on, ends_on = span[0][0], span[-1][1]
    for payment in paid:
        if not starts_on <= payment.paid_on <= ends_on:
            values = (("paid_on", payment.paid_on), ("starts_on", starts_on), ("ends_on", ends_on))
            return RuleOutcome(PERIOD, VIOLATED, decision.citations(PERIOD), "period.outside", values, chosen)
    return _within(decision, chosen, starts_on, ends_on)


def funding_source(decision: Decision, paid: tuple[Disbursement, ...]) -> RuleOutcome:
    """Beslutspunkt 2: "Medel tas från reserverade medel för oförutsett"."""
    if not paid:
        return fixed_outcome(decision, FUNDING_SOURCE, NOT_APPLICABLE, "payment.none")
    expected, name = decision.funding_source_id, decision.funding_source_name
    for payment in paid:
        if payment.funding_source != expected:
            values = (("paid_on", payment.paid_on), ("given", payment.funding_source), ("expected", name))
            return RuleOutcome(FUNDING_SOURCE, VIOLATED, decision.citations(FUNDING_SOURCE), "source.wrong", values)
    return fixed_outcome(decision, FUNDING_SOURCE, SATISFIED, "source.right", (("expected", name),))


@lru_cache(maxsize=256)  # bounded: under "36 months", the span comes from the caller's facts
def _within(decision: Decision, chosen: tuple[str, str], starts_on: date, ends_on: date) -> RuleOutcome:
    values = (("starts_on", starts_on), ("ends_on", ends_on))
    return RuleOutcome(PERIOD, SATISFIED, decision.citations(PERIOD), "period.within", values, chosen)
