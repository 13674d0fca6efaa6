"""Request schemas: JSON in, the rules' plain types out (openapi.yaml components).

Every field refuses what it cannot read exactly: an impossible date, a negative or
over-precise amount, an absurd number, an unknown field. Values are read in the formats
openapi.yaml writes them (``service.requests.fields``), and every string is text as
``service.shared.text`` says.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from marshmallow import EXCLUDE, Schema, ValidationError, fields, post_load, validate

from rules import (
    ADOPTION_OUTCOMES,
    APPEAL_OUTCOMES,
    ERUF_OUTCOMES,
    Adoption,
    Appeal,
    Decision,
    Disbursement,
    ErufDecision,
    Evaluation,
    Facts,
    check_facts,
    evaluate,
)
from service.requests.fields import SLUG, Amount, Day, Moment, QueryInteger, amount_from, day_from
from service.shared.text import Line, is_line

_MAXIMUM_DISBURSEMENTS = 1000
_MAXIMUM_APPEALS = 100
_MAXIMUM_TEXT = 100  # of an interpretation's name or option


class ErufDecisionSchema(Schema):
    decided_on = Day(required=True)
    outcome = Line(required=True, validate=validate.OneOf(ERUF_OUTCOMES))
    granted_amount = Amount(load_default=None, allow_none=True)

    @post_load
    def make(self, data: dict[str, Any], **kwargs: Any) -> ErufDecision:
        return ErufDecision(**data)


class AdoptionFactSchema(Schema):
    """Kommunstyrelsen's decision: ``facts.adoption`` (``adopted_on`` is its shorthand)."""

    decided_on = Day(required=True)
    outcome = Line(load_default="adopted", validate=validate.OneOf(ADOPTION_OUTCOMES))
    body = Line(load_default=None, allow_none=True, validate=validate.Length(min=1, max=500))
    amended_amount = Amount(load_default=None, allow_none=True)
    announced_on = Day(load_default=None, allow_none=True)

    @post_load
    def make(self, data: dict[str, Any], **kwargs: Any) -> Adoption:
        return Adoption(**data)


class AppealFactSchema(Schema):
    lodged_on = Day(required=True)
    outcome = Line(load_default="pending", validate=validate.OneOf(APPEAL_OUTCOMES))
    decided_on = Day(load_default=None, allow_none=True)

    @post_load
    def make(self, data: dict[str, Any], **kwargs: Any) -> Appeal:
        return Appeal(**data)


class DisbursementSchema(Schema):
    paid_on = Day(required=True)
    amount = Amount(required=True)
    funding_source = Line(required=True, validate=SLUG)
    recipient = Line(required=True, validate=SLUG)

    @post_load
    def make(self, data: dict[str, Any], **kwargs: Any) -> Disbursement:
        return Disbursement(**data)


class FactsSchema(Schema):
    adopted_on = Day(load_default=None, allow_none=True)
    adoption = fields.Nested(AdoptionFactSchema, load_default=None, allow_none=True)
    eruf_decision = fields.Nested(ErufDecisionSchema, load_default=None, allow_none=True)
    eruf_withdrawn_on = Day(load_default=None, allow_none=True)
    appeals = fields.List(
        fields.Nested(AppealFactSchema), load_default=list, validate=validate.Length(max=_MAXIMUM_APPEALS)
    )
    disbursements = fields.List(
        fields.Nested(DisbursementSchema), load_default=list, validate=validate.Length(max=_MAXIMUM_DISBURSEMENTS)
    )
    project_started_on = Day(load_default=None, allow_none=True)

    @post_load
    def make(self, data: dict[str, Any], **kwargs: Any) -> Facts:
        return Facts(
            _one_adoption(data["adopted_on"], data["adoption"]),
            data["eruf_decision"],
            tuple(data["disbursements"]),
            data["project_started_on"],
            tuple(data["appeals"]),
            data["eruf_withdrawn_on"],
        )


def _one_adoption(adopted_on: date | None, adoption: Adoption | None) -> Adoption | None:
    """``adopted_on`` is the shorthand for an adoption by the decision's own body; given
    with ``adoption`` as well, the two must say the same."""
    if adopted_on is None:
        return adoption
    if adoption is None:
        return Adoption(adopted_on)
    if not adoption.adopts or adoption.decided_on != adopted_on:
        raise ValidationError(
            f"adopted_on ({adopted_on}) says Kommunstyrelsen adopted the proposal that day, but adoption says"
            f" {adoption.outcome} on {adoption.decided_on}; give one of them.",
            field_name="adopted_on",
        )
    return adoption


