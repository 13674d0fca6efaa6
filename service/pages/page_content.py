"""What the HTML pages show, in Swedish: the status today in plain words, each
beslutspunkt beside the rules that encode it and the scenarios that verify it, the
financing plan and the recorded events. Plain data for the Jinja templates; the
numbers come from the same rules and event store as the JSON API.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Protocol

from rules import (
    Contribution,
    Decision,
    Evaluation,
    Facts,
    RuleOutcome,
    choose,
    evaluate,
    kind_of,
    plan_shares,
    plan_total,
    render,
)
from rules.glossary import APPEAL_OUTCOMES, CONTRIBUTION_KINDS, ERUF_OUTCOMES, OUTCOME_LABELS, STATUS_LABELS
from rules.money import ZERO, show_sv
from service.formats import presenters
from service.shared.facts import SHIPPED_BY, Event, corrected_by
from service.shared.standing import Standing
from service.shared.stockholm import STOCKHOLM
from service.shared.text import slug

#: Why the commitment has its status, after "Åtagandet är <status>: ".
REASONS = {
    "proposed": "inget beslut av kommunstyrelsen i ärendet är registrerat per {on}; ett förslag till beslut"
    " binder inte kommunen",
    "referred_back": "kommunstyrelsen återremitterade ärendet {decided}; något beslut i sak är inte fattat",
    "tabled": "kommunstyrelsen bordlade ärendet {decided}; något beslut i sak är inte fattat",
    "rejected": "kommunstyrelsen avslog förslaget {decided}; någon medfinansiering är inte beviljad",
    "conditional": "kommunstyrelsen antog förslaget {adopted}, men ERUF har ännu inte godkänt ansökan",
    "lapsed": "{eruf}",
    "annulled": "kommunstyrelsens beslut {decided} har upphävts efter laglighetsprövning och gäller inte",
    "withdrawn": "{eruf}",
    "undetermined": "svaret beror på uppgifter som inte är kända: {pending}",
    "in_force": "kommunstyrelsen antog förslaget {adopted} och ERUF godkände ansökan {approved}; "
    "{remaining} av {committed} återstår att betala ut",
    "fulfilled": "hela beloppet, {committed}, är utbetalt enligt beslutets villkor",
    "overpaid": "hela beloppet, {committed}, är utbetalt enligt beslutets villkor, och därutöver {excess} för mycket",
    "expired": "tidsramen har gått ut med {unpaid} av {committed} outbetalt, och inga fler utbetalningar får göras",
}
#: The sentence a status is told in; "kan inte avgöras" is no state the commitment is in.
SENTENCES = {"undetermined": "Åtagandets status kan inte avgöras: {reason}."}
SENTENCE = "Åtagandet är {label}: {reason}."
#: Where an appeal of kommunstyrelsen's decision stands, in plain words.
APPEALS = {
    "none": "Inget överklagande är registrerat.",
    "pending": "Beslutet är överklagat och överklagandet är inte avgjort; beslutet får ändå verkställas"
    " (kommunallagen 13 kap. 14 §).",
    "dismissed": "Domstolen har avgjort överklagandet utan att upphäva beslutet; beslutet vinner laga kraft när"
    " det avgörandet står fast.",
    "upheld": "Beslutet har upphävts efter laglighetsprövning och gäller inte.",
}
#: The commitment's life, told once on the page (README: "The commitment's lifecycle").
LIFECYCLE = (
    "Förslaget är föreslaget tills kommunstyrelsen beslutar. Antar kommunstyrelsen det (eventuellt med ändrat"
    " belopp) är åtagandet villkorat tills ERUF godkänner ansökan; då är det gällande, och när hela beloppet är"
    " utbetalt enligt villkoren är det fullgjort.",
    "Vägar ut: kommunstyrelsen kan avslå förslaget (avslaget), återremittera eller bordlägga ärendet"
    " (återremitterat, bordlagt, tills ett senare sammanträde beslutar). Avslår ERUF ansökan, eller återkallas"
    " den innan ERUF beslutat, har åtagandet bortfallit. Återkallas ansökan efter godkännandet är åtagandet"
    " avslutat efter återkallelse. Upphävs beslutet efter laglighetsprövning är det upphävt.",
    "Beslutet får verkställas innan det vunnit laga kraft: ett överklagande som inte är avgjort hindrar ingen"
    " utbetalning. Tiden för överklagande är tre veckor från den dag då det tillkännagavs på anslagstavlan att"
    " protokollet justerats.",
)
EVENT_TYPES = {
    "proposal": "Förslag till beslut",
    "adoption": "Kommunstyrelsens beslut",
    "appeal": "Överklagande",
    "project_start": "Projektets start",
    "eruf_decision": "ERUF:s beslut om ansökan",
    "disbursement": "Utbetalning",
    "correction": "Rättelse",
}
EVIDENCE = {
    "protocol": "protokoll",
    "official_decision": "beslut",
    "official_document": "allmän handling",
    "press_report": "nyhetsrapport",
    "voucher": "verifikation",
    "ledger": "redovisning",
    "other": "annat underlag",
}
#: Shares of the plan are shown as percentages with one decimal, as a reader rounds them.
PERCENT = Decimal("0.1")


@dataclass(frozen=True, slots=True)
class Commitment:
    """The commitment on ``on``, as the record stands now; ``facts`` as recorded, also
    those dated after ``on``."""

    on: date
    facts: Facts
    result: Evaluation


class Scenario(Protocol):
    """A shipped scenario as a page lists it (``service.steps.shipped.Scenario``: the views hand them in)."""

    @property
    def tags(self) -> tuple[str, ...]: ...


def commitment(decision: Decision, standing: Standing, *, on: date) -> Commitment:
    """What GET .../commitment answers for ``on``, from the record as it stands."""
    facts = standing.facts(on)
    return Commitment(on, facts, evaluate(decision, facts, on=on))


def status(decision: Decision, now: Commitment, scenarios: Sequence[Scenario]) -> dict[str, Any]:
    """The status in plain words, with the amounts, the appeal, what is not known and the
    ``scenarios`` (the shipped ones) that verify it."""
    result, facts = now.result, now.facts
    amounts, eruf = result.amounts, _rule(result, "eruf-approval")
    adoption = facts.adoption if facts.adoption is not None and facts.adoption.decided_on <= now.on else None
    values = {
        "adopted": _adopted(facts.adopted_on, now.on),
        "on": now.on.isoformat(),
        "decided": "" if adoption is None else adoption.decided_on.isoformat(),
        "approved": facts.eruf_decision.decided_on.isoformat() if facts.eruf_decision else "",
        "remaining": show_sv(amounts.remaining),
        "committed": show_sv(amounts.committed),
        "excess": show_sv(amounts.excess),
        "unpaid": show_sv(max(amounts.committed - (amounts.disbursed - amounts.nonconforming), ZERO)),
        "ends_on": decision.period_ends_on.isoformat(),
        "eruf": render(eruf)["sv"].rstrip("."),
        "pending": " ".join(render(r)["sv"] for r in result.rules if r.outcome == "pending" and _is_condition(r)),
    }
    label = STATUS_LABELS[result.status]["sv"]
    reason = REASONS[result.status].format(**values).rstrip(".")
    return {
        "code": result.status,
        "label": label,
        "sentence": SENTENCES.get(result.status, SENTENCE).format(label=label, reason=reason),
        "amounts": {k: show_sv(getattr(amounts, k)) for k in ("committed", "disbursed", "remaining", "excess")},
        "nonconforming": show_sv(amounts.nonconforming) if amounts.nonconforming else None,
        "appeal": appeal(result) if adoption is not None and adoption.adopts else None,
        "lifecycle": LIFECYCLE,
        "unknowns": [u["note"].split(" / ")[0] for u in presenters.unknowns(decision, facts)],
        "scenarios": tagged(scenarios, "status"),
    }


def _adopted(adopted_on: date | None, on: date) -> str:
    if adopted_on is None:
        return "datum okänt"
    return adopted_on.isoformat() if adopted_on <= on else f"antagandet är registrerat med datum {adopted_on}"


def appeal(result: Evaluation) -> list[str]:
    """Whether the time for appeal has run, and whether an appeal is pending, in plain words."""
    state = result.appeal
    if state is None:
        return [
            "Dagen då det tillkännagavs på anslagstavlan att protokollet justerats är inte registrerad, så det"
            " går inte att säga när tiden för överklagande går ut."
        ]
    ends_on = state.period_ends_on.isoformat()
    period = (
        f"Tiden för överklagande gick ut {ends_on}."
        if state.period_has_run
        else f"Tiden för överklagande löper till och med {ends_on}."
    )
    return [period, APPEALS[state.appeal]]


def _is_condition(outcome: RuleOutcome) -> bool:
    return kind_of(outcome.rule_id) == "condition"


def _rule(result: Evaluation, rule_id: str) -> RuleOutcome:
    return next(rule for rule in result.rules if rule.rule_id == rule_id)


def rule_entry(decision: Decision, outcome: RuleOutcome, anchor: str) -> dict[str, Any]:
    """One rule as the page lists it under ``anchor``: title, outcome word, message, quotes."""
    return {
        "rule_id": outcome.rule_id,
        "title": decision.rule_texts[outcome.rule_id].title["sv"],
        "outcome": outcome.outcome,
        "outcome_label": OUTCOME_LABELS[outcome.outcome]["sv"],
        "message": render(outcome)["sv"],
        "quotes": [c.quote for c in outcome.citations if c.anchor == anchor],
    }


def _section(
    decision: Decision, result: Evaluation, scenarios: Sequence[Scenario], anchor: str, document: str = ""
) -> dict[str, Any]:
    rules = [rule_entry(decision, r, anchor) for r in result.rules if any(c.anchor == anchor for c in r.citations)]
    shown = tagged(scenarios, anchor)
    return {"anchor": anchor, "id": section_id(decision, anchor, document), "rules": rules, "scenarios": shown}


def section_id(decision: Decision, anchor: str, document: str) -> str:
    """The HTML id of a cited passage on the decision page: the source's own anchor
    ("beslut-1"), or for another document's passage ("2 §" of lag (1930:173)) a slug of
    the document and the passage, since an id holds no space and two laws may both have
    a "2 §"."""
    if anchor in {a["anchor"] for a in decision.data["anchors"]}:
        return anchor
    return "kalla-" + slug(f"{document} {anchor}")


def decision_points(decision: Decision, result: Evaluation, scenarios: Sequence[Scenario]) -> list[dict[str, Any]]:
    """Each beslutspunkt's text beside the rules that cite it and the ``scenarios`` tagged with it."""
    return [
        {**_section(decision, result, scenarios, p["anchor"]), "number": p["number"], "text": p["text"]}
        for p in decision.data["decision_points"]
    ]


