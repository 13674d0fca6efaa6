"""The registrar's steps: what is recorded in the event log (POST .../events, with a
token) and what the auditor then reads from the record (GET .../commitment).

Part of the vocabulary (``service.steps.vocabulary``). Each recorded event is kept in
``World.recorded`` by its Swedish name ("kommunstyrelsens beslut", "utbetalningen",
"rättelsen"), with the request that made it, for the steps that refer to it later.
"""

from __future__ import annotations

from typing import Any

from parse import with_pattern

from service.steps.names import code, codes, label
from service.steps.vocabulary import (
    Expected,
    World,
    answer,
    expect,
    expect_cites,
    expect_says,
    is_applicant,
    listed,
    phrased,
    utbetalning,
)

PROBLEM = "application/problem+json"
# "från" names the budget the money is taken from, "till" the one who receives it.
PARTY = {"från": "source", "till": "recipient"}
#: What kommunstyrelsen did with the proposal, as a sentence says it and the event records it.
DECISIONS = {
    "antog förslaget": "adopted",
    "avslog förslaget": "rejected",
    "återremitterade ärendet": "referred_back",
    "bordlade ärendet": "tabled",
}
Beslut = with_pattern("|".join(DECISIONS))(lambda text: DECISIONS[text.lower()])
DECIDED = 'kommunstyrelsen {beslutet:Beslut} {dag:Dag} enligt protokollet "{protokoll}"'
#: The court's ruling on a pending appeal (laglighetsprövning).
RULINGS = {"avslog överklagandet": "dismissed", "upphävde beslutet": "upheld"}
Utslag = with_pattern("|".join(RULINGS))(lambda text: RULINGS[text.lower()])
TYPES = {"Beslut": Beslut, "Utslag": Utslag}
PRESS_REPORT = "eruf-grant-reported-2024-12-16"


def _get(world: World, path: str, **query: Any) -> dict:
    response = world.client.get(f"{world.base}{path}", query_string=query)
    if response.status_code != 200:
        raise Expected(f"GET {path} svarade {response.status_code}.", f"GET {path} answered {response.status_code}.")
    return response.get_json()


def total(world: World) -> int:
    return _get(world, "/events")["total"]


def commitment(world: World, dag: str, **query: Any) -> dict:
    return _get(world, "/commitment", as_of=dag, **query)


def send(world: World, body: dict, headers: dict) -> None:
    """POST the event, noting the log's total before it: a refusal must leave it alone."""
    world.recorded["total före"] = total(world)
    world.recorded["begäran"] = body
    world.response = world.client.post(f"{world.base}/events", json=body, headers=headers)


def record(world: World, name: str, body: dict, **headers: str) -> None:
    """Records ``body`` as the scenario assumes it; a refusal fails the step."""
    send(world, body, {**world.headers(), **headers})
    response = world.response
    if response.status_code != 201:
        detail = (response.get_json() or {}).get("detail", "")
        raise Expected(
            f"Registreringen nekades ({response.status_code}): {detail}", f"Refused ({response.status_code}): {detail}"
        )
    world.recorded[name] = response.get_json()


def disbursement(world: World, dag: str, belopp: str, **party: str) -> dict:
    return {"type": "disbursement", **utbetalning(world, dag, belopp, **party)}


def decided(world: World, beslutet: str, dag: str, protokoll: str, **more: Any) -> dict:
    body = {"type": "adoption", "decided_on": dag, "outcome": beslutet, "body": world.decision.decision_body}
    return {**body, "reference": protokoll, "source": {"evidence": "protocol"}, **more}


def shipped(world: World, fact_id: str) -> dict:
    (found,) = [e for e in _get(world, "/events", limit=100)["items"] if e.get("fact_id") == fact_id]
    return found


def ruling(world: World, utslaget: str, dag: str) -> dict:
    pending = world.recorded["överklagandet"]
    return {
        "type": "appeal",
        "lodged_on": pending["lodged_on"],
        "outcome": utslaget,
        "decided_on": dag,
        "supersedes": pending["event_id"],
    }


