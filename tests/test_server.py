"""The product as shipped: ``medfin serve`` (gunicorn, two workers) over real HTTP, and
the ``medfin`` command line."""

from __future__ import annotations

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Response

from service.cli import main
from tests.contract import assert_problem, check_response
from tests.examples import DECISION, payment, what_if
from tests.server_process import DOCUMENTED_PORT, DOCUMENTED_WORKERS, ServerProcess, running_server, serving_a_module

EIGHT_MEGABYTES = 8 * 1024 * 1024


def medfin_command() -> list[str]:
    """The console script installed beside this Python, or the module if there is none."""
    script = Path(sys.executable).parent / "medfin"
    return [str(script)] if script.exists() else [sys.executable, "-m", "service.cli"]


def get_json(server: ServerProcess, path: str):
    status, headers, data = server.exchange("GET", path)
    assert status == 200, data[:300]
    assert headers["Content-Type"].startswith("application/json")
    return json.loads(data)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``medfin serve --workers 2`` on its own database, stopped when the module is done."""
    yield from serving_a_module(tmp_path_factory.mktemp("server"))


@pytest.mark.slow
def test_server_answers_the_commitment_as_proposed(server):
    assert get_json(server, f"{DECISION}/commitment")["status"] == "proposed"
    on_a_date = get_json(server, f"{DECISION}/commitment?as_of=2025-06-01")
    assert on_a_date["status"] == "proposed"
    assert on_a_date["status_label"]["sv"] == "föreslaget"


@pytest.mark.slow
def test_server_evaluates_a_what_if(server):
    for amount, allowed in (("600000.00", True), ("600000.01", False)):
        body = json.dumps(what_if(amount)).encode()
        status, _, data = server.exchange("POST", f"{DECISION}/evaluate", body, {"Content-Type": "application/json"})
        assert status == 200, data[:300]
        assert json.loads(data)["proposed_disbursement"]["allowed"] is allowed


@pytest.mark.slow
def test_server_docs_load_their_assets_from_the_server_itself(server):
    status, headers, data = server.exchange("GET", "/docs")
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    page = data.decode()
    references = re.findall(r'<(?:script|link)[^>]*?(?:src|href)="([^"]+)"', page)
    assert any(r.endswith(".js") for r in references) and any(r.endswith(".css") for r in references), references
    assert not [r for r in references if r.startswith(("http://", "https://", "//"))], references
    for reference in references:
        assert reference.startswith("/docs/assets/"), reference
        status, _, asset = server.exchange("GET", reference)
        assert status == 200, reference
        assert asset, reference
    status, _, spec = server.exchange("GET", "/openapi.yaml")
    assert status == 200 and spec.startswith(b"openapi: 3.1")


def _port_taken(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.slow
def test_plain_medfin_serve_answers_where_the_readme_says_under_gunicorn(tmp_path):
    """The README's first line ends in plain ``medfin serve``: it must answer on
    http://127.0.0.1:8000, under gunicorn (a production server, not Flask's own)."""
    if _port_taken(DOCUMENTED_PORT) and not os.environ.get("CI"):
        pytest.skip(f"something on this machine already listens on port {DOCUMENTED_PORT}")
    environment = {"MEDFIN_DATABASE_URL": f"sqlite:///{tmp_path / 'medfin.sqlite3'}"}
    with running_server(environment, log_dir=tmp_path, as_documented=True) as running:
        assert running.port == 8000
        assert get_json(running, f"{DECISION}/commitment?as_of=2025-06-01")["status"] == "proposed"
        status, headers, _ = running.exchange("GET", "/")
        assert status == 200 and headers["Content-Type"].startswith("text/html")
        log = running.output(last=10**7)
    assert "Listening at: http://127.0.0.1:8000" in log, log[-2000:]
    assert log.count("Booting worker with pid") == DOCUMENTED_WORKERS, log[-2000:]


