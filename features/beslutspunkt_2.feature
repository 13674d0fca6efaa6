# language: sv
Egenskap: Beslutspunkt 2 – reserverade medel för oförutsett, Mål och budget 2025 – 2027
  Tjänsteskrivelse KS-2024/1371.481, 2024-08-26, Kommunstyrelsens beslut punkt 2.
  Var pengarna tas ifrån, och under vilka år de får betalas ut.

  Bakgrund:
    Givet att Kommunstyrelsen antog förslaget 2024-09-16
    Och att ERUF godkände ansökan 2024-12-16

  Regel: Pengarna tas från reserverade medel för oförutsett
    "Medel tas från reserverade medel för oförutsett och hanteras i processen för Mål och budget 2025 – 2027."

    @beslut-2
    Scenario: En utbetalning ur reserverade medel för oförutsett är tillåten
      När revisorn prövar en utbetalning om 250 000,00 kr den 2025-04-01 från "reserverade-medel-for-oforutsett"
      Så ska utbetalningen vara tillåten
      Och regeln "funding-source" ska vara "satisfied" och citera "beslut-2" med orden "reserverade medel för oförutsett"
      Och regeln "funding-source" ska säga "Medlen tas från Reserverade medel för oförutsett."

    @beslut-2
    Scenario: En utbetalning ur en annan budget nekas
      När revisorn prövar en utbetalning om 250 000,00 kr den 2025-04-01 från "naringslivsenhetens-budget"
      Så ska utbetalningen nekas på grund av "funding-source"
      Och regeln "funding-source" ska vara "violated" och citera "beslut-2" med orden "Medel tas från reserverade medel för oförutsett"
      Och regeln "funding-source" ska säga "belastar "naringslivsenhetens-budget", inte Reserverade medel för oförutsett"

  Regel: Utbetalningarna görs under budgetåren 2025 – 2027
    "Medel tas från reserverade medel för oförutsett och hanteras i processen för Mål och budget 2025 – 2027."

    @beslut-2
    Scenariomall: En utbetalning inom budgetåren 2025 – 2027 är tillåten
      När revisorn prövar en utbetalning om 100 000,00 kr den <dag>
      Så ska utbetalningen vara tillåten
      Och regeln "period" ska vara "satisfied" och citera "beslut-2" med orden "Mål och budget 2025 – 2027"
      Och regeln "period" ska tillämpa tolkningen "three-years" = "budget-years-2025-2027"

      Exempel: Budgetårens första och sista dag
        | dag        |
        | 2025-01-01 |
        | 2027-12-31 |

    @beslut-2
    Scenariomall: En utbetalning utanför budgetåren 2025 – 2027 nekas
      När revisorn prövar en utbetalning om 100 000,00 kr den <dag>
      Så ska utbetalningen nekas på grund av "period"
      Och regeln "period" ska vara "violated" och citera "beslut-2" med orden "Mål och budget 2025 – 2027"
      Och regeln "period" ska säga "Utbetalning <dag> ligger utanför 2025-01-01–2027-12-31."

      Exempel: Dagen före och dagen efter budgetåren
        | dag        |
        | 2024-12-31 |
        | 2028-01-01 |

  Regel: "Under tre år" kan också läsas som 36 månader från projektstarten
    "Medel tas från reserverade medel för oförutsett och hanteras i processen för Mål och budget 2025 – 2027."

    @beslut-2
    Scenario: Med budgetåren är en utbetalning före projektstarten tillåten
      Givet att projektet startade 2025-02-01
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-01-15
      Så ska utbetalningen vara tillåten
      Och regeln "period" ska vara "satisfied" och citera "beslut-1" med orden "under tre år"

    @beslut-2
    Scenario: Läst som 36 månader från projektstarten 2025-02-01 nekas en utbetalning 2025-01-15
      Givet att projektet startade 2025-02-01
      Och att revisorn väljer tolkningen "three-years" = "36-months-from-project-start"
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-01-15
      Så ska utbetalningen nekas på grund av "period"
      Och regeln "period" ska vara "violated" och citera "beslut-1" med orden "under tre år"
      Och regeln "period" ska tillämpa tolkningen "three-years" = "36-months-from-project-start"
      Och regeln "period" ska säga "Utbetalning 2025-01-15 ligger utanför 2025-02-01–2028-01-31."

    @beslut-2
    Scenario: Läst som 36 månader från projektstarten 2025-02-01 är en utbetalning 2028-01-31 tillåten
      Givet att projektet startade 2025-02-01
      Och att revisorn väljer tolkningen "three-years" = "36-months-from-project-start"
      När revisorn prövar en utbetalning om 100 000,00 kr den 2028-01-31
      Så ska utbetalningen vara tillåten
      Och regeln "period" ska vara "satisfied" och citera "beslut-1" med orden "under tre år"

    @beslut-2
    Scenario: Läst som 36 månader från projektstarten 2025-02-01 nekas en utbetalning 2028-02-01
      Givet att projektet startade 2025-02-01
      Och att revisorn väljer tolkningen "three-years" = "36-months-from-project-start"
      När revisorn prövar en utbetalning om 100 000,00 kr den 2028-02-01
      Så ska utbetalningen nekas på grund av "period"
      Och regeln "period" ska säga "ligger utanför 2025-02-01–2028-01-31"
