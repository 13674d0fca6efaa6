"""The scenario page, ``/decisions/{id}/scenarios``: an auditor pastes or uploads a
Swedish feature, and reads the run step by step, with links from a failure to the rule
and to the passage it quotes; the same run as the API's, and it never writes."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from tests.contract import assert_problem
from tests.test_pages import Page

ROOT = Path(__file__).resolve().parents[1]
DECISION = "ks-2024-1371-481"
PAGE = f"/decisions/{DECISION}"
SCENARIO_PAGE = f"{PAGE}/scenarios"
EVENTS = f"/v1/decisions/{DECISION}/events"

OWN = """# language: sv
Egenskap: Revisorns prövning på sidan
  Bakgrund:
    Givet att kommunstyrelsen antog förslaget 2024-09-16
    Och att ERUF godkände ansökan 2024-12-16

  @beslut-1
  Scenario: En krona över miljonen, men revisorn väntar sig att den är tillåten
    Givet att 1 000 000,00 kr betalades ut 2025-03-03
    När revisorn prövar en utbetalning om 1,00 kr den 2025-09-16
    Så ska utbetalningen vara tillåten

  Scenario: Ett steg som inte finns
    När revisorn prövar en utbetalning på 100 kr den 2025-09-16
"""


def run(client, feature: str | None = None, *, upload: bytes | None = None, **headers):
    form: dict = {} if feature is None else {"feature": feature}
    if upload is not None:
        form["fil"] = (io.BytesIO(upload), "min-provning.feature")
    return client.post(SCENARIO_PAGE, data=form, content_type="multipart/form-data", headers=headers)


def shown(response) -> Page:
    assert response.mimetype == "text/html"
    return Page(response.get_data(as_text=True))


def readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## För revisorer", 1)[1].split("\n## ", 1)[0]
    return section.split("```gherkin\n", 1)[1].split("```", 1)[0]


def test_the_form_works_without_script_and_starts_with_the_readmes_example(client):
    response = client.get(SCENARIO_PAGE)
    assert response.status_code == 200
    seen = shown(response)
    (form,) = seen.attributes["form"]
    assert (form["method"], form["enctype"]) == ("post", "multipart/form-data")
    assert form["action"].split("#")[0] == SCENARIO_PAGE
    html = response.get_data(as_text=True)
    textarea = re.search(r'<textarea id="feature" name="feature"[^>]*>(.*?)</textarea>', html, re.S)
    assert textarea is not None
    assert textarea.group(1).replace("&#34;", '"').replace("&quot;", '"') == readme_example()
    assert {"feature", "fil"} <= {a.get("id") for a in seen.attributes["textarea"] + seen.attributes["input"]}
    labels = {a["for"] for a in seen.attributes["label"]}
    assert {"feature", "fil"} <= labels  # every control has its label
    assert "script" not in seen.tags


def test_the_readmes_example_passes_on_the_page(client):
    response = run(client, readme_example())
    assert response.status_code == 200
    words = shown(response).words
    assert "2 scenarier kördes. Höll: 2. Höll inte: 0. Kunde inte köras helt: 0." in words


def test_a_failure_says_what_was_expected_and_links_the_rule_and_the_quoted_text(client):
    response = run(client, OWN)
    assert response.status_code == 200
    seen = shown(response)
    words = seen.words
    assert "2 scenarier kördes. Höll: 0. Höll inte: 1. Kunde inte köras helt: 1." in words
    assert "Höll inte En krona över miljonen, men revisorn väntar sig att den är tillåten" in words
    assert "Höll inte: Så ska utbetalningen vara tillåten (rad 11)" in words
    assert (
        "Väntat: utbetalningen är tillåten. Svar: utbetalningen nekas på grund av beloppsgränsen."
        " Regeln om beloppsgränsen säger: Med utbetalningen 2025-09-16 skulle utbetalningarna uppgå till"
        " 1 000 001,00 kr, vilket är 1,00 kr mer än 1 000 000,00 kr." in words
    )
    assert (
        "Regeln om beloppsgränsen (”Utbetalningarna överstiger inte en miljon kronor”) bygger på (i API:t amount-cap):"
        " Beslutspunkt 1: ”Medfinansiering om en miljon kronor under tre år”" in words
    )
    assert "taggar: beslut-1" in words and "Tolkningar som svaren bygger på: de tre åren: projektets tre år" in words
    # The rule and the quoted passage are places on the decision page.
    decision_page = Page(client.get(PAGE).get_data(as_text=True))
    targets = [href for href in seen.links if href.startswith(PAGE + "#")]
    assert f"{PAGE}#regel-amount-cap-beslut-1" in targets and f"{PAGE}#beslut-1" in targets
    assert f"{PAGE}#ekonomiska-konsekvenser" in targets
    assert [href for href in targets if href.split("#")[1] not in decision_page.ids] == []


def test_an_unknown_step_is_named_with_the_closest_phrasings(client):
    words = shown(run(client, OWN)).words
    assert "Kunde inte köras helt Ett steg som inte finns" in words
    assert "Okänt steg: När revisorn prövar en utbetalning på 100 kr den 2025-09-16" in words
    assert (
        "(rad 14) Närmast kända formuleringar: revisorn prövar en utbetalning om 100 000,00 kr den 2025-06-02" in words
    )


def test_the_page_answers_as_the_api_does(client):
    """The same runner and worlds: each scenario's verdict and each step's status alike."""
    by_api = client.post(f"/v1/decisions/{DECISION}/scenarios", json={"feature": OWN}).json
    html = run(client, OWN).get_data(as_text=True)
    verdicts = re.findall(r'<article class="scenario scenario-(\w+)"', html)
    steps = re.findall(r'<li class="step step-(\w+)">', html)
    assert verdicts == [s["status"] for s in by_api["scenarios"]]
    assert steps == [step["status"] for s in by_api["scenarios"] for step in s["steps"]]


def test_an_uploaded_file_is_run_instead_of_the_text(client):
    response = run(client, "inte det här", upload=readme_example().encode("utf-8"))
    assert response.status_code == 200
    seen = shown(response)
    assert "2 scenarier kördes. Höll: 2." in seen.words
    assert "Min prövning av utbetalningar" in response.get_data(as_text=True)  # the file is shown in the box


def test_a_file_sent_as_the_text_field_is_run_too(client):
    """curl -F feature=@min-provning.feature: the text's field, sent as a file."""
    form = {"feature": (io.BytesIO(readme_example().encode("utf-8")), "min-provning.feature")}
    response = client.post(SCENARIO_PAGE, data=form, content_type="multipart/form-data")
    assert response.status_code == 200 and "2 scenarier kördes. Höll: 2." in shown(response).words


