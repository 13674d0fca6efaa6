"""Rule outcomes as JSON documents, made once and kept, with their JSON text.

An evaluation is fourteen outcomes, most of which the evaluations before it gave too:
the decision's fixed answers (nothing paid yet, the right recipient, the plan's
checks), the same days, the same sums. Wording them (``rules.messages.render``) and
encoding them was most of what an evaluation request cost (bench/), so each is done
once per outcome and kept, for any later outcome alike in every part and in how its
values are written. The stores are bounded: when one is full it starts afresh.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from rules import Citation, RuleOutcome, render
from service.jsonio import compact as _text


def citation(cite: Citation) -> dict[str, str]:
    return {"anchor": cite.anchor, "quote": cite.quote, "document": cite.document}


def document(outcome: RuleOutcome) -> dict[str, Any]:
    """The outcome as JSON (openapi.yaml: RuleOutcome). Shared: never to be changed."""
    return _kept_outcome(outcome)[1]


def text(outcome: RuleOutcome) -> str:
    """``document(outcome)`` as ``service.jsonio.compact`` writes it."""
    return _kept_outcome(outcome)[2]


def _kept_outcome(outcome: RuleOutcome) -> tuple[tuple[Citation, ...], dict[str, Any], str]:
    """The outcome's citations, document and JSON text, kept. The outcome they were made
    from is found again by identity, without a key: the rules hand out their fixed
    answers as the very same object."""
    same = _by_identity.get(id(outcome))
    if same is not None and same[0] is outcome:
        return same[1]
    key = _key(outcome)
    try:
        kept = _kept.get(key)
    except TypeError:  # a value that cannot be a key; the rules make none
        made = _rule_outcome(outcome)
        return outcome.citations, made, _text(made)
    if kept is None or kept[0] is not outcome.citations:
        if len(_kept) >= _KEEP:
            _kept.clear()
            _by_identity.clear()
            _citation_lists.clear()
        made = _rule_outcome(outcome)
        kept = _kept[key] = (outcome.citations, made, _text(made))
        _by_identity[id(outcome)] = (outcome, kept)
    return kept


def _rule_outcome(outcome: RuleOutcome) -> dict[str, Any]:
    chosen = outcome.interpretation
    return {
        "rule_id": outcome.rule_id,
        "outcome": outcome.outcome,
        "citations": _citations(outcome.citations),
        "message": render(outcome),
        "interpretation": None if chosen is None else {"interpretation_id": chosen[0], "option_id": chosen[1]},
    }


def _citations(cites: tuple[Citation, ...]) -> list[dict[str, str]]:
    """The citations as JSON, one shared list per tuple (a rule's, from its decision)."""
    kept = _citation_lists.get(id(cites))
    if kept is None or kept[0] is not cites:
        kept = _citation_lists[id(cites)] = (cites, [citation(c) for c in cites])
    return kept[1]


def _key(outcome: RuleOutcome) -> tuple[Any, ...]:
    values = outcome.message_values
    for _, value in values:
        if type(value) not in _PLAIN:
            values = tuple([(name, _exactly(value)) for name, value in values])
            break
    chosen = outcome.interpretation
    return (id(outcome.citations), outcome.rule_id, outcome.outcome, outcome.message_key, values, chosen)


def _exactly(value: Any) -> Any:
    """A key for ``value`` that tells apart what reads differently: Decimal("1.0") and
    Decimal("1.00") are equal, but not written alike."""
    return (type(value), str(value) if type(value) is Decimal else value)


#: At most this many outcomes are kept; then the store starts afresh.
_KEEP = 2048
#: Each kept outcome's citations (held, so that their ``id`` in the key is not another
#: tuple's while the entry lives), document and JSON text.
_kept: dict[tuple[Any, ...], tuple[tuple[Citation, ...], dict[str, Any], str]] = {}
#: The same, by the ``id`` of the outcome each was made from (held: its ``id`` is its own).
_by_identity: dict[int, tuple[RuleOutcome, tuple[tuple[Citation, ...], dict[str, Any], str]]] = {}
#: Each citations tuple (held) and its list of citation documents, by the tuple's ``id``.
_citation_lists: dict[int, tuple[tuple[Citation, ...], list[dict[str, str]]]] = {}
#: Values equal only when written alike (a Decimal is not: 1.0 == 1.00).
_PLAIN = (str, date)
