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
- ``awardDate`` is the day Kommunstyrelsen adopted the proposal, from a recorded adoption
  event. Until one is recorded the date is unknown: the schema requires the field and has
  no way to say "unknown", so the record leaves it out and says why under ``unknowns``
  (an extra field, which the standard allows). The record is then knowingly incomplete
  rather than wrong.
- Amounts are JSON numbers, as the schema types them, written with the exact decimal
  digits of the amount (never rounded through a float's own digits).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from rules import Decision
from rules.money import show
from service.storage.facts import Event, facts_from, live_events

CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"
#: The spreadsheet column titles the standard gives each field (360-giving-schema-titles).
CSV_HEADER = (
    "Identifier",
    "Title",
    "Description",
    "Currency",
    "Amount Awarded",
    "Amount Disbursed",
    "Award Date",
    "Planned Dates:Start Date",
    "Planned Dates:End Date",
    "Recipient Org:Identifier",
    "Recipient Org:Name",
    "Funding Org:Identifier",
    "Funding Org:Name",
    "Last modified",
    "Data Source",
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


def grant(decision: Decision, events: list[Event], *, prefix: str, base_url: str, now: datetime) -> dict[str, Any]:
    """One grant record: the decision's commitment, with what the event log knows at ``now``."""
    data, commitment = decision.data, decision.data["commitment"]
    parties = {p["party_id"]: p for p in data["parties"]}
    funder = parties[data["issuer"]["party_id"]]
    recipient = parties[commitment["recipient"]["recipient_id"]]
    facts = facts_from(events, known_at=now, as_of=now.date())
    period = commitment["period"]
    record: dict[str, Any] = {
        "id": f"{prefix}-{decision.decision_id}",
        "title": f"Medfinansiering av {data['project_name']}",
        "description": " ".join(p["text"] for p in data["decision_points"]),
        "currency": decision.currency,
        "amountAwarded": number(decision.amount),
        "amountDisbursed": number(facts.disbursed),
    }
    if facts.adopted_on is not None:
        record["awardDate"] = facts.adopted_on.isoformat()
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
    record["unknowns"] = unknowns(decision, record, recipient)
    return record


def unknowns(decision: Decision, record: dict[str, Any], recipient: dict[str, Any]) -> list[dict[str, str]]:
    """What the record cannot state, in the decision's own words where it has them."""
    notes = decision.data["unknowns"]
    found = []
    if "awardDate" not in record:
        found.append({"field": "awardDate", "note": notes.get("adopted_on", "No adoption is recorded.")})
    if not recipient.get("organisation_number"):
        note = notes.get("recipient_organisation_number", "No source gives the recipient's organisation number.")
        found.append({"field": "recipientOrganization/0/id", "note": note})
    return found


def package(record: dict[str, Any], funder: dict[str, str]) -> dict[str, Any]:
    """A 360Giving data package holding the one grant, under CC0 like all medfin data."""
    return {"grants": [record], "license": CC0, "publisher": {"identifier": funder["id"], "name": funder["name"]}}


def csv_row(record: dict[str, Any]) -> list[str]:
    """The grant as one spreadsheet row under ``CSV_HEADER``; an unknown award date is an empty cell."""
    planned = record["plannedDates"][0]
    recipient, funder = record["recipientOrganization"][0], record["fundingOrganization"][0]
    return [
        record["id"],
        record["title"],
        record["description"],
        record["currency"],
        show(Decimal(str(record["amountAwarded"]))),
        show(Decimal(str(record["amountDisbursed"]))),
        record.get("awardDate", ""),
        planned["startDate"],
        planned["endDate"],
        recipient["id"],
        recipient["name"],
        funder["id"],
        funder["name"],
        record.get("dateModified", ""),
        record["dataSource"],
    ]
