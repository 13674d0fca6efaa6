"""The kind of decision the engine reads: a municipality's co-financing of an EU-funded
project, on condition that the fund approves the application.

What every decision of the kind has (the rules, and whether each is a condition or a
check) and the questions its text may leave open, each with the meanings an option may
give it. A decision's data file names its own ids for its interpretations and options
and says which question each answers (``governs``) and what each option means (``means``).
"""

from __future__ import annotations

from typing import Final, Literal

#: The rules, in the order an evaluation lists them. A decision's data file cites the
#: sentences each encodes (``[[rules]]``) and maps its beslutspunkter to them.
RULE_IDS: Final = (
    "adoption",
    "eruf-approval",
    "amount-cap",
    "period",
    "funding-source",
    "recipient",
    "legal-force",
    "financing-balance",
)

Kind = Literal["condition", "check"]
#: A condition of the decision decides whether an utbetalning is allowed; a check of the
#: stated facts (or of the decision's legal force) informs and never refuses one.
RULE_KINDS: Final[dict[str, Kind]] = {
    "adoption": "condition",
    "eruf-approval": "condition",
    "amount-cap": "condition",
    "period": "condition",
    "funding-source": "condition",
    "recipient": "condition",
    "legal-force": "check",
    "financing-balance": "check",
}

#: Does the period the text names set a last day for an utbetalning, and which?
PERIOD_DEADLINE: Final = "period-deadline"
#: Does a grant of less than the amount applied for meet the condition of approval?
REDUCED_GRANT: Final = "reduced-grant"
#: What does a withdrawal of the application after its approval mean for later payments?
WITHDRAWAL_AFTER_APPROVAL: Final = "withdrawal-after-approval"
#: Is an amount written after several parties their contribution together, or each's?
JOINT_CONTRIBUTION: Final = "joint-contribution"
#: May the amount be split freely between the years, or equally?
YEARLY_SPLIT: Final = "yearly-split"
#: How near the financing plan's stated total must its sum be?
STATED_TOTAL_PRECISION: Final = "stated-total-precision"

#: Every question and the meanings an option may give it. The first is the reading of a
#: decision whose text does not leave the question open.
MEANINGS: Final[dict[str, tuple[str, ...]]] = {
    PERIOD_DEADLINE: ("none", "budget-years", "months-from-project-start"),
    REDUCED_GRANT: ("any-grant", "share-of-applied", "full-amount"),
    WITHDRAWAL_AFTER_APPROVAL: ("no-further-payments", "approval-stands"),
    JOINT_CONTRIBUTION: ("together", "each"),
    YEARLY_SPLIT: ("free", "equal-shares"),
    STATED_TOTAL_PRECISION: ("as-written", "exact"),
}


def kind_of(rule_id: str) -> Kind:
    return RULE_KINDS[rule_id]
