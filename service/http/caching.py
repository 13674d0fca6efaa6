"""HTTP caching: strong ETags, Last-Modified, 304 Not Modified and Cache-Control.

Every successful GET gets a strong ``ETag`` (a hash of the representation's media type
and bytes, so the JSON and the CSV of one list differ) and a ``Last-Modified``: the
newest of the decision data's own ``modified`` moment (from its data file, never a
file's mtime, which a checkout changes), the newest recorded event where the log
matters, and the last midnight in Stockholm where today matters. werkzeug's
``make_conditional`` then answers ``If-None-Match`` and ``If-Modified-Since`` with a
304 and no body.

What a resource depends on is its ``Policy`` (``POLICIES``, by endpoint; a view not
listed there is assumed to depend on everything):

- ``STATIC``: the decision data alone, which changes only with a release:
  ``public, max-age=3600`` (``CACHE_MAX_AGE``).
- ``RECORDED``: the event log too, which a registrar can change at any moment:
  ``public, no-cache`` (store, but revalidate with the ETag every time), or
  ``CACHE_MAX_AGE_RECORDED`` seconds where a deployment accepts that delay.
- ``DATED``: the log and today's date (the commitment without ``as_of``, the pages,
  the catalogue and the 360Giving grant, which count from an award's day): as
  ``RECORDED``, and never fresh past the next midnight in Stockholm.

A whole list as CSV is streamed (``negotiation.whole_csv_response``): its view hashes
the same bytes with ``body_digest`` as it makes them, so it gets the same strong ETag a
buffered body would. Errors and the answers to writes are ``no-store``.

A read is answered from memory where nothing it depends on has changed: 304 to a
revalidating request, else the 200 a view made before (``service.http.revalidation``).
What it depends on is the request's URL, host and the headers it varies on, and the
fingerprint taken here before the view runs; a view whose answer depends on more, which
will change by itself, says so with ``unsettled()``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from flask import Flask, Response, current_app, g, request

from service.http import revalidation
from service.shared.stockholm import STOCKHOLM, midnight, today, utc

#: Where ``init_app`` keeps the decisions it was handed.
DECISIONS = "medfin_decisions"


class Decisions(Protocol):
    """Where the decisions are found (``service.storage.decisions``, handed in by ``create_app``)."""

    def modified_of(self, decision_id: str) -> Any: ...

    def newest_modified(self) -> tuple[datetime | None, bool]: ...


class Stamp(Protocol):
    """How far one decision's log has grown (the store's ``stamps()``)."""

    @property
    def last_recorded_at(self) -> datetime: ...


#: Stands in for a data file without ``modified``: it cannot have changed since it was loaded.
STARTED = datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Policy:
    """What a resource's representation depends on besides the request itself."""

    recorded: bool  # the event log
    today: bool  # today's date in Europe/Stockholm


STATIC = Policy(recorded=False, today=False)
RECORDED = Policy(recorded=True, today=False)
DATED = Policy(recorded=True, today=True)


def _commitment() -> Policy:
    # Without as_of the commitment is stated for today, so it changes at midnight.
    return RECORDED if "as_of" in request.args else DATED


POLICIES: dict[str, Policy | Callable[[], Policy]] = {
    "decisions.list_decisions": STATIC,
    "decisions.get_decision": STATIC,
    "decisions.get_decision_source": STATIC,
    "decisions.list_rules": STATIC,
    "decisions.get_financing_plan": STATIC,
    "evaluation.get_commitment": _commitment,
    "events.list_events": RECORDED,
    "events.get_event": RECORDED,
    "changes.list_changes": RECORDED,
    # It lists a decision's 360Giving grant only once the log records the award, and from
    # the award's day: today's date counts (threesixtygiving.facts_at).
    "catalog.get_catalog": DATED,
    # The package describes the CSVs (their URLs and columns), not their rows.
    "datapackage.get_datapackage": STATIC,
    "giving.get_360giving": DATED,  # likewise
    "steps.list_steps": STATIC,
    # The shipped features' run, once per process: it changes only with a release.
    "traceability.get_traceability": STATIC,
    # Files that change only with a release.
    "pages.get_stylesheet": STATIC,
    "docs.get_openapi_document": STATIC,
    "docs.get_openapi_json": STATIC,
    "entry.get_entry_point": STATIC,
    "problem_types.get_problem_type": STATIC,
    "docs.get_api_docs": STATIC,
    "docs.get_api_docs_asset": STATIC,
}


def policy() -> Policy:
    """The policy of the endpoint the request was routed to."""
    chosen = POLICIES.get(request.endpoint or "", DATED)
    return chosen if isinstance(chosen, Policy) else chosen()


def init_app(app: Flask, decisions: Decisions) -> None:
    app.extensions[DECISIONS] = decisions
    revalidation.init_app(app)
    app.before_request(_before_request)
    app.after_request(_after_request)


def _before_request() -> Response | None:
    if request.method not in _READS or request.endpoint is None:
        return None
    chosen = g.medfin_policy = policy()
    # Taken before the view reads the log: an event recorded meanwhile makes the
    # remembered validators stale rather than the answer.
    g.medfin_fingerprint = fingerprint(chosen)
    return revalidation.from_memory(g.medfin_fingerprint, lambda: cache_control(chosen))


