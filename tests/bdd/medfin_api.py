"""The public HTTP API as tests/bdd's own checks use it (the steps' API calls are the
vocabulary's: service/steps/vocabulary.py). No steps here: pytest-bdd would not find them."""

from __future__ import annotations

DECISION = "/v1/decisions/ks-2024-1371-481"


def get(client, path: str, **query):
    response = client.get(f"{DECISION}{path}", query_string=query)
    assert response.status_code == 200, response.get_json()
    return response
