"""What-if scenarios for the benchmark: seeded, varied, reproducible.

A scenario is plain data (dates, decimal strings, slugs), so that the same scenario
can become the rules' own types (``as_rules``) for the in-process benchmark and a
JSON body (``as_body``) for the HTTP one. The mix covers the whole lifecycle: no
decision of Kommunstyrelsen, adopted (amended or not, announced or not, appealed or
not), rejected, referred back; waiting for ERUF, approved (in full, reduced or of an
unknown amount), rejected, withdrawn before or after approval; payments inside and
outside the period, from the wrong source, to the wrong recipient, before adoption,
over the cap; proposed disbursements that are
allowed and refused; a quarter of them with interpretations chosen.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, NamedTuple

from rules import Adoption, Appeal, Disbursement, ErufDecision, Facts, load_decision

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
    {"reduced-eruf-grant": "at-least-half", "withdrawal-after-approval": "approval-stands"},
    {"stated-total-precision": "exact", "ki-rs-life-science-contribution": "each"},
)

Payment = tuple[date, str, str, str]  # paid_on, amount, funding_source, recipient


class Scenario(NamedTuple):
    as_of: date
    adoption: tuple[date, str, str | None, date | None] | None  # decided_on, outcome, amended_amount, announced_on
    eruf: tuple[date, str, str | None] | None  # decided_on, outcome, granted_amount
    disbursements: tuple[Payment, ...]
    project_started_on: date | None
    proposed: Payment | None
    interpretations: dict[str, str]
    eruf_withdrawn_on: date | None = None
    appeals: tuple[tuple[date, str, date | None], ...] = ()  # lodged_on, outcome, decided_on


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def _payment(rng: random.Random, first: date, last: date) -> Payment:
    source = SOURCE if rng.random() < 0.93 else "kommunstyrelsens-anslag"
    recipient = RECIPIENT if rng.random() < 0.93 else "karolinska-institutet"
    return (_day(rng, first, last), rng.choice(AMOUNTS[:6]), source, recipient)


def scenario(rng: random.Random) -> Scenario:
    """One scenario, drawn from ``rng``."""
    as_of = _day(rng, date(2024, 6, 1), date(2028, 6, 30))
    adoption = None
    if rng.random() < 0.85:
        decided_on = _day(rng, date(2024, 9, 1), date(2025, 3, 31))
        outcome = rng.choices(("adopted", "adopted_amended", "rejected", "referred_back"), (90, 4, 3, 3))[0]
        amended = rng.choice(("800000.00", "1200000.00")) if outcome == "adopted_amended" else None
        final = outcome != "referred_back"
        announced = decided_on + timedelta(days=rng.randrange(1, 15)) if final and rng.random() < 0.4 else None
        adoption = (decided_on, outcome, amended, announced)
    appeals: tuple[tuple[date, str, date | None], ...] = ()
    if adoption is not None and adoption[1] != "referred_back" and rng.random() < 0.05:
        lodged = adoption[0] + timedelta(days=rng.randrange(1, 21))
        ruling = rng.choice(("pending", "dismissed", "upheld"))
        appeals = ((lodged, ruling, None if ruling == "pending" else lodged + timedelta(days=90)),)
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
    withdrawn_on = None
    if eruf is not None and eruf[1] == "approved" and rng.random() < 0.05:
        withdrawn_on = eruf[0] + timedelta(days=rng.randrange(30, 400))
    if eruf is not None and eruf[1] != "approved":
        eruf = (eruf[0], eruf[1], None)  # a rejection or a withdrawal grants nothing
    return Scenario(as_of, adoption, eruf, paid, started, proposed, chosen, withdrawn_on, appeals)


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
    adoption = None
    if s.adoption is not None:
        decided_on, outcome, amended, announced_on = s.adoption
        adoption = Adoption(decided_on, outcome, None, None if amended is None else Decimal(amended), announced_on)  # type: ignore[arg-type]
    appeals = tuple(Appeal(lodged, outcome, ruled) for lodged, outcome, ruled in s.appeals)  # type: ignore[arg-type]
    return Facts(adoption, eruf, paid, s.project_started_on, appeals, s.eruf_withdrawn_on)


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
    if s.adoption is not None:
        decided_on, outcome, amended, announced_on = s.adoption
        if outcome == "adopted" and announced_on is None:
            facts["adopted_on"] = decided_on.isoformat()  # the shorthand most callers send
        else:
            adoption: dict[str, Any] = {
                "decided_on": decided_on.isoformat(),
                "outcome": outcome,
                "body": "Kommunstyrelsen",
            }
            if amended is not None:
                adoption["amended_amount"] = amended
            if announced_on is not None:
                adoption["announced_on"] = announced_on.isoformat()
            facts["adoption"] = adoption
    if s.appeals:
        facts["appeals"] = [
            {
                "lodged_on": lodged.isoformat(),
                "outcome": outcome,
                **({"decided_on": ruled.isoformat()} if ruled else {}),
            }
            for lodged, outcome, ruled in s.appeals
        ]
    if s.eruf_withdrawn_on is not None:
        facts["eruf_withdrawn_on"] = s.eruf_withdrawn_on.isoformat()
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
