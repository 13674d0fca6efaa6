# language: sv
Egenskap: Beslutspunkt 1 – en miljon kronor till Flemingsberg Science
  Tjänsteskrivelse KS-2024/1371.481, 2024-08-26, Kommunstyrelsens beslut punkt 1.
  Revisorn frågar: hade utbetalningen varit tillåten, och vilken mening säger det?

  Bakgrund:
    Givet att Kommunstyrelsen antog förslaget 2024-09-16
    Och att ERUF godkände ansökan 2024-12-16

  Regel: Utbetalningarna får sammanlagt vara högst en miljon kronor
    "Medfinansiering om en miljon kronor under tre år, avseende Flemingsberg Science projektansökan till Europeiska regionala utvecklingsfonden om medel för etablering av klustermotor "Life Science Flemingsberg", godkänns."

    @beslut-1
    Scenario: En utbetalning som gör summan exakt 1 000 000,00 kr är tillåten
      Givet att 600 000,00 kr betalades ut 2025-03-03
      När revisorn prövar en utbetalning om 400 000,00 kr den 2026-03-02
      Så ska utbetalningen vara tillåten
      Och regeln "amount-cap" ska vara "satisfied" och citera "beslut-1" med orden "en miljon kronor under tre år"
      Och regeln "amount-cap" ska säga "Med utbetalningen blir summan 1 000 000,00 kr av 1 000 000,00 kr."

    @beslut-1
    Scenario: En utbetalning som gör summan 0,01 kr för stor nekas
      Givet att 600 000,00 kr betalades ut 2025-03-03
      När revisorn prövar en utbetalning om 400 000,01 kr den 2026-03-02
      Så ska utbetalningen nekas på grund av "amount-cap"
      Och regeln "amount-cap" ska vara "violated" och citera "beslut-1" med orden "en miljon kronor under tre år"
      Och regeln "amount-cap" ska säga "vilket är 0,01 kr över 1 000 000,00 kr"

    @beslut-1
    Scenario: Tre utbetalningar om 333 333,33 kr lämnar exakt 0,01 kr kvar
      Givet att 333 333,33 kr betalades ut 2025-03-03
      Och att 333 333,33 kr betalades ut 2026-03-02
      Och att 333 333,33 kr betalades ut 2027-03-01
      När revisorn frågar efter åtagandets status den 2027-06-01
      Så ska utbetalt vara 999 999,99 kr och kvar 0,01 kr
      Och åtagandet ska ha status "in_force" med etiketten "gällande"
      Och regeln "amount-cap" ska vara "satisfied" och citera "beslut-1" med orden "en miljon kronor"
      Och regeln "amount-cap" ska säga "0,01 kr återstår"

    @beslut-1
    Scenario: Den sista öresutbetalningen efter tre gånger 333 333,33 kr är tillåten
      Givet att 333 333,33 kr betalades ut 2025-03-03
      Och att 333 333,33 kr betalades ut 2026-03-02
      Och att 333 333,33 kr betalades ut 2027-03-01
      När revisorn prövar en utbetalning om 0,01 kr den 2027-06-01
      Så ska utbetalningen vara tillåten
      Och regeln "amount-cap" ska vara "satisfied" och citera "beslut-1" med orden "en miljon kronor"

    @beslut-1
    Scenario: Två ören efter tre gånger 333 333,33 kr nekas
      Givet att 333 333,33 kr betalades ut 2025-03-03
      Och att 333 333,33 kr betalades ut 2026-03-02
      Och att 333 333,33 kr betalades ut 2027-03-01
      När revisorn prövar en utbetalning om 0,02 kr den 2027-06-01
      Så ska utbetalningen nekas på grund av "amount-cap"
      Och regeln "amount-cap" ska säga "vilket är 0,01 kr över 1 000 000,00 kr"

  Regel: Pengarna går till Flemingsberg Science för projektet
    "Medfinansiering om en miljon kronor under tre år, avseende Flemingsberg Science projektansökan till Europeiska regionala utvecklingsfonden om medel för etablering av klustermotor "Life Science Flemingsberg", godkänns."

    @beslut-1
    Scenario: En utbetalning till Stiftelsen Flemingsberg Science är tillåten
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-03-03 till "stiftelsen-flemingsberg-science"
      Så ska utbetalningen vara tillåten
      Och regeln "recipient" ska vara "satisfied" och citera "beslut-1" med orden "avseende Flemingsberg Science projektansökan"
      Och regeln "recipient" ska säga "Mottagare är Stiftelsen Flemingsberg Science."

    @beslut-1
    Scenario: En utbetalning till någon annan än Flemingsberg Science nekas
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-03-03 till "botkyrka-kommun"
      Så ska utbetalningen nekas på grund av "recipient"
      Och regeln "recipient" ska vara "violated" och citera "beslut-1" med orden "avseende Flemingsberg Science projektansökan"
      Och regeln "recipient" ska säga "går till "botkyrka-kommun", inte Stiftelsen Flemingsberg Science"

  Regel: Texten anger bara summan för de tre åren, inte hur den delas upp per år
    "De ekonomiska konsekvenserna av förslaget till beslut är att Huddinge kommun som medfinansierare av projektet behöver avsätta sammanlagt en miljon kronor under tre år."

    @ekonomiska-konsekvenser
    Scenario: Med fri fördelning är 400 000,00 kr under ett enda år tillåtet
      När revisorn prövar en utbetalning om 400 000,00 kr den 2025-06-02
      Så ska utbetalningen vara tillåten
      Och regeln "amount-cap" ska vara "satisfied" och citera "ekonomiska-konsekvenser" med orden "sammanlagt en miljon kronor under tre år"
      Och regeln "amount-cap" ska tillämpa tolkningen "yearly-split" = "free"

    @ekonomiska-konsekvenser
    Scenario: Läst som högst en tredjedel per år nekas 400 000,00 kr under ett enda år
      Givet att revisorn väljer tolkningen "yearly-split" = "equal-thirds"
      När revisorn prövar en utbetalning om 400 000,00 kr den 2025-06-02
      Så ska utbetalningen nekas på grund av "amount-cap"
      Och regeln "amount-cap" ska vara "violated" och citera "ekonomiska-konsekvenser" med orden "sammanlagt en miljon kronor under tre år"
      Och regeln "amount-cap" ska tillämpa tolkningen "yearly-split" = "equal-thirds"
      Och regeln "amount-cap" ska säga "överstiger en tredjedel (333 333,34 kr)"

    @ekonomiska-konsekvenser
    Scenario: Läst som högst en tredjedel per år är 333 333,34 kr under ett år tillåtet
      Givet att revisorn väljer tolkningen "yearly-split" = "equal-thirds"
      När revisorn prövar en utbetalning om 333 333,34 kr den 2025-06-02
      Så ska utbetalningen vara tillåten
      Och regeln "amount-cap" ska tillämpa tolkningen "yearly-split" = "equal-thirds"

    @ekonomiska-konsekvenser
    Scenario: Läst som högst en tredjedel per år räknas nyårsdagen till ett nytt år
      Givet att revisorn väljer tolkningen "yearly-split" = "equal-thirds"
      Och att 333 333,34 kr betalades ut 2025-03-03
      När revisorn prövar en utbetalning om 0,01 kr den 2026-01-01
      Så ska utbetalningen vara tillåten

    @ekonomiska-konsekvenser
    Scenario: Läst som högst en tredjedel per år nekas ett öre till på nyårsafton
      Givet att revisorn väljer tolkningen "yearly-split" = "equal-thirds"
      Och att 333 333,34 kr betalades ut 2025-03-03
      När revisorn prövar en utbetalning om 0,01 kr den 2025-12-31
      Så ska utbetalningen nekas på grund av "amount-cap"
      Och regeln "amount-cap" ska säga "333 333,35 kr under året 2025-01-01–2025-12-31"
