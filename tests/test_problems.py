"""No input, however malformed, gives a 5xx: each is a 4xx RFC 9457 problem that says
what was wrong (docs/api.md, Errors). Money comes in exactly and goes out as strings."""

from __future__ import annotations

import json

import pytest

from tests.contract import assert_money_is_exact, assert_problem, contract_app
from tests.examples import DECISION, paid_as_written, payment, what_if, with_facts

EVALUATE = f"{DECISION}/evaluate"
EVENTS = f"{DECISION}/events"
JSON = "application/json"
PAID = "/facts/disbursements/0/"
PROPOSED = "/proposed_disbursement/"
ERUF = {"decided_on": "2024-12-16", "outcome": "approved"}
ERUF_OUTCOME = "/facts/eruf_decision/outcome"


def text(document):
    return json.dumps(document)


def post(client, data, content_type=JSON):
    return client.post(EVALUATE, data=data, content_type=content_type)


@pytest.fixture
def events_total(client):
    """The number of recorded events, read before the test; nothing bad may add one."""
    before = client.get(EVENTS).json["total"]
    yield lambda: client.get(EVENTS).json["total"]
    assert client.get(EVENTS).json["total"] == before


def test_valid_request_body_is_accepted(client):
    """The baseline the bad bodies below are variations of."""
    response = post(client, text(what_if()))
    assert response.status_code == 200, response.json
    assert response.json["proposed_disbursement"]["allowed"] is True


def bad(pointer=None, slug="validation-error"):
    return slug, pointer


#: JSON bodies (as sent, text) and the problem each must give: (type slug, a pointer in errors).
BAD_BODIES = {
    "malformed JSON": ("{", bad(slug="malformed-json")),
    "truncated JSON": (text(what_if())[:-1], bad(slug="malformed-json")),
    "empty body": ("", bad(slug="malformed-json")),
    "not UTF-8": (b'{"as_of": "\xff"}', bad(slug="malformed-json")),
    "NaN literal": (paid_as_written("NaN"), bad(slug="malformed-json")),
    "Infinity literal": (paid_as_written("Infinity"), bad(slug="malformed-json")),
    "-Infinity literal": (paid_as_written("-Infinity"), bad(slug="malformed-json")),
    "5000-digit integer": (paid_as_written("9" * 5000), bad(slug="malformed-json")),
    "deeply nested": ("[" * 100_000 + "]" * 100_000, bad(slug="malformed-json")),
    "a JSON array": ("[]", bad("/")),
    "a JSON string": ('"2025-06-01"', bad("/")),
    "missing as_of": (text({"facts": {}}), bad("/as_of")),
    "missing facts": (text({"as_of": "2025-06-01"}), bad("/facts")),
    "facts not an object": (text(what_if(facts=[])), bad("/facts")),
    "null as_of": (text(what_if(as_of=None)), bad("/as_of")),
    "impossible as_of 2025-02-30": (text(what_if(as_of="2025-02-30")), bad("/as_of")),
    "as_of with a time": (text(what_if(as_of="2025-06-01T00:00:00")), bad("/as_of")),
    "impossible paid_on": (
        text(what_if(proposed_disbursement=payment("1.00", "2025-02-30"))),
        bad(PROPOSED + "paid_on"),
    ),
    "unknown top-level field": (text(what_if(extra=1)), bad("/extra")),
    "unknown fact": (text(with_facts(extra=1)), bad("/facts/extra")),
    "unknown ERUF field": (text(with_facts(eruf_decision={**ERUF, "extra": 1})), bad("/facts/eruf_decision/extra")),
    "unknown disbursement field": (text(with_facts(disbursements=[{**payment("1.00"), "x": 1}])), bad(PAID + "x")),
    "unknown proposed field": (text(what_if(proposed_disbursement={**payment("1.00"), "x": 1})), bad(PROPOSED + "x")),
    "unknown ERUF outcome": (text(with_facts(eruf_decision={**ERUF, "outcome": "maybe"})), bad(ERUF_OUTCOME)),
    "funding source not a slug": (
        text(with_facts(disbursements=[{**payment("1.00"), "funding_source": "<script>"}])),
        bad(PAID + "funding_source"),
    ),
    "unknown interpretation": (
        text(what_if(interpretations={"nope": "x"})),
        bad("/interpretations/nope", "unknown-interpretation"),
    ),
    "unknown option": (
        text(what_if(interpretations={"three-years": "nope"})),
        bad("/interpretations/three-years", "unknown-interpretation"),
    ),
    "option not a string": (text(what_if(interpretations={"three-years": 3})), bad()),
}


