"""HTTP as open-data consumers expect it: validators and 304s, Cache-Control, CORS,
paging with Link headers, lookup by diarienummer (docs/api.md, HTTP conventions)."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from werkzeug.http import http_date, parse_date

from service.http import caching
from service.storage import decisions
from tests.contract import assert_problem, contract_app
from tests.examples import DECISION
from tests.recording import EVENTS, links, record, record_adoption_and_payments, registrar

COMMITMENT = f"{DECISION}/commitment"
#: One of each kind of GET: decision data, a list, the event log, today's status, the contract.
READS = [
    "/v1/decisions",
    "/v1/decisions?format=csv",
    DECISION,
    f"{DECISION}/source",
    f"{DECISION}/rules",
    f"{DECISION}/financing-plan",
    COMMITMENT,
    f"{COMMITMENT}?as_of=2025-06-01",
    EVENTS,
    f"{EVENTS}/1",
    "/v1/changes",
    "/openapi.yaml",
]
DATA_MODIFIED = http_date(datetime(2026, 12, 7, 15, 50, 0, tzinfo=UTC))  # the data file's `modified`


@pytest.fixture
def store_client(store_app):
    return store_app.test_client()


@pytest.mark.parametrize("url", READS)
def test_if_none_match_with_the_etag_answers_304_without_a_body(client, url):
    first = client.get(url)
    assert first.status_code == 200 and first.headers["ETag"].startswith('"')
    again = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.get_data() == b""
    assert again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["Cache-Control"] == first.headers["Cache-Control"]


@pytest.mark.parametrize("url", READS)
def test_if_modified_since_last_modified_answers_304_and_an_older_date_200(client, url):
    last_modified = client.get(url).headers["Last-Modified"]
    assert client.get(url, headers={"If-Modified-Since": last_modified}).status_code == 304
    older = http_date(parse_date(last_modified).timestamp() - 1)
    assert client.get(url, headers={"If-Modified-Since": older}).status_code == 200


def test_json_and_csv_of_one_list_have_different_etags(client):
    as_json, as_csv = client.get("/v1/decisions"), client.get("/v1/decisions", headers={"Accept": "text/csv"})
    assert as_csv.mimetype == "text/csv"
    assert as_json.headers["ETag"] != as_csv.headers["ETag"]
    assert client.get("/v1/decisions?format=csv").headers["ETag"] == as_csv.headers["ETag"]


def test_the_csv_etag_does_not_answer_for_the_json(client):
    csv_etag = client.get("/v1/decisions?format=csv").headers["ETag"]
    assert client.get("/v1/decisions", headers={"If-None-Match": csv_etag}).status_code == 200


def test_decision_data_is_last_modified_at_its_own_modified_moment_and_cached_an_hour(client):
    for url in ("/v1/decisions", DECISION, f"{DECISION}/rules"):
        response = client.get(url)
        assert response.headers["Last-Modified"] == DATA_MODIFIED
        assert response.headers["Cache-Control"] == "public, max-age=3600"


class Library:
    """Decisions whose data give these ``modified`` moments (``rules.Library``'s two methods)."""

    def __init__(self, *moments: object) -> None:
        self.given = {str(n): moment for n, moment in enumerate(moments)}

    def ids(self) -> tuple[str, ...]:
        return tuple(self.given)

    def modified(self, decision_id: str) -> object:
        return self.given[decision_id]


def test_every_decisions_data_moment_is_their_newest_in_utc_and_whether_one_gives_none():
    """What a list's Last-Modified is made of, kept once per library: the newest moment
    (a naive one in UTC), and whether some decision cannot say when it changed."""
    naive, summer = datetime(2025, 3, 1, 12), datetime.fromisoformat("2025-03-01T13:30:00+02:00")
    assert decisions._newest_modified(Library(naive, summer)) == (datetime(2025, 3, 1, 12, tzinfo=UTC), False)
    assert decisions._newest_modified(Library(summer, None)) == (summer, True)
    assert decisions._newest_modified(Library(None)) == (None, True)


def test_a_recorded_event_changes_the_logs_etag_and_last_modified(store_app, store_client):
    before = store_client.get(EVENTS)
    headers = registrar(store_app)
    time.sleep(1 - time.time() % 1)  # Last-Modified counts whole seconds
    stored = record(store_client, headers, {"type": "adoption", "decided_on": "2024-09-16", "body": "KS"})
    after = store_client.get(EVENTS, headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200 and after.headers["ETag"] != before.headers["ETag"]
    recorded_at = datetime.fromisoformat(stored["recorded_at"])
    assert after.headers["Last-Modified"] == http_date(recorded_at)
    assert after.headers["Last-Modified"] != before.headers["Last-Modified"]


@pytest.mark.parametrize("url", [EVENTS, f"{COMMITMENT}?as_of=2025-06-01", "/v1/changes"])
def test_a_304_is_no_longer_given_once_an_event_is_recorded_by_another_worker(store_app, database_url, url):
    """Each worker remembers validators; what another worker records must still be seen."""
    client, other = store_app.test_client(), contract_app(database_url)
    etag = client.get(url).headers["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    record(other.test_client(), registrar(other), {"type": "adoption", "decided_on": "2024-09-16", "body": "KS"})
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 200
    other.extensions["medfin"].engine.dispose()


def test_the_commitment_today_is_not_fresh_past_midnight_in_stockholm(tmp_path):
    app = contract_app(f"sqlite:///{tmp_path / 'db'}", CACHE_MAX_AGE_RECORDED=10**6)
    before = caching.seconds_until_midnight(datetime.now(UTC))
    response = app.test_client().get(COMMITMENT)
    max_age = int(response.headers["Cache-Control"].removeprefix("public, max-age="))
    assert 0 < max_age <= before
    with_as_of = app.test_client().get(COMMITMENT, query_string={"as_of": "2025-06-01"})
    assert with_as_of.headers["Cache-Control"] == "public, max-age=1000000"


def test_what_the_log_changes_is_revalidated_every_time_by_default(client):
    for url in (COMMITMENT, f"{COMMITMENT}?as_of=2025-06-01", EVENTS, "/v1/changes"):
        assert client.get(url).headers["Cache-Control"] == "public, no-cache"


def test_the_commitment_today_is_last_modified_no_earlier_than_midnight(client):
    last_modified = parse_date(client.get(COMMITMENT).headers["Last-Modified"])
    today = datetime.now(caching.STOCKHOLM).replace(hour=0, minute=0, second=0, microsecond=0)
    assert last_modified >= today


@pytest.mark.parametrize(
    ("now", "seconds"),
    [
        ("2026-06-01T21:00:00+00:00", 3600),  # 23:00 CEST
        ("2026-01-15T22:59:59+00:00", 1),  # 23:59:59 CET
        ("2026-03-28T23:30:00+00:00", 81000),  # 00:30 CET; the clocks go forward that night: 22.5 hours
        ("2026-10-24T23:00:00+00:00", 86400),  # 01:00 CEST; the clocks go back: 23 hours on the clock are 24
    ],
)
def test_seconds_until_midnight_in_stockholm(now, seconds):
    assert caching.seconds_until_midnight(datetime.fromisoformat(now)) == seconds


def test_errors_and_writes_are_not_stored(client):
    assert client.get("/v1/decisions/okand").headers["Cache-Control"] == "no-store"
    assert client.get("/v1/decisions?page=0").headers["Cache-Control"] == "no-store"
    assert client.post(EVENTS, json={}).headers["Cache-Control"] == "no-store"
    assert client.post(f"{DECISION}/evaluate", json={}).headers["Cache-Control"] == "no-store"


def assert_cors(response, origin="*"):
    assert response.headers["Access-Control-Allow-Origin"] == origin
    exposed = {h.strip() for h in response.headers["Access-Control-Expose-Headers"].split(",")}
    assert {"ETag", "Link", "Location"} <= exposed


def test_cors_headers_on_answers_and_problems(client):
    ok, missing, invalid, wrong_method = (
        client.get("/v1/decisions"),
        client.get("/v1/decisions/okand"),
        client.get("/v1/decisions?limit=1000"),
        client.delete("/v1/decisions"),
    )
    assert [r.status_code for r in (ok, missing, invalid, wrong_method)] == [200, 404, 400, 405]
    for response in (ok, missing, invalid, wrong_method):
        assert_cors(response)
    assert_problem(missing) and assert_problem(invalid) and assert_problem(wrong_method)
    assert_cors(client.get("/v1/decisions", headers={"If-None-Match": ok.headers["ETag"]}))


def test_preflight_is_answered_with_the_paths_methods_and_the_headers_the_api_reads(client):
    response = client.options(
        EVENTS,
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type, idempotency-key",
        },
    )
    assert response.status_code in (200, 204)
    assert_cors(response)
    methods = {m.strip() for m in response.headers["Access-Control-Allow-Methods"].split(",")}
    assert {"GET", "POST"} <= methods and "DELETE" not in methods
    allowed = {h.strip().lower() for h in response.headers["Access-Control-Allow-Headers"].split(",")}
    assert {"authorization", "content-type", "idempotency-key", "if-none-match", "if-modified-since"} <= allowed
    assert int(response.headers["Access-Control-Max-Age"]) > 0


def test_cors_origin_is_configurable_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("MEDFIN_CORS_ORIGIN", "https://www.huddinge.se")
    app = contract_app(f"sqlite:///{tmp_path / 'db'}")
    assert_cors(app.test_client().get("/v1/decisions"), origin="https://www.huddinge.se")


@pytest.fixture
def five_events(store_app, store_client):
    """The two shipped facts, the adoption and two payments: three pages of two."""
    record_adoption_and_payments(store_client, registrar(store_app), payments=2)
    return store_client


def test_link_headers_walk_three_pages_of_events(five_events):
    url = f"{EVENTS}?limit=2"
    first, middle, last = (five_events.get(f"{url}&page={n}") for n in (1, 2, 3))
    assert links(first) == {"first": f"{url}&page=1", "next": f"{url}&page=2", "last": f"{url}&page=3"}
    assert links(middle) == {
        "first": f"{url}&page=1",
        "prev": f"{url}&page=1",
        "next": f"{url}&page=3",
        "last": f"{url}&page=3",
    }
    assert links(last) == {"first": f"{url}&page=1", "prev": f"{url}&page=2", "last": f"{url}&page=3"}
    assert {r.json["total"] for r in (first, middle, last)} == {5}
    assert [len(r.json["items"]) for r in (first, middle, last)] == [2, 2, 1]


def test_following_next_links_gives_every_event_once(five_events):
    response, seen = five_events.get(f"{EVENTS}?limit=2"), []
    while True:
        seen += [e["event_id"] for e in response.json["items"]]
        if "next" not in links(response):
            break
        response = five_events.get(links(response)["next"])
    assert sorted(seen) == seen and len(set(seen)) == response.json["total"] == 5


def test_link_headers_keep_the_other_query_parameters(client):
    response = client.get("/v1/decisions?format=csv&limit=1")
    assert links(response) == {
        "first": "/v1/decisions?format=csv&limit=1&page=1",
        "last": "/v1/decisions?format=csv&limit=1&page=1",
    }


def test_past_the_last_page_prev_leads_back_into_the_list(client):
    response = client.get(f"{EVENTS}?page=9")
    assert response.json["items"] == [] and response.json["total"] == 2
    assert links(response) == {
        "first": f"{EVENTS}?limit=20&page=1",
        "prev": f"{EVENTS}?limit=20&page=1",
        "last": f"{EVENTS}?limit=20&page=1",
    }


@pytest.mark.parametrize("written", ["KS-2024/1371.481", "KS 2024/1371.481", "ks 2024/1371.481", "  KS-2024/1371.481 "])
def test_lookup_by_diarienummer_answers_303_to_the_decision(client, written):
    response = client.get("/v1/decisions", query_string={"diarienummer": written})
    assert response.status_code == 303
    assert response.headers["Location"] == DECISION
    assert_cors(response)
    assert client.get(response.headers["Location"]).json["diarienummer"] == "KS-2024/1371.481"


@pytest.mark.parametrize("written", ["KS-2024/1371.482", "KS2024/1371.481", " "])
def test_lookup_of_an_unknown_diarienummer_is_a_404_problem(client, written):
    response = client.get("/v1/decisions", query_string={"diarienummer": written})
    assert assert_problem(response, 404)["type"].endswith("unknown-decision")


def test_lookup_with_an_empty_diarienummer_is_a_400_problem(client):
    assert_problem(client.get("/v1/decisions?diarienummer="), 400)
