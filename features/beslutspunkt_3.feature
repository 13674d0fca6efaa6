# language: sv
Egenskap: Beslutspunkt 3 – beslutet gäller bara om ERUF godkänner ansökan
  Tjänsteskrivelse KS-2024/1371.481, 2024-08-26, Kommunstyrelsens beslut punkt 3.
  Ett uppskjutande villkor: utan ERUF:s godkännande binder punkterna 1 och 2 ingenting.

  Bakgrund:
    Givet att kommunstyrelsen antog förslaget 2024-09-16

  Regel: Punkterna 1 och 2 gäller först när ERUF har godkänt ansökan
    "Beslut enligt punkterna 1 och 2 ovan gäller under förutsättning att Flemingsberg Science projektansökan godkänns av Europeiska regionala utvecklingsfonden."

    @beslut-3 @status
    Scenario: Ett ERUF-godkännande daterat den dag revisorn frågar om räknas och åtagandet är gällande
      Givet att ERUF godkände ansökan 2024-12-16
      När revisorn frågar efter åtagandets status den 2024-12-16
      Så ska åtagandet vara gällande
      Och regeln om villkoret om ERUF:s godkännande ska vara "uppfylld" och citera "beslut-3" med orden "under förutsättning att Flemingsberg Science projektansökan godkänns"
      Och regeln om villkoret om ERUF:s godkännande ska säga "ERUF godkände ansökan 2024-12-16"

    @beslut-3 @status
    Scenario: Ett ERUF-godkännande daterat dagen efter räknas inte och åtagandet är villkorat
      Givet att ERUF godkände ansökan 2024-12-17
      När revisorn frågar efter åtagandets status den 2024-12-16
      Så ska åtagandet vara villkorat
      Och regeln om villkoret om ERUF:s godkännande ska vara "ännu inte avgjord" och citera "beslut-3" med orden "under förutsättning att Flemingsberg Science projektansökan godkänns"

    @beslut-3 @status
    Scenario: Ett avslag från ERUF gör att åtagandet har bortfallit
      Givet att ERUF avslog ansökan 2025-01-20
      När revisorn frågar efter åtagandets status den 2025-01-20
      Så ska åtagandet vara bortfallet
      Och regeln om villkoret om ERUF:s godkännande ska vara "inte uppfylld" och citera "beslut-3" med orden "godkänns av Europeiska regionala utvecklingsfonden"
      Och regeln om villkoret om ERUF:s godkännande ska säga "ERUF avslog ansökan 2025-01-20; villkoret i beslutspunkt 3 kan inte längre uppfyllas."

    @beslut-3 @status
    Scenario: En ansökan som återkallas innan ERUF beslutat gör att åtagandet har bortfallit
      Givet att Flemingsberg Science återkallade ansökan 2025-01-20
      När revisorn frågar efter åtagandets status den 2025-01-20
      Så ska åtagandet vara bortfallet
      Och regeln om villkoret om ERUF:s godkännande ska vara "inte uppfylld" och citera "beslut-3" med orden "godkänns av Europeiska regionala utvecklingsfonden"
      Och regeln om villkoret om ERUF:s godkännande ska säga "Ansökan återkallades 2025-01-20, innan ERUF beslutat om den"

    @beslut-3
    Scenario: En utbetalning dagen innan ERUF godkänner ansökan nekas
      Givet att ERUF godkände ansökan 2025-03-03
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-03-02
      Så ska utbetalningen nekas på grund av villkoret om ERUF:s godkännande
      Och regeln om villkoret om ERUF:s godkännande ska vara "inte uppfylld" och citera "beslut-3" med orden "under förutsättning att"
      Och regeln om villkoret om ERUF:s godkännande ska säga "ERUF hade inte godkänt ansökan 2025-03-02, dagen för utbetalningen."

    @beslut-3
    Scenario: En utbetalning samma dag som ERUF godkänner ansökan är tillåten
      Givet att ERUF godkände ansökan 2025-03-03
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-03-03
      Så ska utbetalningen vara tillåten
      Och regeln om villkoret om ERUF:s godkännande ska vara "uppfylld" och citera "beslut-3" med orden "under förutsättning att"

    @beslut-3
    Scenario: En utbetalning efter ett avslag från ERUF nekas
      Givet att ERUF avslog ansökan 2025-01-20
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-03-03
      Så ska utbetalningen nekas på grund av villkoret om ERUF:s godkännande
      Och regeln om villkoret om ERUF:s godkännande ska vara "inte uppfylld" och citera "beslut-3" med orden "godkänns av Europeiska regionala utvecklingsfonden"

  Regel: En återkallelse efter godkännandet ändrar inte att villkoret uppfylldes, men medfinansieringen avser projektansökan
    "Medfinansiering om en miljon kronor under tre år, avseende Flemingsberg Science projektansökan till Europeiska regionala utvecklingsfonden om medel för etablering av klustermotor "Life Science Flemingsberg", godkänns."
    "Beslut enligt punkterna 1 och 2 ovan gäller under förutsättning att Flemingsberg Science projektansökan godkänns av Europeiska regionala utvecklingsfonden."

    @beslut-3 @status
    Scenario: Med standardtolkningen är åtagandet avslutat efter återkallelsen, och villkoret uppfylldes
      Givet att ERUF godkände ansökan 2024-12-16
      Och att 400 000,00 kr betalades ut 2025-03-03
      Och att Flemingsberg Science återkallade ansökan 2025-09-01
      När revisorn frågar efter åtagandets status den 2025-09-01
      Så ska åtagandet vara avslutat efter återkallelse
      Och utbetalt ska vara 400 000,00 kr och kvar 0,00 kr
      Och regeln om villkoret om ERUF:s godkännande ska vara "uppfylld" och citera "beslut-3" med orden "godkänns av Europeiska regionala utvecklingsfonden"
      Och regeln om villkoret om ERUF:s godkännande ska tillämpa tolkningen "withdrawal-after-approval" = "no-further-payments"
      Och regeln om villkoret om ERUF:s godkännande ska säga "så villkoret i beslutspunkt 3 uppfylldes; ansökan återkallades 2025-09-01"
      Och regeln om villkoret om ERUF:s godkännande inte ska säga "kan inte längre uppfyllas"

    @beslut-3
    Scenario: Med standardtolkningen nekas en utbetalning dagen för återkallelsen efter godkännandet
      Givet att ERUF godkände ansökan 2024-12-16
      Och att Flemingsberg Science återkallade ansökan 2025-09-01
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-09-01
      Så ska utbetalningen nekas på grund av villkoret om ERUF:s godkännande
      Och regeln om villkoret om ERUF:s godkännande ska säga "Utbetalningen 2025-09-01 skulle göras efter att ansökan återkallades 2025-09-01"

    @beslut-3
    Scenario: Med standardtolkningen är en utbetalning dagen före återkallelsen tillåten
      Givet att ERUF godkände ansökan 2024-12-16
      Och att Flemingsberg Science återkallade ansökan 2025-09-01
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-08-31
      Så ska utbetalningen vara tillåten

    @beslut-3 @status
    Scenario: Med tolkningen att godkännandet står sig är åtagandet gällande efter återkallelsen
      Givet att ERUF godkände ansökan 2024-12-16
      Och att Flemingsberg Science återkallade ansökan 2025-09-01
      Och att revisorn väljer tolkningen "withdrawal-after-approval" = "approval-stands"
      När revisorn frågar efter åtagandets status den 2025-10-01
      Så ska åtagandet vara gällande
      Och regeln om villkoret om ERUF:s godkännande ska vara "uppfylld"
      Och regeln om villkoret om ERUF:s godkännande ska tillämpa tolkningen "withdrawal-after-approval" = "approval-stands"
      Och regeln om villkoret om ERUF:s godkännande ska säga "enligt vald tolkning ändrar återkallelsen 2025-09-01 inte det"

    @beslut-3
    Scenario: Med tolkningen att godkännandet står sig är en utbetalning efter återkallelsen tillåten
      Givet att ERUF godkände ansökan 2024-12-16
      Och att Flemingsberg Science återkallade ansökan 2025-09-01
      Och att revisorn väljer tolkningen "withdrawal-after-approval" = "approval-stands"
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-10-01
      Så ska utbetalningen vara tillåten

  Regel: De ekonomiska konsekvenserna gäller bara om ansökan godkänns
    "De ekonomiska konsekvenserna gäller endast under förutsättning att Flemingsberg Science projektansökan godkänns."

    @ekonomiska-konsekvenser
    Scenario: Ett lägre beviljat belopp än det sökta räknas som godkännande enligt standardtolkningen
      Givet att ERUF beviljade 4 000 000,00 kr av de sökta medlen 2024-12-16
      När revisorn frågar efter åtagandets status den 2025-06-02
      Så ska åtagandet vara gällande
      Och regeln om villkoret om ERUF:s godkännande ska vara "uppfylld" och citera "ekonomiska-konsekvenser" med orden "gäller endast under förutsättning att"
      Och regeln om villkoret om ERUF:s godkännande ska tillämpa tolkningen "reduced-eruf-grant" = "counts-as-approval"

    @ekonomiska-konsekvenser @status
    Scenariomall: Ett beviljande av 1 000,00 kr av sökta 4 400 000,00 kr med tolkningen "<tolkning>" gör åtagandet <status>
      Givet att ERUF beviljade 1 000,00 kr av de sökta medlen 2024-12-16
      Och att revisorn väljer tolkningen "reduced-eruf-grant" = "<tolkning>"
      När revisorn frågar efter åtagandets status den 2025-06-02
      Så ska åtagandet vara <status>
      Och regeln om villkoret om ERUF:s godkännande ska vara "<utfall>"
      Och regeln om villkoret om ERUF:s godkännande ska tillämpa tolkningen "reduced-eruf-grant" = "<tolkning>"

      Exempel: Varje tolkning av ett lägre beviljat belopp
        | tolkning           | status     | utfall        |
        | counts-as-approval | gällande   | uppfylld      |
        | at-least-half      | bortfallet | inte uppfylld |
        | does-not-count     | bortfallet | inte uppfylld |

    @ekonomiska-konsekvenser @status
    Scenariomall: Med tolkningen minst hälften räknas 2 200 000,00 kr men inte 2 199 999,99 kr
      Givet att ERUF beviljade <belopp> av de sökta medlen 2024-12-16
      Och att revisorn väljer tolkningen "reduced-eruf-grant" = "at-least-half"
      När revisorn frågar efter åtagandets status den 2025-06-02
      Så ska åtagandet vara <status>

      Exempel: Hälften och ett öre under
        | belopp          | status     |
        | 2 200 000,00 kr | gällande   |
        | 2 199 999,99 kr | bortfallet |

    @ekonomiska-konsekvenser
    Scenario: Med tolkningen att bara hela det sökta beloppet räknas gör ett lägre beviljat belopp att åtagandet har bortfallit
      Givet att ERUF beviljade 4 000 000,00 kr av de sökta medlen 2024-12-16
      Och att revisorn väljer tolkningen "reduced-eruf-grant" = "does-not-count"
      När revisorn frågar efter åtagandets status den 2025-06-02
      Så ska åtagandet vara bortfallet
      Och regeln om villkoret om ERUF:s godkännande ska vara "inte uppfylld" och citera "ekonomiska-konsekvenser" med orden "gäller endast under förutsättning att"
      Och regeln om villkoret om ERUF:s godkännande ska säga "ERUF beviljade 4 000 000,00 kr av sökta 4 400 000,00 kr"

    @ekonomiska-konsekvenser
    Scenario: Med tolkningen att bara hela det sökta beloppet räknas är 4 400 000,00 kr ett godkännande
      Givet att ERUF beviljade 4 400 000,00 kr av de sökta medlen 2024-12-16
      Och att revisorn väljer tolkningen "reduced-eruf-grant" = "does-not-count"
      När revisorn frågar efter åtagandets status den 2025-06-02
      Så ska åtagandet vara gällande
      Och regeln om villkoret om ERUF:s godkännande ska tillämpa tolkningen "reduced-eruf-grant" = "does-not-count"

    @ekonomiska-konsekvenser @status
    Scenario: Ett godkännande utan känt belopp räknas som godkännande enligt standardtolkningen
      Givet att ERUF godkände ansökan 2024-12-16
      När revisorn frågar efter åtagandets status den 2025-06-02
      Så ska åtagandet vara gällande
      Och regeln om villkoret om ERUF:s godkännande ska vara "uppfylld"

    @ekonomiska-konsekvenser @status
    Scenariomall: Ett godkännande utan känt belopp kan inte avgöras med tolkningen "<tolkning>", och tas inte för det sökta beloppet
      Givet att ERUF godkände ansökan 2024-12-16
      Och att revisorn väljer tolkningen "reduced-eruf-grant" = "<tolkning>"
      När revisorn frågar efter åtagandets status den 2025-06-02
      Så ska åtagandets status vara "kan inte avgöras"
      Och regeln om villkoret om ERUF:s godkännande ska vara "ännu inte avgjord"
      Och regeln om villkoret om ERUF:s godkännande ska säga "det beviljade beloppet är inte registrerat"

      Exempel: De tolkningar där beloppet avgör
        | tolkning       |
        | at-least-half  |
        | does-not-count |

    @ekonomiska-konsekvenser
    Scenario: Med ett godkännande utan känt belopp och tolkningen minst hälften går en utbetalning varken att tillåta eller neka
      Givet att ERUF godkände ansökan 2024-12-16
      Och att revisorn väljer tolkningen "reduced-eruf-grant" = "at-least-half"
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-06-02
      Så ska utbetalningen varken vara tillåten eller nekad
