"""``medfin scenarios run``: an auditor's own Swedish scenarios, run by the same step
vocabulary as the shipped features (issue 10)."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from service.cli import main

FEATURES = Path(__file__).parents[1] / "features"
SHIPPED = sorted(FEATURES.glob("*.feature"))

OWN = """# language: sv
Egenskap: Revisorns egen prövning
  Bakgrund:
    Givet att kommunstyrelsen antog förslaget 2024-09-16
    Och att ERUF godkände ansökan 2024-12-16

  @beslut-1
  Scenario: Hade vi betalat 100 000 kr den 16 september 2025, hade det varit tillåtet?
    När revisorn prövar en utbetalning om 100 000,00 kr den 2025-09-16
    Så ska utbetalningen vara tillåten

  @beslut-1
  Scenario: En krona över miljonen, men revisorn väntar sig att den är tillåten
    När revisorn prövar en utbetalning om 1 000 001,00 kr den 2025-09-16
    Så ska utbetalningen vara tillåten
    Och regeln om beloppsgränsen ska vara "uppfylld"

  Scenario: Ett steg som inte finns
    När revisorn prövar en utbetalning på 100 kr den 2025-09-16
"""


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def invoke(*arguments: str, text: str | None = None):
        if text is not None:
            (tmp_path / "egen.feature").write_text(text, encoding="utf-8")
        return CliRunner().invoke(main, ["scenarios", "run", *arguments])

    return invoke


def test_every_shipped_feature_passes_through_the_runner(run):
    """The registrar's scenarios too: each that writes gets a throwaway store of its own."""
    result = run(*(str(path) for path in SHIPPED), "--json")
    document = json.loads(result.output)
    failing = [(s["feature"], s["line"], s["status"]) for s in document["scenarios"] if s["status"] != "passed"]
    assert (result.exit_code, failing) == (0, [])
    assert document["summary"]["passed"] == len(document["scenarios"]) >= 140


def test_an_auditors_own_file_says_step_by_step_what_held_and_why_not(run):
    result = run("egen.feature", text=OWN)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "egen.feature:8: Hade vi betalat 100 000 kr den 16 september 2025, hade det varit tillåtet? — höll" in lines
    assert "  ✗ Så ska utbetalningen vara tillåten" in lines
    failure = lines[lines.index("  ✗ Så ska utbetalningen vara tillåten") + 1]
    assert "Väntat: utbetalningen är tillåten. Svar: utbetalningen nekas på grund av beloppsgränsen." in failure
    assert "Regeln om beloppsgränsen säger: Med utbetalningen 2025-09-16 skulle utbetalningarna uppgå till" in failure
    assert "[beslut-1] ”Medfinansiering om en miljon kronor under tre år”" in failure
    assert '  – Och regeln om beloppsgränsen ska vara "uppfylld"' in lines  # skipped after the failure
    assert "  ? När revisorn prövar en utbetalning på 100 kr den 2025-09-16" in lines
    assert "Närmast kända: revisorn prövar en utbetalning om 100 000,00 kr den 2025-06-02" in result.output
    assert lines[-1] == (
        "3 scenarier. Höll: 1. Höll inte: 1. Kunde inte köras helt (okänt steg, eller ett steg som"
        " skulle skriva där inget får skrivas): 1."
    )


def test_the_json_answer_has_the_issues_shape(run):
    document = json.loads(run("egen.feature", "--json", text=OWN).output)
    assert document["summary"] == {"passed": 1, "failed": 1, "undefined": 1}
    failed = document["scenarios"][1]
    assert set(failed) == {"name", "feature", "line", "tags", "status", "steps", "interpretations"}
    assert (failed["tags"], failed["status"], failed["interpretations"]["three-years"]) == (
        ["beslut-1"],
        "failed",
        "project-years",
    )
    statuses = [(s["keyword"], s["status"]) for s in failed["steps"]]
    assert statuses == [("Givet", "passed"), ("Och", "passed"), ("När", "passed"), ("Så", "failed"), ("Och", "skipped")]
    broken = failed["steps"][3]
    assert broken["rule"]["rule_id"] == "amount-cap" and broken["message"]["en"].startswith("Expected:")
    assert document["scenarios"][2]["steps"][2]["suggestions"]


