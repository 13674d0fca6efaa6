"""Chosen readings of the open texture, defaults filled in.

Each interpretation the decision names (``[[interpretations]]`` in its data file) has
a default; an evaluation may choose another of its options. Unknown names or options
raise ``UnknownInterpretation``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rules.decision import Decision
from rules.errors import UnknownInterpretation

THREE_YEARS = "three-years"
REDUCED_ERUF_GRANT = "reduced-eruf-grant"
KI_RS_CONTRIBUTION = "ki-rs-life-science-contribution"
YEARLY_SPLIT = "yearly-split"


@dataclass(frozen=True, slots=True)
class Reading:
    """One option for every interpretation, in the data file's order."""

    choices: tuple[tuple[str, str], ...]

    def option(self, interpretation_id: str) -> str:
        for name, option in self.choices:
            if name == interpretation_id:
                return option
        raise KeyError(interpretation_id)

    def as_dict(self) -> dict[str, str]:
        return dict(self.choices)


_cache: dict[tuple[str, frozenset[tuple[str, str]]], Reading] = {}


def choose(decision: Decision, chosen: Mapping[str, str] | None = None) -> Reading:
    """The reading for ``chosen``, every interpretation not chosen at its default."""
    key = (decision.decision_id, frozenset((chosen or {}).items()))
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
