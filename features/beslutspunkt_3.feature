# language: sv
Egenskap: Beslutspunkt 3 – beslutet gäller bara om ERUF godkänner ansökan
  Tjänsteskrivelse KS-2024/1371.481, 2024-08-26, Kommunstyrelsens beslut punkt 3.
  Ett uppskjutande villkor: utan ERUF:s godkännande binder punkterna 1 och 2 ingenting.

  Bakgrund:
    Givet att Kommunstyrelsen antog förslaget 2024-09-16

  Regel: Punkterna 1 och 2 gäller först när ERUF har godkänt ansökan
    "Beslut enligt punkterna 1 och 2 ovan gäller under förutsättning att Flemingsberg Science projektansökan godkänns av Europeiska regionala utvecklingsfonden."

    @beslut-3 @status
    Scenario: Ett ERUF-godkännande daterat den dag revisorn frågar om räknas och åtagandet är gällande
      Givet att ERUF godkände ansökan 2024-12-16
      När revisorn frågar efter åtagandets status den 2024-12-16
      Så ska åtagandet ha status "in_force" med etiketten "gällande"
      Och regeln "eruf-approval" ska vara "satisfied" och citera "beslut-3" med orden "under förutsättning att Flemingsberg Science projektansökan godkänns"
      Och regeln "eruf-approval" ska säga "ERUF godkände ansökan 2024-12-16."

    @beslut-3 @status
    Scenario: Ett ERUF-godkännande daterat dagen efter räknas inte och åtagandet är villkorat
      Givet att ERUF godkände ansökan 2024-12-17
      När revisorn frågar efter åtagandets status den 2024-12-16
      Så ska åtagandet ha status "conditional" med etiketten "villkorat"
      Och regeln "eruf-approval" ska vara "pending" och citera "beslut-3" med orden "under förutsättning att Flemingsberg Science projektansökan godkänns"

    @beslut-3 @status
    Scenario: Ett avslag från ERUF gör åtagandet förfallet
      Givet att ERUF avslog ansökan 2025-01-20
      När revisorn frågar efter åtagandets status den 2025-01-20
      Så ska åtagandet ha status "lapsed" med etiketten "förfallet"
      Och regeln "eruf-approval" ska vara "violated" och citera "beslut-3" med orden "godkänns av Europeiska regionala utvecklingsfonden"
      Och regeln "eruf-approval" ska säga "ERUF avslog ansökan 2025-01-20"

    @beslut-3 @status
    Scenario: En återkallad ansökan gör åtagandet förfallet
      Givet att Flemingsberg Science återkallade ansökan 2025-01-20
      När revisorn frågar efter åtagandets status den 2025-01-20
      Så ska åtagandet ha status "lapsed" med etiketten "förfallet"
      Och regeln "eruf-approval" ska vara "violated" och citera "beslut-3" med orden "godkänns av Europeiska regionala utvecklingsfonden"
      Och regeln "eruf-approval" ska säga "Ansökan återkallades 2025-01-20"

    @beslut-3
    Scenario: En utbetalning dagen innan ERUF godkänner ansökan nekas
      Givet att ERUF godkände ansökan 2025-03-03
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-03-02
      Så ska utbetalningen nekas på grund av "eruf-approval"
      Och regeln "eruf-approval" ska vara "violated" och citera "beslut-3" med orden "under förutsättning att"
      Och regeln "eruf-approval" ska säga "ERUF hade inte godkänt ansökan 2025-03-02"

    @beslut-3
    Scenario: En utbetalning samma dag som ERUF godkänner ansökan är tillåten
      Givet att ERUF godkände ansökan 2025-03-03
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-03-03
      Så ska utbetalningen vara tillåten
      Och regeln "eruf-approval" ska vara "satisfied" och citera "beslut-3" med orden "under förutsättning att"

    @beslut-3
    Scenario: En utbetalning efter ett avslag från ERUF nekas
      Givet att ERUF avslog ansökan 2025-01-20
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-03-03
      Så ska utbetalningen nekas på grund av "eruf-approval"
      Och regeln "eruf-approval" ska vara "violated" och citera "beslut-3" med orden "godkänns av Europeiska regionala utvecklingsfonden"

  Regel: De ekonomiska konsekvenserna gäller bara om ansökan godkänns
    "De ekonomiska konsekvenserna gäller endast under förutsättning att Flemingsberg Science projektansökan godkänns."

    @ekonomiska-konsekvenser
    Scenario: Ett lägre beviljat belopp än det sökta räknas som godkännande enligt standardtolkningen
      Givet att ERUF beviljade 4 000 000,00 kr av de sökta medlen 2024-12-16
      När revisorn frågar efter åtagandets status den 2025-06-02
      Så ska åtagandet ha status "in_force" med etiketten "gällande"
      Och regeln "eruf-approval" ska vara "satisfied" och citera "ekonomiska-konsekvenser" med orden "gäller endast under förutsättning att"
      Och regeln "eruf-approval" ska tillämpa tolkningen "reduced-eruf-grant" = "counts-as-approval"

    @ekonomiska-konsekvenser
    Scenario: Läst så att bara hela det sökta beloppet räknas gör ett lägre beviljat belopp åtagandet förfallet
      Givet att ERUF beviljade 4 000 000,00 kr av de sökta medlen 2024-12-16
      Och att revisorn väljer tolkningen "reduced-eruf-grant" = "does-not-count"
      När revisorn frågar efter åtagandets status den 2025-06-02
      Så ska åtagandet ha status "lapsed" med etiketten "förfallet"
      Och regeln "eruf-approval" ska vara "violated" och citera "ekonomiska-konsekvenser" med orden "gäller endast under förutsättning att"
      Och regeln "eruf-approval" ska säga "ERUF beviljade 4 000 000,00 kr av sökta 4 400 000,00 kr"

    @ekonomiska-konsekvenser
    Scenario: Läst så att bara hela det sökta beloppet räknas är 4 400 000,00 kr ett godkännande
      Givet att ERUF beviljade 4 400 000,00 kr av de sökta medlen 2024-12-16
      Och att revisorn väljer tolkningen "reduced-eruf-grant" = "does-not-count"
      När revisorn frågar efter åtagandets status den 2025-06-02
      Så ska åtagandet ha status "in_force" med etiketten "gällande"
      Och regeln "eruf-approval" ska tillämpa tolkningen "reduced-eruf-grant" = "does-not-count"
