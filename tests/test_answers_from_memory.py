"""A read answered from memory (``service.http.revalidation``): the very 200 a view made,
byte for byte, without running the view again, until something it depends on changes;
never another request's representation."""

from __future__ import annotations

from datetime import date

import pytest
from flask import template_rendered

from service.http import revalidation
from service.storage.store import EventStore
from service.views import evaluation
from tests.contract import contract_app
from tests.examples import DECISION
from tests.recording import ADOPTION, record, registrar

COMMITMENT = f"{DECISION}/commitment?as_of=2025-06-01"
PAGE = "/decisions/ks-2024-1371-481"


@pytest.fixture
def evaluations(monkeypatch):
    """Each evaluation of the rules the commitment's view asks for: the work an answer
    from memory saves (the real rules still run)."""
    calls = []
    real = evaluation.evaluate

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(evaluation, "evaluate", counting)
    return calls


def headers_of(response) -> list[tuple[str, str]]:
    """The headers in order, but ``Date``: the moment of each answer."""
    return [(name, value) for name, value in response.headers if name != "Date"]


def test_a_second_get_is_the_same_answer_without_running_the_view(client, evaluations):
    first = client.get(COMMITMENT)
    again = client.get(COMMITMENT)
    assert first.status_code == again.status_code == 200 and len(evaluations) == 1
    assert again.get_data() == first.get_data() and headers_of(again) == headers_of(first)
    assert {"ETag", "Last-Modified", "Cache-Control", "Content-Type", "Content-Length"} <= set(again.headers.keys())


def test_a_list_page_keeps_its_link_header(client, monkeypatch):
    pages = []
    real = EventStore.page

    def counting(self, *args, **kwargs):
        pages.append(args)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(EventStore, "page", counting)
    first = client.get(f"{DECISION}/events?limit=1")
    again = client.get(f"{DECISION}/events?limit=1")
    assert "Link" in first.headers and headers_of(again) == headers_of(first)
    assert len(pages) == 1  # the second answer came from memory


@pytest.mark.parametrize("by_another_worker", [False, True])
def test_after_an_event_is_recorded_the_answer_is_made_anew(app, tmp_path, evaluations, by_another_worker):
    client = app.test_client()
    before = client.get(COMMITMENT)
    writer = contract_app(f"sqlite:///{tmp_path / 'medfin.sqlite3'}") if by_another_worker else app
    record(writer.test_client(), registrar(writer), ADOPTION)
    after = client.get(COMMITMENT)
    assert len(evaluations) == 2
    assert after.headers["ETag"] != before.headers["ETag"]
    assert after.json["facts"] != before.json["facts"]
    assert client.get(COMMITMENT).get_data() == after.get_data() and len(evaluations) == 2


def test_the_next_day_the_commitment_today_is_made_anew(client, evaluations, monkeypatch):
    client.get(f"{DECISION}/commitment")
    client.get(f"{DECISION}/commitment")
    assert len(evaluations) == 1
    monkeypatch.setattr("service.http.caching.today", lambda: date(2099, 1, 1))
    client.get(f"{DECISION}/commitment")
    assert len(evaluations) == 2


@pytest.mark.parametrize(
    ("url", "accepts"),
    [
        ("/v1/decisions", ["application/json", "text/csv"]),
        ("/v1/catalog", ["application/rdf+xml", "text/turtle", "application/ld+json"]),
        ("/", ["text/html", "application/json"]),
    ],
)
def test_each_accept_gets_its_own_representation(client, url, accepts):
    made = {accept: client.get(url, headers={"Accept": accept}) for accept in accepts}
    for _ in range(2):
        for accept in accepts:
            again = client.get(url, headers={"Accept": accept})
            assert again.mimetype == accept and again.get_data() == made[accept].get_data()
    assert len({made[accept].headers["ETag"] for accept in accepts}) == len(accepts)


def test_a_format_query_gets_its_own_representation(client):
    as_json, as_csv = client.get("/v1/decisions"), client.get("/v1/decisions?format=csv")
    assert client.get("/v1/decisions").get_data() == as_json.get_data()
    assert client.get("/v1/decisions?format=csv").get_data() == as_csv.get_data()
    assert as_json.mimetype == "application/json" and as_csv.mimetype == "text/csv"


def test_another_host_is_answered_by_its_own_view(client, evaluations):
    client.get(COMMITMENT)
    client.get(COMMITMENT, base_url="http://other.example")
    assert len(evaluations) == 2
    client.get(COMMITMENT, base_url="http://other.example")
    assert len(evaluations) == 2


