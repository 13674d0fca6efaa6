"""The pages for people: Swedish HTML with the status in words, the three beslutspunkter
beside their rules and scenarios, the events, and links that lead somewhere."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from rules import load_decision
from service.steps import runner, shipped
from tests.contract import assert_problem
from tests.recording import record, registrar

DECISION = "ks-2024-1371-481"
PAGE = f"/decisions/{DECISION}"
SCENARIO_PAGE = f"{PAGE}/scenarios"
EVENTS = f"/v1/decisions/{DECISION}/events"
#: Links to other formats than JSON, and the media type each must answer with.
FORMATS = {"/v1/catalog": "application/rdf+xml", f"{EVENTS}?format=csv": "text/csv"}
INLINE = frozenset({"a", "strong", "em", "span", "code", "time", "abbr"})


class Page(HTMLParser):
    """What a reader and a screen reader meet: the text, headings, landmarks, links, ids."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.text: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.tags: list[str] = []
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.attributes: dict[str, list[dict[str, str | None]]] = {}
        self._heading: int | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        self.tags.append(tag)
        self._boundary(tag)
        self.attributes.setdefault(tag, []).append(found)
        if "id" in found:
            self.ids.add(found["id"])
        if tag == "a" and found.get("href"):
            self.links.append(found["href"])
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self._heading = int(tag[1])
            self.headings.append((self._heading, ""))

    def handle_endtag(self, tag):
        self._boundary(tag)
        if self._heading is not None and tag == f"h{self._heading}":
            self._heading = None

    def handle_data(self, data):
        self.text.append(data)
        if self._heading is not None:
            level, words = self.headings[-1]
            self.headings[-1] = (level, words + data)

    def _boundary(self, tag):
        if tag not in INLINE:
            self.text.append(" ")

    @property
    def words(self) -> str:
        return " ".join("".join(self.text).split())


@pytest.fixture
def writer(app):
    return registrar(app)


def page(client, path: str = PAGE) -> Page:
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == "text/html"
    return Page(response.get_data(as_text=True))


def test_decision_page_is_swedish_html_for_a_phone(client):
    response = client.get(PAGE)
    html = response.get_data(as_text=True)
    assert response.mimetype == "text/html"
    assert '<html lang="sv">' in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html


def test_decision_page_shows_title_diarienummer_and_date(client):
    words = page(client).words
    decision = load_decision(DECISION)
    assert decision.data["title"] in words
    assert "Diarienummer KS-2024/1371.481" in words and "Datum 2024-08-26" in words


def test_decision_page_words_the_status_from_the_shipped_facts(client, on_day):
    words = page(client).words
    assert "Status i dag, 2025-06-02" in words
    assert (
        "Åtagandet är föreslaget: inget beslut av kommunstyrelsen i ärendet är registrerat per 2025-06-02; ett"
        " förslag till beslut binder inte kommunen." in words
    )
    assert "har inte antagit" not in words  # only not recorded (issue 9)
    assert "Dagen då kommunstyrelsen antog förslaget är inte känd här." in words


def test_decision_page_shows_each_beslutspunkt_beside_its_rules_and_scenarios(client):
    seen = page(client)
    words = seen.words
    for point in load_decision(DECISION).data["decision_points"]:
        assert f"Beslutspunkt {point['number']} {point['text']}" in words
        assert point["anchor"] in seen.ids
    beslut_1 = words.split("Beslutspunkt 1", 1)[1].split("Beslutspunkt 2", 1)[0]
    assert "amount-cap" in beslut_1 and "recipient" in beslut_1
    assert "Uppfylld Utbetalningarna överstiger inte en miljon kronor" in beslut_1
    assert "En utbetalning som gör summan 0,01 kr för stor nekas (features/beslutspunkt_1.feature" in beslut_1
    beslut_3 = words.split("Beslutspunkt 3", 1)[1].split("Andra delar av texten", 1)[0]
    assert "eruf-approval" in beslut_3 and "ERUF godkände ansökan 2024-12-16" in beslut_3


