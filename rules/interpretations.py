"""Chosen readings of the open texture, defaults filled in.

A decision's data file names the places where its text is open (``[[interpretations]]``),
each with its own id and options, a default, and the question of the kind it answers
(``governs``): the rules ask a question (``rules.kind``) and read what the chosen
option means (``means``), never a decision's own ids. A decision that leaves a question
out is read with the question's first meaning, and its outcomes name no reading.
Unknown names or options raise ``UnknownInterpretation``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from rules.decision import Decision
from rules.errors import UnknownInterpretation
from rules.kind import MEANINGS


@dataclass(frozen=True, slots=True)
class Reading:
    """One option for every interpretation, in the data file's order, and what each
    question of the kind then means.

    A reading is built once per decision and choice (``choose``) and asked many times
    per evaluation, so it keeps its answers ready and its hash computed: the rules'
    caches are keyed by it.
    """

    choices: tuple[tuple[str, str], ...]
    #: question -> (interpretation_id, option_id, meaning, share)
    answers: tuple[tuple[str, tuple[str, str], str, Decimal | None], ...] = ()
    _by_question: dict[str, tuple[tuple[str, str], str, Decimal | None]] = field(init=False, repr=False, compare=False)
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_question", {q: (pair, m, s) for q, pair, m, s in self.answers})
        object.__setattr__(self, "_hash", hash(self.choices))

    def __hash__(self) -> int:
        return self._hash

    def means(self, question: str) -> str:
        """What the chosen option answers to ``question`` (one of ``MEANINGS[question]``)."""
        answer = self._by_question.get(question)
        return MEANINGS[question][0] if answer is None else answer[1]

    def share(self, question: str) -> Decimal | None:
        """The share the chosen option names for ``question``, if any."""
        answer = self._by_question.get(question)
        return None if answer is None else answer[2]

    def chosen(self, question: str) -> tuple[str, str] | None:
        """``(interpretation_id, option_id)`` answering ``question``, as an outcome names
        the reading it used; ``None`` where the decision does not raise the question."""
        answer = self._by_question.get(question)
        return None if answer is None else answer[0]

    def as_dict(self) -> dict[str, str]:
        return dict(self.choices)


_NOTHING_CHOSEN: frozenset[tuple[str, str]] = frozenset()
#: Bounded: a key holds what a caller chose, and decisions come and go from their cache.
_CACHE_SIZE = 4096
#: By the decision's serial, never the decision: holding it would keep it loaded.
_cache: dict[tuple[int, frozenset[tuple[str, str]]], Reading] = {}


def choose(decision: Decision, chosen: Mapping[str, str] | None = None) -> Reading:
    """The reading for ``chosen``, every interpretation not chosen at its default."""
    key = (decision.serial, frozenset(chosen.items()) if chosen else _NOTHING_CHOSEN)
    found = _cache.get(key)
    if found is not None:
        return found
    reading = _resolve(decision, chosen or {})
    if len(_cache) >= _CACHE_SIZE:
        _cache.clear()
    _cache[key] = reading
    return reading


def _resolve(decision: Decision, chosen: Mapping[str, str]) -> Reading:
    known = decision.interpretations
    for name, option in chosen.items():
        if name not in known:
            raise UnknownInterpretation(name, None, tuple(known))
        if option not in known[name].option_ids:
            raise UnknownInterpretation(name, option, known[name].option_ids)
    choices = tuple((name, chosen.get(name, i.default)) for name, i in known.items())
    answers = []
    for name, option_id in choices:
        interpretation = known[name]
        picked = interpretation.option(option_id)
        answers.append((interpretation.governs, (name, option_id), picked.means, picked.share))
    return Reading(choices, tuple(answers))