def test_tags_select_and_junit_is_written(run, tmp_path):
    result = run("egen.feature", "--tags", "beslut-1", "--junit", "resultat.xml", text=OWN)
    assert result.exit_code == 1
    suite = ElementTree.parse(tmp_path / "resultat.xml").getroot().find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "1", "0")
    assert run("egen.feature", "--tags", "finns-inte").exit_code == 1  # nothing selected is no pass


def test_a_file_that_is_not_gherkin_exits_2_with_the_parsers_line_and_column(run):
    result = run("egen.feature", text="Egenskap: x\n  Scenario: y\n    Givet z\n  det här är ingen Gherkin\n")
    assert result.exit_code == 2
    assert "egen.feature:4:3: inte Gherkin:" in result.output
    assert run("saknas.feature").exit_code == 2


def test_the_readmes_example_for_auditors_runs_as_written(run):
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## För revisorer", 1)[1].split("\n## ", 1)[0]
    example = section.split("```gherkin\n", 1)[1].split("```", 1)[0]
    result = run("egen.feature", text=example)
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        0,
        "2 scenarier. Höll: 2. Höll inte: 0. Kunde inte köras helt (okänt steg, eller ett steg som"
        " skulle skriva där inget får skrivas): 0.",
    )


def test_the_vocabulary_is_served_and_every_example_is_read_by_its_own_phrasing(client):
    from service.steps.runner import match

    answer = client.get("/v1/steps")
    assert answer.status_code == 200 and answer.headers["ETag"]
    steps = answer.json["steps"]
    assert len(steps) >= 40 and answer.json["language"] == "sv"
    for entry in steps:
        assert entry["example"], entry["phrasing"]
        found = match(entry["example"])
        assert found is not None and entry["phrasing"] in found[0].texts, entry
    amounts = [p for s in steps for p in s["parameters"] if p["type"] == "Belopp"]
    assert amounts and amounts[0]["example"] == "400 000,00 kr"


SCENARIOS = "/v1/decisions/ks-2024-1371-481/scenarios"


def test_the_api_runs_a_feature_sent_as_gherkin_or_json_and_answers_as_the_cli_does(client, run):
    by_cli = json.loads(run("egen.feature", "--json", text=OWN).output)
    as_text = client.post(SCENARIOS, data=OWN.encode(), content_type="text/x-gherkin")
    as_json = client.post(SCENARIOS, json={"feature": OWN})
    assert as_text.status_code == as_json.status_code == 200
    assert as_text.json == as_json.json
    for scenario in by_cli["scenarios"]:
        scenario["feature"] = "request"
    assert as_text.json == by_cli


def test_the_api_never_writes_a_step_that_would_is_skipped_with_the_reason(client):
    before = client.get("/v1/decisions/ks-2024-1371-481/events").json["total"]
    feature = (FEATURES / "registrerade_fakta.feature").read_text(encoding="utf-8")
    answer = client.post(SCENARIOS, json={"feature": feature}).json
    writing = next(s for s in answer["scenarios"] if s["status"] == "undefined")
    skipped = next(step for step in writing["steps"] if step["status"] == "skipped")
    assert "i en körande tjänst (API:t, sidan, --url) skrivs aldrig något" in skipped["message"]["sv"]
    assert client.get("/v1/decisions/ks-2024-1371-481/events").json["total"] == before


