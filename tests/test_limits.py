"""Rate limits as a guesser and a busy registrar meet them, on SQLite and PostgreSQL:
failed authentications per client address and writes per token end in 429 with
Retry-After, the counts are shared by every app (worker) on the database, and they
come back as time passes. Time is the limiter's clock, moved by the test, not slept."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from service.storage import limits
from service.storage.limits import KEY, Limit
from service.storage.tables import decisions, rate_limits
from tests.contract import assert_problem, contract_app
from tests.examples import DECISION, payment
from tests.recording import EVENTS, REFERRAL, registrar
from tests.server_process import running_server

WRONG = {"Authorization": "Bearer medfin_not-a-token-anyone-was-given"}
GUESSER = {"REMOTE_ADDR": "192.0.2.7"}
NEIGHBOUR = {"REMOTE_ADDR": "192.0.2.8"}
DECISION_ID = DECISION.rsplit("/", 1)[-1]


class Clock:
    """Seconds since the epoch, as the test says."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def with_clock(app, clock: Clock):
    app.extensions[KEY].clock = clock
    return app


def post(app, headers, environ=GUESSER):
    return app.test_client().post(EVENTS, json=REFERRAL, headers=headers, environ_base=environ)


def assert_limited(response) -> int:
    """A 429 problem with a Retry-After of whole seconds; those seconds."""
    body = assert_problem(response, 429)
    assert body["type"].endswith("too-many-requests")
    seconds = int(response.headers["Retry-After"])
    assert seconds >= 1 and f"try again in {seconds} second" in body["detail"]
    return seconds


def test_the_eleventh_wrong_token_in_a_minute_is_429_and_another_address_is_not_limited(store_app):
    clock = Clock()
    with_clock(store_app, clock)
    for _ in range(10):
        clock.now += 0.05  # as fast as a script guesses
        assert post(store_app, WRONG).status_code == 401
    assert assert_limited(post(store_app, WRONG)) == 6  # then one guess every 60 / 10 seconds
    assert post(store_app, WRONG, environ=NEIGHBOUR).status_code == 401


def test_a_limited_address_is_refused_even_with_a_right_token_until_the_wait_is_over(store_app):
    clock = Clock()
    with_clock(store_app, clock)
    right = registrar(store_app)
    for _ in range(10):
        post(store_app, WRONG)
    seconds = assert_limited(post(store_app, right))
    clock.now += seconds - 1
    assert_limited(post(store_app, right))
    clock.now += 1
    assert post(store_app, right).status_code == 201  # the wait said was enough
    assert post(store_app, WRONG).status_code == 401  # and one more guess, then limited again
    assert_limited(post(store_app, WRONG))
    clock.now += 60
    assert post(store_app, WRONG).status_code == 401


def test_two_workers_on_one_database_share_the_counts(store_app, database_url):
    clock = Clock()
    other = with_clock(contract_app(database_url), clock)
    with_clock(store_app, clock)
    try:
        for number in range(10):
            assert post(store_app if number % 2 else other, WRONG).status_code == 401
        assert_limited(post(store_app, WRONG))
        assert_limited(post(other, WRONG))
    finally:
        other.extensions["medfin"].engine.dispose()


def test_writes_over_the_burst_are_429_and_allowed_again_a_moment_later(database_url):
    app = with_clock(contract_app(database_url, WRITE_LIMIT=3, WRITE_LIMIT_PERIOD=30), clock := Clock())
    other = with_clock(contract_app(database_url, WRITE_LIMIT=3, WRITE_LIMIT_PERIOD=30), clock)
    try:
        token, neighbour = registrar(app, "anna"), registrar(app, "bertil")
        assert [post(app, token).status_code, post(other, token).status_code, post(app, token).status_code] == [201] * 3
        assert assert_limited(post(other, token)) == 10  # one write back every 30 / 3 seconds
        assert post(app, neighbour).status_code == 201  # another token has its own writes
        clock.now += 9
        assert_limited(post(app, token))
        clock.now += 1
        assert post(app, token).status_code == 201
        assert_limited(post(app, token))
    finally:
        app.extensions["medfin"].engine.dispose()
        other.extensions["medfin"].engine.dispose()


def test_every_write_of_a_right_token_counts_whatever_its_answer(database_url):
    """A write is counted in its own transaction, and the count is kept when the write is
    not stored: refused by the store's checks (422), replayed or refused for its
    Idempotency-Key, or refused before the store (400). Nothing but the one event is
    stored, and the sixth write is a 429 that stores nothing."""
    app = with_clock(contract_app(database_url, WRITE_LIMIT=5, WRITE_LIMIT_PERIOD=50), Clock())
    try:
        token = registrar(app)
        keyed = {**token, "Idempotency-Key": "counted-1"}
        client = app.test_client()
        before = client.get(EVENTS).json["total"]
        answers = [
            post(app, keyed).status_code,
            post(app, keyed).status_code,  # replayed
            client.post(EVENTS, json={**REFERRAL, "reference": "KS § 2"}, headers=keyed).status_code,
            client.post(EVENTS, json={"type": "disbursement", **payment("10.00")}, headers=token).status_code,
            client.post(EVENTS, json={"type": "no-such-type"}, headers=token).status_code,
        ]
        assert answers == [201, 201, 422, 422, 400]
        assert_limited(post(app, token))
        assert_limited(client.post(EVENTS, json={"type": "no-such-type"}, headers=token))
        assert client.get(EVENTS).json["total"] == before + 1
    finally:
        app.extensions["medfin"].engine.dispose()


