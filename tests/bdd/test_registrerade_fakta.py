"""Scenarios of features/registrerade_fakta.feature: what a registrar records in the event
log (POST .../events, with a token), and what the auditor then reads (GET .../commitment),
on SQLite and PostgreSQL alike.

The ``Givet`` steps record what the scenario assumes and fail if the service refuses it;
``registrerat`` keeps each recorded event by its Swedish name ("antagandet",
"utbetalningen", "rättelsen"), with the request that made it.
"""

from __future__ import annotations

import pytest
from medfin_api import DECISION, get, utbetalning
from parse import with_pattern
from pytest_bdd import given, parsers, scenarios, then, when
from svenska import phrased, step, svenska

from service.steps.names import code, codes, label
from service.storage import tokens

# Steps ask for their fixtures only as they run; naming store_app here is what makes
# pytest run every scenario once per database.
pytestmark = pytest.mark.usefixtures("store_app")
scenarios("registrerade_fakta.feature")

EVENTS = f"{DECISION}/events"
PROBLEM = "application/problem+json"
# "från" names the budget the money is taken from, "till" the one who receives it.
PARTY = {"från": "source", "till": "recipient"}


@pytest.fixture
def client(store_app):
    """This feature's client writes to a new database, SQLite and PostgreSQL in turn."""
    return store_app.test_client()


@pytest.fixture
def engine(store_app):
    return store_app.extensions["medfin"].engine


@pytest.fixture
def registrator(engine):
    return {"Authorization": f"Bearer {tokens.create(engine, 'registrator', 'registrar')}"}


@pytest.fixture
def registrerat() -> dict:
    return {}


def total(client) -> int:
    return get(client, "/events").get_json()["total"]


def commitment(client, dag: str, **query) -> dict:
    return get(client, "/commitment", as_of=dag, **query).get_json()


def send(client, registrerat, body: dict, headers: dict):
    """POST the event, noting the log's total before it: a refusal must leave it alone."""
    registrerat["total före"] = total(client)
    registrerat["begäran"] = body
    return client.post(EVENTS, json=body, headers=headers)


def record(client, registrator, registrerat, name: str, body: dict, **headers) -> None:
    response = send(client, registrerat, body, {**registrator, **headers})
    assert response.status_code == 201, response.get_json()
    registrerat[name] = response.get_json()


def disbursement(dag: str, belopp: str, **party) -> dict:
    return {"type": "disbursement", **utbetalning(dag, belopp, **party)}


def violation(response, regel: str) -> dict:
    (found,) = [v for v in response.get_json()["violations"] if v["rule_id"] == regel]
    assert found["outcome"] == "violated"
    return found


def accepted(response, vem: str) -> dict:
    """A 201 whose Location is the stored event, recorded by ``vem`` at a UTC moment."""
    event = response.get_json()
    assert response.status_code == 201, event
    assert response.headers["Location"] == event["links"]["self"]
    assert (event["recorded_by"], event["recorded_at"][-1], event["corrected_by"]) == (vem, "Z", None)
    return event


# ---------------------------------------------------------------- Givet


#: What kommunstyrelsen did with the proposal, as a sentence says it and the event records it.
DECISIONS = {
    "antog förslaget": "adopted",
    "avslog förslaget": "rejected",
    "återremitterade ärendet": "referred_back",
    "bordlade ärendet": "tabled",
}
Beslut = with_pattern("|".join(DECISIONS))(lambda text: DECISIONS[text.lower()])
DECIDED = 'kommunstyrelsen {beslutet:Beslut} {dag:Dag} enligt protokollet "{protokoll}"'
#: The court's ruling on a pending appeal (laglighetsprövning).
RULINGS = {"avslog överklagandet": "dismissed", "upphävde beslutet": "upheld"}
Utslag = with_pattern("|".join(RULINGS))(lambda text: RULINGS[text.lower()])
PRESS_REPORT = "eruf-grant-reported-2024-12-16"


def decided(beslutet: str, dag: str, protokoll: str, **more) -> dict:
    body = {"type": "adoption", "decided_on": dag, "outcome": beslutet, "body": "Kommunstyrelsen"}
    return {**body, "reference": protokoll, "source": {"evidence": "protocol"}, **more}


def shipped(client, fact_id: str) -> dict:
    (found,) = [e for e in get(client, "/events", limit=100).get_json()["items"] if e.get("fact_id") == fact_id]
    return found


