"""The clause that states the project's financing plan: who contributes what, and about
how much the project costs in all.

A check of the facts the text states, not a condition of the decision: a plan that does
not add up refuses no utbetalning. A total written "ca" so many millions is written to
whole millions, so by default (question "stated-total-precision", meaning "as-written")
the contributions agree with it when their sum rounds to it at the precision the data
file records (``stated_precision``); the alternative "exact" asks for the total itself.
Where one amount is written after several parties, whether it is theirs together or
each's is open (question "joint-contribution"). The data file quotes the plan.

No EU co-financing rate is checked here: the CPR (Regulation (EU) 2021/1060, art. 112)
caps the rate per programme priority, not per project, and the kind's texts say nothing
of it.
"""

from __future__ import annotations

from decimal import Decimal

from rules.decision import Contribution, Decision, per_decision
from rules.interpretations import Reading
from rules.kind import JOINT_CONTRIBUTION, STATED_TOTAL_PRECISION
from rules.money import ZERO
from rules.outcomes import SATISFIED, VIOLATED, RuleOutcome

FINANCING_BALANCE = "financing-balance"


def contribution_amount(contribution: Contribution, joint: str) -> Decimal:
    """An amount written after several parties is theirs together ("together"), or
    each's ("each")."""
    if joint == "each":
        return contribution.amount * len(contribution.parties)
    return contribution.amount


@per_decision(maxsize=1024)
def _plan_total(decision: Decision, joint: str) -> Decimal:
    return sum((contribution_amount(c, joint) for c in decision.contributions), ZERO)


def plan_total(decision: Decision, reading: Reading) -> Decimal:
    """The sum of every contribution in the financing plan, as the reading counts them."""
    return _plan_total(decision, reading.means(JOINT_CONTRIBUTION))


def plan_shares(decision: Decision, reading: Reading) -> tuple[tuple[Contribution, Decimal, Decimal], ...]:
    """Each contribution with its amount and its share of the plan's total (a fraction,
    unrounded), as the API and the pages show the plan."""
    joint = reading.means(JOINT_CONTRIBUTION)
    total = _plan_total(decision, joint)
    amounts = [(c, contribution_amount(c, joint)) for c in decision.contributions]
    return tuple((c, amount, amount / total) for c, amount in amounts)


def stated_range(decision: Decision, precision: str) -> tuple[Decimal, Decimal]:
    """The sums that agree with the stated total: ``low <= sum < high`` as written,
    ``low == sum == high`` under "exact"."""
    stated = decision.stated_total
    if precision == "exact":
        return stated, stated
    half = decision.stated_precision / 2
    return stated - half, stated + half


@per_decision(maxsize=1024)
def financing_balance(decision: Decision, reading: Reading) -> RuleOutcome:
    """The contributions add up to the stated total at the chosen precision."""
    precision = reading.means(STATED_TOTAL_PRECISION)
    total, stated = _plan_total(decision, reading.means(JOINT_CONTRIBUTION)), decision.stated_total
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
