"""A decision's life recorded over HTTP (issue 9), on SQLite and PostgreSQL: what
Kommunstyrelsen did with the proposal, the appeal period and appeals, the project's
start, the ERDF's decision and a withdrawal after it, an official decision that
supersedes the shipped press report; and what cannot be recorded: a fact that cannot be
true of the decision (422 invalid-fact) or that contradicts a live one (409
conflicting-fact), never settled by the order of recording."""

from __future__ import annotations

import pytest

from tests.examples import payment
from tests.recording import ADOPTION, EVENTS, record

COMMITMENT = "/v1/decisions/ks-2024-1371-481/commitment"
PRESS_REPORT = "eruf-grant-reported-2024-12-16"
GRANT = {"type": "eruf_decision", "decided_on": "2025-01-10", "outcome": "approved", "granted_amount": "1.00"}


@pytest.fixture
def client(store_app):
    return store_app.test_client()


def commitment(client, as_of: str, **query) -> dict:
    response = client.get(COMMITMENT, query_string={"as_of": as_of, **query})
    assert response.status_code == 200, response.json
    return response.json


def rule(answer: dict, rule_id: str) -> dict:
    return next(r for r in answer["rules"] if r["rule_id"] == rule_id)


def press_report(client) -> dict:
    return next(e for e in client.get(EVENTS).json["items"] if e.get("fact_id") == PRESS_REPORT)


def refused(client, writer, body: dict, status: int, slug: str) -> dict:
    """POST ``body``; it must be refused with ``status`` and problem ``slug``, storing nothing."""
    before = client.get(EVENTS).json["total"]
    response = client.post(EVENTS, json=body, headers=writer)
    assert response.status_code == status, response.json
    assert response.mimetype == "application/problem+json"
    assert response.json["type"].endswith(slug), response.json
    assert client.get(EVENTS).json["total"] == before
    return response.json


def correction(event_id: int) -> dict:
    return {"type": "correction", "corrects": event_id, "reason": "Fel uppgift"}


# ------------------------------------------------------------------ recording each type


def test_an_adoption_with_its_announcement_is_recorded_and_opens_the_appeal_period(client, writer):
    stored = record(
        client, writer, {**ADOPTION, "decided_on": "2024-11-20", "outcome": "adopted", "announced_on": "2024-12-04"}
    )
    assert (stored["outcome"], stored["announced_on"], stored["amended_amount"]) == ("adopted", "2024-12-04", None)
    running = commitment(client, "2024-12-27")
    # 2024-12-04 + three weeks is juldagen; annandag jul is a holiday too: Friday the 27th.
    assert running["appeal"] == {
        "announced_on": "2024-12-04",
        "period_ends_on": "2024-12-27",
        "period_has_run": False,
        "appeal": "none",
    }
    assert rule(running, "legal-force")["outcome"] == "pending" and rule(running, "legal-force")["kind"] == "check"
    run = commitment(client, "2024-12-28")
    assert run["appeal"]["period_has_run"] is True and rule(run, "legal-force")["outcome"] == "satisfied"
    assert run["status"] == "in_force"


def test_an_adoption_without_an_outcome_is_adopted_as_before(client, writer):
    stored = record(client, writer, ADOPTION)
    assert stored["outcome"] == "adopted"
    answer = commitment(client, "2025-06-01")
    assert answer["status"] == "in_force" and answer["appeal"] is None


def test_an_amended_adoption_sets_the_amount_in_force(client, writer):
    record(client, writer, {**ADOPTION, "outcome": "adopted_amended", "body": "KS", "amended_amount": "800000.00"})
    answer = commitment(client, "2025-06-01")
    assert (answer["status"], answer["amounts"]["committed"], answer["amounts"]["remaining"]) == (
        "in_force",
        "800000.00",
        "800000.00",
    )
    assert client.post(EVENTS, json={"type": "disbursement", **payment("800000.01")}, headers=writer).status_code == 422


