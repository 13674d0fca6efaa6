"""The rules' answers as JSON documents (openapi.yaml response schemas).

Plain functions rather than marshmallow dump schemas: the answers are already typed
and frozen, and an evaluation is the hot path (bench/).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from rules import FINAL_ADOPTION_OUTCOMES, AppealState, Decision, Evaluation, Facts, RuleOutcome, kind_of
from rules.glossary import CONTRIBUTION_KINDS, STATUS_LABELS
from rules.money import show
from service.formats import outcome_documents
from service.formats.jsonio import compact as _text
from service.formats.outcome_documents import citation

SHARE = Decimal("0.0001")


def rule_outcome(outcome: RuleOutcome) -> dict[str, Any]:
    """An outcome as JSON (openapi.yaml: RuleOutcome)."""
    return outcome_documents.document(outcome)


def evaluation(result: Evaluation) -> dict[str, Any]:
    """The evaluation as JSON (openapi.yaml: Evaluation)."""
    amounts, proposed = result.amounts, result.proposed
    document: dict[str, Any] = {
        "decision_id": result.decision_id,
        "as_of": result.as_of.isoformat(),
        "status": result.status,
        "status_label": STATUS_LABELS[result.status],
        "amounts": {
            "committed": show(amounts.committed),
            "disbursed": show(amounts.disbursed),
            "remaining": show(amounts.remaining),
            "excess": show(amounts.excess),
            "nonconforming": show(amounts.nonconforming),
            "currency": amounts.currency,
        },
        "appeal": appeal(result.appeal),
        "rules": [rule_outcome(r) for r in result.rules],
    }
    if proposed is not None:
        document["proposed_disbursement"] = {
            "allowed": proposed.allowed,
            "violations": list(proposed.violations),
            "rules": [rule_outcome(r) for r in proposed.rules],
        }
    document["interpretations"] = dict(result.interpretations)
    return document


def evaluation_json(result: Evaluation) -> bytes:
    """``evaluation(result)`` as the app's JSON provider writes it when not debugging
    (compact, non-ASCII kept, members in the same order), in UTF-8. Written directly,
    each outcome from its kept encoding: presenting and encoding were most of an
    evaluation's cost (bench/). A test holds it to ``compact(evaluation(result))``."""
    amounts, proposed = result.amounts, result.proposed
    parts = [
        f'{{"decision_id":{_string(result.decision_id)},"as_of":"{result.as_of.isoformat()}",'
        f'"status":{_string(result.status)},"status_label":{_STATUS_LABELS[result.status]},'
        f'"amounts":{{"committed":"{show(amounts.committed)}","disbursed":"{show(amounts.disbursed)}",'
        f'"remaining":"{show(amounts.remaining)}","excess":"{show(amounts.excess)}",'
        f'"nonconforming":"{show(amounts.nonconforming)}","currency":{_string(amounts.currency)}}},'
        f'"appeal":{_appeal_json(result.appeal)},"rules":['.encode(),
        b",".join([outcome_documents.encoded(r) for r in result.rules]),
    ]
    if proposed is not None:
        allowed = "true" if proposed.allowed else "false"
        parts.append(
            f'],"proposed_disbursement":{{"allowed":{allowed},"violations":{_text(list(proposed.violations))},'
            '"rules":['.encode()
        )
        parts.append(b",".join([outcome_documents.encoded(r) for r in proposed.rules]))
        parts.append(b"]}")
    else:
        parts.append(b"]")
    parts.append(f',"interpretations":{_text(dict(result.interpretations))}}}'.encode())
    return b"".join(parts)


def appeal(state: AppealState | None) -> dict[str, Any] | None:
    """Where the decision stands in its appeal period (openapi.yaml: AppealState)."""
    if state is None:
        return None
    return {
        "announced_on": state.announced_on.isoformat(),
        "period_ends_on": state.period_ends_on.isoformat(),
        "period_has_run": state.period_has_run,
        "appeal": state.appeal,
    }


def _appeal_json(state: AppealState | None) -> str:
    if state is None:
        return "null"
    return (
        f'{{"announced_on":"{state.announced_on.isoformat()}","period_ends_on":"{state.period_ends_on.isoformat()}",'
        f'"period_has_run":{"true" if state.period_has_run else "false"},"appeal":{_string(state.appeal)}}}'
    )


