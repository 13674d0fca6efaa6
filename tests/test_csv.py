"""Every list as CSV: UTF-8, a header row, one row per item, a file name, ``Vary: Accept``."""

from __future__ import annotations

import csv
import io

import pytest

from tests.contract import assert_problem
from tests.recording import ADOPTION, record, registrar

DECISION = "/v1/decisions/ks-2024-1371-481"

#: URL, file name, key column, and the JSON items the rows must follow, key for key.
LISTS = {
    "decisions": ("/v1/decisions", "decisions.csv", "decision_id", lambda d: [i["decision_id"] for i in d["items"]]),
    "rules": (
        f"{DECISION}/rules",
        "ks-2024-1371-481-rules.csv",
        "rule_id",
        lambda d: [r["rule_id"] for r in d["rules"]],
    ),
    "events": (
        f"{DECISION}/events",
        "ks-2024-1371-481-events.csv",
        "event_id",
        lambda d: [str(e["event_id"]) for e in d["items"]],
    ),
    "financing-plan": (
        f"{DECISION}/financing-plan",
        "ks-2024-1371-481-financing-plan.csv",
        "contribution_id",
        lambda d: [c["contribution_id"] for c in d["contributions"]],
    ),
    "360giving": (
        f"{DECISION}/360giving",
        "ks-2024-1371-481-360giving.csv",
        "Identifier",
        lambda d: [g["id"] for g in d["grants"]],
    ),
}


@pytest.fixture
def client(app, request):
    """The app's client; where the test is about the 360Giving grant, with the adoption
    recorded that awards it (before, there is no grant: a 404 problem)."""
    client = app.test_client()
    callspec = getattr(request.node, "callspec", None)
    if callspec is not None and callspec.params.get("name") == "360giving":
        record(client, registrar(app), ADOPTION)
    return client


def rows(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True), newline="")))


@pytest.mark.parametrize("name", LISTS)
def test_csv_has_a_header_and_one_row_per_item_of_the_json(client, name):
    url, filename, key, keys_of = LISTS[name]
    answer = client.get(url, query_string={"format": "csv"})
    assert answer.status_code == 200 and answer.mimetype == "text/csv"
    assert answer.mimetype_params["charset"] == "utf-8"
    assert answer.headers["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert "Accept" in answer.vary
    assert answer.get_data().decode("utf-8").startswith(key + ",")
    assert [row[key] for row in rows(answer)] == keys_of(client.get(url).get_json())


@pytest.mark.parametrize("name", LISTS)
def test_accept_text_csv_chooses_the_same_csv(client, name):
    url = LISTS[name][0]
    by_accept = client.get(url, headers={"Accept": "text/csv"})
    assert by_accept.mimetype == "text/csv" and "Accept" in by_accept.vary
    assert by_accept.get_data() == client.get(url, query_string={"format": "csv"}).get_data()


@pytest.mark.parametrize("name", LISTS)
def test_json_stays_the_default_and_varies_with_accept(client, name):
    for headers in ({}, {"Accept": "*/*"}, {"Accept": "application/json"}):
        answer = client.get(LISTS[name][0], headers=headers)
        assert answer.mimetype == "application/json" and "Accept" in answer.vary


@pytest.mark.parametrize("name", LISTS)
def test_what_is_not_offered_is_a_406_problem(client, name):
    problem = assert_problem(client.get(LISTS[name][0], headers={"Accept": "application/xml"}), 406)
    assert "text/csv" in problem["detail"]


@pytest.mark.parametrize("name", LISTS)
def test_format_parameter_wins_over_accept(client, name):
    answer = client.get(LISTS[name][0], query_string={"format": "csv"}, headers={"Accept": "application/xml"})
    assert answer.status_code == 200 and answer.mimetype == "text/csv"


def test_rule_citations_are_joined_in_one_cell(client):
    amount_cap = next(r for r in rows(client.get(f"{DECISION}/rules?format=csv")) if r["rule_id"] == "amount-cap")
    assert amount_cap["citations"] == (
        "[beslut-1] Medfinansiering om en miljon kronor under tre år"
        " | [ekonomiska-konsekvenser] behöver avsätta sammanlagt en miljon kronor under tre år"
    )
    assert amount_cap["interpretations"] == "three-years | yearly-split"


def test_event_rows_carry_each_type_date_and_source(client):
    proposal, eruf = rows(client.get(f"{DECISION}/events?format=csv"))
    assert (proposal["type"], proposal["effective_on"], proposal["outcome"]) == ("proposal", "2024-08-26", "")
    assert (eruf["effective_on"], eruf["outcome"], eruf["source_evidence"]) == (
        "2024-12-16",
        "approved",
        "press_report",
    )
    assert eruf["recorded_at"].endswith("Z")


def test_event_csv_pages_like_the_json(client):
    second = rows(client.get(f"{DECISION}/events", query_string={"format": "csv", "limit": 1, "page": 2}))
    assert [row["event_id"] for row in second] == ["2"]


def test_the_events_csv_says_what_their_json_says(client):
    """Every member of every event, the shipped facts' own included (fact_id, quote, ...),
    has its column, with the same text."""
    import csv
    import io

    from service.shared.facts import DATE_FIELD

    events = client.get("/v1/decisions/ks-2024-1371-481/events").json["items"]
    table = client.get("/v1/decisions/ks-2024-1371-481/events", query_string={"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(table.get_data(as_text=True))))
    for event, row in zip(events, rows, strict=True):
        members = {k: v for k, v in event.items() if k not in ("links", "source") and v is not None}
        members.update({f"source_{k}": v for k, v in (event.get("source") or {}).items() if v is not None})
        # A shipped fact repeats its source's evidence at the top: one column, source_evidence.
        if members.get("evidence") == members.get("source_evidence"):
            members.pop("evidence", None)
        # The type's own date is effective_on (a proposal's dated_on, a start's started_on ...).
        own_date = DATE_FIELD.get(event["type"])
        if own_date in members and own_date not in row:
            members["effective_on"] = members.pop(own_date)
        missing = sorted(set(members) - set(row))
        assert missing == [], missing
        assert [k for k, v in members.items() if row[k].removeprefix("'") != str(v)] == [], event["event_id"]