def test_head_then_get_gives_the_body_and_get_then_head_none(client, evaluations):
    head = client.head(COMMITMENT)
    get = client.get(COMMITMENT)
    assert head.status_code == get.status_code == 200
    assert head.get_data() == b"" and get.get_data() and get.json["decision_id"]
    assert headers_of(head) == headers_of(get)
    again = client.head(COMMITMENT)
    assert again.get_data() == b"" and headers_of(again) == headers_of(get)
    assert int(again.headers["Content-Length"]) == len(get.get_data())
    assert client.get(COMMITMENT).get_data() == get.get_data()
    assert len(evaluations) == 2  # the HEAD's own, then the GET's, which is kept


def test_if_modified_since_is_still_answered_304_from_memory(client, evaluations):
    first = client.get(COMMITMENT)
    assert client.get(COMMITMENT, headers={"If-Modified-Since": first.headers["Last-Modified"]}).status_code == 304
    assert client.get(COMMITMENT, headers={"If-None-Match": '"another"'}).get_data() == first.get_data()
    assert len(evaluations) == 1


def test_the_bytes_kept_are_bounded_least_recently_used_first(app, evaluations, monkeypatch):
    client, memory = app.test_client(), app.extensions[revalidation.KEY]
    size = len(client.get(COMMITMENT).get_data())
    monkeypatch.setattr(revalidation, "MAXIMUM_TOTAL_BYTES", size * 3 // 2)
    other = f"{DECISION}/commitment?as_of=2025-06-02"
    client.get(other)
    assert memory.body_bytes <= revalidation.MAXIMUM_TOTAL_BYTES and len(memory) == 1
    client.get(other)
    assert len(evaluations) == 2
    client.get(COMMITMENT)  # forgotten, so made anew
    assert len(evaluations) == 3


def test_a_body_past_the_bound_keeps_its_validators_only(client, evaluations, monkeypatch):
    monkeypatch.setattr(revalidation, "MAXIMUM_BODY_BYTES", 100)
    etag = client.get(COMMITMENT).headers["ETag"]
    client.get(COMMITMENT)
    assert len(evaluations) == 2
    assert client.get(COMMITMENT, headers={"If-None-Match": etag}).status_code == 304
    assert len(evaluations) == 2


@pytest.mark.parametrize("url", [COMMITMENT, PAGE])
def test_what_after_request_adds_is_added_to_an_answer_from_memory_once(client, url, evaluations, renderings):
    first, again = client.get(url), client.get(url)
    made = evaluations if url == COMMITMENT else renderings
    assert len(made) == 1  # the second answer came from memory
    for name in ("Access-Control-Allow-Origin", "X-Content-Type-Options", "Date"):
        assert len(again.headers.getlist(name)) == 1, name
    if url == PAGE:
        assert again.headers.getlist("Content-Security-Policy") == first.headers.getlist("Content-Security-Policy")
        assert len(again.headers.getlist("Content-Security-Policy")) == 1


@pytest.fixture
def renderings(app):
    """Each template the app renders."""
    rendered = []

    def count(sender, template, context, **extra):
        rendered.append(template.name)

    template_rendered.connect(count, app)
    yield rendered
    template_rendered.disconnect(count, app)


def test_a_page_whose_scenario_run_is_under_way_is_not_remembered(client, renderings, monkeypatch):
    monkeypatch.setattr("service.views.pages.run_if_done", lambda decision_id: None)
    client.get(PAGE)
    client.get(PAGE)
    assert renderings == ["decision.html", "decision.html"]
    monkeypatch.undo()
    client.get(PAGE)
    client.get(PAGE)
    assert renderings == ["decision.html"] * 3


def test_what_a_client_chooses_counts_toward_the_bound(app, monkeypatch):
    """Hosts and URLs are the client's to choose: kept with validators only, they still
    count, so that cycling through them cannot grow a worker's memory past the bound."""
    client, memory = app.test_client(), app.extensions[revalidation.KEY]
    monkeypatch.setattr(revalidation, "MAXIMUM_BODY_BYTES", 0)
    monkeypatch.setattr(revalidation, "MAXIMUM_TOTAL_BYTES", 2_000)
    for number in range(40):
        client.get(COMMITMENT, base_url=f"http://{'x' * 60}.{'y' * 60}.{'z' * 60}.{number}.example")
        assert memory.body_bytes <= revalidation.MAXIMUM_TOTAL_BYTES
    assert 0 < len(memory) < 10
