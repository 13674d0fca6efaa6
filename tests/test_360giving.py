"""The commitment as a 360Giving grant, checked against the standard's own JSON schema.

``tests/data/360-giving-schema.json`` is the standard's schema (CC BY 4.0; see
tests/data/README.md). The award date is the recorded adoption's date, and unknown,
and said to be, until one is recorded; on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from jsonschema import Draft4Validator

from service.threesixtygiving import number

DECISION = "/v1/decisions/ks-2024-1371-481"
GRANT, EVENTS = f"{DECISION}/360giving", f"{DECISION}/events"
SCHEMA = json.loads((Path(__file__).parent / "data" / "360-giving-schema.json").read_text(encoding="utf-8"))
ADOPTION = {"type": "adoption", "decided_on": "2024-09-16", "body": "Kommunstyrelsen", "reference": "KS § 1"}


def schema_errors(grant: dict) -> list[str]:
    # date-time must really be checked: awardDate is oneOf a date-time or a date
    assert "date-time" in Draft4Validator.FORMAT_CHECKER.checkers
    validator = Draft4Validator(SCHEMA, format_checker=Draft4Validator.FORMAT_CHECKER)
    return sorted(error.message for error in validator.iter_errors(grant))


@pytest.fixture
def client(store_app):
    return store_app.test_client()


def grant_of(client) -> dict:
    package = client.get(GRANT).get_json()
    assert len(package["grants"]) == 1
    return package["grants"][0]


def csv_row(client) -> dict[str, str]:
    (row,) = csv.DictReader(io.StringIO(client.get(GRANT, query_string={"format": "csv"}).get_data(as_text=True)))
    return row


def test_grant_has_the_required_fields_and_says_the_award_date_is_unknown(client):
    grant = grant_of(client)
    assert schema_errors(grant) == ["'awardDate' is a required property"]
    assert "awardDate" not in grant
    assert [u["field"] for u in grant["unknowns"]] == ["awardDate", "recipientOrganization/0/id"]
    assert "inte känd" in grant["unknowns"][0]["note"]
    assert csv_row(client)["Award Date"] == ""


def test_grant_identifiers_follow_the_standard(client):
    grant = grant_of(client)
    assert grant["id"] == "360G-medfin-ks-2024-1371-481" and "/" not in grant["id"]
    assert grant["fundingOrganization"] == [{"id": "SE-ON-212000-0068", "name": "Huddinge kommun"}]
    # no source gives the recipient's number: the publisher prefix and an internal id
    assert grant["recipientOrganization"] == [
        {"id": "360G-medfin-stiftelsen-flemingsberg-science", "name": "Stiftelsen Flemingsberg Science"}
    ]


def test_grant_states_amount_period_and_source(client):
    grant = grant_of(client)
    assert (grant["currency"], grant["amountAwarded"], grant["amountDisbursed"]) == ("SEK", 1000000, 0)
    assert grant["plannedDates"][0]["startDate"] == "2025-01-01"
    assert grant["plannedDates"][0]["endDate"] == "2027-12-31"
    assert grant["dataSource"] == "http://127.0.0.1:8000/v1/decisions/ks-2024-1371-481"
    assert len(grant["title"]) < 140


def test_package_is_cc0_from_huddinge_kommun(client):
    package = client.get(GRANT).get_json()
    assert package["license"] == "http://creativecommons.org/publicdomain/zero/1.0/"
    assert package["publisher"] == {"identifier": "SE-ON-212000-0068", "name": "Huddinge kommun"}


def test_recorded_adoption_becomes_the_award_date(client, writer):
    assert client.post(EVENTS, json=ADOPTION, headers=writer).status_code == 201
    grant = grant_of(client)
    assert grant["awardDate"] == "2024-09-16"
    assert schema_errors(grant) == []
    assert [u["field"] for u in grant["unknowns"]] == ["recipientOrganization/0/id"]
    assert csv_row(client)["Award Date"] == "2024-09-16"


def test_corrected_adoption_makes_the_award_date_unknown_again(client, writer):
    adoption = client.post(EVENTS, json=ADOPTION, headers=writer).get_json()
    correction = {"type": "correction", "corrects": adoption["event_id"], "reason": "Fel ärende."}
    assert client.post(EVENTS, json=correction, headers=writer).status_code == 201
    assert "awardDate" not in grant_of(client)


def test_disbursements_are_added_up_exactly(client, writer):
    client.post(EVENTS, json=ADOPTION, headers=writer)
    payment = {
        "type": "disbursement",
        "paid_on": "2025-03-01",
        "amount": "333333.33",
        "funding_source": "reserverade-medel-for-oforutsett",
        "recipient": "stiftelsen-flemingsberg-science",
    }
    assert client.post(EVENTS, json=payment, headers=writer).status_code == 201
    assert '"amountDisbursed":333333.33' in client.get(GRANT).get_data(as_text=True)
    assert csv_row(client)["Amount Disbursed"] == "333333.33"
    assert schema_errors(grant_of(client)) == []


def test_prefix_is_configurable(store_app):
    store_app.config["THREESIXTYGIVING_PREFIX"] = "360G-huddinge"
    grant = grant_of(store_app.test_client())
    assert grant["id"] == "360G-huddinge-ks-2024-1371-481"
    assert grant["recipientOrganization"][0]["id"].startswith("360G-huddinge-")


@pytest.mark.parametrize(
    ("amount", "text"),
    [("1000000.00", "1000000"), ("333333.33", "333333.33"), ("0.01", "0.01"), ("999999999999.99", "999999999999.99")],
)
def test_amounts_are_json_numbers_with_their_exact_digits(amount, text):
    assert json.dumps(number(Decimal(amount))) == text


def test_a_cached_copy_does_not_hide_a_recorded_adoption(client, writer):
    before = client.get(GRANT)
    assert before.headers["Cache-Control"] == "public, no-cache"  # the log can change it at any moment
    assert client.get(GRANT, headers={"If-None-Match": before.headers["ETag"]}).status_code == 304
    client.post(EVENTS, json=ADOPTION, headers=writer)
    after = client.get(GRANT, headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200 and after.get_json()["grants"][0]["awardDate"] == "2024-09-16"
