"""Every string a request carries is text: valid Unicode without control characters
(tab and line breaks only in free text), in the body (member names too), the path, the
query and the headers the API reads; anything else is a 400 naming where it is, and
nothing is stored. Error bodies quote at most 100 characters of what was sent."""

from __future__ import annotations

import json
import re

import jsonschema_rs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from marshmallow import ValidationError

from service.shared.text import FREE_TEXT_PATTERN, LINE_PATTERN, WEB_ADDRESS_PATTERN, FreeText, Line, WebAddress
from tests.contract import assert_problem, spec
from tests.examples import DECISION, what_if
from tests.recording import ADOPTION, EVENTS, record

EVALUATE = f"{DECISION}/evaluate"
#: What no line may hold, one of each kind: NUL, ESC, a tab, LF, CR, DEL, a C1 control.
CONTROLS = ["\x00", "\x1b", "\t", "\n", "\r", "\x7f", "\x85", "\x9b"]
SURROGATE = "\ud800"
PAYMENT = {
    "type": "disbursement",
    "paid_on": "2025-03-01",
    "amount": "1000.00",
    "funding_source": "reserverade-medel-for-oforutsett",
    "recipient": "stiftelsen-flemingsberg-science",
    "reference": "ver 1",
    "source": {"url": "https://example.org/v", "evidence": "voucher"},
}
#: Every string member of every event type a registrar sends, as (event, pointer) with a
#: valid value there, into which the tests put hostile text.
STRING_MEMBERS = [
    (ADOPTION, "/body"),
    (ADOPTION, "/reference"),
    ({"type": "eruf_decision", "decided_on": "2024-12-16", "outcome": "approved", "reference": "x"}, "/reference"),
    (PAYMENT, "/reference"),
    (PAYMENT, "/source/url"),
    (PAYMENT, "/funding_source"),
    (PAYMENT, "/source/evidence"),
    ({"type": "correction", "corrects": 1, "reason": "fel"}, "/reason"),
]


def put(document: dict, pointer: str, value: object) -> dict:
    """A deep copy of ``document`` with ``value`` at ``pointer``."""
    copy = json.loads(json.dumps(document))
    *parents, last = pointer.strip("/").split("/")
    inner = copy
    for name in parents:
        inner = inner[name]
    inner[last] = value
    return copy


def as_json(document: object) -> str:
    """JSON text as a client writes it, escaping what is not ASCII (``"\\ud800"`` included)."""
    return json.dumps(document)


@pytest.fixture
def store_client(store_app):
    return store_app.test_client()


def test_the_spec_says_the_same_text_rules_as_the_app():
    inputs = spec()["components"]["schemas"]
    free_text = inputs["CorrectionInput"]["properties"]["reason"]
    assert free_text["pattern"] == FREE_TEXT_PATTERN and free_text["x-free-text"] is True
    lines = [("AdoptionInput", "body"), ("AdoptionInput", "reference"), ("DisbursementInput", "reference")]
    for schema, member in lines:
        assert inputs[schema]["properties"][member]["pattern"] == LINE_PATTERN
    assert inputs["SourceInput"]["properties"]["url"]["pattern"] == WEB_ADDRESS_PATTERN
    assert spec()["components"]["parameters"]["Diarienummer"]["schema"]["pattern"] == LINE_PATTERN


def spec_accepts(pattern: str, text: str) -> bool:
    """What the validator schemathesis uses (jsonschema-rs) says of ``text``; a pattern cannot
    say anything of an unpaired surrogate, which that validator cannot even be given."""
    if any("\ud800" <= c <= "\udfff" for c in text):
        return True
    return jsonschema_rs.Draft202012Validator({"pattern": pattern}).is_valid(text)


def app_accepts(field, text: str) -> bool:
    try:
        field.deserialize(text)
    except ValidationError:
        return False
    return True


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(st.text(st.characters(codec=None, exclude_categories=()), max_size=12))
@example("\ufeff")
@example("a\r\n")
def test_line_and_free_text_accept_what_the_spec_patterns_match(text):
    """The app and the spec agree on every string, but for what a pattern cannot say: an
    unpaired surrogate is refused by the app alone."""
    sayable = not any("\ud800" <= c <= "\udfff" for c in text)
    assert app_accepts(Line(), text) is (spec_accepts(LINE_PATTERN, text) and sayable), text
    in_spec = spec_accepts(FREE_TEXT_PATTERN, text) and len(text) >= 1  # minLength: 1
    assert app_accepts(FreeText(max_length=100), text) is (in_spec and sayable), text