def send_while_reading(port: int, head: bytes, body: bytes) -> bytes:
    """Send ``head`` and then ``body`` while reading the answer, as a browser does: a
    server may answer before the body is in, then close."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(head)

        def send_body() -> None:
            try:
                connection.sendall(body)
            except OSError:  # the server answered and closed first, as it may
                pass

        sender = threading.Thread(target=send_body)
        sender.start()
        answer = b""
        try:
            while chunk := connection.recv(65536):
                answer += chunk
        except ConnectionResetError:
            pass
        sender.join()
    return answer


def parse_answer(answer: bytes) -> tuple[int, dict[str, str], bytes]:
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in header_lines)
    return int(status_line.split()[1]), headers, body


@pytest.mark.slow
def test_server_refuses_an_eight_megabyte_body_with_a_413_problem(server):
    body = b'{"as_of": "' + b"9" * EIGHT_MEGABYTES + b'"}'
    head = (
        f"POST {DECISION}/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    status, headers, data = parse_answer(send_while_reading(server.port, head, body))
    assert status == 413
    response = Response(data, status=status, headers=headers)
    problem = assert_problem(response, 413)
    assert problem["type"].endswith("payload-too-large")
    check_response(EnvironBuilder(path=f"{DECISION}/evaluate", method="POST").get_request(), response)


@pytest.mark.slow
def test_server_never_errs_on_an_eight_megabyte_body_sent_whole(server):
    """A client that sends all of the body before it reads may see the connection
    closed under it; what it can read is never a server error."""
    body = b"[" + b"0," * (EIGHT_MEGABYTES // 2) + b"0]"
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.request("POST", f"{DECISION}/evaluate", body=body, headers={"Content-Type": "application/json"})
        assert connection.getresponse().status == 413
    except (BrokenPipeError, ConnectionResetError):
        pass
    finally:
        connection.close()
    assert get_json(server, f"{DECISION}/commitment?as_of=2025-06-01")["status"] == "proposed"


@pytest.mark.slow
def test_console_script_exit_status_says_whether_allowed(tmp_path):
    for amount, code in (("600000.00", 0), ("600000.01", 1), ("-1", 2)):
        (tmp_path / "what-if.json").write_text(json.dumps(what_if(amount)), encoding="utf-8")
        done = subprocess.run(
            [*medfin_command(), "evaluate", "what-if.json"],
            cwd=tmp_path,
            env={
                **{k: v for k, v in os.environ.items() if not k.startswith("MEDFIN_")},
                "MEDFIN_DATABASE_URL": f"sqlite:///{tmp_path / 'medfin.sqlite3'}",
            },
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == code, (amount, done.stdout, done.stderr)


@pytest.fixture
def cli(tmp_path, monkeypatch):
    """Run ``medfin`` in process, on a database of its own, in ``tmp_path``."""
    monkeypatch.setenv("MEDFIN_DATABASE_URL", f"sqlite:///{tmp_path / 'medfin.sqlite3'}")
    monkeypatch.chdir(tmp_path)

    def run(*arguments: str, what_if_body: object = None):
        if what_if_body is not None:
            text = what_if_body if isinstance(what_if_body, str) else json.dumps(what_if_body)
            (tmp_path / "what-if.json").write_text(text, encoding="utf-8")
        return CliRunner().invoke(main, list(arguments))

    return run


@pytest.mark.parametrize(
    ("amount", "exit_code", "lines"),
    [
        (
            "600000.00",
            0,
            [
                "ks-2024-1371-481 per 2025-06-01: gällande (in_force)",
                "återstår 600\xa0000,00 kr",
                "Föreslagen utbetalning: tillåten (allowed)",
                "[beslut-1] ”Medfinansiering om en miljon kronor under tre år”",
                "[beslut-3] ”Beslut enligt punkterna 1 och 2 ovan gäller under förutsättning",
            ],
        ),
        (
            "600000.01",
            1,
            [
                "Föreslagen utbetalning: inte tillåten (not allowed: amount-cap): beloppsgränsen",
                "✗ Regeln om beloppsgränsen: inte uppfylld.",
                "0,01 kr mer än 1\xa0000\xa0000,00 kr",
                "[ekonomiska-konsekvenser] ”behöver avsätta sammanlagt en miljon kronor under tre år”",
            ],
        ),
    ],
    ids=["allowed", "a cent too much"],
)
def test_cli_evaluate_exit_status_and_swedish_trace_say_whether_allowed(cli, amount, exit_code, lines):
    result = cli("evaluate", "what-if.json", what_if_body=what_if(amount))
    assert result.exit_code == exit_code, result.output
    for line in lines:
        assert line in result.output


@pytest.mark.parametrize(
    ("changes", "exit_code"),
    [
        # "0,1 miljon" each and "ca 11 miljoner" exactly: the plan's sum is off, a check only.
        ({"interpretations": {"ki-rs-life-science-contribution": "each", "stated-total-precision": "exact"}}, 0),
        ({"facts": {**what_if()["facts"], "disbursements": [{**payment("10.00"), "recipient": "hemso"}]}}, 1),
    ],
    ids=["a check violated", "a condition violated"],
)
def test_cli_evaluate_without_a_proposal_exits_1_only_for_a_condition(cli, changes, exit_code):
    body = {**what_if(), "proposed_disbursement": None, **changes}
    result = cli("evaluate", "what-if.json", "--json", what_if_body=body)
    assert result.exit_code == exit_code, result.output
    violated = {r["rule_id"]: r["kind"] for r in json.loads(result.output)["rules"] if r["outcome"] == "violated"}
    assert set(violated.values()) == {"check" if exit_code == 0 else "condition"}, violated


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({**what_if("600000.00"), "as_of": "2025-02-30"}, "/as_of"),
        (what_if("1.001"), "/proposed_disbursement/amount"),
        ({**what_if("600000.00"), "interpretations": {"three-years": "nope"}}, "three-years"),
        ("{not json", "not valid JSON"),
        ("[]", "not a valid evaluation request"),
    ],
    ids=["impossible date", "over-precise amount", "unknown option", "malformed JSON", "array"],
)
def test_cli_evaluate_invalid_file_exits_2_saying_why(cli, body, says):
    result = cli("evaluate", "what-if.json", what_if_body=body)
    assert result.exit_code == 2, result.output
    assert says in result.output
    assert "Traceback" not in result.output


def test_cli_evaluate_missing_file_exits_2(cli):
    result = cli("evaluate", "no-such-file.json")
    assert result.exit_code == 2


def test_cli_status_on_a_date_is_proposed(cli):
    result = cli("status", "--as-of", "2025-06-01")
    assert result.exit_code == 0, result.output
    assert "ks-2024-1371-481 per 2025-06-01: föreslaget (proposed)" in result.output
    assert "[forslag-till-beslut]" in result.output


def test_cli_status_as_json_is_the_api_document(cli):
    result = cli("status", "--as-of", "2025-06-01", "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["status"] == "proposed"
    assert document["amounts"]["remaining"] == "1000000.00"
