"""What the rules answer: outcomes with citations, and the evaluation as a whole."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

Outcome = Literal["satisfied", "violated", "pending", "not_applicable"]
SATISFIED: Outcome = "satisfied"
VIOLATED: Outcome = "violated"
PENDING: Outcome = "pending"
NOT_APPLICABLE: Outcome = "not_applicable"

#: A message's values: each name and what it stands for (a day, an amount, a name).
Values = tuple[tuple[str, Any], ...]

#: Frozen dataclasses set their fields through ``object.__setattr__``; the generated
#: ``__init__`` looks it up again for every field. The classes an evaluation builds bind
#: it once in a hand-written ``__init__`` of the same signature, which halves their
#: cost (bench/). Fields, equality, hashing and immutability stay the dataclass's.
_set = object.__setattr__


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a rule comes from: an anchor in a document and the exact words there."""

    anchor: str
    quote: str
    document: str


@dataclass(frozen=True, slots=True, init=False)
class RuleOutcome:
    """One rule's answer. The message is kept as a key and its values, and is worded
    in Swedish and English only when someone reads it (``rules.messages.render``):
    an evaluation that nobody prints costs no string formatting."""

    rule_id: str
    outcome: Outcome
    citations: tuple[Citation, ...]
    message_key: str
    message_values: tuple[tuple[str, Any], ...] = ()
    interpretation: tuple[str, str] | None = None

    def __init__(
        self,
        rule_id: str,
        outcome: Outcome,
        citations: tuple[Citation, ...],
        message_key: str,
        message_values: tuple[tuple[str, Any], ...] = (),
        interpretation: tuple[str, str] | None = None,
    ) -> None:
        _set(self, "rule_id", rule_id)
        _set(self, "outcome", outcome)
        _set(self, "citations", citations)
        _set(self, "message_key", message_key)
        _set(self, "message_values", message_values)
        _set(self, "interpretation", interpretation)


@dataclass(frozen=True, slots=True, init=False)
class Amounts:
    """The money: ``committed`` (the adopted amount), ``disbursed`` (every utbetalning),
    ``remaining`` (what conforming utbetalningar leave of ``committed``, never below
    zero), ``excess`` (what they exceed it by) and ``nonconforming`` (utbetalningar that
    break a condition other than the cap: they count toward neither)."""

    committed: Decimal
    disbursed: Decimal
    remaining: Decimal
    currency: str
    excess: Decimal
    nonconforming: Decimal

    def __init__(
        self,
        committed: Decimal,
        disbursed: Decimal,
        remaining: Decimal,
        currency: str,
        excess: Decimal,
        nonconforming: Decimal,
    ) -> None:
        _set(self, "committed", committed)
        _set(self, "disbursed", disbursed)
        _set(self, "remaining", remaining)
        _set(self, "currency", currency)
        _set(self, "excess", excess)
        _set(self, "nonconforming", nonconforming)


AppealStatus = Literal["none", "pending", "dismissed", "upheld"]


@dataclass(frozen=True, slots=True)
class AppealState:
    """Where the decision stands in its appeal period (kommunallagen 13 kap.): when the
    period ends, whether it has run by the evaluation's day, and any appeal's outcome."""

    announced_on: date
    period_ends_on: date
    period_has_run: bool
    appeal: AppealStatus


@dataclass(frozen=True, slots=True, init=False)
class PaymentVerdict:
    """Whether a proposed utbetalning would be allowed, and which rules it breaks."""

    allowed: bool
    violations: tuple[str, ...]
    rules: tuple[RuleOutcome, ...]

    def __init__(self, allowed: bool, violations: tuple[str, ...], rules: tuple[RuleOutcome, ...]) -> None:
        _set(self, "allowed", allowed)
        _set(self, "violations", violations)
        _set(self, "rules", rules)


@dataclass(frozen=True, slots=True, init=False)
class Evaluation:
    """The commitment on one date: status, amounts, every rule's outcome."""

    decision_id: str
    as_of: date
    status: str
    amounts: Amounts
    rules: tuple[RuleOutcome, ...]
    interpretations: tuple[tuple[str, str], ...]
    proposed: PaymentVerdict | None = None
    appeal: AppealState | None = None

    def __init__(
        self,
        decision_id: str,
        as_of: date,
        status: str,
        amounts: Amounts,
        rules: tuple[RuleOutcome, ...],
        interpretations: tuple[tuple[str, str], ...],
        proposed: PaymentVerdict | None = None,
        appeal: AppealState | None = None,
    ) -> None:
        _set(self, "decision_id", decision_id)
        _set(self, "as_of", as_of)
        _set(self, "status", status)
        _set(self, "amounts", amounts)
        _set(self, "rules", rules)
        _set(self, "interpretations", interpretations)
        _set(self, "proposed", proposed)
        _set(self, "appeal", appeal)
