"""One contract: dates are exactly YYYY-MM-DD, moments RFC 3339 with Z or an offset, and
amounts a decimal string or a whole-kronor JSON number; openapi.yaml says exactly what the
app accepts, so that what the spec allows the app takes and what it refuses the app refuses."""

from __future__ import annotations

import functools
import json
from datetime import UTC, datetime
from decimal import Decimal

import jsonschema_rs
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from marshmallow import ValidationError

from service.requests.fields import DAY_PATTERN, MOMENT_PATTERN, Day, Moment, amount_from
from tests.contract import assert_problem, spec
from tests.examples import DECISION, payment, what_if
from tests.recording import ADOPTION, EVENTS

COMMITMENT = f"{DECISION}/commitment"
NOT_DATES = ["20250301", "2025-W10-1", "2025-060", "2025-3-1", "2025-03-01T00:00:00", "2025-03-01 ", "٢٠٢٥-03-01"]
NOT_MOMENTS = [
    "2025-06-01",  # a date alone
    "2025-06-01T12:00:00+01",  # an offset of hours only
    "2025-06-01 12:00:00Z",  # a space for the T
    "2025-06-01T12:00:00Z\x00",  # something after
    "2025-06-01T12:00:00",  # no offset
    "2025-06-01T12:00Z",  # no seconds
    "2025-06-01T12:00:00.1234567Z",  # more than microseconds
    "2025-06-01t12:00:00z",
    "2025-06-01T24:00:00Z",
    "2025-02-30T12:00:00Z",
]
MOMENTS = [
    "2025-06-01T12:00:00Z",
    "2025-06-01T14:00:00+02:00",
    "2025-06-01T12:00:00.5-00:30",
    "2025-06-01T12:00:00.123456Z",
]


def validator(schema: dict):
    """A validator of ``schema`` within openapi.yaml, as schemathesis validates (jsonschema-rs)."""
    return _validator(json.dumps(schema))


@functools.cache
def _validator(schema: str):
    return jsonschema_rs.Draft202012Validator({**spec(), **json.loads(schema)})


def accepts(field, value) -> bool:
    try:
        field.deserialize(value)
    except ValidationError:
        return False
    return True


def test_every_date_and_moment_in_the_spec_has_the_apps_pattern():
    text = json.dumps(spec())
    assert text.count(json.dumps(DAY_PATTERN)) >= 9 and text.count(json.dumps(MOMENT_PATTERN)) == 2
    parameters = spec()["components"]["parameters"]
    assert parameters["AsOf"]["schema"]["pattern"] == DAY_PATTERN
    assert parameters["Since"]["schema"]["pattern"] == MOMENT_PATTERN


def test_a_date_not_written_yyyy_mm_dd_is_refused_in_bodies_and_queries(client):
    for day in NOT_DATES:
        problem = assert_problem(client.post(f"{DECISION}/evaluate", json=what_if(as_of=day)), 400)
        assert [e["pointer"] for e in problem["errors"]] == ["/as_of"], day
        problem = assert_problem(client.get(COMMITMENT, query_string={"as_of": day}), 400)
        assert [e["parameter"] for e in problem["errors"]] == ["as_of"], day


def test_a_date_not_written_yyyy_mm_dd_is_not_recorded(store_app, writer):
    client = store_app.test_client()
    for day in NOT_DATES:
        problem = assert_problem(client.post(EVENTS, json={**ADOPTION, "decided_on": day}, headers=writer), 400)
        assert [e["pointer"] for e in problem["errors"]] == ["/decided_on"]
        body = {"type": "disbursement", **payment("1000.00", day)}
        assert_problem(client.post(EVENTS, json=body, headers=writer), 400)
    assert client.get(EVENTS).json["total"] == 2