def ruling(registrerat: dict, utslaget: str, dag: str) -> dict:
    pending = registrerat["överklagandet"]
    return {
        "type": "appeal",
        "lodged_on": pending["lodged_on"],
        "outcome": utslaget,
        "decided_on": dag,
        "supersedes": pending["event_id"],
    }


# Each recorded event is kept under the name a later step calls it by.
NAMES = {"adoption": "kommunstyrelsens beslut", "appeal": "överklagandet", "project_start": "projektstarten"}


@phrased(given, "att registratorn har registrerat att " + DECIDED, extra_types={"Beslut": Beslut})
def _(client, registrator, registrerat, beslutet, dag, protokoll):
    record(client, registrator, registrerat, "kommunstyrelsens beslut", decided(beslutet, dag, protokoll))
    if beslutet == "adopted":
        registrerat["antagandet"] = registrerat["kommunstyrelsens beslut"]


@phrased(
    given,
    "att registratorn har registrerat att " + DECIDED + ", tillkännagivet på anslagstavlan {anslag:Dag}",
    extra_types={"Beslut": Beslut},
)
def _(client, registrator, registrerat, beslutet, dag, protokoll, anslag):
    body = decided(beslutet, dag, protokoll, announced_on=anslag)
    record(client, registrator, registrerat, "kommunstyrelsens beslut", body)


@phrased(when, "registratorn registrerar att " + DECIDED, extra_types={"Beslut": Beslut}, target_fixture="response")
def _(client, registrator, registrerat, beslutet, dag, protokoll):
    return send(client, registrerat, decided(beslutet, dag, protokoll), registrator)


@phrased(when, 'registratorn registrerar att "{organ}" antog förslaget {dag:Dag}', target_fixture="response")
def _(client, registrator, registrerat, organ, dag):
    return send(client, registrerat, {"type": "adoption", "decided_on": dag, "body": organ}, registrator)


@phrased(given, "att registratorn har registrerat att beslutet överklagades {dag:Dag}")
def _(client, registrator, registrerat, dag):
    body = {"type": "appeal", "lodged_on": dag, "outcome": "pending"}
    record(client, registrator, registrerat, "överklagandet", body)


@phrased(when, "registratorn registrerar att beslutet överklagades {dag:Dag}", target_fixture="response")
def _(client, registrator, registrerat, dag):
    return send(client, registrerat, {"type": "appeal", "lodged_on": dag, "outcome": "pending"}, registrator)


@phrased(
    given,
    "att registratorn har registrerat att förvaltningsrätten {utslaget:Utslag} {dag:Dag}",
    extra_types={"Utslag": Utslag},
)
def _(client, registrator, registrerat, utslaget, dag):
    record(client, registrator, registrerat, "utslaget", ruling(registrerat, utslaget, dag))


@phrased(
    when,
    "registratorn registrerar att förvaltningsrätten {utslaget:Utslag} {dag:Dag}",
    extra_types={"Utslag": Utslag},
    target_fixture="response",
)
def _(client, registrator, registrerat, utslaget, dag):
    return send(client, registrerat, ruling(registrerat, utslaget, dag), registrator)


@phrased(given, "att registratorn har registrerat att projektet startade {dag:Dag}")
def _(client, registrator, registrerat, dag):
    record(client, registrator, registrerat, "projektstarten", {"type": "project_start", "started_on": dag})


@phrased(when, "registratorn registrerar att projektet startade {dag:Dag}", target_fixture="response")
def _(client, registrator, registrerat, dag):
    return send(client, registrerat, {"type": "project_start", "started_on": dag}, registrator)


@phrased(when, "registratorn registrerar att ERUF godkände ansökan {dag:Dag}", target_fixture="response")
def _(client, registrator, registrerat, dag):
    body = {"type": "eruf_decision", "decided_on": dag, "outcome": "approved", "reference": "ERUF:s beslut"}
    return send(client, registrerat, body, registrator)


@phrased(
    when,
    "registratorn registrerar att ERUF godkände ansökan {dag:Dag}, vilket ersätter pressuppgiften",
    target_fixture="response",
)
def _(client, registrator, registrerat, dag):
    body = {"type": "eruf_decision", "decided_on": dag, "outcome": "approved", "reference": "ERUF:s beslut"}
    body["supersedes"] = shipped(client, PRESS_REPORT)["event_id"]
    return send(client, registrerat, body, registrator)


@phrased(given, 'att registratorn har rättat kommunstyrelsens beslut med skälet "{skal}"')
def _(client, registrator, registrerat, skal):
    body = {"type": "correction", "corrects": registrerat["kommunstyrelsens beslut"]["event_id"], "reason": skal}
    record(client, registrator, registrerat, "rättelsen", body)