def _problem(world: World, status: int) -> dict:
    response = world.response
    problem = response.get_json() or {}
    got = (response.status_code, response.content_type)
    expect(
        got == (status, PROBLEM), f"registreringen avvisas med {status}", f"svar {got[0]} ({problem.get('detail', '')})"
    )
    return problem


def accepted(world: World, vem: str) -> dict:
    """A 201 whose Location is the stored event, recorded by ``vem`` at a UTC moment."""
    response = world.response
    event = response.get_json()
    expect(
        response.status_code == 201,
        "registreringen tas emot",
        f"svar {response.status_code}: {event.get('detail', '')}",
    )
    expect(
        response.headers["Location"] == event["links"]["self"], "Location är händelsen", response.headers["Location"]
    )
    got = (event["recorded_by"], event["recorded_at"][-1], event["corrected_by"])
    expect(got == (vem, "Z", None), f"registrerad av {vem}", f"registrerad av {got[0]}")
    return event


def violation(world: World, regel: str) -> dict:
    found = [v for v in (world.response.get_json() or {}).get("violations", []) if v["rule_id"] == regel]
    expect(
        len(found) == 1 and found[0]["outcome"] == "violated",
        f"regeln om {label('regel', regel)} är inte uppfylld",
        "den nämns inte",
    )
    return found[0]


# ---------------------------------------------------------------- Givet


@phrased(
    "given",
    "att registratorn har registrerat att " + DECIDED,
    types=TYPES,
    example="att registratorn har registrerat att kommunstyrelsen antog förslaget 2024-09-16"
    ' enligt protokollet "KS § 12"',
)
def _decided(world: World, beslutet: str, dag: str, protokoll: str) -> None:
    record(world, "kommunstyrelsens beslut", decided(world, beslutet, dag, protokoll))
    if beslutet == "adopted":
        world.recorded["antagandet"] = world.recorded["kommunstyrelsens beslut"]


@phrased(
    "given",
    "att registratorn har registrerat att " + DECIDED + ", tillkännagivet på anslagstavlan {anslag:Dag}",
    types=TYPES,
    example="att registratorn har registrerat att kommunstyrelsen antog förslaget 2024-09-16"
    ' enligt protokollet "KS § 12", tillkännagivet på anslagstavlan 2024-09-19',
)
def _decided_announced(world: World, beslutet: str, dag: str, protokoll: str, anslag: str) -> None:
    record(world, "kommunstyrelsens beslut", decided(world, beslutet, dag, protokoll, announced_on=anslag))


@phrased(
    "when",
    "registratorn registrerar att " + DECIDED,
    types=TYPES,
    example='registratorn registrerar att kommunstyrelsen avslog förslaget 2024-10-14 enligt protokollet "KS § 40"',
)
def _decides(world: World, beslutet: str, dag: str, protokoll: str) -> None:
    send(world, decided(world, beslutet, dag, protokoll), world.headers())


@phrased(
    "when",
    'registratorn registrerar att "{organ}" antog förslaget {dag:Dag}',
    example='registratorn registrerar att "Grannkommunens kommunstyrelse" antog förslaget 2024-09-16',
)
def _decides_body(world: World, organ: str, dag: str) -> None:
    send(world, {"type": "adoption", "decided_on": dag, "body": organ}, world.headers())


@phrased(
    "given",
    "att registratorn har registrerat att beslutet överklagades {dag:Dag}",
    example="att registratorn har registrerat att beslutet överklagades 2024-10-01",
)
def _appealed(world: World, dag: str) -> None:
    record(world, "överklagandet", {"type": "appeal", "lodged_on": dag, "outcome": "pending"})


@phrased(
    "when",
    "registratorn registrerar att beslutet överklagades {dag:Dag}",
    example="registratorn registrerar att beslutet överklagades 2024-10-01",
)
def _appeals(world: World, dag: str) -> None:
    send(world, {"type": "appeal", "lodged_on": dag, "outcome": "pending"}, world.headers())


@phrased(
    "given",
    "att registratorn har registrerat att förvaltningsrätten {utslaget:Utslag} {dag:Dag}",
    types=TYPES,
    example="att registratorn har registrerat att förvaltningsrätten upphävde beslutet 2025-04-01",
)
def _ruled(world: World, utslaget: str, dag: str) -> None:
    record(world, "utslaget", ruling(world, utslaget, dag))


