"""Two workers on one database, each keeping the standings it has read (on SQLite and
PostgreSQL). A worker checks a write against the standing it keeps, then stores it
only if nothing was recorded to the decision since (``EventStore._append_at_once``: on
PostgreSQL in one statement, on SQLite in a short transaction under the write lock).
What the other worker recorded meanwhile must still decide: a payment over the cap with
it is refused, one that its correction made room for is recorded, and each worker's
commitment then counts both."""

from __future__ import annotations

import pytest

from service.storage import store as store_module
from tests.contract import contract_app
from tests.examples import DECISION, payment
from tests.recording import ADOPTION, EVENTS, registrar

COMMITMENT = f"{DECISION}/commitment?as_of=2025-12-31"


def disbursement(amount: str, paid_on: str = "2025-03-01") -> dict:
    return {"type": "disbursement", **payment(amount, paid_on)}


@pytest.fixture
def workers(database_url):
    """Two apps on one database, a registrar's token, and the decision adopted."""
    first, second = contract_app(database_url), contract_app(database_url)
    token = registrar(first)
    assert first.test_client().post(EVENTS, json=ADOPTION, headers=token).status_code == 201
    yield first.test_client(), second.test_client(), token
    for app in (first, second):
        app.extensions["medfin"].engine.dispose()


def disbursed(client) -> str:
    answer = client.get(COMMITMENT)
    assert answer.status_code == 200, answer.json
    return str(answer.json["amounts"]["disbursed"])


def test_a_payment_over_the_cap_with_another_workers_payment_is_refused(workers):
    first, second, token = workers
    assert disbursed(first) == disbursed(second) == "0.00"  # each keeps the decision's standing
    assert first.post(EVENTS, json=disbursement("300000.00"), headers=token).status_code == 201
    assert second.post(EVENTS, json=disbursement("600000.00"), headers=token).status_code == 201
    # The first worker's standing says 300 000.00: another 200 000.00 would fit in it.
    refused = first.post(EVENTS, json=disbursement("200000.00"), headers=token)
    assert refused.status_code == 422, refused.json
    assert [v["rule_id"] for v in refused.json["violations"]] == ["amount-cap"]
    assert disbursed(first) == disbursed(second) == "900000.00"
    assert first.post(EVENTS, json=disbursement("100000.00"), headers=token).status_code == 201
    assert disbursed(second) == "1000000.00"


def test_a_payment_another_workers_correction_made_room_for_is_recorded(workers):
    first, second, token = workers
    paid = first.post(EVENTS, json=disbursement("900000.00"), headers=token)
    assert paid.status_code == 201
    assert disbursed(second) == "900000.00"
    correction = {"type": "correction", "corrects": paid.json["event_id"], "reason": "Fel belopp."}
    assert second.post(EVENTS, json=correction, headers=token).status_code == 201
    # The first worker's standing still counts the corrected 900 000.00.
    assert first.post(EVENTS, json=disbursement("500000.00"), headers=token).status_code == 201
    assert disbursed(first) == disbursed(second) == "500000.00"


def test_a_write_checked_against_a_kept_standing_takes_no_locked_transaction(workers, monkeypatch):
    """The way without the lock is what a write costs when the worker keeps the
    decision's standing (the benchmark measures it): a fault that made every write fall
    back to the locked way would be correct, and unseen by every other test. So a write
    after a read opens no transaction of the locked way (``begin_write``)."""
    first, _, token = workers
    assert disbursed(first) == "0.00"
    transactions = []
    opened = store_module.begin_write

    def counted(engine):
        transactions.append(engine)
        return opened(engine)

    monkeypatch.setattr(store_module, "begin_write", counted)
    assert first.post(EVENTS, json=disbursement("1000.00"), headers=token).status_code == 201
    assert transactions == []
    assert disbursed(first) == "1000.00"