def test_a_referral_back_then_an_adoption_is_the_matters_life(client, writer):
    record(client, writer, {**ADOPTION, "decided_on": "2024-09-16", "outcome": "referred_back"})
    record(client, writer, {**ADOPTION, "decided_on": "2024-10-14"})
    referred = commitment(client, "2024-10-01")
    assert referred["status"] == "referred_back" and "adopted_on" in [u["field"] for u in referred["unknowns"]]
    assert commitment(client, "2024-10-14")["status"] == "conditional"  # the ERDF decides on 2024-12-16


def test_a_rejection_is_its_own_status(client, writer):
    record(client, writer, {**ADOPTION, "outcome": "rejected"})
    answer = commitment(client, "2025-06-01")
    assert answer["status"] == "rejected" and answer["status_label"]["sv"] == "avslaget"
    assert "adopted_on" not in [u["field"] for u in answer["unknowns"]]  # the day is known: it was rejected on it


def test_an_appeal_and_its_ruling_supersede_each_other_and_an_upheld_one_annuls(client, writer):
    record(client, writer, {**ADOPTION, "announced_on": "2024-09-23"})
    pending = record(client, writer, {"type": "appeal", "lodged_on": "2024-10-01", "outcome": "pending"})
    assert pending["lodged_on"] == "2024-10-01" and pending["decided_on"] is None
    answer = commitment(client, "2024-12-20")
    assert answer["appeal"]["appeal"] == "pending" and answer["status"] == "in_force"
    ruling = {"type": "appeal", "lodged_on": "2024-10-01", "outcome": "upheld", "decided_on": "2025-02-03"}
    refused(client, writer, ruling, 409, "conflicting-fact")  # a ruling on it must say it supersedes it
    record(client, writer, {**ruling, "supersedes": pending["event_id"]})
    assert commitment(client, "2025-01-15")["appeal"]["appeal"] == "pending"  # not ruled on yet
    annulled = commitment(client, "2025-03-01")
    assert (annulled["status"], annulled["appeal"]["appeal"]) == ("annulled", "upheld")
    assert annulled["facts"]["appeal"]["outcome"] == "upheld"  # the pending one is superseded
    late = client.post(EVENTS, json={"type": "disbursement", **payment("10.00", "2025-03-01")}, headers=writer)
    assert late.status_code == 422 and "adoption" in [v["rule_id"] for v in late.json["violations"]]


def test_the_project_start_is_recorded_for_the_36_month_reading(client, writer):
    stored = record(client, writer, {"type": "project_start", "started_on": "2025-02-01"})
    assert stored["started_on"] == "2025-02-01"
    listed = client.get(f"{EVENTS}?format=csv").get_data(as_text=True)
    assert "project_start,2025-02-01" in listed
    refused(client, writer, {"type": "project_start", "started_on": "2025-03-01"}, 409, "conflicting-fact")
    record(client, writer, correction(stored["event_id"]))
    record(client, writer, {"type": "project_start", "started_on": "2025-03-01"})


# ------------------------------------------------------------------ the ERDF's decision


def test_a_withdrawal_after_approval_is_recorded_and_ends_the_commitment(client, writer):
    record(client, writer, ADOPTION)
    record(client, writer, {"type": "disbursement", **payment("400000.00", "2025-03-01")})
    record(client, writer, {"type": "eruf_decision", "decided_on": "2025-05-01", "outcome": "withdrawn"})
    before, after = commitment(client, "2025-04-30"), commitment(client, "2025-06-01")
    assert (before["status"], after["status"]) == ("in_force", "withdrawn")
    assert after["status_label"]["en"] == "ended by withdrawal"
    assert after["amounts"]["disbursed"] == "400000.00" and after["amounts"]["nonconforming"] == "0.00"
    later = client.post(EVENTS, json={"type": "disbursement", **payment("10.00", "2025-06-01")}, headers=writer)
    assert later.status_code == 422 and "eruf-approval" in [v["rule_id"] for v in later.json["violations"]]
    again = {"type": "eruf_decision", "decided_on": "2025-06-01", "outcome": "withdrawn"}
    refused(client, writer, again, 409, "conflicting-fact")


