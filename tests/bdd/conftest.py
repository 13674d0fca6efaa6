"""Steps every feature shares: the facts an auditor assumes, the what-if question, and
what the answer must say.

Every step goes through the public HTTP API (docs/api.md) with Flask's test client.
The ``Givet`` steps fill in ``body``, the request of POST .../evaluate; a ``När`` step
sends it and hands the response on as ``response``; the ``Så`` steps read it.

Each step is a table of phrasings (``phrased``): the first names rules, outcomes and
statuses in Swedish ("regeln om beloppsgränsen ska vara "inte uppfylld""); the older
phrasings that quote the API's codes ("regeln "amount-cap" ska vara "violated"") follow,
so that scenarios written with them still run. ``namn`` turns either into the code.
"""

from __future__ import annotations

import pytest
from medfin_api import answer, evaluate, rule, utbetalning
from namn import code, codes, label
from pytest_bdd import given, then, when
from svenska import phrased, svenska

KOMMUNSTYRELSEN = "Kommunstyrelsen"


@pytest.fixture
def body() -> dict:
    """The what-if request, before its date: nothing has happened, defaults read."""
    return {"facts": {"adopted_on": None, "eruf_decision": None, "disbursements": []}, "interpretations": {}}


def adoption(body: dict) -> dict:
    """The facts' ``adoption``, made from the ``adopted_on`` shorthand where a step needs
    more than the day (the announcement, an appeal)."""
    facts = body["facts"]
    if "adoption" not in facts:
        facts["adoption"] = {"decided_on": facts.pop("adopted_on"), "outcome": "adopted", "body": KOMMUNSTYRELSEN}
    return facts["adoption"]


def decide(body: dict, dag: str, outcome: str, organ: str = KOMMUNSTYRELSEN, **more) -> None:
    body["facts"].pop("adopted_on", None)
    body["facts"]["adoption"] = {"decided_on": dag, "outcome": outcome, "body": organ, **more}


# ---------------------------------------------------------------- Givet: kommunstyrelsen


@phrased(given, "att Kommunstyrelsen antog förslaget {dag:Dag}")
def _(body, dag):
    body["facts"].pop("adoption", None)
    body["facts"]["adopted_on"] = dag


# What kommunstyrelsen did with the proposal at one meeting (kommunallagen 5 kap.).
OUTCOMES = {
    "att Kommunstyrelsen avslog förslaget {dag:Dag}": "rejected",
    "att Kommunstyrelsen återremitterade ärendet {dag:Dag}": "referred_back",
    "att Kommunstyrelsen bordlade ärendet {dag:Dag}": "tabled",
}
for _text, _outcome in OUTCOMES.items():

    @phrased(given, _text)
    def _(body, dag, _outcome=_outcome):
        decide(body, dag, _outcome)


@phrased(given, "att Kommunstyrelsen antog förslaget {dag:Dag} med ändringen att medfinansieringen är {belopp:Belopp}")
def _(body, dag, belopp):
    decide(body, dag, "adopted_amended", amended_amount=belopp)


@phrased(given, 'att "{organ}" antog förslaget {dag:Dag}')
def _(body, organ, dag):
    decide(body, dag, "adopted", organ)


@phrased(given, "att justeringen av protokollet tillkännagavs på anslagstavlan {dag:Dag}")
def _(body, dag):
    adoption(body)["announced_on"] = dag


@phrased(given, "att beslutet överklagades {dag:Dag}")
def _(body, dag):
    adoption(body)
    body["facts"].setdefault("appeals", []).append({"lodged_on": dag, "outcome": "pending"})


# The court's ruling on the latest appeal (laglighetsprövning, kommunallagen 13 kap.).
RULINGS = {
    "att förvaltningsrätten avslog överklagandet {dag:Dag}": "dismissed",
    "att förvaltningsrätten upphävde beslutet {dag:Dag}": "upheld",
}
for _text, _ruling in RULINGS.items():

    @phrased(given, _text)
    def _(body, dag, _ruling=_ruling):
        appeal = body["facts"]["appeals"][-1]
        appeal.update(outcome=_ruling, decided_on=dag)


# ---------------------------------------------------------------- Givet: ERUF och projektet


@phrased(given, "att ERUF godkände ansökan {dag:Dag}")
def _(body, dag):
    body["facts"]["eruf_decision"] = {"decided_on": dag, "outcome": "approved"}


