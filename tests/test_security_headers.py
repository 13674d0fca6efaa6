"""Security headers as a browser reads them: nosniff on every answer, a Content-Security-
Policy and a Referrer-Policy on every HTML page. That the pages and Swagger UI still work
under their policies is checked in Chromium (tests/test_browser.py)."""

from __future__ import annotations

import pytest

DECISION = "ks-2024-1371-481"
HTML_PAGES = ["/", f"/decisions/{DECISION}", "/docs"]


def directives(policy: str) -> dict[str, list[str]]:
    """A Content-Security-Policy as directive → its sources."""
    parsed = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


@pytest.mark.parametrize(
    ("method", "path", "headers"),
    [
        ("GET", f"/v1/decisions/{DECISION}", {}),  # JSON
        ("GET", f"/v1/decisions/{DECISION}/events?format=csv", {}),  # CSV
        ("GET", "/v1/catalog", {"Accept": "text/turtle"}),  # RDF
        ("GET", "/docs/assets/swagger-ui-bundle.js", {}),  # a static asset
        ("GET", "/docs/assets/swagger-initializer.js", {}),
        ("GET", "/assets/medfin.css", {}),
        ("GET", "/openapi.yaml", {}),
        ("GET", "/no/such/path", {}),  # a 404 problem
        ("GET", f"/v1/decisions/{DECISION}/events?page=0", {}),  # a 400 problem
        ("DELETE", f"/v1/decisions/{DECISION}", {}),  # a 405 problem
        ("POST", f"/v1/decisions/{DECISION}/events", {}),  # a 401 problem
        ("OPTIONS", "/v1/decisions", {"Origin": "https://example.org", "Access-Control-Request-Method": "GET"}),
        *(("GET", path, {}) for path in HTML_PAGES),
    ],
)
def test_every_answer_forbids_guessing_its_media_type(client, method, path, headers):
    response = client.open(path, method=method, headers=headers, buffered=True)  # buffered: files closed
    assert response.headers.get_all("X-Content-Type-Options") == ["nosniff"], (response.status, path)


@pytest.mark.parametrize("path", [f"/v1/decisions/{DECISION}", "/v1/catalog", "/docs"])
def test_a_304_forbids_guessing_too(client, path):
    etag = client.get(path).headers["ETag"]
    revalidated = client.get(path, headers={"If-None-Match": etag})
    assert revalidated.status_code == 304
    assert revalidated.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", HTML_PAGES)
def test_html_pages_allow_no_inline_script_no_framing_and_send_no_referrer(client, path):
    response = client.get(path)
    assert response.mimetype == "text/html"
    policy = directives(response.headers["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval', no other host
    assert response.headers["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize("path", ["/", f"/decisions/{DECISION}"])
def test_the_pages_for_people_allow_nothing_but_the_services_own_files(client, path):
    policy = directives(client.get(path).headers["Content-Security-Policy"])
    assert all(sources in (["'self'"], ["'none'"]) for sources in policy.values()), policy


def test_swagger_ui_is_started_by_a_file_not_an_inline_script(client):
    page = client.get("/docs").get_data(as_text=True)
    assert "<script>" not in page and "<script src=" in page
    initialiser = client.get("/docs/assets/swagger-initializer.js", buffered=True)
    assert initialiser.status_code == 200 and "SwaggerUIBundle(" in initialiser.get_data(as_text=True)
