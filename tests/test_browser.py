"""The decision page as a reader meets it: ``medfin serve`` in its own process, Debian's
Chromium, headless, driven by Playwright, on a desktop and on a phone-sized screen; and
the pages and Swagger UI (``/docs``) working under their Content-Security-Policy.

Chromium is the machine's (``/usr/bin/chromium``; ``.ci/run`` installs it); Playwright's
own browser download is never used. In CI a missing browser fails the tests; elsewhere
they are skipped with the reason. Screenshots go to ``screenshots/`` (not committed).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rules import load_decision
from tests.server_process import running_server

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
#: Headless, and nothing that reaches the network on its own.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "screenshots"
DECISION = "ks-2024-1371-481"
PAGE = f"/decisions/{DECISION}"
SCENARIO_PAGE = f"{PAGE}/scenarios"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"Chromium and Playwright are required in CI: {reason}")
    pytest.skip(f"{reason} (apt-get install chromium; pip install -e '.[test]')")


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        unavailable(f"Playwright for Python is not installed: {error}")
    if not CHROMIUM.exists():
        unavailable(f"Debian's Chromium is not installed at {CHROMIUM}")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    environment = {"MEDFIN_DATABASE_URL": f"sqlite:///{folder / 'medfin.sqlite3'}"}
    with running_server(environment, log_dir=folder, workers=1) as server:
        yield f"http://{server.host}:{server.port}"


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(exist_ok=True)
    return lambda page, name: page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def open_page(browser, base_url, **context):
    page = browser.new_context(locale="sv-SE", **context).new_page()
    response = page.goto(base_url + PAGE)
    assert response is not None and response.status == 200
    return page


def test_reader_sees_status_and_the_three_beslutspunkter(browser, base_url, screenshot):
    page = open_page(browser, base_url, viewport={"width": 1280, "height": 900})
    assert page.locator("html").get_attribute("lang") == "sv"
    status = page.locator("#status")
    assert status.is_visible()
    assert status.inner_text().startswith(
        "Åtagandet är föreslaget: inget beslut av kommunstyrelsen i ärendet är registrerat"
    )
    for point in load_decision(DECISION).data["decision_points"]:
        heading = page.get_by_role("heading", name=f"Beslutspunkt {point['number']}", exact=True)
        assert heading.is_visible()
        assert page.locator(f"#{point['anchor']} blockquote").inner_text() == point["text"]
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(27, 27, 27)"  # the app's stylesheet
    screenshot(page, "decision-desktop")
    page.context.close()


def test_csv_link_gives_the_financing_plan(browser, base_url):
    page = open_page(browser, base_url, viewport={"width": 1280, "height": 900})
    with page.expect_download() as downloading:
        page.get_by_role("link", name="Finansieringsplanen (CSV)").click()
    download = downloading.value
    assert download.suggested_filename == f"{DECISION}-financing-plan.csv"
    lines = Path(download.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("contribution_id,")
    assert any("Huddinge kommun" in line and "1000000.00" in line for line in lines[1:])
    page.context.close()


def test_page_reads_on_a_phone(browser, base_url, screenshot):
    page = open_page(browser, base_url, **PHONE)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"
    assert page.locator("#status").is_visible()
    assert float(page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")) >= 16
    # The financing plan fits the phone; the wider traceability table scrolls in its own region.
    plan = "document.querySelector('[aria-labelledby=plan-caption]')"
    assert page.evaluate(f"(t => t.scrollWidth <= t.clientWidth)({plan})")
    assert page.get_by_role("heading", name="Beslutspunkt 3", exact=True).is_visible()
    screenshot(page, "decision-phone")
    page.screenshot(path=SCREENSHOTS / "decision-phone-top.png")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Hoppa till innehållet"
    assert page.locator("a.skip").is_visible()  # the skip link shows itself when focused
    page.context.close()


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_reader_sees_the_chart_of_the_money_and_the_decision_s_life(browser, base_url, screen, screenshot):
    """The SVG drawn by the server shows, scaled to the screen, and a screen reader
    gets its name and description; the decision's life lists its dated markers."""
    context = PHONE if screen == "phone" else {"viewport": {"width": 1280, "height": 900}}
    page = open_page(browser, base_url, **context)
    chart = page.get_by_role("img", name="Utbetalt jämfört med åtagandet, 2025–2027")
    chart.scroll_into_view_if_needed()
    assert chart.is_visible()
    box = chart.bounding_box()
    width = page.evaluate("window.innerWidth")
    assert box is not None and box["width"] > 0 and box["height"] > 0
    assert 0 <= box["x"] and box["x"] + box["width"] <= width, "the chart is wider than the screen"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"
    described = page.evaluate(
        "(svg => svg.getAttribute('aria-labelledby').split(' ').map(id => document.getElementById(id).textContent))"
        "(document.querySelector('svg.chart'))"
    )
    title, desc = (" ".join(text.split()) for text in described)
    assert title == "Utbetalt jämfört med åtagandet, 2025–2027"
    assert desc.startswith("Utbetalt 0,00 kr av 1 000 000,00 kr. Inga utbetalningar är registrerade.")
    font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.chart-year')).fontSize)")
    assert font * box["width"] / 640 >= 12, "the years are too small to read"  # the viewBox is 640 wide
    life = page.get_by_role("list", name="Beslutets väg")
    assert life.is_visible() and life.locator("li").first.inner_text().startswith("2024-08-26")
    assert "Kommunstyrelsens beslut: Datum okänt." in page.locator(".lifeline-undated").inner_text()
    screenshot(page, f"decision-chart-{screen}")
    page.locator("section[aria-labelledby=i-bild]").screenshot(path=SCREENSHOTS / f"chart-{screen}.png")
    page.context.close()