def test_the_api_refuses_what_is_not_gherkin_or_past_its_bounds(client):
    broken = b"Egenskap: x\n  Scenario: a\n    Givet att z\nEgenskap: y\n"
    not_gherkin = client.post(SCENARIOS, data=broken, content_type="text/x-gherkin")
    assert (not_gherkin.status_code, not_gherkin.json["type"]) == (400, "http://127.0.0.1:8000/problems/not-gherkin")
    assert "Line 4, column 1" in not_gherkin.json["detail"]
    assert client.post(SCENARIOS, data=b"#" * 70_000, content_type="text/x-gherkin").status_code == 413
    many = "# language: sv\nEgenskap: x\n" + "".join(
        f"  Scenario: s{i}\n    Så ska utbetalningen vara tillåten\n" for i in range(101)
    )
    too_many = client.post(SCENARIOS, data=many.encode(), content_type="text/x-gherkin")
    assert (too_many.status_code, too_many.json["type"]) == (
        422,
        "http://127.0.0.1:8000/problems/scenario-run-too-large",
    )
    assert client.post(SCENARIOS, data=b"x", content_type="text/plain").status_code == 415


def test_a_refused_registration_that_says_other_words_is_quoted_as_a_reader_writes(run):
    feature = """# language: sv
Egenskap: Registratorns utbetalning
  Scenario: Regeln säger något annat än revisorn väntar sig
    Givet att registratorn har registrerat att kommunstyrelsen antog förslaget 2024-09-16 enligt protokollet "KS § 12"
    När registratorn registrerar en utbetalning om 100 000,00 kr den 2025-03-03 till "botkyrka-kommun"
    Så ska registreringen nekas på grund av mottagaren
    Och regeln om mottagaren, som inte är uppfylld, ska säga "helt andra ord"
"""
    result = run("egen.feature", text=feature)
    assert result.exit_code == 1
    assert "Väntat: regeln säger ”helt andra ord”. Svar: regeln säger ”" in result.output
    assert "\\u201d" not in result.output


WHOLE_KRONOR = """# language: sv
Egenskap: Belopp i hela kronor
  Scenario: 100 000 kr utan ören läses som 100 000,00 kr
    Givet att kommunstyrelsen antog förslaget 2024-09-16
    Och att ERUF godkände ansökan 2024-12-16
    Och att 900 000 kr betalades ut 2025-03-03
    När revisorn prövar en utbetalning om 100 000 kr den 2025-09-16
    Så ska utbetalningen vara tillåten
    Och ska utbetalt vara 900 000,00 kr och kvar 100 000 kr
"""


def test_amounts_in_whole_kronor_read_as_the_same_amount(run):
    result = run("egen.feature", "--json", text=WHOLE_KRONOR)
    assert (result.exit_code, json.loads(result.output)["summary"]) == (0, {"passed": 1, "failed": 0, "undefined": 0})


@pytest.fixture(scope="module")
def live_service(tmp_path_factory):
    from tests.server_process import serving_a_module

    for server in serving_a_module(tmp_path_factory.mktemp("live")):
        yield f"http://{server.host}:{server.port}/"


@pytest.mark.slow
def test_url_asks_a_running_service_and_answers_as_in_process(run, live_service):
    in_process = json.loads(run("egen.feature", "--json", text=OWN).output)
    remote = run("egen.feature", "--json", "--url", live_service)
    assert remote.exit_code == 1
    assert json.loads(remote.output) == in_process


@pytest.mark.slow
def test_url_never_writes_and_an_unreachable_service_exits_2(run, live_service):
    import requests

    events = f"{live_service}v1/decisions/ks-2024-1371-481/events"
    before = requests.get(events, timeout=10).json()
    registrar = str(FEATURES / "registrerade_fakta.feature")
    document = json.loads(run(registrar, "--json", "--url", live_service).output)
    skipped = [step for s in document["scenarios"] for step in s["steps"] if step["status"] == "skipped"]
    assert skipped and "skriva i händelseloggen" in skipped[0]["message"]["sv"]
    assert "Kör filen med medfin scenarios run utan --url" in skipped[0]["message"]["sv"]
    assert requests.get(events, timeout=10).json() == before  # the live log is as it was
    unreachable = run("egen.feature", "--url", "http://127.0.0.1:9/", text=OWN)
    assert unreachable.exit_code == 2
    assert "Tjänsten svarar inte som medfin" in unreachable.output


