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
from functools import cache

from parse import with_pattern

from rules import Decision
from rules.glossary import APPEAL_OUTCOMES, OUTCOME_LABELS, STATUS_LABELS
from service.storage.decisions import decision_ids, load_decision


@cache
def _tables() -> dict[str, dict[str, str]]:
    """Every table, over every decision served: rule ids and the readings of open
    questions are shared by decisions of a kind, and a party's id is its name's, so a
    name means the same code whichever decision a scenario asks about."""
    merged: dict[str, dict[str, str]] = {}
    for decision_id in decision_ids():
        for table, names in _decision_tables(load_decision(decision_id)).items():
            for name, code_ in names.items():
                merged.setdefault(table, {}).setdefault(name, code_)
    return merged


def _decision_tables(decision: Decision) -> dict[str, dict[str, str]]:
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


def _names(table: str, *, codes: bool = False) -> str:
    """A regular expression matching any name in ``table`` (and, with ``codes``, any
    code), longest first, so that "villkoret om ERUF:s godkännande" is not cut short by a
    shorter name."""
    known = set(_tables()[table]) | (set(_tables()[table].values()) if codes else set())
    return "|".join(re.escape(name) for name in sorted(known, key=lambda name: (-len(name), name)))


def _parse_type(table: str, *, codes: bool = False):
    @with_pattern(f"(?:{_names(table, codes=codes)})")
    def read(text: str) -> str:
        return code(table, text)

    return read


#: parse types for steps: {regel:Regel} matches a rule's Swedish name and gives its id.
TYPES = {
    "Regel": _parse_type("regel"),
    "Regler": with_pattern(f"(?:{_names('regel')})(?:(?:, | och )(?:{_names('regel')}))*")(
        lambda text: codes("regel", text)
    ),
    "Status": _parse_type("status"),
    "Utfall": _parse_type("utfall"),
    "Part": _parse_type("part"),
    "Tolkning": _parse_type("tolkning"),
}

#: The same types as the English phrasings read them: by the code (``"amount-cap"``,
#: ``"violated"``) as well as by the Swedish name, for a reader who knows only the codes.
_RULES = _names("regel", codes=True)
BY_CODE = {
    "Regel": _parse_type("regel", codes=True),
    "Regler": with_pattern(f"(?:{_RULES})(?:(?:, | and | och )(?:{_RULES}))*")(
        lambda text: [code("regel", part) for part in re.split(r", | and | och ", text.strip())]
    ),
    "Status": _parse_type("status", codes=True),
    "Utfall": _parse_type("utfall", codes=True),
    "Part": _parse_type("part", codes=True),
    "Tolkning": _parse_type("tolkning", codes=True),
}