@pytest.mark.parametrize(("data", "expected"), BAD_BODIES.values(), ids=BAD_BODIES.keys())
def test_evaluate_bad_body_is_a_400_problem(client, events_total, data, expected):
    slug, pointer = expected
    problem = assert_problem(post(client, data), 400)
    assert problem["type"] == f"http://127.0.0.1:8000/problems/{slug}"
    if slug != "malformed-json":
        assert problem["errors"], problem
    if pointer is not None:
        assert pointer in [e["pointer"] for e in problem["errors"]], problem


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (text(what_if()), "text/plain"),
        ("as_of=2025-06-01", "application/x-www-form-urlencoded"),
        (text(what_if()), "application/xml"),
        (text(what_if()), None),
        ("", None),
    ],
)
def test_evaluate_body_not_sent_as_json_is_415(client, events_total, data, content_type):
    problem = assert_problem(post(client, data, content_type), 415)
    assert problem["type"] == "http://127.0.0.1:8000/problems/unsupported-media-type"


def test_unknown_fields_at_every_level_are_all_reported(client):
    body = what_if(extra=1, facts={"extra": 2, "disbursements": [{**payment("1.00"), "extra": 3}]})
    problem = assert_problem(post(client, text(body)), 400)
    pointers = {e["pointer"] for e in problem["errors"]}
    assert {"/extra", "/facts/extra", "/facts/disbursements/0/extra"} <= pointers
    assert "(and 2 more)" in problem["detail"]


@pytest.mark.parametrize(
    "amount",
    [
        *("-1", '"-1.00"', "0", '"0.00"', "-0.01", '"-0.01"'),  # not positive
        *("1.001", '"1.001"', "0.001", "1E-3", "1e-400"),  # finer than öre
        *("333333.33", "0.01", "1.5"),  # öre in a JSON number: only in a string (openapi.yaml)
        *("1e400", "1000000000000", '"1000000000000.00"'),  # above 999 999 999 999.99
        *('"1e3"', '" 1.00"', '"1,00"', '""', "true", "null", "{}", "[]"),  # not an amount
    ],
)
def test_evaluate_bad_amount_is_a_400_pointing_at_it(client, events_total, amount):
    problem = assert_problem(post(client, paid_as_written(amount)), 400)
    assert problem["type"] == "http://127.0.0.1:8000/problems/validation-error"
    assert [e["pointer"] for e in problem["errors"]] == [PAID + "amount"], problem


def test_eight_megabyte_body_is_refused_413(client, events_total):
    data = b'{"as_of": "' + b"9" * (8 * 1024 * 1024) + b'"}'
    problem = assert_problem(post(client, data), 413)
    assert problem["type"] == "http://127.0.0.1:8000/problems/payload-too-large"


def test_body_just_over_one_mebibyte_is_refused_and_just_under_is_read(client):
    padding = " " * (1024 * 1024 - len(text(what_if())))
    assert post(client, text(what_if()) + padding).status_code == 200
    assert_problem(post(client, text(what_if()) + padding + " "), 413)


