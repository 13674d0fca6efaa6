"""The rule check and the insert are one atomic step, in a real server with several workers.

Fifty utbetalningar of 50 000.00 race for the last 1 000 000.00 of the commitment: exactly
twenty are stored, thirty are refused with amount-cap, none fails, on SQLite and on
PostgreSQL. Each request runs in one of four gunicorn worker processes, each with its own
connection to the database, so only the store's lock keeps them apart.

Without the lock this test fails (tried by hand, not kept): on PostgreSQL, with the
``SELECT ... FOR UPDATE`` in ``EventStore._lock`` removed, workers check against the same
sum and more than twenty are stored (the total passes 1 000 000.00); on SQLite, with a
deferred ``BEGIN`` instead of ``BEGIN IMMEDIATE``, two transactions read the same sum and
the later one cannot upgrade its read to a write (SQLITE_BUSY), so some requests answer
500 instead of 422.
"""

from __future__ import annotations

import http.client
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest

from tests.server_process import check_answer, registrar_token, running_server

DECISION = "/v1/decisions/ks-2024-1371-481"
EVENTS = f"{DECISION}/events"
RACERS = 50
AMOUNT = "50000.00"
CAP = Decimal("1000000.00")


def disbursement(reference: str) -> dict:
    return {
        "type": "disbursement",
        "paid_on": "2025-03-01",
        "amount": AMOUNT,
        "funding_source": "reserverade-medel-for-oforutsett",
        "recipient": "stiftelsen-flemingsberg-science",
        "reference": reference,
    }


@pytest.mark.slow
def test_fifty_racing_disbursements_store_exactly_the_twenty_that_fit(database_url, tmp_path):
    env = {"MEDFIN_DATABASE_URL": database_url}
    token = registrar_token(env)
    writer = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    with running_server(env, log_dir=tmp_path, workers=4) as server:
        adoption = {"type": "adoption", "decided_on": "2024-09-16", "body": "Kommunstyrelsen"}
        status, _, body = server.request("POST", EVENTS, adoption, writer)
        assert status == 201, body

        barrier = threading.Barrier(RACERS, timeout=30)

        def race(number: int) -> tuple[int, dict | None, list[tuple[str, str]], bytes]:
            connection = http.client.HTTPConnection(server.host, server.port, timeout=60)
            try:
                connection.connect()  # connected first, so that the barrier releases only the sends
                payload = json.dumps(disbursement(f"race-{number}")).encode()
                barrier.wait()
                connection.request("POST", EVENTS, body=payload, headers=writer)
                response = connection.getresponse()
                raw = response.read()
                return response.status, json.loads(raw) if raw else None, response.getheaders(), raw
            finally:
                connection.close()

        with ThreadPoolExecutor(max_workers=RACERS) as pool:
            answers = list(pool.map(race, range(RACERS), timeout=90))

        statuses = sorted(status for status, *_ in answers)
        failures = [(s, b) for s, b, *_ in answers if s >= 500]
        assert not failures, f"{failures[:3]}\n{server.output()}"
        for status, _, headers, raw in answers:
            check_answer("POST", EVENTS, writer, status, headers, raw)
        assert statuses.count(201) == 20, statuses
        assert statuses.count(422) == 30, statuses
        refused = [body for status, body, *_ in answers if status == 422]
        assert all([v["rule_id"] for v in body["violations"]] == ["amount-cap"] for body in refused), refused[0]

        stored = {body["event_id"] for status, body, *_ in answers if status == 201}
        payments = [e for e in server.items(EVENTS) if e["type"] == "disbursement"]
        assert {e["event_id"] for e in payments} == stored
        assert len(payments) == 20
        assert sum(Decimal(e["amount"]) for e in payments) == CAP

        status, _, commitment = server.request("GET", f"{DECISION}/commitment?as_of=2025-06-01")
        assert status == 200, commitment
        assert commitment["status"] == "fulfilled"
        assert Decimal(commitment["amounts"]["disbursed"]) == CAP
        assert Decimal(commitment["amounts"]["remaining"]) == 0
