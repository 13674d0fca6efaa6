"""Rule outcomes as JSON, with their JSON text made once and kept, in UTF-8.

An evaluation is up to fourteen outcomes, most of which the evaluations before it gave
too. Wording them (``rules.messages.render``) and encoding them was most of what an
evaluation request cost (bench/), so an outcome's text is kept in two parts:

- its *frame*: rule, outcome, citations and interpretation, everything but the
  message. There are a few dozen frames (a rule's citations are its decision's), kept
  until the store is full, which only a decision data file with thousands of rules
  would reach;
- its *message*: the key and the values it is worded from. There are as many as
  there are days and sums, so they are kept in a bounded store that starts afresh
  when full; a message not kept costs one wording, not a whole outcome's encoding.

The rules hand out their fixed answers as the very same object every time; those are
also found by identity, without building a key at all.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from rules import Citation, RuleOutcome, kind_of, render
from service.formats.jsonio import compact as _text


def citation(cite: Citation) -> dict[str, str]:
    return {"anchor": cite.anchor, "quote": cite.quote, "document": cite.document}


def document(outcome: RuleOutcome) -> dict[str, Any]:
    """The outcome as JSON (openapi.yaml: RuleOutcome)."""
    chosen = outcome.interpretation
    return {
        "rule_id": outcome.rule_id,
        "kind": kind_of(outcome.rule_id),
        "outcome": outcome.outcome,
        "citations": [citation(c) for c in outcome.citations],
        "message": render(outcome),
        "interpretation": None if chosen is None else {"interpretation_id": chosen[0], "option_id": chosen[1]},
    }


def encoded(outcome: RuleOutcome) -> bytes:
    """``document(outcome)`` as ``service.formats.jsonio.compact`` writes it, in UTF-8. Kept
    encoded: encoding an answer's seven kilobytes of Swedish again for every
    request cost as much as building a response (bench/)."""
    same = _by_identity.get(id(outcome))
    if same is not None and same[0] is outcome:
        return same[1]
    before, after = _frame(outcome)
    made = before + _message(outcome) + after
    if len(_by_identity) >= _KEEP:
        _by_identity.clear()
    # Held with its text, so that its id stays its own while the entry lives.
    _by_identity[id(outcome)] = (outcome, made)
    return made


def _frame(outcome: RuleOutcome) -> tuple[bytes, bytes]:
    """The outcome's text before and after its message."""
    cites, chosen = outcome.citations, outcome.interpretation
    key = (id(cites), outcome.rule_id, outcome.outcome, chosen)
    kept = _frames.get(key)
    if kept is not None and kept[0] is cites:
        return kept[1]
    whole = _text({**document(outcome), "message": None}).encode()
    before, _, after = whole.partition(b'"message":null')
    if len(_frames) >= _KEEP:
        _frames.clear()
    made = (before + b'"message":', after)
    _frames[key] = (cites, made)  # the citations held: their id is in the key
    return made


def _message(outcome: RuleOutcome) -> bytes:
    """The outcome's message, worded in Swedish and English, as JSON text."""
    values = outcome.message_values
    for _, value in values:
        if type(value) not in _PLAIN:
            values = tuple([(name, _exactly(value)) for name, value in values])
            break
    key = (outcome.message_key, values)
    try:
        kept = _messages.get(key)
    except TypeError:  # a value that cannot be a key; the rules make none
        return _text(render(outcome)).encode()
    if kept is None:
        if len(_messages) >= _KEEP_MESSAGES:
            _messages.clear()
        kept = _messages[key] = _text(render(outcome)).encode()
    return kept


def _exactly(value: Any) -> Any:
    """A key for ``value`` that tells apart what reads differently: Decimal("1.0") and
    Decimal("1.00") are equal, but not written alike."""
    return (type(value), str(value) if type(value) is Decimal else value)


#: At most this many frames, and outcomes found by identity, are kept.
_KEEP = 1024
#: At most this many messages are kept; then the store starts afresh.
_KEEP_MESSAGES = 1024
_by_identity: dict[int, tuple[RuleOutcome, bytes]] = {}
_frames: dict[tuple[Any, ...], tuple[tuple[Citation, ...], tuple[bytes, bytes]]] = {}
_messages: dict[tuple[Any, ...], bytes] = {}
#: Values equal only when written alike (a Decimal is not: 1.0 == 1.00).
_PLAIN = (str, date)
