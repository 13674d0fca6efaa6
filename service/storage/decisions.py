"""The one place the service finds decisions.

service finds the decisions: the shipped folder plus the one a setting names
(MEDFIN_DECISIONS_DIR, coming), and hands them to rules. For now it is the shipped
folder alone, as ``rules`` reads it.
"""

from __future__ import annotations

import rules
from rules import Decision


def decision_ids() -> tuple[str, ...]:
    """The ids of every decision the service serves."""
    return rules.decision_ids()


def load_decision(decision_id: str) -> Decision:
    """The decision ``decision_id``; ``rules.UnknownDecision`` when there is none."""
    return rules.load_decision(decision_id)
