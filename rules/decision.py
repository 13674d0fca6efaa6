"""The decision as data: loaded from ``rules/decisions/<decision_id>.toml``.

Rules contain no literal amounts, dates or slugs; they read them from here.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from rules.errors import UnknownDecision
from rules.money import amount
from rules.outcomes import Citation, Outcome, RuleOutcome

DECISIONS_DIR = Path(__file__).parent / "decisions"


@dataclass(frozen=True, slots=True)
class Option:
    option_id: str
    label: dict[str, str]
    #: A share the option names (a reduced grant that counts, as a fraction), if any.
    share: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Interpretation:
    """A place where the text is open: a named reading with a default."""

    interpretation_id: str
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
    data: dict[str, Any]

    def citations(self, rule_id: str) -> tuple[Citation, ...]:
        return self.rule_texts[rule_id].citations

    def party_name(self, party_id: str) -> str | None:
        """The name of a party the decision names, by its id; ``None`` for any other."""
        return self.parties.get(party_id)

    def is_deciding_body(self, body: str) -> bool:
        """``body`` names the decision's deciding body (any case, any spacing, an alias)."""
        return body_key(body) in self.decision_body_names

    def source_text(self) -> str:
        """The source document, as shipped beside the data file."""
        return _source_text(self.data["source_file"])


@cache
def _source_text(source_file: str) -> str:
    """Read once: the file changes only with a release."""
    return (DECISIONS_DIR / source_file).read_text(encoding="utf-8")


@cache
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


@cache
def decision_ids() -> tuple[str, ...]:
    """Every decision that has a data file, sorted (read once: data ships with a release)."""
    return tuple(sorted(path.stem for path in DECISIONS_DIR.glob("*.toml")))


@cache
def load_decision(decision_id: str) -> Decision:
    """Read one decision's data file; raise ``UnknownDecision`` if there is none."""
    known = decision_ids()
    if decision_id not in known:
        raise UnknownDecision(decision_id, known)
    with (DECISIONS_DIR / f"{decision_id}.toml").open("rb") as file:
        data = tomllib.load(file)
    return _decision_from(data)


def body_key(name: str) -> str:
    """A deciding body's name as compared: case and spacing do not matter."""
    return " ".join(name.split()).casefold()


def _citation(entry: dict[str, Any], document: str) -> Citation:
    return Citation(entry["anchor"], entry["quote"], entry.get("document", document))


def _option(entry: dict[str, Any]) -> Option:
    share = entry.get("share")
    return Option(
        entry["option_id"],
        {"sv": entry["label_sv"], "en": entry["label_en"]},
        None if share is None else Decimal(share),
    )


def _decision_from(data: dict[str, Any]) -> Decision:
    document = f"Huddinge kommun {data['diarienummer']}"
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
    interpretations = {
        entry["interpretation_id"]: Interpretation(
            entry["interpretation_id"],
            tuple(entry["rules"]),
            {"sv": entry["question_sv"], "en": entry["question_en"]},
            _citation(entry, document),
            entry["default"],
            tuple(_option(o) for o in entry["options"]),
        )
        for entry in data["interpretations"]
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
        parties={p["party_id"]: p["name"] for p in data["parties"]},
        rule_texts=rule_texts,
        interpretations=interpretations,
        data=data,
    )
