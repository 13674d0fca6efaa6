"""A second decision of the kind, served by its data alone: the fictitious KS-2099/0042
of Exempelstads kommun (tests/decisions/), loaded by the setting MEDFIN_DECISIONS_DIR
beside the shipped one. Every endpoint, page and format answers for it (each answer
checked against openapi.yaml by the contract client), the catalogue names its own
publisher, the scenario runner runs its feature, and the event store keeps its events
apart. Without the setting it is not served."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF

from rules import RuleError
from service.cli import main
from tests.conftest import FIXTURE_DECISION, FIXTURE_DECISIONS
from tests.contract import contract_app
from tests.recording import registrar

REAL = "ks-2024-1371-481"
DECISION = f"/v1/decisions/{FIXTURE_DECISION}"
FEATURE = FIXTURE_DECISIONS / f"{FIXTURE_DECISION}.feature"
SOURCE = "kommunstyrelsens-utvecklingsfond"
RECIPIENT = "exempelstads-innovationsarena-ekonomisk-forening"
CHECK_CATALOG = Path(__file__).parent / "data" / "validators" / "check_catalog.py"
CHECK_360GIVING = Path(__file__).parent / "data" / "check_360giving.py"


def _payment(amount: str, paid_on: str, recipient: str = RECIPIENT, source: str = SOURCE) -> dict:
    return {"paid_on": paid_on, "amount": amount, "funding_source": source, "recipient": recipient}


@pytest.fixture
def app(serves_the_fixture_decision, tmp_path):
    return contract_app(f"sqlite:///{tmp_path / 'medfin.sqlite3'}")


def test_it_is_not_served_without_the_setting(tmp_path):
    client = contract_app(f"sqlite:///{tmp_path / 'medfin.sqlite3'}").test_client()
    assert [d["decision_id"] for d in client.get("/v1/decisions").json["items"]] == [REAL]
    assert client.get(DECISION).status_code == 404


def test_the_fixture_says_it_is_fictitious():
    text = (FIXTURE_DECISIONS / f"{FIXTURE_DECISION}.source.md").read_text(encoding="utf-8")
    assert "FIKTIVT EXEMPEL" in text
    data = (FIXTURE_DECISIONS / f"{FIXTURE_DECISION}.toml").read_text(encoding="utf-8")
    assert "fictitious = true" in data and 'title = "Fiktivt exempel: ' in data and '"000000-0000"' in data


def test_every_read_answers_for_it_beside_the_real_one(client):
    listed = client.get("/v1/decisions").json["items"]
    assert [d["decision_id"] for d in listed] == [REAL, FIXTURE_DECISION]
    detail = client.get(DECISION).json
    assert detail["diarienummer"] == "KS-2099/0042"
    assert detail["commitment"]["amount"] == "750000.00"
    assert [p["number"] for p in detail["decision_points"]] == [1, 2, 3, 4]
    assert (
        client.get("/v1/decisions", query_string={"diarienummer": "KS 2099/0042"})
        .headers["Location"]
        .endswith(DECISION)
    )
    rules = client.get(f"{DECISION}/rules").json
    interpretations = {i["interpretation_id"]: i["governs"] for i in rules["interpretations"]}
    assert interpretations["two-years"] == "period-deadline"
    for citation in next(r for r in rules["rules"] if r["rule_id"] == "eruf-approval")["citations"]:
        assert citation["document"] == "Exempelstads kommun KS-2099/0042"
    assert "FIKTIVT EXEMPEL" in client.get(f"{DECISION}/source").get_data(as_text=True)
    plan = client.get(f"{DECISION}/financing-plan").json
    assert plan["total"] == "5000000.00" and plan["checks"][0]["outcome"] == "satisfied"
    for path in ("/rules", "/events", "/financing-plan"):
        answer = client.get(f"{DECISION}{path}", query_string={"format": "csv"})
        assert answer.status_code == 200 and answer.mimetype == "text/csv", path
    commitment = client.get(f"{DECISION}/commitment").json
    assert commitment["status"] == "proposed" and commitment["amounts"]["committed"] == "750000.00"
    assert client.get(f"{DECISION}/360giving").json["type"].endswith("/no-award")
    matrix = client.get(f"{DECISION}/traceability").json
    assert matrix["summary"]["normative"] == matrix["summary"]["verified"] == 8 and matrix["summary"]["failing"] == 0
    verified = [a for a in matrix["anchors"] if a["normative"]]
    assert verified and all(a["verified"] == "passed" for a in verified), verified
    assert {s["feature"] for a in verified for s in a["scenarios"]} == {f"decisions/{FIXTURE_DECISION}.feature"}


def test_its_rules_read_its_own_terms_and_name_its_own_points(client):
    """Its condition is point 2 and its money comes from point 4's fund: a rejection by
    the ERDF says so, and a payment from the real decision's fund is refused, citing 4."""
    body = {
        "as_of": "2026-06-01",
        "facts": {
            "adopted_on": "2025-10-27",
            "eruf_decision": {"decided_on": "2026-01-20", "outcome": "rejected"},
            "disbursements": [],
        },
    }
    rejected = client.post(f"{DECISION}/evaluate", json=body).json
    condition = next(r for r in rejected["rules"] if r["rule_id"] == "eruf-approval")
    assert "villkoret i beslutspunkt 2 kan inte längre uppfyllas" in condition["message"]["sv"]
    body["facts"]["eruf_decision"]["outcome"] = "approved"
    body["proposed_disbursement"] = _payment("100000.00", "2026-06-01", source="reserverade-medel-for-oforutsett")
    refused = client.post(f"{DECISION}/evaluate", json=body).json["proposed_disbursement"]
    assert refused["allowed"] is False and refused["violations"] == ["funding-source"]
    source_rule = next(r for r in refused["rules"] if r["rule_id"] == "funding-source")
    assert [c["anchor"] for c in source_rule["citations"]] == ["beslut-4"]
    body["interpretations"] = {"two-years": "24-months-from-project-start"}
    body["proposed_disbursement"] = _payment("100000.00", "2026-06-01")
    pending = client.post(f"{DECISION}/evaluate", json=body).json["proposed_disbursement"]
    period = next(r for r in pending["rules"] if r["rule_id"] == "period")
    assert period["outcome"] == "pending" and "de 24 månaderna" in period["message"]["sv"]
    # The real decision's ids are not this one's: a choice by them is refused, naming its own.
    body["interpretations"] = {"three-years": "budget-years-2025-2027"}
    problem = client.post(f"{DECISION}/evaluate", json=body)
    assert problem.status_code == 400 and "two-years" in problem.json["detail"]


