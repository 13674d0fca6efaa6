"""Steps every feature shares: the facts an auditor assumes, the what-if question, and
what the answer must say.

Every step goes through the public HTTP API (docs/api.md) with Flask's test client.
The ``Givet`` steps fill in ``body``, the request of POST .../evaluate; a ``När`` step
sends it and hands the response on as ``response``; the ``Så`` steps read it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from medfin_api import evaluate, rule, utbetalning
from pytest_bdd import given, then, when
from svenska import step, svenska


@pytest.fixture
def body() -> dict:
    """The what-if request, before its date: nothing has happened, defaults read."""
    return {"facts": {"adopted_on": None, "eruf_decision": None, "disbursements": []}, "interpretations": {}}


# ---------------------------------------------------------------- Givet


@given(step("att Kommunstyrelsen antog förslaget {dag:Dag}"))
def _(body, dag):
    body["facts"]["adopted_on"] = dag


@given(step("att ERUF godkände ansökan {dag:Dag}"))
def _(body, dag):
    body["facts"]["eruf_decision"] = {"decided_on": dag, "outcome": "approved"}


@given(step("att ERUF beviljade {belopp:Belopp} av de sökta medlen {dag:Dag}"))
def _(body, belopp, dag):
    body["facts"]["eruf_decision"] = {"decided_on": dag, "outcome": "approved", "granted_amount": belopp}


@given(step("att ERUF avslog ansökan {dag:Dag}"))
def _(body, dag):
    body["facts"]["eruf_decision"] = {"decided_on": dag, "outcome": "rejected"}


@given(step("att Flemingsberg Science återkallade ansökan {dag:Dag}"))
def _(body, dag):
    body["facts"]["eruf_decision"] = {"decided_on": dag, "outcome": "withdrawn"}


@given(step("att {belopp:Belopp} betalades ut {dag:Dag}"))
def _(body, belopp, dag):
    body["facts"]["disbursements"].append(utbetalning(dag, belopp))


@given(step("att projektet startade {dag:Dag}"))
def _(body, dag):
    body["facts"]["project_started_on"] = dag


@given(step('att revisorn väljer tolkningen "{tolkning}" = "{alternativ}"'))
def _(body, tolkning, alternativ):
    body["interpretations"][tolkning] = alternativ


# ---------------------------------------------------------------- När


@when(step("revisorn prövar en utbetalning om {belopp:Belopp} den {dag:Dag}"), target_fixture="response")
def _(client, body, belopp, dag):
    return evaluate(client, body, dag, utbetalning(dag, belopp))


@when(step('revisorn prövar en utbetalning om {belopp:Belopp} den {dag:Dag} från "{kalla}"'), target_fixture="response")
def _(client, body, belopp, dag, kalla):
    return evaluate(client, body, dag, utbetalning(dag, belopp, source=kalla))


@when(
    step('revisorn prövar en utbetalning om {belopp:Belopp} den {dag:Dag} till "{mottagare}"'),
    target_fixture="response",
)
def _(client, body, belopp, dag, mottagare):
    return evaluate(client, body, dag, utbetalning(dag, belopp, recipient=mottagare))


@when(step("revisorn frågar efter åtagandets status den {dag:Dag}"), target_fixture="response")
def _(client, body, dag):
    return evaluate(client, body, dag)


# ---------------------------------------------------------------- Så
# Swedish puts the verb second: "Så ska regeln ..." but "Och regeln ... ska ...".
# A step that can follow either keyword is registered in both word orders.


@then("ska utbetalningen vara tillåten")
def _(response):
    verdict = response.get_json()["proposed_disbursement"]
    assert (verdict["allowed"], verdict["violations"]) == (True, [])


@then(step('ska utbetalningen nekas på grund av "{regler}"'))
def _(response, regler):
    verdict = response.get_json()["proposed_disbursement"]
    assert (verdict["allowed"], verdict["violations"]) == (False, regler.split(", "))


@then(step('ska åtagandet ha status "{status}" med etiketten "{etikett}"'))
@then(step('åtagandet ska ha status "{status}" med etiketten "{etikett}"'))
def _(response, status, etikett):
    document = response.get_json()
    assert (document["status"], document["status_label"]["sv"]) == (status, etikett)


@then(step("ska utbetalt vara {utbetalt:Belopp} och kvar {kvar:Belopp}"))
@then(step("utbetalt ska vara {utbetalt:Belopp} och kvar {kvar:Belopp}"))
def _(response, utbetalt, kvar):
    amounts = response.get_json()["amounts"]
    assert (amounts["disbursed"], amounts["remaining"]) == (utbetalt, kvar)
    assert Decimal(amounts["committed"]) - Decimal(utbetalt) == Decimal(kvar)


@then(step('ska regeln "{regel}" vara "{utfall}" och citera "{ankare}" med orden "{orden}"'))
@then(step('regeln "{regel}" ska vara "{utfall}" och citera "{ankare}" med orden "{orden}"'))
def _(response, regel, utfall, ankare, orden):
    outcome = rule(response, regel)
    assert outcome["outcome"] == utfall, outcome["message"]
    quotes = [c["quote"] for c in outcome["citations"] if c["anchor"] == ankare]
    assert any(orden in quote for quote in quotes), (ankare, quotes)


@then(step('ska regeln "{regel}" säga "{text}"'))
@then(step('regeln "{regel}" ska säga "{text}"'))
def _(response, regel, text):
    assert text in svenska(rule(response, regel)["message"]["sv"])


@then(step('ska regeln "{regel}" tillämpa tolkningen "{tolkning}" = "{alternativ}"'))
@then(step('regeln "{regel}" ska tillämpa tolkningen "{tolkning}" = "{alternativ}"'))
def _(response, regel, tolkning, alternativ):
    assert rule(response, regel)["interpretation"] == {"interpretation_id": tolkning, "option_id": alternativ}
    assert response.get_json()["interpretations"][tolkning] == alternativ