@phrased(given, "att ERUF beviljade {belopp:Belopp} av de sökta medlen {dag:Dag}")
def _(body, belopp, dag):
    body["facts"]["eruf_decision"] = {"decided_on": dag, "outcome": "approved", "granted_amount": belopp}


@phrased(given, "att ERUF avslog ansökan {dag:Dag}")
def _(body, dag):
    body["facts"]["eruf_decision"] = {"decided_on": dag, "outcome": "rejected"}


@phrased(given, "att Flemingsberg Science återkallade ansökan {dag:Dag}")
def _(body, dag):
    """Before any decision of ERUF's, the withdrawal is the application's end; after an
    approval, it is a fact of its own (``eruf_withdrawn_on``), as the event log has it."""
    eruf = body["facts"]["eruf_decision"]
    if eruf is not None and eruf["outcome"] == "approved":
        body["facts"]["eruf_withdrawn_on"] = dag
    else:
        body["facts"]["eruf_decision"] = {"decided_on": dag, "outcome": "withdrawn"}


@phrased(given, "att projektet startade {dag:Dag}")
def _(body, dag):
    body["facts"]["project_started_on"] = dag


# ---------------------------------------------------------------- Givet: utbetalningar och tolkningar


@phrased(given, "att {belopp:Belopp} betalades ut {dag:Dag}")
def _(body, belopp, dag):
    body["facts"]["disbursements"].append(utbetalning(dag, belopp))


@phrased(
    given,
    "att {belopp:Belopp} betalades ut {dag:Dag} till {part:Part}",
    'att {belopp:Belopp} betalades ut {dag:Dag} till "{part}"',
)
def _(body, belopp, dag, part):
    body["facts"]["disbursements"].append(utbetalning(dag, belopp, recipient=code("part", part)))


@phrased(given, 'att revisorn väljer tolkningen "{tolkning}" = "{alternativ}"')
def _(body, tolkning, alternativ):
    body["interpretations"][tolkning] = alternativ


# ---------------------------------------------------------------- När


@phrased(when, "revisorn prövar en utbetalning om {belopp:Belopp} den {dag:Dag}", target_fixture="response")
def _(client, body, belopp, dag):
    return evaluate(client, body, dag, utbetalning(dag, belopp))


@phrased(
    when, 'revisorn prövar en utbetalning om {belopp:Belopp} den {dag:Dag} från "{kalla}"', target_fixture="response"
)
def _(client, body, belopp, dag, kalla):
    return evaluate(client, body, dag, utbetalning(dag, belopp, source=kalla))


@phrased(
    when,
    "revisorn prövar en utbetalning om {belopp:Belopp} den {dag:Dag} till {mottagare:Part}",
    'revisorn prövar en utbetalning om {belopp:Belopp} den {dag:Dag} till "{mottagare}"',
    target_fixture="response",
)
def _(client, body, belopp, dag, mottagare):
    return evaluate(client, body, dag, utbetalning(dag, belopp, recipient=code("part", mottagare)))


@phrased(when, "revisorn frågar efter åtagandets status den {dag:Dag}", target_fixture="response")
def _(client, body, dag):
    return evaluate(client, body, dag)


# ---------------------------------------------------------------- Så
# Swedish puts the verb second: "Så ska regeln ..." but "Och regeln ... ska ...";
# ``phrased(..., both=True)`` registers each phrasing in both word orders.


@phrased(then, "ska utbetalningen vara tillåten")
def _(response):
    verdict = answer(response)["proposed_disbursement"]
    assert (verdict["allowed"], verdict["violations"]) == (True, [])


@phrased(
    then,
    "ska utbetalningen nekas på grund av {regler:Regler}",
    'ska utbetalningen nekas på grund av "{regler}"',
)
def _(response, regler):
    verdict = answer(response)["proposed_disbursement"]
    expected = codes("regel", regler) if isinstance(regler, str) else regler
    assert (verdict["allowed"], verdict["violations"]) == (False, expected)


@phrased(then, "ska utbetalningen varken vara tillåten eller nekad")
def _(response):
    """A rule that cannot be decided yet is no permission, and no refusal either."""
    verdict = answer(response)["proposed_disbursement"]
    assert (verdict["allowed"], verdict["violations"]) == (False, [])
    assert "pending" in [r["outcome"] for r in verdict["rules"]]


@phrased(then, "åtagandet ska vara {status:Status}", 'åtagandets status ska vara "{status:Status}"', both=True)
def _(response, status):
    document = answer(response)
    assert (document["status"], document["status_label"]["sv"]) == (status, label("status", status))