def test_its_events_are_recorded_apart_and_its_grant_is_awarded(app, client, tmp_path):
    headers = registrar(app)
    adoption = {"type": "adoption", "decided_on": "2025-10-27", "body": "Kommunstyrelsen", "reference": "KS § 7"}
    assert client.post(f"{DECISION}/events", json=adoption, headers=headers).status_code == 201
    approval = {"type": "eruf_decision", "decided_on": "2026-01-20", "outcome": "approved"}
    assert client.post(f"{DECISION}/events", json=approval, headers=headers).status_code == 201
    paid = {"type": "disbursement", **_payment("750000.00", "2026-03-02")}
    assert client.post(f"{DECISION}/events", json=paid, headers=headers).status_code == 201
    over = {"type": "disbursement", **_payment("0.01", "2026-03-03")}
    refused = client.post(f"{DECISION}/events", json=over, headers=headers)
    assert refused.status_code == 422, refused.json
    commitment = client.get(f"{DECISION}/commitment").json
    assert commitment["status"] == "fulfilled"
    assert client.get(f"/v1/decisions/{REAL}/commitment").json["status"] == "proposed"  # no adoption of its own
    package = client.get(f"{DECISION}/360giving").get_data()
    (tmp_path / "grants.json").write_bytes(package)
    checked = subprocess.run(
        [sys.executable, str(CHECK_360GIVING), str(tmp_path / "grants.json")], capture_output=True, text=True
    )
    assert checked.returncode == 0 and "360Giving: 0 error(s)" in checked.stdout, checked.stdout
    grant = json.loads(package)["grants"][0]
    assert str(grant["amountAwarded"]) in ("750000", "750000.00", "750000.0")
    assert grant["recipientOrganization"][0]["name"] == "Exempelstads Innovationsarena ekonomisk förening"
    changes = client.get("/v1/changes").json["items"]
    assert {c["decision_id"] for c in changes} >= {FIXTURE_DECISION}