@pytest.mark.parametrize(
    ("method", "url", "allowed"),
    [
        ("get", EVALUATE, "POST"),
        ("put", EVALUATE, "POST"),
        ("delete", "/v1/decisions", "GET"),
        ("post", DECISION, "GET"),
        ("patch", f"{DECISION}/commitment", "GET"),
        ("delete", f"{EVENTS}/1", "GET"),
    ],
)
def test_wrong_method_is_405_with_allow(client, method, url, allowed):
    response = getattr(client, method)(url)
    problem = assert_problem(response, 405)
    assert problem["type"] == "http://127.0.0.1:8000/problems/method-not-allowed"
    assert allowed in {m.strip() for m in response.headers["Allow"].split(",")}


@pytest.mark.parametrize(
    ("method", "url", "slug"),
    [
        ("get", "/v1/decisions/ks-2024-9999-999", "unknown-decision"),
        ("get", "/v1/decisions/ks-2024-9999-999/rules", "unknown-decision"),
        ("get", "/v1/decisions/ks-2024-9999-999/commitment", "unknown-decision"),
        ("get", "/v1/decisions/ks-2024-9999-999/financing-plan", "unknown-decision"),
        ("get", "/v1/decisions/ks-2024-9999-999/source", "unknown-decision"),
        ("get", "/v1/decisions/ks-2024-9999-999/events", "unknown-decision"),
        ("post", "/v1/decisions/ks-2024-9999-999/evaluate", "unknown-decision"),
        ("get", "/v1/decisions/..%2F..%2Fetc%2Fpasswd", "not-found"),
        ("get", f"{EVENTS}/999999", "unknown-event"),
        ("get", "/v1/nothing-here", "not-found"),
        ("get", "/docs/assets/..%2F..%2Fpyproject.toml", "not-found"),
        ("get", "/docs/assets/not-an-asset.js", "not-found"),
    ],
)
def test_unknown_resource_is_404(client, method, url, slug):
    kwargs = {"json": what_if()} if method == "post" else {}
    problem = assert_problem(getattr(client, method)(url, **kwargs), 404)
    assert problem["type"] == f"http://127.0.0.1:8000/problems/{slug}"


@pytest.mark.parametrize(
    ("url", "query", "parameter"),
    [
        (f"{DECISION}/commitment", {"as_of": "2025-13-01"}, "as_of"),
        (f"{DECISION}/commitment", {"as_of": "2025-02-30"}, "as_of"),
        (f"{DECISION}/commitment", {"as_of": "yesterday"}, "as_of"),
        (f"{DECISION}/commitment", {"known_as_of": "2025-13-01T00:00:00Z"}, "known_as_of"),
        ("/v1/decisions", {"page": "0"}, "page"),
        ("/v1/decisions", {"page": "-1"}, "page"),
        ("/v1/decisions", {"page": "x"}, "page"),
        ("/v1/decisions", {"page": "9" * 5000}, "page"),
        ("/v1/decisions", {"limit": "1000"}, "limit"),
        ("/v1/decisions", {"limit": "0"}, "limit"),
        ("/v1/decisions", {"format": "xml"}, "format"),
        (f"{DECISION}/financing-plan", {"format": "xml"}, "format"),
        (EVENTS, {"page": "0"}, "page"),
        (EVENTS, {"limit": "101"}, "limit"),
    ],
)
def test_bad_query_is_400_naming_the_parameter(client, url, query, parameter):
    problem = assert_problem(client.get(url, query_string=query), 400)
    assert problem["type"] == "http://127.0.0.1:8000/problems/validation-error"
    assert parameter in [e.get("parameter") for e in problem["errors"]], problem


@pytest.mark.parametrize("url", ["/v1/decisions", f"{DECISION}/financing-plan"])
@pytest.mark.parametrize("accept", ["application/xml", "text/html", "application/json;q=0, text/csv;q=0"])
def test_unacceptable_accept_on_csv_capable_lists_is_406(client, url, accept):
    problem = assert_problem(client.get(url, headers={"Accept": accept}), 406)
    assert problem["type"] == "http://127.0.0.1:8000/problems/not-acceptable"


