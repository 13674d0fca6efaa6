"""GET /v1/changes: what was recorded, across every decision, in commit order, paged by
an opaque cursor; the way to follow the decisions without polling each one."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from service.http.paging import cursor
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


def test_without_a_cursor_every_event_is_a_change_in_commit_order(client):
    answer = client.get(CHANGES).json
    assert answer["since"] is None and answer["after"] is None and answer["more"] is False
    assert "total" not in answer and "page" not in answer
    assert [e["type"] for e in answer["items"]] == ["proposal", "eruf_decision"]
    assert answer["items"][0]["links"] == {
        "self": "/v1/decisions/ks-2024-1371-481/events/1",
        "decision": "/v1/decisions/ks-2024-1371-481",
    }


def test_a_follower_keeps_next_and_gets_exactly_what_came_after(store_app, client, writer):
    first = client.get(CHANGES).json
    assert client.get(CHANGES, query_string={"after": first["next"]}).json["items"] == []
    stored = record_adoption_and_payments(client, writer, payments=1)
    record_elsewhere(store_app)
    answer = client.get(CHANGES, query_string={"after": first["next"]}).json
    assert [e["event_id"] for e in answer["items"][:2]] == [e["event_id"] for e in stored]
    assert [e["decision_id"] for e in answer["items"]] == ["ks-2024-1371-481"] * 2 + ["ks-2099-1-1"]
    assert client.get(CHANGES, query_string={"after": answer["next"]}).json["items"] == []


def test_since_starts_the_feed_by_time(client, writer):
    since = client.get(CHANGES).json["items"][-1]["recorded_at"]
    stored = record_adoption_and_payments(client, writer, payments=1)
    answer = client.get(CHANGES, query_string={"since": since}).json
    assert answer["since"] == since and [e["event_id"] for e in answer["items"]] == [e["event_id"] for e in stored]
    newest = stored[-1]["recorded_at"]
    assert client.get(CHANGES, query_string={"since": newest}).json["items"] == []


def test_pages_link_next_by_cursor_and_the_last_page_says_no_more(client, writer):
    record_adoption_and_payments(client, writer, payments=2)
    first = client.get(CHANGES, query_string={"limit": 2})
    assert len(first.json["items"]) == 2 and first.json["more"] is True
    assert set(links(first)) == {"next"} and f"after={first.json['next']}" in links(first)["next"]
    second = client.get(links(first)["next"])
    assert [len(second.json["items"]), second.json["more"]] == [2, True]
    last = client.get(links(second)["next"])
    assert [len(last.json["items"]), last.json["more"]] == [1, False]
    seen = [e["event_id"] for page in (first, second, last) for e in page.json["items"]]
    assert seen == sorted(seen) and len(set(seen)) == 5
    assert client.get(links(last)["next"]).json["items"] == []  # where a follower asks again


def test_a_corrected_event_shows_its_correction(client, writer):
    adoption = record_adoption_and_payments(client, writer, payments=0)[0]
    fix = record(client, writer, {"type": "correction", "corrects": adoption["event_id"], "reason": "Fel datum"})
    items = {e["event_id"]: e for e in client.get(CHANGES).json["items"]}
    assert items[adoption["event_id"]]["corrected_by"] == fix["event_id"]
    assert items[fix["event_id"]]["corrects"] == adoption["event_id"] and items[fix["event_id"]]["corrected_by"] is None


def test_a_since_with_an_offset_is_the_same_moment_in_utc(client):
    answer = client.get(CHANGES, query_string={"since": "2000-01-01T01:00:00+01:00"}).json
    assert answer["since"] == "2000-01-01T00:00:00.000000Z" and len(answer["items"]) == 2


@pytest.mark.parametrize("after", ["igår", "0", "p", "p-1", "p01", "p1.5", "p" + "9" * 19, "p١", " p1"])
def test_a_cursor_no_page_gave_is_a_400_problem(client, after):
    body = assert_problem(client.get(CHANGES, query_string={"after": after}), 400)
    assert body["errors"][0]["parameter"] == "after"


def test_page_numbers_are_no_longer_taken(client):
    body = assert_problem(client.get(CHANGES, query_string={"page": 2}), 400)
    assert "page" in body["detail"]


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


@pytest.mark.parametrize("kept", [False, True], ids=["read-under-lock", "kept-standing"])
def test_a_writer_that_commits_late_on_another_decision_is_never_skipped(store_app, client, kept):
    """Two decisions written at once while a follower reads: the first writer holds its
    transaction open after inserting; the second, on another decision, must wait for it
    and not commit ahead of it in the feed. The follower, walking by cursor all along,
    sees nothing while the first is open and ends with both events once, in commit
    order (on SQLite and PostgreSQL). The second writer's process keeps its decision's
    standing or not (``kept``): on PostgreSQL, a write checked against a kept standing is
    stored in one statement, which must wait all the same."""
    store = store_app.extensions["medfin"]
    for decision_id in ("ks-2099-1-1", "ks-2099-2-2"):
        store.ensure_decision(decision_id)
    if kept:
        store.standing("ks-2099-2-2")
    inserted, late, quick_done = threading.Event(), threading.Event(), threading.Event()

    def slow_answer(_event):
        inserted.set()
        late.wait(timeout=5)  # inside the transaction: the insert is made, not committed
        return Answer(201, b"", None)

    def write(decision_id, answer, done=None):
        draft = Draft("adoption", date(2099, 1, 1), {"body": "Kommunfullmäktige"})
        store.append(decision_id, draft, recorded_by="test", check=lambda *_: None, answer=answer)
        if done is not None:
            done.set()

    start = client.get(CHANGES).json["next"]
    slow = threading.Thread(target=write, args=("ks-2099-1-1", slow_answer))
    slow.start()
    assert inserted.wait(timeout=5)
    quick = threading.Thread(target=write, args=("ks-2099-2-2", lambda _e: Answer(201, b"", None), quick_done))
    quick.start()
    assert not quick_done.wait(timeout=0.3), "the second writer committed while the first held its position"
    page = client.get(CHANGES, query_string={"after": start}).json
    assert page["items"] == [] and page["next"] == start  # the follower reads while both are open
    late.set()
    slow.join()
    quick.join()
    seen, position = [], start
    while True:
        page = client.get(CHANGES, query_string={"after": position}).json
        seen += [e["decision_id"] for e in page["items"]]
        position = page["next"]
        if not page["items"]:
            break
    assert seen == ["ks-2099-1-1", "ks-2099-2-2"]
    assert position == cursor(store.last_position())
