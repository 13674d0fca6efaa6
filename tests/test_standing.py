"""The standing a process keeps (``EventStore.standing``) is the log: over random
histories of utbetalningar (several on one day, from the wrong source, to the wrong
recipient), adoptions, the ERDF's decisions and corrections of any of them, read in
between at random moments, the kept standing equals one folded from scratch by a new
store, its facts equal a full rebuild from the log (``facts_from``), and the whole
evaluation on any date (status, amounts, every rule's outcome and message values) is
the same as from every utbetalning one by one. As the record stood at an earlier moment
(bitemporal), the log read up to that moment and folded answers as the whole log does. On SQLite
and PostgreSQL."""

from __future__ import annotations

import itertools
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules import Payments, evaluate, load_decision
from service.shared import standing as standing_module
from service.shared.facts import Event, disbursement_of, facts_from, live_events
from service.shared.standing import Fold
from service.storage import store as store_module
from service.storage.engine import make_engine
from service.storage.setup import upgrade
from service.storage.store import Answer, Draft, EventStore

DECISION = load_decision("ks-2024-1371-481")
FUND, RECIPIENT = DECISION.funding_source_id, DECISION.recipient_id
#: Where an utbetalning is from and to: mostly as the decision says, so that a day's repeat.
PAID = ((FUND, RECIPIENT),) * 4 + (("kommunstyrelsens-reserv", RECIPIENT), (FUND, "huddinge-kommun"))
_decisions = itertools.count(1)

operation = st.one_of(
    # An utbetalning: its amount in öre, its day among a few (so that days repeat), its source and recipient.
    st.tuples(st.just("pay"), st.integers(1, 300_000_00), st.integers(0, 4), st.integers(0, len(PAID) - 1)),
    st.tuples(st.just("adopt"), st.integers(0, 60), st.integers(0, 0), st.integers(0, 0)),
    st.tuples(st.just("approve"), st.integers(0, 200), st.integers(0, 1), st.integers(0, 0)),
    st.tuples(st.just("correct"), st.integers(0, 30), st.integers(0, 0), st.integers(0, 0)),
    st.tuples(st.just("read"), st.integers(0, 30), st.integers(0, 1200), st.integers(0, 0)),
)


def _draft(kind: str, first: int, second: int, third: int, stored: list[int]) -> Draft | None:
    if kind == "pay":
        paid_on = date(2025, 1, 1) + timedelta(days=200 * second)
        source, recipient = PAID[third]
        payload = {"amount": f"{first // 100}.{first % 100:02d}", "funding_source": source, "recipient": recipient}
        return Draft("disbursement", paid_on, payload)
    if kind == "adopt":
        return Draft("adoption", date(2024, 9, 1) + timedelta(days=first), {"body": "Kommunstyrelsen"})
    if kind == "approve":
        outcome = ("approved", "rejected")[second]
        return Draft("eruf_decision", date(2024, 10, 1) + timedelta(days=first), {"outcome": outcome})
    if kind == "correct" and stored:
        return Draft("correction", None, {"reason": "Fel uppgift"}, corrects=stored[first % len(stored)])
    return None


def _one_by_one(log, known_at):
    """Every live utbetalning as a fact of its own, in the order the summed ones have."""
    paid = [disbursement_of(e) for e in live_events(log, known_at) if e.type == "disbursement"]
    return tuple(sorted(paid, key=lambda d: (d.paid_on, d.funding_source, d.recipient)))


def _told(paid: Payments) -> tuple[object, ...]:
    """What ``Payments`` tells of all its utbetalningar at once, which the rules read
    instead of looking at each one."""
    return paid.total, paid.first_paid_on, paid.last_paid_on, paid.routes


