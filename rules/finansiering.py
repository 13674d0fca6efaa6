"""Avsnittet "Finansiering under projektets tre år": the project's financing plan.

"Totalt kommer projektet att kosta ca 11 miljoner under tre år. [...] De medel som
söks från Europeiska regionala utvecklingsfonden uppgår till 4,4 miljoner."
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from rules.decision import Contribution, Decision
from rules.interpretations import KI_RS_CONTRIBUTION, Reading
from rules.money import ORE, ZERO, Percent
from rules.outcomes import SATISFIED, VIOLATED, RuleOutcome

FINANCING_BALANCE = "financing-balance"
EU_COFINANCING_RATE = "eu-cofinancing-rate"


def contribution_amount(contribution: Contribution, ki_rs_option: str) -> Decimal:
    """Interpretation "ki-rs-life-science-contribution": "(0,1 miljon)" after two
    parties is the two together by default, or each of them under "each"."""
    if ki_rs_option == "each":
        return contribution.amount * len(contribution.parties)
    return contribution.amount


@cache
def plan_total(decision: Decision, ki_rs_option: str) -> Decimal:
    """The sum of every contribution in the financing plan."""
    return sum((contribution_amount(c, ki_rs_option) for c in decision.contributions), ZERO)


def plan_shares(decision: Decision, ki_rs_option: str) -> tuple[tuple[Contribution, Decimal, Decimal], ...]:
    """Each contribution with its amount and its share of the plan's total (a fraction,
    unrounded), as the API and the pages show the plan."""
    total = plan_total(decision, ki_rs_option)
    amounts = [(c, contribution_amount(c, ki_rs_option)) for c in decision.contributions]
    return tuple((c, amount, amount / total) for c, amount in amounts)


def eu_amount(decision: Decision) -> Decimal:
    return sum((c.amount for c in decision.contributions if c.kind == "eu_fund"), ZERO)


@cache
def financing_balance(decision: Decision, reading: Reading) -> RuleOutcome:
    """The contributions add up to the stated total ("ca 11 miljoner")."""
    option = reading.option(KI_RS_CONTRIBUTION)
    total, stated = plan_total(decision, option), decision.stated_total
    cites, chosen = decision.citations(FINANCING_BALANCE), (KI_RS_CONTRIBUTION, option)
    if total == stated:
        return RuleOutcome(
            FINANCING_BALANCE, SATISFIED, cites, "balance.balances", (("total", total), ("stated", stated)), chosen
        )
    values = (("total", total), ("stated", stated), ("difference", total - stated))
    return RuleOutcome(FINANCING_BALANCE, VIOLATED, cites, "balance.off", values, chosen)


def eu_share(decision: Decision, ki_rs_option: str) -> Decimal:
    """ERUF's share of the plan's total, as a fraction (0.40 for 4,4 of 11)."""
    return eu_amount(decision) / plan_total(decision, ki_rs_option)


@cache
def eu_cofinancing_rate(decision: Decision, reading: Reading) -> RuleOutcome:
    """Regulation (EU) 2021/1060 art. 112(3)(e): at most 40 % EU co-financing in a
    more developed region; Stockholm is one."""
    option = reading.option(KI_RS_CONTRIBUTION)
    share, maximum = eu_share(decision, option), decision.eu_maximum_rate
    cites, chosen = decision.citations(EU_COFINANCING_RATE), (KI_RS_CONTRIBUTION, option)
    values = (("rate", _percent(share)), ("maximum", _percent(maximum)))
    outcome = SATISFIED if share <= maximum else VIOLATED
    return RuleOutcome(
        EU_COFINANCING_RATE, outcome, cites, "rate.within" if outcome == SATISFIED else "rate.exceeded", values, chosen
    )


def _percent(fraction: Decimal) -> Percent:
    return Percent(f"{(fraction * 100).quantize(ORE).normalize():f}")
