"""The commitment as a 360Giving grant, checked against the standard's own schemas.

``tests/data/360giving/`` holds the 360Giving Data Standard's package schema (1.4.3) and
grant schemas (1.4.2, 1.4.3), CC BY 4.0 (see tests/data/README.md). A proposal is no
award: until Kommunstyrelsen's adoption is recorded, and after an appeal annuls it, the
grant is a 404 problem, never an invalid package. From the adoption on, the package
validates, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from service.formats.threesixtygiving import CSV_COLUMNS, number
from tests.contract import assert_problem
from tests.recording import links

DECISION = "/v1/decisions/ks-2024-1371-481"
GRANT, EVENTS, COMMITMENT = f"{DECISION}/360giving", f"{DECISION}/events", f"{DECISION}/commitment"
SCHEMAS = Path(__file__).parent / "data" / "360giving"
ADOPTION = {"type": "adoption", "decided_on": "2024-09-16", "body": "Kommunstyrelsen", "reference": "KS § 1"}
AMENDED = {**ADOPTION, "outcome": "adopted_amended", "amended_amount": "800000.00"}
APPEAL = {"type": "appeal", "lodged_on": "2024-10-01", "outcome": "pending", "reference": "FR 1234-24"}


def schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def validator(name: str) -> Draft202012Validator:
    """A validator for the vendored schema ``name``, as ../shared/validators/check_360giving.py
    builds it: the package schema's ``$ref`` names the 1.4.2 grant schema by URL, served
    here from the files by their ``$id``; the published ``$schema`` is written with http://,
    which ``referencing`` does not know, so it is read as the 2020-12 it declares."""
    registry = Registry()
    for path in sorted(SCHEMAS.glob("360-giving-schema*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        if "$id" in document:
            resource = Resource.from_contents(document, default_specification=DRAFT202012)
            registry = registry.with_resource(document["$id"], resource)
    document = schema(name)
    document.pop("$schema")
    return Draft202012Validator(document, registry=registry, format_checker=FormatChecker())


PACKAGE_SCHEMA, GRANT_SCHEMA = validator("360-giving-package-schema.json"), validator("360-giving-schema-1.4.3.json")


def schema_errors(package: dict) -> list[str]:
    # date-time must really be checked: awardDate is oneOf a date-time or a date
    assert "date-time" in PACKAGE_SCHEMA.format_checker.checkers
    found = [f"package: {e.message}" for e in PACKAGE_SCHEMA.iter_errors(package)]
    for grant in package.get("grants", []):
        found += [f"grant: {e.message}" for e in GRANT_SCHEMA.iter_errors(grant)]
    return sorted(found)


def title_of(path: str, node: dict[str, Any] | None = None) -> str:
    """The standard's spreadsheet title of the field at ``path`` (``plannedDates/startDate``):
    each step's ``title``, joined by ":", through arrays and the schema's ``$defs``."""
    root = GRANT_SCHEMA.schema
    node = root if node is None else node
    name, _, rest = path.partition("/")
    field = node["properties"][name]
    target = field.get("items", field)
    while "$ref" in target:
        target = root["$defs"][target["$ref"].removeprefix("#/$defs/")]
    title = field.get("title") or target["title"]
    return f"{title}:{title_of(rest, target)}" if rest else title


@pytest.fixture
def client(store_app):
    return store_app.test_client()


def record(client, writer, event: dict) -> dict:
    response = client.post(EVENTS, json=event, headers=writer)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def package_of(client) -> dict:
    answer = client.get(GRANT)
    assert answer.status_code == 200, answer.get_json()
    package = answer.get_json()
    assert schema_errors(package) == []
    return package


def grant_of(client) -> dict:
    (grant,) = package_of(client)["grants"]
    return grant


def csv_row(client) -> dict[str, str]:
    answer = client.get(GRANT, query_string={"format": "csv"})
    assert answer.status_code == 200, answer.get_json()
    (row,) = csv.DictReader(io.StringIO(answer.get_data(as_text=True)))
    return row


def assert_no_award(client, because: str) -> None:
    """JSON and CSV alike: a 404 ``no-award`` problem that says why and links the commitment."""
    for query in ({}, {"format": "csv"}):
        answer = client.get(GRANT, query_string=query)
        problem = assert_problem(answer, 404)
        assert problem["type"] == "http://127.0.0.1:8000/problems/no-award"
        assert problem["title"] == "No grant has been awarded"
        assert because in problem["detail"]
        assert problem["commitment"] == COMMITMENT
        assert links(answer)["related"] == COMMITMENT
        assert answer.headers["Cache-Control"] == "no-store"
        assert client.get(problem["commitment"]).status_code == 200


def test_a_proposal_is_no_award(client):
    assert_no_award(client, "a proposal is no award")


def test_without_an_award_no_package_is_valid():
    """Why there is no file before the award: the standard cannot say "no award date yet",
    and a package needs a grant."""
    grant = {"id": "x", "title": "x", "description": "x", "currency": "SEK", "amountAwarded": 1}
    grant |= {"recipientOrganization": [{"id": "a", "name": "a"}], "fundingOrganization": [{"id": "b", "name": "b"}]}
    assert schema_errors({"grants": [grant]}) != []
    assert schema_errors({"grants": [{**grant, "awardDate": "2024-09-16"}]}) == []
    assert schema_errors({"grants": []}) != []


def test_recorded_adoption_awards_the_grant_on_its_day(client, writer):
    record(client, writer, ADOPTION)
    grant = grant_of(client)
    assert grant["awardDate"] == "2024-09-16"
    assert grant["amountAwarded"] == 1000000
    assert [u["field"] for u in grant["unknowns"]] == ["recipientOrganization/0/id"]
    row = csv_row(client)
    assert (row["Award Date"], row["Amount Awarded"]) == ("2024-09-16", "1000000.00")


def test_an_amended_adoption_awards_the_amended_amount(client, writer):
    record(client, writer, AMENDED)
    grant = grant_of(client)
    assert (grant["awardDate"], grant["amountAwarded"]) == ("2024-09-16", 800000)
    assert "800\u00a0000,00 kr" in grant["description"]
    assert csv_row(client)["Amount Awarded"] == "800000.00"


@pytest.mark.parametrize(
    ("outcome", "because"),
    [("referred_back", "referred it back"), ("tabled", "tabled it"), ("rejected", "rejected the proposal")],
)
def test_a_decision_that_adopts_nothing_awards_nothing(client, writer, outcome, because):
    record(client, writer, {**ADOPTION, "outcome": outcome})
    assert_no_award(client, because)


def test_an_upheld_appeal_annuls_the_grant(client, writer):
    record(client, writer, ADOPTION)
    appeal = record(client, writer, APPEAL)
    assert grant_of(client)["awardDate"] == "2024-09-16"  # a pending appeal annuls nothing
    ruling = {**APPEAL, "outcome": "upheld", "decided_on": "2025-01-20", "supersedes": appeal["event_id"]}
    record(client, writer, ruling)
    assert_no_award(client, "annulled on appeal on 2025-01-20")


def test_a_corrected_adoption_takes_the_grant_back(client, writer):
    adoption = record(client, writer, ADOPTION)
    assert grant_of(client)["awardDate"] == "2024-09-16"
    record(client, writer, {"type": "correction", "corrects": adoption["event_id"], "reason": "Fel ärende."})
    assert_no_award(client, "a proposal is no award")


def test_grant_identifiers_follow_the_standard(client, writer):
    record(client, writer, ADOPTION)
    grant = grant_of(client)
    assert grant["id"] == "360G-medfin-ks-2024-1371-481" and "/" not in grant["id"]
    assert grant["fundingOrganization"] == [{"id": "SE-ON-212000-0068", "name": "Huddinge kommun"}]
    # no source gives the recipient's number: the publisher prefix and an internal id
    assert grant["recipientOrganization"] == [
        {"id": "360G-medfin-stiftelsen-flemingsberg-science", "name": "Stiftelsen Flemingsberg Science"}
    ]


def test_grant_states_amount_period_and_source(client, writer):
    record(client, writer, ADOPTION)
    grant = grant_of(client)
    assert (grant["currency"], grant["amountAwarded"], grant["amountDisbursed"]) == ("SEK", 1000000, 0)
    assert grant["plannedDates"][0]["startDate"] == "2025-01-01"
    assert grant["plannedDates"][0]["endDate"] == "2027-12-31"
    assert grant["dataSource"] == "http://127.0.0.1:8000/v1/decisions/ks-2024-1371-481"
    assert len(grant["title"]) < 140


def test_package_is_cc0_from_huddinge_kommun(client, writer):
    record(client, writer, ADOPTION)
    package = package_of(client)
    assert package["license"] == "http://creativecommons.org/publicdomain/zero/1.0/"
    assert package["publisher"] == {"identifier": "SE-ON-212000-0068", "name": "Huddinge kommun"}


def test_csv_column_titles_are_the_standards(client, writer):
    record(client, writer, ADOPTION)
    answer = client.get(GRANT, query_string={"format": "csv"})
    header = next(csv.reader(io.StringIO(answer.get_data(as_text=True))))
    assert header == [title_of(path) for path, _ in CSV_COLUMNS]
    assert "Last Modified" in header  # 1.4.3's title, not the older "Last modified"
    grant = grant_of(client)
    row = csv_row(client)
    for path, title in CSV_COLUMNS:
        value = grant
        for step in path.split("/"):
            value = value[0] if isinstance(value, list) else value
            value = value[step]
        cell = row[title]
        assert cell == (f"{Decimal(str(value)):.2f}" if isinstance(value, int | Decimal) else value), title


def test_disbursements_are_added_up_exactly(client, writer):
    record(client, writer, ADOPTION)
    payment = {
        "type": "disbursement",
        "paid_on": "2025-03-01",
        "amount": "333333.33",
        "funding_source": "reserverade-medel-for-oforutsett",
        "recipient": "stiftelsen-flemingsberg-science",
    }
    record(client, writer, payment)
    assert '"amountDisbursed":333333.33' in client.get(GRANT).get_data(as_text=True)
    assert csv_row(client)["Amount Disbursed"] == "333333.33"
    assert grant_of(client)["amountDisbursed"] == Decimal("333333.33")


def test_prefix_is_configurable(store_app, writer):
    store_app.config["THREESIXTYGIVING_PREFIX"] = "360G-huddinge"
    client = store_app.test_client()
    record(client, writer, ADOPTION)
    grant = grant_of(client)
    assert grant["id"] == "360G-huddinge-ks-2024-1371-481"
    assert grant["recipientOrganization"][0]["id"].startswith("360G-huddinge-")


@pytest.mark.parametrize(
    ("amount", "text"),
    [("1000000.00", "1000000"), ("333333.33", "333333.33"), ("0.01", "0.01"), ("999999999999.99", "999999999999.99")],
)
def test_amounts_are_json_numbers_with_their_exact_digits(amount, text):
    assert json.dumps(number(Decimal(amount))) == text


def test_a_cached_copy_does_not_hide_a_correction(client, writer):
    adoption = record(client, writer, ADOPTION)
    before = client.get(GRANT)
    assert before.headers["Cache-Control"] == "public, no-cache"  # the log can change it at any moment
    assert client.get(GRANT, headers={"If-None-Match": before.headers["ETag"]}).status_code == 304
    record(client, writer, {"type": "correction", "corrects": adoption["event_id"], "reason": "Fel ärende."})
    after = client.get(GRANT, headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 404