@pytest.mark.parametrize("path", ["/", PAGE, SCENARIO_PAGE])
@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_pages_break_no_wcag_a_or_aa_rule_that_axe_checks(browser, base_url, path, screen):
    """axe-core (Deque's engine, bundled by axe-playwright-python) over each page as
    rendered: contrast, names of links and controls, headings, landmarks, language."""
    from axe_playwright_python.sync_playwright import Axe

    context = PHONE if screen == "phone" else {"viewport": {"width": 1280, "height": 900}}
    page = browser.new_context(locale="sv-SE", **context).new_page()
    assert page.goto(base_url + path).status == 200
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations"]})
    checked = results.response["passes"] + results.response["violations"] + results.response["incomplete"]
    assert "color-contrast" in {rule["id"] for rule in checked}  # contrast was judged, not skipped
    assert results.violations_count == 0, results.generate_report()
    page.context.close()


def watch_for_csp_violations(page) -> list[str]:
    """Every Content-Security-Policy violation the page reports, as the browser words it:
    both the console's messages and the DOM's ``securitypolicyviolation`` events."""
    seen: list[str] = []
    page.on("console", lambda message: seen.append(message.text) if "Content Security Policy" in message.text else None)
    page.expose_function("reportViolation", lambda text: seen.append(text))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e =>"
        " window.reportViolation(`${e.violatedDirective} blocked ${e.blockedURI}`));"
    )
    return seen


def test_swagger_ui_renders_the_operations_under_its_content_security_policy(browser, base_url):
    """/docs has a CSP that allows scripts from the service alone, and Swagger UI still
    starts, fetches openapi.yaml and lists the operations, with no violation reported."""
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    violations = watch_for_csp_violations(page)
    response = page.goto(base_url + "/docs")
    assert response is not None and response.status == 200
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    operation = page.locator("#operations-rules-getCommitment")
    operation.wait_for(state="visible", timeout=15_000)
    operation.locator("button.opblock-summary-control").click()  # opening one renders its parameters and examples
    page.locator("#operations-rules-getCommitment .opblock-body").wait_for(state="visible", timeout=5_000)
    page.wait_for_load_state("networkidle")
    assert violations == []
    page.context.close()


