"""The decision page's pictures: the SVG of the money paid against the amount, drawn by
the server, and the decision's life in date order; each also in words."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from datetime import date
from decimal import Decimal

import pytest

from service.pages.page_charts import amount_step, kronor
from tests.examples import payment
from tests.recording import record, registrar
from tests.test_pages import Page

PAGE = "/decisions/ks-2024-1371-481"
ADOPTION = {"type": "adoption", "decided_on": "2024-09-16", "body": "Kommunstyrelsen"}
#: A coordinate as the drawing writes it: exact, one decimal at most, never a float's "1e-05".
COORDINATE = re.compile(r"-?\d+(\.\d)?")


@pytest.fixture
def writer(app):
    return registrar(app)


class Drawn:
    """The page's chart as an element tree, and the page's words."""

    def __init__(self, html: str) -> None:
        found = re.search(r'<svg class="chart".*?</svg>', html, re.DOTALL)
        assert found, "no chart on the page"
        self.svg = ElementTree.fromstring(found.group(0))
        self.words = Page(html).words
        self.html = html

    def text(self, tag: str) -> str:
        element = self.svg.find(tag)
        assert element is not None
        return said(element)

    def of_class(self, name: str) -> list[ElementTree.Element]:
        return [e for e in self.svg.iter() if name in e.get("class", "").split()]

    @property
    def desc(self) -> str:
        return self.text("desc")

    @property
    def line(self) -> str:
        (path,) = self.of_class("chart-paid")
        return path.get("d", "")

    def level(self, name: str) -> Decimal:
        (line,) = self.of_class(name)
        assert line.get("y1") == line.get("y2"), "a horizontal line"
        return Decimal(line.get("y1", ""))


def said(element: ElementTree.Element) -> str:
    """An element's text as read: every run of white space (no-break spaces too) one space."""
    return " ".join("".join(element.itertext()).split())


def drawn(client) -> Drawn:
    response = client.get(PAGE)
    assert response.status_code == 200
    return Drawn(response.get_data(as_text=True))


def rises(chart: Drawn) -> list[Decimal]:
    """The heights the step line climbs to, in order."""
    return [Decimal(y) for y in re.findall(r"V (\S+)", chart.line)]


def share(chart: Drawn, y: Decimal) -> Decimal:
    """How high ``y`` stands, as a share of the committed amount's line."""
    bottom = chart.level("chart-axis")
    return (bottom - y) / (bottom - chart.level("chart-committed"))


def test_chart_is_an_image_that_says_in_words_nothing_is_paid_yet(client, on_day):
    chart = drawn(client)
    svg = chart.svg
    assert svg.get("role") == "img" and svg.get("width") == "100%" and svg.get("viewBox") == "0 0 640 330"
    title, desc = svg.find("title"), svg.find("desc")
    assert title is not None and desc is not None
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert chart.text("title") == "Utbetalt jämfört med åtagandet, 2025–2027"
    assert chart.desc.startswith("Utbetalt 0,00 kr av 1 000 000,00 kr. Inga utbetalningar är registrerade.")
    assert "från 2025-01-01 till 2027-12-31" in chart.desc and "fram till 2025-06-02" in chart.desc
    assert "en vågrät linje vid 1 000 000,00 kr" in chart.desc
    assert "Åtagandet 1 000 000,00 kr" in [said(text) for text in svg.iter("text")]
    assert [t.text for t in chart.of_class("chart-year")] == ["2025", "2026", "2027"]
    assert rises(chart) == [] and chart.line.startswith("M 12.0 286.0 H ")  # flat at 0 kr
    assert "Inga utbetalningar är registrerade: utbetalt 0,00 kr av 1 000 000,00 kr." in chart.words


def test_chart_has_no_script_and_no_inline_style_which_the_page_policy_forbids(client, on_day):
    chart = drawn(client)
    assert not [e.tag for e in chart.svg.iter() if e.tag in {"style", "script"} or "style" in e.attrib]
    numbers = [
        value
        for element in chart.svg.iter()
        for name, value in element.attrib.items()
        if name in {"x", "y", "x1", "x2", "y1", "y2", "cx", "cy"}
    ]
    assert numbers and all(COORDINATE.fullmatch(value) for value in numbers), numbers
    assert all(COORDINATE.fullmatch(word) for word in chart.line.split() if word not in "MHVL")


