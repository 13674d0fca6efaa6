"""The decision as data: each decision is a data file ``<decision_id>.toml`` beside its
source text, in a folder of decisions.

Rules contain no literal amounts, dates, slugs or names; they read them from here. The
folders are handed in (``library``): the rules ship one (``SHIPPED``) and read no
setting; the service adds the folders its settings name.
"""

from __future__ import annotations

import itertools
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, TypeVar, cast

from rules.errors import RuleError, UnknownDecision
from rules.kind import MEANINGS, RULE_IDS
from rules.money import amount
from rules.outcomes import Citation, Outcome, RuleOutcome

#: The decisions that ship with the rules.
SHIPPED = Path(__file__).parent / "decisions"
#: Decisions kept loaded at once, per library: a municipality publishes hundreds.
LOADED_DECISIONS = 256


@dataclass(frozen=True, slots=True)
class Option:
    option_id: str
    label: dict[str, str]
    #: What the option answers to its interpretation's question (``rules.kind.MEANINGS``).
    means: str
    #: A share the option names (a reduced grant that counts, as a fraction), if any.
    share: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Interpretation:
    """A place where the text is open: a named reading with a default."""

    interpretation_id: str
    #: The question of the kind it answers (``rules.kind``).
    governs: str
    rules: tuple[str, ...]
    question: dict[str, str]
    citation: Citation
    default: str
    options: tuple[Option, ...]

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(option.option_id for option in self.options)

    def option(self, option_id: str) -> Option:
        return next(option for option in self.options if option.option_id == option_id)


@dataclass(frozen=True, slots=True)
class Contribution:
    contribution_id: str
    parties: tuple[str, ...]
    amount: Decimal
    kind: str
    citation: Citation


@dataclass(frozen=True, slots=True)
class RuleText:
    rule_id: str
    name_sv: str
    title: dict[str, str]
    note: dict[str, str]
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True, eq=False)
class Decision:
    """One decision: its terms, each with where it is written. Compared by identity
    (``load_decision`` loads each once), so that it can key the rules' caches."""

    decision_id: str
    diarienummer: str
    #: The folder of the data file: the source text and its sources are read from there.
    folder: Path
    document: str
    document_date: date
    decision_body: str
    decision_body_names: frozenset[str]
    amount: Decimal
    currency: str
    period_starts_on: date
    period_ends_on: date
    project_months: int
    funding_source_id: str
    funding_source_name: str
    funding_source_name_en: str
    recipient_id: str
    recipient_name: str
    applied_eruf_amount: Decimal
    stated_total: Decimal
    stated_precision: Decimal
    contributions: tuple[Contribution, ...]
    parties: dict[str, str]
    rule_texts: dict[str, RuleText]
    interpretations: dict[str, Interpretation]
    #: Each rule's beslutspunkter, by number, as the data file maps them.
    points: dict[str, tuple[int, ...]]
    data: dict[str, Any]
    #: Unique in the process, never reused: what the readings' cache keys a decision by
    #: (``interpretations.choose``), so that it does not keep it loaded.
    serial: int = field(default_factory=itertools.count().__next__)

    def citations(self, rule_id: str) -> tuple[Citation, ...]:
        return self.rule_texts[rule_id].citations

    def party_name(self, party_id: str) -> str | None:
        """The name of a party the decision names, by its id; ``None`` for any other."""
        return self.parties.get(party_id)

    def is_deciding_body(self, body: str) -> bool:
        """``body`` names the decision's deciding body (any case, any spacing, an alias)."""
        return body_key(body) in self.decision_body_names

    def points_of(self, rule_id: str) -> str:
        """The beslutspunkter a rule encodes, as a sentence names them ("3", "2 och 4")."""
        numbers = [str(n) for n in self.points.get(rule_id, ())]
        return " och ".join([", ".join(numbers[:-1]), numbers[-1]] if len(numbers) > 1 else numbers)

    def source_text(self) -> str:
        """The source document, as shipped beside the data file."""
        return _source_text(self.folder / self.data["source_file"])