NAMED_READING = """# language: sv
Egenskap: Tolkningar med sina svenska namn
  Scenario: Budgetåren som tidsgräns nekar en utbetalning 2028
    Givet att kommunstyrelsen antog förslaget 2024-09-16
    Och att ERUF godkände ansökan 2024-12-16
    Och att revisorn för de tre åren väljer tolkningen "budgetåren 2025–2027"
    När revisorn prövar en utbetalning om 100 000 kr den 2028-01-15
    Så ska utbetalningen nekas på grund av tidsramen

  Scenario: En läsning som inte finns
    Givet att revisorn för de tre åren väljer tolkningen "fem år"
"""


def test_a_reading_is_chosen_by_its_swedish_name_and_the_result_names_the_readings(run):
    document = json.loads(run("egen.feature", "--json", text=NAMED_READING).output)
    chosen, unknown = document["scenarios"]
    assert chosen["status"] == "passed"
    assert chosen["interpretations"]["three-years"] == "budget-years-2025-2027"
    assert unknown["status"] == "failed"
    assert "”fem år” är inget känt namn här" in unknown["steps"][0]["message"]["sv"]
    assert "projektets tre år" in unknown["steps"][0]["message"]["sv"]
    text = run("egen.feature", text=NAMED_READING).output
    assert "  Tolkningar: de tre åren: budgetåren 2025–2027; ett lägre beviljat belopp: räknas som godkännande" in text


AS_AN_AUDITOR_WRITES = """# language: sv
Egenskap: Som en revisor skriver
  Bakgrund:
    Givet att kommunstyrelsen antog förslaget 2024-09-16
    Och att ERUF godkände ansökan 2024-12-16

  Scenario: Mottagaren med det namn tjänsteskrivelsen använder
    När revisorn prövar en utbetalning om 100 000,00 kr den 2025-09-16 till Flemingsberg Science
    Så ska utbetalningen vara tillåten

  Scenario: Finansieringskällan med sitt svenska namn
    När revisorn prövar en utbetalning om 100 000,00 kr den 2025-09-16 från "reserverade medel för oförutsett"
    Så ska utbetalningen vara tillåten

  Scenario: En annan källa, med sitt svenska namn
    När revisorn prövar en utbetalning om 100 000,00 kr den 2025-09-16 från "kommunstyrelsens anslag"
    Så ska utbetalningen nekas på grund av finansieringskällan

  Scenario: Ett vanligt bindestreck i läsningens namn
    Givet att revisorn för de tre åren väljer tolkningen "budgetåren 2025-2027"
    När revisorn prövar en utbetalning om 100 000 kr den 2028-01-15
    Så ska utbetalningen nekas på grund av tidsramen
"""


def test_names_are_read_as_an_auditor_writes_them(run):
    """The recipient as the tjänsteskrivelse names it, the funding source by its Swedish
    name, and a reading's name typed with a plain hyphen for its en dash."""
    document = json.loads(run("egen.feature", "--json", text=AS_AN_AUDITOR_WRITES).output)
    assert [(s["name"], s["status"]) for s in document["scenarios"]] == [
        ("Mottagaren med det namn tjänsteskrivelsen använder", "passed"),
        ("Finansieringskällan med sitt svenska namn", "passed"),
        ("En annan källa, med sitt svenska namn", "passed"),
        ("Ett vanligt bindestreck i läsningens namn", "passed"),
    ]


IMPOSSIBLE_DAY = """# language: sv
Egenskap: En dag som inte finns
  Scenario: Den 30 februari
    Givet att kommunstyrelsen antog förslaget 2024-02-30
    Så ska utbetalningen vara tillåten
"""


