"""GET /v1/changes?since=T: what was recorded after T, across every decision, oldest
first, paged; the way to follow the decisions without polling each one."""

from __future__ import annotations

from datetime import date

import pytest

from service.storage.store import Answer, Draft
from tests.contract import assert_problem
from tests.recording import links, record, record_adoption_and_payments

CHANGES = "/v1/changes"


@pytest.fixture
def client(store_app):
    return store_app.test_client()


def record_elsewhere(store_app, decision_id="ks-2099-1-1"):
    """An event of another decision, straight into the store (it has no data file)."""
    store = store_app.extensions["medfin"]
    store.ensure_decision(decision_id)
    draft = Draft("adoption", date(2099, 1, 1), {"body": "Kommunfullmäktige"})
    store.append(decision_id, draft, recorded_by="test", check=lambda *_: None, answer=lambda _: Answer(201, b"", None))


def test_without_since_every_event_is_a_change_oldest_first(client):
    answer = client.get(CHANGES).json
    assert answer["since"] is None and answer["total"] == 2
    assert [e["type"] for e in answer["items"]] == ["proposal", "eruf_decision"]
    assert answer["items"][0]["links"] == {
        "self": "/v1/decisions/ks-2024-1371-481/events/1",
        "decision": "/v1/decisions/ks-2024-1371-481",
    }


def test_since_lists_exactly_the_events_recorded_after_it_across_decisions(store_app, client, writer):
    shipped = client.get(CHANGES).json["items"]
    since = shipped[-1]["recorded_at"]
    stored = record_adoption_and_payments(client, writer, payments=1)
    record_elsewhere(store_app)
    answer = client.get(CHANGES, query_string={"since": since}).json
    assert answer["since"] == since and answer["total"] == 3
    assert [e["event_id"] for e in answer["items"][:2]] == [e["event_id"] for e in stored]
    assert [e["decision_id"] for e in answer["items"]] == ["ks-2024-1371-481"] * 2 + ["ks-2099-1-1"]
    recorded = [e["recorded_at"] for e in answer["items"]]
    assert recorded == sorted(recorded) and min(recorded) > since


def test_the_newest_change_as_since_gives_nothing_new(client, writer):
    newest = record_adoption_and_payments(client, writer, payments=0)[-1]["recorded_at"]
    assert client.get(CHANGES, query_string={"since": newest}).json["items"] == []


def test_changes_are_paged_with_link_headers(client, writer):
    since = client.get(CHANGES).json["items"][-1]["recorded_at"]
    record_adoption_and_payments(client, writer, payments=2)
    first = client.get(CHANGES, query_string={"since": since, "limit": 2})
    assert first.json["total"] == 3 and len(first.json["items"]) == 2
    assert set(links(first)) == {"first", "next", "last"}
    assert "since=" in links(first)["next"]
    last = client.get(links(first)["next"])
    assert [len(last.json["items"]), set(links(last))] == [1, {"first", "prev", "last"}]


def test_a_corrected_event_shows_its_correction(client, writer):
    adoption = record_adoption_and_payments(client, writer, payments=0)[0]
    fix = record(client, writer, {"type": "correction", "corrects": adoption["event_id"], "reason": "Fel datum"})
    items = {e["event_id"]: e for e in client.get(CHANGES).json["items"]}
    assert items[adoption["event_id"]]["corrected_by"] == fix["event_id"]
    assert items[fix["event_id"]]["corrects"] == adoption["event_id"] and items[fix["event_id"]]["corrected_by"] is None


def test_a_since_with_an_offset_is_the_same_moment_in_utc(client):
    answer = client.get(CHANGES, query_string={"since": "2000-01-01T01:00:00+01:00"}).json
    assert answer["since"] == "2000-01-01T00:00:00.000000Z" and answer["total"] == 2


@pytest.mark.parametrize("since", ["igår", "2026-13-01T00:00:00Z", "0001-01-01T00:00:00+01:00"])
def test_a_since_that_is_not_a_moment_is_a_400_problem(client, since):
    body = assert_problem(client.get(CHANGES, query_string={"since": since}), 400)
    assert body["errors"][0]["parameter"] == "since"


@pytest.mark.parametrize(
    ("url", "parameter"), [(CHANGES, "since"), ("/v1/decisions/ks-2024-1371-481/commitment", "known_as_of")]
)
@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-05:00"])
def test_a_moment_beyond_the_calendar_in_utc_is_a_400_problem(client, url, parameter, moment):
    body = assert_problem(client.get(url, query_string={parameter: moment}), 400)
    assert body["errors"][0]["parameter"] == parameter
