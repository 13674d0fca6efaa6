# language: sv
@registrerade-fakta
Egenskap: Registrerade fakta – antagandet, ERUF:s besked, utbetalningarna och rättelserna
  Tjänsteskrivelse KS-2024/1371.481, 2024-08-26. Det som hänt sedan förslaget förs in i en
  händelselogg som bara växer. Registratorn för in antagandet, ERUF:s besked och varje
  utbetalning; revisorn frågar vad som räknas en viss dag, och vad vi visste då.

  Regel: Ett förslag till beslut binder inte kommunen förrän kommunstyrelsens antagande är registrerat
    "Förslag till beslut"

    @forslag-till-beslut @status
    Scenario: Innan något antagande är registrerat är åtagandet föreslaget och antagandedagen okänd
      När revisorn hämtar det registrerade åtagandet den 2025-06-01
      Så ska åtagandet vara föreslaget
      Och antagandedagen ska stå som okänd
      Och regeln om kommunstyrelsens beslut ska vara "ännu inte avgjord" och citera "forslag-till-beslut" med orden "Förslag till beslut"

    @forslag-till-beslut @status
    Scenario: När registratorn har registrerat kommunstyrelsens antagande är åtagandet gällande
      Givet att registratorn har registrerat att kommunstyrelsen antog förslaget 2024-09-16 enligt protokollet "KS 2024-09-16 § 12"
      När revisorn hämtar det registrerade åtagandet den 2025-06-01
      Så ska åtagandet vara gällande
      Och antagandet 2024-09-16 ska räknas enligt protokollet "KS 2024-09-16 § 12"
      Och regeln om kommunstyrelsens beslut ska vara "uppfylld" och citera "forslag-till-beslut" med orden "Förslag till beslut"
      Och regeln om kommunstyrelsens beslut ska säga "Kommunstyrelsen antog förslaget 2024-09-16."

    @forslag-till-beslut
    Scenario: En utbetalning dagen innan det registrerade antagandet nekas och lagras inte
      Givet att registratorn har registrerat att kommunstyrelsen antog förslaget 2025-03-03 enligt protokollet "KS 2025-03-03 § 7"
      När registratorn registrerar en utbetalning om 100 000,00 kr den 2025-03-02
      Så ska registreringen nekas på grund av kommunstyrelsens beslut
      Och regeln om kommunstyrelsens beslut, som inte är uppfylld, ska citera "forslag-till-beslut" med orden "Förslag till beslut"
      Och händelseloggen ska fortfarande ha 3 händelser

    @forslag-till-beslut
    Scenario: En utbetalning samma dag som det registrerade antagandet tas emot
      Givet att registratorn har registrerat att kommunstyrelsen antog förslaget 2025-03-03 enligt protokollet "KS 2025-03-03 § 7"
      När registratorn registrerar en utbetalning om 100 000,00 kr den 2025-03-03
      Så ska utbetalningen om 100 000,00 kr tas emot, registrerad av "registrator"
      Och händelseloggen ska ha 4 händelser

  Regel: De registrerade utbetalningarna får sammanlagt vara högst en miljon kronor, till Flemingsberg Science
    "Medfinansiering om en miljon kronor under tre år, avseende Flemingsberg Science projektansökan till Europeiska regionala utvecklingsfonden om medel för etablering av klustermotor "Life Science Flemingsberg", godkänns."

    Bakgrund:
      Givet att registratorn har registrerat att kommunstyrelsen antog förslaget 2024-09-16 enligt protokollet "KS 2024-09-16 § 12"

    @beslut-1
    Scenario: En registrerad utbetalning om 400 000,00 kr räknas och lämnar 600 000,00 kr kvar
      När registratorn registrerar en utbetalning om 400 000,00 kr den 2025-03-03
      Så ska utbetalningen om 400 000,00 kr tas emot, registrerad av "registrator"
      Och åtagandet den 2025-06-01 ska visa utbetalt 400 000,00 kr och kvar 600 000,00 kr

    @beslut-1
    Scenario: En utbetalning som skulle göra summan 0,01 kr för stor nekas och ingenting lagras
      Givet att registratorn har registrerat en utbetalning om 600 000,00 kr den 2025-03-03
      När registratorn registrerar en utbetalning om 400 000,01 kr den 2026-03-02
      Så ska registreringen nekas på grund av beloppsgränsen
      Och regeln om beloppsgränsen, som inte är uppfylld, ska citera "beslut-1" med orden "en miljon kronor under tre år"
      Och regeln om beloppsgränsen, som inte är uppfylld, ska säga "vilket är 0,01 kr mer än 1 000 000,00 kr"
      Och händelseloggen ska fortfarande ha 4 händelser
      Och åtagandet den 2026-03-02 ska visa utbetalt 600 000,00 kr och kvar 400 000,00 kr

    @beslut-1 @status
    Scenario: Exakt det som återstår, 400 000,00 kr, tas emot och åtagandet är fullgjort
      Givet att registratorn har registrerat en utbetalning om 600 000,00 kr den 2025-03-03
      När registratorn registrerar en utbetalning om 400 000,00 kr den 2026-03-02
      Så ska utbetalningen om 400 000,00 kr tas emot, registrerad av "registrator"
      Och händelseloggen ska ha 5 händelser
      Och åtagandet den 2026-03-02 ska visa utbetalt 1 000 000,00 kr och kvar 0,00 kr
      Och åtagandet den 2026-03-02 ska vara fullgjort

    @beslut-1
    Scenario: En utbetalning till någon annan än Flemingsberg Science nekas och lagras inte
      När registratorn registrerar en utbetalning om 100 000,00 kr den 2025-03-03 till "botkyrka-kommun"
      Så ska registreringen nekas på grund av mottagaren
      Och regeln om mottagaren, som inte är uppfylld, ska citera "beslut-1" med orden "avseende Flemingsberg Science projektansökan"
      Och händelseloggen ska fortfarande ha 3 händelser

  Regel: Utbetalningarna tas från reserverade medel för oförutsett och hanteras i Mål och budget 2025 – 2027
    "Medel tas från reserverade medel för oförutsett och hanteras i processen för Mål och budget 2025 – 2027."

    Bakgrund:
      Givet att registratorn har registrerat att kommunstyrelsen antog förslaget 2024-09-16 enligt protokollet "KS 2024-09-16 § 12"

    @beslut-2
    Scenario: En utbetalning ur en annan budget nekas och lagras inte
      När registratorn registrerar en utbetalning om 100 000,00 kr den 2025-03-03 från "naringslivsenhetens-budget"
      Så ska registreringen nekas på grund av finansieringskällan
      Och regeln om finansieringskällan, som inte är uppfylld, ska citera "beslut-2" med orden "Medel tas från reserverade medel för oförutsett"
      Och händelseloggen ska fortfarande ha 3 händelser

    @beslut-2
    Scenario: En utbetalning 2024-12-31, före budgetåren men efter antagandet och godkännandet, tas emot
      När registratorn registrerar en utbetalning om 100 000,00 kr den 2024-12-31
      Så ska utbetalningen om 100 000,00 kr tas emot, registrerad av "registrator"
      Och åtagandet den 2025-01-01 ska visa utbetalt 100 000,00 kr och kvar 900 000,00 kr

    @beslut-2
    Scenario: En utbetalning 2025-01-01, budgetårens första dag, tas emot
      När registratorn registrerar en utbetalning om 100 000,00 kr den 2025-01-01
      Så ska utbetalningen om 100 000,00 kr tas emot, registrerad av "registrator"
      Och åtagandet den 2025-01-01 ska visa utbetalt 100 000,00 kr och kvar 900 000,00 kr

  Regel: En rättad utbetalning räknas inte mot miljonen från rättelsen, men det vi visste dessförinnan finns kvar
    "Medfinansiering om en miljon kronor under tre år, avseende Flemingsberg Science projektansökan till Europeiska regionala utvecklingsfonden om medel för etablering av klustermotor "Life Science Flemingsberg", godkänns."

    Bakgrund:
      Givet att registratorn har registrerat att kommunstyrelsen antog förslaget 2024-09-16 enligt protokollet "KS 2024-09-16 § 12"

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
      Givet att registratorn har registrerat att kommunstyrelsen antog förslaget 2024-09-16 enligt protokollet "KS 2024-09-16 § 12"

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

  Regel: En registrerad återkallelse efter ERUF:s godkännande avslutar åtagandet från återkallelsens dag, men villkoret uppfylldes
    "Beslut enligt punkterna 1 och 2 ovan gäller under förutsättning att Flemingsberg Science projektansökan godkänns av Europeiska regionala utvecklingsfonden."

    Bakgrund:
      Givet att registratorn har registrerat att kommunstyrelsen antog förslaget 2024-09-16 enligt protokollet "KS 2024-09-16 § 12"

    @beslut-3 @status
    Scenariomall: Efter det publicerade godkännandet 2024-12-16 och en återkallelse 2025-09-01 är åtagandet <status> den <dag>
      Givet att registratorn har registrerat att Flemingsberg Science återkallade ansökan 2025-09-01
      När revisorn hämtar det registrerade åtagandet den <dag>
      Så ska åtagandet vara <status>
      Och regeln om villkoret om ERUF:s godkännande ska vara "uppfylld" och citera "beslut-3" med orden "godkänns av Europeiska regionala utvecklingsfonden"

      Exempel: Dagen före återkallelsen och återkallelsens dag
        | dag        | status                      |
        | 2025-08-31 | gällande                    |
        | 2025-09-01 | avslutat efter återkallelse |

    @beslut-3
    Scenario: En utbetalning samma dag som den registrerade återkallelsen nekas
      Givet att registratorn har registrerat att Flemingsberg Science återkallade ansökan 2025-09-01
      När registratorn registrerar en utbetalning om 100 000,00 kr den 2025-09-01
      Så ska registreringen nekas på grund av villkoret om ERUF:s godkännande
      Och regeln om villkoret om ERUF:s godkännande, som inte är uppfylld, ska citera "beslut-3" med orden "godkänns av Europeiska regionala utvecklingsfonden"
      Och händelseloggen ska fortfarande ha 4 händelser

  Regel: Kommunstyrelsen fattar ett beslut i sak en gång; ett andra beslut utan rättelse av det första avvisas
    "Förslag till beslut"
    "Kommunstyrelsens beslut"

    @forslag-till-beslut
    Scenariomall: Ett andra beslut i sak, att kommunstyrelsen <beslutet>, avvisas som motstridigt med antagandet
      Givet att registratorn har registrerat att kommunstyrelsen antog förslaget 2024-09-16 enligt protokollet "KS 2024-09-16 § 12"
      När registratorn registrerar att kommunstyrelsen <beslutet> 2024-10-14 enligt protokollet "KS 2024-10-14 § 3"
      Så ska registreringen avvisas som motstridig med kommunstyrelsens beslut
      Och händelseloggen ska fortfarande ha 3 händelser

      Exempel: Ett nytt antagande och ett avslag
        | beslutet        |
        | antog förslaget |
        | avslog förslaget |

    @forslag-till-beslut @status
    Scenariomall: Ett ärende som bordlades 2024-09-16 och antogs 2024-10-14 är <status> den <dag>
      Givet att registratorn har registrerat att kommunstyrelsen bordlade ärendet 2024-09-16 enligt protokollet "KS 2024-09-16 § 12"
      Och att registratorn har registrerat att kommunstyrelsen antog förslaget 2024-10-14 enligt protokollet "KS 2024-10-14 § 3"
      När revisorn hämtar det registrerade åtagandet den <dag>
      Så ska åtagandet vara <status>

      Exempel: Efter bordläggningen och efter antagandet
        | dag        | status   |
        | 2024-10-13 | bordlagt |
        | 2024-12-16 | gällande |

    @forslag-till-beslut @status
    Scenario: Ett ärende som återremitterades 2024-09-16 kan antas 2024-10-14
      Givet att registratorn har registrerat att kommunstyrelsen återremitterade ärendet 2024-09-16 enligt protokollet "KS 2024-09-16 § 12"
      När registratorn registrerar att kommunstyrelsen antog förslaget 2024-10-14 enligt protokollet "KS 2024-10-14 § 3"
      Så ska händelsen tas emot, registrerad av "registrator"
      Och åtagandet den 2024-10-13 ska vara återremitterat
      Och åtagandet den 2024-12-16 ska vara gällande

    @forslag-till-beslut
    Scenario: Ett antagande av Botkyrka kommunstyrelse avvisas och lagras inte
      När registratorn registrerar att "Botkyrka kommunstyrelse" antog förslaget 2024-09-16
      Så ska registreringen avvisas med status 422 och peka på "/body"
      Och händelseloggen ska fortfarande ha 2 händelser

    @forslag-till-beslut
    Scenario: Ett antagande daterat 2024-08-25, före förslaget, avvisas och lagras inte
      När registratorn registrerar att "Kommunstyrelsen" antog förslaget 2024-08-25
      Så ska registreringen avvisas med status 422 och peka på "/decided_on"
      Och händelseloggen ska fortfarande ha 2 händelser

  Regel: Ett registrerat överklagande hindrar inte utbetalningar, men ett upphävt beslut gäller inte
    "Kommunstyrelsens beslut"

    Bakgrund:
      Givet att registratorn har registrerat att kommunstyrelsen antog förslaget 2024-11-27 enligt protokollet "KS 2024-11-27 § 5", tillkännagivet på anslagstavlan 2024-12-04

    @forslag-till-beslut
    Scenario: Tiden för överklagande från 2024-12-04 går ut 2024-12-27, eftersom juldagen inte är en vardag
      När revisorn hämtar det registrerade åtagandet den 2024-12-27
      Så ska tiden för överklagande gå ut 2024-12-27
      Och tiden för överklagande ska inte ha gått ut
      Och läget för överklagande ska vara "inget överklagande registrerat"

    @forslag-till-beslut
    Scenario: Medan ett överklagande är oavgjort tas en utbetalning emot
      Givet att registratorn har registrerat att beslutet överklagades 2024-12-20
      När registratorn registrerar en utbetalning om 100 000,00 kr den 2025-03-03
      Så ska utbetalningen om 100 000,00 kr tas emot, registrerad av "registrator"
      Och åtagandet den 2025-03-03 ska vara gällande

    @forslag-till-beslut @status
    Scenario: När förvaltningsrätten upphäver beslutet är åtagandet upphävt och en senare utbetalning nekas
      Givet att registratorn har registrerat att beslutet överklagades 2024-12-20
      Och att registratorn har registrerat att förvaltningsrätten upphävde beslutet 2025-04-01
      När registratorn registrerar en utbetalning om 100 000,00 kr den 2025-04-01
      Så ska registreringen nekas på grund av kommunstyrelsens beslut
      Och åtagandet den 2025-04-01 ska vara upphävt

    @forslag-till-beslut @status
    Scenario: När förvaltningsrätten avslår överklagandet är åtagandet gällande
      Givet att registratorn har registrerat att beslutet överklagades 2024-12-20
      När registratorn registrerar att förvaltningsrätten avslog överklagandet 2025-04-01
      Så ska händelsen tas emot, registrerad av "registrator"
      Och åtagandet den 2025-04-01 ska vara gällande

    @forslag-till-beslut
    Scenario: Ett överklagande utan ett registrerat beslut i sak avvisas
      Givet att registratorn har rättat kommunstyrelsens beslut med skälet "Fel ärende"
      När registratorn registrerar att beslutet överklagades 2024-12-20
      Så ska registreringen avvisas med status 422

  Regel: ERUF beslutar om ansökan en gång; ett officiellt beslut kan ersätta pressuppgiften
    "Beslut enligt punkterna 1 och 2 ovan gäller under förutsättning att Flemingsberg Science projektansökan godkänns av Europeiska regionala utvecklingsfonden."

    @beslut-3
    Scenario: Ett andra godkännande utan att det ersätter pressuppgiften avvisas som motstridigt
      När registratorn registrerar att ERUF godkände ansökan 2024-12-10
      Så ska registreringen avvisas som motstridig med pressuppgiften
      Och händelseloggen ska fortfarande ha 2 händelser

    @beslut-3 @status
    Scenario: ERUF:s officiella beslut som ersätter pressuppgiften tas emot och gäller från sin dag
      Givet att registratorn har registrerat att kommunstyrelsen antog förslaget 2024-09-16 enligt protokollet "KS 2024-09-16 § 12"
      När registratorn registrerar att ERUF godkände ansökan 2024-12-10, vilket ersätter pressuppgiften
      Så ska händelsen tas emot, registrerad av "registrator"
      Och åtagandet den 2024-12-10 ska vara gällande

  Regel: Projektets start registreras en gång
    "Finansiering under projektets tre år"

    @finansiering
    Scenario: En andra projektstart utan rättelse av den första avvisas som motstridig
      Givet att registratorn har registrerat att projektet startade 2025-02-01
      När registratorn registrerar att projektet startade 2025-03-01
      Så ska registreringen avvisas som motstridig med projektstarten
      Och händelseloggen ska fortfarande ha 3 händelser
