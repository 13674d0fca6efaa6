"""The names a Swedish sentence gives what the API codes: rules, outcomes, statuses,
appeal states and parties, each read from the decision's data file or the glossary, so
that a scenario says "beloppsgränsen" and "inte uppfylld" where the API says
"amount-cap" and "violated".

Each table maps a Swedish name to its code; the code itself is accepted too (the older
phrasings quote it), so every scenario written before the names still runs. A name is
matched without regard to case ("Kommunstyrelsens beslut" at the start of a sentence,
"kommunstyrelsens beslut" within one).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from parse import with_pattern

from rules import Decision, Library, UnknownDecision
from rules.decision import per_decision
from rules.glossary import APPEAL_OUTCOMES, OUTCOME_LABELS, STATUS_LABELS
from service.storage.decisions import decisions, load_decision

#: The decision whose scenario is being read: its names are the ones that count.
_reading_for: ContextVar[str | None] = ContextVar("reading_for", default=None)


class Unreadable(ValueError):
    """A value a phrasing reads that is no value ("2024-02-30"): the step fails with
    this, in Swedish and English, rather than the run."""

    def __init__(self, sv: str, en: str) -> None:
        super().__init__(en)
        self.message = {"sv": sv, "en": en}


@contextmanager
def reading_for(decision_id: str) -> Iterator[None]:
    """Read names as ``decision_id``'s data gives them while the block runs: two
    decisions may give one name ("de tre åren") to questions of their own."""
    token = _reading_for.set(decision_id)
    try:
        yield
    finally:
        _reading_for.reset(token)


def _tables() -> dict[str, dict[str, str]]:
    """The names of the decision being read, or, outside a scenario (or for a decision
    served only elsewhere, ``--url``), those of every decision served."""
    decision_id = _reading_for.get()
    if decision_id is not None:
        try:
            return decision_tables(load_decision(decision_id))
        except UnknownDecision:
            pass
    return tables(decisions())


@cache
def tables(library: Library) -> dict[str, dict[str, str]]:
    """Every table, over every decision of ``library``: rule ids are shared by decisions
    of a kind, and a party's id is its name's, so a name means the same code whichever
    decision a scenario asks about. Where two decisions give one name two codes, the
    first decision's (by id) is kept."""
    merged: dict[str, dict[str, str]] = {}
    for decision_id in library.ids():
        for table, names in decision_tables(library.load(decision_id)).items():
            for name, code_ in names.items():
                merged.setdefault(table, {}).setdefault(name, code_)
    return merged


@per_decision(maxsize=256)  # keyed so as not to keep the decision loaded
def decision_tables(decision: Decision) -> dict[str, dict[str, str]]:
    return {
        "regel": {text.name_sv: rule_id for rule_id, text in decision.rule_texts.items()},
        "utfall": {labels["sv"]: code for code, labels in OUTCOME_LABELS.items()},
        "status": {labels["sv"]: code for code, labels in STATUS_LABELS.items()},
        "överklagande": {labels["sv"]: code for code, labels in APPEAL_OUTCOMES.items()},
        "källa": {decision.funding_source_name: decision.funding_source_id},
        "part": {
            name: party["party_id"]
            for party in decision.data["parties"]
            for name in (party["name"], *party.get("also_named", ()))
        },
        "tolkning": {i["name_sv"]: i["interpretation_id"] for i in decision.data["interpretations"]},
        **{
            f"läsning:{i['interpretation_id']}": {o["name_sv"]: o["option_id"] for o in i["options"]}
            for i in decision.data["interpretations"]
        },
    }


def code(table: str, text: str) -> str:
    """The code that ``text`` names in ``table``: a Swedish name, or the code itself,
    with or without the quotes an older phrasing puts around it."""
    names = _tables()[table]
    text = text.strip().strip('"')
    if text in names.values():
        return text
    found = [c for name, c in names.items() if _comparable(name) == _comparable(text)]
    assert found, f"\u201d{text}\u201d är inget känt namn här. Kända: {', '.join(sorted(names))}."
    return found[0]


def _comparable(name: str) -> str:
    """A name as compared: without regard to case, or to which dash a keyboard gives
    ("budgetåren 2025-2027" for "budgetåren 2025–2027")."""
    return re.sub(r"[\u2010-\u2015\u2212]", "-", name).casefold()


def codes(table: str, text: str) -> list[str]:
    """ "beloppsgränsen och mottagaren", "tidsramen, mottagaren och finansieringskällan"
    or the older "amount-cap, recipient": the codes, in the order written."""
    return [code(table, part) for part in re.split(r", | och ", text.strip().strip('"'))]


def label(table: str, code_: str) -> str:
    """The Swedish name of ``code_`` in ``table``: the first, where a code has several."""
    for name, c in _tables()[table].items():
        if c == code_:
            return name
    raise KeyError(f"{table}: {code_}")


def _names(library: Library, table: str, *, codes: bool = False) -> str:
    """A regular expression matching any name in ``table`` (and, with ``codes``, any
    code), longest first, so that "villkoret om ERUF:s godkännande" is not cut short by a
    shorter name."""
    known = set(tables(library)[table]) | (set(tables(library)[table].values()) if codes else set())
    return "|".join(re.escape(name) for name in sorted(known, key=lambda name: (-len(name), name)))


def _parse_type(library: Library, table: str, *, codes: bool = False):
    @with_pattern(f"(?:{_names(library, table, codes=codes)})")
    def read(text: str) -> str:
        try:
            return code(table, text)
        except AssertionError as error:  # a name another decision gives, not this one
            raise Unreadable(str(error), str(error)) from error

    return read


@cache
def types(library: Library) -> dict[str, object]:
    """parse types for steps, over the names of ``library``'s decisions: {regel:Regel}
    matches a rule's Swedish name and gives its id."""
    rule = _names(library, "regel")
    return {
        "Regel": _parse_type(library, "regel"),
        "Regler": with_pattern(f"(?:{rule})(?:(?:, | och )(?:{rule}))*")(lambda text: codes("regel", text)),
        "Status": _parse_type(library, "status"),
        "Utfall": _parse_type(library, "utfall"),
        "Part": _parse_type(library, "part"),
        "Tolkning": _parse_type(library, "tolkning"),
    }


@cache
def types_by_code(library: Library) -> dict[str, object]:
    """The same types as the English phrasings read them: by the code (``"amount-cap"``,
    ``"violated"``) as well as by the Swedish name, for a reader who knows only the codes."""
    rules = _names(library, "regel", codes=True)
    return {
        "Regel": _parse_type(library, "regel", codes=True),
        "Regler": with_pattern(f"(?:{rules})(?:(?:, | and | och )(?:{rules}))*")(
            lambda text: [code("regel", part) for part in re.split(r", | and | och ", text.strip())]
        ),
        "Status": _parse_type(library, "status", codes=True),
        "Utfall": _parse_type(library, "utfall", codes=True),
        "Part": _parse_type(library, "part", codes=True),
        "Tolkning": _parse_type(library, "tolkning", codes=True),
    }
