"""The commitment as a 360Giving grant record (360Giving Data Standard, JSON and a CSV row).

Where the standard leaves a choice, this module makes it so that nothing is guessed:

- Identifiers. 360Giving asks each publisher for a registered prefix starting "360G-". No
  prefix is registered for this data, so ``THREESIXTYGIVING_PREFIX`` (default
  ``360G-medfin``) names medfin as the source; set the registered one when there is one.
  The grant's id is the prefix and the decision's slug: no '/' (the identifier guidance
  warns against slashes; the diarienummer has one).
- The funder is identified by its organisationsnummer on the org-id list SE-ON
  (Huddinge kommun: ``SE-ON-212000-0068``, DESIGN.md).
- An organisation whose number no source gives (the recipient, Stiftelsen Flemingsberg
  Science) gets what the standard prescribes for organisations without an official
  number: the publisher prefix and an internal identifier, here its slug. The record
  lists that under ``unknowns``.
- A proposal is no award. The grant exists from the day Kommunstyrelsen adopted the
  proposal (``adopted``, or ``adopted_amended``), as a recorded adoption event says, and
  while no upheld appeal has annulled that decision (``award``). Until then, and after
  an annulment, there is no grant to publish: the standard requires ``awardDate``, and a
  package must hold at least one grant, so no valid file can be made, and the API answers
  a problem that says why (``why_no_award``) instead of an invalid one.
- ``awardDate`` is the adoption's day; ``amountAwarded`` the amount Kommunstyrelsen
  adopted: the proposal's, or another where it amended it (``rules.committed``).
- Amounts are JSON numbers, as the schema types them, written with the exact decimal
  digits of the amount (never rounded through a float's own digits).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any

from rules import Adoption, Decision, Facts, annulled_on, committed
from rules.money import show, show_sv
from service.shared.facts import Event, facts_from, live_events
from service.shared.stockholm import STOCKHOLM

CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"
#: The spreadsheet columns: each field's path in the grant, and the title the standard's
#: schema gives it (360Giving Data Standard 1.4.3, its ``title``s joined by ":").
CSV_COLUMNS = (
    ("id", "Identifier"),
    ("title", "Title"),
    ("description", "Description"),
    ("currency", "Currency"),
    ("amountAwarded", "Amount Awarded"),
    ("amountDisbursed", "Amount Disbursed"),
    ("awardDate", "Award Date"),
    ("plannedDates/startDate", "Planned Dates:Start Date"),
    ("plannedDates/endDate", "Planned Dates:End Date"),
    ("recipientOrganization/id", "Recipient Org:Identifier"),
    ("recipientOrganization/name", "Recipient Org:Name"),
    ("fundingOrganization/id", "Funding Org:Identifier"),
    ("fundingOrganization/name", "Funding Org:Name"),
    ("dateModified", "Last Modified"),
    ("dataSource", "Data Source"),
)
CSV_HEADER = tuple(title for _, title in CSV_COLUMNS)


def facts_at(events: list[Event], now: datetime) -> Facts:
    """The facts as the log states them at ``now``, about that day in Stockholm (as the
    commitment and the pages count days, and ``service.http.caching`` their validators)."""
    return facts_from(events, known_at=now, as_of=now.astimezone(STOCKHOLM).date())


def award(facts: Facts) -> Adoption | None:
    """Kommunstyrelsen's adoption of the proposal (amended or not) while it stands: the
    grant's award. ``None`` when there is no grant: no decision recorded (a proposal is
    no award), a referral back, a tabling or a rejection, or an appeal upheld."""
    adoption = facts.adoption
    if adoption is None or not adoption.adopts:
        return None
    if facts.appeals and annulled_on(facts) is not None:
        return None
    return adoption


def awarded(store: Any, decision_ids: Iterable[str], now: datetime) -> frozenset[str]:
    """The decisions, among ``decision_ids``, whose grant is awarded at ``now`` (``award``),
    as ``store``'s event log states it (each decision's standing, about that day in Stockholm)."""
    day = now.astimezone(STOCKHOLM).date()
    return frozenset(i for i in decision_ids if award(store.standing(i, keep=False).facts(day)) is not None)


def why_no_award(decision: Decision, facts: Facts) -> str:
    """Why ``award`` finds no grant, in plain words."""
    adoption = facts.adoption
    if adoption is None:
        reason = (
            f"No decision of Kommunstyrelsen on {decision.diarienummer} is recorded: the text is a proposal, "
            "and a proposal is no award."
        )
    elif adoption.outcome == "rejected":
        reason = f"Kommunstyrelsen rejected the proposal on {adoption.decided_on}: nothing was awarded."
    elif not adoption.adopts:
        said = "referred it back" if adoption.outcome == "referred_back" else "tabled it"
        reason = (
            f"Kommunstyrelsen {said} on {adoption.decided_on}, which decides nothing; no adoption is recorded, "
            "and a proposal is no award."
        )
    else:
        reason = (
            f"Kommunstyrelsen's adoption of {adoption.decided_on} was annulled on appeal on {annulled_on(facts)}: "
            "the grant no longer exists."
        )
    return (
        f"{reason} A 360Giving grant exists from the day Kommunstyrelsen adopts the proposal until an appeal "
        "annuls the decision; the commitment says where the decision stands."
    )


def number(amount: Decimal) -> int | float:
    """``amount`` as a JSON number with its exact digits: an int when whole; else a float,
    whose shortest repr gives back the same digits (amounts have at most 14 significant
    digits, a double keeps 15)."""
    if amount == amount.to_integral_value():
        return int(amount)
    value = float(amount)
    if Decimal(repr(value)) != amount:  # pragma: no cover - beyond the amounts schemas accept
        raise ValueError(f"{amount} has more digits than a JSON number written from a double keeps")
    return value


def organisation(party: dict[str, Any], prefix: str) -> dict[str, str]:
    """A party as a 360Giving organisation: SE-ON and its organisationsnummer when a source
    gives one, otherwise the publisher prefix and the party's slug."""
    number_ = party.get("organisation_number")
    identifier = f"SE-ON-{number_}" if number_ else f"{prefix}-{party['party_id']}"
    return {"id": identifier, "name": party["name"]}


