"""The data as a Frictionless Data Package (``/v1/datapackage.json``): every list whole
as CSV, each a resource with the Table Schema of its columns (``service.formats.table_schemas``).

The package names each CSV by a path the caller chooses: the API gives the absolute
URL under ``PUBLIC_BASE_URL``; ``medfin export`` the file it wrote, relative to the
folder, so that the exported folder validates offline (``frictionless validate
datapackage.json``). Titles and descriptions are in Swedish, the publisher's language,
with English beside them in ``title_en`` and ``description_en`` (the standard has one
language; it allows properties of one's own).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rules import Decision
from service.formats.table_schemas import DECISIONS, EVENTS, FINANCING_PLAN, RULES, TRACEABILITY, Table

#: The data's licence, as the catalogue and openapi.yaml give it.
LICENSE = {
    "name": "CC0-1.0",
    "path": "https://creativecommons.org/publicdomain/zero/1.0/",
    "title": "Creative Commons Zero v1.0 Universal",
}
TITLE = (
    "medfin: kommunala medfinansieringsbeslut som öppna data",
    "medfin: municipal co-financing decisions as open data",
)
DESCRIPTION = (
    "Varje lista som hel CSV: besluten, varje besluts regler med citat, registrerade händelser, "
    "finansieringsplan och spårbarhet, samt ändringarna i alla beslut.",
    "Every list as a whole CSV: the decisions, each decision's rules with quotes, recorded events, financing plan "
    "and traceability, and the changes across every decision.",
)


@dataclass(frozen=True, slots=True)
class Resource:
    """One whole CSV: where the API serves it, where ``medfin export`` writes it, its
    columns, and what it holds (Swedish, English)."""

    name: str
    url: str
    file: str
    table: Table
    title: tuple[str, str]
    description: tuple[str, str]


def resources(decisions: Sequence[Decision]) -> list[Resource]:
    """Every whole CSV the API serves for ``decisions``, in the order the package lists them."""
    found = [
        Resource(
            "decisions",
            "/v1/decisions?format=csv",
            "v1/decisions.csv",
            DECISIONS,
            ("Besluten", "The decisions"),
            ("Ett beslut per rad, med belopp och beslutande organ.", "One decision a row, with its amount and body."),
        ),
        Resource(
            "changes",
            "/v1/changes?format=csv",
            "v1/changes.csv",
            EVENTS,
            ("Ändringar i alla beslut", "Changes across every decision"),
            (
                "Varje registrerad händelse i alla beslut, äldst först (recorded_at, sedan event_id).",
                "Every recorded event of every decision, oldest first (recorded_at, then event_id).",
            ),
        ),
    ]
    for decision in decisions:
        found += _decision_resources(decision)
    return found


def _decision_resources(decision: Decision) -> list[Resource]:
    ident, number = decision.decision_id, decision.diarienummer
    path = f"v1/decisions/{ident}"
    parts = (
        ("rules", RULES, "Reglerna med citat och tolkningar", "The rules with quotes and interpretations"),
        ("events", EVENTS, "De registrerade händelserna", "The recorded events"),
        ("financing-plan", FINANCING_PLAN, "Finansieringsplanen", "The financing plan"),
        (
            "traceability",
            TRACEABILITY,
            "Spårbarhet: källans avsnitt, reglerna som citerar dem och scenarierna som verifierar dem",
            "Traceability: the source's sections, the rules that cite them and the scenarios that verify them",
        ),
    )
    return [
        Resource(
            f"{ident}-{name}",
            f"/{path}/{name}?format=csv",
            f"{path}/{name}.csv",
            table,
            (f"{sv} ({number})", f"{en} ({number})"),
            (f"{sv}, {decision.data['title']}.", f"{en} of {number}, {decision.data['project_name']}."),
        )
        for name, table, sv, en in parts
    ]


def descriptor(decisions: Sequence[Decision], locate: Callable[[Resource], str], homepage: str) -> dict[str, Any]:
    """The package of ``decisions``, each resource's ``path`` given by ``locate``."""
    return {
        "profile": "tabular-data-package",
        "name": "medfin",
        "title": TITLE[0],
        "title_en": TITLE[1],
        "description": DESCRIPTION[0],
        "description_en": DESCRIPTION[1],
        "homepage": homepage,
        "licenses": [LICENSE],
        "contributors": [{"title": name, "role": "publisher"} for name in _publishers(decisions)],
        "keywords": ["medfinansiering", "co-financing", "ERUF", "ERDF"],
        "resources": [_resource(r, locate(r)) for r in resources(decisions)],
    }


def _publishers(decisions: Sequence[Decision]) -> list[str]:
    """The issuers of the decisions, each once: those who publish what they decided."""
    names = []
    for decision in decisions:
        data = decision.data
        name = next(p["name"] for p in data["parties"] if p["party_id"] == data["issuer"]["party_id"])
        if name not in names:
            names.append(name)
    return names


def _resource(resource: Resource, path: str) -> dict[str, Any]:
    return {
        "name": resource.name,
        "path": path,
        "profile": "tabular-data-resource",
        "title": resource.title[0],
        "title_en": resource.title[1],
        "description": resource.description[0],
        "description_en": resource.description[1],
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True},
        "licenses": [LICENSE],
        "schema": resource.table.schema(),
    }
