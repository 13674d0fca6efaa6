"""Scenarios of features/finansiering.feature, and the steps that read the financing plan."""

from __future__ import annotations

from decimal import Decimal

from medfin_api import get
from pytest_bdd import scenarios, then, when
from svenska import phrased

scenarios("finansiering.feature")


def eruf(plan: dict) -> dict:
    (contribution,) = [c for c in plan["contributions"] if c["kind"] == "eu_fund"]
    return contribution


@phrased(when, "revisorn hämtar finansieringsplanen", target_fixture="response")
def _(client):
    return get(client, "/financing-plan")


@phrased(then, "ska bidragen uppgå till {belopp:Belopp}", "ska bidragen summera till {belopp:Belopp}")
def _(response, belopp):
    plan = response.get_json()
    # The auditor adds the contributions up; the service's own total must agree.
    added = sum((Decimal(c["amount"]) for c in plan["contributions"]), Decimal("0.00"))
    assert (str(added), plan["total"]) == (belopp, belopp)


@phrased(then, "den angivna totalen ska vara {belopp:Belopp}")
def _(response, belopp):
    assert response.get_json()["stated_total"] == belopp


@phrased(then, "ska ERUF:s bidrag vara {belopp:Belopp}")
def _(response, belopp):
    assert eruf(response.get_json())["amount"] == belopp


@phrased(then, "ERUF:s andel ska vara exakt {andel:Procent} %")
def _(response, andel):
    plan = response.get_json()
    contribution = eruf(plan)
    assert Decimal(contribution["amount"]) / Decimal(plan["total"]) == andel
    assert Decimal(contribution["share"]) == andel
