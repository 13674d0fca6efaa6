"""Every phrasing a scenario may use, defined once: the facts an auditor assumes
(Givet), the what-if question (När) and what the answer must say (Så).

Each entry is a function of a ``World`` and the values its phrasing reads. The first
phrasing of an entry names rules, outcomes and statuses in Swedish ("regeln om
beloppsgränsen ska vara "inte uppfylld""); older phrasings that quote the API's codes
("regeln "amount-cap" ska vara "violated"") follow it, so that scenarios written with
them still run. A step that finds the answer wrong raises ``Expected``, which says in
Swedish and English what was expected, what was answered, and the rule's own message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rules import Decision
from service.shared.text import slug
from service.steps.names import code, codes, label
from service.steps.words import both_orders, svenska
from service.storage.decisions import load_decision


class WouldWrite(Exception):
    """A step that would write to the event log, asked where nothing may be written (the API)."""


class Expected(AssertionError):
    """A step's expectation the answer does not meet, worded for an auditor."""

    def __init__(self, sv: str, en: str, rule: dict[str, Any] | None = None) -> None:
        super().__init__(sv)
        self.message = {"sv": sv, "en": en}
        self.rule = None if rule is None else {"rule_id": rule["rule_id"], "citations": rule["citations"]}


@dataclass
class World:
    """One scenario's state: the app it asks (a Flask test client), the what-if request
    its Givet steps build, and the last answer."""

    client: Any
    #: The decision the scenario asks about: its data names the deciding body, the
    #: funding source and the recipient a step means when it names none.
    decision_id: str
    body: dict[str, Any] = field(
        default_factory=lambda: {
            "facts": {"adopted_on": None, "eruf_decision": None, "disbursements": []},
            "interpretations": {},
        }
    )
    response: Any = None
    #: The events a scenario recorded, by the name later steps call them by
    #: ("kommunstyrelsens beslut", "utbetalningen"), and the last request sent.
    recorded: dict[str, Any] = field(default_factory=dict)
    #: Where the scenario's writes go: a new app on a store of its own, made at the
    #: first write (``medfin scenarios run``); ``None`` where the client's store is the
    #: scenario's own already (the test suite's, made afresh for each scenario).
    fresh: Callable[[], Any] | None = None
    #: Nothing may be written (POST .../scenarios): a step that would is skipped.
    read_only: bool = False
    #: The language of the phrasing the step being run was read by ("sv" or "en"): what
    #: a rule's message, a status's label or a fact's note must say is read in it.
    language: str = "sv"
    _tokens: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def decision(self) -> Decision:
        return load_decision(self.decision_id)

    @property
    def base(self) -> str:
        return f"/v1/decisions/{self.decision_id}"

    def headers(self, role: str = "registrar") -> dict[str, str]:
        """An ``Authorization`` header of a token with ``role`` on the scenario's store."""
        if self.read_only:
            raise WouldWrite
        if role not in self._tokens:
            if self.fresh is not None and not self._tokens:
                self.client = self.fresh()
            from service.storage import tokens

            engine = self.client.application.extensions["medfin"].engine
            name = {"registrar": "registrator", "reader": "lasare"}[role]
            self._tokens[role] = {"Authorization": f"Bearer {tokens.create(engine, name, role)}"}
        return self._tokens[role]


@dataclass(frozen=True)
class Phrase:
    kind: str  # "given", "when" or "then"
    texts: tuple[str, ...]  # the current phrasing first, then its aliases
    run: Callable[..., None]
    example: str
    types: dict[str, Any] = field(default_factory=dict)  # parse types beyond the common ones
    #: The same step in English (``service.steps.english``), the current phrasing first.
    texts_en: tuple[str, ...] = ()
    example_en: str = ""


VOCABULARY: list[Phrase] = []


def phrased(
    kind: str, *texts: str, both: bool = False, example: str = "", types: dict[str, Any] | None = None
) -> Callable[[Callable[..., None]], Any]:
    """Registers ``run`` under each of ``texts``; with ``both``, each also in the word
    order that follows "Så" ("ska regeln ... vara") as well as "Och" ("regeln ... ska vara")."""
    phrasings = tuple(variant for text in texts for variant in (both_orders(text) if both else (text,)))

    def register(run: Callable[..., None]) -> Callable[..., None]:
        VOCABULARY.append(Phrase(kind, phrasings, run, example, dict(types or {})))
        return run

    return register


