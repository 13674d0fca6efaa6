"""The event store on SQLite and PostgreSQL: appended, checked, corrected, never lost."""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager

import pytest
from sqlalchemy import select

from service.shared import standing as standing_module
from service.storage import store as store_module
from service.storage import tokens
from service.storage.store import _event
from service.storage.tables import events

EVENTS = "/v1/decisions/ks-2024-1371-481/events"
COMMITMENT = "/v1/decisions/ks-2024-1371-481/commitment"
SOURCE, RECIPIENT = "reserverade-medel-for-oforutsett", "stiftelsen-flemingsberg-science"


def payment(day: str, amount: str, **other) -> dict:
    return {
        "type": "disbursement",
        "paid_on": day,
        "amount": amount,
        "funding_source": SOURCE,
        "recipient": RECIPIENT,
        **other,
    }


@pytest.fixture
def client(store_app):
    return store_app.test_client()


@pytest.fixture
def adopted(client, writer):
    response = client.post(
        EVENTS,
        json={"type": "adoption", "decided_on": "2024-09-16", "body": "Kommunstyrelsen", "reference": "KS § 1"},
        headers=writer,
    )
    assert response.status_code == 201, response.json
    return response.json


def test_event_store_starts_with_the_shipped_facts(client):
    listing = client.get(EVENTS).json
    assert [e["type"] for e in listing["items"]] == ["proposal", "eruf_decision"]
    assert listing["items"][1]["source"]["evidence"] == "press_report"
    assert client.get(COMMITMENT, query_string={"as_of": "2025-06-01"}).json["status"] == "proposed"


def test_recorded_adoption_makes_the_commitment_in_force(client, adopted):
    assert adopted["recorded_by"] == "registrator" and adopted["recorded_at"].endswith("Z")
    answer = client.get(COMMITMENT, query_string={"as_of": "2025-06-01"}).json
    assert answer["status"] == "in_force"
    assert "adopted_on" not in {u["field"] for u in answer["unknowns"]}


def test_writes_need_a_registrar_token(client, store_app):
    reader = tokens.create(store_app.extensions["medfin"].engine, "lasare", "reader")
    body = {"type": "adoption", "decided_on": "2024-09-16", "body": "Kommunstyrelsen"}
    missing = client.post(EVENTS, json=body)
    assert missing.status_code == 401 and missing.headers["WWW-Authenticate"].startswith("Bearer")
    assert client.post(EVENTS, json=body, headers={"Authorization": "Bearer medfin_wrong"}).status_code == 401
    assert client.post(EVENTS, json=body, headers={"Authorization": f"Bearer {reader}"}).status_code == 403
    assert client.get(EVENTS).json["total"] == 2


def test_revoked_token_can_no_longer_write(client, store_app, writer):
    tokens.revoke(store_app.extensions["medfin"].engine, "registrator")
    body = {"type": "adoption", "decided_on": "2024-09-16", "body": "Kommunstyrelsen"}
    assert client.post(EVENTS, json=body, headers=writer).status_code == 401


def test_a_token_that_has_written_is_refused_from_the_request_after_its_revocation(client, store_app, adopted, writer):
    """No process keeps a token it has verified: a revocation holds at once, everywhere."""
    assert client.post(EVENTS, json=payment("2025-03-01", "10.00"), headers=writer).status_code == 201
    tokens.revoke(store_app.extensions["medfin"].engine, "registrator")
    assert client.post(EVENTS, json=payment("2025-03-02", "10.00"), headers=writer).status_code == 401


def test_the_answer_to_a_write_is_the_event_as_stored_and_the_feed_reads_the_log_as_core_does(
    client, store_app, writer, adopted
):
    """The 201 is made from the row the INSERT returns, and the changes are read straight
    on the driver: both hold what a Core select of the log reads, field for field."""
    store = store_app.extensions["medfin"]
    sourced = payment("2025-03-01", "400000.00", source={"url": "https://example.org/v", "evidence": "voucher"})
    paid = client.post(EVENTS, json=sourced, headers=writer)
    correction = {"type": "correction", "corrects": paid.json["event_id"], "reason": "fel belopp, å"}
    fix = client.post(EVENTS, json=correction, headers=writer)
    assert (paid.status_code, fix.status_code) == (201, 201)
    for answer in (adopted, paid.json, fix.json):
        again = client.get(f"{EVENTS}/{answer['event_id']}").json
        assert again == {**answer, "corrected_by": again["corrected_by"]}
    with store.engine.connect() as connection:
        core = [_event(row) for row in connection.execute(select(events).order_by(events.c.position))]
    fed, more, reached = store.changes(after=None, since=None, limit=100)
    assert (fed, more, reached) == (core, False, core[-1].position)
    assert store.changes(after=None, since=core[1].recorded_at, limit=100)[0] == core[2:]
    assert store.corrections([e.event_id for e in core]) == {paid.json["event_id"]: fix.json["event_id"]}


