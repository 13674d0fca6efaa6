# language: sv
@registrerade-fakta
Egenskap: Registrerade fakta – antagandet, ERUF:s besked, utbetalningarna och rättelserna
  Tjänsteskrivelse KS-2024/1371.481, 2024-08-26. Det som hänt sedan förslaget förs in i en
  händelselogg som bara växer. Registratorn för in antagandet, ERUF:s besked och varje
  utbetalning; revisorn frågar vad som räknas en viss dag, och vad vi visste då.

  Regel: Förslaget förpliktar ingenting förrän Kommunstyrelsens antagande är registrerat
    "Förslag till beslut"

    @forslag-till-beslut @status
    Scenario: Innan något antagande är registrerat är åtagandet föreslaget och antagandedagen okänd
      När revisorn hämtar det registrerade åtagandet den 2025-06-01
      Så ska åtagandet ha status "proposed" med etiketten "föreslaget"
      Och antagandedagen ska stå som okänd
      Och regeln "adoption" ska vara "pending" och citera "forslag-till-beslut" med orden "Förslag till beslut"

    @forslag-till-beslut @status
    Scenario: När registratorn har registrerat Kommunstyrelsens antagande är åtagandet gällande
      Givet att registratorn har registrerat att Kommunstyrelsen antog förslaget 2024-09-16 enligt protokollet "KS 2024-09-16 § 12"
      När revisorn hämtar det registrerade åtagandet den 2025-06-01
      Så ska åtagandet ha status "in_force" med etiketten "gällande"
      Och antagandet 2024-09-16 ska räknas enligt protokollet "KS 2024-09-16 § 12"
      Och regeln "adoption" ska vara "satisfied" och citera "forslag-till-beslut" med orden "Förslag till beslut"
      Och regeln "adoption" ska säga "Kommunstyrelsen antog förslaget 2024-09-16."

    @forslag-till-beslut
    Scenario: En utbetalning dagen innan det registrerade antagandet nekas och lagras inte
      Givet att registratorn har registrerat att Kommunstyrelsen antog förslaget 2025-03-03 enligt protokollet "KS 2025-03-03 § 7"
      När registratorn registrerar en utbetalning om 100 000,00 kr den 2025-03-02
      Så ska registreringen nekas på grund av "adoption"
      Och den brutna regeln "adoption" ska citera "forslag-till-beslut" med orden "Förslag till beslut"
      Och händelseloggen ska fortfarande ha 3 händelser

    @forslag-till-beslut
    Scenario: En utbetalning samma dag som det registrerade antagandet tas emot
      Givet att registratorn har registrerat att Kommunstyrelsen antog förslaget 2025-03-03 enligt protokollet "KS 2025-03-03 § 7"
      När registratorn registrerar en utbetalning om 100 000,00 kr den 2025-03-03
      Så ska utbetalningen om 100 000,00 kr tas emot, registrerad av "registrator"
      Och händelseloggen ska ha 4 händelser

  Regel: De registrerade utbetalningarna får sammanlagt vara högst en miljon kronor, till Flemingsberg Science
    "Medfinansiering om en miljon kronor under tre år, avseende Flemingsberg Science projektansökan till Europeiska regionala utvecklingsfonden om medel för etablering av klustermotor "Life Science Flemingsberg", godkänns."

    Bakgrund:
      Givet att registratorn har registrerat att Kommunstyrelsen antog förslaget 2024-09-16 enligt protokollet "KS 2024-09-16 § 12"

    @beslut-1
    Scenario: En registrerad utbetalning om 400 000,00 kr räknas och lämnar 600 000,00 kr kvar
      När registratorn registrerar en utbetalning om 400 000,00 kr den 2025-03-03
      Så ska utbetalningen om 400 000,00 kr tas emot, registrerad av "registrator"
      Och åtagandet den 2025-06-01 ska visa utbetalt 400 000,00 kr och kvar 600 000,00 kr

    @beslut-1
    Scenario: En utbetalning som skulle göra summan 0,01 kr för stor nekas och ingenting lagras
      Givet att registratorn har registrerat en utbetalning om 600 000,00 kr den 2025-03-03
      När registratorn registrerar en utbetalning om 400 000,01 kr den 2026-03-02
      Så ska registreringen nekas på grund av "amount-cap"
      Och den brutna regeln "amount-cap" ska citera "beslut-1" med orden "en miljon kronor under tre år"
      Och den brutna regeln "amount-cap" ska säga "vilket är 0,01 kr över 1 000 000,00 kr"
      Och händelseloggen ska fortfarande ha 4 händelser
      Och åtagandet den 2026-03-02 ska visa utbetalt 600 000,00 kr och kvar 400 000,00 kr

    @beslut-1 @status
    Scenario: Exakt det som återstår, 400 000,00 kr, tas emot och åtagandet är fullgjort
      Givet att registratorn har registrerat en utbetalning om 600 000,00 kr den 2025-03-03
      När registratorn registrerar en utbetalning om 400 000,00 kr den 2026-03-02
      Så ska utbetalningen om 400 000,00 kr tas emot, registrerad av "registrator"
      Och händelseloggen ska ha 5 händelser
      Och åtagandet den 2026-03-02 ska visa utbetalt 1 000 000,00 kr och kvar 0,00 kr
      Och åtagandet den 2026-03-02 ska ha status "fulfilled" med etiketten "fullgjort"

    @beslut-1
    Scenario: En utbetalning till någon annan än Flemingsberg Science nekas och lagras inte
      När registratorn registrerar en utbetalning om 100 000,00 kr den 2025-03-03 till "botkyrka-kommun"
      Så ska registreringen nekas på grund av "recipient"
      Och den brutna regeln "recipient" ska citera "beslut-1" med orden "avseende Flemingsberg Science projektansökan"
      Och händelseloggen ska fortfarande ha 3 händelser

  Regel: Utbetalningarna tas från reserverade medel för oförutsett under budgetåren 2025 – 2027
    "Medel tas från reserverade medel för oförutsett och hanteras i processen för Mål och budget 2025 – 2027."

    Bakgrund:
      Givet att registratorn har registrerat att Kommunstyrelsen antog förslaget 2024-09-16 enligt protokollet "KS 2024-09-16 § 12"

    @beslut-2
    Scenario: En utbetalning ur en annan budget nekas och lagras inte
      När registratorn registrerar en utbetalning om 100 000,00 kr den 2025-03-03 från "naringslivsenhetens-budget"
      Så ska registreringen nekas på grund av "funding-source"
      Och den brutna regeln "funding-source" ska citera "beslut-2" med orden "Medel tas från reserverade medel för oförutsett"
      Och händelseloggen ska fortfarande ha 3 händelser

    @beslut-2
    Scenario: En utbetalning 2024-12-31, före budgetåren, nekas och lagras inte
      När registratorn registrerar en utbetalning om 100 000,00 kr den 2024-12-31
      Så ska registreringen nekas på grund av "period"
      Och den brutna regeln "period" ska citera "beslut-2" med orden "Mål och budget 2025 – 2027"
      Och den brutna regeln "period" ska säga "Utbetalning 2024-12-31 ligger utanför 2025-01-01–2027-12-31."
      Och händelseloggen ska fortfarande ha 3 händelser

    @beslut-2
    Scenario: En utbetalning 2025-01-01, budgetårens första dag, tas emot
      När registratorn registrerar en utbetalning om 100 000,00 kr den 2025-01-01
      Så ska utbetalningen om 100 000,00 kr tas emot, registrerad av "registrator"
      Och åtagandet den 2025-01-01 ska visa utbetalt 100 000,00 kr och kvar 900 000,00 kr

  Regel: En rättad utbetalning räknas inte mot miljonen från rättelsen, men det vi visste dessförinnan finns kvar
    "Medfinansiering om en miljon kronor under tre år, avseende Flemingsberg Science projektansökan till Europeiska regionala utvecklingsfonden om medel för etablering av klustermotor "Life Science Flemingsberg", godkänns."

    Bakgrund:
      Givet att registratorn har registrerat att Kommunstyrelsen antog förslaget 2024-09-16 enligt protokollet "KS 2024-09-16 § 12"

    @beslut-1
    Scenario: En rättad utbetalning slutar räknas men syns kvar, rättad av rättelsen
      Givet att registratorn har registrerat en utbetalning om 400 000,00 kr den 2025-03-03
      När registratorn rättar utbetalningen med skälet "Fel verifikation, beloppet hör till ett annat ärende"
      Så ska rättelsen av utbetalningen tas emot, registrerad av "registrator"
      Och utbetalningen ska synas kvar med beloppet 400 000,00 kr, rättad av rättelsen
      Och händelseloggen ska ha 5 händelser
      Och åtagandet den 2025-06-01 ska visa utbetalt 0,00 kr och kvar 1 000 000,00 kr

    @beslut-1
    Scenariomall: Vad visste vi då? Innan rättelsen räknades utbetalningen, från rättelsen inte
      Givet att registratorn har registrerat en utbetalning om 400 000,00 kr den 2025-03-03
      Och att registratorn har rättat utbetalningen med skälet "Fel verifikation, beloppet hör till ett annat ärende"
      När revisorn hämtar åtagandet den 2025-06-01 som det var känt när <händelsen> registrerades
      Så ska svaret gälla det som var känt när <händelsen> registrerades
      Och utbetalt ska vara <utbetalt> och kvar <kvar>

      Exempel: Det som var känt när utbetalningen registrerades, och när rättelsen registrerades
        | händelsen     | utbetalt      | kvar            |
        | utbetalningen | 400 000,00 kr | 600 000,00 kr   |
        | rättelsen     | 0,00 kr       | 1 000 000,00 kr |

  Regel: Bara en registrator kan föra in en utbetalning, och en upprepad begäran räknas en gång
    "Medfinansiering om en miljon kronor under tre år, avseende Flemingsberg Science projektansökan till Europeiska regionala utvecklingsfonden om medel för etablering av klustermotor "Life Science Flemingsberg", godkänns."

    Bakgrund:
      Givet att registratorn har registrerat att Kommunstyrelsen antog förslaget 2024-09-16 enligt protokollet "KS 2024-09-16 § 12"

    @beslut-1
    Scenariomall: Utan en registrators token nekas registreringen och ingenting lagras
      När <vem> registrerar en utbetalning om 400 000,00 kr den 2025-03-03
      Så ska registreringen avvisas med status <status>
      Och händelseloggen ska fortfarande ha 3 händelser
      Och åtagandet den 2025-06-01 ska visa utbetalt 0,00 kr och kvar 1 000 000,00 kr

      Exempel: Ingen token, och en läsares token
        | vem              | status |
        | någon utan token | 401    |
        | en läsare        | 403    |

    @beslut-1
    Scenario: Ett nytt försök med samma Idempotency-Key lagrar ingenting nytt och svarar med samma händelse
      Givet att registratorn har registrerat en utbetalning om 400 000,00 kr den 2025-03-03 med nyckeln "verifikation-2025-0042"
      När registratorn skickar samma utbetalning igen med nyckeln "verifikation-2025-0042"
      Så ska svaret vara samma händelse som första gången
      Och händelseloggen ska fortfarande ha 4 händelser
      Och åtagandet den 2025-06-01 ska visa utbetalt 400 000,00 kr och kvar 600 000,00 kr

    @beslut-1
    Scenario: Samma utbetalning med en ny Idempotency-Key registreras som en utbetalning till
      Givet att registratorn har registrerat en utbetalning om 400 000,00 kr den 2025-03-03 med nyckeln "verifikation-2025-0042"
      När registratorn skickar samma utbetalning igen med nyckeln "verifikation-2025-0043"
      Så ska utbetalningen om 400 000,00 kr tas emot, registrerad av "registrator"
      Och händelseloggen ska ha 5 händelser
      Och åtagandet den 2025-06-01 ska visa utbetalt 800 000,00 kr och kvar 200 000,00 kr

  Regel: Ett registrerat återkallande av ansökan gör åtagandet förfallet från återkallandets dag
    "Beslut enligt punkterna 1 och 2 ovan gäller under förutsättning att Flemingsberg Science projektansökan godkänns av Europeiska regionala utvecklingsfonden."

    Bakgrund:
      Givet att registratorn har registrerat att Kommunstyrelsen antog förslaget 2024-09-16 enligt protokollet "KS 2024-09-16 § 12"

    @beslut-3 @status
    Scenariomall: Efter det publicerade godkännandet 2024-12-16 och ett återkallande 2025-09-01 är åtagandet gällande 2025-08-31 och förfallet 2025-09-01
      Givet att registratorn har registrerat att Flemingsberg Science återkallade ansökan 2025-09-01
      När revisorn hämtar det registrerade åtagandet den <dag>
      Så ska åtagandet ha status "<status>" med etiketten "<etikett>"
      Och regeln "eruf-approval" ska vara "<utfall>" och citera "beslut-3" med orden "godkänns av Europeiska regionala utvecklingsfonden"

      Exempel: Dagen före återkallandet och återkallandets dag
        | dag        | status   | etikett   | utfall    |
        | 2025-08-31 | in_force | gällande  | satisfied |
        | 2025-09-01 | lapsed   | förfallet | violated  |

    @beslut-3
    Scenario: En utbetalning samma dag som det registrerade återkallandet nekas
      Givet att registratorn har registrerat att Flemingsberg Science återkallade ansökan 2025-09-01
      När registratorn registrerar en utbetalning om 100 000,00 kr den 2025-09-01
      Så ska registreringen nekas på grund av "eruf-approval"
      Och den brutna regeln "eruf-approval" ska citera "beslut-3" med orden "godkänns av Europeiska regionala utvecklingsfonden"
      Och händelseloggen ska fortfarande ha 4 händelser
