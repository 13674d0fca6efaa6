"""No acknowledged-or-not ambiguity: a write is stored only if its answer was already
built and encoded, and whatever is stored, every read can serve (issue 8, point 2).

Hypothesis puts hostile text (unpaired surrogates, as JSON escapes or as raw bytes; NUL
and other controls; lone CR; a byte order mark; formula prefixes; very long strings)
into each string field of each event type in turn (the appeal and the project start
of issue 9 included), on SQLite and PostgreSQL. Either the
write is refused with a 4xx and nothing is stored, or it is answered 201 and the event
reads back as answered, in every read that shows it.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from service.storage.store import Draft
from service.views.events import created
from tests.contract import contract_app
from tests.examples import payment
from tests.recording import EVENTS, REFERRAL, record, registrar

DECISION_ID = "ks-2024-1371-481"
ADOPTION_DAY = date(2024, 9, 16)
SOURCE = {"url": "https://www.huddinge.se/protokoll", "evidence": "protocol"}

#: A valid body of each event type, to put hostile text into one field at a time.
#: The correction's target is filled in per example (each event may be corrected once).
BASES = {
    "adoption": {**REFERRAL, "source": SOURCE},
    "eruf_decision": {
        "type": "eruf_decision",
        "decided_on": "2024-12-16",
        "outcome": "approved",
        "granted_amount": "4400000.00",
        "reference": "Tillväxtverket",
        "source": SOURCE,
    },
    "disbursement": {"type": "disbursement", **payment("1.00", "2025-03-01"), "reference": "V 1", "source": SOURCE},
    "correction": {"type": "correction", "corrects": None, "reason": "Fel belopp", "source": SOURCE},
    "appeal": {
        "type": "appeal",
        "lodged_on": "2024-10-01",
        "outcome": "pending",
        "reference": "Mål 1234-24",
        "source": SOURCE,
    },
    "project_start": {"type": "project_start", "started_on": "2025-02-01", "reference": "Startmöte", "source": SOURCE},
}
#: The decision an appeal is lodged against (an appeal needs one on record).
ADOPTED = {"type": "adoption", "decided_on": "2024-09-16", "body": "Kommunstyrelsen", "source": SOURCE}
#: Every string a registrar may send, by JSON pointer, for each type; ``*`` is a member
#: name the schema does not know.
STRING_FIELDS = [
    (kind, pointer)
    for kind, base in BASES.items()
    for pointer in [
        *(f"/{name}" for name, value in base.items() if isinstance(value, str)),
        "/source/url",
        "/source/evidence",
        "/*",
    ]
]

HOSTILE = st.one_of(
    st.sampled_from(
        [
            "x\ud800y",
            "\udfff",
            "\ud83d",
            "a\x00b",
            "\x00",
            "\x1b[31m",
            "\x7f",
            "\x85",
            "rad\rbrytning",
            "rad\r\nbrytning",
            "rad\nbrytning",
            "\ttab",
            "\ufeffBOM",
            '=HYPERLINK("http://example.org")',
            "@SUM(1+1)",
            "+46",
            "-1",
            "\u2028\u2029",
            "Kommunstyrelsen \U0001f3db",
            "é" * 5000,
        ]
    ),
    st.text(st.characters(exclude_categories=()), max_size=40),
    # Text as strange as text may be: any script, emoji, combining marks, format characters.
    st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=40),
)


def _put(body: dict, pointer: str, text: str) -> dict:
    """``body`` with ``text`` at ``pointer`` (``/*``: as an unknown member's name)."""
    body = json.loads(json.dumps(body))
    if pointer == "/*":
        body[text] = "x"
        return body
    *parents, name = pointer.strip("/").split("/")
    target = body
    for parent in parents:
        target = target[parent]
    target[name] = text
    return body


def _wire(body: dict, raw: bool) -> bytes:
    """The JSON as a client sends it: surrogates as ``\\ud800`` escapes, or (``raw``) as
    the bytes ED A0 80 that a careless encoder writes."""
    if raw:
        return json.dumps(body, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return json.dumps(body).encode("ascii")


def _total(client) -> int:
    answer = client.get(EVENTS)
    assert answer.status_code == 200
    return answer.json["total"]


def _all_events(client) -> list[dict]:
    total = _total(client)
    return [
        e
        for page in range(1, (total + 99) // 100 + 1)
        for e in client.get(EVENTS, query_string={"limit": 100, "page": page}).json["items"]
    ]


def _reads_serve(client, stored: dict) -> None:
    """Every read that shows the event answers, and shows it as the write answered."""
    again = client.get(stored["links"]["self"])
    assert again.status_code == 200
    assert again.json == stored
    total = _total(client)
    last_page = {"limit": 100, "page": (total + 99) // 100}
    for path, query in [
        (EVENTS, last_page),
        (EVENTS, {**last_page, "format": "csv"}),
        ("/v1/changes", {"limit": 100, "after": f"p{max(0, stored['event_id'] - 50)}"}),
        ("/v1/decisions/ks-2024-1371-481/commitment", {"as_of": "2025-06-01"}),
        ("/decisions/ks-2024-1371-481", {}),
    ]:
        answer = client.get(path, query_string=query)
        assert answer.status_code == 200, (path, answer.data[:300])
    assert stored["event_id"] in [e["event_id"] for e in client.get(EVENTS, query_string=last_page).json["items"]]


@pytest.fixture
def roomy_app(database_url):
    """An app on a new database of each kind, with room for every example's writes
    (the limit on writes per token has tests of its own)."""
    app = contract_app(database_url, WRITE_LIMIT=1_000_000)
    yield app
    app.extensions["medfin"].engine.dispose()


@pytest.fixture
def client(roomy_app):
    return roomy_app.test_client()


@pytest.fixture
def writer(roomy_app):
    return registrar(roomy_app)


@pytest.mark.slow
@given(field=st.sampled_from(STRING_FIELDS), text=HOSTILE, raw=st.booleans(), data=st.data())
@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_hostile_text_is_refused_or_stored_so_that_every_read_serves_it(client, writer, field, text, raw, data):
    kind, pointer = field
    body = BASES[kind]
    if kind == "correction":  # each example corrects an event of its own
        body = {**body, "corrects": record(client, writer, REFERRAL)["event_id"]}
    if kind == "appeal":  # once per store: a second adoption is a conflict (409), which is fine
        assert client.post(EVENTS, json=ADOPTED, headers=writer).status_code in (201, 409)
    if kind == "project_start":  # a project starts once: correct the start recorded before, if any
        live = [e for e in _all_events(client) if e["type"] == "project_start" and e["corrected_by"] is None]
        for e in live:
            record(client, writer, {"type": "correction", "corrects": e["event_id"], "reason": "Ny start"})
    body = _put(body, pointer, text)
    before = _total(client)
    key = data.draw(st.sampled_from([None, "nyckel-" + str(before)]), label="Idempotency-Key")
    headers = {**writer, "Content-Type": "application/json", **({"Idempotency-Key": key} if key else {})}

    answer = client.post(EVENTS, data=_wire(body, raw), headers=headers)

    assert answer.status_code < 500, answer.data[:500]
    event(f"{kind} answered {answer.status_code}")  # pytest --hypothesis-show-statistics
    if answer.status_code != 201:
        assert answer.mimetype == "application/problem+json"
        assert _total(client) == before, "a refused write must store nothing"
        return
    assert _total(client) == before + 1
    _reads_serve(client, answer.json)
    if key:
        replay = client.post(EVENTS, data=_wire(body, raw), headers=headers)
        assert (replay.status_code, replay.data) == (201, answer.data)
        assert _total(client) == before + 1


HOSTILE_DRAFTS = [
    Draft("adoption", None, {"body": "Kommunstyrelsen\ud800", "reference": None}),
    Draft("adoption", None, {"body": "Kommunstyrelsen", "reference": "\udfff"}),
    Draft("adoption", None, {"body": "Kommunstyrelsen"}, source_url="https://x.se/\x00", source_evidence="protocol"),
    Draft("adoption", None, {"body": "Kommun\x00styrelsen"}),
]


@pytest.mark.parametrize("kept", [False, True], ids=["read-under-lock", "kept-standing"])
@pytest.mark.parametrize("draft", HOSTILE_DRAFTS, ids=["surrogate", "surrogate-reference", "nul-url", "nul-body"])
def test_store_commits_a_write_only_with_its_answer_encoded(roomy_app, draft, kept):
    """Below the schemas (which refuse such text first): the store itself never commits
    an event whose answer could not be made, nor one it cannot read back as answered;
    whether or not it keeps the decision's standing (on PostgreSQL, a write checked
    against a kept one is stored in one statement, answered after its commit)."""
    store = roomy_app.extensions["medfin"]
    before = len(store.events(DECISION_ID))
    if kept:
        store.standing(DECISION_ID)
    else:
        store.reread()  # forgets every standing it kept
    draft = Draft(draft.type, ADOPTION_DAY, draft.payload, draft.source_url, draft.source_evidence)
    try:
        answer = store.append(DECISION_ID, draft, recorded_by="test", check=lambda *_: None, answer=created)
    except Exception:  # refused: by the encoder (surrogates) or the database (NUL on PostgreSQL)
        assert len(store.events(DECISION_ID)) == before
        return
    stored = store.events(DECISION_ID)
    assert len(stored) == before + 1
    assert json.loads(answer.body.decode("utf-8"))["event_id"] == stored[-1].event_id  # bytes, strict UTF-8
    assert created(stored[-1]).body == answer.body
