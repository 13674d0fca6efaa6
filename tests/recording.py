"""Recording events over HTTP, for tests that need a log longer than the shipped facts."""

from __future__ import annotations

from service.storage import tokens
from tests.examples import DECISION, payment

EVENTS = f"{DECISION}/events"
ADOPTION = {"type": "adoption", "decided_on": "2024-09-16", "body": "Kommunstyrelsen", "reference": "KS § 1"}
#: A fact a registrar may record any number of times: a referral back (återremiss)
#: decides nothing, so no later one contradicts it, and it leaves ``ADOPTION`` free to
#: follow. (A second live adoption is a 409, ``service.views.recording``.)
REFERRAL = {
    "type": "adoption",
    "decided_on": "2024-09-02",
    "outcome": "referred_back",
    "body": "Kommunstyrelsen",
    "reference": "KS § 1",
}


def registrar(app, name: str = "registrator") -> dict[str, str]:
    """The Authorization header of a new registrar token."""
    token = tokens.create(app.extensions["medfin"].engine, name, "registrar")
    return {"Authorization": f"Bearer {token}"}


def record(client, headers: dict[str, str], body: dict) -> dict:
    """POST one event; it must be stored."""
    response = client.post(EVENTS, json=body, headers=headers)
    assert response.status_code == 201, response.get_json()
    return response.json


def record_adoption_and_payments(client, headers: dict[str, str], payments: int) -> list[dict]:
    """The adoption and ``payments`` disbursements of 1000.00 in March 2025, as stored."""
    stored = [record(client, headers, ADOPTION)]
    for day in range(1, payments + 1):
        stored.append(record(client, headers, {"type": "disbursement", **payment("1000.00", f"2025-03-{day:02d}")}))
    return stored


def links(response) -> dict[str, str]:
    """The RFC 8288 ``Link`` header as ``{rel: uri}``."""
    found = {}
    for part in response.headers.get("Link", "").split(", "):
        uri, _, rel = part.partition(">; rel=")
        found[rel.strip('"')] = uri.lstrip("<")
    return found