def test_a_second_grant_is_a_conflict_naming_the_press_report(client, writer):
    report = press_report(client)
    second = {"type": "eruf_decision", "decided_on": "2024-12-10", "outcome": "approved"}
    problem = refused(client, writer, second, 409, "conflicting-fact")
    assert problem["conflicting_event"]["event_id"] == report["event_id"]
    assert f"correction of event {report['event_id']}" in problem["detail"]
    assert f"supersedes {report['event_id']}" in problem["detail"]


def test_a_rejection_while_the_grant_is_live_is_a_conflict(client, writer):
    body = {"type": "eruf_decision", "decided_on": "2024-12-16", "outcome": "rejected"}
    refused(client, writer, body, 409, "conflicting-fact")


def test_an_approval_after_a_rejection_on_the_same_day_is_a_conflict(client, writer):
    record(client, writer, correction(press_report(client)["event_id"]))
    record(client, writer, {"type": "eruf_decision", "decided_on": "2025-01-10", "outcome": "rejected"})
    approval = {"type": "eruf_decision", "decided_on": "2025-01-10", "outcome": "approved"}
    problem = refused(client, writer, approval, 409, "conflicting-fact")
    assert "(rejected, 2025-01-10)" in problem["detail"]
    assert commitment(client, "2025-06-01")["status"] == "proposed"  # no adoption; the rejection stands alone
    record(client, writer, ADOPTION)
    assert commitment(client, "2025-06-01")["status"] == "lapsed"


def test_an_official_decision_supersedes_the_press_report(client, writer):
    report = press_report(client)
    official = record(
        client,
        writer,
        {
            "type": "eruf_decision",
            "decided_on": "2024-12-10",
            "outcome": "approved",
            "granted_amount": "4400000.00",
            "supersedes": report["event_id"],
            "reference": "Tillväxtverket dnr 20201234",
            "source": {"url": None, "evidence": "official_decision"},
        },
    )
    assert official["supersedes"] == report["event_id"]
    record(client, writer, ADOPTION)
    now = commitment(client, "2024-12-12")
    assert now["status"] == "in_force"  # the official decision's day counts, not the report's
    assert "2024-12-10" in rule(now, "eruf-approval")["message"]["en"]
    assert now["facts"]["eruf_decision"]["event_id"] == official["event_id"]
    assert report["event_id"] not in [e["event_id"] for e in now["facts"]["shipped"]]
    # Bitemporal: before the official decision was recorded, the report counted.
    then = commitment(client, "2024-12-20", known_as_of=report["recorded_at"])
    assert then["facts"]["eruf_decision"]["event_id"] == report["event_id"]
    # The report stays in the log; it cannot be superseded twice.
    assert client.get(f"{EVENTS}/{report['event_id']}").json["fact_id"] == PRESS_REPORT
    again = {**official, "decided_on": "2024-12-11", "supersedes": report["event_id"]}
    again = {k: again[k] for k in ("type", "decided_on", "outcome", "supersedes")}
    assert refused(client, writer, again, 422, "invalid-fact")["errors"][0]["pointer"] == "/supersedes"


def test_a_correction_of_the_superseding_fact_brings_the_superseded_one_back(client, writer):
    report = press_report(client)
    official = record(
        client,
        writer,
        {"type": "eruf_decision", "decided_on": "2024-12-10", "outcome": "approved", "supersedes": report["event_id"]},
    )
    record(client, writer, correction(official["event_id"]))
    facts = commitment(client, "2025-01-01")["facts"]
    assert facts["eruf_decision"]["event_id"] == report["event_id"] != official["event_id"]


# ------------------------------------------------------------------ refused


