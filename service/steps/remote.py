"""A running medfin as a scenario's client: ``medfin scenarios run --url``.

The vocabulary asks its questions through a Flask test client (``get``, ``post``, and
answers with ``status_code``, ``headers``, ``content_type`` and ``get_json()``); this is
the same surface over HTTP, with requests, so that another authority can run the same
scenarios against the live service. Nothing is written there: the worlds are read-only,
and a step that would record an event is skipped with its reason.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin

import requests

from service.steps.vocabulary import World

#: A scenario's questions are small; a service that takes longer is not answering.
TIMEOUT_SECONDS = 30


class Unreachable(Exception):
    """The service cannot be reached, or answers what is not medfin's API."""


class RemoteResponse:
    def __init__(self, response: requests.Response) -> None:
        self.status_code = response.status_code
        self.headers = response.headers
        self.content_type = response.headers.get("Content-Type", "")
        self._body = response.content

    def get_json(self) -> Any:
        try:
            return json.loads(self._body)
        except ValueError:
            return None


class RemoteClient:
    """GET and POST against ``base_url`` (``https://host/``), paths as the app's own."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "medfin-scenarios"

    def get(self, path: str, query_string: dict[str, str] | None = None, headers: dict | None = None) -> Any:
        return self._send("GET", path, params=query_string, headers=headers)

    def post(self, path: str, json: Any = None, headers: dict | None = None) -> Any:
        return self._send("POST", path, json=json, headers=headers)

    def _send(self, method: str, path: str, **options: Any) -> RemoteResponse:
        url = urljoin(self.base_url, path.lstrip("/"))
        try:
            return RemoteResponse(self.session.request(method, url, timeout=TIMEOUT_SECONDS, **options))
        except requests.RequestException as error:
            raise Unreachable(f"{method} {url}: {error}") from error


def served_decisions(client: RemoteClient) -> list[str]:
    """The decision ids the service lists (the first page suffices: it holds 20)."""
    response = client.get("/v1/decisions", {"limit": "100"})
    document = response.get_json()
    if response.status_code != 200 or not isinstance(document, dict) or "items" not in document:
        raise Unreachable(f"{client.base_url}v1/decisions answered {response.status_code}, not medfin's list.")
    return [item["decision_id"] for item in document["items"]]


def remote_worlds(client: RemoteClient, decision_id: str) -> Callable[[], World]:
    return lambda: World(client=client, decision_id=decision_id, read_only=True)
