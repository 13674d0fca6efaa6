"""Where the service finds its decisions: the folder the rules ship and any the setting
``MEDFIN_DECISIONS_DIR`` names (several joined by ``os.pathsep``), each holding data
files ``<decision_id>.toml`` beside their source texts. The only place that reads the
setting: the rules read what they are handed (``rules.library``), lazily, into a bounded
cache.
"""

from __future__ import annotations

import os
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from rules import SHIPPED, Decision, Library, library
from service.shared.publishers import Publisher, issuer_of
from service.shared.stockholm import utc

SETTING = "MEDFIN_DECISIONS_DIR"


def folders() -> tuple[Path, ...]:
    """The shipped folder, then those the setting names, in its order."""
    return _folders(os.environ.get(SETTING, ""))


@cache
def _folders(setting: str) -> tuple[Path, ...]:
    named = tuple(Path(part).resolve() for part in setting.split(os.pathsep) if part.strip())
    missing = [str(folder) for folder in named if not folder.is_dir()]
    if missing:
        raise ValueError(f"{SETTING} names no folder at {', '.join(missing)}.")
    return (SHIPPED, *(folder for folder in named if folder != SHIPPED))


def decisions() -> Library:
    """The decisions served: the same library (and so the same loaded decisions) for as
    long as the setting is the same."""
    return library(folders())


def check() -> int:
    """Every decision served, loaded once (a data file that cannot serve raises
    ``rules.RuleError`` here, at start), and no two issuers under one organisation
    number (the catalogue names a publisher by it); the number of decisions."""
    served = decisions()
    count = served.check()
    named: dict[str, set[str]] = {}
    for decision_id in served.ids():
        issuer = issuer_of(served.load(decision_id))
        named.setdefault(issuer.organisation_number, set()).add(issuer.party_id)
    shared = {number: sorted(parties) for number, parties in named.items() if len(parties) > 1}
    if shared:
        raise ValueError(f"Issuers of decisions served share an organisation number: {shared}.")
    return count


def modified_of(decision_id: str) -> Any:
    """The decision data's ``modified`` moment, without keeping the whole decision loaded."""
    return decisions().modified(decision_id)


def newest_modified() -> tuple[datetime | None, bool]:
    """The newest ``modified`` moment of the decisions served, in UTC (None if none
    gives one), and whether some decision gives none: what a list's Last-Modified is
    made of (``service.http.caching``), found once per library, not for every request."""
    return _newest_modified(decisions())


@cache
def _newest_modified(served: Library) -> tuple[datetime | None, bool]:
    moments = [served.modified(decision_id) for decision_id in served.ids()]
    given = [utc(moment) for moment in moments if isinstance(moment, datetime)]
    return (max(given) if given else None), len(given) < len(moments)


def decision_ids() -> tuple[str, ...]:
    """Every decision served, sorted."""
    return decisions().ids()


def load_decision(decision_id: str) -> Decision:
    """One decision served; ``rules.UnknownDecision`` if there is none."""
    return decisions().load(decision_id)


def catalogue_publisher(party_id: str | None = None) -> Publisher:
    """Who publishes the catalogue itself: the issuer named by the setting
    ``MEDFIN_CATALOG_PUBLISHER`` (its party id in a decision served), by default the
    issuer of the shipped decisions, the municipality medfin is published for."""
    return _publisher(decisions(), party_id)


@cache
def _publisher(served: Library, party_id: str | None) -> Publisher:
    """Found once per library and setting: every page names the publisher."""
    if party_id is None:
        shipped = library()
        return issuer_of(shipped.load(shipped.ids()[0]))
    for decision_id in served.ids():
        issuer = issuer_of(served.load(decision_id))
        if issuer.party_id == party_id:
            return issuer
    raise ValueError(f"MEDFIN_CATALOG_PUBLISHER={party_id!r} issues no decision served here.")