def grant(
    decision: Decision, events: list[Event], facts: Facts, *, prefix: str, base_url: str, now: datetime
) -> dict[str, Any]:
    """One grant record: the decision's commitment, with what the event log knows at
    ``now`` (``facts``: ``facts_at(events, now)``). Only for an award (``award``)."""
    adopted = award(facts)
    if adopted is None:
        raise ValueError(why_no_award(decision, facts))
    data, commitment = decision.data, decision.data["commitment"]
    parties = {p["party_id"]: p for p in data["parties"]}
    funder = parties[data["issuer"]["party_id"]]
    recipient = parties[commitment["recipient"]["recipient_id"]]
    period = commitment["period"]
    amount = committed(decision, facts)
    description = " ".join(p["text"] for p in data["decision_points"])
    if amount != decision.amount:
        description += f" Kommunstyrelsen antog förslaget med ändringar den {adopted.decided_on}: {show_sv(amount)}."
    record: dict[str, Any] = {
        "id": f"{prefix}-{decision.decision_id}",
        "title": f"Medfinansiering av {data['project_name']}",
        "description": description,
        "currency": decision.currency,
        "amountAwarded": number(amount),
        "amountDisbursed": number(facts.disbursed),
        "awardDate": adopted.decided_on.isoformat(),
    }
    record["plannedDates"] = [
        {
            "startDate": period["starts_on"],
            "endDate": period["ends_on"],
            "description": f"{decision.diarienummer}, {period['anchor']}: \u201d{period['quote']}\u201d",
        }
    ]
    record["recipientOrganization"] = [organisation(recipient, prefix)]
    record["fundingOrganization"] = [organisation(funder, prefix)]
    known = live_events(events, now)
    if known:
        record["dateModified"] = max(e.recorded_at for e in known).isoformat(timespec="seconds").replace("+00:00", "Z")
    record["dataSource"] = f"{base_url}/v1/decisions/{decision.decision_id}"
    record["unknowns"] = unknowns(decision, recipient)
    return record


def unknowns(decision: Decision, recipient: dict[str, Any]) -> list[dict[str, str]]:
    """What the record cannot state, in the decision's own words where it has them."""
    found = []
    if not recipient.get("organisation_number"):
        notes = decision.data["unknowns"]
        note = notes.get("recipient_organisation_number", "No source gives the recipient's organisation number.")
        found.append({"field": "recipientOrganization/0/id", "note": note})
    return found


def package(record: dict[str, Any], funder: dict[str, str]) -> dict[str, Any]:
    """A 360Giving data package holding the one grant, under CC0 like all medfin data."""
    return {"grants": [record], "license": CC0, "publisher": {"identifier": funder["id"], "name": funder["name"]}}


def csv_row(record: dict[str, Any]) -> list[str]:
    """The grant as one spreadsheet row under ``CSV_HEADER``: amounts as decimal strings."""
    planned = record["plannedDates"][0]
    recipient, funder = record["recipientOrganization"][0], record["fundingOrganization"][0]
    return [
        record["id"],
        record["title"],
        record["description"],
        record["currency"],
        show(Decimal(str(record["amountAwarded"]))),
        show(Decimal(str(record["amountDisbursed"]))),
        record["awardDate"],
        planned["startDate"],
        planned["endDate"],
        recipient["id"],
        recipient["name"],
        funder["id"],
        funder["name"],
        record.get("dateModified", ""),
        record["dataSource"],
    ]