def test_an_impossible_date_fails_its_step_with_a_swedish_message(run, client):
    """Not a traceback, not a 500: the step fails and says why."""
    result = run("egen.feature", "--json", text=IMPOSSIBLE_DAY)
    assert result.exit_code == 1
    (scenario,) = json.loads(result.output)["scenarios"]
    first, after = scenario["steps"]
    assert (first["status"], after["status"]) == ("failed", "skipped")
    assert first["message"]["sv"] == "2024-02-30 är inget datum i kalendern; skriv en dag som finns, som 2025-03-03."
    answer = client.post(SCENARIOS, data=IMPOSSIBLE_DAY.encode(), content_type="text/x-gherkin")
    assert answer.status_code == 200 and answer.json["summary"]["failed"] == 1


WRONGLY_REFUSED = """# language: sv
Egenskap: Revisorn väntar sig ett nej
  Scenario: En tillåten utbetalning som revisorn tror nekas
    Givet att kommunstyrelsen antog förslaget 2024-09-16
    Och att ERUF godkände ansökan 2024-12-16
    När revisorn prövar en utbetalning om 100 000,00 kr den 2025-09-16
    Så ska utbetalningen nekas på grund av beloppsgränsen och mottagaren
"""


def test_a_refusal_that_did_not_come_quotes_the_rule_that_held(run):
    (scenario,) = json.loads(run("egen.feature", "--json", text=WRONGLY_REFUSED).output)["scenarios"]
    failed = scenario["steps"][-1]
    assert failed["message"]["sv"].startswith(
        "Väntat: utbetalningen nekas på grund av beloppsgränsen och mottagaren. Svar: utbetalningen är tillåten."
        " Regeln om beloppsgränsen säger:"
    )
    assert failed["rule"]["rule_id"] == "amount-cap"
    assert failed["rule"]["citations"][0]["anchor"] == "beslut-1"


AS_WRITTEN_IN_PROSE = """# language: sv
Egenskap: Datum och belopp som de skrivs
  Scenario: Hade vi betalat 100 000 kr den 16 september 2025, hade det varit tillåtet?
    Givet att kommunstyrelsen antog förslaget den 16 september 2024
    Och att ERUF godkände ansökan 2024-12-16
    När revisorn prövar en utbetalning om 100000.00 den 16 september 2025
    Så är utbetalningen tillåten

  Scenario: Beloppet med SEK och utan ören
    Givet att kommunstyrelsen antog förslaget 2024-09-16
    Och att ERUF godkände ansökan 2024-12-16
    Och att 1000000 SEK betalades ut 3 mars 2025
    När revisorn prövar en utbetalning om 0.01 den 2025-09-16
    Så ska utbetalningen nekas på grund av beloppsgränsen
"""


def test_dates_and_amounts_read_as_swedish_prose_or_plain_notation(run):
    """ "den 16 september 2024", "100000.00", "1000000 SEK", "0.01": the same days and
    amounts as 2024-09-16 and 100 000,00 kr."""
    document = json.loads(run("egen.feature", "--json", text=AS_WRITTEN_IN_PROSE).output)
    assert [s["status"] for s in document["scenarios"]] == ["passed", "passed"]


WITHDRAWN = """# language: sv
Egenskap: Återkallelsen
  Scenario: Sökanden, med namn eller utan
    Givet att sökanden återkallade ansökan 2025-01-20
    Och att Flemingsberg Science återkallade ansökan 2025-01-20

  Scenario: Bara sökanden kan återkalla ansökan
    Givet att Botkyrka kommun återkallade ansökan 2025-01-20
"""


def test_the_vocabulary_names_the_applicant_by_its_role_or_its_name(run):
    document = json.loads(run("egen.feature", "--json", text=WITHDRAWN).output)
    by_role, by_other = document["scenarios"]
    assert [step["status"] for step in by_role["steps"]] == ["passed", "passed"]
    assert by_other["steps"][0]["message"]["sv"] == (
        "Botkyrka kommun är inte sökanden och kan inte återkalla ansökan; sökanden är Stiftelsen Flemingsberg Science."
    )


