"""The public HTTP API as the steps use it: one decision, its what-if evaluation, and
the rule outcomes an auditor reads. No steps here: pytest-bdd would not find them."""

from __future__ import annotations

DECISION = "/v1/decisions/ks-2024-1371-481"
# The identifiers the contract gives for beslutspunkt 2's source and beslutspunkt 1's
# recipient: an utbetalning an auditor does not qualify is the ordinary, lawful one.
RESERVE = "reserverade-medel-for-oforutsett"
FLEMINGSBERG_SCIENCE = "stiftelsen-flemingsberg-science"


def utbetalning(paid_on: str, amount: str, *, source: str = RESERVE, recipient: str = FLEMINGSBERG_SCIENCE) -> dict:
    return {"paid_on": paid_on, "amount": amount, "funding_source": source, "recipient": recipient}


def evaluate(client, body: dict, as_of: str, proposed: dict | None = None):
    """POST .../evaluate with ``body`` on ``as_of``. A refused request fails the first
    step that reads the answer (``answer``), unless a step expects the refusal."""
    body["as_of"] = as_of
    if proposed is not None:
        body["proposed_disbursement"] = proposed
    return client.post(f"{DECISION}/evaluate", json=body)


def answer(response) -> dict:
    """The answer's document; a refused request fails the step that reads it."""
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def get(client, path: str, **query):
    response = client.get(f"{DECISION}{path}", query_string=query)
    assert response.status_code == 200, response.get_json()
    return response


def trace(document: dict) -> list[dict]:
    """The rule outcomes the auditor reads: those of the proposed utbetalning when one
    was proposed, the financing plan's checks on that resource, else the evaluation's."""
    if "proposed_disbursement" in document:
        return document["proposed_disbursement"]["rules"]
    return document.get("checks") or document["rules"]


def rule(response, rule_id: str) -> dict:
    outcomes = trace(answer(response))
    found = [r for r in outcomes if r["rule_id"] == rule_id]
    assert len(found) == 1, f"{rule_id} not once in {[r['rule_id'] for r in outcomes]}"
    return found[0]