def other_sections(decision: Decision, result: Evaluation, scenarios: Sequence[Scenario]) -> list[dict[str, Any]]:
    """The other parts of the text (and other documents) the rules cite, in order of
    citation, each with the ``scenarios`` tagged with it."""
    points = {p["anchor"] for p in decision.data["decision_points"]}
    headings = {a["anchor"]: a["heading"] for a in decision.data["anchors"]}
    anchors: dict[str, tuple[str, str]] = {}
    for rule in result.rules:
        for cite in rule.citations:
            if cite.anchor not in points:
                anchors.setdefault(cite.anchor, (headings.get(cite.anchor, cite.document), cite.document))
    return [
        {**_section(decision, result, scenarios, anchor, document), "heading": heading}
        for anchor, (heading, document) in anchors.items()
    ]


def other_scenarios(scenarios: Sequence[Scenario], *shown: list[dict[str, Any]]) -> list[Scenario]:
    """The ``scenarios`` that carry none of the tags of the ``shown`` sections, nor ``status``."""
    tags = {"status"} | {section["anchor"] for sections in shown for section in sections}
    return [scenario for scenario in scenarios if not tags.intersection(scenario.tags)]


def tagged(scenarios: Sequence[Scenario], tag: str) -> list[Scenario]:
    """The ``scenarios`` that carry ``tag`` (an anchor such as ``beslut-1``, or ``status``)."""
    return [scenario for scenario in scenarios if tag in scenario.tags]


