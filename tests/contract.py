"""openapi.yaml as a test oracle: every answer a test receives is checked against it.

``ContractClient`` is Flask's test client with one addition: each response is validated
with openapi-core against the operation the request hit. A request the spec does not
describe (an unknown path, a method the path lacks) must be answered with an RFC 9457
problem instead. Either way, every money value in a JSON answer must be an exact
decimal string with two decimals.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import yaml
from flask.testing import FlaskClient
from openapi_core import Config, OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from openapi_core.deserializing.media_types.util import json_loads, plain_loads
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound
from werkzeug.wrappers import Request, Response

ROOT = Path(__file__).resolve().parents[1]
SPEC_PATH = ROOT / "openapi.yaml"

#: Members RFC 9457 defines, all of which the service always sends.
PROBLEM_MEMBERS = ("type", "title", "status", "detail", "instance")
#: Keys whose values are amounts of money, wherever they occur in a JSON answer; and
#: ``total``, which is money beside a ``currency`` (elsewhere it counts list items).
MONEY_KEYS = frozenset(
    {"amount", "committed", "disbursed", "remaining", "excess", "nonconforming", "stated_total", "granted_amount"}
    | {"amended_amount"}
)
MONEY = re.compile(r"-?[0-9]+\.[0-9]{2}")
#: Media types openapi-core would hand over as bytes, though the spec says ``type: string``.
TEXT_TYPES = ("text/csv", "application/yaml", "text/css", "text/javascript", "application/rdf+xml", "text/turtle")
BINARY_TYPES = ("image/png",)
#: Methods Flask answers by itself for every route; the spec describes neither.
AUTOMATIC_METHODS = frozenset({"HEAD", "OPTIONS"})


def binary_as_text(value: bytes, **parameters: str) -> str:
    """Bytes as a string of the same length, one character a byte (``type: string``)."""
    return value.decode("latin-1")


@functools.cache
def openapi() -> OpenAPI:
    """The spec as openapi-core reads it, built once per test session."""
    readers = {
        "application/problem+json": json_loads,
        "application/ld+json": json_loads,
        **dict.fromkeys(TEXT_TYPES, plain_loads),
        **dict.fromkeys(BINARY_TYPES, binary_as_text),
    }
    return OpenAPI.from_file_path(str(SPEC_PATH), config=Config(extra_media_type_deserializers=readers))


@functools.cache
def spec() -> dict[str, Any]:
    """The spec as plain data."""
    return yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


def assert_problem(response: Response, status: int | None = None) -> dict[str, Any]:
    """``response`` is an RFC 9457 problem (with ``status``, if given); its body."""
    assert response.mimetype == "application/problem+json", (response.status, response.get_data(as_text=True)[:300])
    body = json.loads(response.get_data())
    assert isinstance(body, dict)
    missing = [member for member in PROBLEM_MEMBERS if member not in body]
    assert not missing, f"problem lacks {missing}: {body}"
    assert body["status"] == response.status_code
    assert all(isinstance(body[member], str) and body[member] for member in ("type", "title", "detail"))
    if status is not None:
        assert response.status_code == status, body
    for error in body.get("errors", []):
        assert set(error) in ({"pointer", "detail"}, {"parameter", "detail"}), error
    return body


def money_values(document: Any, where: str = "") -> list[tuple[str, Any]]:
    """Every ``(pointer, value)`` under a money key in ``document``."""
    found: list[tuple[str, Any]] = []
    if isinstance(document, dict):
        for key, value in document.items():
            pointer = f"{where}/{key}"
            is_money = key in MONEY_KEYS or (key == "total" and "currency" in document)
            if is_money and not isinstance(value, (dict, list)) and value is not None:
                found.append((pointer, value))
            found.extend(money_values(value, pointer))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found.extend(money_values(value, f"{where}/{index}"))
    return found


def assert_money_is_exact(document: Any) -> None:
    """Money is a string of digits with exactly two decimals, everywhere."""
    wrong = [(p, v) for p, v in money_values(document) if not (isinstance(v, str) and MONEY.fullmatch(v))]
    assert not wrong, f"money not written as a two-decimal string: {wrong}"


class SentRequest(WerkzeugOpenAPIRequest):
    """The request as openapi-core sees it; its body was read by the app, and only
    the response is validated here."""

    @property
    def body(self) -> bytes | None:
        return None


def check_response(request: Request, response: Response) -> None:
    """``response`` is what openapi.yaml promises for ``request``, or a problem where it promises nothing."""
    __tracebackhide__ = True
    if request.method in AUTOMATIC_METHODS and response.status_code < 400:
        return
    try:
        openapi().validate_response(SentRequest(request), WerkzeugOpenAPIResponse(response))
    except (PathNotFound, OperationNotFound):
        assert_problem(response)
    except Exception as error:
        causes = getattr(error, "__cause__", None)
        detail = getattr(causes, "schema_errors", None) or causes or ""
        body = response.get_data(as_text=True)[:600]
        raise AssertionError(
            f"{request.method} {request.full_path.rstrip('?')} answered {response.status} ({response.mimetype}), "
            f"which openapi.yaml does not allow: {error!r} {detail}\n{body}"
        ) from error
    # The contract as JSON is no answer about money: its request examples show what a
    # client may send (a whole amount as a JSON number, too).
    if response.is_json and request.path != "/openapi.json":
        assert_money_is_exact(response.get_json())


class ContractClient(FlaskClient):
    """A test client that fails the test when an answer breaks the contract."""

    def open(self, *args: Any, **kwargs: Any) -> Any:
        __tracebackhide__ = True
        response = super().open(*args, **kwargs)
        check_response(response.request, response)
        return response


def contract_app(database_url: str, **config: Any) -> Any:
    """``create_app`` for a test: on ``database_url``, in testing mode unless ``config``
    says otherwise, its test client checking every answer against openapi.yaml."""
    from service import create_app

    app = create_app({"TESTING": True, "DATABASE_URL": database_url, **config})
    app.test_client_class = ContractClient
    return app