def utbetalning(world: World, paid_on: str, amount: str, *, source: str = "", recipient: str = "") -> dict:
    """A payment as the API takes it; from the decision's own funding source to its own
    recipient unless a step names others."""
    decision = world.decision
    return {
        "paid_on": paid_on,
        "amount": amount,
        "funding_source": source or decision.funding_source_id,
        "recipient": recipient or decision.recipient_id,
    }


def evaluate(world: World, as_of: str, proposed: dict | None = None) -> None:
    """POST .../evaluate with the request built so far, on ``as_of``. A refused request
    fails the first step that reads the answer, unless a step expects the refusal."""
    world.body["as_of"] = as_of
    if proposed is not None:
        world.body["proposed_disbursement"] = proposed
    world.response = world.client.post(f"{world.base}/evaluate", json=world.body)


#: What a Så step says when no question came before it.
NOTHING_ASKED = (
    "Ingen fråga har ställts ännu: lägg ett När-steg (till exempel \u201drevisorn prövar en utbetalning om"
    " 100 000,00 kr den 2025-09-16\u201d) före det här steget.",
    "No question has been asked yet: put a When step before this one.",
)


def answer(world: World) -> dict:
    response = world.response
    if response is None:
        raise Expected(*NOTHING_ASKED)
    document = response.get_json()
    if response.status_code != 200:
        detail = (document or {}).get("detail", "")
        raise Expected(
            f"Frågan avvisades ({response.status_code}): {detail}", f"Refused ({response.status_code}): {detail}"
        )
    return document


def trace(document: dict) -> list[dict]:
    """The rule outcomes the auditor reads: those of the proposed utbetalning when one
    was proposed, the financing plan's checks on that resource, else the evaluation's."""
    if "proposed_disbursement" in document:
        return document["proposed_disbursement"]["rules"]
    return document.get("checks") or document["rules"]


def rule(world: World, rule_id: str) -> dict:
    outcomes = trace(answer(world))
    found = [r for r in outcomes if r["rule_id"] == rule_id]
    if len(found) != 1:
        raise Expected(f"Svaret saknar regeln {rule_id}.", f"The answer has no rule {rule_id}.")
    return found[0]


def expect(ok: bool, expected: str, answered: str, rule_outcome: dict | None = None) -> None:
    """Fails the step unless ``ok``: what was expected and what was answered, and, where a
    rule decided it, the rule's own message and the words it cites."""
    if ok:
        return
    sv, en = f"Väntat: {expected}. Svar: {answered}.", f"Expected: {expected}. Answered: {answered}."
    if rule_outcome is not None:
        cites = "; ".join(f"[{c['anchor']}] \u201d{c['quote']}\u201d" for c in rule_outcome["citations"])
        name = label("regel", rule_outcome["rule_id"])
        sv += f" Regeln om {name} säger: {svenska(rule_outcome['message']['sv'])} Den citerar {cites}."
        en += f" The rule {rule_outcome['rule_id']} says: {rule_outcome['message']['en']} It cites {cites}."
    raise Expected(sv, en, rule_outcome)


def expect_cites(outcome: dict, ankare: str, orden: str) -> None:
    """Fails the step unless ``outcome`` cites, under ``ankare``, words containing ``orden``."""
    quotes = [c["quote"] for c in outcome["citations"] if c["anchor"] == ankare]
    expect(
        any(orden in quote for quote in quotes),
        f"citat av [{ankare}] med orden \u201d{orden}\u201d",
        "; ".join(quotes) or "inget citat där",
        outcome,
    )


def expect_says(outcome: dict, text: str, *, says: bool = True, language: str = "sv") -> None:
    """Fails the step unless ``outcome``'s message in ``language`` (Swedish, or English
    for an English phrasing) says ``text`` (or, with ``says=False``, does not)."""
    said = svenska(outcome["message"][language])
    wanted = f"regeln säger \u201d{text}\u201d" if says else f"regeln säger inte \u201d{text}\u201d"
    expect((text in said) is says, wanted, f"regeln säger \u201d{said}\u201d", outcome)