#: Each status's label as JSON text.
_STATUS_LABELS = {status: _text(label) for status, label in STATUS_LABELS.items()}
#: A string as JSON text, as ``service.formats.jsonio.compact`` writes it (non-ASCII kept).
_string = json.encoder.encode_basestring


def links(decision: Decision) -> dict[str, str]:
    base = f"/v1/decisions/{decision.decision_id}"
    return {
        "self": base,
        "html": html_page(decision),
        "source": f"{base}/source",
        "rules": f"{base}/rules",
        "commitment": f"{base}/commitment",
        "evaluate": f"{base}/evaluate",
        "financing_plan": f"{base}/financing-plan",
    }


def summary(decision: Decision) -> dict[str, Any]:
    data = decision.data
    return {
        "decision_id": decision.decision_id,
        "diarienummer": decision.diarienummer,
        "title": data["title"],
        "document_date": data["document_date"],
        "decision_body": data["decision_body"],
        "amount": show(decision.amount),
        "currency": decision.currency,
        "links": {"self": f"/v1/decisions/{decision.decision_id}", "html": html_page(decision)},
    }


def html_page(decision: Decision) -> str:
    """The decision's page for people (getDecisionPage)."""
    return f"/decisions/{decision.decision_id}"


def unknowns(decision: Decision, facts: Facts | None = None) -> list[dict[str, str]]:
    """What no source gives, with why; given ``facts``, less what they have since made known
    (the day of Kommunstyrelsen's decision, once a final one is recorded: adopted,
    amended or rejected; the project's start, once recorded)."""
    adoption = None if facts is None else facts.adoption
    known = {"adopted_on"} if adoption is not None and adoption.outcome in FINAL_ADOPTION_OUTCOMES else set()
    if facts is not None and facts.project_started_on is not None:
        known.add("project_started_on")
    return [{"field": f, "note": note} for f, note in decision.data["unknowns"].items() if f not in known]


def _party(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        "party_id": entry["party_id"],
        "name": entry["name"],
        "organisation_number": entry.get("organisation_number"),
        "roles": entry["roles"],
    }


def detail(decision: Decision) -> dict[str, Any]:
    data, commitment = decision.data, decision.data["commitment"]
    parties = {p["party_id"]: p for p in data["parties"]}
    recipient = commitment["recipient"]

    def cite(term: str, anchor: str, quote: str) -> dict[str, str]:
        return {"term": term, "anchor": anchor, "quote": quote, "document": decision.document}

    return {
        **{k: v for k, v in summary(decision).items() if k not in ("amount", "currency", "links")},
        "project_name": data["project_name"],
        "document_type": data["document_type"],
        "language": data["language"],
        "case_officer": {"name": data["case_officer"]["name"], "email": data["case_officer"]["email"]},
        "decision_points": [
            {"number": p["number"], "anchor": p["anchor"], "text": p["text"]} for p in data["decision_points"]
        ],
        "commitment": {
            "amount": show(decision.amount),
            "currency": decision.currency,
            "period": {"starts_on": commitment["period"]["starts_on"], "ends_on": commitment["period"]["ends_on"]},
            "funding_source": {
                "funding_source_id": decision.funding_source_id,
                "name": commitment["funding_source"]["name"],
            },
            "recipient": {
                "recipient_id": decision.recipient_id,
                "name": recipient["name"],
                "organisation_number": parties[recipient["recipient_id"]].get("organisation_number"),
            },
            "condition": {"kind": commitment["condition"]["kind"], "text": commitment["condition"]["quote"]},
            "citations": [
                cite("amount", commitment["amount_anchor"], commitment["amount_quote"]),
                cite("period", commitment["period"]["anchor"], commitment["period"]["quote"]),
                cite("funding_source", commitment["funding_source"]["anchor"], commitment["funding_source"]["quote"]),
                cite("recipient", recipient["anchor"], recipient["quote"]),
                cite("condition", commitment["condition"]["anchor"], commitment["condition"]["quote"]),
            ],
        },
        "parties": [_party(p) for p in data["parties"]],
        "signatories": [{"name": s["name"], "title": s["title"]} for s in data["signatories"]],
        "attachments": [{"number": a["number"], "title": a["title"]} for a in data["attachments"]],
        "distribution": [d["name"] for d in data["distribution"]],
        "unknowns": unknowns(decision),
        "links": links(decision),
    }


