# language: sv
Egenskap: Beslutspunkt 1 – en miljon kronor till Flemingsberg Science
  Tjänsteskrivelse KS-2024/1371.481, 2024-08-26, Kommunstyrelsens beslut punkt 1.
  Revisorn frågar: hade utbetalningen varit tillåten, och vilken mening säger det?

  Bakgrund:
    Givet att kommunstyrelsen antog förslaget 2024-09-16
    Och att ERUF godkände ansökan 2024-12-16

  Regel: Utbetalningarna får sammanlagt uppgå till högst en miljon kronor
    "Medfinansiering om en miljon kronor under tre år, avseende Flemingsberg Science projektansökan till Europeiska regionala utvecklingsfonden om medel för etablering av klustermotor "Life Science Flemingsberg", godkänns."

    @beslut-1
    Scenario: En utbetalning som gör summan exakt 1 000 000,00 kr är tillåten
      Givet att 600 000,00 kr betalades ut 2025-03-03
      När revisorn prövar en utbetalning om 400 000,00 kr den 2026-03-02
      Så ska utbetalningen vara tillåten
      Och regeln om beloppsgränsen ska vara "uppfylld" och citera "beslut-1" med orden "en miljon kronor under tre år"
      Och regeln om beloppsgränsen ska säga "Med utbetalningen 2026-03-02 uppgår utbetalningarna till 1 000 000,00 kr av 1 000 000,00 kr."

    @beslut-1
    Scenario: En utbetalning som gör summan 0,01 kr för stor nekas
      Givet att 600 000,00 kr betalades ut 2025-03-03
      När revisorn prövar en utbetalning om 400 000,01 kr den 2026-03-02
      Så ska utbetalningen nekas på grund av beloppsgränsen
      Och regeln om beloppsgränsen ska vara "inte uppfylld" och citera "beslut-1" med orden "en miljon kronor under tre år"
      Och regeln om beloppsgränsen ska säga "vilket är 0,01 kr mer än 1 000 000,00 kr"

    @beslut-1
    Scenario: Tre utbetalningar om 333 333,33 kr lämnar exakt 0,01 kr kvar
      Givet att 333 333,33 kr betalades ut 2025-03-03
      Och att 333 333,33 kr betalades ut 2026-03-02
      Och att 333 333,33 kr betalades ut 2027-03-01
      När revisorn frågar efter åtagandets status den 2027-06-01
      Så ska utbetalt vara 999 999,99 kr och kvar 0,01 kr
      Och åtagandet ska vara gällande
      Och regeln om beloppsgränsen ska vara "uppfylld" och citera "beslut-1" med orden "en miljon kronor"
      Och regeln om beloppsgränsen ska säga "0,01 kr återstår"

    @beslut-1
    Scenario: Den sista öresutbetalningen efter tre gånger 333 333,33 kr är tillåten
      Givet att 333 333,33 kr betalades ut 2025-03-03
      Och att 333 333,33 kr betalades ut 2026-03-02
      Och att 333 333,33 kr betalades ut 2027-03-01
      När revisorn prövar en utbetalning om 0,01 kr den 2027-06-01
      Så ska utbetalningen vara tillåten
      Och regeln om beloppsgränsen ska vara "uppfylld" och citera "beslut-1" med orden "en miljon kronor"

    @beslut-1
    Scenario: Två öre efter tre gånger 333 333,33 kr nekas
      Givet att 333 333,33 kr betalades ut 2025-03-03
      Och att 333 333,33 kr betalades ut 2026-03-02
      Och att 333 333,33 kr betalades ut 2027-03-01
      När revisorn prövar en utbetalning om 0,02 kr den 2027-06-01
      Så ska utbetalningen nekas på grund av beloppsgränsen
      Och regeln om beloppsgränsen ska säga "vilket är 0,01 kr mer än 1 000 000,00 kr"

    @beslut-1 @status
    Scenario: Med 1 200 000,00 kr utbetalt är 200 000,00 kr för mycket utbetalt och ingenting kvar
      Givet att 600 000,00 kr betalades ut 2025-03-03
      Och att 600 000,00 kr betalades ut 2026-03-02
      När revisorn frågar efter åtagandets status den 2026-06-01
      Så ska utbetalt vara 1 200 000,00 kr och kvar 0,00 kr
      Och det överskjutande beloppet ska vara 200 000,00 kr
      Och regeln om beloppsgränsen ska vara "inte uppfylld" och citera "beslut-1" med orden "en miljon kronor"
      Och regeln om beloppsgränsen ska säga "Utbetalningarna uppgår till 1 200 000,00 kr, vilket är 200 000,00 kr mer än medfinansieringen 1 000 000,00 kr."

    @beslut-1 @status
    Scenario: Med exakt 1 000 000,00 kr utbetalt är ingenting för mycket utbetalt
      Givet att 600 000,00 kr betalades ut 2025-03-03
      Och att 400 000,00 kr betalades ut 2026-03-02
      När revisorn frågar efter åtagandets status den 2026-06-01
      Så ska utbetalt vara 1 000 000,00 kr och kvar 0,00 kr
      Och det överskjutande beloppet ska vara 0,00 kr
      Och åtagandet ska vara fullgjort

  Regel: Kommunstyrelsen kan anta förslaget med ett lägre belopp, och då gäller det beloppet
    "Medfinansiering om en miljon kronor under tre år, avseende Flemingsberg Science projektansökan till Europeiska regionala utvecklingsfonden om medel för etablering av klustermotor "Life Science Flemingsberg", godkänns."

    @beslut-1
    Scenario: Med medfinansieringen ändrad till 800 000,00 kr är en utbetalning som gör summan 800 000,00 kr tillåten
      Givet att kommunstyrelsen antog förslaget 2024-09-16 med ändringen att medfinansieringen är 800 000,00 kr
      Och att 500 000,00 kr betalades ut 2025-03-03
      När revisorn prövar en utbetalning om 300 000,00 kr den 2026-03-02
      Så ska utbetalningen vara tillåten
      Och medfinansieringen ska vara 800 000,00 kr
      Och regeln om kommunstyrelsens beslut ska säga "Kommunstyrelsen antog förslaget 2024-09-16 med ändringen att medfinansieringen är 800 000,00 kr."

    @beslut-1
    Scenario: Med medfinansieringen ändrad till 800 000,00 kr nekas en utbetalning som gör summan 800 000,01 kr
      Givet att kommunstyrelsen antog förslaget 2024-09-16 med ändringen att medfinansieringen är 800 000,00 kr
      Och att 500 000,00 kr betalades ut 2025-03-03
      När revisorn prövar en utbetalning om 300 000,01 kr den 2026-03-02
      Så ska utbetalningen nekas på grund av beloppsgränsen
      Och regeln om beloppsgränsen ska säga "vilket är 0,01 kr mer än 800 000,00 kr"

  Regel: Pengarna går till Flemingsberg Science för projektet
    "Medfinansiering om en miljon kronor under tre år, avseende Flemingsberg Science projektansökan till Europeiska regionala utvecklingsfonden om medel för etablering av klustermotor "Life Science Flemingsberg", godkänns."

    @beslut-1
    Scenario: En utbetalning till Stiftelsen Flemingsberg Science är tillåten
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-03-03 till Stiftelsen Flemingsberg Science
      Så ska utbetalningen vara tillåten
      Och regeln om mottagaren ska vara "uppfylld" och citera "beslut-1" med orden "avseende Flemingsberg Science projektansökan"
      Och regeln om mottagaren ska säga "Utbetalningen går till Stiftelsen Flemingsberg Science."

    @beslut-1 @fotnot-1
    Scenario: Flemingsberg Science är stiftelsen som fotnoten beskriver
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-03-03 till Stiftelsen Flemingsberg Science
      Så ska utbetalningen vara tillåten
      Och regeln om mottagaren ska vara "uppfylld" och citera "fotnot-1" med orden "Stiftelsen Flemingsberg Science bildades 2011"

    @beslut-1
    Scenario: En utbetalning till någon annan än Flemingsberg Science nekas
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-03-03 till Botkyrka kommun
      Så ska utbetalningen nekas på grund av mottagaren
      Och regeln om mottagaren ska vara "inte uppfylld" och citera "beslut-1" med orden "avseende Flemingsberg Science projektansökan"
      Och regeln om mottagaren ska säga "Utbetalningen 2025-03-03 går till Botkyrka kommun, inte till Stiftelsen Flemingsberg Science."

    @beslut-1 @status
    Scenario: En miljon kronor utbetald till Botkyrka kommun fullgör inte åtagandet och räknas inte mot beloppet
      Givet att 1 000 000,00 kr betalades ut 2025-03-03 till Botkyrka kommun
      När revisorn frågar efter åtagandets status den 2025-06-02
      Så ska åtagandet vara gällande
      Och utbetalt ska vara 1 000 000,00 kr och kvar 1 000 000,00 kr
      Och det som betalats ut i strid med villkoren ska vara 1 000 000,00 kr
      Och regeln om mottagaren ska vara "inte uppfylld" och citera "beslut-1" med orden "avseende Flemingsberg Science projektansökan"
      Och regeln om beloppsgränsen ska säga "Därutöver har 1 000 000,00 kr betalats ut i strid med beslutets villkor och räknas inte."

  Regel: Texten anger bara summan för de tre åren, inte hur den delas upp per år
    "De ekonomiska konsekvenserna av förslaget till beslut är att Huddinge kommun som medfinansierare av projektet behöver avsätta sammanlagt en miljon kronor under tre år."

    @ekonomiska-konsekvenser
    Scenario: Med fri fördelning är 400 000,00 kr under ett enda år tillåtet
      När revisorn prövar en utbetalning om 400 000,00 kr den 2025-06-02
      Så ska utbetalningen vara tillåten
      Och regeln om beloppsgränsen ska vara "uppfylld" och citera "ekonomiska-konsekvenser" med orden "sammanlagt en miljon kronor under tre år"
      Och regeln om beloppsgränsen ska tillämpa tolkningen "yearly-split" = "free"

    @ekonomiska-konsekvenser
    Scenario: Med tolkningen högst en tredjedel per år nekas 400 000,00 kr under ett enda år
      Givet att revisorn väljer tolkningen "yearly-split" = "equal-thirds"
      När revisorn prövar en utbetalning om 400 000,00 kr den 2025-06-02
      Så ska utbetalningen nekas på grund av beloppsgränsen
      Och regeln om beloppsgränsen ska vara "inte uppfylld" och citera "ekonomiska-konsekvenser" med orden "sammanlagt en miljon kronor under tre år"
      Och regeln om beloppsgränsen ska tillämpa tolkningen "yearly-split" = "equal-thirds"
      Och regeln om beloppsgränsen ska säga "har 400 000,00 kr betalats ut, mer än en tredjedel (333 333,34 kr)"

    @ekonomiska-konsekvenser
    Scenario: Med tolkningen högst en tredjedel per år är 333 333,34 kr under ett år tillåtet
      Givet att revisorn väljer tolkningen "yearly-split" = "equal-thirds"
      När revisorn prövar en utbetalning om 333 333,34 kr den 2025-06-02
      Så ska utbetalningen vara tillåten
      Och regeln om beloppsgränsen ska tillämpa tolkningen "yearly-split" = "equal-thirds"

    @ekonomiska-konsekvenser
    Scenario: Med tolkningen högst en tredjedel per år räknas nyårsdagen till ett nytt år
      Givet att revisorn väljer tolkningen "yearly-split" = "equal-thirds"
      Och att 333 333,34 kr betalades ut 2025-03-03
      När revisorn prövar en utbetalning om 0,01 kr den 2026-01-01
      Så ska utbetalningen vara tillåten

    @ekonomiska-konsekvenser
    Scenario: Med tolkningen högst en tredjedel per år nekas ett öre till på nyårsafton
      Givet att revisorn väljer tolkningen "yearly-split" = "equal-thirds"
      Och att 333 333,34 kr betalades ut 2025-03-03
      När revisorn prövar en utbetalning om 0,01 kr den 2025-12-31
      Så ska utbetalningen nekas på grund av beloppsgränsen
      Och regeln om beloppsgränsen ska säga "Under året 2025-01-01–2025-12-31 har 333 333,35 kr betalats ut"