def test_a_recorded_disbursement_raises_the_line_and_the_words(client, writer, on_day):
    record(client, writer, ADOPTION)
    record(client, writer, {"type": "disbursement", **payment("400000.00", "2025-03-03")})
    chart = drawn(client)
    assert chart.desc.startswith(
        "Utbetalt 400 000,00 kr av 1 000 000,00 kr, räknat på de utbetalningar som följer beslutets villkor."
    )
    assert "Utbetalningar som räknas: 2025-03-03 400 000,00 kr." in chart.desc
    (height,) = rises(chart)
    assert abs(share(chart, height) - Decimal("0.4")) < Decimal("0.002")  # 400 000 of 1 000 000, to a tenth of a unit
    (point,) = chart.of_class("chart-mark-counted")
    assert "2025-03-03: 400 000,00 kr, följer beslutets villkor och räknas" in said(point)
    assert "Datum Belopp, kr Räknas Summa som räknas, kr 2025-03-03 400 000,00 Ja 400 000,00" in chart.words


def test_two_payments_on_one_day_each_count_as_the_rules_count_them(client, writer, on_day):
    """The rules judge a day's utbetalningar from one source to one recipient together;
    the chart still draws each, and each counts."""
    record(client, writer, ADOPTION)
    record(client, writer, {"type": "disbursement", **payment("100000.00", "2025-03-03")})
    record(client, writer, {"type": "disbursement", **payment("200000.00", "2025-03-03")})
    chart = drawn(client)
    assert chart.desc.startswith("Utbetalt 300 000,00 kr av 1 000 000,00 kr, räknat på de utbetalningar")
    assert len(chart.of_class("chart-mark-counted")) == 2
    assert not chart.of_class("chart-mark-breach")
    assert "i strid" not in chart.desc
    assert abs(share(chart, rises(chart)[-1]) - Decimal("0.3")) < Decimal("0.002")


def test_a_payment_in_breach_of_the_conditions_is_drawn_apart_and_not_counted(client, writer, on_day):
    """Paid after an adoption that a correction then cancels, and before the adoption
    recorded instead: no decision allowed it on its day."""
    first = record(client, writer, ADOPTION)
    record(client, writer, {"type": "disbursement", **payment("100000.00", "2025-03-03")})
    record(client, writer, {"type": "correction", "corrects": first["event_id"], "reason": "Fel datum."})
    record(client, writer, {**ADOPTION, "decided_on": "2025-04-01"})
    record(client, writer, {"type": "disbursement", **payment("400000.00", "2025-05-05")})
    chart = drawn(client)
    assert chart.desc.startswith("Utbetalt 400 000,00 kr av 1 000 000,00 kr, räknat på de utbetalningar")
    assert "I strid med beslutets villkor, räknas inte: 2025-03-03 100 000,00 kr." in chart.desc
    (height,) = rises(chart)  # one step: the payment in breach adds nothing to the line
    assert abs(share(chart, height) - Decimal("0.4")) < Decimal("0.002")
    (breach,) = chart.of_class("chart-mark-breach")
    assert "strider mot beslutets villkor och räknas inte" in said(breach)
    assert breach.find("line") is not None and breach.find("path") is not None  # a dashed stroke and a cross
    assert breach.find("circle") is None
    assert "2025-03-03 100 000,00 Nej, strider mot villkoren 0,00" in chart.words
    assert "2025-05-05 400 000,00 Ja 400 000,00" in chart.words
    assert "Utbetalt i strid med villkoren (räknas inte) 100 000,00 kr" in chart.words  # as the status says
    assert "Utbetalning i strid med villkoren (kryss): räknas inte" in chart.words  # the legend


def test_the_amended_amount_is_the_line_drawn(client, writer, on_day):
    record(client, writer, {**ADOPTION, "outcome": "adopted_amended", "amended_amount": "800000.00"})
    chart = drawn(client)
    assert chart.desc.startswith("Utbetalt 0,00 kr av 800 000,00 kr.")
    (label,) = chart.of_class("chart-committed-label")
    assert said(label) == "Åtagandet 800 000,00 kr"