def test_every_step_alone_fails_or_passes_in_words_and_never_breaks_the_run(client):
    """Each phrasing's example as the only step of a scenario (a Så step with no question
    before it, a registrar's step where nothing may be written): the API answers 200 and
    each step says what happened; no step raises out of the run."""
    from service.steps.vocabulary import VOCABULARY

    languages = {
        "sv": ("Egenskap", {"given": "Givet", "when": "När", "then": "Så"}, lambda phrase: phrase.example),
        "en": ("Feature", {"given": "Given", "when": "When", "then": "Then"}, lambda phrase: phrase.example_en),
    }
    for language, (feature, keyword, example) in languages.items():
        scenarios = "".join(
            f"  Scenario: {number}\n    {keyword[phrase.kind]} {example(phrase)}\n"
            for number, phrase in enumerate(VOCABULARY, start=1)
        )
        answer = client.post(SCENARIOS, json={"feature": f"# language: {language}\n{feature}: x\n{scenarios}"})
        assert answer.status_code == 200
        assert len(answer.json["scenarios"]) == len(VOCABULARY)
        for scenario in answer.json["scenarios"]:
            (step,) = scenario["steps"]
            assert step["status"] in ("passed", "failed", "skipped"), (language, scenario)
            assert step["status"] == "passed" or step["message"]["sv"], (language, scenario)


def test_every_step_has_english_phrasings_and_each_english_example_is_read_by_its_own_step_alone(client):
    """An EU controller writes the same scenarios with ``# language: en``: every entry of
    the vocabulary has an English phrasing, its English example is read by that entry and
    by no other (in either language), and GET /v1/steps lists it under ``english``."""
    from service.steps.english import ENGLISH
    from service.steps.runner import _patterns, match
    from service.steps.vocabulary import VOCABULARY

    assert [p.texts[0] for p in VOCABULARY if not (p.texts_en and p.example_en)] == []
    assert set(ENGLISH) == {p.texts[0] for p in VOCABULARY}  # no English for a step that is gone
    for phrase in VOCABULARY:
        for example in (phrase.example, phrase.example_en):
            readers = {id(p) for pattern, p, _ in _patterns() if pattern.parse(example) is not None}
            assert readers == {id(phrase)}, example
    steps = client.get("/v1/steps").json["steps"]
    assert len(steps) == len(VOCABULARY)
    for entry in steps:
        english = entry["english"]
        assert english["keyword"] == {"Givet": "Given", "När": "When", "Så": "Then"}[entry["keyword"]]
        found = match(english["example"])
        assert found is not None and english["phrasing"] in found[0].texts_en, english
        assert english["phrasing"] not in english["aliases"]
        assert match(entry["example"])[0] is found[0]  # the same step as the Swedish