@given(step("att registratorn har registrerat en utbetalning om {belopp:Belopp} den {dag:Dag}"))
def _(client, registrator, registrerat, belopp, dag):
    record(client, registrator, registrerat, "utbetalningen", disbursement(dag, belopp))


@given(step('att registratorn har registrerat en utbetalning om {belopp:Belopp} den {dag:Dag} med nyckeln "{nyckel}"'))
def _(client, registrator, registrerat, belopp, dag, nyckel):
    record(client, registrator, registrerat, "utbetalningen", disbursement(dag, belopp), **{"Idempotency-Key": nyckel})


@given(parsers.parse('att registratorn har rättat utbetalningen med skälet "{skal}"'))
def _(client, registrator, registrerat, skal):
    body = {"type": "correction", "corrects": registrerat["utbetalningen"]["event_id"], "reason": skal}
    record(client, registrator, registrerat, "rättelsen", body)


@given(step("att registratorn har registrerat att Flemingsberg Science återkallade ansökan {dag:Dag}"))
def _(client, registrator, registrerat, dag):
    body = {"type": "eruf_decision", "decided_on": dag, "outcome": "withdrawn", "reference": "Återkallelse"}
    record(client, registrator, registrerat, "återkallelsen", body)


# ---------------------------------------------------------------- När


@when(step("revisorn hämtar det registrerade åtagandet den {dag:Dag}"), target_fixture="response")
def _(client, dag):
    return get(client, "/commitment", as_of=dag)


@when(
    step("revisorn hämtar åtagandet den {dag:Dag} som det var känt när {handelsen} registrerades"),
    target_fixture="response",
)
def _(client, registrerat, dag, handelsen):
    return get(client, "/commitment", as_of=dag, known_as_of=registrerat[handelsen]["recorded_at"])


@when(step("{vem} registrerar en utbetalning om {belopp:Belopp} den {dag:Dag}"), target_fixture="response")
def _(client, engine, registrator, registrerat, vem, belopp, dag):
    headers = {
        "registratorn": registrator,
        "någon utan token": {},
        "en läsare": {"Authorization": f"Bearer {tokens.create(engine, 'lasare', 'reader')}"},
    }[vem]
    return send(client, registrerat, disbursement(dag, belopp), headers)


@when(
    step('registratorn registrerar en utbetalning om {belopp:Belopp} den {dag:Dag} {riktning} "{part}"'),
    target_fixture="response",
)
def _(client, registrator, registrerat, belopp, dag, riktning, part):
    return send(client, registrerat, disbursement(dag, belopp, **{PARTY[riktning]: part}), registrator)


@when(parsers.parse('registratorn rättar utbetalningen med skälet "{skal}"'), target_fixture="response")
def _(client, registrator, registrerat, skal):
    body = {"type": "correction", "corrects": registrerat["utbetalningen"]["event_id"], "reason": skal}
    return send(client, registrerat, body, registrator)


@when(parsers.parse('registratorn skickar samma utbetalning igen med nyckeln "{nyckel}"'), target_fixture="response")
def _(client, registrator, registrerat, nyckel):
    return send(client, registrerat, registrerat["begäran"], {**registrator, "Idempotency-Key": nyckel})


# ---------------------------------------------------------------- Så


@then(step('ska utbetalningen om {belopp:Belopp} tas emot, registrerad av "{vem}"'))
def _(client, response, belopp, vem):
    event = accepted(response, vem)
    assert (event["type"], event["amount"]) == ("disbursement", belopp)
    assert client.get(event["links"]["self"]).get_json() == event


@then(parsers.parse('ska rättelsen av utbetalningen tas emot, registrerad av "{vem}"'))
def _(response, registrerat, vem):
    event = accepted(response, vem)
    assert (event["type"], event["corrects"]) == ("correction", registrerat["utbetalningen"]["event_id"])


@phrased(
    then, "ska registreringen nekas på grund av {regler:Regler}", 'ska registreringen nekas på grund av "{regler}"'
)
def _(response, regler):
    assert (response.status_code, response.content_type) == (422, PROBLEM)
    expected = codes("regel", regler) if isinstance(regler, str) else regler
    assert [v["rule_id"] for v in response.get_json()["violations"]] == expected