def test_every_scenario_in_features_appears_on_the_decision_page(client):
    words = page(client).words
    missing = [s.title for s in shipped.index() if s.title not in words]
    assert not missing


def test_outcomes_are_written_as_words_not_only_colours(client):
    words = page(client).words
    assert "Ännu inte avgjord Kommunstyrelsen har antagit förslaget adoption" in words
    assert "Inte tillämplig" in words


def test_decision_page_shows_the_financing_plan(client):
    words = page(client).words
    assert "Finansiär och slag av bidrag Belopp, kr Andel" in words
    assert "Region Stockholm medfinansiering (formen anges inte) 3 000 000,00 27,3 %" in words
    assert "Europeiska regionala utvecklingsfonden (ERUF) EU-fond 4 400 000,00 40,0 %" in words
    assert "Karolinska Institutet och RS Life Science arbete (in natura) 100 000,00 0,9 %" in words
    assert "Summa (angiven total 11 000 000,00 kr) 11 000 000,00 100 %" in words


def test_timeline_shows_sources_recorded_events_and_corrections(client, writer, on_day):
    record(client, writer, {"type": "adoption", "decided_on": "2024-09-16", "body": "Kommunstyrelsen"})
    wrong = record(
        client,
        writer,
        {
            "type": "disbursement",
            "paid_on": "2025-03-03",
            "amount": "400000.00",
            "funding_source": "reserverade-medel-for-oforutsett",
            "recipient": "stiftelsen-flemingsberg-science",
            "source": {"url": "https://example.org/verifikation/17", "evidence": "voucher"},
        },
    )
    fix = record(client, writer, {"type": "correction", "corrects": wrong["event_id"], "reason": "Fel belopp."})
    seen = page(client)
    words = seen.words
    assert "Källa: Cluster Engine Flemingsberg – ERDF Project for Growth in Life Science" in words
    assert "(underlag: nyhetsrapport)" in words
    assert "2024-09-16 Kommunstyrelsens beslut" in words
    assert "400 000,00 kr till Stiftelsen Flemingsberg Science, ur reserverade medel för oförutsett." in words
    assert f"Rättad genom händelse {fix['event_id']}; räknas inte längre." in words
    assert f"Rättelse (händelse {fix['event_id']}) Rättar händelse {wrong['event_id']}: Fel belopp." in words
    assert "https://example.org/verifikation/17" in seen.links
    assert "Åtagandet är gällande: kommunstyrelsen antog förslaget 2024-09-16 och ERUF godkände ansökan" in words
    assert "1 000 000,00 kr av 1 000 000,00 kr återstår att betala ut" in words  # the correction cancelled the payment
    assert "Dagen då Kommunstyrelsen antog förslaget" not in words


def test_an_adoption_dated_after_today_does_not_count_yet(client, writer, on_day):
    record(client, writer, {"type": "adoption", "decided_on": "2025-09-15", "body": "Kommunstyrelsen"})
    words = page(client).words
    assert "Åtagandet är föreslaget: inget beslut av kommunstyrelsen i ärendet är registrerat per 2025-06-02" in words
    assert "Räknas inte ännu: daterad efter i dag." in words


def test_headings_are_in_order_with_one_h1(client):
    for path in ("/", PAGE, SCENARIO_PAGE):
        levels = [level for level, _ in page(client, path).headings]
        assert levels.count(1) == 1 and levels[0] == 1, path
        skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        assert not skips, path


def test_every_id_on_the_pages_is_one_word_and_used_once(client):
    """An id with a space is no id (HTML), and a fragment link must find one place."""
    for path in ("/", PAGE, SCENARIO_PAGE):
        ids = [a["id"] for attributes in page(client, path).attributes.values() for a in attributes if "id" in a]
        assert [i for i in ids if not i or any(c.isspace() for c in i)] == [], path
        assert len(ids) == len(set(ids)), path