# The same checks in English and in Swedish, line for line: the same statuses come back.
IN_ENGLISH = """# language: en
Feature: The auditor's own checks
  Background:
    Given Kommunstyrelsen adopted the proposal on 2024-09-16
    And ERUF approved the application on 2024-12-16

  Scenario Outline: A disbursement of <amount> on <day>
    When the auditor tries a disbursement of <amount> on <day>
    Then the disbursement should be <verdict>

    Examples:
      | amount          | day        | verdict                                         |
      | 100 000,00 kr   | 2025-09-16 | allowed                                         |
      | 1 000 001,00 kr | 2025-09-16 | refused because of "amount-cap"                 |
      | 100 000 kr      | 2024-09-01 | refused because of "adoption and eruf-approval" |

  Scenario: One krona over the million is refused, and decision point 1 says why
    Given 1 000 000,00 kr was paid out on 2025-03-03
    When the auditor tries a disbursement of 1,00 kr on 2025-09-16
    Then the disbursement should be refused because of "amount-cap"
    And the rule "amount-cap" should be "violated" and cite "beslut-1" with the words "en miljon kronor"
    And the rule "period" should be "satisfied"
    And the rule "amount-cap" should say "more than"

  Scenario: The auditor expects a refusal that does not come
    When the auditor tries a disbursement of 100 000,00 kr on 2025-09-16
    Then the disbursement should be refused because of "amount-cap"
    And the amount disbursed should be 0,00 kr and the amount remaining 1 000 000,00 kr

  Scenario: The recipient by its name, the reading by its code
    Given the auditor reads "three-years" as "budget-years-2025-2027"
    When the auditor tries a disbursement of 100 000 kr on 2028-01-15 to Flemingsberg Science
    Then the disbursement should be refused because of "period"
    And the answer should apply the interpretation "three-years" = "budget-years-2025-2027"

  Scenario: The commitment's status
    When the auditor asks for the commitment's status on 2025-06-02
    Then the commitment should be "in_force"
    And the commitment should have the status "in_force" with the label "in force"

  Scenario: A step that is not in the vocabulary
    When the auditor tries a payment of 100 kr on 2025-09-16
"""

IN_SWEDISH = """# language: sv
Egenskap: Revisorns egna prövningar
  Bakgrund:
    Givet att kommunstyrelsen antog förslaget 2024-09-16
    Och att ERUF godkände ansökan 2024-12-16

  Scenariomall: En utbetalning om <belopp> den <dag>
    När revisorn prövar en utbetalning om <belopp> den <dag>
    Så ska utbetalningen <utfall>

    Exempel:
      | belopp          | dag        | utfall                                                                          |
      | 100 000,00 kr   | 2025-09-16 | vara tillåten                                                                   |
      | 1 000 001,00 kr | 2025-09-16 | nekas på grund av beloppsgränsen                                                |
      | 100 000 kr      | 2024-09-01 | nekas på grund av kommunstyrelsens beslut och villkoret om ERUF:s godkännande |

  Scenario: En krona över miljonen nekas, och beslutspunkt 1 säger varför
    Givet att 1 000 000,00 kr betalades ut 2025-03-03
    När revisorn prövar en utbetalning om 1,00 kr den 2025-09-16
    Så ska utbetalningen nekas på grund av beloppsgränsen
    Och regeln om beloppsgränsen ska vara "inte uppfylld" och citera "beslut-1" med orden "en miljon kronor"
    Och regeln om tidsramen ska vara "uppfylld"
    Och regeln om beloppsgränsen ska säga "mer än"

  Scenario: Revisorn väntar sig ett nej som inte kommer
    När revisorn prövar en utbetalning om 100 000,00 kr den 2025-09-16
    Så ska utbetalningen nekas på grund av beloppsgränsen
    Och ska utbetalt vara 0,00 kr och kvar 1 000 000,00 kr

  Scenario: Mottagaren med sitt namn, läsningen med sitt namn
    Givet att revisorn för de tre åren väljer tolkningen "budgetåren 2025–2027"
    När revisorn prövar en utbetalning om 100 000 kr den 2028-01-15 till Flemingsberg Science
    Så ska utbetalningen nekas på grund av tidsramen
    Och ska svaret tillämpa tolkningen "three-years" = "budget-years-2025-2027"

  Scenario: Åtagandets status
    När revisorn frågar efter åtagandets status den 2025-06-02
    Så ska åtagandet vara gällande
    Och ska åtagandet ha status "in_force" med etiketten "gällande"

  Scenario: Ett steg som inte finns
    När revisorn prövar en utbetalning på 100 kr den 2025-09-16
"""