def test_the_page_never_writes_and_says_why_a_writing_step_was_skipped(client):
    before = client.get(EVENTS).json["total"]
    feature = (ROOT / "features" / "registrerade_fakta.feature").read_text(encoding="utf-8")
    response = run(client, feature)
    assert response.status_code == 200
    assert "Hoppades över:" in shown(response).words
    assert "Steget skulle skriva i händelseloggen och körs inte här" in shown(response).words
    assert client.get(EVENTS).json["total"] == before


@pytest.mark.parametrize(
    ("sent", "upload", "status", "said"),
    [
        ("", None, 400, "Klistra in ett scenario i rutan, eller välj en fil, och kör igen."),
        (
            "Egenskap: x\n  Scenario: a\n    Givet att z\nEgenskap: y\n",
            None,
            400,
            "Texten är inte Gherkin: rad 4, kolumn 1.",
        ),
        ("", b"\xff\xfe Egenskap", 400, "Filen är inte text i UTF-8 (byte 1 kan inte stå där)."),
        (
            "# language: sv\nEgenskap: x\x07\n",
            None,
            400,
            "Rad 2, kolumn 12: tecknet U+0007 är ett styrtecken; ta bort det.",
        ),
        ("#" * 70_000, None, 413, "Texten är större än 65\u00a0536 byte. Dela upp den i flera filer."),
        ("", b"#" * 70_000, 413, "Filen är större än 65\u00a0536 byte."),
        (
            "# language: sv\nEgenskap: x\n"
            + "".join(f"  Scenario: s{i}\n    Så ska utbetalningen vara tillåten\n" for i in range(101)),
            None,
            422,
            "101 scenarier; högst 100 körs åt gången. Dela upp filen.",
        ),
    ],
)
def test_what_cannot_run_is_shown_again_with_what_was_wrong_in_swedish(client, sent, upload, status, said):
    response = run(client, sent, upload=upload)
    assert response.status_code == status
    seen = shown(response)
    assert "Scenarierna kunde inte köras" in seen.words and said in response.get_data(as_text=True).replace(
        "&#39;", "'"
    )
    assert "alert" in {a.get("role") for a in seen.attributes["div"]}
    assert response.headers["Cache-Control"] == "no-store"


def test_a_client_that_asks_for_a_problem_gets_one(client):
    broken = "Egenskap: x\n  Scenario: a\n    Givet att z\nEgenskap: y\n"
    answer = run(client, broken, Accept="application/problem+json")
    assert_problem(answer, 400)
    assert (
        answer.json["type"] == "http://127.0.0.1:8000/problems/not-gherkin"
        and "Line 4, column 1" in answer.json["detail"]
    )
    assert_problem(client.post(SCENARIO_PAGE, json={"feature": OWN}), 415)
    assert_problem(client.post("/decisions/ks-1999-1-1/scenarios", data={"feature": OWN}), 404)


def test_what_a_scenario_says_is_shown_as_text_never_as_markup(client):
    hostile = OWN.replace("Ett steg som inte finns", '<script>alert("x")</script><img src=x onerror=alert(1)>')
    html = run(client, hostile).get_data(as_text=True)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_the_decision_page_links_the_scenario_page(client):
    assert SCENARIO_PAGE in Page(client.get(PAGE).get_data(as_text=True)).links


def test_a_passage_of_another_document_is_linked_where_the_decision_page_shows_it(client):
    """The period rule also quotes lag (1930:173) 1 §: its passage has an id of its own."""
    late = """# language: sv
Egenskap: Utanför budgetåren
  Scenario: En utbetalning 2028 under den strikta läsningen
    Givet att kommunstyrelsen antog förslaget 2024-09-16
    Och att ERUF godkände ansökan 2024-12-16
    Och att revisorn för de tre åren väljer tolkningen "budgetåren 2025–2027"
    När revisorn prövar en utbetalning om 100 000,00 kr den 2028-01-15
    Så ska utbetalningen vara tillåten
"""
    seen = shown(run(client, late))
    assert "Regeln om tidsramen" in seen.words
    decision_page = Page(client.get(PAGE).get_data(as_text=True))
    targets = [href.split("#")[1] for href in seen.links if href.startswith(PAGE + "#")]
    assert "kalla-lag-1930-173-om-berakning-av-lagstadgad-tid-1" in targets
    assert [t for t in targets if t not in decision_page.ids] == []


def test_a_form_of_too_many_fields_is_refused_for_what_it_is(client):
    form = {f"f{number}": "x" for number in range(1500)}
    answer = client.post(SCENARIO_PAGE, data=form, content_type="multipart/form-data")
    problem = assert_problem(answer, 413)
    assert "too many fields" in problem["detail"]
