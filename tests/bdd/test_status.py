"""Scenarios of features/status.feature, and the steps that read the commitment as the
decision's own published facts give it (GET .../commitment)."""

from __future__ import annotations

from medfin_api import get
from pytest_bdd import parsers, scenarios, then, when
from svenska import step

scenarios("status.feature")


@when(step("revisorn hämtar åtagandet enligt de publicerade fakta den {dag:Dag}"), target_fixture="response")
def _(client, dag):
    return get(client, "/commitment", as_of=dag)


@then("antagandedagen ska vara okänd")
def _(response):
    document = response.get_json()
    assert "adopted_on" in [u["field"] for u in document["unknowns"]]
    assert "adoption" not in [f["type"] for f in document["facts"]]


@then(parsers.parse('faktumet "{fakta_id}" ska räknas med beviskraften "{beviskraft}"'))
def _(response, fakta_id, beviskraft):
    (fact,) = [f for f in response.get_json()["facts"] if f.get("fact_id") == fakta_id]
    assert (fact["source"]["evidence"], fact["counts"]) == (beviskraft, True)


@then(parsers.parse('faktumet "{fakta_id}" ska ha källan "{adress}" och citera "{citat}"'))
def _(response, fakta_id, adress, citat):
    (fact,) = [f for f in response.get_json()["facts"] if f.get("fact_id") == fakta_id]
    assert fact["source"]["url"] == adress
    assert citat in (fact["quote"], fact.get("budget_quote"))


@then(parsers.parse('faktumets anteckning ska säga "{text}"'))
def _(response, text):
    (fact,) = [f for f in response.get_json()["facts"] if f.get("fact_id") == "eruf-grant-reported-2024-12-16"]
    assert text in fact["note_sv"]
