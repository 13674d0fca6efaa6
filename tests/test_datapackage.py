"""Every list whole as CSV (streamed, not paged), the changes as CSV, and the Frictionless
Data Package that describes them, which frictionless itself accepts."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from urllib.parse import urlsplit

import frictionless
import pytest

from service.export import export
from service.storage.store import Answer, Draft
from tests.recording import EVENTS, REFERRAL, links, record, registrar

DECISION = "/v1/decisions/ks-2024-1371-481"
#: One more than the longest page (openapi.yaml: Limit).
LONG = 101


def rows(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True), newline="")))


def header(response) -> list[str]:
    return next(csv.reader(io.StringIO(response.get_data(as_text=True), newline="")))


@pytest.fixture
def long_log(app):
    """The shipped facts and ``LONG`` referrals recorded over the API: longer than a page."""
    # Two registrars: one token may make only 100 writes at once (WRITE_LIMIT), then one a
    # second, and a fast machine records the 101 within that second.
    client, writers = app.test_client(), (registrar(app), registrar(app, "registrator-2"))
    for number in range(LONG):
        record(client, writers[number % 2], REFERRAL)
    return 2 + LONG


def test_events_as_csv_without_page_or_limit_are_the_whole_log_streamed(client, long_log):
    answer = client.get(EVENTS, query_string={"format": "csv"})
    assert answer.status_code == 200 and answer.is_streamed
    assert [int(row["event_id"]) for row in rows(answer)] == list(range(1, long_log + 1))
    assert "Link" not in answer.headers
    assert int(answer.headers["Content-Length"]) == len(answer.get_data())


def test_events_as_csv_with_page_or_limit_stay_paged(client, long_log):
    for query in ({"limit": 100}, {"page": 1}, {"page": 2, "limit": 100}):
        answer = client.get(EVENTS, query_string={"format": "csv", **query})
        expected = client.get(EVENTS, query_string=query).json["items"]
        assert [row["event_id"] for row in rows(answer)] == [str(e["event_id"]) for e in expected]
        assert "last" in links(answer)
    assert len(rows(client.get(EVENTS, query_string={"format": "csv", "limit": 100}))) == 100


def test_json_stays_paged_without_page_or_limit(client, long_log):
    answer = client.get(EVENTS)
    assert len(answer.json["items"]) == 20 and answer.json["total"] == long_log
    assert "next" in links(answer)


def test_accept_text_csv_without_page_gives_the_whole_list_too(client, long_log):
    answer = client.get(EVENTS, headers={"Accept": "text/csv"})
    assert len(rows(answer)) == long_log
    assert answer.get_data() == client.get(EVENTS, query_string={"format": "csv"}).get_data()


def test_a_whole_csv_has_the_strong_etag_of_its_bytes_and_answers_304(client, long_log):
    from service.http.caching import body_digest

    answer = client.get(EVENTS, query_string={"format": "csv"})
    digest = body_digest("text/csv")
    digest.update(answer.get_data())
    assert answer.headers["ETag"] == f'"{digest.hexdigest()}"'
    again = client.get(EVENTS, query_string={"format": "csv"}, headers={"If-None-Match": answer.headers["ETag"]})
    assert again.status_code == 304 and again.get_data() == b""


def test_a_whole_csv_changes_with_the_log(app, client, long_log):
    before = client.get(EVENTS, query_string={"format": "csv"})
    record(client, registrar(app, "another"), REFERRAL)
    after = client.get(EVENTS, query_string={"format": "csv"}, headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200 and len(rows(after)) == long_log + 1


def test_the_changes_come_as_csv_whole_and_paged(client, long_log):
    whole = client.get("/v1/changes", query_string={"format": "csv"})
    assert whole.mimetype == "text/csv" and whole.headers["Content-Disposition"] == 'attachment; filename="changes.csv"'
    assert [int(row["event_id"]) for row in rows(whole)] == list(range(1, long_log + 1))
    assert {row["decision_id"] for row in rows(whole)} == {"ks-2024-1371-481"}
    assert header(whole) == header(client.get(EVENTS, query_string={"format": "csv"}))
    page = client.get("/v1/changes", query_string={"format": "csv", "limit": 5})
    following = client.get(links(page)["next"])
    assert [row["event_id"] for row in rows(following)] == ["6", "7", "8", "9", "10"] and "next" in links(following)
    assert client.get("/v1/changes", headers={"Accept": "text/csv"}).mimetype == "text/csv"


def test_the_changes_csv_follows_since_and_the_order_of_the_json(store_app):
    client, writer = store_app.test_client(), registrar(store_app)
    since = client.get("/v1/changes").json["items"][-1]["recorded_at"]
    record(client, writer, REFERRAL)
    store = store_app.extensions["medfin"]
    store.ensure_decision("ks-2099-1-1")
    draft = Draft("adoption", date(2099, 1, 1), {"body": "Kommunfullmäktige"})
    store.append(
        "ks-2099-1-1", draft, recorded_by="test", check=lambda *_: None, answer=lambda _: Answer(201, b"", None)
    )
    whole = rows(client.get("/v1/changes", query_string={"format": "csv", "since": since}))
    paged = client.get("/v1/changes", query_string={"since": since}).json["items"]
    assert [(r["event_id"], r["decision_id"]) for r in whole] == [(str(e["event_id"]), e["decision_id"]) for e in paged]
    assert [r["decision_id"] for r in whole] == ["ks-2024-1371-481", "ks-2099-1-1"]


def test_a_whole_log_is_read_in_batches(app, client, long_log, monkeypatch):
    from service.views import events

    monkeypatch.setattr(events, "BATCH", 7)
    fix = record(client, registrar(app, "fixer"), {"type": "correction", "corrects": 3, "reason": "Fel"})
    found = rows(client.get(EVENTS, query_string={"format": "csv"}))
    assert [int(row["event_id"]) for row in found] == list(range(1, long_log + 2))
    assert found[2]["corrected_by"] == str(fix["event_id"])
    changes = rows(client.get("/v1/changes", query_string={"format": "csv"}))
    assert [row["event_id"] for row in changes] == [row["event_id"] for row in found]


# ---------------------------------------------------------------- the data package


def package(client) -> dict:
    answer = client.get("/v1/datapackage.json")
    assert answer.status_code == 200 and answer.mimetype == "application/json"
    return answer.json


def local(url: str) -> str:
    """A resource's absolute URL as the test client asks for it."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def test_every_list_is_a_resource_under_the_public_base_url(client):
    document = package(client)
    assert document["licenses"][0]["name"] == "CC0-1.0"
    paths = [r["path"] for r in document["resources"]]
    assert paths == [
        "http://127.0.0.1:8000/v1/decisions?format=csv",
        "http://127.0.0.1:8000/v1/changes?format=csv",
        *(f"http://127.0.0.1:8000{DECISION}/{name}?format=csv" for name in ("rules", "events", "financing-plan")),
        f"http://127.0.0.1:8000{DECISION}/traceability?format=csv",
    ]


