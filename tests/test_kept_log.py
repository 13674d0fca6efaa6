"""The log a process keeps read (``EventStore.events``) is the log: over random histories
of payments, adoptions and corrections, read in between at random moments, every read of
the kept log equals a full rebuild from the database (a new store that has read nothing),
and so do the commitment's status and amounts on any date, as the record stood at any
moment (bitemporal), on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules import evaluate, load_decision
from service.shared.facts import facts_from
from service.storage.engine import make_engine
from service.storage.setup import upgrade
from service.storage.store import Answer, Draft, EventStore

DECISION = load_decision("ks-2024-1371-481")
FUND, RECIPIENT = DECISION.funding_source_id, DECISION.recipient_id
_decisions = itertools.count(1)

operation = st.one_of(
    st.tuples(st.just("pay"), st.integers(1, 500_000_00), st.integers(0, 900)),
    st.tuples(st.just("adopt"), st.integers(0, 60), st.integers(0, 0)),
    st.tuples(st.just("correct"), st.integers(0, 30), st.integers(0, 0)),
    st.tuples(st.just("read"), st.integers(0, 30), st.integers(0, 1200)),
)


def _draft(kind: str, first: int, second: int, stored: list[int]) -> Draft | None:
    if kind == "pay":
        paid_on = date(2025, 1, 1) + timedelta(days=second)
        payload = {"amount": f"{first // 100}.{first % 100:02d}", "funding_source": FUND, "recipient": RECIPIENT}
        return Draft("disbursement", paid_on, payload)
    if kind == "adopt":
        return Draft("adoption", date(2024, 9, 1) + timedelta(days=first), {"body": "Kommunstyrelsen"})
    if kind == "correct" and stored:
        return Draft("correction", None, {"reason": "Fel uppgift"}, corrects=stored[first % len(stored)])
    return None


def _located(event) -> Answer:
    return Answer(201, b"", str(event.event_id))


def test_the_kept_log_is_the_log_and_answers_as_a_full_rebuild(database_url):
    engine = make_engine(database_url)
    upgrade(engine)
    store = EventStore(engine)

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(operation, min_size=1, max_size=25))
    def check(history):
        decision_id = f"ks-test-{next(_decisions)}"
        store.ensure_decision(decision_id)
        stored: list[int] = []
        for kind, first, second in history:
            if kind == "read":
                kept, rebuilt = store.events(decision_id), EventStore(engine).events(decision_id)
                assert kept == rebuilt
                if not rebuilt:
                    continue
                known_at = rebuilt[first % len(rebuilt)].recorded_at  # the record as it stood then
                on = date(2025, 1, 1) + timedelta(days=second)
                ours = evaluate(DECISION, facts_from(kept, known_at=known_at, as_of=on), on=on)
                theirs = evaluate(DECISION, facts_from(rebuilt, known_at=known_at, as_of=on), on=on)
                assert (ours.status, ours.amounts) == (theirs.status, theirs.amounts)
                continue
            draft = _draft(kind, first, second, stored)
            if draft is None:
                continue
            answer = store.append(
                decision_id,
                draft,
                recorded_by="test",
                check=lambda *_: None,
                answer=lambda e: Answer(201, b"", str(e.event_id)),
            )
            stored.append(int(answer.location))
        assert store.events(decision_id) == EventStore(engine).events(decision_id)

    try:
        check()
    finally:
        engine.dispose()