@pytest.mark.parametrize("path", ["/", PAGE, SCENARIO_PAGE])
def test_pages_break_nothing_under_their_content_security_policy(browser, base_url, path):
    """The pages for people load their stylesheet and show under a CSP with no script."""
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    violations = watch_for_csp_violations(page)
    response = page.goto(base_url + path)
    assert response is not None and response.status == 200
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(27, 27, 27)"  # the app's stylesheet
    assert violations == []
    page.context.close()


#: An auditor's question, pasted as they would type it.
PASTED = """# language: sv
Egenskap: Revisorns prövning i webbläsaren
  Scenario: En krona över miljonen, men revisorn väntar sig att den är tillåten
    Givet att kommunstyrelsen antog förslaget 2024-09-16
    Och att ERUF godkände ansökan 2024-12-16
    Och att 1 000 000,00 kr betalades ut 2025-03-03
    När revisorn prövar en utbetalning om 1,00 kr den 2025-09-16
    Så ska utbetalningen vara tillåten
"""


def paste_and_run(page, text: str) -> None:
    page.get_by_label("Klistra in scenarierna (Gherkin på svenska)").fill(text)
    with page.expect_navigation():
        page.get_by_role("button", name="Kör scenarierna").click()


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_an_auditor_pastes_a_scenario_runs_it_and_follows_the_failure_to_the_text(
    browser, base_url, screen, screenshot
):
    """Without script (JavaScript off): the form posts, the verdict reads in words, the
    page passes axe-core, and the link from the failure leads to the quoted beslutspunkt."""
    from axe_playwright_python.sync_playwright import Axe

    context = PHONE if screen == "phone" else {"viewport": {"width": 1280, "height": 900}}
    page = browser.new_context(locale="sv-SE", java_script_enabled=False, **context).new_page()
    assert page.goto(base_url + PAGE).status == 200
    page.get_by_role("link", name="Pröva egna scenarier mot beslutet").click()
    assert page.url == base_url + SCENARIO_PAGE
    paste_and_run(page, PASTED)
    assert page.locator("#sammanfattning").inner_text() == (
        "1 scenario kördes. Höll: 0. Höll inte: 1. Kunde inte köras helt: 0."
    )
    failed = page.locator(".step-failed")
    assert failed.locator(".step-label").inner_text() == "Höll inte:"
    assert "Svar: utbetalningen nekas på grund av beloppsgränsen." in failed.locator(".message").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"
    screenshot(page, f"scenarios-{screen}")
    page.context.close()
    # axe-core needs script in the page it checks: the same result page, with script on.
    page = browser.new_context(locale="sv-SE", **context).new_page()
    page.goto(base_url + SCENARIO_PAGE)
    paste_and_run(page, PASTED)
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations"]})
    assert results.violations_count == 0, results.generate_report()
    page.get_by_role("link", name="Beslutspunkt 1").click()
    assert page.url == base_url + PAGE + "#beslut-1"
    assert "Medfinansiering om en miljon kronor under tre år" in page.locator("#beslut-1 blockquote").inner_text()
    page.context.close()


def test_an_uploaded_feature_file_runs_from_the_form(browser, base_url, tmp_path):
    own = tmp_path / "min-provning.feature"
    own.write_text(
        PASTED.replace("ska utbetalningen vara tillåten", "ska utbetalningen nekas på grund av beloppsgränsen")
    )
    page = browser.new_context(locale="sv-SE", java_script_enabled=False).new_page()
    page.goto(base_url + SCENARIO_PAGE)
    page.get_by_label("eller välj en fil").set_input_files(str(own))
    with page.expect_navigation():
        page.get_by_role("button", name="Kör scenarierna").click()
    assert page.locator("#sammanfattning").inner_text().startswith("1 scenario kördes. Höll: 1.")
    page.context.close()
