"""openapi.yaml is a valid OpenAPI document, describes exactly the app's routes, and is
enforced: a response that breaks it fails the test that received it."""

from __future__ import annotations

import json
import re

import pytest
from flask import Flask
from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Response

from service.http.contract import openapi_template
from tests.contract import SPEC_PATH, ContractClient, check_response, spec

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
AUTOMATIC = {"HEAD", "OPTIONS"}


def app_operations(app: Flask) -> dict[tuple[str, str], str]:
    """``(path, method)`` → endpoint, for every route of the app except Flask's own static files."""
    found = {}
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        for method in sorted(rule.methods - AUTOMATIC):
            found[(openapi_template(rule.rule), method.lower())] = rule.endpoint
    return found


def spec_operations() -> dict[tuple[str, str], dict]:
    return {
        (path, method): operation
        for path, item in spec()["paths"].items()
        for method, operation in item.items()
        if method in HTTP_METHODS
    }


def test_openapi_document_is_valid():
    document, base_uri = read_from_filename(str(SPEC_PATH))
    validate(document, base_uri=base_uri)


def test_every_schema_is_a_schema_and_every_example_an_example():
    """An example pasted over a schema of the same name would leave a valid document
    that checks nothing."""
    components = spec()["components"]
    assert [name for name, schema in components["schemas"].items() if "value" in schema] == []
    assert [name for name, example in components["examples"].items() if "value" not in example] == []


def test_openapi_document_is_openapi_3_1_with_licence_and_source():
    info = spec()["info"]
    assert spec()["openapi"].startswith("3.1.")
    assert info["license"]["name"]
    assert "KS-2024/1371.481" in json.dumps(info, ensure_ascii=False)


def test_openapi_template_converts_werkzeug_rules():
    assert openapi_template("/v1/decisions/<decision_id>") == "/v1/decisions/{decision_id}"
    assert openapi_template("/v1/x/<int:event_id>/<path:rest>") == "/v1/x/{event_id}/{rest}"


def test_app_routes_are_exactly_the_spec_paths(app):
    assert {path for path, _ in app_operations(app)} == set(spec()["paths"])


def test_app_methods_are_exactly_the_spec_operations(app):
    assert set(app_operations(app)) == set(spec_operations())


def test_every_operation_id_is_unique():
    ids = [operation["operationId"] for operation in spec_operations().values()]
    assert len(ids) == len(set(ids))


def test_each_view_docstring_names_its_operation_id(app):
    for (path, method), endpoint in app_operations(app).items():
        docstring = app.view_functions[endpoint].__doc__ or ""
        named = re.search(r"operationId: (\w+)", docstring)
        assert named, f"{endpoint} has no 'operationId: ...' in its docstring"
        assert named.group(1) == spec_operations()[(path, method)]["operationId"], (path, method)


def test_every_problem_response_uses_the_problem_schema():
    for (path, method), operation in spec_operations().items():
        for status, response in operation["responses"].items():
            if status.startswith(("4", "5")) or status == "default":
                response = resolve(response)
                assert "application/problem+json" in response["content"], (path, method, status)


def resolve(node: dict) -> dict:
    """Follow local ``$ref``s in the spec: ``#/components/responses/NotFound``."""
    while "$ref" in node:
        target = spec()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def sent(method: str, path: str, **kwargs) -> object:
    return EnvironBuilder(path=path, method=method, **kwargs).get_request()


def json_response(document, status=200, mimetype="application/json") -> Response:
    return Response(json.dumps(document), status=status, mimetype=mimetype)


def test_contract_check_passes_a_real_answer(client):
    response = client.get("/v1/decisions")
    assert response.status_code == 200
    check_response(response.request, response)


@pytest.mark.parametrize(
    "break_it",
    [
        lambda d: d.pop("total"),
        lambda d: d.update(total="one"),
        lambda d: d["items"][0].pop("decision_id"),
        lambda d: d["items"][0].update(amount=1000000.0),
        lambda d: d["items"][0].update(document_date="26 augusti 2024"),
        lambda d: d.update(items={}),
    ],
    ids=["missing total", "total not an integer", "item without id", "amount a float", "bad date", "items an object"],
)
def test_contract_check_catches_a_broken_answer(client, break_it):
    document = client.get("/v1/decisions").json
    break_it(document)
    with pytest.raises(AssertionError, match="openapi.yaml does not allow"):
        check_response(sent("GET", "/v1/decisions"), json_response(document))


def test_contract_check_catches_an_undocumented_status_or_media_type(client):
    document = client.get("/v1/decisions").json
    with pytest.raises(AssertionError):
        check_response(sent("GET", "/v1/decisions"), json_response(document, status=299))
    with pytest.raises(AssertionError):
        check_response(sent("GET", "/v1/decisions"), json_response(document, mimetype="text/html"))


def test_contract_check_catches_a_problem_without_its_members():
    with pytest.raises(AssertionError):
        check_response(sent("GET", "/v1/decisions"), json_response({"status": 400}, 400, "application/problem+json"))