def test_pages_have_landmarks_and_a_skip_link(client):
    for path in ("/", PAGE, SCENARIO_PAGE):
        seen = page(client, path)
        assert {"header", "nav", "main", "footer"} <= set(seen.tags), path
        assert seen.links[0] == "#innehall" and "innehall" in seen.ids, path


def test_pages_load_nothing_from_elsewhere_and_run_no_script(client):
    for path in ("/", PAGE, SCENARIO_PAGE):
        seen = page(client, path)
        assert "script" not in seen.tags
        stylesheets = [a["href"] for a in seen.attributes["link"] if a.get("rel") == "stylesheet"]
        assert stylesheets == ["/assets/medfin.css"]


def test_stylesheet_is_served_by_the_app(client):
    response = client.get("/assets/medfin.css")
    assert response.status_code == 200 and response.mimetype == "text/css"
    assert ":focus-visible" in response.get_data(as_text=True)


def test_home_page_lists_the_decisions_with_their_status_and_link(client, on_day):
    seen = page(client, "/")
    assert PAGE in seen.links and "/v1/decisions?format=csv" in seen.links
    assert "Status i dag: Åtagandet är föreslaget" in seen.words


def test_links_on_the_pages_resolve_in_the_app(client):
    links = {href for path in ("/", PAGE, SCENARIO_PAGE) for href in page(client, path).links}
    assert set(FORMATS) <= links
    local = sorted(href for href in links if href.startswith("/"))
    assert {f"/v1/decisions/{DECISION}/financing-plan?format=csv", "/openapi.yaml", "/docs"} <= set(local)
    broken = [(href, client.get(href).status_code) for href in local]
    assert [b for b in broken if b[1] != 200] == []
    fragments = [href for href in links if href.startswith("#")]
    assert all(href[1:] in page(client).ids for href in fragments if href != "#innehall")


@pytest.mark.parametrize(("href", "media_type"), sorted(FORMATS.items()))
def test_links_to_other_formats_answer_in_those_formats(client, href, media_type):
    response = client.get(href)
    assert (response.status_code, response.mimetype) == (200, media_type)


def test_csv_links_answer_csv(client):
    response = client.get(f"/v1/decisions/{DECISION}/financing-plan?format=csv")
    assert response.mimetype == "text/csv"
    assert response.get_data(as_text=True).startswith("contribution_id,")


def test_unknown_decision_page_is_a_404_problem(client):
    assert_problem(client.get("/decisions/ks-1999-1-1"), 404)


def test_scenario_index_reads_tags_rules_and_outlines():
    text = (
        "# language: sv\n@tema\nEgenskap: X\n  Regel: R\n    @beslut-9 @status\n"
        "    Scenario: Ett\n      Givet något\n    @beslut-9\n    Scenariomall: Två\n      Exempel:\n"
    )
    document, _ = runner.parse_feature(text, "features/x.feature")
    found = shipped.scenarios_of(document, "features/x.feature")
    assert [(s.title, s.tags, s.rule, s.line) for s in found] == [
        ("Ett", ("tema", "beslut-9", "status"), "R", 6),
        ("Två", ("tema", "beslut-9"), "R", 9),
    ]


def test_scenario_index_is_empty_without_features(tmp_path):
    assert shipped.index(tmp_path / "missing") == ()


def test_scenario_index_covers_every_scenario_in_features():
    written = sum(
        line.lstrip().startswith(("Scenario:", "Scenariomall:", "Abstrakt Scenario:"))
        for feature in shipped.FEATURES.glob("*.feature")
        for line in feature.read_text(encoding="utf-8").splitlines()
    )
    assert written == len(shipped.index()) > 0
    assert all(urlsplit(s.path).path.startswith("features/") for s in shipped.index())