@pytest.mark.parametrize(("url", "parameter"), [(COMMITMENT, "known_as_of"), ("/v1/changes", "since")])
def test_a_moment_not_in_rfc_3339_with_an_offset_is_a_400_and_one_in_it_is_read(client, url, parameter):
    for moment in NOT_MOMENTS:
        problem = assert_problem(client.get(url, query_string={parameter: moment}), 400)
        assert [e["parameter"] for e in problem["errors"]] == [parameter], (moment, problem)
    for moment in MOMENTS:
        assert client.get(url, query_string={parameter: moment}).status_code == 200, moment


_DATE_LIKE = st.from_regex(r"\A[0-9+W\- T:.Z]{0,12}\Z") | st.dates().map(str)


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(st.one_of(_DATE_LIKE, st.text(max_size=12)))
@example("2025-W10-1")
@example("20250301")
def test_the_app_reads_a_date_where_the_spec_allows_one(text):
    """JSON Schema's ``format: date`` and the pattern together are what Day reads."""
    in_spec = validator({"type": "string", "format": "date", "pattern": DAY_PATTERN}).is_valid(text)
    assert accepts(Day(), text) is in_spec, text


_MOMENT_LIKE = st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()) | st.from_regex(
    r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?\Z"
)


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(_MOMENT_LIKE)
def test_the_app_reads_a_moment_where_the_spec_allows_one(text):
    in_spec = validator({"type": "string", "format": "date-time", "pattern": MOMENT_PATTERN}).is_valid(text)
    if in_spec and not in_calendar_in_utc(text):
        in_spec = False  # a leap second, or beyond year 9999 in UTC: refused, as the spec says in words
    assert accepts(Moment(), text) is in_spec, text


def in_calendar_in_utc(text: str) -> bool:
    try:
        datetime.fromisoformat(text).astimezone(UTC)
    except (ValueError, OverflowError):
        return False
    return True


# ------------------------------------------------------------ amounts
def amount_schema():
    return validator({"$ref": "#/components/schemas/AmountInput"})


def app_takes_amount(value) -> bool:
    try:
        amount_from(value)
    except ValidationError:
        return False
    return True


_AMOUNTS = st.one_of(
    st.integers(min_value=-10, max_value=10**13),
    st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-1, max_value=10**13),
    st.decimals(allow_nan=False, allow_infinity=False, min_value=0, max_value=10**13),
    st.from_regex(r"\A0{0,4}[0-9]{1,13}(\.[0-9]{0,3})?\Z"),
    st.text(max_size=6),
)


def spec_takes_amount(value) -> bool:
    """What the spec says of ``value`` as a JSON number (an ``int``, or a ``Decimal`` for one
    written with a fraction or exponent, as service/formats/jsonio.py reads them) or a string."""
    if not isinstance(value, Decimal):
        return amount_schema().is_valid(value)
    if value == value.to_integral_value():
        return amount_schema().is_valid(int(value))  # JSON Schema: 4E5 and 400000.0 are integers
    as_float = float(value)
    assume(as_float != int(as_float))  # a float that lost the fraction would say nothing
    return amount_schema().is_valid(as_float)


@settings(max_examples=400, derandomize=True, database=None, deadline=None)
@given(_AMOUNTS)
@example(Decimal("333333.33"))
@example(Decimal("1.0"))
@example(Decimal("4E+5"))
@example(999999999999)
@example(1000000000000)
@example("999999999999.99")
@example("0.00")
def test_the_app_takes_an_amount_where_the_spec_allows_one(value):
    assert app_takes_amount(value) is spec_takes_amount(value), value


@pytest.mark.parametrize(("amount", "status"), [(333333.33, 400), ("333333.33", 200), (333333, 200), (0.5, 400)])
def test_a_json_number_amount_is_whole_kronor(client, amount, status):
    response = client.post(f"{DECISION}/evaluate", json=what_if(proposed=amount))
    assert response.status_code == status, response.json
    if status == 400:
        assert [e["pointer"] for e in response.json["errors"]] == ["/proposed_disbursement/amount"]
        assert "string" in response.json["errors"][0]["detail"]