def _adoption(world: World) -> dict:
    """The facts' ``adoption``, made from the ``adopted_on`` shorthand where a step needs
    more than the day (the announcement, an appeal)."""
    facts = world.body["facts"]
    if "adoption" not in facts:
        body = world.decision.decision_body
        facts["adoption"] = {"decided_on": facts.pop("adopted_on"), "outcome": "adopted", "body": body}
    return facts["adoption"]


def is_applicant(world: World, named: str) -> None:
    """Fails the step unless the party a step names (if any) is the decision's applicant:
    only the applicant can withdraw the application."""
    applicants = [p for p in world.decision.data["parties"] if "sökande" in p.get("roles", ())]
    if named and named not in {p["party_id"] for p in applicants}:
        sokande = listed([p["name"] for p in applicants]) or "okänd"
        raise Expected(
            f"{label('part', named)} är inte sökanden och kan inte återkalla ansökan; sökanden är {sokande}.",
            f"{named} is not the applicant and cannot withdraw the application; the applicant is {sokande}.",
        )


def _decide(world: World, dag: str, outcome: str, organ: str = "", **more: Any) -> None:
    world.body["facts"].pop("adopted_on", None)
    body = organ or world.decision.decision_body
    world.body["facts"]["adoption"] = {"decided_on": dag, "outcome": outcome, "body": body, **more}


# ---------------------------------------------------------------- Givet: kommunstyrelsen


@phrased(
    "given", "att kommunstyrelsen antog förslaget {dag:Dag}", example="att kommunstyrelsen antog förslaget 2024-09-16"
)
def _adopted(world: World, dag: str) -> None:
    world.body["facts"].pop("adoption", None)
    world.body["facts"]["adopted_on"] = dag


# What kommunstyrelsen did with the proposal at one meeting (kommunallagen 5 kap.).
for _text, _outcome in {
    "att kommunstyrelsen avslog förslaget {dag:Dag}": "rejected",
    "att kommunstyrelsen återremitterade ärendet {dag:Dag}": "referred_back",
    "att kommunstyrelsen bordlade ärendet {dag:Dag}": "tabled",
}.items():

    @phrased("given", _text, example=_text.replace("{dag:Dag}", "2024-09-16"))
    def _decided(world: World, dag: str, _outcome: str = _outcome) -> None:
        _decide(world, dag, _outcome)


@phrased(
    "given",
    "att kommunstyrelsen antog förslaget {dag:Dag} med ändringen att medfinansieringen är {belopp:Belopp}",
    example="att kommunstyrelsen antog förslaget 2024-09-16 med ändringen att medfinansieringen är 800 000,00 kr",
)
def _amended(world: World, dag: str, belopp: str) -> None:
    _decide(world, dag, "adopted_amended", amended_amount=belopp)


@phrased(
    "given",
    'att "{organ}" antog förslaget {dag:Dag}',
    example='att "Grannkommunens kommunstyrelse" antog förslaget 2024-09-16',
)
def _by_body(world: World, organ: str, dag: str) -> None:
    _decide(world, dag, "adopted", organ)


@phrased(
    "given",
    "att justeringen av protokollet tillkännagavs på anslagstavlan {dag:Dag}",
    example="att justeringen av protokollet tillkännagavs på anslagstavlan 2024-12-04",
)
def _announced(world: World, dag: str) -> None:
    _adoption(world)["announced_on"] = dag


@phrased("given", "att beslutet överklagades {dag:Dag}", example="att beslutet överklagades 2024-12-20")
def _appealed(world: World, dag: str) -> None:
    _adoption(world)
    world.body["facts"].setdefault("appeals", []).append({"lodged_on": dag, "outcome": "pending"})


# The court's ruling on the latest appeal (laglighetsprövning, kommunallagen 13 kap.).
for _text, _ruling in {
    "att förvaltningsrätten avslog överklagandet {dag:Dag}": "dismissed",
    "att förvaltningsrätten upphävde beslutet {dag:Dag}": "upheld",
}.items():

    @phrased("given", _text, example=_text.replace("{dag:Dag}", "2025-04-01"))
    def _ruled(world: World, dag: str, _ruling: str = _ruling) -> None:
        world.body["facts"]["appeals"][-1].update(outcome=_ruling, decided_on=dag)


# ---------------------------------------------------------------- Givet: ERUF och projektet


