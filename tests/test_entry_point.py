"""Where a program starts (GET /v1, or / asking for JSON), the contract as JSON, the
links from each object to its page for people, and query parameters the contract does
not name refused rather than ignored (issue 11)."""

from __future__ import annotations

import json
from importlib.metadata import version

import pytest
import yaml
from markupsafe import escape

from tests.contract import SPEC_PATH, assert_problem

DECISION = "/v1/decisions/ks-2024-1371-481"


def test_the_entry_document_links_every_resource_and_each_answers(client):
    answer = client.get("/v1")
    assert answer.status_code == 200 and answer.headers["ETag"]
    document = answer.json
    assert document["version"] == version("medfin") == yaml.safe_load(SPEC_PATH.read_text())["info"]["version"]
    links = document["links"]
    assert {"decisions", "changes", "steps", "catalog", "openapi_yaml", "openapi_json", "docs"} <= set(links)
    for name, href in links.items():
        assert client.get(href).status_code == 200, (name, href)
    (decision,) = document["decisions"]
    for name, href in client.get(decision["links"]["self"]).json["links"].items():
        if name != "evaluate":  # a POST
            assert client.get(href).status_code == 200, (name, href)


def test_the_home_page_is_the_entry_document_for_a_client_that_asks_for_json(client):
    as_json = client.get("/", headers={"Accept": "application/json"})
    assert (as_json.status_code, as_json.mimetype) == (200, "application/json")
    assert as_json.json == client.get("/v1").json
    as_html = client.get("/", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert as_html.mimetype == "text/html"
    assert "Accept" in as_json.headers["Vary"] and "Accept" in as_html.headers["Vary"]
    assert as_json.headers["ETag"] != as_html.headers["ETag"]


def test_the_contract_as_json_is_the_yaml_read(client):
    answer = client.get("/openapi.json")
    assert (answer.status_code, answer.mimetype) == (200, "application/json")
    read = json.loads(json.dumps(yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8")), default=str))
    assert answer.json == read


def test_objects_link_their_page_for_people(client):
    summary = client.get("/v1/decisions").json["items"][0]
    detail = client.get(DECISION).json
    commitment = client.get(f"{DECISION}/commitment").json
    pages = {summary["links"]["html"], detail["links"]["html"], commitment["links"]["html"]}
    assert pages == {"/decisions/ks-2024-1371-481"}
    assert client.get(pages.pop()).mimetype == "text/html"
    assert client.get(commitment["links"]["events"]).status_code == 200


@pytest.mark.parametrize(
    ("path", "unknown"),
    [("/v1/changes", "modified_since"), (DECISION, "as_of"), (f"{DECISION}/commitment", "asof"), ("/v1", "x")],
)
def test_a_query_parameter_the_contract_does_not_name_is_refused(client, path, unknown):
    problem = assert_problem(client.get(path, query_string={unknown: "2025-01-01"}), 400)
    assert problem["errors"][0]["parameter"] == unknown
    assert f'Unknown query parameter "{unknown}"' in problem["detail"]


def test_a_query_parameter_given_twice_is_refused_rather_than_read_once(client):
    problem = assert_problem(client.get("/v1/decisions?format=csv&format=json"), 400)
    assert problem["errors"] == [{"parameter": "format", "detail": "Given more than once; give it once."}]
    assert_problem(client.get("/v1/decisions?limit=1&limit=x"), 400)
    assert 'Unknown query parameter ""' in assert_problem(client.get("/v1/changes?=x"), 400)["detail"]


def test_every_parameter_the_contract_names_is_still_read(client):
    assert client.get("/v1/changes", query_string={"since": "2025-01-01T00:00:00Z", "limit": 1}).status_code == 200
    assert client.get("/v1/changes", query_string={"after": "p1"}).status_code == 200
    assert client.get(f"{DECISION}/commitment", query_string={"as_of": "2025-06-01"}).status_code == 200
    assert client.get("/v1/decisions", query_string={"format": "csv", "limit": 5}).status_code == 200


def test_a_problems_type_leads_to_a_page_that_explains_it(client):
    from service.http.problems import TYPES
    from service.pages.problem_docs import EXPLANATIONS

    assert set(EXPLANATIONS) == set(TYPES)
    problem = assert_problem(client.get("/v1/changes", query_string={"modified_since": "x"}), 400)
    assert problem["type"] == "http://127.0.0.1:8000/problems/validation-error"
    page = client.get(problem["type"].removeprefix("http://127.0.0.1:8000"))
    assert (page.status_code, page.mimetype) == (200, "text/html")
    html = page.get_data(as_text=True)
    assert "<h1>The request is not valid</h1>" in html and str(escape(EXPLANATIONS["validation-error"][1])) in html
    for slug in TYPES:
        assert client.get(f"/problems/{slug}").status_code == 200, slug
    assert_problem(client.get("/problems/no-such-type"), 404)


def test_the_problem_types_follow_the_public_address(store_app):
    store_app.config["PUBLIC_BASE_URL"] = "https://medfin.example.se"
    problem = store_app.test_client().get("/v1/decisions/ks-1999-1-1").get_json()
    assert problem["type"] == "https://medfin.example.se/problems/unknown-decision"