@phrased(
    then,
    'regeln om {regel:Regel}, som inte är uppfylld, ska citera "{ankare}" med orden "{orden}"',
    'den brutna regeln "{regel}" ska citera "{ankare}" med orden "{orden}"',
)
def _(response, regel, ankare, orden):
    quotes = [c["quote"] for c in violation(response, code("regel", regel))["citations"] if c["anchor"] == ankare]
    assert any(orden in quote for quote in quotes), (ankare, quotes)


@phrased(
    then,
    'regeln om {regel:Regel}, som inte är uppfylld, ska säga "{text}"',
    'den brutna regeln "{regel}" ska säga "{text}"',
)
def _(response, regel, text):
    assert text in svenska(violation(response, code("regel", regel))["message"]["sv"])


@phrased(then, "ska registreringen avvisas som motstridig med {handelsen}")
def _(client, response, registrerat, handelsen):
    """A 409 that names the live fact the new one contradicts, so that the registrar can
    correct the one that is wrong."""
    problem = response.get_json()
    assert (response.status_code, response.content_type) == (409, PROBLEM), problem
    live = shipped(client, PRESS_REPORT) if handelsen == "pressuppgiften" else registrerat[handelsen]
    assert str(live["event_id"]) in str(problem), problem


@phrased(then, 'ska registreringen avvisas med status {status:d} och peka på "{pekare}"')
def _(response, status, pekare):
    problem = response.get_json()
    assert (response.status_code, response.content_type) == (status, PROBLEM), problem
    assert pekare in [e.get("pointer") for e in problem.get("errors", [])], problem


@phrased(then, 'ska händelsen tas emot, registrerad av "{vem}"')
def _(response, vem):
    accepted(response, vem)


@then(parsers.parse("ska registreringen avvisas med status {status:d}"))
def _(response, status):
    assert (response.status_code, response.content_type) == (status, PROBLEM)


@then(parsers.parse("händelseloggen ska fortfarande ha {antal:d} händelser"))
def _(client, registrerat, antal):
    assert (registrerat["total före"], total(client)) == (antal, antal)


@then(parsers.parse("händelseloggen ska ha {antal:d} händelser"))
def _(client, antal):
    assert total(client) == antal


@then(step("åtagandet den {dag:Dag} ska visa utbetalt {utbetalt:Belopp} och kvar {kvar:Belopp}"))
def _(client, dag, utbetalt, kvar):
    amounts = commitment(client, dag)["amounts"]
    assert (amounts["disbursed"], amounts["remaining"]) == (utbetalt, kvar)


@phrased(then, "åtagandet den {dag:Dag} ska vara {status:Status}")
def _(client, dag, status):
    document = commitment(client, dag)
    assert (document["status"], document["status_label"]["sv"]) == (status, label("status", status))


@phrased(then, 'åtagandet den {dag:Dag} ska ha status "{status}" med etiketten "{etikett}"')
def _(client, dag, status, etikett):
    document = commitment(client, dag)
    assert (document["status"], document["status_label"]["sv"]) == (status, etikett)


@then("antagandedagen ska stå som okänd")
def _(response):
    document = response.get_json()
    (unknown,) = [u for u in document["unknowns"] if u["field"] == "adopted_on"]
    assert "inte känd" in unknown["note"]
    assert "adoption" not in [f["type"] for f in document["facts"]]


@then(step('antagandet {dag:Dag} ska räknas enligt protokollet "{protokoll}"'))
def _(response, dag, protokoll):
    document = response.get_json()
    (fact,) = [f for f in document["facts"] if f["type"] == "adoption"]
    assert (fact["decided_on"], fact["reference"], fact["source"]["evidence"]) == (dag, protokoll, "protocol")
    assert fact["counts"] is True
    assert "adopted_on" not in [u["field"] for u in document["unknowns"]]


@then(step("utbetalningen ska synas kvar med beloppet {belopp:Belopp}, rättad av rättelsen"))
def _(client, response, registrerat, belopp):
    shown = client.get(registrerat["utbetalningen"]["links"]["self"]).get_json()
    assert (shown["amount"], shown["corrected_by"]) == (belopp, response.get_json()["event_id"])


@then(parsers.parse("ska svaret gälla det som var känt när {handelsen} registrerades"))
def _(response, registrerat, handelsen):
    assert response.get_json()["known_as_of"] == registrerat[handelsen]["recorded_at"]


@then("ska svaret vara samma händelse som första gången")
def _(response, registrerat):
    assert (response.status_code, response.headers["Idempotent-Replayed"]) == (201, "true")
    assert response.get_json() == registrerat["utbetalningen"]
    assert response.headers["Location"] == registrerat["utbetalningen"]["links"]["self"]