@phrased("given", "att ERUF godkände ansökan {dag:Dag}", example="att ERUF godkände ansökan 2024-12-16")
def _approved(world: World, dag: str) -> None:
    world.body["facts"]["eruf_decision"] = {"decided_on": dag, "outcome": "approved"}


@phrased(
    "given",
    "att ERUF beviljade {belopp:Belopp} av de sökta medlen {dag:Dag}",
    example="att ERUF beviljade 4 000 000,00 kr av de sökta medlen 2024-12-16",
)
def _granted(world: World, belopp: str, dag: str) -> None:
    world.body["facts"]["eruf_decision"] = {"decided_on": dag, "outcome": "approved", "granted_amount": belopp}


@phrased("given", "att ERUF avslog ansökan {dag:Dag}", example="att ERUF avslog ansökan 2025-01-20")
def _eruf_rejected(world: World, dag: str) -> None:
    world.body["facts"]["eruf_decision"] = {"decided_on": dag, "outcome": "rejected"}


@phrased(
    "given",
    "att sökanden återkallade ansökan {dag:Dag}",
    "att {sokande:Part} återkallade ansökan {dag:Dag}",
    example="att sökanden återkallade ansökan 2025-01-20",
)
def _withdrawn(world: World, dag: str, sokande: str = "") -> None:
    """Before any decision of ERUF's, the withdrawal is the application's end; after an
    approval, it is a fact of its own (``eruf_withdrawn_on``), as the event log has it."""
    is_applicant(world, sokande)
    eruf = world.body["facts"]["eruf_decision"]
    if eruf is not None and eruf["outcome"] == "approved":
        world.body["facts"]["eruf_withdrawn_on"] = dag
    else:
        world.body["facts"]["eruf_decision"] = {"decided_on": dag, "outcome": "withdrawn"}


@phrased("given", "att projektet startade {dag:Dag}", example="att projektet startade 2025-02-01")
def _started(world: World, dag: str) -> None:
    world.body["facts"]["project_started_on"] = dag


# ---------------------------------------------------------------- Givet: utbetalningar och tolkningar


@phrased("given", "att {belopp:Belopp} betalades ut {dag:Dag}", example="att 400 000,00 kr betalades ut 2025-03-03")
def _paid(world: World, belopp: str, dag: str) -> None:
    world.body["facts"]["disbursements"].append(utbetalning(world, dag, belopp))


@phrased(
    "given",
    "att {belopp:Belopp} betalades ut {dag:Dag} till {part:Part}",
    'att {belopp:Belopp} betalades ut {dag:Dag} till "{part}"',
    example='att 1 000 000,00 kr betalades ut 2025-03-03 till "Grannkommunen"',
)
def _paid_to(world: World, belopp: str, dag: str, part: str) -> None:
    world.body["facts"]["disbursements"].append(utbetalning(world, dag, belopp, recipient=code("part", part)))


@phrased(
    "given",
    'att revisorn väljer tolkningen "{tolkning}" = "{alternativ}"',
    example='att revisorn väljer tolkningen "three-years" = "budget-years-2025-2027"',
)
def _reading(world: World, tolkning: str, alternativ: str) -> None:
    world.body["interpretations"][tolkning] = alternativ


@phrased(
    "given",
    'att revisorn för {tolkning:Tolkning} väljer tolkningen "{alternativ}"',
    example='att revisorn för de tre åren väljer tolkningen "36 månader från projektstarten"',
)
def _reading_named(world: World, tolkning: str, alternativ: str) -> None:
    """The reading by the Swedish names the decision's data gives the question and its
    answers (``name_sv``); the codes are read too, as in the older phrasing."""
    world.body["interpretations"][tolkning] = code(f"läsning:{tolkning}", alternativ)


# ---------------------------------------------------------------- När


@phrased(
    "when",
    "revisorn prövar en utbetalning om {belopp:Belopp} den {dag:Dag}",
    example="revisorn prövar en utbetalning om 100 000,00 kr den 2025-06-02",
)
def _try(world: World, belopp: str, dag: str) -> None:
    evaluate(world, dag, utbetalning(world, dag, belopp))