class EvaluationRequestSchema(Schema):
    """Body of POST /v1/decisions/{decision_id}/evaluate (operationId evaluateDecision)."""

    as_of = Day(required=True)
    facts = fields.Nested(FactsSchema, required=True)
    proposed_disbursement = fields.Nested(DisbursementSchema, load_default=None, allow_none=True)
    interpretations = fields.Dict(
        keys=Line(validate=validate.Length(max=_MAXIMUM_TEXT)),
        values=Line(validate=validate.Length(max=_MAXIMUM_TEXT)),
        load_default=dict,
    )

    def load(self, data: Any, *, many: Any = None, partial: Any = None, unknown: Any = None) -> Any:
        """marshmallow's ``load``, after a shortcut for a well-formed body (``well_formed``):
        marshmallow's generality was most of an evaluation's cost (bench/). What the
        shortcut does not recognise, marshmallow loads, so every error comes from the
        fields above, and what it does recognise becomes the very same values."""
        if many is None and partial is None and unknown is None:
            loaded = well_formed(data)
            if loaded is not None:
                return loaded
        return super().load(data, many=many, partial=partial, unknown=unknown)


class CommitmentQuery(Schema):
    """Query of GET .../commitment (operationId getCommitment)."""

    class Meta:
        unknown = EXCLUDE

    as_of = Day(load_default=None)
    known_as_of = Moment(load_default=None)


class PageQuery(Schema):
    """Paging of a list: ?page=1&limit=20."""

    class Meta:
        unknown = EXCLUDE

    # A million pages of 100 is an offset every store takes; beyond it, a 400 (openapi.yaml).
    page = QueryInteger(load_default=1, validate=validate.Range(min=1, max=1_000_000))
    limit = QueryInteger(load_default=20, validate=validate.Range(min=1, max=100))


class ListQuery(PageQuery):
    """Query of a list offered as JSON or CSV (listDecisions, listEvents)."""

    format = Line(load_default=None, validate=validate.OneOf(("json", "csv")))


class FormatQuery(Schema):
    class Meta:
        unknown = EXCLUDE

    format = Line(load_default=None, validate=validate.OneOf(("json", "csv")))


class _LeaveToMarshmallow(Exception):
    pass


_REQUEST_FIELDS = frozenset(EvaluationRequestSchema._declared_fields)
#: The facts' members the shortcut reads; a request with any other (an ``adoption``,
#: ``appeals``, ``eruf_withdrawn_on``) is marshmallow's to load.
_FACTS_FIELDS = frozenset(FactsSchema._declared_fields)
_ADOPTION_FIELDS = frozenset(AdoptionFactSchema._declared_fields)
_APPEAL_FIELDS = frozenset(AppealFactSchema._declared_fields)
_ERUF_FIELDS = frozenset(ErufDecisionSchema._declared_fields)
_DISBURSEMENT_FIELDS = frozenset(DisbursementSchema._declared_fields)


def well_formed(body: Any) -> dict[str, Any] | None:
    """``EvaluationRequestSchema().load(body)`` for a body that breaks none of its rules,
    read the way its fields read it (the same ``day_from``, ``amount_from``, ``is_line`` and
    slug validator); ``None`` for anything else, which marshmallow then loads and words
    the errors of. Only JSON's own types are recognised: a dict, a list, a str."""
    try:
        _only(body, _REQUEST_FIELDS)
        proposed = body.get("proposed_disbursement")
        return {
            "as_of": _day(body["as_of"]),
            "facts": _facts(body["facts"]),
            "proposed_disbursement": None if proposed is None else _disbursement(proposed),
            "interpretations": _interpretations(body.get("interpretations", {})),
        }
    except (_LeaveToMarshmallow, KeyError, TypeError, ValueError, ValidationError):
        return None


def _only(value: Any, names: frozenset[str]) -> None:
    if type(value) is not dict or not value.keys() <= names:
        raise _LeaveToMarshmallow


def _day(value: Any) -> date:
    return day_from(value)


def _slug(value: Any) -> str:
    if type(value) is not str or SLUG.regex.match(value) is None:  # as the validator tests it
        raise _LeaveToMarshmallow
    return value


def _facts(value: Any) -> Facts:
    _only(value, _FACTS_FIELDS)
    adopted_on, eruf, started_on = (value.get(k) for k in ("adopted_on", "eruf_decision", "project_started_on"))
    adoption, withdrawn_on = value.get("adoption"), value.get("eruf_withdrawn_on")
    if adopted_on is not None and adoption is not None:
        raise _LeaveToMarshmallow  # the two must agree: marshmallow says so when they do not
    disbursements, appeals = value.get("disbursements", []), value.get("appeals", [])
    if type(disbursements) is not list or len(disbursements) > _MAXIMUM_DISBURSEMENTS:
        raise _LeaveToMarshmallow
    if type(appeals) is not list or len(appeals) > _MAXIMUM_APPEALS:
        raise _LeaveToMarshmallow
    return Facts(
        _adoption(adoption) if adoption is not None else None if adopted_on is None else Adoption(_day(adopted_on)),
        None if eruf is None else _eruf_decision(eruf),
        tuple([_disbursement(d) for d in disbursements]),
        None if started_on is None else _day(started_on),
        tuple([_appeal(a) for a in appeals]),
        None if withdrawn_on is None else _day(withdrawn_on),
    )