@phrased(
    "when",
    "registratorn registrerar att förvaltningsrätten {utslaget:Utslag} {dag:Dag}",
    types=TYPES,
    example="registratorn registrerar att förvaltningsrätten avslog överklagandet 2025-04-01",
)
def _rules(world: World, utslaget: str, dag: str) -> None:
    send(world, ruling(world, utslaget, dag), world.headers())


@phrased(
    "given",
    "att registratorn har registrerat att projektet startade {dag:Dag}",
    example="att registratorn har registrerat att projektet startade 2025-02-01",
)
def _started(world: World, dag: str) -> None:
    record(world, "projektstarten", {"type": "project_start", "started_on": dag})


@phrased(
    "when",
    "registratorn registrerar att projektet startade {dag:Dag}",
    example="registratorn registrerar att projektet startade 2025-03-01",
)
def _starts(world: World, dag: str) -> None:
    send(world, {"type": "project_start", "started_on": dag}, world.headers())


@phrased(
    "when",
    "registratorn registrerar att ERUF godkände ansökan {dag:Dag}",
    example="registratorn registrerar att ERUF godkände ansökan 2024-12-10",
)
def _approves(world: World, dag: str) -> None:
    body = {"type": "eruf_decision", "decided_on": dag, "outcome": "approved", "reference": "ERUF:s beslut"}
    send(world, body, world.headers())


@phrased(
    "when",
    "registratorn registrerar att ERUF godkände ansökan {dag:Dag}, vilket ersätter pressuppgiften",
    example="registratorn registrerar att ERUF godkände ansökan 2024-12-10, vilket ersätter pressuppgiften",
)
def _approves_instead(world: World, dag: str) -> None:
    body = {"type": "eruf_decision", "decided_on": dag, "outcome": "approved", "reference": "ERUF:s beslut"}
    send(world, {**body, "supersedes": shipped(world, PRESS_REPORT)["event_id"]}, world.headers())


@phrased(
    "given",
    'att registratorn har rättat kommunstyrelsens beslut med skälet "{skal}"',
    example='att registratorn har rättat kommunstyrelsens beslut med skälet "Fel datum"',
)
def _corrects_decision(world: World, skal: str) -> None:
    target = world.recorded["kommunstyrelsens beslut"]["event_id"]
    record(world, "rättelsen", {"type": "correction", "corrects": target, "reason": skal})


@phrased(
    "given",
    "att registratorn har registrerat en utbetalning om {belopp:Belopp} den {dag:Dag}",
    example="att registratorn har registrerat en utbetalning om 400 000,00 kr den 2025-03-03",
)
def _paid(world: World, belopp: str, dag: str) -> None:
    record(world, "utbetalningen", disbursement(world, dag, belopp))


@phrased(
    "given",
    'att registratorn har registrerat en utbetalning om {belopp:Belopp} den {dag:Dag} med nyckeln "{nyckel}"',
    example='att registratorn har registrerat en utbetalning om 400 000,00 kr den 2025-03-03 med nyckeln "ver-1"',
)
def _paid_keyed(world: World, belopp: str, dag: str, nyckel: str) -> None:
    record(world, "utbetalningen", disbursement(world, dag, belopp), **{"Idempotency-Key": nyckel})


@phrased(
    "given",
    'att registratorn har rättat utbetalningen med skälet "{skal}"',
    example='att registratorn har rättat utbetalningen med skälet "Fel belopp"',
)
def _corrects_payment(world: World, skal: str) -> None:
    target = world.recorded["utbetalningen"]["event_id"]
    record(world, "rättelsen", {"type": "correction", "corrects": target, "reason": skal})


@phrased(
    "given",
    "att registratorn har registrerat att sökanden återkallade ansökan {dag:Dag}",
    "att registratorn har registrerat att {sokande:Part} återkallade ansökan {dag:Dag}",
    example="att registratorn har registrerat att sökanden återkallade ansökan 2025-05-01",
)
def _withdrawn(world: World, dag: str, sokande: str = "") -> None:
    is_applicant(world, sokande)
    body = {"type": "eruf_decision", "decided_on": dag, "outcome": "withdrawn", "reference": "Återkallelse"}
    record(world, "återkallelsen", body)