@phrased(
    "when",
    'revisorn prövar en utbetalning om {belopp:Belopp} den {dag:Dag} från "{kalla}"',
    example='revisorn prövar en utbetalning om 100 000,00 kr den 2025-06-02 från "kommunstyrelsens anslag"',
)
def _try_from(world: World, belopp: str, dag: str, kalla: str) -> None:
    evaluate(world, dag, utbetalning(world, dag, belopp, source=funding_source(kalla)))


def funding_source(name: str) -> str:
    """The id of a funding source named in a scenario: the decision's own by its name
    ("reserverade medel för oförutsett") or id; any other by its name made an id
    ("kommunstyrelsens anslag" → "kommunstyrelsens-anslag"), as the API wants one."""
    try:
        return code("källa", name)
    except AssertionError:
        return slug(name)


@phrased(
    "when",
    "revisorn prövar en utbetalning om {belopp:Belopp} den {dag:Dag} till {mottagare:Part}",
    'revisorn prövar en utbetalning om {belopp:Belopp} den {dag:Dag} till "{mottagare}"',
    example='revisorn prövar en utbetalning om 100 000,00 kr den 2025-06-02 till "Grannkommunen"',
)
def _try_to(world: World, belopp: str, dag: str, mottagare: str) -> None:
    evaluate(world, dag, utbetalning(world, dag, belopp, recipient=code("part", mottagare)))


@phrased(
    "when",
    "revisorn frågar efter åtagandets status den {dag:Dag}",
    example="revisorn frågar efter åtagandets status den 2025-06-02",
)
def _ask(world: World, dag: str) -> None:
    evaluate(world, dag)


# ---------------------------------------------------------------- Så


def _verdict(world: World) -> dict:
    document = answer(world)
    if "proposed_disbursement" not in document:
        raise Expected("Ingen utbetalning prövades.", "No disbursement was tried.")
    return document["proposed_disbursement"]


def _broken(verdict: dict) -> str:
    if verdict["allowed"]:
        return "utbetalningen är tillåten"
    names = [label("regel", r) for r in verdict["violations"]]
    return "utbetalningen nekas på grund av " + (listed(names) or "regler som ännu inte kan avgöras")


def listed(names: list[str]) -> str:
    """ "a", "a och b", "a, b och c": a list as Swedish writes it."""
    return " och ".join(filter(None, (", ".join(names[:-1]), names[-1]))) if names else ""


@phrased(
    "then", "ska utbetalningen vara tillåten", "är utbetalningen tillåten", example="ska utbetalningen vara tillåten"
)
def _allowed(world: World) -> None:
    verdict = _verdict(world)
    first = next((r for r in verdict["rules"] if r["outcome"] != "satisfied"), None)
    expect(verdict["allowed"] and not verdict["violations"], "utbetalningen är tillåten", _broken(verdict), first)


@phrased(
    "then",
    "ska utbetalningen nekas på grund av {regler:Regler}",
    'ska utbetalningen nekas på grund av "{regler}"',
    example="ska utbetalningen nekas på grund av beloppsgränsen",
)
def _refused(world: World, regler: Any) -> None:
    verdict = _verdict(world)
    expected = codes("regel", regler) if isinstance(regler, str) else regler
    wanted = "utbetalningen nekas på grund av " + listed([label("regel", r) for r in expected])
    # The rule that answered otherwise than expected: one named that held, or one not named that did not.
    differing = [r for r in verdict["rules"] if (r["rule_id"] in expected) != (r["rule_id"] in verdict["violations"])]
    expect(
        (verdict["allowed"], verdict["violations"]) == (False, expected),
        wanted,
        _broken(verdict),
        differing[0] if differing else None,
    )


@phrased(
    "then",
    "ska utbetalningen varken vara tillåten eller nekad",
    example="ska utbetalningen varken vara tillåten eller nekad",
)
def _undecided(world: World) -> None:
    """A rule that cannot be decided yet is no permission, and no refusal either."""
    verdict = _verdict(world)
    undecided = (verdict["allowed"], verdict["violations"]) == (False, []) and "pending" in [
        r["outcome"] for r in verdict["rules"]
    ]
    expect(undecided, "utbetalningen kan ännu inte avgöras", _broken(verdict))


@phrased(
    "then",
    "åtagandet ska vara {status:Status}",
    'åtagandets status ska vara "{status:Status}"',
    both=True,
    example="ska åtagandet vara gällande",
)
def _status(world: World, status: str) -> None:
    document = answer(world)
    expect(
        document["status"] == status,
        f"åtagandet är {label('status', status)}",
        f"åtagandet är {document['status_label']['sv']}",
    )