@settings(max_examples=200, derandomize=True, database=None, deadline=None)
@given(st.one_of(st.from_regex(r"\Ahttps?://[ -~]{0,20}\Z"), st.text(max_size=12)))
@example("https://0.a")
@example("http://a.se/ä")
@example("https://www.huddinge.se/\x00")
def test_a_web_address_is_what_the_spec_pattern_matches(text):
    assert app_accepts(WebAddress(), text) is spec_accepts(WEB_ADDRESS_PATTERN, text), text


@pytest.mark.parametrize(
    ("text", "line", "free"),
    [
        ("Kommunstyrelsen § 12", True, True),
        ("abc\n", False, True),  # Python's $ matches before a final LF; JSON Schema's does not
        ("a\tb", False, True),
        ("a\r\nb", False, True),
        ("a\rb", False, False),
        ("\ufeff", True, False),  # a byte order mark alone: nothing left once it is dropped
        ("\x00", False, False),
        ("\x1b[31m", False, False),
        ("\x7f", False, False),
        ("\x9f", False, False),
        ("x\ud800", False, False),
    ],
    ids=repr,
)
def test_line_and_free_text_examples(text, line, free):
    assert app_accepts(Line(), text) is line
    assert app_accepts(FreeText(max_length=100), text) is free
    if "\ud800" not in text:
        assert spec_accepts(LINE_PATTERN, text) is line
        assert spec_accepts(FREE_TEXT_PATTERN, text) is free


def test_free_text_keeps_crlf_as_lf_drops_a_leading_bom_and_keeps_tabs(store_client, writer):
    body = {"type": "correction", "corrects": 1, "reason": "\ufeffFel belopp.\r\nRad två:\tny."}
    stored = record(store_client, writer, body)
    assert stored["reason"] == "Fel belopp.\nRad två:\tny."
    shown = store_client.get(f"{EVENTS}/{stored['event_id']}").json
    assert shown["reason"] == "Fel belopp.\nRad två:\tny."


@pytest.mark.parametrize(("event", "pointer"), STRING_MEMBERS, ids=[f"{e['type']}{p}" for e, p in STRING_MEMBERS])
def test_a_control_or_surrogate_in_any_string_of_an_event_is_a_400_and_nothing_is_stored(
    store_client, writer, event, pointer
):
    for bad in (SURROGATE, *CONTROLS):
        if pointer == "/reason" and bad in ("\t", "\n"):
            continue  # free text holds tabs and line feeds
        value = f"https://example.org/ab{bad}cd" if pointer.endswith("url") else f"ab{bad}cd"
        body = as_json(put(event, pointer, value))
        problem = assert_problem(store_client.post(EVENTS, data=body, content_type="application/json", headers=writer))
        assert problem["status"] == 400 and problem["type"] == "http://127.0.0.1:8000/problems/validation-error", (
            problem
        )
        assert pointer in [e["pointer"] for e in problem["errors"]], (bad, problem)
    assert store_client.get(EVENTS).json["total"] == 2  # the shipped facts alone
    for url in (f"{EVENTS}?format=csv", "/v1/changes", f"/decisions/{DECISION.rsplit('/', 1)[1]}"):
        assert store_client.get(url).status_code == 200


def test_an_encoded_surrogate_is_not_json(store_client, writer):
    body = b'{"type": "adoption", "decided_on": "2024-09-16", "body": "x\xed\xa0\x80y"}'
    response = store_client.post(EVENTS, data=body, content_type="application/json", headers=writer)
    problem = assert_problem(response, 400)
    assert problem["type"] == "http://127.0.0.1:8000/problems/malformed-json"
    assert "UTF-8" in problem["detail"]


