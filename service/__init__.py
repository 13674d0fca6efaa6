"""medfin's HTTP service: the Flask app factory.

``service:create_app()`` is the WSGI entry point (``gunicorn 'service:create_app()'``);
there is no module-level app.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from flask import Flask

from service.formats.jsonio import ExactJSONProvider
from service.http import caching, cors, problems, query_parameters, request_text, security_headers
from service.storage import decisions as decision_source
from service.storage import faults, limits
from service.storage.engine import default_url, make_engine
from service.storage.setup import prepare
from service.storage.store import EventStore
from service.views import (
    catalog,
    changes,
    datapackage,
    decisions,
    docs,
    entry,
    evaluation,
    events,
    giving,
    pages,
    problem_types,
    scenario_runs,
    steps,
    traceability,
)

#: Larger bodies are refused with 413 before they are read: an evaluation is a few KiB.
MAX_BODY_BYTES = 1024 * 1024


class Service(Flask):
    """Flask, which asks of every view and hook, on every request, whether it is a
    coroutine function (``inspect``: 0.7 % of the instructions a recorded disbursement
    takes, by callgrind): here it asks once per function, through the method Flask names
    for changing how such functions run."""

    #: The functions asked about, at most: those a deployment registers are a few dozen.
    KNOWN_AT_MOST = 512

    def __init__(self, *arguments: Any, **options: Any) -> None:
        super().__init__(*arguments, **options)
        self._synchronous: dict[Callable[..., Any], Callable[..., Any]] = {}

    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        try:
            known = self._synchronous.get(func)
        except TypeError:  # a callable that cannot be a key: asked every time, as Flask does
            return super().ensure_sync(func)
        if known is None:
            known = super().ensure_sync(func)
            if len(self._synchronous) < self.KNOWN_AT_MOST:
                self._synchronous[func] = known
        return known


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app; settings from ``MEDFIN_*`` environment variables, then ``config``."""
    app = Service(__name__)
    app.json_provider_class = ExactJSONProvider
    app.json = ExactJSONProvider(app)
    app.config.from_mapping(
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
        PROBLEM_BASE_URI=None,  # default: PUBLIC_BASE_URL + "/problems/", where each type is explained
        PUBLIC_BASE_URL="http://127.0.0.1:8000",  # where the public reaches the API: the catalogue's URIs
        THREESIXTYGIVING_PREFIX="360G-medfin",  # until 360Giving registers a prefix for this data
        CORS_ORIGIN="*",  # the data is public: any web page may read it
        # Who publishes the catalogue: a party id of a served decision's issuer; by
        # default the issuer of the shipped decisions. The decisions served are the
        # shipped ones and those of the folders MEDFIN_DECISIONS_DIR names.
        CATALOG_PUBLISHER=None,
        # Load every decision at start, so that a data file that cannot serve stops the
        # start; medfin serve does it once before its workers, which then skip it.
        CHECK_DECISIONS=True,
        CACHE_MAX_AGE=3600,  # seconds a cache may keep what comes from the decision data alone
        CACHE_MAX_AGE_RECORDED=0,  # and what the event log can change at any moment: revalidate
        # Token buckets (service.storage.limits): so many at once, given back over so many seconds.
        FAILED_AUTH_LIMIT=10,  # wrong tokens from one client address ...
        FAILED_AUTH_PERIOD=60,  # ... a minute
        WRITE_LIMIT=100,  # writes by one token at once (over the 50-way race and a batch import) ...
        WRITE_LIMIT_PERIOD=100,  # ... then one a second
        TRUSTED_PROXIES=0,  # proxies whose X-Forwarded-For names the client; none unless set
        # POST .../scenarios: what one request may ask to be run (413 or 422 past it).
        SCENARIO_MAX_BYTES=65536,
        SCENARIO_MAX_SCENARIOS=100,
        SCENARIO_MAX_STEPS=2000,
        SCENARIO_MAX_SECONDS=5,
    )
    app.config.from_prefixed_env("MEDFIN")
    app.config.update(config or {})
    # A folder, data file or publisher that cannot serve stops the start, not a request.
    # (medfin serve checks once, before its workers start; each worker need not again.)
    if app.config["CHECK_DECISIONS"]:
        decision_source.check()
    decision_source.catalogue_publisher(app.config["CATALOG_PUBLISHER"])
    app.url_map.strict_slashes = False
    store = _init_store(app)
    problems.init_app(app, database_errors=faults.database_errors(store.engine), is_unavailable=faults.is_unavailable)
    request_text.init_app(app)  # before caching, which may answer from memory
    query_parameters.init_app(app)  # likewise
    cors.init_app(app)
    security_headers.init_app(app)
    caching.init_app(app, decision_source)
    limits.init_app(app)
    app.register_blueprint(entry.bp)
    app.register_blueprint(decisions.bp, url_prefix="/v1")
    app.register_blueprint(evaluation.bp, url_prefix="/v1")
    app.register_blueprint(events.bp, url_prefix="/v1")
    app.register_blueprint(catalog.bp, url_prefix="/v1")
    app.register_blueprint(giving.bp, url_prefix="/v1")
    app.register_blueprint(changes.bp, url_prefix="/v1")
    app.register_blueprint(steps.bp, url_prefix="/v1")
    app.register_blueprint(scenario_runs.bp, url_prefix="/v1")
    app.register_blueprint(traceability.bp, url_prefix="/v1")
    app.register_blueprint(datapackage.bp, url_prefix="/v1")
    app.register_blueprint(docs.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(problem_types.bp)
    return app


def _init_store(app: Flask) -> EventStore:
    """The event store, ready: SQLite in the instance folder unless MEDFIN_DATABASE_URL
    names another database; migrated and loaded with the shipped facts on first start."""
    url = app.config.get("DATABASE_URL") or default_url(app.instance_path)
    store = EventStore(make_engine(url))
    if app.config.get("PREPARE_DATABASE", True):
        prepare(store)
    app.extensions["medfin"] = store
    return store
