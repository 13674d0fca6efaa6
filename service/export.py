"""``medfin export DIR``: the whole dataset as static files, the very bytes the API serves.

Each file is fetched through the app's own test client, in this process, so a file
cannot differ from what the API answers for its URL at the same moment; a CDN or a file
server can then carry the traffic. Files lie where their URL's path says, the
representation in the extension (``/v1/decisions/ks-2024-1371-481/rules?format=csv``
→ ``v1/decisions/ks-2024-1371-481/rules.csv``). A list is one whole CSV (the API's CSV
without ``page`` and ``limit``) and, as JSON, one file per page of 100
(``events-page-2.json``). ``index.json`` lists every file with the URL it came from,
its media type, size and SHA-256. ``datapackage.json`` is the API's
``/v1/datapackage.json`` with each CSV's path relative to the folder, so that the
folder is a Frictionless Data Package that validates offline. A decision's 360Giving
grant is written only once it is awarded, as the catalogue lists it (a proposal is no
award).

Every URI the files give starts with the app's ``PUBLIC_BASE_URL``: the command line
requires it (``--base-url``), so that no export says 127.0.0.1.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from service.formats import data_package, threesixtygiving
from service.http.paging import last_page
from service.storage.decisions import decision_ids, load_decision
from service.views.catalog import OFFERED as CATALOG_FORMATS

#: The longest page a list gives (openapi.yaml: Limit).
PAGE = 100
#: The data package's descriptor, at the top of the folder.
DATAPACKAGE = "datapackage.json"


class ExportError(RuntimeError):
    """The API did not answer a URL with 200: nothing half-made is left unreported."""


@dataclass(frozen=True, slots=True)
class Written:
    """One file of the export, as ``index.json`` lists it."""

    path: str
    url: str
    media_type: str
    bytes: int
    sha256: str


def export(app: Flask, directory: Path) -> list[Written]:
    """Write every resource of the dataset under ``directory``; return what was written."""
    client = FlaskClient(app)
    awarded = threesixtygiving.awarded(app.extensions["medfin"], decision_ids(), datetime.now(UTC))
    written = [_write(client, url, directory, path) for url, path in _single_resources(awarded)]
    written += _paged(client, directory, "/v1/decisions", "v1/decisions")
    for decision_id in decision_ids():
        events = f"v1/decisions/{decision_id}/events"
        written += _paged(client, directory, f"/{events}", events)
    written += _followed(client, directory, "/v1/changes", "v1/changes")
    decisions = [load_decision(decision_id) for decision_id in decision_ids()]
    written += [_write(client, r.url, directory, r.file) for r in data_package.resources(decisions)]
    homepage = str(app.config["PUBLIC_BASE_URL"]).rstrip("/") + "/"
    _write_json(directory / DATAPACKAGE, data_package.descriptor(decisions, lambda resource: resource.file, homepage))
    _write_json(directory / "index.json", {"files": [asdict(w) for w in written], "datapackage": DATAPACKAGE})
    return written


def _write_json(target: Path, document: object) -> None:
    target.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _single_resources(awarded: frozenset[str]) -> list[tuple[str, str]]:
    """(URL, file) for every resource that is not a paged list; the 360Giving grant of the
    decisions in ``awarded`` only."""
    found = [(f"/v1/catalog?format={name}", f"v1/catalog.{name}") for name in CATALOG_FORMATS]
    for decision_id in decision_ids():
        url, path = f"/v1/decisions/{decision_id}", f"v1/decisions/{decision_id}"
        found.append((url, f"{path}.json"))
        for name in ("source", "commitment", "rules", "financing-plan", "traceability"):
            found.append((f"{url}/{name}", f"{path}/{name}.json"))
        # The data package's CSVs are written from its own list (``data_package.resources``);
        # the 360Giving grant only once it is awarded (a proposal is no award).
        if decision_id in awarded:
            found.append((f"{url}/360giving", f"{path}/360giving.json"))
            found.append((f"{url}/360giving?format=csv", f"{path}/360giving.csv"))
    return found


def _paged(client: FlaskClient, directory: Path, url: str, stem: str) -> list[Written]:
    """Every page of a list as JSON (the whole list as CSV is a resource of the data package)."""
    first = client.get(url, query_string={"limit": PAGE})
    pages = last_page(_ok(first, url).get_json()["total"], PAGE)
    written = []
    for page in range(1, pages + 1):
        suffix = "" if page == 1 else f"-page-{page}"
        query = f"limit={PAGE}" + ("" if page == 1 else f"&page={page}")
        written.append(_write(client, f"{url}?{query}", directory, f"{stem}{suffix}.json"))
    return written


def _followed(client: FlaskClient, directory: Path, url: str, stem: str) -> list[Written]:
    """Every page of a feed paged by cursor, following each page's ``next`` while more follow."""
    written, page, query = [], 1, f"limit={PAGE}"
    while True:
        suffix = "" if page == 1 else f"-page-{page}"
        written.append(_write(client, f"{url}?{query}", directory, f"{stem}{suffix}.json"))
        document = json.loads((directory / f"{stem}{suffix}.json").read_bytes())
        if not document["more"]:
            return written
        page, query = page + 1, f"limit={PAGE}&after={document['next']}"


def _write(client: FlaskClient, url: str, directory: Path, path: str) -> Written:
    response = _ok(client.get(url), url)
    body = response.get_data()
    target = directory / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(body)
    return Written(path, url, response.mimetype, len(body), hashlib.sha256(body).hexdigest())


def _ok(response: TestResponse, url: str) -> TestResponse:
    if response.status_code != 200:
        raise ExportError(f"GET {url} answered {response.status}, not 200; nothing more is exported.")
    return response