def rule_list(decision: Decision) -> dict[str, Any]:
    uses: dict[str, list[str]] = {}
    for interpretation in decision.interpretations.values():
        for rule_id in interpretation.rules:
            uses.setdefault(rule_id, []).append(interpretation.interpretation_id)
    return {
        "decision_id": decision.decision_id,
        "rules": [
            {
                "rule_id": text.rule_id,
                "kind": kind_of(text.rule_id),
                "name_sv": text.name_sv,
                "title": text.title,
                "note": text.note,
                "citations": [citation(c) for c in text.citations],
                "interpretations": uses.get(text.rule_id, []),
            }
            for text in decision.rule_texts.values()
        ],
        "interpretations": [
            {
                "interpretation_id": i.interpretation_id,
                "governs": i.governs,
                "rules": list(i.rules),
                "question": i.question,
                "citation": citation(i.citation),
                "default": i.default,
                "options": [{"option_id": o.option_id, "means": o.means, "label": o.label} for o in i.options],
            }
            for i in decision.interpretations.values()
        ],
    }


def kind_label(kind: str) -> dict[str, str]:
    return CONTRIBUTION_KINDS[kind]


def event(recorded: Any, corrected_by: int | None) -> dict[str, Any]:
    """One recorded event (openapi.yaml: Event)."""
    from service.shared.facts import DATE_FIELD

    document: dict[str, Any] = {
        "event_id": recorded.event_id,
        "decision_id": recorded.decision_id,
        "type": recorded.type,
    }
    if recorded.type in DATE_FIELD and recorded.effective_on is not None:
        document[DATE_FIELD[recorded.type]] = recorded.effective_on.isoformat()
    document.update(recorded.payload)
    if recorded.corrects is not None:
        document["corrects"] = recorded.corrects
    document["source"] = (
        {"url": recorded.source_url, "evidence": recorded.source_evidence} if recorded.source_evidence else None
    )
    document["recorded_at"] = timestamp(recorded.recorded_at)
    document["recorded_by"] = recorded.recorded_by
    document["corrected_by"] = corrected_by
    document["links"] = {"self": f"/v1/decisions/{recorded.decision_id}/events/{recorded.event_id}"}
    return document


def timestamp(moment: Any) -> str:
    """UTC, ISO 8601, with a Z."""
    return moment.isoformat(timespec="microseconds").replace("+00:00", "Z")


def facts_summary(decision_id: str, standing: Any, as_of: Any, logged: int) -> dict[str, Any]:
    """The facts a commitment is read from, bounded whatever the log's length: the
    deciding body's decision, the fund's, the latest appeal and the project's start as
    recorded (each an event with ``counts``: dated on or before ``as_of``), the
    disbursements summed, the shipped facts, and a link to the whole log (``logged``
    events), paged. ``standing``: the record as the commitment reads it
    (``service.shared.standing``)."""
    from service.shared.facts import SHIPPED_BY

    live = standing.live

    def latest(kind: str) -> dict[str, Any] | None:
        found = [e for e in live if e.type == kind]
        if not found:
            return None
        chosen = max(found, key=lambda e: (e.effective_on is None or e.effective_on <= as_of, e.event_id))
        return _counting(chosen, as_of)

    count, total, first, last = standing.paid_by(as_of)
    return {
        "adoption": latest("adoption"),
        "eruf_decision": latest("eruf_decision"),
        "appeal": latest("appeal"),
        "project_start": latest("project_start"),
        "disbursements": {
            "count": count,
            "total": show(total),
            "first_paid_on": first.isoformat() if first else None,
            "last_paid_on": last.isoformat() if last else None,
        },
        "shipped": [_counting(e, as_of) for e in live if e.recorded_by == SHIPPED_BY],
        "events": {"href": f"/v1/decisions/{decision_id}/events", "count": logged},
    }


def _counting(recorded: Any, as_of: Any) -> dict[str, Any]:
    return {**event(recorded, None), "counts": recorded.effective_on is None or recorded.effective_on <= as_of}
