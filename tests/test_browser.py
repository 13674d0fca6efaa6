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


@pytest.mark.parametrize("path", ["/", PAGE])
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


@pytest.mark.parametrize("path", ["/", PAGE])
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
