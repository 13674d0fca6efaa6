# language: sv
Egenskap: Fiktivt exempel – 750 000 kronor från Exempelstads kommun till Innovationsarenan
  FIKTIVT EXEMPEL – inget verkligt beslut. Skrivet för medfins tester.
  Tjänsteskrivelse KS-2099/0042, 2025-10-06, Exempelstads kommun (påhittad). Visar att
  motorn prövar ett andra beslut av samma slag enbart utifrån dess data: ett annat belopp,
  två budgetår, en annan källa, en annan mottagare och en annan numrering av punkterna
  (villkoret är punkt 2, källan punkt 4).

  Regel: Utbetalningarna får sammanlagt uppgå till högst 750 000 kronor och går till Innovationsarenan
    "Medfinansiering om 750 000 kronor under två år till Exempelstads Innovationsarena ekonomisk förening, avseende föreningens projektansökan till Europeiska regionala utvecklingsfonden om medel för projektet ”Testbädd för fossilfri stadslogistik”, godkänns."
    "De ekonomiska konsekvenserna av förslaget till beslut är att Exempelstads kommun som medfinansierare av projektet behöver avsätta sammanlagt 750 000 kronor under två år."

    Bakgrund:
      Givet att kommunstyrelsen antog förslaget 2025-10-27
      Och att ERUF godkände ansökan 2026-01-20

    @beslut-1
    Scenario: En utbetalning som gör summan exakt 750 000,00 kr är tillåten
      Givet att 400 000,00 kr betalades ut 2026-03-02
      När revisorn prövar en utbetalning om 350 000,00 kr den 2027-03-01
      Så ska utbetalningen vara tillåten
      Och regeln om beloppsgränsen ska vara "uppfylld" och citera "beslut-1" med orden "750 000 kronor under två år"
      Och regeln om beloppsgränsen ska säga "Med utbetalningen 2027-03-01 uppgår utbetalningarna till 750 000,00 kr av 750 000,00 kr."

    @beslut-1
    Scenario: En utbetalning som gör summan 0,01 kr för stor nekas
      Givet att 400 000,00 kr betalades ut 2026-03-02
      När revisorn prövar en utbetalning om 350 000,01 kr den 2027-03-01
      Så ska utbetalningen nekas på grund av beloppsgränsen
      Och regeln om beloppsgränsen ska vara "inte uppfylld" och citera "beslut-1" med orden "750 000 kronor under två år"
      Och regeln om beloppsgränsen ska säga "vilket är 0,01 kr mer än 750 000,00 kr"

    @beslut-1 @fotnot-1
    Scenario: En utbetalning till Innovationsarenan, föreningen som fotnoten beskriver, är tillåten
      När revisorn prövar en utbetalning om 100 000,00 kr den 2026-03-02 till Innovationsarenan
      Så ska utbetalningen vara tillåten
      Och regeln om mottagaren ska vara "uppfylld" och citera "fotnot-1" med orden "Exempelstads Innovationsarena ekonomisk förening bildades 2019"
      Och regeln om mottagaren ska säga "Utbetalningen går till Exempelstads Innovationsarena ekonomisk förening."

    @beslut-1
    Scenario: En utbetalning till en annan medfinansierare än Innovationsarenan nekas
      När revisorn prövar en utbetalning om 100 000,00 kr den 2026-03-02 till Region Exempelland
      Så ska utbetalningen nekas på grund av mottagaren
      Och regeln om mottagaren ska vara "inte uppfylld" och citera "beslut-1" med orden "till Exempelstads Innovationsarena ekonomisk förening"
      Och regeln om mottagaren ska säga "Utbetalningen 2026-03-02 går till Region Exempelland, inte till Exempelstads Innovationsarena ekonomisk förening."

    @ekonomiska-konsekvenser
    Scenario: Med fri fördelning är 500 000,00 kr under ett enda år tillåtet
      När revisorn prövar en utbetalning om 500 000,00 kr den 2026-06-01
      Så ska utbetalningen vara tillåten
      Och regeln om beloppsgränsen ska vara "uppfylld" och citera "ekonomiska-konsekvenser" med orden "sammanlagt 750 000 kronor under två år"
      Och regeln om beloppsgränsen ska tillämpa tolkningen "yearly-split" = "free"

    @ekonomiska-konsekvenser
    Scenariomall: Med tolkningen högst hälften per år, 375 000,00 kr, prövas en utbetalning om <belopp> under 2026
      Givet att revisorn för fördelningen mellan åren väljer tolkningen "högst hälften per år"
      När revisorn prövar en utbetalning om <belopp> den 2026-06-01
      Så ska utbetalningen <utslaget>
      Och regeln om beloppsgränsen ska tillämpa tolkningen "yearly-split" = "equal-halves"

      Exempel: Hälften av 750 000 kronor, och ett öre till
        | belopp        | utslaget                         |
        | 375 000,00 kr | vara tillåten                    |
        | 375 000,01 kr | nekas på grund av beloppsgränsen |

  Regel: Pengarna tas från kommunstyrelsens utvecklingsfond och hanteras i Mål och budget 2026 – 2027
    "Medel tas från kommunstyrelsens utvecklingsfond och hanteras i processen för Mål och budget 2026 – 2027."
    "Finansiering under projektets två år"

    Bakgrund:
      Givet att kommunstyrelsen antog förslaget 2025-10-27
      Och att ERUF godkände ansökan 2026-01-20

    @beslut-4
    Scenario: En utbetalning ur kommunstyrelsens utvecklingsfond är tillåten
      När revisorn prövar en utbetalning om 200 000,00 kr den 2026-04-01 från "kommunstyrelsens utvecklingsfond"
      Så ska utbetalningen vara tillåten
      Och regeln om finansieringskällan ska vara "uppfylld" och citera "beslut-4" med orden "kommunstyrelsens utvecklingsfond"
      Och regeln om finansieringskällan ska säga "Utbetalningen tas från kommunstyrelsens utvecklingsfond."

    @beslut-4
    Scenario: En utbetalning ur reserverade medel för oförutsett nekas, eftersom punkt 4 anger utvecklingsfonden
      När revisorn prövar en utbetalning om 200 000,00 kr den 2026-04-01 från "reserverade-medel-for-oforutsett"
      Så ska utbetalningen nekas på grund av finansieringskällan
      Och regeln om finansieringskällan ska vara "inte uppfylld" och citera "beslut-4" med orden "Medel tas från kommunstyrelsens utvecklingsfond"
      Och regeln om finansieringskällan ska säga "tas från den angivna källan "reserverade-medel-for-oforutsett", inte från kommunstyrelsens utvecklingsfond"

    @beslut-4
    Scenariomall: Med standardtolkningen är en utbetalning den <dag> tillåten, och budgetåren 2026 – 2027 anger bara budgeten
      När revisorn prövar en utbetalning om 100 000,00 kr den <dag>
      Så ska utbetalningen vara tillåten
      Och regeln om tidsramen ska vara "uppfylld" och citera "beslut-4" med orden "Mål och budget 2026 – 2027"
      Och regeln om tidsramen ska tillämpa tolkningen "two-years" = "project-years"
      Och regeln om tidsramen ska säga "<meddelande>"

      Exempel: Budgetårens sista dag och dagen efter
        | dag        | meddelande                                                                                   |
        | 2027-12-31 | Utbetalningen 2027-12-31 ligger inom budgetperioden för Mål och budget (2026-01-01–2027-12-31). |
        | 2028-01-01 | Utbetalningen 2028-01-01 ligger utanför budgetperioden för Mål och budget (2026-01-01–2027-12-31) och behöver täckas i budgeten för sitt år |

    @finansiering
    Scenariomall: Med tolkningen 24 månader från projektstarten 2026-02-01 prövas en utbetalning den <dag>
      Givet att projektet startade 2026-02-01
      Och att revisorn för de två åren väljer tolkningen "24 månader från projektstarten"
      När revisorn prövar en utbetalning om 100 000,00 kr den <dag>
      Så ska utbetalningen <utslaget>
      Och regeln om tidsramen ska vara "<utfall>" och citera "finansiering" med orden "Finansiering under projektets två år"
      Och regeln om tidsramen ska tillämpa tolkningen "two-years" = "24-months-from-project-start"
      Och regeln om tidsramen ska säga "Utbetalningen <dag> ligger <var> 2026-02-01–2028-01-31."

      Exempel: Dagen före projektstarten, den sista dagen av 24 månader och dagen efter
        | dag        | utslaget                    | utfall        | var     |
        | 2026-01-31 | nekas på grund av tidsramen | inte uppfylld | utanför |
        | 2028-01-31 | vara tillåten               | uppfylld      | inom    |
        | 2028-02-01 | nekas på grund av tidsramen | inte uppfylld | utanför |

  Regel: Beslutet binder först när kommunstyrelsen har antagit det, och punkterna 1 och 4 gäller först när ERUF har godkänt ansökan
    "Förslag till beslut"
    "Beslut enligt punkterna 1 och 4 gäller under förutsättning att Innovationsarenans projektansökan godkänns av Europeiska regionala utvecklingsfonden."
    "Överklagandet ska ha kommit in till förvaltningsrätten inom tre veckor från den dag då det tillkännagavs på kommunens anslagstavla att protokollet över beslutet justerats."

    @forslag-till-beslut @status
    Scenario: Med ERUF:s godkännande men utan kommunstyrelsens antagande är åtagandet bara föreslaget
      Givet att ERUF godkände ansökan 2026-01-20
      När revisorn frågar efter åtagandets status den 2026-02-02
      Så ska åtagandet vara föreslaget
      Och regeln om kommunstyrelsens beslut ska vara "ännu inte avgjord" och citera "forslag-till-beslut" med orden "Förslag till beslut"
      Och regeln om kommunstyrelsens beslut ska säga "ett förslag till beslut binder inte kommunen"

    @beslut-2 @status
    Scenario: Efter antagandet men innan ERUF har godkänt ansökan är åtagandet villkorat
      Givet att kommunstyrelsen antog förslaget 2025-10-27
      När revisorn frågar efter åtagandets status den 2026-01-19
      Så ska åtagandet vara villkorat
      Och regeln om villkoret om ERUF:s godkännande ska vara "ännu inte avgjord" och citera "beslut-2" med orden "Beslut enligt punkterna 1 och 4 gäller under förutsättning att"

    @beslut-2 @status
    Scenario: Den dag ERUF godkänner ansökan blir åtagandet gällande
      Givet att kommunstyrelsen antog förslaget 2025-10-27
      Och att ERUF godkände ansökan 2026-01-20
      När revisorn frågar efter åtagandets status den 2026-01-20
      Så ska åtagandet vara gällande
      Och utbetalt ska vara 0,00 kr och kvar 750 000,00 kr
      Och regeln om villkoret om ERUF:s godkännande ska vara "uppfylld" och citera "beslut-2" med orden "godkänns av Europeiska regionala utvecklingsfonden"
      Och regeln om villkoret om ERUF:s godkännande ska säga "ERUF godkände ansökan 2026-01-20."

    @beslut-2
    Scenario: En utbetalning dagen innan ERUF godkänner ansökan nekas
      Givet att kommunstyrelsen antog förslaget 2025-10-27
      Och att ERUF godkände ansökan 2026-01-20
      När revisorn prövar en utbetalning om 100 000,00 kr den 2026-01-19
      Så ska utbetalningen nekas på grund av villkoret om ERUF:s godkännande
      Och regeln om villkoret om ERUF:s godkännande ska vara "inte uppfylld" och citera "beslut-2" med orden "under förutsättning att"
      Och regeln om villkoret om ERUF:s godkännande ska säga "ERUF hade inte godkänt ansökan 2026-01-19, dagen för utbetalningen."

    @beslut-2 @status
    Scenario: Ett avslag från ERUF gör att åtagandet har bortfallit
      Givet att kommunstyrelsen antog förslaget 2025-10-27
      Och att ERUF avslog ansökan 2026-01-20
      När revisorn frågar efter åtagandets status den 2026-01-20
      Så ska åtagandet vara bortfallet
      Och regeln om villkoret om ERUF:s godkännande ska vara "inte uppfylld" och citera "beslut-2" med orden "godkänns av Europeiska regionala utvecklingsfonden"
      Och regeln om villkoret om ERUF:s godkännande ska säga "ERUF avslog ansökan 2026-01-20"

    @ekonomiska-konsekvenser @status
    Scenario: Ett lägre beviljat belopp än de sökta 2 500 000,00 kr räknas som godkännande enligt standardtolkningen
      Givet att kommunstyrelsen antog förslaget 2025-10-27
      Och att ERUF beviljade 2 000 000,00 kr av de sökta medlen 2026-01-20
      När revisorn frågar efter åtagandets status den 2026-06-01
      Så ska åtagandet vara gällande
      Och regeln om villkoret om ERUF:s godkännande ska vara "uppfylld" och citera "ekonomiska-konsekvenser" med orden "gäller endast under förutsättning att"
      Och regeln om villkoret om ERUF:s godkännande ska tillämpa tolkningen "reduced-eruf-grant" = "counts-as-approval"
      Och regeln om villkoret om ERUF:s godkännande ska säga "ERUF beviljade 2 000 000,00 kr av sökta 2 500 000,00 kr"

    @overklagande
    Scenariomall: Tiden för överklagande från tillkännagivandet 2025-10-30 går ut 2025-11-20; läget den <dag>
      Givet att kommunstyrelsen antog förslaget 2025-10-27
      Och att justeringen av protokollet tillkännagavs på anslagstavlan 2025-10-30
      När revisorn frågar efter åtagandets status den <dag>
      Så ska tiden för överklagande gå ut 2025-11-20
      Och tiden för överklagande ska <läget>
      Och regeln om laga kraft ska vara "<utfall>" och citera "overklagande" med orden "inom tre veckor"

      Exempel: Den sista dagen och dagen efter
        | dag        | läget           | utfall            |
        | 2025-11-20 | inte ha gått ut | ännu inte avgjord |
        | 2025-11-21 | ha gått ut      | uppfylld          |

  Regel: Finansieringsplanens bidrag uppgår till ca 5 miljoner, räknat med den noggrannhet texten skriver
    "Totalt kommer projektet att kosta ca 5 miljoner under två år."
    "Innovationsarenan (0,35 miljon), Exempelstads kommun (0,75 miljon) och Region Exempelland (1,2 miljoner) kommer att vara medfinansierare liksom Exempelstads Hamn AB och Exempel Logistik AB som bidrar med arbete (0,2 miljon)."
    "De medel som söks från Europeiska regionala utvecklingsfonden uppgår till 2,5 miljoner."

    @finansiering
    Scenario: Bidragen uppgår till 5 000 000,00 kr när 0,2 miljon är Exempelstads Hamn och Exempel Logistik tillsammans
      När revisorn hämtar finansieringsplanen
      Så ska bidragen uppgå till 5 000 000,00 kr
      Och den angivna totalen ska vara 5 000 000,00 kr
      Och regeln om finansieringsplanens summa ska vara "uppfylld" och citera "finansiering" med orden "ca 5 miljoner under två år"
      Och svaret ska tillämpa tolkningen "hamn-logistik-contribution" = "together"
      Och regeln om finansieringsplanens summa ska tillämpa tolkningen "stated-total-precision" = "as-written"

    @finansiering
    Scenariomall: Med 0,2 miljon vardera uppgår bidragen till 5 200 000,00 kr, och summan prövas med tolkningen "<precision>"
      Givet att revisorn väljer tolkningen "hamn-logistik-contribution" = "each"
      Och att revisorn väljer tolkningen "stated-total-precision" = "<precision>"
      När revisorn frågar efter åtagandets status den 2026-06-01
      Så ska regeln om finansieringsplanens summa vara "<utfall>" och citera "finansiering" med orden "som bidrar med arbete (0,2 miljon)"
      Och regeln om finansieringsplanens summa ska tillämpa tolkningen "stated-total-precision" = "<precision>"
      Och regeln om finansieringsplanens summa ska säga "<meddelande>"

      Exempel: "ca 5 miljoner" i hela miljoner, och exakt
        | precision  | utfall        | meddelande                                                                               |
        | as-written | uppfylld      | Bidragen uppgår till 5 200 000,00 kr, vilket stämmer med angivna ca 5 000 000,00 kr        |
        | exact      | inte uppfylld | Bidragen uppgår till 5 200 000,00 kr, inte till angivna 5 000 000,00 kr (skillnad 200 000,00 kr). |

    @finansiering
    Scenario: ERUF:s bidrag är det sökta beloppet 2 500 000,00 kr, hälften av projektets kostnad
      När revisorn hämtar finansieringsplanen
      Så ska ERUF:s bidrag vara 2 500 000,00 kr
      Och ERUF:s andel ska vara exakt 50 %
