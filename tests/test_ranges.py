"""Ids, pages and limits outside what the store holds are a 404 or a 400, never a 500,
on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest

from tests.contract import assert_problem
from tests.recording import ADOPTION, EVENTS, record

#: Every paged list, with its largest page (a million) and limit (100).
PAGED = [("/v1/decisions", {}), (EVENTS, {})]


@pytest.fixture
def store_client(store_app):
    return store_app.test_client()


NO_EVENT_IDS = ["0", "00", "9223372036854775808", "18446744073709551616", "9" * 40, "-1", "1.5", "1e3", "x", "١"]


def test_an_event_id_no_event_can_have_is_a_404(store_client):
    for event_id in NO_EVENT_IDS:
        problem = assert_problem(store_client.get(f"{EVENTS}/{event_id}"), 404)
        assert problem["type"] == "http://127.0.0.1:8000/problems/unknown-event", (event_id, problem)


def test_the_largest_id_the_store_holds_is_looked_up(store_client):
    problem = assert_problem(store_client.get(f"{EVENTS}/9223372036854775807"), 404)
    assert problem["type"] == "http://127.0.0.1:8000/problems/unknown-event"
    assert store_client.get(f"{EVENTS}/0001").json["event_id"] == 1  # leading zeros: the same number


def test_the_last_page_the_store_can_offset_is_an_empty_page(store_client):
    for url, query in PAGED:
        response = store_client.get(url, query_string={**query, "page": "1000000", "limit": "100"})
        assert response.status_code == 200, (url, response.json)
        assert response.json["items"] == [] and response.json["page"] == 1000000


OUT_OF_RANGE = [
    ("page", "1000001"),
    ("page", "9223372036854775808"),
    ("page", "9" * 40),
    ("page", "0"),
    ("page", " 1"),
    ("page", "1_0"),
    ("page", "١"),
    ("limit", "101"),
    ("limit", "9223372036854775808"),
    ("limit", "+5"),
]


@pytest.mark.parametrize(("url", "query"), PAGED)
def test_a_page_or_limit_beyond_the_range_is_a_400_naming_it(client, url, query):
    for parameter, value in OUT_OF_RANGE:
        problem = assert_problem(client.get(url, query_string={**query, parameter: value}), 400)
        assert [e["parameter"] for e in problem["errors"]] == [parameter], (value, problem)


def test_a_correction_of_an_id_beyond_the_range_is_a_400(store_client, writer):
    record(store_client, writer, ADOPTION)
    for corrects in (0, -1, 2**62 + 1, 2**63, 10**30):
        body = {"type": "correction", "corrects": corrects, "reason": "fel"}
        problem = assert_problem(store_client.post(EVENTS, json=body, headers=writer), 400)
        assert [e["pointer"] for e in problem["errors"]] == ["/corrects"]


def test_a_correction_names_its_event_by_any_json_integer(store_client, writer):
    """JSON Schema's integers include 2.0 and 2E0, and schemathesis sends them."""
    stored = record(store_client, writer, ADOPTION)
    number = stored["event_id"]
    for written in (f"{number}.0", f"{number}E0"):
        body = '{"type": "correction", "corrects": ' + written + ', "reason": "fel"}'
        response = store_client.post(EVENTS, data=body, content_type="application/json", headers=writer)
        assert response.status_code in (201, 422), response.json  # the second is a second correction
    assert store_client.get(f"{EVENTS}/{number}").json["corrected_by"] is not None
    for written in ("1.5", "true", '"1"', "1E+999999999"):
        body = '{"type": "correction", "corrects": ' + written + ', "reason": "fel"}'
        problem = assert_problem(store_client.post(EVENTS, data=body, content_type="application/json", headers=writer))
        assert problem["status"] == 400 and [e["pointer"] for e in problem["errors"]] == ["/corrects"]


def test_the_largest_cursor_the_feed_takes_is_an_empty_page(store_client):
    largest = store_client.get("/v1/changes", query_string={"after": "p" + "9" * 18, "limit": "100"})
    assert largest.status_code == 200 and largest.json["items"] == [] and largest.json["next"] == "p" + "9" * 18
    assert_problem(store_client.get("/v1/changes", query_string={"after": "p" + "9" * 19}), 400)
