"""schemathesis over the whole of openapi.yaml, in process against the WSGI app, with a
registrar's token so that writes are really made: every phase (examples, coverage,
fuzzing, and stateful sequences that follow the spec's links from a recorded event to
its reads) and every check schemathesis has, on SQLite and on PostgreSQL. Never a 5xx,
every answer as the spec says, valid data accepted and invalid data refused; the few
statuses a valid request may legitimately get are named in tests/schemathesis.toml.

Bounded and derandomized: the same examples on every run.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from sqlalchemy import delete

from service import create_app
from service.storage import tokens
from service.storage.engine import begin_write
from service.storage.tables import events, idempotency_keys, rate_limits
from tests.contract import SPEC_PATH

CONFIG = SchemathesisConfig.from_path(Path(__file__).with_name("schemathesis.toml"))
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)

# The file the app serves at /openapi.yaml. Each case is sent to the module's app for a
# database kind, which keeps that database for every example;
# schemathesis.pytest.from_fixture would do that too, but it does not run under pytest 9.
schema = schemathesis.openapi.from_path(str(SPEC_PATH), config=CONFIG)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def fuzzed_app(request, tmp_path_factory):
    """One app and database per kind for every example: what the examples record stays,
    as it would in production, and later examples meet it."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('schemathesis') / 'medfin.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres").new_database("medfin_schemathesis")
    # Room for every example's writes, and for the auth checks' wrong tokens, which would
    # otherwise have the right one refused 429 for a while: the limits have tests of their own.
    limits = {"WRITE_LIMIT": 1_000_000, "FAILED_AUTH_LIMIT": 1_000_000}
    app = create_app({"TESTING": True, "DATABASE_URL": url, **limits})
    yield app
    app.extensions["medfin"].engine.dispose()


#: The registrar's token, registered on each database kind's app. Known before the apps
#: exist, because schemathesis makes the spec's explicit examples while it collects.
TOKEN = tokens.PREFIX + secrets.token_urlsafe(32)


@schema.auth()
class RegistrarToken:
    """A registrar's token, as schemathesis's own authentication: the write path is
    fuzzed as well as its refusals, and the auth checks know the token is meant to be
    valid (and that a request without it or with another must be refused)."""

    def get(self, case, context):
        return TOKEN

    def set(self, case, data, context):
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


@pytest.fixture(scope="module")
def registrar(fuzzed_app):
    tokens.create(fuzzed_app.extensions["medfin"].engine, "schemathesis", "registrar", token=TOKEN)


# schemathesis's WSGI transport reads a streamed answer (a Swagger UI file sent with
# send_from_directory) without closing it; the file is closed when collected.
FILE_WARNINGS = [
    pytest.mark.filterwarnings(
        "ignore:Exception ignored in. <_io.FileIO name=.*flask_swagger_ui:pytest.PytestUnraisableExceptionWarning"
    ),
    pytest.mark.filterwarnings("ignore:unclosed file <_io.BufferedReader name=.*flask_swagger_ui:ResourceWarning"),
]


@FILE_WARNINGS[0]
@FILE_WARNINGS[1]
@pytest.mark.slow
@schema.parametrize()
@SETTINGS
def test_every_operation_answers_as_the_spec_says(case, fuzzed_app, registrar):
    # Every request goes to this app, the checks' own probes (e.g. a write without the
    # token, which must be refused) included.
    case.operation.schema.app = fuzzed_app
    case.call_and_validate(app=fuzzed_app)


def test_the_fuzzing_really_wrote(fuzzed_app):
    """After the test above on this database kind (pytest runs a module's tests in
    order): the registrar's writes were stored, not only refused."""
    events = fuzzed_app.extensions["medfin"].events("ks-2024-1371-481")
    recorded = [e for e in events if e.recorded_by == "schemathesis"]
    assert len(recorded) >= 5 and len({e.type for e in recorded}) >= 2


@FILE_WARNINGS[0]
@FILE_WARNINGS[1]
@pytest.mark.slow
def test_sequences_of_writes_and_reads_answer_as_the_spec_says(fuzzed_app, registrar):
    """Stateful: a recorded event is read back through the spec's links (getEvent,
    listEvents, getCommitment) and every answer on the way is checked."""

    class Workflow(schema.as_state_machine()):
        def setup(self):
            # Every sequence starts from the shipped facts: hypothesis replays sequences,
            # and the same requests must meet the same log to be answered alike.
            forget_what_was_recorded(fuzzed_app)

        def get_call_kwargs(self, case):
            case.operation.schema.app = fuzzed_app
            return {"app": fuzzed_app}

    Workflow.run(settings=settings(SETTINGS, max_examples=30, stateful_step_count=8))


def forget_what_was_recorded(app) -> None:
    """The store as shipped again: what the tests recorded, its idempotency keys and the
    limits' counts, deleted (corrections first, which point at what they correct)."""
    with begin_write(app.extensions["medfin"].engine) as connection:
        connection.execute(delete(idempotency_keys))
        connection.execute(delete(rate_limits))
        mine = events.c.recorded_by == "schemathesis"
        connection.execute(delete(events).where(mine, events.c.type == "correction"))
        connection.execute(delete(events).where(mine))
    app.extensions["medfin"].reread()  # the log shrank behind the store's back