@pytest.mark.parametrize(
    ("body", "pointer"),
    [
        (put(what_if(), "/interpretations", {f"x{SURROGATE}y": "a"}), "/interpretations/x\\ud800y"),
        (put(what_if(), "/interpretations", {"three-years": f"a{SURROGATE}"}), "/interpretations/three-years"),
        ({**what_if(), f"extra{SURROGATE}": 1}, "/extra\\ud800"),
        (put(what_if(), "/facts/extra\x00", 1), "/facts/extra\x00"),
        (put(what_if(), "/interpretations", {"three-years\x1b": "a"}), "/interpretations/three-years\x1b"),
    ],
    ids=["surrogate in a name", "surrogate in an option", "surrogate in a field", "NUL in a field", "ESC in a name"],
)
def test_evaluate_with_a_surrogate_or_control_in_a_name_is_a_400_pointing_at_it(client, body, pointer):
    problem = assert_problem(client.post(EVALUATE, data=as_json(body), content_type="application/json"), 400)
    assert problem["type"] == "http://127.0.0.1:8000/problems/validation-error"
    assert pointer in [e["pointer"] for e in problem["errors"]], problem


@settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],  # one store: nothing is to be stored in it
)
@given(
    member=st.sampled_from(STRING_MEMBERS),
    text=st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=8).filter(
        lambda t: re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]", t)
    ),
)
def test_hostile_text_in_an_event_is_refused_and_every_read_still_answers(store_client, writer, member, text):
    """Whatever hostile text hypothesis finds, the write is a 400, and the reads stay 200."""
    event, pointer = member
    body = as_json(put(event, pointer, text))
    assert_problem(store_client.post(EVENTS, data=body, content_type="application/json", headers=writer), 400)
    assert store_client.get(EVENTS).json["total"] == 2  # the shipped facts alone
    for url in (f"{EVENTS}?format=csv", "/v1/changes"):
        assert store_client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("url", "headers", "parameter"),
    [
        (f"{DECISION}%00", {}, "decision_id"),
        (f"{DECISION}/rules%1B", {}, "path"),
        (f"{EVENTS}/1%7F", {}, "event_id"),
        ("/docs/assets/swagger-ui.css%00", {}, "filename"),
        ("/v1/decisions?format=csv%00", {}, "format"),
        ("/v1/decisions?diarienummer=KS%C2%85", {}, "diarienummer"),
        ("/v1/decisions?anything=%FF", {}, "anything"),
        ("/v1/changes?since=2025-01-01T00:00:00Z%00", {}, "since"),
        ("/v1/decisions", {"Accept": "text/csv\x1b"}, "Accept"),
        (DECISION, {"If-None-Match": '"x"\x00'}, "If-None-Match"),
        ("/openapi.yaml", {"Accept": "application/yaml\x85".encode().decode("latin-1")}, "Accept"),
        ("/", {"Accept": "text/html\xff"}, "Accept"),
    ],
)
def test_a_control_or_invalid_utf8_in_the_path_query_or_a_read_header_is_a_400_naming_it(
    client, url, headers, parameter
):
    problem = assert_problem(client.get(url, headers=headers), 400)
    assert problem["type"] == "http://127.0.0.1:8000/problems/validation-error"
    assert [e["parameter"] for e in problem["errors"]] == [parameter], problem


def test_a_path_that_is_not_utf8_is_a_400_naming_the_parameter(client):
    # As a server hands it over (PEP 3333: the bytes as Latin-1); the test client would
    # have replaced the byte with U+FFFD already.
    response = client.get(DECISION, environ_overrides={"PATH_INFO": f"{DECISION}\xff"})
    problem = assert_problem(response, 400)
    assert [e["parameter"] for e in problem["errors"]] == ["decision_id"], problem


def test_a_header_may_hold_tabs_as_http_allows(client):
    assert client.get("/v1/decisions", headers={"Accept": "text/csv,\tapplication/json"}).status_code == 200


def test_a_cached_answer_is_not_given_to_a_request_with_a_bad_header(client):
    etag = client.get(DECISION).headers["ETag"]
    assert client.get(DECISION, headers={"If-None-Match": etag}).status_code == 304
    assert_problem(client.get(DECISION, headers={"If-None-Match": etag, "Accept": "*/*\x00"}), 400)