@phrased(
    "then",
    'åtagandet ska ha status "{status}" med etiketten "{etikett}"',
    both=True,
    example='ska åtagandet ha status "in_force" med etiketten "gällande"',
)
def _status_coded(world: World, status: str, etikett: str) -> None:
    document = answer(world)
    got = (document["status"], document["status_label"][world.language])
    expect(got == (status, etikett), f"{status} ({etikett})", f"{got[0]} ({got[1]})")


@phrased(
    "then",
    "utbetalt ska vara {utbetalt:Belopp} och kvar {kvar:Belopp}",
    both=True,
    example="ska utbetalt vara 400 000,00 kr och kvar 600 000,00 kr",
)
def _amounts(world: World, utbetalt: str, kvar: str) -> None:
    amounts = answer(world)["amounts"]
    got = (amounts["disbursed"], amounts["remaining"])
    expect(got == (utbetalt, kvar), f"utbetalt {utbetalt}, kvar {kvar}", f"utbetalt {got[0]}, kvar {got[1]}")


for _text, _field in {
    "medfinansieringen ska vara {belopp:Belopp}": "committed",
    "det överskjutande beloppet ska vara {belopp:Belopp}": "excess",
    "det som betalats ut i strid med villkoren ska vara {belopp:Belopp}": "nonconforming",
}.items():

    @phrased("then", _text, both=True, example=_text.replace("{belopp:Belopp}", "0,00 kr"))
    def _amount(world: World, belopp: str, _field: str = _field) -> None:
        got = answer(world)["amounts"][_field]
        expect(got == belopp, belopp, got)


@phrased(
    "then",
    'regeln om {regel:Regel} ska vara "{utfall:Utfall}" och citera "{ankare}" med orden "{orden}"',
    'regeln "{regel}" ska vara "{utfall}" och citera "{ankare}" med orden "{orden}"',
    both=True,
    example='regeln om beloppsgränsen ska vara "uppfylld" och citera "beslut-1" med orden "en miljon kronor"',
)
def _rule_cites(world: World, regel: str, utfall: str, ankare: str, orden: str) -> None:
    outcome = rule(world, code("regel", regel))
    wanted = code("utfall", utfall)
    expect(
        outcome["outcome"] == wanted,
        f"regeln är {label('utfall', wanted)}",
        f"regeln är {label('utfall', outcome['outcome'])}",
        outcome,
    )
    expect_cites(outcome, ankare, orden)


@phrased(
    "then",
    'regeln om {regel:Regel} ska vara "{utfall:Utfall}"',
    both=True,
    example='regeln om tidsramen ska vara "uppfylld"',
)
def _rule_is(world: World, regel: str, utfall: str) -> None:
    outcome = rule(world, regel)
    expect(
        outcome["outcome"] == utfall,
        f"regeln är {label('utfall', utfall)}",
        f"regeln är {label('utfall', outcome['outcome'])}",
        outcome,
    )


@phrased(
    "then",
    'regeln om {regel:Regel} ska säga "{text}"',
    'regeln "{regel}" ska säga "{text}"',
    both=True,
    example='regeln om kommunstyrelsens beslut ska säga "ett förslag till beslut binder inte kommunen"',
)
def _rule_says(world: World, regel: str, text: str) -> None:
    expect_says(rule(world, code("regel", regel)), text, language=world.language)


@phrased(
    "then",
    'regeln om {regel:Regel} inte ska säga "{text}"',
    example='regeln om mottagaren inte ska säga "grannkommunen"',
)
def _rule_does_not_say(world: World, regel: str, text: str) -> None:
    expect_says(rule(world, regel), text, says=False, language=world.language)


