"""schemathesis over the whole of openapi.yaml, in process against the WSGI app: valid
and invalid requests to every operation; never a 5xx, and every answer as the spec says
(status, content type, headers, body), with invalid input refused by a 4xx.

Bounded and derandomized: the same examples on every run, a minute or two on two cores.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from service import create_app
from service.storage import tokens
from tests.contract import SPEC_PATH

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


@pytest.fixture(scope="module")
def fuzzed_app(tmp_path_factory):
    """One app and database for every example: what the examples record stays, as it
    would in production, and later examples meet it."""
    database = tmp_path_factory.mktemp("schemathesis") / "medfin.sqlite3"
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{database}"})
    yield app
    app.extensions["medfin"].engine.dispose()


@pytest.fixture(scope="module")
def registrar(fuzzed_app):
    """A writing token, so that the write path is fuzzed as well as its refusals."""
    return tokens.create(fuzzed_app.extensions["medfin"].engine, "schemathesis", "registrar")


# The file the app serves at /openapi.yaml. Each case is sent to the test's own app
# (``app=``), which keeps the database per test; schemathesis.pytest.from_fixture would do
# that too, but it does not run under pytest 9.
schema = schemathesis.openapi.from_path(str(SPEC_PATH))


# schemathesis's WSGI transport reads a streamed answer (a Swagger UI file sent with
# send_from_directory) without closing it; the file is closed when collected.
@pytest.mark.filterwarnings(
    "ignore:Exception ignored in. <_io.FileIO name=.*flask_swagger_ui:pytest.PytestUnraisableExceptionWarning"
)
@pytest.mark.filterwarnings("ignore:unclosed file <_io.BufferedReader name=.*flask_swagger_ui:ResourceWarning")
@pytest.mark.slow
@schema.parametrize()
@settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
def test_every_operation_answers_as_the_spec_says(case, fuzzed_app, registrar):
    case.call_and_validate(app=fuzzed_app, headers={"Authorization": f"Bearer {registrar}"}, checks=CHECKS)