@lru_cache(maxsize=LOADED_DECISIONS)
def _source_text(path: Path) -> str:
    """Read once: the file changes only with a release (or a restart)."""
    return path.read_text(encoding="utf-8")


_F = TypeVar("_F", bound=Callable[..., Any])


#: Every cache ``per_decision`` made: emptied together when a library drops a decision.
_PER_DECISION: list[Any] = []


def per_decision(maxsize: int) -> Callable[[_F], _F]:
    """``functools.lru_cache(maxsize)`` for a function of a decision (and hashable
    arguments), which a library empties when it drops a decision from its bounded cache
    (``forget_dropped_decisions``): a cache keyed by the decision keeps it alive, and
    without that, past the library's bound (up to ``maxsize`` decisions of about 100 KiB
    each). Keyed by the decision itself, its lookups stay functools' own, in C: the
    rules ask these caches a dozen times an evaluation."""

    def decorate(function: _F) -> _F:
        cached = lru_cache(maxsize=maxsize)(function)
        _PER_DECISION.append(cached)
        return cast(_F, cached)

    return decorate


def forget_dropped_decisions() -> None:
    """Empty every ``per_decision`` cache, so that none keeps alive a decision a library
    no longer holds. Rare: a library drops a decision only when more than its bound are
    asked for."""
    for cached in _PER_DECISION:
        cached.cache_clear()


@per_decision(maxsize=4096)
def fixed_outcome(
    decision: Decision,
    rule_id: str,
    outcome: Outcome,
    message_key: str,
    message_values: tuple[tuple[str, Any], ...] = (),
    interpretation: tuple[str, str] | None = None,
) -> RuleOutcome:
    """An outcome that no fact changes (nothing paid yet, no ERUF decision yet, the right
    recipient), built once per decision and reading and then shared: outcomes are frozen.
    Only for values taken from the decision itself, never from the caller's facts."""
    return RuleOutcome(rule_id, outcome, decision.citations(rule_id), message_key, message_values, interpretation)


class Library:
    """The decisions of some folders: their ids, read once, and each decision loaded
    when first asked for and kept in a bounded cache. The same folders give the same
    library (``library``), so a decision keeps its identity while it is cached."""

    def __init__(self, folders: tuple[Path, ...]) -> None:
        self.folders = folders = tuple(dict.fromkeys(folders))  # a folder named twice is read once
        paths: dict[str, Path] = {}
        for folder in folders:
            if not folder.is_dir():
                raise RuleError(f"There is no folder of decisions at {folder}.")
            for path in sorted(folder.glob("*.toml")):
                if path.stem in paths:
                    raise RuleError(f"Two data files for decision {path.stem!r}: {paths[path.stem]} and {path}.")
                paths[path.stem] = path
        self._paths = paths
        self._ids = tuple(sorted(paths))
        self.load = lru_cache(maxsize=LOADED_DECISIONS)(self._read)
        # Each decision's ``modified`` moment, kept apart from the bounded cache of whole
        # decisions: asked of every decision for every list's validators, and small.
        self._modified: dict[str, Any] = {}

    def ids(self) -> tuple[str, ...]:
        """Every decision that has a data file, sorted."""
        return self._ids

    def _read(self, decision_id: str) -> Decision:
        """Read one decision's data file; raise ``UnknownDecision`` if there is none."""
        if self.load.cache_info().currsize >= LOADED_DECISIONS:
            forget_dropped_decisions()  # the cache is full: reading one more drops one
        data, path = self._data(decision_id)
        try:
            return _decision_from(data, path.parent)
        except (KeyError, TypeError, ValueError, AttributeError) as error:  # a key missing or of the wrong kind
            raise RuleError(f"{path} cannot be read as a decision: {type(error).__name__} {error}.") from error

    def _data(self, decision_id: str) -> tuple[dict[str, Any], Path]:
        """One decision's data file as read, and its path."""
        path = self._paths.get(decision_id)
        if path is None:
            raise UnknownDecision(decision_id, self._ids)
        try:
            with path.open("rb") as file:
                data: dict[str, Any] = _shared_keys(tomllib.load(file))
        except ValueError as error:  # not TOML
            raise RuleError(f"{path} cannot be read as a decision: {type(error).__name__} {error}.") from error
        if data.get("decision_id") != decision_id:
            raise RuleError(f"{path.name} holds decision_id {data.get('decision_id')!r}, not {decision_id!r}.")
        return data, path

    def modified(self, decision_id: str) -> Any:
        """The data file's ``modified`` moment (``None`` where it gives none), read once,
        and without loading the decision into the bounded cache: a list's validators ask
        it of every decision, which would fill the cache with decisions nobody asked for."""
        if decision_id not in self._modified:
            self._modified[decision_id] = self._data(decision_id)[0].get("modified")
        return self._modified[decision_id]

    def check(self) -> int:
        """Load every decision once, so that a data file that cannot be read says so now
        (at start) rather than at a request; the number of decisions."""
        for decision_id in self._ids:
            self.load(decision_id)
        return len(self._ids)


