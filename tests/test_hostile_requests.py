"""What an attacker tried on the merged service (issue 8), each once a 500 or a
traceback: now a 4xx problem, a verdict, or a refusal with exit status 2."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from service.cli import main
from service.storage import tokens
from tests.examples import DECISION, FUND, RECIPIENT
from tests.recording import EVENTS

HUGE_EXPONENTS = ["1e99999999999999999999", '{"as_of": "2025-06-01", "x": 1e-99999999999999999999}']


@pytest.mark.parametrize("body", HUGE_EXPONENTS)
def test_a_number_beyond_decimals_range_is_malformed_json(client, body):
    answer = client.post(f"{DECISION}/evaluate", data=body, content_type="application/json")
    assert answer.status_code == 400
    assert answer.json["type"].endswith("malformed-json") and "exponent" in answer.json["detail"]


def test_a_number_beyond_decimals_range_is_refused_by_the_command_line(tmp_path):
    request = tmp_path / "what-if.json"
    request.write_text(HUGE_EXPONENTS[0])
    result = CliRunner().invoke(main, ["evaluate", str(request)])
    assert result.exit_code == 2 and "exponent" in result.output


def test_a_project_started_at_the_end_of_the_calendar_has_a_verdict(client):
    """36 months from 9997-01-01 end past year 9999: the period runs to the calendar's end."""
    body = {
        "as_of": "2025-06-01",
        "facts": {"project_started_on": "9997-01-01"},
        "proposed_disbursement": {
            "paid_on": "2025-06-01",
            "amount": "1",
            "funding_source": FUND,
            "recipient": RECIPIENT,
        },
        "interpretations": {"three-years": "36-months-from-project-start"},
    }
    answer = client.post(f"{DECISION}/evaluate", json=body)
    assert answer.status_code == 200
    assert answer.json["proposed_disbursement"]["allowed"] is False  # years before the project began


def test_an_unsupported_media_type_is_quoted_as_it_was_sent(client):
    sent = "application/å".encode().decode("latin-1")  # as WSGI hands a header over
    answer = client.post(f"{DECISION}/evaluate", data="{}", headers={"Content-Type": sent})
    assert answer.status_code == 415 and "application/å" in answer.json["detail"]


@pytest.mark.parametrize(
    "name", ["", " registrator", "registrator ", "esc\x1b[31m", "rad\rbrytning", "x\ud800", "n" * 101]
)
def test_a_token_name_that_cannot_be_recorded_is_refused(app, name):
    with pytest.raises(tokens.InvalidName):
        tokens.create(app.extensions["medfin"].engine, name, "registrar")


def test_the_command_line_refuses_a_token_name_with_control_characters(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDFIN_DATABASE_URL", f"sqlite:///{tmp_path / 'medfin.sqlite3'}")
    result = CliRunner().invoke(main, ["tokens", "create", "--name", "esc\x1b[31m"])
    assert result.exit_code == 2 and "control characters" in result.output


def test_a_token_named_in_any_script_records_its_name(client, app):
    name = "Åsa Öberg-Ärlig"
    token = tokens.create(app.extensions["medfin"].engine, name, "registrar")
    body = {"type": "adoption", "decided_on": "2024-09-16", "body": "Kommunstyrelsen"}
    answer = client.post(EVENTS, json=body, headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 201 and answer.json["recorded_by"] == name
    assert json.loads(client.get(answer.json["links"]["self"]).data)["recorded_by"] == name