def test_the_package_follows_the_configured_public_base_url(tmp_path):
    from tests.contract import contract_app

    app = contract_app(f"sqlite:///{tmp_path / 'medfin.sqlite3'}", PUBLIC_BASE_URL="https://data.example/medfin/")
    document = package(app.test_client())
    assert document["homepage"] == "https://data.example/medfin/"
    assert all(r["path"].startswith("https://data.example/medfin/v1/") for r in document["resources"])


def test_every_schema_names_exactly_the_live_csvs_header(client, long_log):
    for resource in package(client)["resources"]:
        answer = client.get(local(resource["path"]))
        assert answer.status_code == 200 and answer.mimetype == "text/csv", resource["path"]
        assert header(answer) == [f["name"] for f in resource["schema"]["fields"]], resource["name"]
        assert "Link" not in answer.headers


def test_amounts_are_decimal_numbers_and_keys_are_declared(client):
    resources = {r["name"]: r for r in package(client)["resources"]}
    amount = next(f for f in resources["decisions"]["schema"]["fields"] if f["name"] == "amount")
    assert (amount["type"], amount["decimalChar"], amount["bareNumber"]) == ("number", ".", True)
    assert resources["ks-2024-1371-481-events"]["schema"]["primaryKey"] == ["event_id"]
    assert "primaryKey" not in resources["ks-2024-1371-481-traceability"]["schema"]


def test_each_live_csv_is_valid_against_its_schema(client, long_log, tmp_path):
    for resource in package(client)["resources"]:
        target = tmp_path / f"{resource['name']}.csv"
        target.write_bytes(client.get(local(resource["path"])).get_data())
        descriptor = {**resource, "path": target.name}
        report = frictionless.Resource(descriptor, basepath=str(tmp_path)).validate()
        assert report.valid, (resource["name"], report.flatten(["rowNumber", "fieldName", "type", "note"]))


def test_the_exported_package_validates_offline(app, client, long_log, tmp_path):
    export(app, tmp_path)
    document = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in document["resources"]] == [
        "v1/decisions.csv",
        "v1/changes.csv",
        *(f"v1/decisions/ks-2024-1371-481/{name}.csv" for name in ("rules", "events", "financing-plan")),
        "v1/decisions/ks-2024-1371-481/traceability.csv",
    ]
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["taskName", "rowNumber", "fieldName", "type", "note"])
    events = next(task for task in report.tasks if task.name == "ks-2024-1371-481-events")
    assert events.stats["rows"] == long_log
    live = package(client)
    assert [r["schema"] for r in document["resources"]] == [r["schema"] for r in live["resources"]]


def test_frictionless_finds_a_csv_that_breaks_its_schema(app, tmp_path):
    export(app, tmp_path)
    decisions = tmp_path / "v1" / "decisions.csv"
    decisions.write_text(decisions.read_text(encoding="utf-8").replace(",1000000.00,", ",en miljon,"), "utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert [error.type for error in report.tasks[0].errors] == ["type-error"]


def test_the_data_package_is_cached_as_the_decision_data(client):
    answer = client.get("/v1/datapackage.json")
    assert answer.headers["Cache-Control"] == "public, max-age=3600"
    again = client.get("/v1/datapackage.json", headers={"If-None-Match": answer.headers["ETag"]})
    assert again.status_code == 304