@cache
def library(folders: tuple[Path, ...] = (SHIPPED,)) -> Library:
    """The library of ``folders`` (by default the shipped decisions), one per folders."""
    return Library(folders)


def decision_ids() -> tuple[str, ...]:
    """Every shipped decision, sorted."""
    return library().ids()


def load_decision(decision_id: str) -> Decision:
    """One shipped decision; ``UnknownDecision`` if there is none."""
    return library().load(decision_id)


def _shared_keys(value: Any) -> Any:
    """``value`` with every table's keys interned: tomllib makes a new string for each of a
    data file's 400-odd keys, a fifth of a loaded decision's memory; interned, every
    decision shares one of each."""
    if isinstance(value, dict):
        return {sys.intern(key): _shared_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shared_keys(item) for item in value]
    return value


def body_key(name: str) -> str:
    """A deciding body's name as compared: case and spacing do not matter."""
    return " ".join(name.split()).casefold()


def _citation(entry: dict[str, Any], document: str) -> Citation:
    return Citation(entry["anchor"], entry["quote"], entry.get("document", document))


def _option(entry: dict[str, Any], governs: str) -> Option:
    share = entry.get("share")
    if entry["means"] not in MEANINGS[governs]:
        raise RuleError(
            f"Option {entry['option_id']!r} means {entry['means']!r}; {governs!r} knows {MEANINGS[governs]}."
        )
    return Option(
        entry["option_id"],
        {"sv": entry["label_sv"], "en": entry["label_en"]},
        entry["means"],
        None if share is None else Decimal(share),
    )


def _interpretation(entry: dict[str, Any], document: str) -> Interpretation:
    governs = entry["governs"]
    if governs not in MEANINGS:
        raise RuleError(f"Interpretation {entry['interpretation_id']!r} governs {governs!r}; known: {tuple(MEANINGS)}.")
    return Interpretation(
        entry["interpretation_id"],
        governs,
        tuple(entry["rules"]),
        {"sv": entry["question_sv"], "en": entry["question_en"]},
        _citation(entry, document),
        entry["default"],
        tuple(_option(o, governs) for o in entry["options"]),
    )


def _points(data: dict[str, Any]) -> dict[str, tuple[int, ...]]:
    points: dict[str, list[int]] = {}
    for point in data["decision_points"]:
        for rule_id in point.get("rules", ()):
            points.setdefault(rule_id, []).append(int(point["number"]))
    return {rule_id: tuple(numbers) for rule_id, numbers in points.items()}