def test_disbursement_breaking_the_cap_is_refused_and_not_stored(client, writer, adopted):
    assert client.post(EVENTS, json=payment("2025-03-01", "999999.99"), headers=writer).status_code == 201
    refused = client.post(EVENTS, json=payment("2025-04-01", "0.02"), headers=writer)
    assert refused.status_code == 422
    assert [v["rule_id"] for v in refused.json["violations"]] == ["amount-cap"]
    assert refused.json["violations"][0]["citations"][0]["anchor"] == "beslut-1"
    assert client.get(EVENTS).json["total"] == 4
    assert client.post(EVENTS, json=payment("2025-04-01", "0.01"), headers=writer).status_code == 201


@pytest.mark.parametrize("day", ["2024-12-31", "2028-01-01"])
def test_disbursement_outside_the_budget_years_is_recorded_under_the_default_reading(client, writer, adopted, day):
    """Mål och budget 2025 – 2027 is how the money is budgeted, not a payment deadline
    (issue 9): under the default reading (the project's three years) such a payment is
    allowed, and the period rule remarks on it."""
    assert client.post(EVENTS, json=payment(day, "10.00"), headers=writer).status_code == 201
    answer = client.get(COMMITMENT, query_string={"as_of": "2028-06-01"}).json
    period = next(r for r in answer["rules"] if r["rule_id"] == "period")
    assert period["outcome"] == "satisfied" and period["interpretation"]["option_id"] == "project-years"
    assert "2025" in period["message"]["sv"] and "2027" in period["message"]["sv"], period["message"]


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        ({"funding_source": "kommunstyrelsens-anslag"}, "funding-source"),
        ({"recipient": "hemso"}, "recipient"),
    ],
)
def test_disbursement_breaking_a_rule_is_refused(client, writer, adopted, change, rule):
    refused = client.post(EVENTS, json={**payment("2025-03-01", "10.00"), **change}, headers=writer)
    assert refused.status_code == 422
    assert rule in [v["rule_id"] for v in refused.json["violations"]]


def test_disbursement_before_adoption_is_refused(client, writer):
    refused = client.post(EVENTS, json=payment("2025-03-01", "10.00"), headers=writer)
    assert [v["rule_id"] for v in refused.json["violations"]] == ["adoption"]


def test_correction_stops_an_event_counting_and_keeps_it_visible(client, writer, adopted):
    paid = client.post(EVENTS, json=payment("2025-03-01", "400000.00"), headers=writer).json
    before = client.get(COMMITMENT, query_string={"as_of": "2025-06-01"}).json
    correction = client.post(
        EVENTS, json={"type": "correction", "corrects": paid["event_id"], "reason": "Fel verifikation"}, headers=writer
    )
    assert correction.status_code == 201
    after = client.get(COMMITMENT, query_string={"as_of": "2025-06-01"}).json
    assert (before["amounts"]["disbursed"], after["amounts"]["disbursed"]) == ("400000.00", "0.00")
    shown = client.get(f"{EVENTS}/{paid['event_id']}").json
    assert shown["corrected_by"] == correction.json["event_id"] and shown["amount"] == "400000.00"
    # What did we know then? Before the correction was recorded, the payment counted.
    then = client.get(
        COMMITMENT, query_string={"as_of": "2025-06-01", "known_as_of": correction.json["recorded_at"][:-1] + "Z"}
    )
    assert then.json["amounts"]["disbursed"] == "0.00"
    earlier = client.get(COMMITMENT, query_string={"as_of": "2025-06-01", "known_as_of": paid["recorded_at"]})
    assert earlier.json["amounts"]["disbursed"] == "400000.00"


def test_a_correction_cannot_be_corrected_nor_target_a_missing_event(client, writer, adopted):
    fix = client.post(
        EVENTS, json={"type": "correction", "corrects": adopted["event_id"], "reason": "x"}, headers=writer
    ).json
    again = client.post(
        EVENTS, json={"type": "correction", "corrects": adopted["event_id"], "reason": "y"}, headers=writer
    )
    of_fix = client.post(
        EVENTS, json={"type": "correction", "corrects": fix["event_id"], "reason": "z"}, headers=writer
    )
    missing = client.post(EVENTS, json={"type": "correction", "corrects": 999, "reason": "z"}, headers=writer)
    assert [again.status_code, of_fix.status_code, missing.status_code] == [422, 422, 422]


