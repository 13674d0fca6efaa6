"""Beslutspunkt 2 and the three years: where the money comes from, and when it is paid.

"Medel tas från reserverade medel för oförutsett och hanteras i processen för Mål och
budget 2025 – 2027."

What the text says: the money comes from the contingency reserve, and it is handled in
the budget process of Mål och budget 2025 – 2027, which is how a municipality budgets
(a budget for one year with a plan for the two after it, kommunallagen 11 kap. 8 §).
Point 1's "under tre år" and the heading "Finansiering under projektets tre år" speak of
the project's three years. What the text does not say is that nothing may be paid
outside 2025–2027, or outside the project's three years: no sentence sets a last day.

Interpretation "three-years": by default ("project-years") the period is the project's
three years and no deadline: a payment outside 2025–2027 is allowed, with the remark
that it lies outside the budget plan and needs budget cover. Under the strict readings
the budget years ("budget-years-2025-2027") or 36 months from the project start
("36-months-from-project-start") are a deadline: a payment outside is refused, and the
commitment expires when they are over. An unknown start leaves that reading undecided.
"""

from __future__ import annotations

from datetime import date
from functools import cache, lru_cache
from typing import Literal

from rules.decision import Decision, fixed_outcome
from rules.facts import Disbursement, Facts
from rules.interpretations import THREE_YEARS, Reading
from rules.months import Span, years_from
from rules.outcomes import NOT_APPLICABLE, PENDING, SATISFIED, VIOLATED, RuleOutcome

PERIOD = "period"
FUNDING_SOURCE = "funding-source"
PROJECT_YEARS = "project-years"
BUDGET_YEARS = "budget-years-2025-2027"
MONTHS_FROM_START = "36-months-from-project-start"


@cache
def budget_years(decision: Decision) -> tuple[Span, ...]:
    starts_on, ends_on = decision.period_starts_on, decision.period_ends_on
    return tuple((date(year, 1, 1), date(year, 12, 31)) for year in range(starts_on.year, ends_on.year + 1))


