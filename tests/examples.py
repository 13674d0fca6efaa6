"""Valid requests to start from: a test changes one thing and sees what follows."""

from __future__ import annotations

import json

DECISION = "/v1/decisions/ks-2024-1371-481"
FUND = "reserverade-medel-for-oforutsett"
RECIPIENT = "stiftelsen-flemingsberg-science"


def payment(amount: object, paid_on: str = "2025-03-01") -> dict:
    """One utbetalning from the right funds to the right recipient."""
    return {"paid_on": paid_on, "amount": amount, "funding_source": FUND, "recipient": RECIPIENT}


def what_if(proposed: object = "600000.00", **changes: object) -> dict:
    """An evaluation request: adopted, approved, 400 000 paid, ``proposed`` on 2025-06-01."""
    body = {
        "as_of": "2025-06-01",
        "facts": {
            "adopted_on": "2024-09-16",
            "eruf_decision": {"decided_on": "2024-12-16", "outcome": "approved"},
            "disbursements": [payment("400000.00")],
        },
        "proposed_disbursement": payment(proposed, "2025-06-01"),
    }
    return {**body, **changes}


def with_facts(**changes: object) -> dict:
    """``what_if()`` with some of its facts replaced."""
    body = what_if()
    return {**body, "facts": {**body["facts"], **changes}}


def paid_as_written(*amounts: str) -> str:
    """The JSON text of ``what_if()`` with one disbursement per amount, each amount the
    JSON literal given (``333333.33``, ``1e400``, ``"1.001"``), not as Python writes it."""
    text = json.dumps(with_facts(disbursements=[payment(f"@{i}@") for i in range(len(amounts))]))
    for index, amount in enumerate(amounts):
        text = text.replace(f'"@{index}@"', amount)
    return text