def test_idempotency_key_replays_the_first_answer_and_refuses_another_body(client, writer, adopted):
    headers = {**writer, "Idempotency-Key": "verifikation-2025-0042"}
    first = client.post(EVENTS, json=payment("2025-03-01", "100.00"), headers=headers)
    retry = client.post(EVENTS, json=payment("2025-03-01", "100.00"), headers=headers)
    other = client.post(EVENTS, json=payment("2025-03-01", "200.00"), headers=headers)
    assert (first.status_code, retry.status_code, other.status_code) == (201, 201, 422)
    assert retry.get_data() == first.get_data() and retry.headers["Location"] == first.headers["Location"]
    assert client.get(EVENTS).json["total"] == 4


def test_bad_event_input_changes_nothing(client, writer, adopted):
    bad = [
        {"type": "utbetalning"},
        payment("2025-02-30", "1.00"),
        payment("2025-03-01", "-1.00"),
        payment("2025-03-01", "1.001"),
        {**payment("2025-03-01", "1.00"), "extra": True},
        {"type": "correction", "corrects": "1", "reason": "x"},
        {"type": "adoption", "decided_on": "2024-09-16"},
    ]
    for body in bad:
        response = client.post(EVENTS, json=body, headers=writer)
        assert response.status_code == 400, body
        assert response.content_type == "application/problem+json"
    assert client.post(EVENTS, data="{", content_type="application/json", headers=writer).status_code == 400
    assert client.get(EVENTS).json["total"] == 3


def test_no_update_or_delete_path_exists(client, writer, adopted):
    url = f"{EVENTS}/{adopted['event_id']}"
    for method in ("put", "patch", "delete"):
        response = getattr(client, method)(url, json={}, headers=writer)
        assert response.status_code == 405
        assert "GET" in response.headers["Allow"]


def test_a_stored_write_is_answered_201_though_folding_it_into_the_kept_standing_fails(
    client, writer, adopted, monkeypatch
):
    """A write folds its own event into the kept standing once committed: a failure
    there must not make a stored event an error (a client would retry and store it
    twice). The kept standing is dropped, and the next read folds the log."""
    assert client.post(EVENTS, json=payment("2025-03-01", "100.00"), headers=writer).status_code == 201

    def unfoldable(event):
        raise RuntimeError("not folded")

    monkeypatch.setattr(standing_module, "disbursement_of", unfoldable)
    stored = client.post(EVENTS, json=payment("2025-03-02", "200.00"), headers=writer)
    monkeypatch.undo()
    assert stored.status_code == 201, stored.json
    amounts = client.get(f"{COMMITMENT}?as_of=2025-12-31").json["amounts"]
    assert amounts["disbursed"] == "300.00"


@contextmanager
def _turn_held_elsewhere(store, decision_id: str):
    """Another thread in ``decision_id``'s turn for the block."""
    holding, done = threading.Event(), threading.Event()

    def hold() -> None:
        with store.turn(decision_id):
            holding.set()
            done.wait(5)

    other = threading.Thread(target=hold)
    other.start()
    try:
        assert holding.wait(5)
        yield
    finally:
        done.set()
        other.join()


def test_a_write_without_a_right_token_never_waits_for_the_decision_s_turn(store_app, client, monkeypatch):
    """The turn is taken once the token is admitted: a wrong token or none is answered
    at once, while a registrar's write to the decision is under way elsewhere."""
    monkeypatch.setattr(store_module, "TURN_SECONDS", 1.0)
    assert client.post(EVENTS, json=payment("2025-03-01", "1.00")).status_code == 401  # the first one, slower
    with _turn_held_elsewhere(store_app.extensions["medfin"], "ks-2024-1371-481"):
        for headers in ({}, {"Authorization": "Bearer medfin_wrong"}):
            began = time.monotonic()
            assert client.post(EVENTS, json=payment("2025-03-01", "1.00"), headers=headers).status_code == 401
            assert time.monotonic() - began < 0.5


def test_a_thread_in_its_turn_goes_on_and_waits_for_another_s_at_most_once(store_app, monkeypatch):
    """A request takes its decision's turn before ``append`` takes it again: inside it,
    ``append``'s goes on at once; and where another thread held the turn too long, the
    request waited ``TURN_SECONDS`` once, not once more in ``append``."""
    monkeypatch.setattr(store_module, "TURN_SECONDS", 0.3)
    store = store_app.extensions["medfin"]
    with _turn_held_elsewhere(store, "ks-2024-1371-481"):
        began = time.monotonic()
        with store.turn("ks-2024-1371-481"), store.turn("ks-2024-1371-481"):
            waited = time.monotonic() - began
        assert 0.25 <= waited < 0.5
    began = time.monotonic()
    with store.turn("ks-2024-1371-481"), store.turn("ks-2024-1371-481"):  # free: no wait at all
        assert time.monotonic() - began < 0.1