def test_the_pages_show_it_and_run_its_scenarios(client):
    home = client.get("/").get_data(as_text=True)
    assert FIXTURE_DECISION in home and "Fiktivt exempel" in home and "Exempelstads kommun · Diarienummer" in home
    assert "Huddinge kommuns beslut" not in home  # the site names no one municipality's decisions as all
    form = client.get(f"/decisions/{FIXTURE_DECISION}/scenarios").get_data(as_text=True)
    prefilled = re.search(r"<textarea[^>]*>(.*?)</textarea>", form, re.S).group(1)
    assert "Innovationsarenan" in prefilled and "2024-09-16" not in prefilled  # its own, not the shipped example
    page = client.get(f"/decisions/{FIXTURE_DECISION}").get_data(as_text=True).replace("\xa0", " ")
    assert "Beslutspunkt 4" in page and "750 000 kr" in page
    # Its own scenarios beside its points, not the shipped decision's.
    assert "En utbetalning ur kommunstyrelsens utvecklingsfond är tillåten" in page
    assert "features/beslutspunkt_1.feature" not in page
    feature = FEATURE.read_text(encoding="utf-8")
    ran = client.post(f"/decisions/{FIXTURE_DECISION}/scenarios", data={"feature": feature})
    assert ran.status_code == 200 and "Höll inte: 0" in ran.get_data(as_text=True)


def test_the_api_and_the_cli_run_its_feature(client, monkeypatch, tmp_path):
    feature = FEATURE.read_text(encoding="utf-8")
    answer = client.post(f"{DECISION}/scenarios", json={"feature": feature}).json
    assert answer["summary"]["failed"] == 0 and answer["summary"]["passed"] >= 20
    monkeypatch.chdir(tmp_path)
    run = CliRunner().invoke(main, ["scenarios", "run", str(FEATURE), "--decision", FIXTURE_DECISION, "--json"])
    assert run.exit_code == 0, run.output
    assert json.loads(run.output)["summary"]["passed"] >= 20
    ambiguous = CliRunner().invoke(main, ["status"])
    assert ambiguous.exit_code == 2 and "choose one with --decision" in ambiguous.output
    status = CliRunner().invoke(main, ["status", "--decision", FIXTURE_DECISION, "--json"])
    assert json.loads(status.output)["decision_id"] == FIXTURE_DECISION