@pytest.mark.parametrize("url", ["/v1/decisions", f"{DECISION}/financing-plan"])
def test_csv_is_chosen_by_format_or_accept(client, url):
    for response in (client.get(url, query_string={"format": "csv"}), client.get(url, headers={"Accept": "text/csv"})):
        assert response.status_code == 200
        assert response.mimetype == "text/csv"
        assert "attachment" in response.headers["Content-Disposition"]


def test_writing_without_a_token_is_401_and_records_nothing(client, events_total):
    response = client.post(EVENTS, json={"type": "adoption", "decided_on": "2024-09-16", "body": "Kommunstyrelsen"})
    problem = assert_problem(response, 401)
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert problem["type"] == "http://127.0.0.1:8000/problems/unauthorized"


def test_amounts_are_read_exactly(client):
    """333 333.33 paid three times leaves exactly 0.01 of the million (DESIGN.md)."""
    body = paid_as_written('"333333.33"', '"333333.33"', '"333333.33"')
    assert body.count('"amount": "333333.33",') == 3
    response = post(client, body)
    assert response.status_code == 200, response.json
    assert response.json["amounts"]["disbursed"] == "999999.99"
    assert response.json["amounts"]["remaining"] == "0.01"


@pytest.mark.parametrize(
    ("amount", "disbursed"),
    [
        ('"333333.33"', "333333.33"),
        ('"333333.3"', "333333.30"),
        ('"333333"', "333333.00"),
        ("333333", "333333.00"),
        # Whole kronor, as JSON Schema counts an integer: written with a fraction or exponent.
        ("333333.0", "333333.00"),
        ("3.33333E+5", "333333.00"),
    ],
)
def test_amount_as_string_or_number_counts_the_same(client, amount, disbursed):
    response = post(client, paid_as_written(amount))
    assert response.status_code == 200, response.json
    assert response.json["amounts"]["disbursed"] == disbursed


def test_integer_amount_is_written_with_two_decimals(client):
    response = post(client, paid_as_written("1000000"))
    assert response.status_code == 200
    assert response.json["amounts"]["disbursed"] == "1000000.00"
    assert response.json["amounts"]["remaining"] == "0.00"


def test_a_cent_over_the_cap_is_not_allowed(client):
    response = post(client, text(what_if("600000.01")))
    assert response.status_code == 200
    assert response.json["proposed_disbursement"]["allowed"] is False
    assert "amount-cap" in response.json["proposed_disbursement"]["violations"]


@pytest.mark.parametrize(
    "url",
    [
        "/v1/decisions",
        DECISION,
        f"{DECISION}/rules",
        f"{DECISION}/commitment?as_of=2025-06-01",
        f"{DECISION}/financing-plan",
        EVENTS,
    ],
)
def test_every_money_value_is_a_two_decimal_string(client, url):
    document = client.get(url).json
    assert_money_is_exact(document)


def test_money_check_would_catch_a_float_or_a_short_string():
    assert_money_is_exact({"amounts": {"committed": "1000000.00", "remaining": "-0.01"}})
    assert_money_is_exact({"items": [], "total": 1})  # a count of items, not money
    with pytest.raises(AssertionError):
        assert_money_is_exact({"currency": "SEK", "total": 11000000})
    for wrong in (1000000.0, "1000000", "1000000.0", "1 000 000,00", 1000000):
        with pytest.raises(AssertionError):
            assert_money_is_exact({"items": [{"amount": wrong}]})


def test_unexpected_exception_is_a_500_problem_without_traceback(tmp_path):
    app = contract_app(f"sqlite:///{tmp_path / 'medfin.sqlite3'}", TESTING=False)

    def explode():
        raise RuntimeError("secret internal detail")

    app.add_url_rule("/v1/explode", "explode", explode)
    response = app.test_client().get("/v1/explode")
    problem = assert_problem(response, 500)
    assert problem["type"] == "http://127.0.0.1:8000/problems/internal-error"
    page = response.get_data(as_text=True)
    assert "Traceback" not in page
    assert "secret internal detail" not in page
    assert "RuntimeError" not in page
