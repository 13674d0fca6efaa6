"""What-if scenarios for the benchmark: seeded, varied, reproducible.

A scenario is plain data (dates, decimal strings, slugs), so that the same scenario
can become the rules' own types (``as_rules``) for the in-process benchmark and a
JSON body (``as_body``) for the HTTP one. The mix covers the whole lifecycle: not
adopted, adopted and waiting for ERUF, approved (in full or reduced), rejected,
withdrawn; payments inside and outside the period, from the wrong source, to the
wrong recipient, before adoption, over the cap; proposed disbursements that are
allowed and refused; a quarter of them with interpretations chosen.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, NamedTuple

from rules import Disbursement, ErufDecision, Facts, load_decision

_DECISION = load_decision("ks-2024-1371-481")
SOURCE, RECIPIENT = _DECISION.funding_source_id, _DECISION.recipient_id
AMOUNTS = ("50000.00", "100000.00", "250000.00", "333333.33", "400000.00", "500000.00", "600000.01", "1000000.00")
CHOICES = (
    {"three-years": "36-months-from-project-start"},
    {"reduced-eruf-grant": "does-not-count"},
    {"ki-rs-life-science-contribution": "each"},
    {"yearly-split": "equal-thirds"},
    {"three-years": "budget-years-2025-2027", "yearly-split": "equal-thirds"},
    {"reduced-eruf-grant": "counts-as-approval", "ki-rs-life-science-contribution": "together"},
)

Payment = tuple[date, str, str, str]  # paid_on, amount, funding_source, recipient


class Scenario(NamedTuple):
    as_of: date
    adopted_on: date | None
    eruf: tuple[date, str, str | None] | None  # decided_on, outcome, granted_amount
    disbursements: tuple[Payment, ...]
    project_started_on: date | None
    proposed: Payment | None
    interpretations: dict[str, str]


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def _payment(rng: random.Random, first: date, last: date) -> Payment:
    source = SOURCE if rng.random() < 0.93 else "kommunstyrelsens-anslag"
    recipient = RECIPIENT if rng.random() < 0.93 else "karolinska-institutet"
    return (_day(rng, first, last), rng.choice(AMOUNTS[:6]), source, recipient)


def scenario(rng: random.Random) -> Scenario:
    """One scenario, drawn from ``rng``."""
    as_of = _day(rng, date(2024, 6, 1), date(2028, 6, 30))
    adopted_on = _day(rng, date(2024, 9, 1), date(2025, 3, 31)) if rng.random() < 0.85 else None
    eruf = None
    if rng.random() < 0.8:
        outcome = rng.choices(("approved", "rejected", "withdrawn"), (8, 1, 1))[0]
        granted = rng.choice((None, None, "4400000.00", "3900000.00"))
        eruf = (_day(rng, date(2024, 10, 1), date(2025, 6, 30)), outcome, granted)
    count = rng.choice((0, 0, 1, 2, 3, 4))
    paid = tuple(sorted(_payment(rng, date(2024, 11, 1), date(2028, 3, 31)) for _ in range(count)))
    started = _day(rng, date(2025, 1, 1), date(2025, 6, 30)) if rng.random() < 0.5 else None
    proposed = None
    if rng.random() < 0.7:
        proposed = (_day(rng, date(2024, 10, 1), date(2028, 3, 31)), rng.choice(AMOUNTS), SOURCE, RECIPIENT)
        if rng.random() < 0.1:
            proposed = _payment(rng, proposed[0], proposed[0])
    chosen = dict(rng.choice(CHOICES)) if rng.random() < 0.25 else {}
    return Scenario(as_of, adopted_on, eruf, paid, started, proposed, chosen)


def generate(count: int, seed: int = 1371481) -> list[Scenario]:
    """``count`` scenarios; the same ``seed`` gives the same list on every machine."""
    rng = random.Random(seed)
    return [scenario(rng) for _ in range(count)]


def facts_of(s: Scenario) -> Facts:
    """The scenario's facts as the rules' frozen values (what a request schema builds)."""
    eruf = None
    if s.eruf is not None:
        granted = None if s.eruf[2] is None else Decimal(s.eruf[2])
        eruf = ErufDecision(s.eruf[0], s.eruf[1], granted)  # type: ignore[arg-type]
    paid = tuple(Disbursement(d, Decimal(a), f, r) for d, a, f, r in s.disbursements)
    return Facts(s.adopted_on, eruf, paid, s.project_started_on)


def proposed_of(s: Scenario) -> Disbursement | None:
    if s.proposed is None:
        return None
    paid_on, amount, source, recipient = s.proposed
    return Disbursement(paid_on, Decimal(amount), source, recipient)


def as_rules(s: Scenario) -> tuple[Facts, date, Disbursement | None, dict[str, str]]:
    """``(facts, on, proposed, interpretations)``, the arguments of ``rules.evaluate``."""
    return facts_of(s), s.as_of, proposed_of(s), s.interpretations


def _payment_body(p: Payment) -> dict[str, str]:
    return {"paid_on": p[0].isoformat(), "amount": p[1], "funding_source": p[2], "recipient": p[3]}


def as_body(s: Scenario) -> dict[str, Any]:
    """The scenario as the JSON body of POST .../evaluate."""
    facts: dict[str, Any] = {"disbursements": [_payment_body(p) for p in s.disbursements]}
    if s.adopted_on is not None:
        facts["adopted_on"] = s.adopted_on.isoformat()
    if s.eruf is not None:
        eruf: dict[str, Any] = {"decided_on": s.eruf[0].isoformat(), "outcome": s.eruf[1]}
        if s.eruf[2] is not None:
            eruf["granted_amount"] = s.eruf[2]
        facts["eruf_decision"] = eruf
    if s.project_started_on is not None:
        facts["project_started_on"] = s.project_started_on.isoformat()
    body: dict[str, Any] = {"as_of": s.as_of.isoformat(), "facts": facts}
    if s.proposed is not None:
        body["proposed_disbursement"] = _payment_body(s.proposed)
    if s.interpretations:
        body["interpretations"] = s.interpretations
    return body
