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
    "reserverade medel för oförutsett": "contingency reserve",
    "Europeiska regionala utvecklingsfonden (ERUF)": "European Regional Development Fund (ERDF)",
    "diarienummer": "registry number",
    "villkor": "condition",
    "finansieringsplan": "financing plan",
    "tolkning": "interpretation",
    "antagande": "adoption",
    "avslag": "rejection",
    "återremiss": "referral back",
    "bordläggning": "tabling",
    "justering": "approval of the minutes",
    "anslagstavla": "notice board",
    "laglighetsprövning": "judicial review of lawfulness (appeal)",
    "laga kraft": "legal force",
    "återkallelse": "withdrawal",
    "villkor i beslutet": "condition of the decision",
    "kontroll": "check (informs, refuses no disbursement)",
}

#: Status codes of the commitment's lifecycle and their labels.
STATUS_LABELS: Final[dict[str, dict[str, str]]] = {
    "proposed": {"sv": "föreslaget", "en": "proposed"},
    "referred_back": {"sv": "återremitterat", "en": "referred back"},
    "tabled": {"sv": "bordlagt", "en": "tabled"},
    "rejected": {"sv": "avslaget", "en": "rejected"},
    "conditional": {"sv": "villkorat", "en": "conditional"},
    "lapsed": {"sv": "bortfallet", "en": "lapsed"},
    "annulled": {"sv": "upphävt", "en": "annulled"},
    "withdrawn": {"sv": "avslutat efter återkallelse", "en": "ended by withdrawal"},
    "undetermined": {"sv": "kan inte avgöras", "en": "cannot be determined"},
    "in_force": {"sv": "gällande", "en": "in force"},
    "fulfilled": {"sv": "fullgjort", "en": "fulfilled"},
    "overpaid": {"sv": "fullgjort, för mycket utbetalt", "en": "fulfilled, overpaid"},
    "expired": {"sv": "utgånget", "en": "expired"},
}

#: Outcomes of one rule and their labels.
OUTCOME_LABELS: Final[dict[str, dict[str, str]]] = {
    "satisfied": {"sv": "uppfylld", "en": "satisfied"},
    "violated": {"sv": "inte uppfylld", "en": "violated"},
    "pending": {"sv": "ännu inte avgjord", "en": "pending"},
    "not_applicable": {"sv": "inte tillämplig", "en": "not applicable"},
}

#: Kinds of rule: a condition of the decision, or a check of the stated facts.
RULE_KIND_LABELS: Final[dict[str, dict[str, str]]] = {
    "condition": {"sv": "villkor i beslutet", "en": "condition of the decision"},
    "check": {"sv": "kontroll (hindrar ingen utbetalning)", "en": "check (refuses no disbursement)"},
}

#: Kommunstyrelsen's decisions on the proposal.
ADOPTION_OUTCOMES: Final[dict[str, dict[str, str]]] = {
    "adopted": {"sv": "antaget", "en": "adopted"},
    "adopted_amended": {"sv": "antaget med ändring", "en": "adopted with amendment"},
    "rejected": {"sv": "avslaget", "en": "rejected"},
    "referred_back": {"sv": "återremitterat", "en": "referred back"},
    "tabled": {"sv": "bordlagt", "en": "tabled"},
}

#: Where an appeal (laglighetsprövning) stands.
APPEAL_OUTCOMES: Final[dict[str, dict[str, str]]] = {
    "none": {"sv": "inget överklagande registrerat", "en": "no appeal on record"},
    "pending": {"sv": "överklagat, inte avgjort", "en": "appealed, undecided"},
    "dismissed": {"sv": "överklagandet avslaget", "en": "appeal dismissed"},
    "upheld": {"sv": "upphävt efter överklagande", "en": "annulled on appeal"},
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
