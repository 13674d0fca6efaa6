"""The decision's own words, in one place.

Code and JSON use English identifiers (they are what other systems code against);
people read the Swedish terms. Every label the service shows comes from here, so the
two languages cannot drift apart.
"""

from __future__ import annotations

from typing import Final

#: Swedish term → English term, as the tjänsteskrivelse uses them.
TERMS: Final[dict[str, str]] = {
    "beslutspunkt": "decision point",
    "medfinansiering": "co-financing",
    "medfinansierare": "co-financier",
    "utbetalning": "disbursement",
    "utbetalningar": "disbursements",
    "tjänsteskrivelse": "official report to the committee",
    "förslag till beslut": "proposed decision",
    "reserverade medel för oförutsett": "reserved funds for the unforeseen",
    "Europeiska regionala utvecklingsfonden (ERUF)": "European Regional Development Fund (ERDF)",
    "diarienummer": "registry number",
    "villkor": "condition",
    "finansieringsplan": "financing plan",
    "tolkning": "interpretation",
}

#: Status codes of the commitment's lifecycle and their labels.
STATUS_LABELS: Final[dict[str, dict[str, str]]] = {
    "proposed": {"sv": "föreslaget", "en": "proposed"},
    "conditional": {"sv": "villkorat", "en": "conditional"},
    "in_force": {"sv": "gällande", "en": "in force"},
    "lapsed": {"sv": "förfallet", "en": "lapsed"},
    "fulfilled": {"sv": "fullgjort", "en": "fulfilled"},
    "expired": {"sv": "utgånget", "en": "expired"},
}

#: Outcomes of one rule and their labels.
OUTCOME_LABELS: Final[dict[str, dict[str, str]]] = {
    "satisfied": {"sv": "uppfylld", "en": "satisfied"},
    "violated": {"sv": "bruten", "en": "violated"},
    "pending": {"sv": "ännu inte avgjord", "en": "pending"},
    "not_applicable": {"sv": "inte tillämplig", "en": "not applicable"},
}

#: Outcomes of the ERUF decision.
ERUF_OUTCOMES: Final[dict[str, dict[str, str]]] = {
    "approved": {"sv": "godkänd", "en": "approved"},
    "rejected": {"sv": "avslagen", "en": "rejected"},
    "withdrawn": {"sv": "återkallad", "en": "withdrawn"},
}

#: Kinds of contribution in the financing plan.
CONTRIBUTION_KINDS: Final[dict[str, dict[str, str]]] = {
    "cash": {"sv": "kontanta medel", "en": "cash"},
    "in_kind": {"sv": "arbete (in natura)", "en": "in kind (work)"},
    "eu_fund": {"sv": "EU-fond", "en": "EU fund"},
    "cofinancing": {"sv": "medfinansiering (formen anges inte)", "en": "co-financing (form not stated)"},
}