def _check(
    data: dict[str, Any], folder: Path, rule_texts: dict[str, RuleText], points: dict[str, tuple[int, ...]]
) -> None:
    """What the engine needs of a data file beyond its keys: else a ``RuleError`` that
    names the decision and what is wrong."""
    decision_id, problems = data["decision_id"], []
    if not (folder / data["source_file"]).is_file():
        problems.append(f"its source text {data['source_file']!r} is not beside it")
    missing = [rule_id for rule_id in RULE_IDS if rule_id not in rule_texts]
    if missing:
        problems.append(f"it cites no sentence for the rules {missing}")
    unknown = sorted(set(points) - set(RULE_IDS))
    if unknown:
        problems.append(f"its beslutspunkter map to rules the engine does not have: {unknown}")
    if len(points.get("eruf-approval", ())) != 1:
        problems.append('exactly one beslutspunkt must hold its condition (rules = ["eruf-approval"])')
    declared = {anchor["anchor"] for anchor in data["anchors"]}
    cited = {c["anchor"] for rule in data["rules"] for c in rule["citations"] if "document" not in c}
    cited |= {i["anchor"] for i in data.get("interpretations", ())} | {p["anchor"] for p in data["decision_points"]}
    if cited - declared:
        problems.append(f"it cites anchors it does not declare in [[anchors]]: {sorted(cited - declared)}")
    questions = [i["governs"] for i in data.get("interpretations", ())]
    twice = sorted({q for q in questions if questions.count(q) > 1})
    if twice:
        problems.append(f"two interpretations answer one question: {twice}")
    for entry in data.get("interpretations", ()):
        if entry["default"] not in [o["option_id"] for o in entry["options"]]:
            problems.append(f"interpretation {entry['interpretation_id']!r} defaults to an option it does not have")
    if problems:
        raise RuleError(f"Decision {decision_id!r} cannot be served: " + "; ".join(problems) + ".")


def _decision_from(data: dict[str, Any], folder: Path) -> Decision:
    parties = {p["party_id"]: p["name"] for p in data["parties"]}
    # A citation names the document as its issuer and diarienummer name it.
    document = f"{parties[data['issuer']['party_id']]} {data['diarienummer']}"
    commitment, plan = data["commitment"], data["financing_plan"]
    rule_texts = {
        rule["rule_id"]: RuleText(
            rule["rule_id"],
            rule["name_sv"],
            {"sv": rule["title_sv"], "en": rule["title_en"]},
            {"sv": rule["note_sv"], "en": rule["note_en"]},
            tuple(_citation(c, document) for c in rule["citations"]),
        )
        for rule in data["rules"]
    }
    points = _points(data)
    _check(data, folder, rule_texts, points)
    interpretations = {
        entry["interpretation_id"]: _interpretation(entry, document) for entry in data.get("interpretations", ())
    }
    contributions = tuple(
        Contribution(
            c["contribution_id"],
            tuple(c["parties"]),
            amount(c["amount"]),
            c["kind"],
            Citation(plan["anchor"], c["quote"], document),
        )
        for c in plan["contributions"]
    )
    return Decision(
        decision_id=data["decision_id"],
        diarienummer=data["diarienummer"],
        folder=folder,
        document=document,
        document_date=date.fromisoformat(data["document_date"]),
        decision_body=data["decision_body"],
        decision_body_names=frozenset(
            body_key(name) for name in (data["decision_body"], *data.get("decision_body_aliases", ()))
        ),
        amount=amount(commitment["amount"]),
        currency=commitment["currency"],
        period_starts_on=date.fromisoformat(commitment["period"]["starts_on"]),
        period_ends_on=date.fromisoformat(commitment["period"]["ends_on"]),
        project_months=int(commitment["period"]["project_months"]),
        funding_source_id=commitment["funding_source"]["funding_source_id"],
        funding_source_name=commitment["funding_source"]["name"],
        funding_source_name_en=commitment["funding_source"]["name_en"],
        recipient_id=commitment["recipient"]["recipient_id"],
        recipient_name=commitment["recipient"]["name"],
        applied_eruf_amount=amount(commitment["condition"]["applied_amount"]),
        stated_total=amount(plan["stated_total"]),
        stated_precision=amount(plan["stated_precision"]),
        contributions=contributions,
        parties=parties,
        rule_texts=rule_texts,
        interpretations=interpretations,
        points=points,
        data=data,
    )