def test_the_kept_standing_is_the_log_and_answers_as_a_full_rebuild(database_url, monkeypatch):
    # Corrections' targets are read a few at a time when a new store folds a log whole;
    # a checkpoint every 3 events, at most 4 a decision (then every 6, 12, ...), so that
    # a past record is folded from one, after the stretch has doubled, too.
    monkeypatch.setattr(store_module, "_TARGETS_A_READ", 2)
    monkeypatch.setattr(standing_module, "CHECKPOINT_EVERY", 3)
    monkeypatch.setattr(standing_module, "KEPT_CHECKPOINTS", 4)
    engine = make_engine(database_url)
    upgrade(engine)
    store = EventStore(engine)

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(operation, min_size=1, max_size=30))
    def check(history):
        decision_id = f"ks-test-{next(_decisions)}"
        store.ensure_decision(decision_id)
        stored: list[int] = []
        for kind, first, second, third in history:
            if kind == "read":
                kept, folded = store.standing(decision_id), EventStore(engine).standing(decision_id)
                assert kept == folded
                # Kept as each utbetalning and correction came, equal to a pass over them all.
                assert _told(kept.paid) == _told(folded.paid) == _told(Payments(list(kept.paid)))
                log = store.events(decision_id)
                assert (kept.event_count, kept.last_event_id) == (len(log), log[-1].event_id if log else 0)
                if not log:
                    continue
                on = date(2025, 1, 1) + timedelta(days=second)
                newest = max(e.recorded_at for e in log)
                rebuilt = facts_from(log, known_at=newest, as_of=on)
                assert kept.facts(on) == rebuilt
                by_then = [p for p in _one_by_one(log, newest) if p.paid_on <= on]
                days = [p.paid_on for p in by_then]
                summary = (
                    len(by_then),
                    sum(p.amount for p in by_then),
                    min(days, default=None),
                    max(days, default=None),
                )
                assert kept.paid_by(on) == summary
                ours = evaluate(DECISION, kept.facts(on), on=on)
                one_by_one = replace(rebuilt, disbursements=_one_by_one(log, newest))
                assert ours == evaluate(DECISION, one_by_one, on=on)
                # As the record stood at an earlier moment: the log read up to then, folded.
                known_at = log[first % len(log)].recorded_at
                then = store.events(decision_id, known_at=known_at)
                assert then == [e for e in log if e.recorded_at <= known_at]
                past = facts_from(log, known_at=known_at, as_of=on)
                stood = store.standing_at(decision_id, known_at)
                assert stood.facts(on) == past
                from_scratch = Fold(decision_id)
                from_scratch.add(then, {e.event_id: e for e in then})
                assert stood == from_scratch.standing()
                assert _told(stood.paid) == _told(Payments(list(stood.paid)))
                one_by_one = replace(past, disbursements=_one_by_one(log, known_at))
                assert evaluate(DECISION, past, on=on) == evaluate(DECISION, one_by_one, on=on)
                continue
            draft = _draft(kind, first, second, third, stored)
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
        assert store.standing(decision_id) == EventStore(engine).standing(decision_id)

    try:
        check()
    finally:
        engine.dispose()


def test_a_round_over_every_decision_keeps_no_standing_and_pushes_none_out(tmp_path, monkeypatch):
    """The catalogue and the home page read every decision's standing with ``keep=False``:
    the standings the decisions' own readers keep stay, however many decisions there are."""
    monkeypatch.setattr(store_module, "KEPT_STANDINGS", 2)
    engine = make_engine(f"sqlite:///{tmp_path / 'medfin.sqlite3'}")
    upgrade(engine)
    store = EventStore(engine)
    try:
        for number in range(5):
            store.ensure_decision(f"ks-test-{number}")
            draft = Draft("adoption", date(2024, 9, 16), {"body": "Kommunstyrelsen"})
            store.append(f"ks-test-{number}", draft, recorded_by="test", check=lambda *_: None, answer=_located)
        store = EventStore(engine)  # one that has folded nothing yet
        kept = store.standing("ks-test-0")
        for number in range(5):
            assert store.standing(f"ks-test-{number}", keep=False).event_count == 1
        assert list(store._folds) == ["ks-test-0"]
        assert store.standing("ks-test-0") is kept  # still folded, not read again
    finally:
        engine.dispose()


def _located(event) -> Answer:
    return Answer(201, b"", str(event.event_id))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["pay", "pay", "correct"]), st.integers(0, 9), st.integers(-3, 5)),
        min_size=1,
        max_size=60,
    ),
    st.integers(0, 10_000),
)
def test_a_past_record_folded_from_a_checkpoint_is_the_log_up_to_then_though_a_clock_went_back(steps, pick):
    """``Fold.stretch`` on a log whose moments go back now and then (a clock put back, or
    two hosts' clocks apart): the checkpoint it starts from and the id it ends at, read
    as ``EventStore.standing_at`` reads the log, give the record that folding every event
    recorded by then gives, at every moment."""
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    log: list[Event] = []
    for number, (kind, day, step) in enumerate(steps, start=1):
        moment += timedelta(seconds=step)
        paid = [e.event_id for e in log if e.type == "disbursement"]
        if kind == "correct" and paid:
            target = paid[day % len(paid)]
            log.append(Event(number, "d", "correction", None, {}, moment, "t", None, None, target))
        else:
            payload = {"amount": f"{day + 1}.00", "funding_source": "s", "recipient": "r"}
            log.append(
                Event(number, "d", "disbursement", date(2025, 1, 1 + day), payload, moment, "t", None, None, None)
            )
    kept = Fold("d")
    kept._every = 2
    with _kept_at_most(3):
        kept.add(log, {e.event_id: e for e in log})
    moments = sorted({e.recorded_at for e in log})
    for known_at in [*moments, moments[pick % len(moments)] - timedelta(microseconds=1)]:
        start, end = kept.stretch(known_at)
        fold = Fold.resumed("d", start)
        after = fold.last_event_id
        then = [
            e for e in log if after < e.event_id and (end is None or e.event_id <= end) and e.recorded_at <= known_at
        ]
        fold.add(then, {e.event_id: e for e in log if e.recorded_at <= known_at})
        whole = [e for e in log if e.recorded_at <= known_at]
        rebuilt = Fold("d")
        rebuilt.add(whole, {e.event_id: e for e in whole})
        assert fold.standing().paid == rebuilt.standing().paid
        assert fold.standing().event_count == rebuilt.standing().event_count


@contextmanager
def _kept_at_most(count: int):
    before = standing_module.KEPT_CHECKPOINTS
    standing_module.KEPT_CHECKPOINTS = count
    try:
        yield
    finally:
        standing_module.KEPT_CHECKPOINTS = before