def test_a_second_adoption_is_a_conflict_until_the_first_is_corrected(client, writer):
    first = record(client, writer, ADOPTION)
    problem = refused(
        client, writer, {**ADOPTION, "decided_on": "2024-10-14", "outcome": "rejected"}, 409, "conflicting-fact"
    )
    assert problem["conflicting_event"] == {
        "event_id": first["event_id"],
        "type": "adoption",
        "href": f"{EVENTS}/{first['event_id']}",
    }
    assert f"Record a correction of event {first['event_id']} first" in problem["detail"]
    refused(client, writer, {**ADOPTION, "decided_on": "2024-10-14", "outcome": "tabled"}, 409, "conflicting-fact")
    record(client, writer, correction(first["event_id"]))
    record(client, writer, {**ADOPTION, "decided_on": "2024-10-14", "outcome": "rejected"})
    assert commitment(client, "2025-06-01")["status"] == "rejected"


@pytest.mark.parametrize(
    ("body", "pointer"),
    [
        ({**ADOPTION, "body": "Botkyrka kommunstyrelse", "reference": "avslag"}, "/body"),
        ({**ADOPTION, "decided_on": "2024-08-01"}, "/decided_on"),
        ({**ADOPTION, "outcome": "adopted_amended"}, "/amended_amount"),
        ({**ADOPTION, "amended_amount": "800000.00"}, "/amended_amount"),
        ({**ADOPTION, "announced_on": "2024-09-01"}, "/announced_on"),
        ({**ADOPTION, "outcome": "tabled", "announced_on": "2024-09-20"}, "/announced_on"),
        ({**GRANT, "outcome": "rejected"}, "/granted_amount"),
        ({**GRANT, "outcome": "withdrawn"}, "/granted_amount"),
        ({"type": "appeal", "lodged_on": "2024-10-01", "outcome": "pending"}, "/lodged_on"),
        ({"type": "eruf_decision", "decided_on": "2024-12-10", "outcome": "approved", "supersedes": 99}, "/supersedes"),
        ({"type": "eruf_decision", "decided_on": "2024-12-10", "outcome": "approved", "supersedes": 1}, "/supersedes"),
    ],
    ids=[
        "another body",
        "before the proposal",
        "amended without an amount",
        "an amount without amending",
        "announced before the meeting",
        "a tabling announced",
        "rejected with a grant",
        "withdrawn with a grant",
        "an appeal with no decision",
        "supersedes nothing",
        "supersedes the proposal",
    ],
)
def test_a_fact_that_cannot_be_true_is_422_pointing_at_it(client, writer, body, pointer):
    problem = refused(client, writer, body, 422, "invalid-fact")
    assert pointer in [e["pointer"] for e in problem["errors"]], problem
    assert problem["detail"].startswith("Not recorded.")
    assert commitment(client, "2025-06-01")["status"] == "proposed"


def test_an_appeal_ruling_needs_its_day_and_a_decision_before_it(client, writer):
    record(client, writer, ADOPTION)
    appeal = {"type": "appeal", "lodged_on": "2024-10-01", "outcome": "pending"}
    for body, pointer in [
        ({**appeal, "outcome": "dismissed"}, "/decided_on"),
        ({**appeal, "decided_on": "2024-11-01"}, "/decided_on"),
        ({**appeal, "lodged_on": "2024-09-10"}, "/lodged_on"),
    ]:
        assert refused(client, writer, body, 422, "invalid-fact")["errors"][0]["pointer"] == pointer
    pending = record(client, writer, {"type": "appeal", "lodged_on": "2024-10-01", "outcome": "pending"})
    other_day = {"type": "appeal", "lodged_on": "2024-10-02", "outcome": "dismissed", "decided_on": "2024-12-01"}
    problem = refused(client, writer, {**other_day, "supersedes": pending["event_id"]}, 422, "invalid-fact")
    assert problem["errors"][0]["pointer"] == "/lodged_on"