def _adoption(value: Any) -> Adoption:
    _only(value, _ADOPTION_FIELDS)
    outcome, body = value.get("outcome", "adopted"), value.get("body")
    amended, announced_on = value.get("amended_amount"), value.get("announced_on")
    if type(outcome) is not str or outcome not in ADOPTION_OUTCOMES:
        raise _LeaveToMarshmallow
    if body is not None and (type(body) is not str or not 1 <= len(body) <= 500 or not is_line(body)):
        raise _LeaveToMarshmallow
    return Adoption(
        _day(value["decided_on"]),
        outcome,
        body,
        None if amended is None else amount_from(amended),
        None if announced_on is None else _day(announced_on),
    )


def _appeal(value: Any) -> Appeal:
    _only(value, _APPEAL_FIELDS)
    outcome, decided_on = value.get("outcome", "pending"), value.get("decided_on")
    if type(outcome) is not str or outcome not in APPEAL_OUTCOMES:
        raise _LeaveToMarshmallow
    return Appeal(_day(value["lodged_on"]), outcome, None if decided_on is None else _day(decided_on))


def _eruf_decision(value: Any) -> ErufDecision:
    _only(value, _ERUF_FIELDS)
    outcome, granted = value["outcome"], value.get("granted_amount")
    if type(outcome) is not str or outcome not in ERUF_OUTCOMES:
        raise _LeaveToMarshmallow
    return ErufDecision(_day(value["decided_on"]), outcome, None if granted is None else amount_from(granted))


def _disbursement(value: Any) -> Disbursement:
    _only(value, _DISBURSEMENT_FIELDS)
    return Disbursement(
        _day(value["paid_on"]), amount_from(value["amount"]), _slug(value["funding_source"]), _slug(value["recipient"])
    )


def _interpretations(value: Any) -> dict[str, str]:
    if type(value) is not dict:
        raise _LeaveToMarshmallow
    for name, option in value.items():
        if type(name) is not str or type(option) is not str or max(len(name), len(option)) > _MAXIMUM_TEXT:
            raise _LeaveToMarshmallow
        if not (is_line(name) and is_line(option)):
            raise _LeaveToMarshmallow
    return dict(value)


class CatalogQuery(Schema):
    """Query of GET /v1/catalog (operationId getCatalog)."""

    class Meta:
        unknown = EXCLUDE

    format = Line(load_default=None, validate=validate.OneOf(("rdf", "ttl", "jsonld")))


class DiarienummerQuery(Schema):
    """The ``diarienummer`` parameter of GET /v1/decisions (operationId listDecisions)."""

    class Meta:
        unknown = EXCLUDE

    diarienummer = Line(load_default=None, validate=validate.Length(min=1, max=100))


evaluation_request = EvaluationRequestSchema()
commitment_query = CommitmentQuery()
list_query = ListQuery()
format_query = FormatQuery()
catalog_query = CatalogQuery()
diarienummer_query = DiarienummerQuery()


def what_if(decision: Decision, body: Any) -> Evaluation:
    """An evaluation request (POST .../evaluate, ``medfin evaluate``) loaded, its facts
    checked against the decision and each other (``rules.consistency``: a 400 naming
    each member under ``/facts``), and evaluated."""
    data = evaluation_request.load(body)
    problems = check_facts(decision, data["facts"])
    if problems:
        raise ValidationError(_at(problems, _shorthand(body)))
    return evaluate(
        decision,
        data["facts"],
        on=data["as_of"],
        proposed=data["proposed_disbursement"],
        interpretations=data["interpretations"],
    )


def _shorthand(body: Any) -> bool:
    """Whether the request gave Kommunstyrelsen's decision as ``adopted_on`` alone."""
    facts = body.get("facts") if type(body) is dict else None
    return type(facts) is dict and facts.get("adopted_on") is not None and facts.get("adoption") is None


def _at(problems: Any, shorthand: bool) -> dict[str, Any]:
    """The problems as marshmallow words errors, under ``facts``: each pointer a path
    of members (``/adoption/body`` → ``facts.adoption.body``); an adoption given as
    ``adopted_on`` is pointed at there."""
    messages: dict[str, Any] = {}
    for problem in problems:
        pointer = "/adopted_on" if shorthand and problem.pointer.startswith("/adoption/") else problem.pointer
        where = messages
        for name in ["facts", *pointer.strip("/").split("/")]:
            inner = where.get(name)
            if not isinstance(inner, dict):
                inner = where[name] = {} if inner is None else {"_schema": inner}
            where = inner
        where.setdefault("_schema", []).append(problem.detail)
    return messages