# ---------------------------------------------------------------- När


@phrased(
    "when",
    "revisorn hämtar det registrerade åtagandet den {dag:Dag}",
    example="revisorn hämtar det registrerade åtagandet den 2025-06-02",
)
def _read(world: World, dag: str) -> None:
    world.response = world.client.get(f"{world.base}/commitment", query_string={"as_of": dag})


@phrased(
    "when",
    "revisorn hämtar åtagandet den {dag:Dag} som det var känt när {handelsen} registrerades",
    example="revisorn hämtar åtagandet den 2025-06-02 som det var känt när utbetalningen registrerades",
)
def _read_as_known(world: World, dag: str, handelsen: str) -> None:
    known = world.recorded[handelsen]["recorded_at"]
    world.response = world.client.get(f"{world.base}/commitment", query_string={"as_of": dag, "known_as_of": known})


@phrased(
    "when",
    "{vem} registrerar en utbetalning om {belopp:Belopp} den {dag:Dag}",
    example="registratorn registrerar en utbetalning om 100 000,00 kr den 2025-06-02",
)
def _pays(world: World, vem: str, belopp: str, dag: str) -> None:
    headers = {"registratorn": world.headers, "någon utan token": dict, "en läsare": lambda: world.headers("reader")}[
        vem
    ]()
    send(world, disbursement(world, dag, belopp), headers)


@phrased(
    "when",
    'registratorn registrerar en utbetalning om {belopp:Belopp} den {dag:Dag} {riktning} "{part}"',
    example='registratorn registrerar en utbetalning om 100 000,00 kr den 2025-06-02 till "grannkommunen"',
)
def _pays_party(world: World, belopp: str, dag: str, riktning: str, part: str) -> None:
    send(world, disbursement(world, dag, belopp, **{PARTY[riktning]: part}), world.headers())


@phrased(
    "when",
    'registratorn rättar utbetalningen med skälet "{skal}"',
    example='registratorn rättar utbetalningen med skälet "Fel belopp"',
)
def _corrects(world: World, skal: str) -> None:
    target = world.recorded["utbetalningen"]["event_id"]
    send(world, {"type": "correction", "corrects": target, "reason": skal}, world.headers())


@phrased(
    "when",
    'registratorn skickar samma utbetalning igen med nyckeln "{nyckel}"',
    example='registratorn skickar samma utbetalning igen med nyckeln "ver-1"',
)
def _resends(world: World, nyckel: str) -> None:
    send(world, world.recorded["begäran"], {**world.headers(), "Idempotency-Key": nyckel})


# ---------------------------------------------------------------- Så


@phrased(
    "then",
    'ska utbetalningen om {belopp:Belopp} tas emot, registrerad av "{vem}"',
    example='ska utbetalningen om 100 000,00 kr tas emot, registrerad av "registrator"',
)
def _payment_taken(world: World, belopp: str, vem: str) -> None:
    event = accepted(world, vem)
    expect(
        (event["type"], event["amount"]) == ("disbursement", belopp),
        f"en utbetalning om {belopp}",
        f"{event['type']} {event.get('amount')}",
    )
    expect(
        world.client.get(event["links"]["self"]).get_json() == event,
        "händelsen läses tillbaka som den togs emot",
        "den skiljer sig",
    )


@phrased(
    "then",
    'ska rättelsen av utbetalningen tas emot, registrerad av "{vem}"',
    example='ska rättelsen av utbetalningen tas emot, registrerad av "registrator"',
)
def _correction_taken(world: World, vem: str) -> None:
    event = accepted(world, vem)
    target = world.recorded["utbetalningen"]["event_id"]
    expect(
        (event["type"], event["corrects"]) == ("correction", target),
        f"en rättelse av händelse {target}",
        str(event.get("corrects")),
    )


