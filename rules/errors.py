"""Domain errors of the rules.

The hierarchy::

    RuleError
    ├── UnknownDecision        no data file for the asked decision
    └── UnknownInterpretation  an interpretation or option the decision does not name

They carry no HTTP codes: ``service/http/problems.py`` maps each to one problem type.
"""

from __future__ import annotations


class RuleError(Exception):
    """Base of every error the rules raise."""


class UnknownDecision(RuleError):
    def __init__(self, decision_id: str, known: tuple[str, ...]) -> None:
        super().__init__(f"No decision {decision_id!r}; known decisions: {', '.join(known)}.")
        self.decision_id = decision_id
        self.known = known


class UnknownInterpretation(RuleError):
    def __init__(self, name: str, choice: str | None, allowed: tuple[str, ...]) -> None:
        what = f"option {choice!r} of interpretation {name!r}" if choice else f"interpretation {name!r}"
        super().__init__(f"Unknown {what}; choose one of: {', '.join(allowed)}.")
        self.name = name
        self.choice = choice
        self.allowed = allowed
