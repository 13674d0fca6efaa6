"""``medfin export DIR``: static files, byte for byte what the API serves, with an index."""

from __future__ import annotations

import hashlib
import json

import pytest
from click.testing import CliRunner

from service import export as export_module
from service.cli import main
from service.export import ExportError, export

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
    for name in ("rules", "events", "financing-plan", "traceability", "360giving"):
        assert {f"{DECISION}/{name}.json", f"{DECISION}/{name}.csv"} <= paths
    assert {"v1/changes.json", "v1/changes.csv"} <= paths
    assert {f"{DECISION}.json", f"{DECISION}/source.json", f"{DECISION}/commitment.json"} <= paths


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
    monkeypatch.setattr(export_module, "_single_resources", lambda: [("/v1/decisions/nope", "nope.json")])
    with pytest.raises(ExportError, match="/v1/decisions/nope answered 404"):
        export(app, tmp_path)


def test_cli_writes_the_files(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDFIN_DATABASE_URL", f"sqlite:///{tmp_path / 'medfin.sqlite3'}")
    result = CliRunner().invoke(main, ["export", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    assert "index.json" in result.output
    assert (tmp_path / "site" / "v1" / "catalog.rdf").read_bytes().startswith(b"<?xml")