@phrased(
    "then",
    "ska registreringen nekas på grund av {regler:Regler}",
    'ska registreringen nekas på grund av "{regler}"',
    example="ska registreringen nekas på grund av beloppsgränsen",
)
def _write_refused(world: World, regler: Any) -> None:
    problem = _problem(world, 422)
    expected = codes("regel", regler) if isinstance(regler, str) else regler
    got = [v["rule_id"] for v in problem.get("violations", [])]
    expect(
        got == expected,
        listed([label("regel", r) for r in expected]),
        listed([label("regel", r) for r in got]) or "inga regler",
    )


@phrased(
    "then",
    'regeln om {regel:Regel}, som inte är uppfylld, ska citera "{ankare}" med orden "{orden}"',
    'den brutna regeln "{regel}" ska citera "{ankare}" med orden "{orden}"',
    example='regeln om beloppsgränsen, som inte är uppfylld, ska citera "beslut-1" med orden "en miljon kronor"',
)
def _broken_cites(world: World, regel: str, ankare: str, orden: str) -> None:
    expect_cites(violation(world, code("regel", regel)), ankare, orden)


@phrased(
    "then",
    'regeln om {regel:Regel}, som inte är uppfylld, ska säga "{text}"',
    'den brutna regeln "{regel}" ska säga "{text}"',
    example='regeln om beloppsgränsen, som inte är uppfylld, ska säga "mer än"',
)
def _broken_says(world: World, regel: str, text: str) -> None:
    expect_says(violation(world, code("regel", regel)), text, language=world.language)


@phrased(
    "then",
    "ska registreringen avvisas som motstridig med {handelsen}",
    example="ska registreringen avvisas som motstridig med kommunstyrelsens beslut",
)
def _conflict(world: World, handelsen: str) -> None:
    """A 409 that names the live fact the new one contradicts, so that the registrar can
    correct the one that is wrong."""
    problem = _problem(world, 409)
    live = shipped(world, PRESS_REPORT) if handelsen == "pressuppgiften" else world.recorded[handelsen]
    expect(
        str(live["event_id"]) in str(problem),
        f"problemet nämner händelse {live['event_id']}",
        problem.get("detail", ""),
    )


@phrased(
    "then",
    'ska registreringen avvisas med status {status:d} och peka på "{pekare}"',
    example='ska registreringen avvisas med status 422 och peka på "/body"',
)
def _write_invalid(world: World, status: int, pekare: str) -> None:
    problem = _problem(world, status)
    pointers = [e.get("pointer") for e in problem.get("errors", [])]
    expect(pekare in pointers, f"felet pekar på {pekare}", ", ".join(str(p) for p in pointers) or "inget")


@phrased(
    "then",
    'ska händelsen tas emot, registrerad av "{vem}"',
    example='ska händelsen tas emot, registrerad av "registrator"',
)
def _event_taken(world: World, vem: str) -> None:
    accepted(world, vem)


@phrased(
    "then", "ska registreringen avvisas med status {status:d}", example="ska registreringen avvisas med status 401"
)
def _write_status(world: World, status: int) -> None:
    _problem(world, status)


@phrased(
    "then",
    "händelseloggen ska fortfarande ha {antal:d} händelser",
    example="händelseloggen ska fortfarande ha 2 händelser",
)
def _log_unchanged(world: World, antal: int) -> None:
    got = (world.recorded["total före"], total(world))
    expect(got == (antal, antal), f"{antal} händelser före och efter", f"{got[0]} före, {got[1]} efter")


@phrased("then", "händelseloggen ska ha {antal:d} händelser", example="händelseloggen ska ha 3 händelser")
def _log_count(world: World, antal: int) -> None:
    got = total(world)
    expect(got == antal, f"{antal} händelser", f"{got} händelser")


@phrased(
    "then",
    "åtagandet den {dag:Dag} ska visa utbetalt {utbetalt:Belopp} och kvar {kvar:Belopp}",
    example="åtagandet den 2025-06-02 ska visa utbetalt 400 000,00 kr och kvar 600 000,00 kr",
)
def _record_amounts(world: World, dag: str, utbetalt: str, kvar: str) -> None:
    amounts = commitment(world, dag)["amounts"]
    got = (amounts["disbursed"], amounts["remaining"])
    expect(got == (utbetalt, kvar), f"utbetalt {utbetalt}, kvar {kvar}", f"utbetalt {got[0]}, kvar {got[1]}")