def test_a_write_refused_for_its_limit_waits_for_no_decision_lock(database_url):
    """The token's writes are read before anything is locked: while another transaction
    holds the decision's row (PostgreSQL) or the database's write lock (SQLite), a token
    over its limit is answered 429 at once, not after the lock's timeout."""
    app = with_clock(contract_app(database_url, WRITE_LIMIT=1, WRITE_LIMIT_PERIOD=60), Clock())
    engine = app.extensions["medfin"].engine
    try:
        token = registrar(app)
        assert post(app, token).status_code == 201
        with engine.begin() as holder:
            if database_url.startswith("sqlite"):
                holder.exec_driver_sql("UPDATE decisions SET event_count = event_count")  # the write lock
            else:
                locked = select(decisions.c.decision_id).where(decisions.c.decision_id == DECISION_ID)
                holder.execute(locked.with_for_update())
            started = time.monotonic()
            assert_limited(post(app, token))
            assert time.monotonic() - started < 1.0
    finally:
        engine.dispose()


@pytest.mark.parametrize("kept", [False, True], ids=["read-under-lock", "kept-standing"])
def test_a_write_whose_last_use_another_took_meanwhile_is_429_and_not_stored(database_url, monkeypatch, kept):
    """The read before the lock is only a first look: the count in the write's own
    transaction decides. Another write of the same token that takes the last use between
    that read and this write's count leaves this one a 429, its event rolled back;
    whether or not the process keeps the decision's standing (``kept``: on PostgreSQL
    the write is then tried in one statement, which counts it too)."""
    app = with_clock(contract_app(database_url, WRITE_LIMIT=1, WRITE_LIMIT_PERIOD=60), Clock())
    try:
        token = registrar(app, "anna")
        client = app.test_client()
        before = client.get(EVENTS).json["total"]
        if kept:
            assert client.get(f"/v1/decisions/{DECISION_ID}/commitment").status_code == 200
        else:
            app.extensions["medfin"].reread()  # forgets every standing it kept
        looked = limits.admission

        def then_another_writes(address: str, presented: str) -> limits.Admission:
            found = looked(address, presented)
            assert found.writes_wait is None  # room for one write, at this look
            assert app.extensions[KEY].take("writes:anna", app.extensions[KEY].writes) is None
            return found

        monkeypatch.setattr(limits, "admission", then_another_writes)
        assert_limited(post(app, token))
        assert client.get(EVENTS).json["total"] == before
    finally:
        app.extensions["medfin"].engine.dispose()


def test_the_default_burst_lets_a_hundred_writes_through_at_once(store_app):
    with_clock(store_app, Clock())
    token = registrar(store_app)
    assert {post(store_app, token).status_code for _ in range(100)} == {201}
    assert_limited(post(store_app, token))


def test_the_counts_do_not_outlive_their_period(store_app):
    """Full buckets are deleted, so guesses from ever new addresses leave no trace."""
    clock = Clock()
    with_clock(store_app, clock)
    for number in range(5):
        post(store_app, WRONG, environ={"REMOTE_ADDR": f"198.51.100.{number}"})
    engine = store_app.extensions["medfin"].engine
    count = select(func.count()).select_from(rate_limits)
    with engine.connect() as connection:
        assert connection.execute(count).scalar() == 5
    clock.now += 120  # every bucket full again, and time for the next sweep
    post(store_app, WRONG, environ={"REMOTE_ADDR": "198.51.100.99"})
    with engine.connect() as connection:
        assert connection.execute(select(rate_limits.c.key)).scalars().all() == ["failed-auth:198.51.100.99"]


def test_proxies_are_not_trusted_unless_a_setting_says_so(tmp_path):
    forwarded = {"X-Forwarded-For": "203.0.113.1", **WRONG}
    direct = contract_app(f"sqlite:///{tmp_path / 'direct.sqlite3'}", FAILED_AUTH_LIMIT=1)
    post(direct, forwarded)
    assert post(direct, {**forwarded, "X-Forwarded-For": "203.0.113.2"}).status_code == 429  # one address
    proxied = contract_app(f"sqlite:///{tmp_path / 'proxied.sqlite3'}", FAILED_AUTH_LIMIT=1, TRUSTED_PROXIES=1)
    post(proxied, forwarded)
    assert post(proxied, {**forwarded, "X-Forwarded-For": "203.0.113.2"}).status_code == 401  # two clients


def test_racing_writers_on_two_workers_get_exactly_the_burst(database_url):
    """Twenty writes at once through two apps on one database, with room for eight: eight
    are counted, twelve refused; no two workers take the last use between them."""
    apps = [contract_app(database_url) for _ in range(2)]
    limiters = [app.extensions[KEY] for app in apps]
    try:
        with ThreadPoolExecutor(max_workers=20) as pool:
            waits = list(pool.map(lambda n: limiters[n % 2].take("writes:racer", Limit(8, 800)), range(20)))
        assert waits.count(None) == 8
        assert all(wait >= 1 for wait in waits if wait is not None)
    finally:
        for app in apps:
            app.extensions["medfin"].engine.dispose()


@pytest.mark.slow
def test_the_workers_of_medfin_serve_share_the_failed_authentications(tmp_path):
    """Four gunicorn workers, a new connection per guess: the eleventh is refused all the same."""
    env = {"MEDFIN_DATABASE_URL": f"sqlite:///{tmp_path / 'medfin.sqlite3'}"}
    with running_server(env, log_dir=tmp_path, workers=4) as server:
        answers = [server.request("POST", EVENTS, REFERRAL, WRONG)[0] for _ in range(11)]
        assert answers == [401] * 10 + [429], server.output()