#: What the last run says of an anchor, and of a scenario, in the matrix on the page.
VERIFIED = {
    "passed": "verifierat: alla scenarier höll",
    "failed": "ett scenario höll inte",
    "undefined": "ett scenario kunde inte köras helt",
    "not_run": "scenarierna körs just nu",
    "unverified": "inget scenario prövar avsnittet",
    "not_normative": "ingen regel citerar avsnittet",
}
SCENARIO_OUTCOMES = {
    "passed": "höll",
    "failed": "höll inte",
    "undefined": "kunde inte köras helt",
    "not_run": "körs",
}


def trace_matrix(document: dict[str, Any]) -> dict[str, Any]:
    """The traceability matrix for the page, from the API's ``document`` of it (its
    ``ran_at`` is ``None`` while the shipped scenarios' run is not done)."""
    rows = [
        {
            **anchor,
            "verified_label": VERIFIED[anchor["verified"]],
            "rule_titles": [r["title"]["sv"] for r in anchor["rules"]],
            "scenarios": [{**s, "outcome_label": SCENARIO_OUTCOMES[s["outcome"]]} for s in anchor["scenarios"]],
        }
        for anchor in document["anchors"]
    ]
    ran_at = document["ran_at"]
    return {
        "rows": rows,
        "ran_at": ran_at,
        "ran_at_sv": ran_at and _stockholm_time(ran_at),
        "summary": document["summary"],
    }


