# language: sv
Egenskap: Min prövning av utbetalningar
  Bakgrund:
    Givet att kommunstyrelsen antog förslaget 2024-09-16
    Och att ERUF godkände ansökan 2024-12-16

  Scenario: Hade vi betalat 100 000 kr den 16 september 2025, hade det varit tillåtet?
    När revisorn prövar en utbetalning om 100 000,00 kr den 2025-09-16
    Så ska utbetalningen vara tillåten
    Och regeln om tidsramen ska säga "ligger inom budgetperioden för Mål och budget"

  Scenario: En krona över miljonen nekas, och beslutspunkt 1 säger varför
    Givet att 1 000 000,00 kr betalades ut 2025-03-03
    När revisorn prövar en utbetalning om 1,00 kr den 2025-09-16
    Så ska utbetalningen nekas på grund av beloppsgränsen
    Och regeln om beloppsgränsen ska vara "inte uppfylld" och citera "beslut-1" med orden "en miljon kronor"