@phrased(then, 'åtagandet ska ha status "{status}" med etiketten "{etikett}"', both=True)
def _(response, status, etikett):
    document = answer(response)
    assert (document["status"], document["status_label"]["sv"]) == (status, etikett)


@phrased(then, "utbetalt ska vara {utbetalt:Belopp} och kvar {kvar:Belopp}", both=True)
def _(response, utbetalt, kvar):
    amounts = answer(response)["amounts"]
    assert (amounts["disbursed"], amounts["remaining"]) == (utbetalt, kvar)


AMOUNTS = {
    "medfinansieringen ska vara {belopp:Belopp}": "committed",
    "det överskjutande beloppet ska vara {belopp:Belopp}": "excess",
    "det som betalats ut i strid med villkoren ska vara {belopp:Belopp}": "nonconforming",
}
for _text, _field in AMOUNTS.items():

    @phrased(then, _text, both=True)
    def _(response, belopp, _field=_field):
        assert answer(response)["amounts"][_field] == belopp


@phrased(
    then,
    'regeln om {regel:Regel} ska vara "{utfall:Utfall}" och citera "{ankare}" med orden "{orden}"',
    'regeln "{regel}" ska vara "{utfall}" och citera "{ankare}" med orden "{orden}"',
    both=True,
)
def _(response, regel, utfall, ankare, orden):
    outcome = rule(response, code("regel", regel))
    assert outcome["outcome"] == code("utfall", utfall), outcome["message"]
    quotes = [c["quote"] for c in outcome["citations"] if c["anchor"] == ankare]
    assert any(orden in quote for quote in quotes), (ankare, quotes)


@phrased(then, 'regeln om {regel:Regel} ska vara "{utfall:Utfall}"', both=True)
def _(response, regel, utfall):
    outcome = rule(response, regel)
    assert outcome["outcome"] == utfall, outcome["message"]


@phrased(then, 'regeln om {regel:Regel} ska säga "{text}"', 'regeln "{regel}" ska säga "{text}"', both=True)
def _(response, regel, text):
    assert text in svenska(rule(response, code("regel", regel))["message"]["sv"])


@phrased(then, 'regeln om {regel:Regel} inte ska säga "{text}"')
def _(response, regel, text):
    assert text not in svenska(rule(response, regel)["message"]["sv"])


@phrased(
    then,
    'regeln om {regel:Regel} ska tillämpa tolkningen "{tolkning}" = "{alternativ}"',
    'regeln "{regel}" ska tillämpa tolkningen "{tolkning}" = "{alternativ}"',
    both=True,
)
def _(response, regel, tolkning, alternativ):
    assert rule(response, code("regel", regel))["interpretation"] == {
        "interpretation_id": tolkning,
        "option_id": alternativ,
    }
    assert answer(response)["interpretations"][tolkning] == alternativ


@phrased(then, 'svaret ska tillämpa tolkningen "{tolkning}" = "{alternativ}"', both=True)
def _(response, tolkning, alternativ):
    assert answer(response)["interpretations"][tolkning] == alternativ


# ---------------------------------------------------------------- Så: laga kraft


@phrased(then, "tiden för överklagande ska gå ut {dag:Dag}", both=True)
def _(response, dag):
    assert answer(response)["appeal"]["period_ends_on"] == dag


HAS_RUN = {"tiden för överklagande ska ha gått ut": True, "tiden för överklagande ska inte ha gått ut": False}
for _text, _has_run in HAS_RUN.items():

    @phrased(then, _text, both=True)
    def _(response, _has_run=_has_run):
        assert answer(response)["appeal"]["period_has_run"] is _has_run


@phrased(then, 'läget för överklagande ska vara "{läge}"', both=True)
def _(response, läge):
    assert answer(response)["appeal"]["appeal"] == code("överklagande", läge)


@phrased(then, "svaret ska inte ange någon tid för överklagande", both=True)
def _(response):
    assert answer(response)["appeal"] is None


# ---------------------------------------------------------------- Så: en fråga som inte kan besvaras


@phrased(then, 'ska frågan avvisas med status {status:d} och peka på "{pekare}"')
def _(response, status, pekare):
    problem = response.get_json()
    assert (response.status_code, response.content_type) == (status, "application/problem+json"), problem
    assert pekare in [e.get("pointer") for e in problem.get("errors", [])], problem
