"""Avsnittet "Finansiering under projektets tre år": the project's financing plan.

"Totalt kommer projektet att kosta ca 11 miljoner under tre år. [...] De medel som
söks från Europeiska regionala utvecklingsfonden uppgår till 4,4 miljoner."

A check of the facts the text states, not a condition of the decision: a plan that does
not add up refuses no utbetalning. What the text says: ca 11 miljoner in all, written in
whole millions; so by default ("stated-total-precision": "as-written") the sum agrees
when it rounds to 11 miljoner, 10 500 000.00 up to but not including 11 500 000.00; the
alternative "exact" asks for 11 000 000.00. Whether "0,1 miljon" is Karolinska
Institutet and RS Life Science together or each is open ("ki-rs-life-science-contribution").

No EU co-financing rate is checked here: the CPR (Regulation (EU) 2021/1060, art. 112)
caps the rate per programme priority, not per project, and the Huddinge text says
nothing of it.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from rules.decision import Contribution, Decision
from rules.interpretations import KI_RS_CONTRIBUTION, STATED_TOTAL_PRECISION, Reading
from rules.money import ZERO
from rules.outcomes import SATISFIED, VIOLATED, RuleOutcome

FINANCING_BALANCE = "financing-balance"


def contribution_amount(contribution: Contribution, ki_rs_option: str) -> Decimal:
    """Interpretation "ki-rs-life-science-contribution": "(0,1 miljon)" after two
    parties is the two together by default, or each of them under "each"."""
    if ki_rs_option == "each":
        return contribution.amount * len(contribution.parties)
    return contribution.amount


@cache
def _plan_total(decision: Decision, ki_rs_option: str) -> Decimal:
    return sum((contribution_amount(c, ki_rs_option) for c in decision.contributions), ZERO)


def plan_total(decision: Decision, reading: Reading) -> Decimal:
    """The sum of every contribution in the financing plan, as the reading counts them."""
    return _plan_total(decision, reading.option(KI_RS_CONTRIBUTION))


def plan_shares(decision: Decision, reading: Reading) -> tuple[tuple[Contribution, Decimal, Decimal], ...]:
    """Each contribution with its amount and its share of the plan's total (a fraction,
    unrounded), as the API and the pages show the plan."""
    option = reading.option(KI_RS_CONTRIBUTION)
    total = _plan_total(decision, option)
    amounts = [(c, contribution_amount(c, option)) for c in decision.contributions]
    return tuple((c, amount, amount / total) for c, amount in amounts)


def stated_range(decision: Decision, precision_option: str) -> tuple[Decimal, Decimal]:
    """The sums that agree with the stated total: ``low <= sum < high`` as written,
    ``low == sum == high`` under "exact"."""
    stated = decision.stated_total
    if precision_option == "exact":
        return stated, stated
    half = decision.stated_precision / 2
    return stated - half, stated + half


@cache
def financing_balance(decision: Decision, reading: Reading) -> RuleOutcome:
    """The contributions add up to the stated total ("ca 11 miljoner") at the chosen precision."""
    option = reading.option(KI_RS_CONTRIBUTION)
    precision = reading.option(STATED_TOTAL_PRECISION)
    total, stated = _plan_total(decision, option), decision.stated_total
    low, high = stated_range(decision, precision)
    cites, chosen = decision.citations(FINANCING_BALANCE), reading.chosen(STATED_TOTAL_PRECISION)
    if precision == "exact":
        values: tuple[tuple[str, object], ...] = (("total", total), ("stated", stated))
        if total == stated:
            return RuleOutcome(FINANCING_BALANCE, SATISFIED, cites, "balance.exact", values, chosen)
        values = (*values, ("difference", total - stated))
        return RuleOutcome(FINANCING_BALANCE, VIOLATED, cites, "balance.not_exact", values, chosen)
    values = (("total", total), ("stated", stated), ("low", low), ("high", high))
    if low <= total < high:
        return RuleOutcome(FINANCING_BALANCE, SATISFIED, cites, "balance.about", values, chosen)
    return RuleOutcome(FINANCING_BALANCE, VIOLATED, cites, "balance.not_about", values, chosen)
