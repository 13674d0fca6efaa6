"""medfin's rules: a co-financing decision made executable.

An engine and its decisions. The engine (``rules.kind``, ``rules.clauses``, ``evaluate``,
``status``) reads a decision of the kind from its data file (``rules.decision``): the
shipped ones in ``rules/decisions/``, or those of folders the caller hands in. Pure
Python (the standard library, and dateutil and holidays for the calendar): facts in,
verdicts with citations out. Nothing here imports Flask, marshmallow or a database,
reads the environment, or reads a file but the decisions' data and source texts.

    >>> from datetime import date
    >>> from rules import Facts, evaluate, load_decision
    >>> evaluate(load_decision("ks-2024-1371-481"), Facts(), on=date(2025, 1, 1)).status
    'proposed'
"""

from __future__ import annotations

from rules.clauses.adoption import committed
from rules.clauses.financing_balance import financing_balance, plan_shares, plan_total
from rules.clauses.legal_force import annulled_on
from rules.consistency import (
    FactProblem,
    check_adoption,
    check_appeal,
    check_appeal_against,
    check_eruf_decision,
    check_facts,
)
from rules.decision import SHIPPED, Contribution, Decision, Library, decision_ids, library, load_decision
from rules.errors import RuleError, UnknownDecision, UnknownInterpretation
from rules.evaluate import classify, evaluate, judge_payment
from rules.facts import (
    ADOPTION_OUTCOMES,
    APPEAL_OUTCOMES,
    ERUF_OUTCOMES,
    FINAL_ADOPTION_OUTCOMES,
    Adoption,
    Appeal,
    Disbursement,
    ErufDecision,
    Facts,
    Payments,
    summed,
)
from rules.interpretations import Reading, choose
from rules.kind import RULE_IDS, RULE_KINDS, kind_of
from rules.messages import render
from rules.outcomes import AppealState, Citation, Evaluation, PaymentVerdict, RuleOutcome
from rules.status import STATUSES

__all__ = [
    "ADOPTION_OUTCOMES",
    "APPEAL_OUTCOMES",
    "ERUF_OUTCOMES",
    "FINAL_ADOPTION_OUTCOMES",
    "RULE_IDS",
    "RULE_KINDS",
    "STATUSES",
    "Adoption",
    "Appeal",
    "AppealState",
    "Citation",
    "SHIPPED",
    "Contribution",
    "Decision",
    "Disbursement",
    "ErufDecision",
    "Evaluation",
    "Library",
    "FactProblem",
    "Facts",
    "PaymentVerdict",
    "Payments",
    "Reading",
    "RuleError",
    "RuleOutcome",
    "UnknownDecision",
    "UnknownInterpretation",
    "summed",
    "annulled_on",
    "check_adoption",
    "check_appeal",
    "check_appeal_against",
    "check_eruf_decision",
    "check_facts",
    "choose",
    "classify",
    "committed",
    "decision_ids",
    "evaluate",
    "financing_balance",
    "judge_payment",
    "kind_of",
    "library",
    "load_decision",
    "plan_shares",
    "plan_total",
    "render",
]