@phrased(
    "then", "åtagandet den {dag:Dag} ska vara {status:Status}", example="åtagandet den 2025-06-02 ska vara gällande"
)
def _record_status(world: World, dag: str, status: str) -> None:
    document = commitment(world, dag)
    expect(
        document["status"] == status,
        f"åtagandet är {label('status', status)}",
        f"åtagandet är {document['status_label']['sv']}",
    )


@phrased(
    "then",
    'åtagandet den {dag:Dag} ska ha status "{status}" med etiketten "{etikett}"',
    example='åtagandet den 2025-06-02 ska ha status "in_force" med etiketten "gällande"',
)
def _record_status_coded(world: World, dag: str, status: str, etikett: str) -> None:
    document = commitment(world, dag)
    got = (document["status"], document["status_label"][world.language])
    expect(got == (status, etikett), f"{status} ({etikett})", f"{got[0]} ({got[1]})")


@phrased("then", "antagandedagen ska stå som okänd", example="antagandedagen ska stå som okänd")
def _adoption_unknown(world: World) -> None:
    document = answer(world)
    unknown = [u for u in document["unknowns"] if u["field"] == "adopted_on"]
    expect(
        len(unknown) == 1 and "inte känd" in unknown[0]["note"],
        "antagandedagen står som okänd",
        "den står inte som okänd",
    )
    expect(document["facts"]["adoption"] is None, "inget antagande räknas", "ett antagande räknas")


@phrased(
    "then",
    'antagandet {dag:Dag} ska räknas enligt protokollet "{protokoll}"',
    example='antagandet 2024-09-16 ska räknas enligt protokollet "KS § 12"',
)
def _adoption_counts(world: World, dag: str, protokoll: str) -> None:
    document = answer(world)
    fact = document["facts"]["adoption"]
    expect(fact is not None, "ett antagande räknas", "inget antagande")
    got = (fact["decided_on"], fact["reference"], fact["source"]["evidence"], fact["counts"])
    expect(got == (dag, protokoll, "protocol", True), f"antagandet {dag} enligt {protokoll}", f"{got}")
    expect(
        "adopted_on" not in [u["field"] for u in document["unknowns"]], "antagandedagen är känd", "den står som okänd"
    )


@phrased(
    "then",
    "utbetalningen ska synas kvar med beloppet {belopp:Belopp}, rättad av rättelsen",
    example="utbetalningen ska synas kvar med beloppet 400 000,00 kr, rättad av rättelsen",
)
def _payment_still_shown(world: World, belopp: str) -> None:
    shown = world.client.get(world.recorded["utbetalningen"]["links"]["self"]).get_json()
    correction = world.response.get_json()["event_id"]
    got = (shown["amount"], shown["corrected_by"])
    expect(
        got == (belopp, correction),
        f"beloppet {belopp}, rättad av händelse {correction}",
        f"beloppet {got[0]}, rättad av {got[1]}",
    )


@phrased(
    "then",
    "ska svaret gälla det som var känt när {handelsen} registrerades",
    example="ska svaret gälla det som var känt när utbetalningen registrerades",
)
def _known_as_of(world: World, handelsen: str) -> None:
    got, wanted = answer(world)["known_as_of"], world.recorded[handelsen]["recorded_at"]
    expect(got == wanted, wanted, got)


@phrased(
    "then",
    "ska svaret vara samma händelse som första gången",
    example="ska svaret vara samma händelse som första gången",
)
def _replayed(world: World) -> None:
    response, first = world.response, world.recorded["utbetalningen"]
    expect(
        response.status_code == 201 and response.headers.get("Idempotent-Replayed") == "true",
        "samma svar igen",
        f"svar {response.status_code}",
    )
    expect(
        response.get_json() == first and response.headers["Location"] == first["links"]["self"],
        "samma händelse",
        "en annan",
    )
