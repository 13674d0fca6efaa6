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


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a rule comes from: an anchor in a document and the exact words there."""

    anchor: str
    quote: str
    document: str


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Amounts:
    committed: Decimal
    disbursed: Decimal
    remaining: Decimal
    currency: str


@dataclass(frozen=True, slots=True)
class PaymentVerdict:
    """Whether a proposed utbetalning would be allowed, and which rules it breaks."""

    allowed: bool
    violations: tuple[str, ...]
    rules: tuple[RuleOutcome, ...]


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The commitment on one date: status, amounts, every rule's outcome."""

    decision_id: str
    as_of: date
    status: str
    amounts: Amounts
    rules: tuple[RuleOutcome, ...]
    interpretations: tuple[tuple[str, str], ...]
    proposed: PaymentVerdict | None = None