def test_the_period_is_extended_to_a_payment_outside_it(client, writer, on_day):
    """Under the default reading the three years set no last day: a payment in 2028 is
    allowed, and the axis runs on to the end of its year."""
    record(client, writer, ADOPTION)
    record(client, writer, {"type": "disbursement", **payment("400000.00", "2028-02-01")})
    on_day(date(2028, 3, 1))
    chart = drawn(client)
    assert chart.text("title") == "Utbetalt jämfört med åtagandet, 2025–2028"
    assert [t.text for t in chart.of_class("chart-year")] == ["2025", "2026", "2027", "2028"]
    assert "från 2025-01-01 till 2028-12-31" in chart.desc and "2028-02-01 400 000,00 kr" in chart.desc


def lifeline(chart: Drawn) -> list[str]:
    """Each marker of the decision's life, in words, in the order shown."""
    found = re.search(r'<ol class="lifeline".*?</ol>', chart.html, re.DOTALL)
    assert found
    return [Page(item).words for item in re.findall(r"<li class=\"lifeline-.*?</li>", found.group(0), re.DOTALL)]


def test_the_decision_s_life_leaves_kommunstyrelsens_unknown_date_off_the_line(client, on_day):
    chart = drawn(client)
    markers = lifeline(chart)
    assert markers[0].startswith("2024-08-26 Förslag till beslut")
    assert markers[1].startswith("2024-12-16 ERUF:s beslut om ansökan (enligt en nyhetsrapport)")
    assert "Uppgiften kommer från en nyhetsrapport" in markers[1] and "inte från ERUF:s eget beslut" in markers[1]
    assert markers[2] == "2025-06-02 I dag" and len(markers) == 3
    assert not [m for m in markers if "Kommunstyrelsens beslut" in m]
    assert "Utan känt datum Kommunstyrelsens beslut: Datum okänt." in chart.words
    assert "Tid för överklagande: Datum okänt." in chart.words


def test_a_recorded_adoption_and_its_announcement_take_their_places_in_date_order(client, writer, on_day):
    adopted = record(client, writer, {**ADOPTION, "announced_on": "2024-09-20"})
    paid = record(client, writer, {"type": "disbursement", **payment("400000.00", "2025-03-03")})
    chart = drawn(client)
    markers = lifeline(chart)
    days = [m.split()[0] for m in markers]
    assert days == sorted(days)
    assert [m.split(" ", 1)[1].split(" händelse ")[0] for m in markers] == [
        "Förslag till beslut",
        "Kommunstyrelsens beslut",
        "Tid för överklagande Från den dag då det tillkännagavs på anslagstavlan att protokollet justerats,"
        " 2024-09-20, till och med 2024-10-11 (kommunallagen 13 kap. 5 §). Tiden har gått ut.",
        "ERUF:s beslut om ansökan (enligt en nyhetsrapport)",
        "Utbetalning",
        "I dag",
    ]
    assert f"Kommunstyrelsens beslut händelse {adopted['event_id']} Kommunstyrelsen antog förslaget." in markers[1]
    assert f"Utbetalning händelse {paid['event_id']} 400 000,00 kr." in markers[4]
    assert markers[2].startswith("2024-09-20–2024-10-11 Tid för överklagande")  # kommunallagen 13 kap. 5 §
    assert "Utbetalningen följer beslutets villkor och räknas." in markers[4]
    assert "Kommunstyrelsens beslut: Datum okänt" not in chart.words
    assert "Tid för överklagande: Datum okänt" not in chart.words


def test_amount_axis_has_round_steps_and_swedish_labels():
    assert amount_step(Decimal("1000000.00")) == Decimal("250000")
    assert amount_step(Decimal("1500000.00")) == Decimal("500000")
    assert amount_step(Decimal("800000.00")) == Decimal("200000")
    assert kronor(Decimal("250000")) == "250\u00a0000 kr"
    assert kronor(Decimal("0.25")) == "0,25 kr"
