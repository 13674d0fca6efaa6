# language: sv
Egenskap: Finansiering under projektets tre år
  Tjänsteskrivelse KS-2024/1371.481, 2024-08-26, avsnittet "Finansiering under projektets tre år".
  Går finansieringsplanen ihop, och ryms ERUF:s andel inom EU:s högsta medfinansieringsgrad?

  Regel: Bidragen summerar till projektets totalkostnad
    "Totalt kommer projektet att kosta ca 11 miljoner under tre år."
    "Flemingsberg Science (1 miljon), Huddinge kommun (1 miljon), Botkyrka kommun (0,5 miljon), Region Stockholm (3 miljoner) och fastighetsbolaget Hemsö (1 miljon) kommer att vara medfinansierare liksom Karolinska Institutet och RS Life Science som bidrar med arbete (0,1 miljon)."

    @finansiering
    Scenario: Bidragen går jämnt upp mot 11 000 000,00 kr när 0,1 miljon är Karolinska Institutet och RS Life Science tillsammans
      När revisorn hämtar finansieringsplanen
      Så ska bidragen summera till 11 000 000,00 kr
      Och den angivna totalen ska vara 11 000 000,00 kr
      Och regeln "financing-balance" ska vara "satisfied" och citera "finansiering" med orden "ca 11 miljoner under tre år"
      Och regeln "financing-balance" ska tillämpa tolkningen "ki-rs-life-science-contribution" = "together"

    @finansiering
    Scenario: Läst som 0,1 miljon vardera går bidragen inte jämnt upp mot 11 000 000,00 kr
      Givet att revisorn väljer tolkningen "ki-rs-life-science-contribution" = "each"
      När revisorn frågar efter åtagandets status den 2025-06-02
      Så ska regeln "financing-balance" vara "violated" och citera "finansiering" med orden "Karolinska Institutet och RS Life Science som bidrar med arbete (0,1 miljon)"
      Och regeln "financing-balance" ska tillämpa tolkningen "ki-rs-life-science-contribution" = "each"
      Och regeln "financing-balance" ska säga "Bidragen summerar till 11 100 000,00 kr, inte angivna 11 000 000,00 kr (skillnad 100 000,00 kr)."

  Regel: ERUF:s andel får vara högst 40 procent i en mer utvecklad region
    "De medel som söks från Europeiska regionala utvecklingsfonden uppgår till 4,4 miljoner."

    @finansiering
    Scenario: ERUF:s andel är exakt 40 % och ryms inom EU:s högsta medfinansieringsgrad
      När revisorn hämtar finansieringsplanen
      Så ska ERUF:s bidrag vara 4 400 000,00 kr
      Och ERUF:s andel ska vara exakt 40 %
      Och regeln "eu-cofinancing-rate" ska vara "satisfied" och citera "finansiering" med orden "uppgår till 4,4 miljoner"
      Och regeln "eu-cofinancing-rate" ska vara "satisfied" och citera "eu-2021-1060-art-112-3-e" med orden "40 % for more developed regions"
      Och regeln "eu-cofinancing-rate" ska säga "ERUF:s andel är 40 %, högst 40 % tillåts."

    @finansiering
    Scenario: Läst som 0,1 miljon vardera är ERUF:s andel under 40 % och ryms fortfarande
      Givet att revisorn väljer tolkningen "ki-rs-life-science-contribution" = "each"
      När revisorn frågar efter åtagandets status den 2025-06-02
      Så ska regeln "eu-cofinancing-rate" vara "satisfied" och citera "finansiering" med orden "uppgår till 4,4 miljoner"
      Och regeln "eu-cofinancing-rate" ska säga "ERUF:s andel är 39,64 %"