def test_the_catalogue_lists_it_with_its_own_publisher_and_passes_the_shapes(client, tmp_path):
    answer = client.get("/v1/catalog", query_string={"format": "ttl"})
    graph = Graph().parse(data=answer.data, format="turtle")
    catalog = URIRef("http://127.0.0.1:8000/v1/catalog")
    real = URIRef("http://dataportal.se/organisation/SE2120000068")
    fictitious = URIRef("http://dataportal.se/organisation/SE0000000000")
    assert (catalog, DCTERMS.publisher, real) in graph
    assert (URIRef(f"{catalog}#{FIXTURE_DECISION}"), DCTERMS.publisher, fictitious) in graph
    assert (URIRef(f"{catalog}#{REAL}"), DCTERMS.publisher, real) in graph
    assert (fictitious, FOAF.name, Literal("Exempelstads kommun", lang="sv")) in graph
    catalogue = tmp_path / "catalog.ttl"
    catalogue.write_bytes(answer.data)
    checked = subprocess.run(
        [sys.executable, str(CHECK_CATALOG), str(catalogue), "--strict"], capture_output=True, text=True, timeout=300
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    resources = {r["name"] for r in client.get("/v1/datapackage.json").json["resources"]}
    assert any(FIXTURE_DECISION in name for name in resources) and any(REAL in name for name in resources)


def test_the_catalogue_publisher_is_a_setting(serves_the_fixture_decision, tmp_path):
    app = contract_app(f"sqlite:///{tmp_path / 'medfin.sqlite3'}", CATALOG_PUBLISHER="exempelstads-kommun")
    graph = Graph().parse(data=app.test_client().get("/v1/catalog?format=ttl").data, format="turtle")
    catalog = URIRef("http://127.0.0.1:8000/v1/catalog")
    assert (catalog, DCTERMS.publisher, URIRef("http://dataportal.se/organisation/SE0000000000")) in graph
    with pytest.raises(ValueError, match="issues no decision served here"):
        contract_app(f"sqlite:///{tmp_path / 'other.sqlite3'}", CATALOG_PUBLISHER="ingen-kommun")


def test_a_name_two_decisions_give_reads_as_the_decision_run_gives_it(monkeypatch, tmp_path):
    """Two decisions may call their own question by one name ("de tre åren"): a scenario
    reads it, and its answers, as the decision it runs against names them."""
    folder = tmp_path / "decisions"
    folder.mkdir()
    for path in FIXTURE_DECISIONS.glob(f"{FIXTURE_DECISION}.*"):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".toml":
            text = text.replace('name_sv = "de två åren"', 'name_sv = "de tre åren"')
        (folder / path.name).write_text(text, encoding="utf-8")
    monkeypatch.setenv("MEDFIN_DECISIONS_DIR", str(folder))
    monkeypatch.chdir(tmp_path)
    feature = (
        "# language: sv\nEgenskap: Samma namn\n  Scenario: Tidsgränsen läses som beslutet skriver den\n"
        "    Givet att kommunstyrelsen antog förslaget 2025-10-27\n"
        "    Och att ERUF godkände ansökan 2026-01-20\n"
        '    Och att revisorn för de tre åren väljer tolkningen "budgetåren 2026–2027"\n'
        "    När revisorn prövar en utbetalning om 100 000,00 kr den 2028-01-10\n"
        "    Så ska utbetalningen nekas på grund av tidsramen\n"
    )
    (tmp_path / "samma.feature").write_text(feature, encoding="utf-8")
    own = CliRunner().invoke(main, ["scenarios", "run", "samma.feature", "--decision", FIXTURE_DECISION, "--json"])
    assert (own.exit_code, json.loads(own.output)["summary"]["passed"]) == (0, 1), own.output
    # The shipped decision's "de tre åren" has no option "budgetåren 2026–2027": its own names are listed.
    shipped = CliRunner().invoke(main, ["scenarios", "run", "samma.feature", "--decision", REAL, "--json"])
    step = json.loads(shipped.output)["scenarios"][0]["steps"][2]
    assert step["status"] == "failed" and "budgetåren 2025–2027" in step["message"]["sv"]


BROKEN = {
    "no source text": (lambda text: text, "its source text", False),
    "a rule not cited": (
        lambda text: text.replace('rule_id = "recipient"', 'rule_id = "mottagare"'),
        "recipient",
        True,
    ),
    "an unknown question": (
        lambda text: text.replace('governs = "yearly-split"', 'governs = "split"'),
        "governs 'split'",
        True,
    ),
    "one question twice": (
        lambda text: text.replace('governs = "yearly-split"', 'governs = "period-deadline"'),
        "two interpretations answer one question",
        True,
    ),
    "an undeclared anchor": (
        lambda text: text.replace('{ anchor = "fotnot-1", quote', '{ anchor = "fotnot-9", quote'),
        "fotnot-9",
        True,
    ),
    "a key missing": (lambda text: text.replace("[commitment.recipient]", "[commitment.mottagare]"), "KeyError", True),
}


@pytest.mark.parametrize("broken", sorted(BROKEN))
def test_a_data_file_that_cannot_serve_stops_the_start_with_what_is_wrong(broken, monkeypatch, tmp_path):
    change, said, with_source = BROKEN[broken]
    folder = tmp_path / "decisions"
    folder.mkdir()
    data = (FIXTURE_DECISIONS / f"{FIXTURE_DECISION}.toml").read_text(encoding="utf-8")
    (folder / f"{FIXTURE_DECISION}.toml").write_text(change(data), encoding="utf-8")
    if with_source:
        source = FIXTURE_DECISIONS / f"{FIXTURE_DECISION}.source.md"
        (folder / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("MEDFIN_DECISIONS_DIR", str(folder))
    refused = CliRunner().invoke(main, ["status", "--decision", FIXTURE_DECISION])
    assert refused.exit_code == 1 and said in refused.output and "Traceback" not in refused.output, refused.output
    with pytest.raises(RuleError, match=re.escape(said)):
        contract_app(f"sqlite:///{tmp_path / 'medfin.sqlite3'}")


def test_a_folder_that_is_not_there_stops_the_start(monkeypatch, tmp_path):
    monkeypatch.setenv("MEDFIN_DECISIONS_DIR", str(tmp_path / "saknas"))
    refused = CliRunner().invoke(main, ["status"])
    assert refused.exit_code == 1 and "names no folder at" in refused.output


def test_two_issuers_under_one_organisation_number_stop_the_start(monkeypatch, tmp_path):
    """The catalogue names a publisher by its organisation number: two issuers under one
    would be merged into one agent with two names."""
    folder = tmp_path / "decisions"
    folder.mkdir()
    for path in FIXTURE_DECISIONS.glob(f"{FIXTURE_DECISION}.*"):
        text = path.read_text(encoding="utf-8")
        (folder / path.name).write_text(text, encoding="utf-8")
        other = text.replace(FIXTURE_DECISION, "ks-2099-0043").replace("exempelstads-kommun", "grannstads-kommun")
        (folder / path.name.replace(FIXTURE_DECISION, "ks-2099-0043")).write_text(other, encoding="utf-8")
    monkeypatch.setenv("MEDFIN_DECISIONS_DIR", str(folder))
    refused = CliRunner().invoke(main, ["status", "--decision", FIXTURE_DECISION])
    assert refused.exit_code == 1 and "share an organisation number" in refused.output, refused.output
    assert "exempelstads-kommun" in refused.output and "grannstads-kommun" in refused.output


def test_decisions_load_when_first_asked_for_and_into_a_bounded_cache(serves_the_fixture_decision):
    """Listing the decisions reads no data file; each is read once, when first asked for,
    and kept in a cache of a bounded size (a municipality publishes hundreds)."""
    from rules import SHIPPED, Library
    from rules.decision import LOADED_DECISIONS

    decisions = Library((SHIPPED, FIXTURE_DECISIONS))
    assert decisions.ids() == (REAL, FIXTURE_DECISION)
    assert decisions.load.cache_info().currsize == 0
    assert decisions.load(FIXTURE_DECISION) is decisions.load(FIXTURE_DECISION)
    assert decisions.load.cache_info()[:2] == (1, 1)  # one hit, one miss: read once
    assert decisions.load.cache_info().maxsize == LOADED_DECISIONS


def test_a_decision_dropped_from_the_cache_is_freed_though_the_rules_have_evaluated_it(monkeypatch):
    """The rules' own caches (and the step names') are emptied when a library drops a
    decision from its bounded cache: otherwise they kept every decision ever evaluated
    loaded beside it (a worker that evaluated 1 001 decisions held all of them)."""
    import gc
    from datetime import date
    from decimal import Decimal

    from rules import SHIPPED, Decision, Disbursement, Facts, Library, choose, decision, evaluate, judge_payment
    from service.steps.names import decision_tables

    monkeypatch.setattr(decision, "LOADED_DECISIONS", 1)
    decisions = Library((SHIPPED, FIXTURE_DECISIONS))
    first = decisions.load(FIXTURE_DECISION)
    serial = first.serial
    evaluate(first, Facts(), on=date(2026, 1, 1))
    payment = Disbursement(date(2026, 3, 2), Decimal("10.00"), first.funding_source_id, first.recipient_id)
    judge_payment(first, Facts(), payment, choose(first))
    decision_tables(first)
    del first
    decisions.load(REAL)  # one more than the bound: the first is dropped
    gc.collect()
    assert not [o for o in gc.get_objects() if type(o) is Decision and o.serial == serial]
    assert decisions.load(FIXTURE_DECISION).serial != serial  # read anew, and told apart


def test_a_decisions_modified_moment_is_read_without_loading_the_decision():
    """A list's validators ask every decision's ``modified``: that reads the data files
    once, but fills no place in the bounded cache of loaded decisions."""
    from rules import SHIPPED, Library

    decisions = Library((SHIPPED, FIXTURE_DECISIONS))
    moments = [decisions.modified(decision_id) for decision_id in decisions.ids()]
    assert decisions.load.cache_info().currsize == 0
    assert moments == [decisions.load(decision_id).data.get("modified") for decision_id in decisions.ids()]
