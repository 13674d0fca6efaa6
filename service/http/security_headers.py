"""Security headers: what a browser may do with the service's answers.

- ``X-Content-Type-Options: nosniff`` on every answer (problems, CSV, RDF, assets,
  304s, preflights, 404s): a browser takes the declared media type and never guesses
  one, so no CSV cell or JSON string can be run as a script or a stylesheet.
- On every HTML answer, a ``Content-Security-Policy`` and a ``Referrer-Policy``. The
  pages for people (``/``, ``/decisions/{id}``) have no script at all and load only the
  app's own stylesheet, so ``PAGE_POLICY`` allows only the service's own files and no
  script. Swagger UI (``/docs``) runs the service's own copy of its scripts and an
  initialiser served as a file (``docs.INITIALISER``), never inline; ``DOCS_POLICY``
  adds only what that page needs (see there).

The header values are made once, here: every answer passes through ``add_headers``,
so it does one lookup on the way and adds strings it already has.
"""

from __future__ import annotations

from flask import Flask, Response, request

#: What the pages for people need: the service's own stylesheet, nothing else. No
#: ``script-src`` other than the default ``'self'`` and no ``'unsafe-inline'``: an
#: injected inline script would not run. ``frame-ancestors 'none'``: no other site may
#: frame a page (clickjacking); ``base-uri`` and ``form-action`` close the two doors
#: ``default-src`` leaves open.
PAGE_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
#: Swagger UI: its scripts and the initialiser are the service's own files, so
#: ``script-src 'self'`` suffices. Two additions, each of which Chromium reports as a
#: violation without it (tests/test_browser.py): its icons are ``data:`` SVG images in
#: swagger-ui.css, and the SVGs it renders carry ``<style>`` elements and ``style``
#: attributes, which CSP counts as inline style. Inline style cannot run code; inline
#: script stays refused.
DOCS_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
#: ``no-referrer``: the pages link to the decision's sources and to the open data; where
#: a reader came from is nobody's business, and nothing on the service needs a Referer
#: (no analytics, no CSRF check by origin), so nothing is lost by sending none.
REFERRER_POLICY = "no-referrer"
#: The endpoints whose HTML has a policy of its own; all other HTML gets ``PAGE_POLICY``.
POLICIES = {"docs.get_api_docs": DOCS_POLICY}


def init_app(app: Flask) -> None:
    """Add the headers to every answer the app makes, errors included."""
    app.after_request(add_headers)


def add_headers(response: Response) -> Response:
    headers = response.headers
    # Added, not set: no view writes these headers, so there is nothing to replace.
    headers.add("X-Content-Type-Options", "nosniff")
    # The home page's policy holds for its JSON too (the entry document, asked for by Accept).
    if headers.get("Content-Type", "").startswith("text/html") or request.endpoint == "pages.get_home_page":
        headers.add("Content-Security-Policy", POLICIES.get(request.endpoint or "", PAGE_POLICY))
        headers.add("Referrer-Policy", REFERRER_POLICY)
    return response
