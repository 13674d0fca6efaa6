# language: sv
Egenskap: Beslutspunkt 2 – reserverade medel för oförutsett, Mål och budget 2025 – 2027
  Tjänsteskrivelse KS-2024/1371.481, 2024-08-26, Kommunstyrelsens beslut punkt 2.
  Var pengarna tas ifrån, och vad projektets tre år och budgetåren säger om när de betalas ut.

  Bakgrund:
    Givet att kommunstyrelsen antog förslaget 2024-09-16
    Och att ERUF godkände ansökan 2024-12-16

  Regel: Pengarna tas från reserverade medel för oförutsett
    "Medel tas från reserverade medel för oförutsett och hanteras i processen för Mål och budget 2025 – 2027."

    @beslut-2
    Scenario: En utbetalning ur reserverade medel för oförutsett är tillåten
      När revisorn prövar en utbetalning om 250 000,00 kr den 2025-04-01 från "reserverade-medel-for-oforutsett"
      Så ska utbetalningen vara tillåten
      Och regeln om finansieringskällan ska vara "uppfylld" och citera "beslut-2" med orden "reserverade medel för oförutsett"
      Och regeln om finansieringskällan ska säga "Utbetalningen tas från reserverade medel för oförutsett."

    @beslut-2
    Scenario: En utbetalning ur en annan budget nekas
      När revisorn prövar en utbetalning om 250 000,00 kr den 2025-04-01 från "naringslivsenhetens-budget"
      Så ska utbetalningen nekas på grund av finansieringskällan
      Och regeln om finansieringskällan ska vara "inte uppfylld" och citera "beslut-2" med orden "Medel tas från reserverade medel för oförutsett"
      Och regeln om finansieringskällan ska säga "tas från den angivna källan "naringslivsenhetens-budget", inte från reserverade medel för oförutsett"

  Regel: Budgetåren 2025 – 2027 säger hur medlen budgeteras, inte att inget får betalas ut efter dem
    "Medel tas från reserverade medel för oförutsett och hanteras i processen för Mål och budget 2025 – 2027."
    "Finansiering under projektets tre år"

    @beslut-2
    Scenariomall: En utbetalning inom budgetåren 2025 – 2027 är tillåten och ligger inom budgetperioden
      När revisorn prövar en utbetalning om 100 000,00 kr den <dag>
      Så ska utbetalningen vara tillåten
      Och regeln om tidsramen ska vara "uppfylld" och citera "beslut-2" med orden "Mål och budget 2025 – 2027"
      Och regeln om tidsramen ska tillämpa tolkningen "three-years" = "project-years"
      Och regeln om tidsramen ska säga "Utbetalningen <dag> ligger inom budgetperioden för Mål och budget (2025-01-01–2027-12-31)."

      Exempel: Budgetårens första och sista dag
        | dag        |
        | 2025-01-01 |
        | 2027-12-31 |

    @beslut-2
    Scenariomall: Med standardtolkningen är en utbetalning utanför budgetåren tillåten med en anmärkning om budgettäckning
      När revisorn prövar en utbetalning om 100 000,00 kr den <dag>
      Så ska utbetalningen vara tillåten
      Och regeln om tidsramen ska vara "uppfylld" och citera "finansiering" med orden "Finansiering under projektets tre år"
      Och regeln om tidsramen ska säga "Utbetalningen <dag> ligger <var> budgetperioden för Mål och budget (2025-01-01–2027-12-31) och behöver täckas i budgeten för sitt år"

      Exempel: Dagen före och dagen efter budgetåren, och en dag 2028
        | dag        | var     |
        | 2024-12-31 | före    |
        | 2028-01-01 | utanför |
        | 2028-06-01 | utanför |

    @beslut-2
    Scenariomall: Med tolkningen budgetåren som tidsgräns nekas en utbetalning utanför 2025 – 2027
      Givet att revisorn väljer tolkningen "three-years" = "budget-years-2025-2027"
      När revisorn prövar en utbetalning om 100 000,00 kr den <dag>
      Så ska utbetalningen nekas på grund av tidsramen
      Och regeln om tidsramen ska vara "inte uppfylld" och citera "beslut-2" med orden "Mål och budget 2025 – 2027"
      Och regeln om tidsramen ska säga "Utbetalningen <dag> ligger utanför 2025-01-01–2027-12-31."

      Exempel: Dagen före och dagen efter budgetåren, och en dag 2028
        | dag        |
        | 2024-12-31 |
        | 2028-01-01 |
        | 2028-06-01 |

    @beslut-2
    Scenariomall: Med tolkningen budgetåren som tidsgräns är en utbetalning inom 2025 – 2027 tillåten
      Givet att revisorn väljer tolkningen "three-years" = "budget-years-2025-2027"
      När revisorn prövar en utbetalning om 100 000,00 kr den <dag>
      Så ska utbetalningen vara tillåten
      Och regeln om tidsramen ska säga "Utbetalningen <dag> ligger inom 2025-01-01–2027-12-31."

      Exempel: Budgetårens första och sista dag
        | dag        |
        | 2025-01-01 |
        | 2027-12-31 |

    @beslut-2
    Scenario: Spåret för en prövad utbetalning talar om den utbetalningen, inte om tidigare utbetalningar
      Givet att 100 000,00 kr betalades ut 2024-12-20
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-06-02
      Så ska utbetalningen vara tillåten
      Och regeln om tidsramen ska säga "Utbetalningen 2025-06-02 ligger inom budgetperioden"
      Och regeln om tidsramen inte ska säga "Alla utbetalningar ligger inom"

  Regel: "Under tre år" kan också läsas som 36 månader från projektstarten
    "Medfinansiering om en miljon kronor under tre år, avseende Flemingsberg Science projektansökan till Europeiska regionala utvecklingsfonden om medel för etablering av klustermotor "Life Science Flemingsberg", godkänns."

    @beslut-1
    Scenario: Med standardtolkningen är en utbetalning före projektstarten tillåten
      Givet att projektet startade 2025-02-01
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-01-15
      Så ska utbetalningen vara tillåten
      Och regeln om tidsramen ska vara "uppfylld" och citera "beslut-1" med orden "under tre år"

    @beslut-1
    Scenario: Med tolkningen 36 månader från projektstarten 2025-02-01 nekas en utbetalning 2025-01-15
      Givet att projektet startade 2025-02-01
      Och att revisorn för de tre åren väljer tolkningen "36 månader från projektstarten"
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-01-15
      Så ska utbetalningen nekas på grund av tidsramen
      Och regeln om tidsramen ska vara "inte uppfylld" och citera "beslut-1" med orden "under tre år"
      Och regeln om tidsramen ska tillämpa tolkningen "three-years" = "36-months-from-project-start"
      Och regeln om tidsramen ska säga "Utbetalningen 2025-01-15 ligger utanför 2025-02-01–2028-01-31."

    @beslut-1
    Scenario: Med tolkningen 36 månader från projektstarten 2025-02-01 är en utbetalning 2028-01-31 tillåten
      Givet att projektet startade 2025-02-01
      Och att revisorn väljer tolkningen "three-years" = "36-months-from-project-start"
      När revisorn prövar en utbetalning om 100 000,00 kr den 2028-01-31
      Så ska utbetalningen vara tillåten
      Och regeln om tidsramen ska vara "uppfylld" och citera "beslut-1" med orden "under tre år"

    @beslut-1
    Scenario: Med tolkningen 36 månader från projektstarten 2025-02-01 nekas en utbetalning 2028-02-01
      Givet att projektet startade 2025-02-01
      Och att revisorn väljer tolkningen "three-years" = "36-months-from-project-start"
      När revisorn prövar en utbetalning om 100 000,00 kr den 2028-02-01
      Så ska utbetalningen nekas på grund av tidsramen
      Och regeln om tidsramen ska säga "ligger utanför 2025-02-01–2028-01-31"

    @beslut-1
    Scenariomall: Med tolkningen 36 månader räknas månaderna som i lag (1930:173): från <start> är sista dagen <sista>
      Givet att projektet startade <start>
      Och att revisorn väljer tolkningen "three-years" = "36-months-from-project-start"
      När revisorn prövar en utbetalning om 100 000,00 kr den <sista>
      Så ska utbetalningen vara tillåten
      Och regeln om tidsramen ska säga "ligger inom <start>–<sista>"

      Exempel: Skottdagen och en månads sista dag
        | start      | sista      |
        | 2024-02-29 | 2027-02-28 |
        | 2024-01-31 | 2027-01-30 |

    @beslut-1
    Scenariomall: Med tolkningen 36 månader från <start> nekas en utbetalning dagen efter <sista>
      Givet att projektet startade <start>
      Och att revisorn väljer tolkningen "three-years" = "36-months-from-project-start"
      När revisorn prövar en utbetalning om 100 000,00 kr den <dagen-efter>
      Så ska utbetalningen nekas på grund av tidsramen
      Och regeln om tidsramen ska säga "ligger utanför <start>–<sista>"

      Exempel: Skottdagen och en månads sista dag
        | start      | sista      | dagen-efter |
        | 2024-02-29 | 2027-02-28 | 2027-03-01  |
        | 2024-01-31 | 2027-01-30 | 2027-01-31  |

    @beslut-1
    Scenario: Med tolkningen 36 månader och okänd projektstart går en utbetalning varken att tillåta eller neka
      Givet att revisorn väljer tolkningen "three-years" = "36-months-from-project-start"
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-06-02
      Så ska utbetalningen varken vara tillåten eller nekad
      Och regeln om tidsramen ska vara "ännu inte avgjord"
      Och regeln om tidsramen ska säga "Projektets startdag är inte registrerad, så de 36 månaderna kan inte avgöras."
