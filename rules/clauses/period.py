"""The clause that says over how long the money is given, and in which budget years.

The kind's texts give the co-financing "under" so many years (the project's years, a
number of months the data file records as ``project_months``) and have it handled in the
budget process of "Mål och budget" for some years (``starts_on``/``ends_on``), which is
how a municipality budgets: a budget for one year with a plan for the years after it
(kommunallagen 11 kap. 8 §). Neither sets a last day for an utbetalning unless the text
says so. The data file quotes the words (``[[rules]]`` "period").

Question "period-deadline": by default ("none") the period is the project's years and no
deadline: a payment outside the budget years is allowed, with the remark that it needs
budget cover. Under the strict readings the budget years ("budget-years"), or the
project's months from its start ("months-from-project-start"), are a deadline: a payment
outside is refused, and the commitment expires when they are over. An unknown start
leaves that reading undecided.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from rules.decision import Decision, fixed_outcome, per_decision
from rules.facts import Disbursement, Facts
from rules.interpretations import Reading
from rules.kind import PERIOD_DEADLINE
from rules.months import Span, years_from
from rules.outcomes import NOT_APPLICABLE, PENDING, SATISFIED, VIOLATED, RuleOutcome

PERIOD = "period"
NO_DEADLINE = "none"
BUDGET_YEARS = "budget-years"


@per_decision(maxsize=1024)
def budget_years(decision: Decision) -> tuple[Span, ...]:
    starts_on, ends_on = decision.period_starts_on, decision.period_ends_on
    return tuple((date(year, 1, 1), date(year, 12, 31)) for year in range(starts_on.year, ends_on.year + 1))


def project_years(decision: Decision, facts: Facts) -> tuple[Span, ...] | None:
    """The project's years from its recorded start; ``None`` while it is unknown."""
    if facts.project_started_on is None:
        return None
    return years_from(facts.project_started_on, decision.project_months // 12)


def years(decision: Decision, facts: Facts, reading: Reading) -> tuple[Span, ...] | None:
    """The years, as the chosen reading understands them, for splitting the amount
    between them: the project's where its start is known; under the default reading,
    else the budget years of the budget plan; under the months from the start, ``None``
    until it is known."""
    option = reading.means(PERIOD_DEADLINE)
    if option == BUDGET_YEARS:
        return budget_years(decision)
    project = project_years(decision, facts)
    if project is None and option == NO_DEADLINE:
        return budget_years(decision)
    return project


def deadline(decision: Decision, facts: Facts, reading: Reading) -> Span | None | Literal[False]:
    """The span outside which no payment may fall: ``False`` under the default reading
    (none), ``None`` where the reading has one but it is not known (no start)."""
    option = reading.means(PERIOD_DEADLINE)
    if option == NO_DEADLINE:
        return False
    span = budget_years(decision) if option == BUDGET_YEARS else project_years(decision, facts)
    return None if span is None else (span[0][0], span[-1][1])


def period(decision: Decision, facts: Facts, reading: Reading) -> RuleOutcome:
    """Every recorded utbetalning against the period."""
    chosen = reading.chosen(PERIOD_DEADLINE)
    paid = facts.disbursements
    if not paid:
        return fixed_outcome(decision, PERIOD, NOT_APPLICABLE, "payment.none", (), chosen)
    span = deadline(decision, facts, reading)
    if span is None:
        return _start_unknown(decision, chosen)
    if span is False:
        starts_on, ends_on = _budget_plan(decision)
        for payment in () if paid.all_within(starts_on, ends_on) else paid:
            if not starts_on <= payment.paid_on <= ends_on:
                values = (("paid_on", payment.paid_on), ("starts_on", starts_on), ("ends_on", ends_on))
                return _outcome(decision, chosen, SATISFIED, _outside_budget_plan(payment.paid_on, starts_on), values)
        return _outcome(
            decision, chosen, SATISFIED, "period.all_in_budget_plan", (("starts_on", starts_on), ("ends_on", ends_on))
        )
    for payment in () if paid.all_within(*span) else paid:
        if not span[0] <= payment.paid_on <= span[1]:
            values = (("paid_on", payment.paid_on), ("starts_on", span[0]), ("ends_on", span[1]))
            return _outcome(decision, chosen, VIOLATED, "period.outside", values)
    return _outcome(decision, chosen, SATISFIED, "period.within", (("starts_on", span[0]), ("ends_on", span[1])))


def period_for_payment(decision: Decision, facts: Facts, reading: Reading, payment: Disbursement) -> RuleOutcome:
    """One proposed utbetalning against the period; the message names it."""
    chosen = reading.chosen(PERIOD_DEADLINE)
    span = deadline(decision, facts, reading)
    paid_on = payment.paid_on
    if span is None:
        return _start_unknown(decision, chosen)
    if span is False:
        starts_on, ends_on = _budget_plan(decision)
        values = (("paid_on", paid_on), ("starts_on", starts_on), ("ends_on", ends_on))
        inside = starts_on <= paid_on <= ends_on
        key = "period.payment_in_budget_plan" if inside else _outside_budget_plan(paid_on, starts_on)
        return _outcome(decision, chosen, SATISFIED, key, values)
    values = (("paid_on", paid_on), ("starts_on", span[0]), ("ends_on", span[1]))
    if span[0] <= paid_on <= span[1]:
        return _outcome(decision, chosen, SATISFIED, "period.payment_within", values)
    return _outcome(decision, chosen, VIOLATED, "period.outside", values)


def _budget_plan(decision: Decision) -> Span:
    """The budget plan's first and last day (its budget years together)."""
    budget = budget_years(decision)
    return budget[0][0], budget[-1][1]


def _start_unknown(decision: Decision, chosen: tuple[str, str] | None) -> RuleOutcome:
    months = (("months", decision.project_months),)
    return fixed_outcome(decision, PERIOD, PENDING, "period.start_unknown", months, chosen)


def _outside_budget_plan(paid_on: date, starts_on: date) -> str:
    """Before the budget period only budget cover is wanting; after it, the remark also
    says that the text sets no last day."""
    return "period.before_budget_plan" if paid_on < starts_on else "period.outside_budget_plan"


@per_decision(maxsize=1024)  # bounded: the days come from the caller's facts
def _outcome(
    decision: Decision,
    chosen: tuple[str, str] | None,
    outcome: str,
    key: str,
    values: tuple[tuple[str, object], ...],
) -> RuleOutcome:
    return RuleOutcome(PERIOD, outcome, decision.citations(PERIOD), key, values, chosen)  # type: ignore[arg-type]