def _stockholm_time(moment: str) -> str:
    """ "2026-12-02T20:13:22Z" → "2026-12-02 kl. 21.13", as Swedish text writes the time."""
    local = datetime.fromisoformat(moment).astimezone(STOCKHOLM)
    return f"{local:%Y-%m-%d} kl. {local:%H.%M}"


def financing_plan(decision: Decision, result: Evaluation) -> dict[str, Any]:
    """The contributions with their amounts and shares, and the plan's two checks."""
    reading = choose(decision)
    total = plan_total(decision, reading)
    rows = [_contribution_row(decision, c, amount, share) for c, amount, share in plan_shares(decision, reading)]
    checks = [rule_entry(decision, _rule(result, r), "finansiering") for r in ("financing-balance",)]
    kronor = show_sv(total).removesuffix(" kr")
    return {"rows": rows, "total": kronor, "stated_total": show_sv(decision.stated_total), "checks": checks}


def _contribution_row(decision: Decision, contribution: Contribution, part: Decimal, share: Decimal) -> dict[str, str]:
    """One row of the plan's table; the amount without "kr", which the column heading says."""
    names = {p["party_id"]: p["name"] for p in decision.data["parties"]}
    return {
        "parties": " och ".join(names[p] for p in contribution.parties),
        "amount": show_sv(part).removesuffix(" kr"),
        "kind": CONTRIBUTION_KINDS[contribution.kind]["sv"],
        "share": f"{(100 * share).quantize(PERCENT)}".replace(".", ",") + " %",
    }


def timeline(decision: Decision, recorded: list[Event], *, on: date) -> list[dict[str, Any]]:
    """The recorded events in date order; a corrected event and its correction say so."""
    cancelled = corrected_by(recorded)
    entries = [event_entry(decision, e, cancelled.get(e.event_id), on=on) for e in recorded]
    return sorted(entries, key=lambda entry: (entry["sort_on"], entry["event_id"]))


def event_entry(decision: Decision, event: Event, corrected: int | None, *, on: date) -> dict[str, Any]:
    """One event as a reader sees it: date, what happened, amount, source and evidence."""
    payload = event.payload
    day = event.effective_on or event.recorded_at.date()
    return {
        "event_id": event.event_id,
        "sort_on": day,
        "date": day.isoformat(),
        "type": EVENT_TYPES.get(event.type, event.type),
        "details": _details(decision, event),
        "source": _source(event),
        "note": payload.get("note_sv"),
        "recorded": f"Registrerad {event.recorded_at:%Y-%m-%d} av {_who(event.recorded_by)}.",
        "corrected_by": corrected,
        "corrects": event.corrects,
        "later": event.effective_on is not None and event.effective_on > on,
    }