@phrased(
    "then",
    'regeln om {regel:Regel} ska tillämpa tolkningen "{tolkning}" = "{alternativ}"',
    'regeln "{regel}" ska tillämpa tolkningen "{tolkning}" = "{alternativ}"',
    both=True,
    example='regeln om tidsramen ska tillämpa tolkningen "three-years" = "project-years"',
)
def _rule_reading(world: World, regel: str, tolkning: str, alternativ: str) -> None:
    outcome = rule(world, code("regel", regel))
    got = outcome["interpretation"]
    wanted = {"interpretation_id": tolkning, "option_id": alternativ}
    expect(got == wanted, f"tolkningen {tolkning} = {alternativ}", str(got), outcome)
    chosen = answer(world)["interpretations"].get(tolkning)
    expect(chosen == alternativ, f"svaret tillämpar {tolkning} = {alternativ}", f"{tolkning} = {chosen}")


@phrased(
    "then",
    'svaret ska tillämpa tolkningen "{tolkning}" = "{alternativ}"',
    both=True,
    example='ska svaret tillämpa tolkningen "yearly-split" = "free"',
)
def _reading_applied(world: World, tolkning: str, alternativ: str) -> None:
    chosen = answer(world)["interpretations"].get(tolkning)
    expect(chosen == alternativ, f"{tolkning} = {alternativ}", f"{tolkning} = {chosen}")


# ---------------------------------------------------------------- Så: laga kraft


def _appeal(world: World) -> dict:
    appeal = answer(world)["appeal"]
    if appeal is None:
        raise Expected("Svaret anger ingen tid för överklagande.", "The answer gives no time for appeal.")
    return appeal


@phrased(
    "then",
    "tiden för överklagande ska gå ut {dag:Dag}",
    both=True,
    example="ska tiden för överklagande gå ut 2024-12-27",
)
def _appeal_ends(world: World, dag: str) -> None:
    got = _appeal(world)["period_ends_on"]
    expect(got == dag, f"tiden går ut {dag}", f"tiden går ut {got}")


for _text, _has_run in {
    "tiden för överklagande ska ha gått ut": True,
    "tiden för överklagande ska inte ha gått ut": False,
}.items():

    @phrased("then", _text, both=True, example="ska " + _text.replace(" ska ", " ", 1))
    def _appeal_run(world: World, _has_run: bool = _has_run) -> None:
        got = _appeal(world)["period_has_run"]
        expect(
            got is _has_run,
            "tiden har gått ut" if _has_run else "tiden löper",
            "tiden har gått ut" if got else "tiden löper",
        )


@phrased(
    "then",
    'läget för överklagande ska vara "{läge}"',
    both=True,
    example='ska läget för överklagande vara "överklagat, inte avgjort"',
)
def _appeal_state(world: World, läge: str) -> None:
    got = _appeal(world)["appeal"]
    expect(got == code("överklagande", läge), läge, label("överklagande", got))


@phrased(
    "then",
    "svaret ska inte ange någon tid för överklagande",
    both=True,
    example="ska svaret inte ange någon tid för överklagande",
)
def _no_appeal(world: World) -> None:
    got = answer(world)["appeal"]
    expect(got is None, "ingen tid för överklagande", f"tiden går ut {got and got['period_ends_on']}")


# ---------------------------------------------------------------- Så: en fråga som inte kan besvaras


@phrased(
    "then",
    'ska frågan avvisas med status {status:d} och peka på "{pekare}"',
    example='ska frågan avvisas med status 400 och peka på "/facts/adoption/body"',
)
def _refused_request(world: World, status: int, pekare: str) -> None:
    response = world.response
    problem = response.get_json() or {}
    expect(response.status_code == status, f"frågan avvisas med {status}", f"svar {response.status_code}")
    pointers = [e.get("pointer") for e in problem.get("errors", [])]
    expect(pekare in pointers, f"felet pekar på {pekare}", ", ".join(str(p) for p in pointers) or "inget")


# ---------------------------------------------------------------- finansieringsplanen


def _eruf_contribution(plan: dict) -> dict:
    (contribution,) = [c for c in plan["contributions"] if c["kind"] == "eu_fund"]
    return contribution


@phrased("when", "revisorn hämtar finansieringsplanen", example="revisorn hämtar finansieringsplanen")
def _plan(world: World) -> None:
    world.response = world.client.get(f"{world.base}/financing-plan")


@phrased(
    "then",
    "ska bidragen uppgå till {belopp:Belopp}",
    "ska bidragen summera till {belopp:Belopp}",
    example="ska bidragen uppgå till 11 000 000,00 kr",
)
def _plan_total(world: World, belopp: str) -> None:
    plan = answer(world)
    # The auditor adds the contributions up; the service's own total must agree.
    added = str(sum((Decimal(c["amount"]) for c in plan["contributions"]), Decimal("0.00")))
    expect((added, plan["total"]) == (belopp, belopp), belopp, f"bidragen {added}, totalen {plan['total']}")