def test_outside_the_spec_only_a_problem_will_do():
    bare = json_response({"error": "not found"}, 404)
    with pytest.raises(AssertionError):
        check_response(sent("GET", "/v1/nowhere"), bare)
    with pytest.raises(AssertionError):
        check_response(sent("DELETE", "/v1/decisions"), json_response({"error": "no"}, 405))


def test_contract_client_fails_the_test_on_a_broken_answer(app):
    app.view_functions["decisions.list_decisions"] = lambda: {"items": "none"}
    client = app.test_client()
    assert isinstance(client, ContractClient)
    with pytest.raises(AssertionError, match="openapi.yaml does not allow"):
        client.get("/v1/decisions")


#: The spec's examples of an evaluation, each the answer to its request example.
EVALUATION_EXAMPLES = [
    ("EvaluatePaymentAllowed", "EvaluationPaymentAllowed"),
    ("EvaluatePaymentOverCap", "EvaluationPaymentOverCap"),
    ("EvaluateThirtySixMonths", "EvaluationThirtySixMonths"),
    ("EvaluateAppealPending", "EvaluationAppealPending"),
]
#: The spec's examples of a read, each the answer to its path as shipped.
READ_EXAMPLES = [
    ("Decision", "/v1/decisions/ks-2024-1371-481"),
    ("RuleList", "/v1/decisions/ks-2024-1371-481/rules"),
    ("FinancingPlan", "/v1/decisions/ks-2024-1371-481/financing-plan"),
    ("CommitmentProposed", "/v1/decisions/ks-2024-1371-481/commitment?as_of=2025-06-01"),
    ("DataPackage", "/v1/datapackage.json"),
]
MOMENT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z")


def _example(name: str) -> object:
    return spec()["components"]["examples"][name]["value"]


def _without_moments(document: object) -> object:
    """``document`` with every moment (when the shipped facts were loaded) the same."""
    return json.loads(MOMENT.sub("<moment>", json.dumps(document, ensure_ascii=False)))


@pytest.mark.parametrize(("request_example", "answer_example"), EVALUATION_EXAMPLES)
def test_each_evaluation_example_is_the_answer_to_its_request(client, request_example, answer_example):
    response = client.post("/v1/decisions/ks-2024-1371-481/evaluate", json=_example(request_example))
    assert response.status_code == 200, response.json
    assert response.json == _example(answer_example)


@pytest.mark.parametrize(("name", "path"), READ_EXAMPLES)
def test_each_read_example_is_the_answer_as_shipped(client, name, path):
    assert _without_moments(client.get(path).json) == _without_moments(_example(name))


def test_the_problem_examples_of_a_write_are_the_answers(store_app):
    from tests.recording import ADOPTION, EVENTS, registrar

    client, writer = store_app.test_client(), registrar(store_app)
    wrong_body = {**ADOPTION, "body": "Botkyrka kommunstyrelse", "reference": "avslag"}
    assert client.post(EVENTS, json=wrong_body, headers=writer).json == _example("ProblemInvalidFact")
    assert (
        client.post(EVENTS, json={k: v for k, v in ADOPTION.items() if k != "reference"}, headers=writer).status_code
        == 201
    )
    second = {"type": "adoption", "decided_on": "2024-10-14", "outcome": "rejected", "body": "Kommunstyrelsen"}
    assert client.post(EVENTS, json=second, headers=writer).json == _example("ProblemConflictingFact")


def json_examples():
    """(where, schema pointer, example value) for every JSON example of a request or an
    answer in openapi.yaml, its ``$ref``s followed."""
    document = spec()
    found = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            bodies = [("requestBody", operation.get("requestBody", {}))]
            bodies += [(f"responses/{status}", answer) for status, answer in operation["responses"].items()]
            for where, body in bodies:
                body = resolve(body)
                for media_type, content in body.get("content", {}).items():
                    if not media_type.endswith("json") or "schema" not in content:
                        continue
                    pointer = f"#/paths/{path.replace('~', '~0').replace('/', '~1')}/{method}/"
                    pointer += ("requestBody" if where == "requestBody" else where) if "$ref" not in body else ""
                    values = [("example", content["example"])] if "example" in content else []
                    values += [(name, resolve(ex)["value"]) for name, ex in content.get("examples", {}).items()]
                    for name, value in values:
                        found.append((f"{method.upper()} {path} {where} {media_type} {name}", content["schema"], value))
    return found


def test_every_json_example_conforms_to_its_schema():
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    wrong = []
    examples = json_examples()
    assert len(examples) >= 40
    for where, schema, value in examples:
        # The schema, placed in the whole document, so that its "#/components/..." resolve.
        document = Resource({**spec(), "$defs": {"probe": schema}}, DRAFT202012)
        registry = Registry().with_resource("urn:medfin:openapi", document)
        validator = Draft202012Validator({"$ref": "urn:medfin:openapi#/$defs/probe"}, registry=registry)
        errors = [e.message for e in validator.iter_errors(value)]
        if errors:
            wrong.append((where, errors[:2]))
    assert wrong == []