def test_a_feature_in_english_gets_the_statuses_of_the_same_feature_in_swedish(run):
    def statuses(text: str) -> tuple[int, list, dict]:
        result = run("egen.feature", "--json", text=text)
        document = json.loads(result.output)
        scenarios = [
            (s["line"], s["status"], s["interpretations"], [(step["line"], step["status"]) for step in s["steps"]])
            for s in document["scenarios"]
        ]
        return result.exit_code, scenarios, document["summary"]

    english, swedish = statuses(IN_ENGLISH), statuses(IN_SWEDISH)
    assert english == swedish
    assert english[2] == {"passed": 6, "failed": 1, "undefined": 1}
    document = json.loads(run("egen.feature", "--json", text=IN_ENGLISH).output)
    keywords = [step["keyword"] for step in document["scenarios"][3]["steps"]]
    assert keywords == ["Given", "And", "Given", "When", "Then", "And", "And", "And"]
    failed = next(step for step in document["scenarios"][4]["steps"] if step["status"] == "failed")
    assert failed["rule"]["rule_id"] == "amount-cap" and failed["message"]["en"].startswith(
        "Expected: utbetalningen nekas"
    )
    unknown = document["scenarios"][-1]["steps"][-1]
    assert unknown["suggestions"][0] == "the auditor tries a disbursement of 100 000,00 kr on 2025-06-02"


REGISTRAR_IN_ENGLISH = (
    """# language: en
Feature: Recorded facts, in English
  Background:
    Given the registrar has recorded that Kommunstyrelsen adopted the proposal on 2024-09-16"""
    ' according to the minutes "KS § 12"'
    """

  Scenario: One öre over the million is refused and nothing is stored
    Given the registrar has recorded a disbursement of 600 000,00 kr on 2025-03-03
    When the registrar records a disbursement of 400 000,01 kr on 2026-03-02
    Then the registration should be refused because of "amount-cap"
    And the violated rule "amount-cap" should cite "beslut-1" with the words "en miljon kronor under tre år"
    And the violated rule "amount-cap" should say "more than"
    And the event log should still have 4 events
    And the commitment on 2026-03-02 should show 600 000,00 kr disbursed and 400 000,00 kr remaining
    And the commitment on 2026-03-02 should have the status "in_force" with the label "in force"

  Scenario Outline: What did we know when <event> was recorded?
    Given the registrar has recorded a disbursement of 400 000,00 kr on 2025-03-03
    And the registrar has corrected the disbursement with the reason "Wrong voucher"
    When the auditor fetches the commitment on 2025-06-01 as it was known when <event> was recorded
    Then the answer should be as it was known when <event> was recorded
    And the amount disbursed should be <paid> and the amount remaining <left>

    Examples:
      | event            | paid          | left            |
      | the disbursement | 400 000,00 kr | 600 000,00 kr   |
      | the correction   | 0,00 kr       | 1 000 000,00 kr |

  Scenario Outline: <who> cannot record a disbursement
    When <who> records a disbursement of 100 000,00 kr on 2025-03-03
    Then the registration should be refused with status <status>

    Examples:
      | who                     | status |
      | someone without a token | 401    |
      | a reader                | 403    |

  Scenario: A second decision contradicts the adoption
    When the registrar records that Kommunstyrelsen rejected the proposal on 2024-10-14"""
    ' according to the minutes "KS § 40"'
    """
    Then the registration should be refused as contradicting Kommunstyrelsen's decision
"""
)


def test_the_registrars_steps_run_in_english_and_read_the_rules_english_words(run):
    document = json.loads(run("egen.feature", "--json", text=REGISTRAR_IN_ENGLISH).output)
    assert document["summary"] == {"passed": 6, "failed": 0, "undefined": 0}, document


def test_english_names_the_fund_as_english_does():
    """ "the ERDF approved the application": the fund by its English name, beside "ERUF"."""
    from service.steps.runner import match

    for text in ("the ERDF approved the application on 2024-12-16", "ERUF approved the application on 2024-12-16"):
        found = match(text)
        assert found is not None and found[1] == {"dag": "2024-12-16"}, text