def project_years(decision: Decision, facts: Facts) -> tuple[Span, ...] | None:
    """The project's three years from its recorded start; ``None`` while it is unknown."""
    if facts.project_started_on is None:
        return None
    return years_from(facts.project_started_on, decision.project_months // 12)


def years(decision: Decision, facts: Facts, reading: Reading) -> tuple[Span, ...] | None:
    """The three years, as the chosen reading understands them, for splitting the amount
    between them: the project's where its start is known; under the default reading,
    else the budget years of the budget plan; under "36 months", ``None`` until known."""
    option = reading.option(THREE_YEARS)
    if option == BUDGET_YEARS:
        return budget_years(decision)
    project = project_years(decision, facts)
    if project is None and option == PROJECT_YEARS:
        return budget_years(decision)
    return project


def deadline(decision: Decision, facts: Facts, reading: Reading) -> Span | None | Literal[False]:
    """The span outside which no payment may fall: ``False`` under the default reading
    (none), ``None`` where the reading has one but it is not known (no start)."""
    option = reading.option(THREE_YEARS)
    if option == PROJECT_YEARS:
        return False
    span = budget_years(decision) if option == BUDGET_YEARS else project_years(decision, facts)
    return None if span is None else (span[0][0], span[-1][1])


def period(decision: Decision, facts: Facts, reading: Reading) -> RuleOutcome:
    """Every recorded utbetalning against the period."""
    chosen = reading.chosen(THREE_YEARS)
    paid = facts.disbursements
    if not paid:
        return fixed_outcome(decision, PERIOD, NOT_APPLICABLE, "payment.none", (), chosen)
    span = deadline(decision, facts, reading)
    if span is None:
        return fixed_outcome(decision, PERIOD, PENDING, "period.start_unknown", (), chosen)
    if span is False:
        budget = budget_years(decision)
        starts_on, ends_on = budget[0][0], budget[-1][1]
        for payment in paid:
            if not starts_on <= payment.paid_on <= ends_on:
                values = (("paid_on", payment.paid_on), ("starts_on", starts_on), ("ends_on", ends_on))
                return _outcome(decision, chosen, SATISFIED, _outside_budget_plan(payment.paid_on, starts_on), values)
        return _outcome(
            decision, chosen, SATISFIED, "period.all_in_budget_plan", (("starts_on", starts_on), ("ends_on", ends_on))
        )
    for payment in paid:
        if not span[0] <= payment.paid_on <= span[1]:
            values = (("paid_on", payment.paid_on), ("starts_on", span[0]), ("ends_on", span[1]))
            return _outcome(decision, chosen, VIOLATED, "period.outside", values)
    return _outcome(decision, chosen, SATISFIED, "period.within", (("starts_on", span[0]), ("ends_on", span[1])))


def period_for_payment(decision: Decision, facts: Facts, reading: Reading, payment: Disbursement) -> RuleOutcome:
    """One proposed utbetalning against the period; the message names it."""
    chosen = reading.chosen(THREE_YEARS)
    span = deadline(decision, facts, reading)
    paid_on = payment.paid_on
    if span is None:
        return fixed_outcome(decision, PERIOD, PENDING, "period.start_unknown", (), chosen)
    if span is False:
        budget = budget_years(decision)
        starts_on, ends_on = budget[0][0], budget[-1][1]
        values = (("paid_on", paid_on), ("starts_on", starts_on), ("ends_on", ends_on))
        inside = starts_on <= paid_on <= ends_on
        key = "period.payment_in_budget_plan" if inside else _outside_budget_plan(paid_on, starts_on)
        return _outcome(decision, chosen, SATISFIED, key, values)
    values = (("paid_on", paid_on), ("starts_on", span[0]), ("ends_on", span[1]))
    if span[0] <= paid_on <= span[1]:
        return _outcome(decision, chosen, SATISFIED, "period.payment_within", values)
    return _outcome(decision, chosen, VIOLATED, "period.outside", values)


def _outside_budget_plan(paid_on: date, starts_on: date) -> str:
    """Before the budget period only budget cover is wanting; after it, the remark also
    says that the text sets no last day."""
    return "period.before_budget_plan" if paid_on < starts_on else "period.outside_budget_plan"


def funding_source_allows(decision: Decision, payment: Disbursement) -> bool:
    return payment.funding_source == decision.funding_source_id


def funding_source(decision: Decision, paid: tuple[Disbursement, ...]) -> RuleOutcome:
    """Beslutspunkt 2: "Medel tas från reserverade medel för oförutsett"."""
    if not paid:
        return fixed_outcome(decision, FUNDING_SOURCE, NOT_APPLICABLE, "payment.none")
    names = _source_names(decision)
    for payment in paid:
        if not funding_source_allows(decision, payment):
            values = (("paid_on", payment.paid_on), ("given", payment.funding_source), *names)
            return RuleOutcome(FUNDING_SOURCE, VIOLATED, decision.citations(FUNDING_SOURCE), "source.wrong", values)
    # One utbetalning (the proposed one, or the only one recorded): "the" payment, with no
    # day to name, so that the outcome is the same for every such payment.
    return _source(decision, "source.right_one" if len(paid) == 1 else "source.right", names)


@cache
def _source_names(decision: Decision) -> tuple[tuple[str, object], ...]:
    """The funding source as a Swedish sentence names it (a common noun, lower case) and
    as an English one does."""
    name = decision.funding_source_name
    return (("expected", name[:1].lower() + name[1:]), ("expected_en", decision.funding_source_name_en))


@lru_cache(maxsize=256)
def _source(decision: Decision, key: str, values: tuple[tuple[str, object], ...]) -> RuleOutcome:
    return RuleOutcome(FUNDING_SOURCE, SATISFIED, decision.citations(FUNDING_SOURCE), key, values)


@lru_cache(maxsize=1024)  # bounded: the days come from the caller's facts
def _outcome(
    decision: Decision,
    chosen: tuple[str, str],
    outcome: str,
    key: str,
    values: tuple[tuple[str, object], ...],
) -> RuleOutcome:
    return RuleOutcome(PERIOD, outcome, decision.citations(PERIOD), key, values, chosen)  # type: ignore[arg-type]