def test_an_idempotency_key_outside_the_spec_is_a_400_naming_it(store_client, writer):
    for key in ["ver\x1b1", "ver\x001", " ver", "ver ", "v" * 201, "nyckel-ö"]:
        headers = {**writer, "Idempotency-Key": key.encode().decode("latin-1")}  # as UTF-8 on the wire
        problem = assert_problem(store_client.post(EVENTS, json=ADOPTION, headers=headers), 400)
        assert [e["parameter"] for e in problem["errors"]] == ["Idempotency-Key"], (key, problem)
    assert store_client.get(EVENTS).json["total"] == 2


def test_an_idempotency_key_of_visible_ascii_with_inner_spaces_is_accepted(store_client, writer):
    headers = {**writer, "Idempotency-Key": "ver 2025-0042 ~!"}
    assert store_client.post(EVENTS, json=ADOPTION, headers=headers).status_code == 201
    replayed = store_client.post(EVENTS, json=ADOPTION, headers=headers)
    assert replayed.status_code == 201 and replayed.headers["Idempotent-Replayed"] == "true"


# ------------------------------------------------------------ bounded quoting (issue 8, point 9)
MEGABYTE = 1_000_000  # a name of 1 MB, under the body limit of 1 MiB with the rest of the body


def test_a_megabyte_field_name_gives_a_small_error(client):
    response = client.post(EVALUATE, data=as_json({**what_if(), "x" * MEGABYTE: 1}), content_type="application/json")
    problem = assert_problem(response, 400)
    assert len(response.get_data()) < 4096, len(response.get_data())
    assert [e["pointer"] for e in problem["errors"]] == ["/" + "x" * 100 + "…"]


def test_a_megabyte_field_name_in_an_event_gives_a_small_error(store_client, writer):
    body = as_json({**ADOPTION, "x" * MEGABYTE: 1})
    response = store_client.post(EVENTS, data=body, content_type="application/json", headers=writer)
    problem = assert_problem(response, 400)
    assert len(response.get_data()) < 4096, len(response.get_data())
    assert [e["pointer"] for e in problem["errors"]] == ["/" + "x" * 100 + "…"]


def test_ten_thousand_unknown_fields_give_a_small_error_that_counts_them(client):
    body = {**what_if(), **{f"f{i}": 1 for i in range(10_000)}}
    response = client.post(EVALUATE, data=as_json(body), content_type="application/json")
    problem = assert_problem(response, 400)
    assert len(problem["errors"]) == 20 and "(and 9999 more)" in problem["detail"]
    assert len(response.get_data()) < 4096


@pytest.mark.parametrize("url", [f"/v1/decisions/{'k' * 100_000}", f"/v1/{'n' * 100_000}", f"{EVENTS}/{'9' * 100_000}"])
def test_a_long_path_is_quoted_at_most_100_characters(client, url):
    response = client.get(url)
    problem = assert_problem(response, 404)
    assert len(response.get_data()) < 2048
    assert len(problem["instance"]) < 300


def test_a_reused_idempotency_key_is_quoted_at_most_100_characters(store_client, writer):
    headers = {**writer, "Idempotency-Key": "k" * 200}
    assert store_client.post(EVENTS, json=ADOPTION, headers=headers).status_code == 201
    problem = assert_problem(store_client.post(EVENTS, json={**ADOPTION, "body": "KS"}, headers=headers), 422)
    assert "k" * 100 + "…" in problem["detail"] and "k" * 101 not in problem["detail"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32-le"])
@pytest.mark.parametrize("bad", ["\x7f", "\x85", "\x9f", "\\u0000", "\\ud800"])
def test_a_control_written_raw_or_escaped_in_any_encoding_is_refused(client, encoding, bad):
    text = '{"as_of": "2025-06-01", "facts": {}, "interpretations": {"x' + bad + 'y": "z"}}'
    response = client.post(EVALUATE, data=text.encode(encoding), content_type="application/json")
    problem = assert_problem(response, 400)
    assert problem["type"] == "http://127.0.0.1:8000/problems/validation-error"
    assert len(problem["errors"]) == 1 and problem["errors"][0]["pointer"].startswith("/interpretations/x")