@phrased(
    "then", "den angivna totalen ska vara {belopp:Belopp}", example="den angivna totalen ska vara 11 000 000,00 kr"
)
def _plan_stated(world: World, belopp: str) -> None:
    got = answer(world)["stated_total"]
    expect(got == belopp, belopp, got)


@phrased("then", "ska ERUF:s bidrag vara {belopp:Belopp}", example="ska ERUF:s bidrag vara 4 400 000,00 kr")
def _plan_eruf(world: World, belopp: str) -> None:
    got = _eruf_contribution(answer(world))["amount"]
    expect(got == belopp, belopp, got)


@phrased("then", "ERUF:s andel ska vara exakt {andel:Procent} %", example="ERUF:s andel ska vara exakt 40 %")
def _plan_share(world: World, andel: Decimal) -> None:
    plan = answer(world)
    contribution = _eruf_contribution(plan)
    share = Decimal(contribution["amount"]) / Decimal(plan["total"])
    expect(share == andel and Decimal(contribution["share"]) == andel, f"{andel:%}", f"{share:%}")


# ---------------------------------------------------------------- det publicerade åtagandet


@phrased(
    "when",
    "revisorn hämtar åtagandet enligt de publicerade fakta den {dag:Dag}",
    example="revisorn hämtar åtagandet enligt de publicerade fakta den 2025-06-02",
)
def _published(world: World, dag: str) -> None:
    world.response = world.client.get(f"{world.base}/commitment", query_string={"as_of": dag})


@phrased("then", "antagandedagen ska vara okänd", example="antagandedagen ska vara okänd")
def _adoption_unknown(world: World) -> None:
    document = answer(world)
    unknown = "adopted_on" in [u["field"] for u in document["unknowns"]]
    expect(unknown and document["facts"]["adoption"] is None, "antagandedagen är okänd", "den är känd")


def _fact(world: World, fakta_id: str) -> dict:
    found = [f for f in answer(world)["facts"]["shipped"] if f.get("fact_id") == fakta_id]
    if len(found) != 1:
        raise Expected(f"Faktumet {fakta_id} finns inte i svaret.", f"The answer has no fact {fakta_id}.")
    return found[0]


@phrased(
    "then",
    'faktumet "{fakta_id}" ska räknas med beviskraften "{beviskraft}"',
    example='faktumet "eruf-grant-reported-2024-12-16" ska räknas med beviskraften "press_report"',
)
def _fact_counts(world: World, fakta_id: str, beviskraft: str) -> None:
    fact = _fact(world, fakta_id)
    got = (fact["source"]["evidence"], fact["counts"])
    expect(
        got == (beviskraft, True), f"räknas, med beviskraften {beviskraft}", f"beviskraft {got[0]}, räknas: {got[1]}"
    )


@phrased(
    "then",
    'faktumet "{fakta_id}" ska ha källan "{adress}" och citera "{citat}"',
    example='faktumet "eruf-grant-reported-2024-12-16" ska ha källan "https://campusflemingsberg.se/" och citera "X"',
)
def _fact_source(world: World, fakta_id: str, adress: str, citat: str) -> None:
    fact = _fact(world, fakta_id)
    expect(fact["source"]["url"] == adress, f"källan {adress}", str(fact["source"]["url"]))
    expect(
        citat in (fact.get("quote"), fact.get("budget_quote")), f"citatet \u201d{citat}\u201d", str(fact.get("quote"))
    )


@phrased(
    "then",
    'faktumet "{fakta_id}" ska ha en anteckning som säger "{text}"',
    example='faktumet "eruf-grant-reported-2024-12-16" ska ha en anteckning som säger "10,8 miljoner euro"',
)
def _fact_note(world: World, fakta_id: str, text: str) -> None:
    note = _fact(world, fakta_id).get(f"note_{world.language}", "")
    expect(text in note, f"anteckningen säger \u201d{text}\u201d", note)


# The registrar's steps (writes to the event log) join the vocabulary from their module.
from service.steps import registrar  # noqa: E402, F401
