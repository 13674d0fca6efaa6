"""An acknowledged write survives a crash, and a crash leaves no half-written event.

A real server with several workers takes a stream of small utbetalningar from four client
threads; after some have been answered 201 the whole process group gets SIGKILL, in the
middle of the stream. A new server on the same database must show every event that was
answered 201, unchanged; nothing else but (at most) the requests that were in flight and
never answered; and every row whole: the event, its Idempotency-Key and the decision's
event count written together or not at all. Retrying an unanswered request with its
Idempotency-Key stores it once, never twice. On SQLite and on PostgreSQL.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from service.storage.engine import make_engine
from service.storage.tables import decisions, events, idempotency_keys
from tests.server_process import check_answer, registrar_token, running_server, start_server

DECISION_ID = "ks-2024-1371-481"
DECISION = f"/v1/decisions/{DECISION_ID}"
EVENTS = f"{DECISION}/events"
SHIPPED = 2  # the proposal and the ERUF decision
CLIENTS = 4
PER_CLIENT = 400  # a bound on each client's stream; the kill comes long before
KILL_AFTER = 40  # answered 201s before the SIGKILL
TOKEN_NAME = "registrator"


def disbursement(reference: str) -> dict:
    return {
        "type": "disbursement",
        "paid_on": "2025-03-01",
        "amount": "1.00",
        "funding_source": "reserverade-medel-for-oforutsett",
        "recipient": "stiftelsen-flemingsberg-science",
        "reference": reference,
    }


class Stream:
    """Client threads posting disbursements until the server goes away (or a bound is hit)."""

    def __init__(self, server, headers: dict[str, str]) -> None:
        self.server, self.headers = server, headers
        self.lock = threading.Lock()
        self.answered: dict[str, tuple[int, dict, str | None]] = {}  # reference → status, body, Location
        self.unanswered: list[str] = []  # sent (or being sent) when the connection broke
        self.wire: list[tuple[dict[str, str], int, list[tuple[str, str]], bytes]] = []  # for the contract check
        self.threads = [threading.Thread(target=self._run, args=(n,), daemon=True) for n in range(CLIENTS)]

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def created(self) -> int:
        with self.lock:
            return sum(1 for status, _, _ in self.answered.values() if status == 201)

    def join(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        for thread in self.threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        assert not any(t.is_alive() for t in self.threads), "a client thread did not stop"

    def _run(self, client: int) -> None:
        for number in range(PER_CLIENT):
            reference = f"stream-{client}-{number}"
            connection = http.client.HTTPConnection(self.server.host, self.server.port, timeout=20)
            try:
                connection.request(
                    "POST",
                    EVENTS,
                    body=json.dumps(disbursement(reference)).encode(),
                    headers={**self.headers, "Idempotency-Key": reference},
                )
                response = connection.getresponse()
                raw = response.read()
                body = json.loads(raw)
                with self.lock:
                    self.answered[reference] = (response.status, body, response.getheader("Location"))
                    sent = {**self.headers, "Idempotency-Key": reference}
                    self.wire.append((sent, response.status, response.getheaders(), raw))
            except (OSError, http.client.HTTPException, ValueError):
                with self.lock:
                    self.unanswered.append(reference)
                return
            finally:
                connection.close()


@pytest.mark.slow
def test_every_acknowledged_event_survives_sigkill_and_none_is_half_written(database_url, tmp_path):
    env = {"MEDFIN_DATABASE_URL": database_url}
    token = registrar_token(env, TOKEN_NAME)
    writer = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

    server = start_server(env, log_dir=tmp_path / "first", workers=4)
    try:
        adoption = {"type": "adoption", "decided_on": "2024-09-16", "body": "Kommunstyrelsen"}
        status, _, adopted = server.request("POST", EVENTS, adoption, writer)
        assert status == 201, adopted
        stream = Stream(server, writer)
        stream.start()
        deadline = time.monotonic() + 20
        while stream.created() < KILL_AFTER and time.monotonic() < deadline:
            time.sleep(0.005)
        assert stream.created() >= KILL_AFTER, f"too few writes before the kill:\n{server.output()}"
    finally:
        server.kill()  # SIGKILL to the master and every worker, mid-stream
    stream.join(timeout=30)
    first_output = server.output()
    for sent, status, headers, raw in stream.wire:
        check_answer("POST", EVENTS, sent, status, headers, raw)

    answered = dict(stream.answered)
    not_created = {ref: (s, b) for ref, (s, b, _) in answered.items() if s != 201}
    assert not not_created, f"{list(not_created.items())[:3]}\n{first_output}"
    # Each client stops at its first broken request: exactly one each, unless a bound ran out.
    unanswered = set(stream.unanswered)
    assert len(unanswered) == len(stream.unanswered) <= CLIENTS

    with running_server(env, log_dir=tmp_path / "second", workers=4) as again:
        listed = again.items(EVENTS)
        by_id = {e["event_id"]: e for e in listed}

        # Every event answered 201 is there, with the content it was answered with.
        for reference, (_, body, location) in answered.items():
            assert location == body["links"]["self"]
            assert by_id.get(body["event_id"]) == body, reference
            status, _, shown = again.request("GET", location)
            assert (status, shown) == (200, body)

        # Nothing else, but at most the requests that were in flight and never answered.
        payments = [e for e in listed if e["type"] == "disbursement"]
        references = [e.get("reference") for e in payments]
        assert len(references) == len(set(references)), "an event was stored twice"
        extra = set(references) - set(answered)
        assert extra <= unanswered, extra
        assert len(listed) == SHIPPED + 1 + len(answered) + len(extra)
        assert [e["type"] for e in listed[: SHIPPED + 1]] == ["proposal", "eruf_decision", "adoption"]

        # Every disbursement whole, and the money adds up.
        for payment in payments:
            assert {k: payment.get(k) for k in disbursement("")} == disbursement(payment["reference"]), payment
            assert payment["recorded_by"] == TOKEN_NAME and payment["recorded_at"].endswith("Z"), payment
        total = Decimal("1.00") * len(payments)
        assert sum(Decimal(p["amount"]) for p in payments) == total
        status, _, commitment = again.request("GET", f"{DECISION}/commitment?as_of=2025-06-01")
        assert status == 200 and Decimal(commitment["amounts"]["disbursed"]) == total, commitment

        # A retry with the same Idempotency-Key replays what was stored, or stores it once.
        stored = {e["reference"]: e for e in payments}
        for reference in sorted(unanswered):
            retry = {**writer, "Idempotency-Key": reference}
            status, headers, body = again.request("POST", EVENTS, disbursement(reference), retry)
            assert status == 201, body
            if reference in stored:
                assert headers.get("Idempotent-Replayed") == "true"
                assert body == stored[reference]
            else:
                assert "Idempotent-Replayed" not in headers
            status, headers, twice = again.request("POST", EVENTS, disbursement(reference), retry)
            assert (status, headers.get("Idempotent-Replayed"), twice) == (201, "true", body)
        some = next(iter(answered))
        status, headers, replayed = again.request(
            "POST", EVENTS, disbursement(some), {**writer, "Idempotency-Key": some}
        )
        assert (status, headers.get("Idempotent-Replayed"), replayed) == (201, "true", answered[some][1])

        after = [e for e in again.items(EVENTS) if e["type"] == "disbursement"]
        after_references = [e["reference"] for e in after]
        assert sorted(after_references) == sorted(set(answered) | unanswered)

    # In the tables themselves: no event without its key, no key without its event, and
    # the decision's event count (updated in the same transaction) equal to the rows.
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(select(events).where(events.c.decision_id == DECISION_ID)).all()
            count = connection.execute(
                select(decisions.c.event_count).where(decisions.c.decision_id == DECISION_ID)
            ).scalar_one()
            keys = connection.execute(
                select(idempotency_keys).where(idempotency_keys.c.decision_id == DECISION_ID)
            ).all()
            events_total = connection.execute(select(func.count()).select_from(events)).scalar_one()
    finally:
        engine.dispose()
    assert count == len(rows) == events_total == SHIPPED + 1 + len(after)
    by_reference = {row.payload.get("reference"): row for row in rows if row.type == "disbursement"}
    assert len(by_reference) == len(after)
    assert {key.key for key in keys} == set(by_reference)
    for key in keys:
        row = by_reference[key.key]
        assert key.token_name == TOKEN_NAME and key.status == 201
        assert key.location == f"{DECISION}/events/{row.event_id}"
        assert json.loads(key.body)["event_id"] == row.event_id
