"""``medfin export DIR``: static files, byte for byte what the API serves, with an index."""

from __future__ import annotations

import hashlib
import json

import pytest
from click.testing import CliRunner

from service import export as export_module
from service.cli import main
from service.export import ExportError, export
from tests.contract import contract_app
from tests.recording import ADOPTION, record, registrar

DECISION = "v1/decisions/ks-2024-1371-481"


def test_every_file_is_what_the_api_serves(app, client, tmp_path):
    written = export(app, tmp_path)
    index = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    assert [entry["path"] for entry in index["files"]] == [w.path for w in written]
    for entry in index["files"]:
        body = (tmp_path / entry["path"]).read_bytes()
        served = client.get(entry["url"])
        assert body == served.get_data(), entry["url"]
        assert entry["media_type"] == served.mimetype
        assert (entry["bytes"], entry["sha256"]) == (len(body), hashlib.sha256(body).hexdigest())


def test_the_whole_dataset_is_there(app, tmp_path):
    paths = {w.path for w in export(app, tmp_path)}
    assert {"v1/catalog.rdf", "v1/catalog.ttl", "v1/catalog.jsonld", "v1/decisions.json", "v1/decisions.csv"} <= paths
    for name in ("rules", "events", "financing-plan", "traceability"):
        assert {f"{DECISION}/{name}.json", f"{DECISION}/{name}.csv"} <= paths
    assert {"v1/changes.json", "v1/changes.csv"} <= paths
    assert {f"{DECISION}.json", f"{DECISION}/source.json", f"{DECISION}/commitment.json"} <= paths


def test_no_360giving_file_while_no_grant_is_awarded(app, tmp_path):
    """A proposal is no award: .../360giving answers 404, and the catalogue leaves it out."""
    assert not [w.path for w in export(app, tmp_path) if "360giving" in w.path]
    assert b"360giving" not in (tmp_path / "v1" / "catalog.rdf").read_bytes()


def test_the_360giving_files_once_the_adoption_is_recorded(app, client, tmp_path):
    record(client, registrar(app), ADOPTION)
    paths = {w.path for w in export(app, tmp_path)}
    assert {f"{DECISION}/360giving.json", f"{DECISION}/360giving.csv"} <= paths
    grant = json.loads((tmp_path / DECISION / "360giving.json").read_text(encoding="utf-8"))["grants"][0]
    assert grant["awardDate"] == "2024-09-16"
    assert f"/{DECISION}/360giving?format=csv".encode() in (tmp_path / "v1" / "catalog.rdf").read_bytes()


def test_a_long_list_is_written_page_by_page_as_json_and_whole_as_csv(app, client, tmp_path, monkeypatch):
    monkeypatch.setattr(export_module, "PAGE", 1)
    paths = {w.path for w in export(app, tmp_path)}
    assert {f"{DECISION}/events.json", f"{DECISION}/events-page-2.json", "v1/changes-page-2.json"} <= paths
    assert not any(path.endswith("-page-2.csv") for path in paths)
    second = json.loads((tmp_path / DECISION / "events-page-2.json").read_text(encoding="utf-8"))
    assert [e["event_id"] for e in second["items"]] == [2]
    whole = (tmp_path / DECISION / "events.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[0] for line in whole[1:]] == ["1", "2"]


def test_a_url_the_api_does_not_answer_stops_the_export(app, tmp_path, monkeypatch):
    monkeypatch.setattr(export_module, "_single_resources", lambda awarded: [("/v1/decisions/nope", "nope.json")])
    with pytest.raises(ExportError, match="/v1/decisions/nope answered 404"):
        export(app, tmp_path)


def test_cli_writes_the_files_under_the_base_url(tmp_path, monkeypatch):
    database = f"sqlite:///{tmp_path / 'medfin.sqlite3'}"
    monkeypatch.setenv("MEDFIN_DATABASE_URL", database)
    app = contract_app(database)  # an award, so that the 360Giving files carry URIs too
    record(app.test_client(), registrar(app), ADOPTION)
    app.extensions["medfin"].engine.dispose()
    result = CliRunner().invoke(main, ["export", "--base-url", "https://medfin.example.org/", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    assert "index.json" in result.output
    site = tmp_path / "site"
    assert (site / "v1" / "catalog.rdf").read_bytes().startswith(b"<?xml")
    grant = json.loads((site / DECISION / "360giving.json").read_text(encoding="utf-8"))["grants"][0]
    assert grant["dataSource"] == "https://medfin.example.org/v1/decisions/ks-2024-1371-481"
    assert not [p for p in site.rglob("*") if p.is_file() and b"127.0.0.1" in p.read_bytes()]


def test_cli_takes_the_base_url_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDFIN_DATABASE_URL", f"sqlite:///{tmp_path / 'medfin.sqlite3'}")
    monkeypatch.setenv("MEDFIN_PUBLIC_BASE_URL", "https://medfin.example.org")
    result = CliRunner().invoke(main, ["export", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    assert b"https://medfin.example.org/v1/catalog" in (tmp_path / "site" / "v1" / "catalog.ttl").read_bytes()


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        ([], "Pass --base-url with the address the public reaches the API at"),
        (["--base-url", ""], "or set MEDFIN_PUBLIC_BASE_URL"),
        (["--base-url", "medfin.example.org"], "absolute http or https address"),
        (["--base-url", "ftp://medfin.example.org"], "absolute http or https address"),
        (["--base-url", "https://medfin.example.org/?x=1"], "without query or fragment"),
    ],
)
def test_cli_without_a_public_base_url_fails_and_says_what_to_pass(tmp_path, monkeypatch, arguments, said):
    """No export may say 127.0.0.1: without the address the public uses, nothing is written."""
    monkeypatch.setenv("MEDFIN_DATABASE_URL", f"sqlite:///{tmp_path / 'medfin.sqlite3'}")
    result = CliRunner().invoke(main, ["export", *arguments, str(tmp_path / "site")])
    assert result.exit_code == 2, result.output
    assert said in result.output
    assert not (tmp_path / "site").exists()