def _after_request(response: Response) -> Response:
    method = request.method
    if method in _READS:
        _on_read(response)
    elif method != "OPTIONS":
        # Added, not set: an answer to a write has no Cache-Control of its own to replace.
        response.headers.add("Cache-Control", "no-store")
    return response


_READS = frozenset(("GET", "HEAD"))


def _on_read(response: Response) -> None:
    status = response.status_code
    if status >= 400:
        response.headers["Cache-Control"] = "no-store"
    elif status == 200 and not response.direct_passthrough and "medfin_fingerprint" in g:
        # One from memory has had its validators since it was first made.
        if "medfin_from_memory" not in g:
            _validate(response)
    elif 300 <= status < 400 and status != 304:
        response.headers.setdefault("Cache-Control", cache_control(policy()))


def body_digest(media_type: str) -> Any:
    """The hash a representation's ETag is made of, fed its media type: the caller adds
    the body's bytes (all at once, or chunk by chunk as a streamed body is made)."""
    return hashlib.blake2b(media_type.encode() + b"\n", digest_size=16)


def _validate(response: Response) -> None:
    """Validators and freshness for a 200, then 304 if the client's copy is current.

    A streamed body (a whole CSV) cannot be hashed here without reading it all into
    memory: its view sets the ETag, from the same ``body_digest`` of the same bytes.
    One that comes without an ETag gets no validators."""
    chosen: Policy = g.medfin_policy
    if response.get_etag()[0] is None:
        if response.is_streamed:
            return
        digest = body_digest(response.mimetype or "")
        digest.update(response.get_data())
        response.set_etag(digest.hexdigest())
    newest, now = newest_moment(chosen), datetime.now(UTC)
    response.last_modified = min(newest, now)
    response.headers["Cache-Control"] = cache_control(chosen)
    if "medfin_unsettled" not in g:
        # A Last-Modified held back to now (a moment in the future) would move with the clock.
        revalidation.remember(response, g.medfin_fingerprint, with_body=newest <= now)
    response.make_conditional(request)


def unsettled() -> None:
    """Said by a view whose answer depends on something the fingerprint does not hold and
    that will change by itself (a run still going): neither its validators nor its body
    are remembered, so the next request gets the answer made anew."""
    g.medfin_unsettled = True


def fingerprint(chosen: Policy) -> Hashable:
    """Everything besides the request a representation under ``chosen`` may change with."""
    day = today() if chosen.today else None
    stamps = tuple(log_stamps().items()) if chosen.recorded else ()
    return day, stamps


def newest_moment(chosen: Policy) -> datetime:
    """The newest moment the representation can have changed at, as the data and the log
    say (the Last-Modified, unless it is in the future)."""
    moments = _data_moments()
    if chosen.recorded:
        moments += [s.last_recorded_at for s in log_stamps().values()]
    if chosen.today:
        moments.append(midnight(today()))
    return max(moments)


def cache_control(chosen: Policy) -> str:
    """How long a cache may answer without asking again."""
    if not chosen.recorded:
        return f"public, max-age={current_app.config['CACHE_MAX_AGE']}"
    seconds = int(current_app.config["CACHE_MAX_AGE_RECORDED"])
    if chosen.today:
        seconds = min(seconds, seconds_until_midnight(datetime.now(UTC)))
    return f"public, max-age={seconds}" if seconds > 0 else "public, no-cache"


def seconds_until_midnight(now: datetime) -> int:
    """Whole seconds from ``now`` to the next midnight in Stockholm (DST included)."""
    tomorrow = now.astimezone(STOCKHOLM).date() + timedelta(days=1)
    # Subtract in UTC: Python ignores the offsets of two datetimes that share a tzinfo.
    return int((midnight(tomorrow) - now.astimezone(UTC)).total_seconds())


def _data_moments() -> list[datetime]:
    """When the data of the decisions the request is about last changed: the one in its
    path, else every one (their newest, kept by the decisions: one lookup, however many)."""
    decision_id = (request.view_args or {}).get("decision_id")
    if decision_id:
        return [_data_modified(decision_id)]
    newest, undated = _decisions().newest_modified()
    return ([] if newest is None else [newest]) + ([STARTED] if undated else [])


def _data_modified(decision_id: str) -> datetime:
    modified = _decisions().modified_of(decision_id)
    if not isinstance(modified, datetime):
        return STARTED
    return utc(modified)


def _decisions() -> Decisions:
    decisions: Decisions = current_app.extensions[DECISIONS]
    return decisions


def log_stamps() -> dict[str, Stamp]:
    """The log stamps the request's answer depends on, read once per request, each one
    indexed row whatever the log's length: a decision's own for its resources; for what
    is about every decision, the log's head (its newest event in commit order)."""
    if "medfin_stamps" not in g:
        decision_id = (request.view_args or {}).get("decision_id")
        store = current_app.extensions["medfin"]
        g.medfin_stamps = store.stamps(decision_id) if decision_id else store.head()
    stamps: dict[str, Stamp] = g.medfin_stamps
    return stamps
