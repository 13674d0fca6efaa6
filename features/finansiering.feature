# language: sv
Egenskap: Finansiering under projektets tre år
  Tjänsteskrivelse KS-2024/1371.481, 2024-08-26, avsnittet "Finansiering under projektets tre år".
  Går finansieringsplanen ihop med den totala kostnad texten anger? Det är en kontroll av
  uppgifterna, inget villkor i beslutet: den hindrar aldrig en utbetalning.

  Regel: Bidragen uppgår till ca 11 miljoner, räknat med den noggrannhet texten skriver
    "Totalt kommer projektet att kosta ca 11 miljoner under tre år."
    "Flemingsberg Science (1 miljon), Huddinge kommun (1 miljon), Botkyrka kommun (0,5 miljon), Region Stockholm (3 miljoner) och fastighetsbolaget Hemsö (1 miljon) kommer att vara medfinansierare liksom Karolinska Institutet och RS Life Science som bidrar med arbete (0,1 miljon)."

    @finansiering
    Scenario: Bidragen uppgår till 11 000 000,00 kr när 0,1 miljon är Karolinska Institutet och RS Life Science tillsammans
      När revisorn hämtar finansieringsplanen
      Så ska bidragen uppgå till 11 000 000,00 kr
      Och den angivna totalen ska vara 11 000 000,00 kr
      Och regeln om finansieringsplanens summa ska vara "uppfylld" och citera "finansiering" med orden "ca 11 miljoner under tre år"
      Och svaret ska tillämpa tolkningen "ki-rs-life-science-contribution" = "together"
      Och regeln om finansieringsplanens summa ska tillämpa tolkningen "stated-total-precision" = "as-written"

    @finansiering
    Scenariomall: Med 0,1 miljon vardera uppgår bidragen till 11 100 000,00 kr, som med tolkningen "<precision>" är <utfall>
      Givet att revisorn väljer tolkningen "ki-rs-life-science-contribution" = "each"
      Och att revisorn väljer tolkningen "stated-total-precision" = "<precision>"
      När revisorn frågar efter åtagandets status den 2025-06-02
      Så ska regeln om finansieringsplanens summa vara "<utfall>" och citera "finansiering" med orden "Karolinska Institutet och RS Life Science som bidrar med arbete (0,1 miljon)"
      Och regeln om finansieringsplanens summa ska tillämpa tolkningen "stated-total-precision" = "<precision>"
      Och regeln om finansieringsplanens summa ska säga "<meddelande>"

      Exempel: "ca 11 miljoner" i hela miljoner, och exakt
        | precision  | utfall        | meddelande                                                                                 |
        | as-written | uppfylld      | Bidragen uppgår till 11 100 000,00 kr, vilket stämmer med angivna ca 11 000 000,00 kr        |
        | exact      | inte uppfylld | Bidragen uppgår till 11 100 000,00 kr, inte till angivna 11 000 000,00 kr (skillnad 100 000,00 kr). |

    @finansiering
    Scenario: En summa som inte stämmer hindrar ingen utbetalning, eftersom den är en kontroll och inget villkor
      Givet att kommunstyrelsen antog förslaget 2024-09-16
      Och att ERUF godkände ansökan 2024-12-16
      Och att revisorn väljer tolkningen "ki-rs-life-science-contribution" = "each"
      Och att revisorn väljer tolkningen "stated-total-precision" = "exact"
      När revisorn prövar en utbetalning om 100 000,00 kr den 2025-06-02
      Så ska utbetalningen vara tillåten

  Regel: ERUF:s bidrag är det sökta beloppet 4,4 miljoner
    "De medel som söks från Europeiska regionala utvecklingsfonden uppgår till 4,4 miljoner."

    @finansiering
    Scenario: ERUF:s bidrag i finansieringsplanen är 4 400 000,00 kr
      När revisorn hämtar finansieringsplanen
      Så ska ERUF:s bidrag vara 4 400 000,00 kr
