# language: sv
Egenskap: Åtagandets status från förslag till fullgjort
  Tjänsteskrivelse KS-2024/1371.481, 2024-08-26. Är Huddinges miljon utlovad, och på vilka villkor, en viss dag?
  Statusen är föreslaget, återremitterat, bordlagt, avslaget, villkorat, bortfallet, upphävt,
  avslutat efter återkallelse, kan inte avgöras, gällande, fullgjort eller utgånget.

  Regel: Ett förslag till beslut binder inte kommunen förrän kommunstyrelsen har antagit det
    "Förslag till beslut"
    "Kommunstyrelsens beslut"

    @forslag-till-beslut @status
    Scenario: Innan något beslut av kommunstyrelsen är registrerat är åtagandet bara föreslaget
      Givet att ERUF godkände ansökan 2024-12-16
      När revisorn frågar efter åtagandets status den 2025-06-02
      Så ska åtagandet vara föreslaget
      Och regeln om kommunstyrelsens beslut ska vara "ännu inte avgjord" och citera "forslag-till-beslut" med orden "Förslag till beslut"
      Och regeln om kommunstyrelsens beslut ska säga "Inget beslut av kommunstyrelsen i ärendet är registrerat; ett förslag till beslut binder inte kommunen."
      Och regeln om kommunstyrelsens beslut inte ska säga "har inte antagit"

    @forslag-till-beslut
    Scenario: En utbetalning dagen innan kommunstyrelsen antar förslaget nekas
      Givet att kommunstyrelsen antog förslaget 2025-03-03
      Och att ERUF godkände ansökan 2024-12-16
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-03-02
      Så ska utbetalningen nekas på grund av kommunstyrelsens beslut
      Och regeln om kommunstyrelsens beslut ska vara "inte uppfylld" och citera "forslag-till-beslut" med orden "Förslag till beslut"
      Och regeln om kommunstyrelsens beslut ska säga "Inget beslut av kommunstyrelsen att anta förslaget är registrerat per 2025-03-02, dagen för utbetalningen."

    @forslag-till-beslut
    Scenario: En utbetalning samma dag som kommunstyrelsen antar förslaget är tillåten
      Givet att kommunstyrelsen antog förslaget 2025-03-03
      Och att ERUF godkände ansökan 2024-12-16
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-03-03
      Så ska utbetalningen vara tillåten
      Och regeln om kommunstyrelsens beslut ska vara "uppfylld" och citera "forslag-till-beslut" med orden "Förslag till beslut"

    @forslag-till-beslut @status
    Scenario: Med de publicerade fakta är åtagandet föreslaget eftersom antagandedagen är okänd
      När revisorn hämtar åtagandet enligt de publicerade fakta den 2025-06-02
      Så ska åtagandet vara föreslaget
      Och antagandedagen ska vara okänd
      Och faktumet "eruf-grant-reported-2024-12-16" ska räknas med beviskraften "press_report"
      Och regeln om kommunstyrelsens beslut ska vara "ännu inte avgjord" och citera "forslag-till-beslut" med orden "Förslag till beslut"
      Och regeln om villkoret om ERUF:s godkännande ska vara "uppfylld" och citera "beslut-3" med orden "godkänns av Europeiska regionala utvecklingsfonden"

  Regel: Ett faktum från en annan källa har sin adress, och där källan avviker från tjänsteskrivelsen sägs det
    "under förutsättning att Flemingsberg Science projektansökan godkänns av Europeiska regionala utvecklingsfonden"
    "Totalt kommer projektet att kosta ca 11 miljoner under tre år."

    @finansiering
    Scenario: Pressuppgiften om ERUF-beviljandet har sin adress, och dess budget i euro sägs inte stämma med tjänsteskrivelsens kronor
      När revisorn hämtar åtagandet enligt de publicerade fakta den 2025-06-02
      Så ska åtagandet vara föreslaget
      Och faktumet "eruf-grant-reported-2024-12-16" ska ha källan "https://campusflemingsberg.se/en/2024/12/16/klustermotor-flemingsberg-eruf-projekt-for-tillvaxt-inom-life-science/" och citera "The project has been granted funding from the European Regional Development Fund (ERDF)"
      Och faktumet "eruf-grant-reported-2024-12-16" ska ha källan "https://campusflemingsberg.se/en/2024/12/16/klustermotor-flemingsberg-eruf-projekt-for-tillvaxt-inom-life-science/" och citera "The total project budget is €10.8 million for the years 2025–2027."
      Och faktumet "eruf-grant-reported-2024-12-16" ska ha en anteckning som säger "10,8 miljoner euro"

  Regel: Kommunstyrelsen kan avslå förslaget, återremittera eller bordlägga ärendet
    "Förslag till beslut"
    "Kommunstyrelsens beslut"

    @forslag-till-beslut @status
    Scenario: Ett avslag från kommunstyrelsen ger åtagandet statusen avslaget, och en utbetalning nekas
      Givet att kommunstyrelsen avslog förslaget 2024-09-16
      Och att ERUF godkände ansökan 2024-12-16
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-03-03
      Så ska utbetalningen nekas på grund av kommunstyrelsens beslut
      Och åtagandet ska vara avslaget
      Och regeln om kommunstyrelsens beslut ska säga "Kommunstyrelsen avslog förslaget 2024-09-16; någon medfinansiering är inte beviljad."

    @forslag-till-beslut @status
    Scenariomall: Efter <beslutet> är åtagandet <status> och inget beslut i sak är fattat
      Givet att kommunstyrelsen <beslutet> 2024-09-16
      Och att ERUF godkände ansökan 2024-12-16
      När revisorn frågar efter åtagandets status den 2025-03-03
      Så ska åtagandet vara <status>
      Och regeln om kommunstyrelsens beslut ska vara "ännu inte avgjord"
      Och regeln om kommunstyrelsens beslut ska säga "ärendet 2024-09-16; något beslut i sak är inte fattat."

      Exempel: Återremiss och bordläggning
        | beslutet                  | status         |
        | återremitterade ärendet   | återremitterat |
        | bordlade ärendet          | bordlagt       |

    @forslag-till-beslut
    Scenario: En utbetalning efter en återremiss nekas
      Givet att kommunstyrelsen återremitterade ärendet 2024-09-16
      Och att ERUF godkände ansökan 2024-12-16
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-03-03
      Så ska utbetalningen nekas på grund av kommunstyrelsens beslut
      Och regeln om kommunstyrelsens beslut ska säga "Kommunstyrelsen återremitterade ärendet 2024-09-16; 2025-03-03, dagen för utbetalningen, fanns inget beslut att anta förslaget."

  Regel: Förslaget är ställt till kommunstyrelsen i Huddinge och daterat 2024-08-26
    "Kommunstyrelsen"
    "Datum 2024-08-26"

    @forslag-till-beslut
    Scenario: Ett antagande av ett annat organ än kommunstyrelsen i Huddinge avvisas
      Givet att "Botkyrka kommunstyrelse" antog förslaget 2024-09-16
      När revisorn frågar efter åtagandets status den 2025-03-03
      Så ska frågan avvisas med status 400 och peka på "/facts/adoption/body"

    @forslag-till-beslut
    Scenario: Ett antagande av "KS", ett namn som beslutet anger för kommunstyrelsen, räknas
      Givet att "KS" antog förslaget 2024-09-16
      Och att ERUF godkände ansökan 2024-12-16
      När revisorn frågar efter åtagandets status den 2025-03-03
      Så ska åtagandet vara gällande

    @forslag-till-beslut
    Scenario: Ett antagande daterat före förslagets datum avvisas
      Givet att kommunstyrelsen antog förslaget 2024-08-25
      När revisorn frågar efter åtagandets status den 2025-03-03
      Så ska frågan avvisas med status 400 och peka på "/facts/adopted_on"

    @forslag-till-beslut @status
    Scenario: Ett antagande samma dag som förslaget är daterat räknas
      Givet att kommunstyrelsen antog förslaget 2024-08-26
      När revisorn frågar efter åtagandets status den 2024-08-26
      Så ska åtagandet vara villkorat

  Regel: Åtagandet är en miljon kronor under tre år, om ERUF godkänner ansökan
    "De ekonomiska konsekvenserna av förslaget till beslut är att Huddinge kommun som medfinansierare av projektet behöver avsätta sammanlagt en miljon kronor under tre år."

    @status
    Scenariomall: Åtagandet går från föreslaget via villkorat och gällande till fullgjort
      Givet att kommunstyrelsen antog förslaget 2024-09-16
      Och att ERUF godkände ansökan 2024-12-16
      Och att 400 000,00 kr betalades ut 2025-03-03
      Och att 600 000,00 kr betalades ut 2026-03-02
      När revisorn frågar efter åtagandets status den <dag>
      Så ska åtagandet vara <status>
      Och utbetalt ska vara <utbetalt> och kvar <kvar>

      Exempel: Varje händelse räknas från och med sin dag
        | dag        | status     | utbetalt        | kvar            |
        | 2024-09-15 | föreslaget | 0,00 kr         | 1 000 000,00 kr |
        | 2024-09-16 | villkorat  | 0,00 kr         | 1 000 000,00 kr |
        | 2024-12-15 | villkorat  | 0,00 kr         | 1 000 000,00 kr |
        | 2024-12-16 | gällande   | 0,00 kr         | 1 000 000,00 kr |
        | 2025-03-03 | gällande   | 400 000,00 kr   | 600 000,00 kr   |
        | 2026-03-01 | gällande   | 400 000,00 kr   | 600 000,00 kr   |
        | 2026-03-02 | fullgjort  | 1 000 000,00 kr | 0,00 kr         |
        | 2028-06-01 | fullgjort  | 1 000 000,00 kr | 0,00 kr         |

    @status
    Scenariomall: Med standardtolkningen är åtagandet gällande också efter budgetåren, för texten sätter ingen sista dag
      Givet att kommunstyrelsen antog förslaget 2024-09-16
      Och att ERUF godkände ansökan 2024-12-16
      Och att 400 000,00 kr betalades ut 2025-03-03
      När revisorn frågar efter åtagandets status den <dag>
      Så ska åtagandet vara gällande
      Och utbetalt ska vara 400 000,00 kr och kvar 600 000,00 kr

      Exempel: Budgetårens sista dag, dagen efter och 2031
        | dag        |
        | 2027-12-31 |
        | 2028-01-01 |
        | 2031-06-02 |

    @status
    Scenariomall: Med tolkningen budgetåren som tidsgräns är åtagandet gällande till och med 2027-12-31 och sedan utgånget
      Givet att kommunstyrelsen antog förslaget 2024-09-16
      Och att ERUF godkände ansökan 2024-12-16
      Och att 400 000,00 kr betalades ut 2025-03-03
      Och att revisorn väljer tolkningen "three-years" = "budget-years-2025-2027"
      När revisorn frågar efter åtagandets status den <dag>
      Så ska åtagandet vara <status>
      Och utbetalt ska vara 400 000,00 kr och kvar <kvar>

      Exempel: Budgetårens sista dag och dagen efter: då får inget mer betalas ut
        | dag        | status   | kvar          |
        | 2027-12-31 | gällande | 600 000,00 kr |
        | 2028-01-01 | utgånget | 0,00 kr       |

    @status
    Scenario: Med tolkningen 36 månader från projektstarten 2025-02-01 är åtagandet gällande 2028-01-31
      Givet att kommunstyrelsen antog förslaget 2024-09-16
      Och att ERUF godkände ansökan 2024-12-16
      Och att projektet startade 2025-02-01
      Och att revisorn väljer tolkningen "three-years" = "36-months-from-project-start"
      När revisorn frågar efter åtagandets status den 2028-01-31
      Så ska åtagandet vara gällande
      Och regeln om tidsramen ska tillämpa tolkningen "three-years" = "36-months-from-project-start"

    @status
    Scenario: Med tolkningen 36 månader från projektstarten 2025-02-01 är åtagandet utgånget 2028-02-01
      Givet att kommunstyrelsen antog förslaget 2024-09-16
      Och att ERUF godkände ansökan 2024-12-16
      Och att projektet startade 2025-02-01
      Och att revisorn väljer tolkningen "three-years" = "36-months-from-project-start"
      När revisorn frågar efter åtagandets status den 2028-02-01
      Så ska åtagandet vara utgånget

    @status
    Scenario: Med tolkningen 36 månader och okänd projektstart påstår statusen inte att åtagandet är gällande 2031
      Givet att kommunstyrelsen antog förslaget 2024-09-16
      Och att ERUF godkände ansökan 2024-12-16
      Och att revisorn väljer tolkningen "three-years" = "36-months-from-project-start"
      När revisorn frågar efter åtagandets status den 2031-06-02
      Så ska åtagandets status vara "kan inte avgöras"

  Regel: Beslutet vinner laga kraft när tiden för överklagande har gått ut, men får verkställas dessförinnan
    "Kommunstyrelsens beslut"

    @forslag-till-beslut
    Scenario: Utan känd dag för tillkännagivandet anger svaret ingen tid för överklagande
      Givet att kommunstyrelsen antog förslaget 2024-11-20
      När revisorn frågar efter åtagandets status den 2025-01-20
      Så ska svaret inte ange någon tid för överklagande
      Och regeln om laga kraft ska vara "ännu inte avgjord"

    @forslag-till-beslut
    Scenariomall: Tiden för överklagande från ett tillkännagivande <tillkännagivet> går ut <sista>
      Givet att kommunstyrelsen antog förslaget <antaget>
      Och att justeringen av protokollet tillkännagavs på anslagstavlan <tillkännagivet>
      När revisorn frågar efter åtagandets status den <tillkännagivet>
      Så ska tiden för överklagande gå ut <sista>
      Och tiden för överklagande ska inte ha gått ut
      Och läget för överklagande ska vara "inget överklagande registrerat"

      Exempel: Tre veckor till samma veckodag; juldagen 2024-12-25 flyttar till nästa vardag 2024-12-27
        | antaget    | tillkännagivet | sista      |
        | 2024-11-27 | 2024-12-04     | 2024-12-27 |
        | 2024-09-16 | 2024-09-19     | 2024-10-10 |

    @forslag-till-beslut
    Scenariomall: Tiden för överklagande som går ut 2024-12-27 har <läget> den <dag>
      Givet att kommunstyrelsen antog förslaget 2024-11-27
      Och att justeringen av protokollet tillkännagavs på anslagstavlan 2024-12-04
      När revisorn frågar efter åtagandets status den <dag>
      Så ska tiden för överklagande <läget>
      Och regeln om laga kraft ska vara "<utfall>"

      Exempel: Den sista dagen och dagen efter
        | dag        | läget               | utfall            |
        | 2024-12-27 | inte ha gått ut     | ännu inte avgjord |
        | 2024-12-28 | ha gått ut          | uppfylld          |

    @forslag-till-beslut
    Scenario: Ett överklagande som inte är avgjort hindrar inte en utbetalning, eftersom beslutet får verkställas
      Givet att kommunstyrelsen antog förslaget 2024-09-16
      Och att justeringen av protokollet tillkännagavs på anslagstavlan 2024-09-19
      Och att beslutet överklagades 2024-10-01
      Och att ERUF godkände ansökan 2024-12-16
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-03-03
      Så ska utbetalningen vara tillåten
      Och åtagandet ska vara gällande
      Och läget för överklagande ska vara "överklagat, inte avgjort"

    @forslag-till-beslut @status
    Scenario: När förvaltningsrätten upphäver beslutet är åtagandet upphävt
      Givet att kommunstyrelsen antog förslaget 2024-09-16
      Och att justeringen av protokollet tillkännagavs på anslagstavlan 2024-09-19
      Och att beslutet överklagades 2024-10-01
      Och att förvaltningsrätten upphävde beslutet 2025-04-01
      Och att ERUF godkände ansökan 2024-12-16
      När revisorn frågar efter åtagandets status den 2025-04-01
      Så ska åtagandet vara upphävt
      Och läget för överklagande ska vara "upphävt efter överklagande"
      Och regeln om laga kraft ska vara "inte uppfylld"
      Och regeln om kommunstyrelsens beslut ska säga "upphävdes 2025-04-01 efter laglighetsprövning"

    @forslag-till-beslut
    Scenariomall: Med beslutet upphävt 2025-04-01 är en utbetalning den <dag> <utslaget>
      Givet att kommunstyrelsen antog förslaget 2024-09-16
      Och att beslutet överklagades 2024-10-01
      Och att förvaltningsrätten upphävde beslutet 2025-04-01
      Och att ERUF godkände ansökan 2024-12-16
      När revisorn prövar en utbetalning om 100 000,00 kr den <dag>
      Så ska utbetalningen <utslaget>

      Exempel: Dagen före upphävandet och upphävandets dag
        | dag        | utslaget                                       |
        | 2025-03-31 | vara tillåten                                  |
        | 2025-04-01 | nekas på grund av kommunstyrelsens beslut      |

    @forslag-till-beslut @status
    Scenario: När förvaltningsrätten avslår överklagandet är åtagandet gällande, men laga kraft väntar på att domen står fast
      Givet att kommunstyrelsen antog förslaget 2024-09-16
      Och att justeringen av protokollet tillkännagavs på anslagstavlan 2024-09-19
      Och att beslutet överklagades 2024-10-01
      Och att förvaltningsrätten avslog överklagandet 2025-04-01
      Och att ERUF godkände ansökan 2024-12-16
      När revisorn frågar efter åtagandets status den 2025-04-01
      Så ska åtagandet vara gällande
      Och läget för överklagande ska vara "överklagandet avslaget"
      Och regeln om laga kraft ska vara "ännu inte avgjord"
      Och regeln om laga kraft ska säga "Domstolen avgjorde överklagandet 2025-04-01 utan att upphäva beslutet; beslutet vinner laga kraft först när det avgörandet står fast"

    @forslag-till-beslut
    Scenario: Ett överklagande som kommer in efter tiden för överklagande sägs vara för sent
      Givet att kommunstyrelsen antog förslaget 2024-09-16
      Och att justeringen av protokollet tillkännagavs på anslagstavlan 2024-09-19
      Och att beslutet överklagades 2024-10-11
      När revisorn frågar efter åtagandets status den 2024-10-20
      Så ska åtagandet vara villkorat
      Och regeln om laga kraft ska vara "ännu inte avgjord"
      Och regeln om laga kraft ska säga "Beslutet överklagades 2024-10-11, efter att tiden för överklagande gick ut 2024-10-10"
