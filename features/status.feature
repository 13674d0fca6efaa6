# language: sv
Egenskap: Åtagandets status från förslag till fullgjort
  Tjänsteskrivelse KS-2024/1371.481, 2024-08-26. Är Huddinges miljon utlovad, och på vilka villkor, en viss dag?
  Statusen är föreslaget, villkorat, gällande, förfallet, fullgjort eller utgånget.

  Regel: Ett förslag till beslut förpliktar ingenting förrän Kommunstyrelsen antagit det
    "Förslag till beslut"

    @forslag-till-beslut @status
    Scenario: Innan Kommunstyrelsen antagit förslaget är åtagandet bara föreslaget
      Givet att ERUF godkände ansökan 2024-12-16
      När revisorn frågar efter åtagandets status den 2025-06-02
      Så ska åtagandet ha status "proposed" med etiketten "föreslaget"
      Och regeln "adoption" ska vara "pending" och citera "forslag-till-beslut" med orden "Förslag till beslut"
      Och regeln "adoption" ska säga "ett förslag förpliktar ingenting"

    @forslag-till-beslut
    Scenario: En utbetalning dagen innan Kommunstyrelsen antar förslaget nekas
      Givet att Kommunstyrelsen antog förslaget 2025-03-03
      Och att ERUF godkände ansökan 2024-12-16
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-03-02
      Så ska utbetalningen nekas på grund av "adoption"
      Och regeln "adoption" ska vara "violated" och citera "forslag-till-beslut" med orden "Förslag till beslut"
      Och regeln "adoption" ska säga "Kommunstyrelsen hade inte antagit förslaget 2025-03-02"

    @forslag-till-beslut
    Scenario: En utbetalning samma dag som Kommunstyrelsen antar förslaget är tillåten
      Givet att Kommunstyrelsen antog förslaget 2025-03-03
      Och att ERUF godkände ansökan 2024-12-16
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-03-03
      Så ska utbetalningen vara tillåten
      Och regeln "adoption" ska vara "satisfied" och citera "forslag-till-beslut" med orden "Förslag till beslut"

    @forslag-till-beslut @status
    Scenario: Med de publicerade fakta är åtagandet föreslaget eftersom antagandedagen är okänd
      När revisorn hämtar åtagandet enligt de publicerade fakta den 2025-06-02
      Så ska åtagandet ha status "proposed" med etiketten "föreslaget"
      Och antagandedagen ska vara okänd
      Och faktumet "eruf-grant-reported-2024-12-16" ska räknas med beviskraften "press_report"
      Och regeln "adoption" ska vara "pending" och citera "forslag-till-beslut" med orden "Förslag till beslut"
      Och regeln "eruf-approval" ska vara "satisfied" och citera "beslut-3" med orden "godkänns av Europeiska regionala utvecklingsfonden"

  Regel: Åtagandet är en miljon kronor under tre år, om ERUF godkänner ansökan
    "De ekonomiska konsekvenserna av förslaget till beslut är att Huddinge kommun som medfinansierare av projektet behöver avsätta sammanlagt en miljon kronor under tre år."

    @status
    Scenariomall: Åtagandet går från föreslaget via villkorat och gällande till fullgjort
      Givet att Kommunstyrelsen antog förslaget 2024-09-16
      Och att ERUF godkände ansökan 2024-12-16
      Och att 400 000,00 kr betalades ut 2025-03-03
      Och att 600 000,00 kr betalades ut 2026-03-02
      När revisorn frågar efter åtagandets status den <dag>
      Så ska åtagandet ha status "<status>" med etiketten "<etikett>"
      Och utbetalt ska vara <utbetalt> och kvar <kvar>

      Exempel: Varje händelse räknas från och med sin dag
        | dag        | status      | etikett    | utbetalt        | kvar            |
        | 2024-09-15 | proposed    | föreslaget | 0,00 kr         | 1 000 000,00 kr |
        | 2024-09-16 | conditional | villkorat  | 0,00 kr         | 1 000 000,00 kr |
        | 2024-12-15 | conditional | villkorat  | 0,00 kr         | 1 000 000,00 kr |
        | 2024-12-16 | in_force    | gällande   | 0,00 kr         | 1 000 000,00 kr |
        | 2025-03-03 | in_force    | gällande   | 400 000,00 kr   | 600 000,00 kr   |
        | 2026-03-01 | in_force    | gällande   | 400 000,00 kr   | 600 000,00 kr   |
        | 2026-03-02 | fulfilled   | fullgjort  | 1 000 000,00 kr | 0,00 kr         |
        | 2028-06-01 | fulfilled   | fullgjort  | 1 000 000,00 kr | 0,00 kr         |

    @status
    Scenariomall: Med pengar kvar är åtagandet gällande till och med 2027-12-31 och sedan utgånget
      Givet att Kommunstyrelsen antog förslaget 2024-09-16
      Och att ERUF godkände ansökan 2024-12-16
      Och att 400 000,00 kr betalades ut 2025-03-03
      När revisorn frågar efter åtagandets status den <dag>
      Så ska åtagandet ha status "<status>" med etiketten "<etikett>"
      Och utbetalt ska vara 400 000,00 kr och kvar 600 000,00 kr

      Exempel: Budgetårens sista dag och dagen efter
        | dag        | status   | etikett  |
        | 2027-12-31 | in_force | gällande |
        | 2028-01-01 | expired  | utgånget |

    @status
    Scenario: Läst som 36 månader från projektstarten 2025-02-01 är åtagandet gällande 2028-01-01
      Givet att Kommunstyrelsen antog förslaget 2024-09-16
      Och att ERUF godkände ansökan 2024-12-16
      Och att projektet startade 2025-02-01
      Och att revisorn väljer tolkningen "three-years" = "36-months-from-project-start"
      När revisorn frågar efter åtagandets status den 2028-01-01
      Så ska åtagandet ha status "in_force" med etiketten "gällande"
      Och regeln "period" ska tillämpa tolkningen "three-years" = "36-months-from-project-start"

    @status
    Scenario: Läst som 36 månader från projektstarten 2025-02-01 är åtagandet utgånget 2028-02-01
      Givet att Kommunstyrelsen antog förslaget 2024-09-16
      Och att ERUF godkände ansökan 2024-12-16
      Och att projektet startade 2025-02-01
      Och att revisorn väljer tolkningen "three-years" = "36-months-from-project-start"
      När revisorn frågar efter åtagandets status den 2028-02-01
      Så ska åtagandet ha status "expired" med etiketten "utgånget"
