"""Beslutspunkt 2: where the money comes from, and the budget years.

"Medel tas från reserverade medel för oförutsett och hanteras i processen för Mål och
budget 2025 – 2027."
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from rules.decision import Decision
from rules.facts import Disbursement, Facts
from rules.interpretations import THREE_YEARS, Reading
from rules.outcomes import NOT_APPLICABLE, PENDING, SATISFIED, VIOLATED, RuleOutcome

PERIOD = "period"
FUNDING_SOURCE = "funding-source"

Year = tuple[date, date]


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


@cache
def _budget_years(starts_on: date, ends_on: date) -> tuple[Year, ...]:
    return tuple((date(year, 1, 1), date(year, 12, 31)) for year in range(starts_on.year, ends_on.year + 1))


@cache
def _project_years(started_on: date, count: int) -> tuple[Year, ...]:
    return tuple((_add_years(started_on, i), _add_years(started_on, i + 1) - timedelta(days=1)) for i in range(count))


def years(decision: Decision, facts: Facts, reading: Reading) -> tuple[Year, ...] | None:
    """The three years of "under tre år", as the chosen reading understands them.

    Interpretation "three-years": by default the budget years of Mål och budget
    2025 – 2027 (beslutspunkt 2); alternatively 36 months from the project start,
    which is unknown (``None``) until the facts give it.
    """
    budget = _budget_years(decision.period_starts_on, decision.period_ends_on)
    if reading.option(THREE_YEARS) == "budget-years-2025-2027":
        return budget
    if facts.project_started_on is None:
        return None
    return _project_years(facts.project_started_on, len(budget))


def is_within(day: date, span: tuple[Year, ...]) -> bool:
    return span[0][0] <= day <= span[-1][1]


def period(decision: Decision, facts: Facts, reading: Reading, paid: tuple[Disbursement, ...]) -> RuleOutcome:
    """Beslutspunkt 1 and 2: every utbetalning in ``paid`` falls within the three years."""
    cites, chosen = decision.citations(PERIOD), (THREE_YEARS, reading.option(THREE_YEARS))
    if not paid:
        return RuleOutcome(PERIOD, NOT_APPLICABLE, cites, "period.no_disbursements", (), chosen)
    span = years(decision, facts, reading)
    if span is None:
        return RuleOutcome(PERIOD, PENDING, cites, "period.start_unknown", (), chosen)
    bounds = (("starts_on", span[0][0]), ("ends_on", span[-1][1]))
    for payment in paid:
        if not is_within(payment.paid_on, span):
            return RuleOutcome(
                PERIOD, VIOLATED, cites, "period.outside", (("paid_on", payment.paid_on), *bounds), chosen
            )
    return RuleOutcome(PERIOD, SATISFIED, cites, "period.within", bounds, chosen)


def funding_source(decision: Decision, paid: tuple[Disbursement, ...]) -> RuleOutcome:
    """Beslutspunkt 2: "Medel tas från reserverade medel för oförutsett"."""
    cites, expected, name = decision.citations(FUNDING_SOURCE), decision.funding_source_id, decision.funding_source_name
    if not paid:
        return RuleOutcome(FUNDING_SOURCE, NOT_APPLICABLE, cites, "payment.none")
    for payment in paid:
        if payment.funding_source != expected:
            values = (("paid_on", payment.paid_on), ("given", payment.funding_source), ("expected", name))
            return RuleOutcome(FUNDING_SOURCE, VIOLATED, cites, "source.wrong", values)
    return RuleOutcome(FUNDING_SOURCE, SATISFIED, cites, "source.right", (("expected", name),))
