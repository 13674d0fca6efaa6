"""Chosen readings of the open texture, defaults filled in.

Each interpretation the decision names (``[[interpretations]]`` in its data file) has
a default; an evaluation may choose another of its options. Unknown names or options
raise ``UnknownInterpretation``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from rules.decision import Decision
from rules.errors import UnknownInterpretation

THREE_YEARS = "three-years"
REDUCED_ERUF_GRANT = "reduced-eruf-grant"
WITHDRAWAL_AFTER_APPROVAL = "withdrawal-after-approval"
KI_RS_CONTRIBUTION = "ki-rs-life-science-contribution"
YEARLY_SPLIT = "yearly-split"
STATED_TOTAL_PRECISION = "stated-total-precision"


@dataclass(frozen=True, slots=True)
class Reading:
    """One option for every interpretation, in the data file's order.

    A reading is built once per decision and choice (``choose``) and asked many times
    per evaluation, so it keeps each ``(interpretation, option)`` pair ready and its
    hash computed: the rules' caches are keyed by it.
    """

    choices: tuple[tuple[str, str], ...]
    pairs: dict[str, tuple[str, str]] = field(init=False, repr=False, compare=False)
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pairs", {pair[0]: pair for pair in self.choices})
        object.__setattr__(self, "_hash", hash(self.choices))

    def __hash__(self) -> int:
        return self._hash

    def option(self, interpretation_id: str) -> str:
        return self.pairs[interpretation_id][1]

    def chosen(self, interpretation_id: str) -> tuple[str, str]:
        """``(interpretation_id, option)``, as an outcome names the reading it used."""
        return self.pairs[interpretation_id]

    def as_dict(self) -> dict[str, str]:
        return dict(self.choices)


_NOTHING_CHOSEN: frozenset[tuple[str, str]] = frozenset()
_cache: dict[tuple[str, frozenset[tuple[str, str]]], Reading] = {}


def choose(decision: Decision, chosen: Mapping[str, str] | None = None) -> Reading:
    """The reading for ``chosen``, every interpretation not chosen at its default."""
    key = (decision.decision_id, frozenset(chosen.items()) if chosen else _NOTHING_CHOSEN)
    reading = _cache.get(key)
    if reading is None:
        reading = _cache[key] = _resolve(decision, chosen or {})
    return reading


def _resolve(decision: Decision, chosen: Mapping[str, str]) -> Reading:
    known = decision.interpretations
    for name, option in chosen.items():
        if name not in known:
            raise UnknownInterpretation(name, None, tuple(known))
        if option not in known[name].option_ids:
            raise UnknownInterpretation(name, option, known[name].option_ids)
    return Reading(tuple((name, chosen.get(name, i.default)) for name, i in known.items()))