def _details(decision: Decision, event: Event) -> list[str]:
    p, found = event.payload, []
    if event.type == "adoption":
        found.extend(_decided(p))
    if event.type == "appeal":
        found.append(f"Överklagat {p.get('lodged_on', '')}: {APPEAL_OUTCOMES[p.get('outcome', 'pending')]['sv']}.")
    if event.type == "eruf_decision":
        found.append(f"Ansökan {ERUF_OUTCOMES[p['outcome']]['sv']}.")
    if p.get("granted_amount"):
        found.append(f"Beviljat belopp: {show_sv(Decimal(p['granted_amount']))}.")
    if event.type == "disbursement":
        found.append(_payment(decision, p))
    if event.type == "correction":
        found.append(f"Rättar händelse {event.corrects}: {p.get('reason', '')}")
    if p.get("reference"):
        found.append(f"Referens: {p['reference']}.")
    return found


#: What kommunstyrelsen did, as the timeline tells it.
DECIDED = {
    "adopted": "{body} antog förslaget.",
    "adopted_amended": "{body} antog förslaget med ändringen att medfinansieringen är {amount}.",
    "rejected": "{body} avslog förslaget.",
    "referred_back": "{body} återremitterade ärendet.",
    "tabled": "{body} bordlade ärendet.",
}


def _decided(p: dict[str, Any]) -> list[str]:
    amount = show_sv(Decimal(p["amended_amount"])) if p.get("amended_amount") else ""
    found = [DECIDED[p.get("outcome", "adopted")].format(body=p.get("body", "Kommunstyrelsen"), amount=amount)]
    if p.get("announced_on"):
        found.append(f"Justeringen tillkännagavs på anslagstavlan {p['announced_on']}.")
    return found


def _payment(decision: Decision, payload: dict[str, Any]) -> str:
    """An utbetalning in words; a funding source or recipient the decision names, by name."""
    names = {decision.funding_source_id: decision.funding_source_name, decision.recipient_id: decision.recipient_name}
    source, recipient = (names.get(payload[key], payload[key]) for key in ("funding_source", "recipient"))
    return f"{show_sv(Decimal(payload['amount']))} till {recipient}, ur {source.lower()}."


def _who(recorded_by: str) -> str:
    return "medfin, ur beslutets datafil" if recorded_by == SHIPPED_BY else recorded_by


def _source(event: Event) -> dict[str, Any] | None:
    if not event.source_evidence:
        return None
    title = ", ".join(t for t in (event.payload.get("source_title"), event.payload.get("source_publisher")) if t)
    return {"title": title or None, "url": event.source_url, "evidence": EVIDENCE.get(event.source_evidence)}


def links(decision: Decision) -> dict[str, list[tuple[str, str]]]:
    """Where the same data is for machines: the API, the CSV files, the catalogue, the contract."""
    base = f"/v1/decisions/{decision.decision_id}"
    return {
        "csv": [
            ("Besluten", "/v1/decisions?format=csv"),
            ("Finansieringsplanen", f"{base}/financing-plan?format=csv"),
            ("Händelserna", f"{base}/events?format=csv"),
            ("Spårbarheten", f"{base}/traceability?format=csv"),
        ],
        "api": [
            ("Beslutet", base),
            ("Status i dag med alla regler", f"{base}/commitment"),
            ("Reglerna med citat och tolkningar", f"{base}/rules"),
            ("Händelserna", f"{base}/events"),
            ("Finansieringsplanen", f"{base}/financing-plan"),
            ("Tjänsteskrivelsens hela text", f"{base}/source"),
            ("Spårbarheten från texten via reglerna till scenarierna", f"{base}/traceability"),
        ],
        "about": [
            ("Datakatalogen (DCAT-AP-SE)", "/v1/catalog"),
            ("API-kontraktet (OpenAPI 3.1, YAML)", "/openapi.yaml"),
            ("API-dokumentationen", "/docs"),
        ],
    }
