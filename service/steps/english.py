"""The vocabulary in English, for a scenario that says ``# language: en`` on its first
line (Feature, Background, Scenario, Given, When, Then, And).

``ENGLISH`` gives each entry of the vocabulary, by its first Swedish phrasing, its English
phrasing (or phrasings, the current one first) and an English example; ``apply`` puts them
on the entries (``Phrase.texts_en``, ``Phrase.example_en``) when the package loads, after
the vocabulary and the registrar's steps have registered. The Swedish texts are untouched.

The parameters keep their names and types, read as ``TYPES`` says: amounts and dates as
in Swedish ("400 000,00 kr", "2025-03-03"); a rule, an outcome, a status, a party or an
open question by its code in quotes (``"amount-cap"``, ``"violated"``, ``"in_force"``,
a party's id, ``"three-years"``) or by its Swedish name; what Kommunstyrelsen or
the court did, a recorded event and who records, in English words. What a rule, a label
or a fact's note must say is read in English (``World.language``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from parse import with_pattern

from rules import Library
from service.steps import names
from service.steps.vocabulary import Phrase
from service.steps.words import types as common_types

#: What Kommunstyrelsen did with the proposal, as an English sentence says it.
DECISIONS = {
    "adopted the proposal": "adopted",
    "rejected the proposal": "rejected",
    "referred the matter back": "referred_back",
    "tabled the matter": "tabled",
}
#: The court's ruling on a pending appeal.
RULINGS = {"dismissed the appeal": "dismissed", "annulled the decision": "upheld"}
#: A recorded event by its English name, and the Swedish one the steps keep it by.
EVENTS = {
    "Kommunstyrelsen's decision": "kommunstyrelsens beslut",
    "the adoption": "antagandet",
    "the appeal": "överklagandet",
    "the ruling": "utslaget",
    "the project start": "projektstarten",
    "the disbursement": "utbetalningen",
    "the correction": "rättelsen",
    "the withdrawal": "återkallelsen",
    "the press report": "pressuppgiften",
}
#: Who sends a disbursement, and which way a party is named.
SENDERS = {"the registrar": "registratorn", "someone without a token": "någon utan token", "a reader": "en läsare"}
DIRECTIONS = {"from": "från", "to": "till"}


def _words(table: dict[str, str]) -> Any:
    """A parse type reading any key of ``table`` (without regard to case) as its value."""
    by_case = {key.casefold(): value for key, value in table.items()}
    pattern = "|".join(re.escape(key) for key in sorted(table, key=len, reverse=True))
    return with_pattern(f"(?:{pattern})")(lambda text: by_case[text.casefold()])


#: The types as an English phrasing reads them: beyond the common ones, and instead of
#: the Swedish phrasings' own of the same name.
TYPES: dict[str, Any] = {
    "Beslut": _words(DECISIONS),
    "Utslag": _words(RULINGS),
    "Handelse": _words(EVENTS),
    "Vem": _words(SENDERS),
    "Riktning": _words(DIRECTIONS),
}

#: Each entry's English phrasing(s) and example, by the entry's first Swedish phrasing.
ENGLISH: dict[str, tuple[str | tuple[str, ...], str]] = {
    # ------------------------------------------------------------ Given: Kommunstyrelsen
    "att kommunstyrelsen antog förslaget {dag:Dag}": (
        "Kommunstyrelsen adopted the proposal on {dag:Dag}",
        "Kommunstyrelsen adopted the proposal on 2024-09-16",
    ),
    "att kommunstyrelsen avslog förslaget {dag:Dag}": (
        "Kommunstyrelsen rejected the proposal on {dag:Dag}",
        "Kommunstyrelsen rejected the proposal on 2024-09-16",
    ),
    "att kommunstyrelsen återremitterade ärendet {dag:Dag}": (
        "Kommunstyrelsen referred the matter back on {dag:Dag}",
        "Kommunstyrelsen referred the matter back on 2024-09-16",
    ),
    "att kommunstyrelsen bordlade ärendet {dag:Dag}": (
        "Kommunstyrelsen tabled the matter on {dag:Dag}",
        "Kommunstyrelsen tabled the matter on 2024-09-16",
    ),
    "att kommunstyrelsen antog förslaget {dag:Dag} med ändringen att medfinansieringen är {belopp:Belopp}": (
        "Kommunstyrelsen adopted the proposal on {dag:Dag} with the amendment that the co-financing is {belopp:Belopp}",
        "Kommunstyrelsen adopted the proposal on 2024-09-16 with the amendment that the co-financing is 800 000,00 kr",
    ),
    'att "{organ}" antog förslaget {dag:Dag}': (
        '"{organ}" adopted the proposal on {dag:Dag}',
        '"Grannkommunens kommunstyrelse" adopted the proposal on 2024-09-16',
    ),
    "att justeringen av protokollet tillkännagavs på anslagstavlan {dag:Dag}": (
        "the approval of the minutes was announced on the notice board on {dag:Dag}",
        "the approval of the minutes was announced on the notice board on 2024-12-04",
    ),
    "att beslutet överklagades {dag:Dag}": (
        "the decision was appealed on {dag:Dag}",
        "the decision was appealed on 2024-12-20",
    ),
    "att förvaltningsrätten avslog överklagandet {dag:Dag}": (
        "the administrative court dismissed the appeal on {dag:Dag}",
        "the administrative court dismissed the appeal on 2025-04-01",
    ),
    "att förvaltningsrätten upphävde beslutet {dag:Dag}": (
        "the administrative court annulled the decision on {dag:Dag}",
        "the administrative court annulled the decision on 2025-04-01",
    ),
    # ------------------------------------------------------------ Given: ERUF and the project
    "att ERUF godkände ansökan {dag:Dag}": (
        "ERUF approved the application on {dag:Dag}",
        "ERUF approved the application on 2024-12-16",
    ),
    "att ERUF beviljade {belopp:Belopp} av de sökta medlen {dag:Dag}": (
        "ERUF granted {belopp:Belopp} of the funds applied for on {dag:Dag}",
        "ERUF granted 4 000 000,00 kr of the funds applied for on 2024-12-16",
    ),
    "att ERUF avslog ansökan {dag:Dag}": (
        "ERUF rejected the application on {dag:Dag}",
        "ERUF rejected the application on 2025-01-20",
    ),
    "att sökanden återkallade ansökan {dag:Dag}": (
        ("the applicant withdrew the application on {dag:Dag}", "{sokande:Part} withdrew the application on {dag:Dag}"),
        "the applicant withdrew the application on 2025-01-20",
    ),
    "att projektet startade {dag:Dag}": (
        "the project started on {dag:Dag}",
        "the project started on 2025-02-01",
    ),
    # ------------------------------------------------------------ Given: disbursements and readings
    "att {belopp:Belopp} betalades ut {dag:Dag}": (
        "{belopp:Belopp} was paid out on {dag:Dag}",
        "400 000,00 kr was paid out on 2025-03-03",
    ),
    "att {belopp:Belopp} betalades ut {dag:Dag} till {part:Part}": (
        (
            '{belopp:Belopp} was paid out on {dag:Dag} to "{part}"',
            "{belopp:Belopp} was paid out on {dag:Dag} to {part:Part}",
        ),
        '1 000 000,00 kr was paid out on 2025-03-03 to "grannkommunen"',
    ),
    'att revisorn väljer tolkningen "{tolkning}" = "{alternativ}"': (
        'the auditor chooses the interpretation "{tolkning}" = "{alternativ}"',
        'the auditor chooses the interpretation "three-years" = "budget-years-2025-2027"',
    ),
    'att revisorn för {tolkning:Tolkning} väljer tolkningen "{alternativ}"': (
        'the auditor reads "{tolkning:Tolkning}" as "{alternativ}"',
        'the auditor reads "three-years" as "36-months-from-project-start"',
    ),
    # ------------------------------------------------------------ When
    "revisorn prövar en utbetalning om {belopp:Belopp} den {dag:Dag}": (
        "the auditor tries a disbursement of {belopp:Belopp} on {dag:Dag}",
        "the auditor tries a disbursement of 100 000,00 kr on 2025-06-02",
    ),
    'revisorn prövar en utbetalning om {belopp:Belopp} den {dag:Dag} från "{kalla}"': (
        'the auditor tries a disbursement of {belopp:Belopp} on {dag:Dag} from "{kalla}"',
        'the auditor tries a disbursement of 100 000,00 kr on 2025-06-02 from "kommunstyrelsens-anslag"',
    ),
    "revisorn prövar en utbetalning om {belopp:Belopp} den {dag:Dag} till {mottagare:Part}": (
        (
            'the auditor tries a disbursement of {belopp:Belopp} on {dag:Dag} to "{mottagare}"',
            "the auditor tries a disbursement of {belopp:Belopp} on {dag:Dag} to {mottagare:Part}",
        ),
        'the auditor tries a disbursement of 100 000,00 kr on 2025-06-02 to "grannkommunen"',
    ),
    "revisorn frågar efter åtagandets status den {dag:Dag}": (
        "the auditor asks for the commitment's status on {dag:Dag}",
        "the auditor asks for the commitment's status on 2025-06-02",
    ),
    # ------------------------------------------------------------ Then
    "ska utbetalningen vara tillåten": (
        ("the disbursement should be allowed", "the disbursement is allowed"),
        "the disbursement should be allowed",
    ),
    "ska utbetalningen nekas på grund av {regler:Regler}": (
        'the disbursement should be refused because of "{regler:Regler}"',
        'the disbursement should be refused because of "amount-cap"',
    ),
    "ska utbetalningen varken vara tillåten eller nekad": (
        "the disbursement should be neither allowed nor refused",
        "the disbursement should be neither allowed nor refused",
    ),
    "åtagandet ska vara {status:Status}": (
        'the commitment should be "{status:Status}"',
        'the commitment should be "in_force"',
    ),
    'åtagandet ska ha status "{status}" med etiketten "{etikett}"': (
        'the commitment should have the status "{status}" with the label "{etikett}"',
        'the commitment should have the status "in_force" with the label "in force"',
    ),
    "utbetalt ska vara {utbetalt:Belopp} och kvar {kvar:Belopp}": (
        "the amount disbursed should be {utbetalt:Belopp} and the amount remaining {kvar:Belopp}",
        "the amount disbursed should be 400 000,00 kr and the amount remaining 600 000,00 kr",
    ),
    "medfinansieringen ska vara {belopp:Belopp}": (
        "the co-financing should be {belopp:Belopp}",
        "the co-financing should be 1 000 000,00 kr",
    ),
    "det överskjutande beloppet ska vara {belopp:Belopp}": (
        "the excess amount should be {belopp:Belopp}",
        "the excess amount should be 0,00 kr",
    ),
    "det som betalats ut i strid med villkoren ska vara {belopp:Belopp}": (
        "the amount paid out in breach of the conditions should be {belopp:Belopp}",
        "the amount paid out in breach of the conditions should be 0,00 kr",
    ),
    'regeln om {regel:Regel} ska vara "{utfall:Utfall}" och citera "{ankare}" med orden "{orden}"': (
        'the rule "{regel:Regel}" should be "{utfall:Utfall}" and cite "{ankare}" with the words "{orden}"',
        'the rule "amount-cap" should be "violated" and cite "beslut-1" with the words "en miljon kronor"',
    ),
    'regeln om {regel:Regel} ska vara "{utfall:Utfall}"': (
        'the rule "{regel:Regel}" should be "{utfall:Utfall}"',
        'the rule "period" should be "satisfied"',
    ),
    'regeln om {regel:Regel} ska säga "{text}"': (
        'the rule "{regel:Regel}" should say "{text}"',
        'the rule "adoption" should say "a proposed decision does not bind the municipality"',
    ),
    'regeln om {regel:Regel} inte ska säga "{text}"': (
        'the rule "{regel:Regel}" should not say "{text}"',
        'the rule "recipient" should not say "grannkommunen"',
    ),
    'regeln om {regel:Regel} ska tillämpa tolkningen "{tolkning}" = "{alternativ}"': (
        'the rule "{regel:Regel}" should apply the interpretation "{tolkning}" = "{alternativ}"',
        'the rule "period" should apply the interpretation "three-years" = "project-years"',
    ),
    'svaret ska tillämpa tolkningen "{tolkning}" = "{alternativ}"': (
        'the answer should apply the interpretation "{tolkning}" = "{alternativ}"',
        'the answer should apply the interpretation "yearly-split" = "free"',
    ),
    # ------------------------------------------------------------ Then: legal force
    "tiden för överklagande ska gå ut {dag:Dag}": (
        "the time for appeal should end on {dag:Dag}",
        "the time for appeal should end on 2024-12-27",
    ),
    "tiden för överklagande ska ha gått ut": (
        "the time for appeal should have run out",
        "the time for appeal should have run out",
    ),
    "tiden för överklagande ska inte ha gått ut": (
        "the time for appeal should not have run out",
        "the time for appeal should not have run out",
    ),
    'läget för överklagande ska vara "{läge}"': (
        'the state of appeal should be "{läge}"',
        'the state of appeal should be "pending"',
    ),
    "svaret ska inte ange någon tid för överklagande": (
        "the answer should give no time for appeal",
        "the answer should give no time for appeal",
    ),
    # ------------------------------------------------------------ Then: a question that cannot be answered
    'ska frågan avvisas med status {status:d} och peka på "{pekare}"': (
        'the question should be refused with status {status:d} pointing at "{pekare}"',
        'the question should be refused with status 400 pointing at "/facts/adoption/body"',
    ),
    # ------------------------------------------------------------ the financing plan
    "revisorn hämtar finansieringsplanen": (
        "the auditor fetches the financing plan",
        "the auditor fetches the financing plan",
    ),
    "ska bidragen uppgå till {belopp:Belopp}": (
        ("the contributions should add up to {belopp:Belopp}", "the contributions should sum to {belopp:Belopp}"),
        "the contributions should add up to 11 000 000,00 kr",
    ),
    "den angivna totalen ska vara {belopp:Belopp}": (
        "the stated total should be {belopp:Belopp}",
        "the stated total should be 11 000 000,00 kr",
    ),
    "ska ERUF:s bidrag vara {belopp:Belopp}": (
        "ERUF's contribution should be {belopp:Belopp}",
        "ERUF's contribution should be 4 400 000,00 kr",
    ),
    "ERUF:s andel ska vara exakt {andel:Procent} %": (
        "ERUF's share should be exactly {andel:Procent} %",
        "ERUF's share should be exactly 40 %",
    ),
    # ------------------------------------------------------------ the published commitment
    "revisorn hämtar åtagandet enligt de publicerade fakta den {dag:Dag}": (
        "the auditor fetches the commitment by the published facts on {dag:Dag}",
        "the auditor fetches the commitment by the published facts on 2025-06-02",
    ),
    "antagandedagen ska vara okänd": (
        "the day of adoption should be unknown",
        "the day of adoption should be unknown",
    ),
    'faktumet "{fakta_id}" ska räknas med beviskraften "{beviskraft}"': (
        'the fact "{fakta_id}" should count with the evidence "{beviskraft}"',
        'the fact "eruf-grant-reported-2024-12-16" should count with the evidence "press_report"',
    ),
    'faktumet "{fakta_id}" ska ha källan "{adress}" och citera "{citat}"': (
        'the fact "{fakta_id}" should have the source "{adress}" and quote "{citat}"',
        'the fact "eruf-grant-reported-2024-12-16" should have the source "https://campusflemingsberg.se/" and'
        ' quote "X"',
    ),
    'faktumet "{fakta_id}" ska ha en anteckning som säger "{text}"': (
        'the fact "{fakta_id}" should have a note saying "{text}"',
        'the fact "eruf-grant-reported-2024-12-16" should have a note saying "10.8 million euros"',
    ),
    # ------------------------------------------------------------ the registrar: Given
    "att registratorn har registrerat att kommunstyrelsen {beslutet:Beslut} {dag:Dag}"
    ' enligt protokollet "{protokoll}"': (
        "the registrar has recorded that Kommunstyrelsen {beslutet:Beslut} on {dag:Dag} according to the minutes"
        ' "{protokoll}"',
        "the registrar has recorded that Kommunstyrelsen adopted the proposal on 2024-09-16 according to the minutes"
        ' "KS § 12"',
    ),
    'att registratorn har registrerat att kommunstyrelsen {beslutet:Beslut} {dag:Dag} enligt protokollet "{protokoll}",'
    " tillkännagivet på anslagstavlan {anslag:Dag}": (
        "the registrar has recorded that Kommunstyrelsen {beslutet:Beslut} on {dag:Dag} according to the minutes"
        ' "{protokoll}", announced on the notice board on {anslag:Dag}',
        "the registrar has recorded that Kommunstyrelsen adopted the proposal on 2024-09-16 according to the minutes"
        ' "KS § 12", announced on the notice board on 2024-09-19',
    ),
    'registratorn registrerar att kommunstyrelsen {beslutet:Beslut} {dag:Dag} enligt protokollet "{protokoll}"': (
        "the registrar records that Kommunstyrelsen {beslutet:Beslut} on {dag:Dag} according to the minutes"
        ' "{protokoll}"',
        "the registrar records that Kommunstyrelsen rejected the proposal on 2024-10-14 according to the minutes"
        ' "KS § 40"',
    ),
    'registratorn registrerar att "{organ}" antog förslaget {dag:Dag}': (
        'the registrar records that "{organ}" adopted the proposal on {dag:Dag}',
        'the registrar records that "Grannkommunens kommunstyrelse" adopted the proposal on 2024-09-16',
    ),
    "att registratorn har registrerat att beslutet överklagades {dag:Dag}": (
        "the registrar has recorded that the decision was appealed on {dag:Dag}",
        "the registrar has recorded that the decision was appealed on 2024-10-01",
    ),
    "registratorn registrerar att beslutet överklagades {dag:Dag}": (
        "the registrar records that the decision was appealed on {dag:Dag}",
        "the registrar records that the decision was appealed on 2024-10-01",
    ),
    "att registratorn har registrerat att förvaltningsrätten {utslaget:Utslag} {dag:Dag}": (
        "the registrar has recorded that the administrative court {utslaget:Utslag} on {dag:Dag}",
        "the registrar has recorded that the administrative court annulled the decision on 2025-04-01",
    ),
    "registratorn registrerar att förvaltningsrätten {utslaget:Utslag} {dag:Dag}": (
        "the registrar records that the administrative court {utslaget:Utslag} on {dag:Dag}",
        "the registrar records that the administrative court dismissed the appeal on 2025-04-01",
    ),
    "att registratorn har registrerat att projektet startade {dag:Dag}": (
        "the registrar has recorded that the project started on {dag:Dag}",
        "the registrar has recorded that the project started on 2025-02-01",
    ),
    "registratorn registrerar att projektet startade {dag:Dag}": (
        "the registrar records that the project started on {dag:Dag}",
        "the registrar records that the project started on 2025-03-01",
    ),
    "registratorn registrerar att ERUF godkände ansökan {dag:Dag}": (
        "the registrar records that ERUF approved the application on {dag:Dag}",
        "the registrar records that ERUF approved the application on 2024-12-10",
    ),
    "registratorn registrerar att ERUF godkände ansökan {dag:Dag}, vilket ersätter pressuppgiften": (
        "the registrar records that ERUF approved the application on {dag:Dag}, which supersedes the press report",
        "the registrar records that ERUF approved the application on 2024-12-10, which supersedes the press report",
    ),
    'att registratorn har rättat kommunstyrelsens beslut med skälet "{skal}"': (
        'the registrar has corrected Kommunstyrelsen\'s decision with the reason "{skal}"',
        'the registrar has corrected Kommunstyrelsen\'s decision with the reason "Wrong date"',
    ),
    "att registratorn har registrerat en utbetalning om {belopp:Belopp} den {dag:Dag}": (
        "the registrar has recorded a disbursement of {belopp:Belopp} on {dag:Dag}",
        "the registrar has recorded a disbursement of 400 000,00 kr on 2025-03-03",
    ),
    'att registratorn har registrerat en utbetalning om {belopp:Belopp} den {dag:Dag} med nyckeln "{nyckel}"': (
        'the registrar has recorded a disbursement of {belopp:Belopp} on {dag:Dag} with the key "{nyckel}"',
        'the registrar has recorded a disbursement of 400 000,00 kr on 2025-03-03 with the key "ver-1"',
    ),
    'att registratorn har rättat utbetalningen med skälet "{skal}"': (
        'the registrar has corrected the disbursement with the reason "{skal}"',
        'the registrar has corrected the disbursement with the reason "Wrong amount"',
    ),
    "att registratorn har registrerat att sökanden återkallade ansökan {dag:Dag}": (
        (
            "the registrar has recorded that the applicant withdrew the application on {dag:Dag}",
            "the registrar has recorded that {sokande:Part} withdrew the application on {dag:Dag}",
        ),
        "the registrar has recorded that the applicant withdrew the application on 2025-05-01",
    ),
    # ------------------------------------------------------------ the registrar: When
    "revisorn hämtar det registrerade åtagandet den {dag:Dag}": (
        "the auditor fetches the recorded commitment on {dag:Dag}",
        "the auditor fetches the recorded commitment on 2025-06-02",
    ),
    "revisorn hämtar åtagandet den {dag:Dag} som det var känt när {handelsen} registrerades": (
        "the auditor fetches the commitment on {dag:Dag} as it was known when {handelsen:Handelse} was recorded",
        "the auditor fetches the commitment on 2025-06-02 as it was known when the disbursement was recorded",
    ),
    "{vem} registrerar en utbetalning om {belopp:Belopp} den {dag:Dag}": (
        "{vem:Vem} records a disbursement of {belopp:Belopp} on {dag:Dag}",
        "the registrar records a disbursement of 100 000,00 kr on 2025-06-02",
    ),
    'registratorn registrerar en utbetalning om {belopp:Belopp} den {dag:Dag} {riktning} "{part}"': (
        'the registrar records a disbursement of {belopp:Belopp} on {dag:Dag} {riktning:Riktning} "{part}"',
        'the registrar records a disbursement of 100 000,00 kr on 2025-06-02 to "grannkommunen"',
    ),
    'registratorn rättar utbetalningen med skälet "{skal}"': (
        'the registrar corrects the disbursement with the reason "{skal}"',
        'the registrar corrects the disbursement with the reason "Wrong amount"',
    ),
    'registratorn skickar samma utbetalning igen med nyckeln "{nyckel}"': (
        'the registrar sends the same disbursement again with the key "{nyckel}"',
        'the registrar sends the same disbursement again with the key "ver-1"',
    ),
    # ------------------------------------------------------------ the registrar: Then
    'ska utbetalningen om {belopp:Belopp} tas emot, registrerad av "{vem}"': (
        'the disbursement of {belopp:Belopp} should be accepted, recorded by "{vem}"',
        'the disbursement of 100 000,00 kr should be accepted, recorded by "registrator"',
    ),
    'ska rättelsen av utbetalningen tas emot, registrerad av "{vem}"': (
        'the correction of the disbursement should be accepted, recorded by "{vem}"',
        'the correction of the disbursement should be accepted, recorded by "registrator"',
    ),
    "ska registreringen nekas på grund av {regler:Regler}": (
        'the registration should be refused because of "{regler:Regler}"',
        'the registration should be refused because of "amount-cap"',
    ),
    'regeln om {regel:Regel}, som inte är uppfylld, ska citera "{ankare}" med orden "{orden}"': (
        'the violated rule "{regel:Regel}" should cite "{ankare}" with the words "{orden}"',
        'the violated rule "amount-cap" should cite "beslut-1" with the words "en miljon kronor"',
    ),
    'regeln om {regel:Regel}, som inte är uppfylld, ska säga "{text}"': (
        'the violated rule "{regel:Regel}" should say "{text}"',
        'the violated rule "amount-cap" should say "more than"',
    ),
    "ska registreringen avvisas som motstridig med {handelsen}": (
        "the registration should be refused as contradicting {handelsen:Handelse}",
        "the registration should be refused as contradicting Kommunstyrelsen's decision",
    ),
    'ska registreringen avvisas med status {status:d} och peka på "{pekare}"': (
        'the registration should be refused with status {status:d} pointing at "{pekare}"',
        'the registration should be refused with status 422 pointing at "/body"',
    ),
    'ska händelsen tas emot, registrerad av "{vem}"': (
        'the event should be accepted, recorded by "{vem}"',
        'the event should be accepted, recorded by "registrator"',
    ),
    "ska registreringen avvisas med status {status:d}": (
        "the registration should be refused with status {status:d}",
        "the registration should be refused with status 401",
    ),
    "händelseloggen ska fortfarande ha {antal:d} händelser": (
        "the event log should still have {antal:d} events",
        "the event log should still have 2 events",
    ),
    "händelseloggen ska ha {antal:d} händelser": (
        "the event log should have {antal:d} events",
        "the event log should have 3 events",
    ),
    "åtagandet den {dag:Dag} ska visa utbetalt {utbetalt:Belopp} och kvar {kvar:Belopp}": (
        "the commitment on {dag:Dag} should show {utbetalt:Belopp} disbursed and {kvar:Belopp} remaining",
        "the commitment on 2025-06-02 should show 400 000,00 kr disbursed and 600 000,00 kr remaining",
    ),
    "åtagandet den {dag:Dag} ska vara {status:Status}": (
        'the commitment on {dag:Dag} should be "{status:Status}"',
        'the commitment on 2025-06-02 should be "in_force"',
    ),
    'åtagandet den {dag:Dag} ska ha status "{status}" med etiketten "{etikett}"': (
        'the commitment on {dag:Dag} should have the status "{status}" with the label "{etikett}"',
        'the commitment on 2025-06-02 should have the status "in_force" with the label "in force"',
    ),
    "antagandedagen ska stå som okänd": (
        "the day of adoption should be shown as unknown",
        "the day of adoption should be shown as unknown",
    ),
    'antagandet {dag:Dag} ska räknas enligt protokollet "{protokoll}"': (
        'the adoption on {dag:Dag} should count according to the minutes "{protokoll}"',
        'the adoption on 2024-09-16 should count according to the minutes "KS § 12"',
    ),
    "utbetalningen ska synas kvar med beloppet {belopp:Belopp}, rättad av rättelsen": (
        "the disbursement should still be shown with the amount {belopp:Belopp}, corrected by the correction",
        "the disbursement should still be shown with the amount 400 000,00 kr, corrected by the correction",
    ),
    "ska svaret gälla det som var känt när {handelsen} registrerades": (
        "the answer should be as it was known when {handelsen:Handelse} was recorded",
        "the answer should be as it was known when the disbursement was recorded",
    ),
    "ska svaret vara samma händelse som första gången": (
        "the answer should be the same event as the first time",
        "the answer should be the same event as the first time",
    ),
}


def apply(vocabulary: list[Phrase]) -> None:
    """Gives each entry of ``vocabulary`` its English phrasings and example, in place.
    An entry missing here keeps none (the test suite fails on it)."""
    for index, phrase in enumerate(vocabulary):
        found = ENGLISH.get(phrase.texts[0])
        if found is not None:
            texts, example = found
            written = (texts,) if isinstance(texts, str) else tuple(texts)
            vocabulary[index] = replace(phrase, texts_en=_with_erdf(written), example_en=example)


def _with_erdf(texts: tuple[str, ...]) -> tuple[str, ...]:
    """Each text as written ("ERUF approved the application"), and as English names the
    fund ("the ERDF approved the application")."""
    english = tuple(text.replace("ERUF", "the ERDF") for text in texts if "ERUF" in text)
    return texts + tuple(text for text in english if text not in texts)


def parse_types(phrase: Phrase, library: Library) -> dict[str, Any]:
    """The parse types of ``phrase``'s English phrasings: the common ones, its own, then
    English's, the names those of ``library``'s decisions (and their codes)."""
    return {**common_types(library), **phrase.types, **names.types_by_code(library), **TYPES}
