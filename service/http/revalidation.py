"""Answering ``If-None-Match`` with 304 without running the view, when nothing changed.

A cache that holds a representation asks again with its ETag. Rendering the answer
only to hash it and send nothing (a commitment reads the whole log and evaluates
every rule) would make a 304 cost as much as a 200. So each 200 leaves its
validators here, per URL: the ETag, the fingerprint of what it was made from (the
log stamps of its decisions, today's date; ``caching.fingerprint``) and the request
headers it varies on. A later request for the same URL, with the same values of those
headers, whose ``If-None-Match`` holds that ETag, is answered 304 at once when the
fingerprint is unchanged; otherwise the view runs as usual.

The memory is per process and bounded. The decision data cannot change under a
running process, so it need not be in the fingerprint.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass

from flask import Flask, Response, current_app, request

#: Past this many URLs the memory starts again: enough for every resource, a bound for fuzzers.
MAXIMUM_ENTRIES = 4096
KEY = "medfin_validators"


@dataclass(frozen=True, slots=True)
class Validators:
    """What a 200 for one URL was, and was made of."""

    etag: str
    fingerprint: Hashable
    vary: tuple[tuple[str, str | None], ...]


def init_app(app: Flask) -> None:
    app.extensions[KEY] = {}


def remember(response: Response, fingerprint: Hashable) -> None:
    """Keep the validators of ``response``, a 200 with its ETag set."""
    etag, _ = response.get_etag()
    if etag is None:
        return
    memory: dict[str, Validators] = current_app.extensions[KEY]
    if len(memory) >= MAXIMUM_ENTRIES:
        memory.clear()
    vary = tuple((name, request.headers.get(name)) for name in response.vary)
    memory[request.full_path] = Validators(etag, fingerprint, vary)


def not_modified(fingerprint: Hashable, cache_control: Callable[[], str]) -> Response | None:
    """A 304 if the client's ETag is the one remembered and nothing it was made of changed;
    ``cache_control`` is asked only then."""
    if not request.if_none_match:
        return None
    known = current_app.extensions[KEY].get(request.full_path)
    if known is None or known.fingerprint != fingerprint or not request.if_none_match.contains_weak(known.etag):
        return None
    if any(request.headers.get(name) != value for name, value in known.vary):
        return None
    response = current_app.response_class(status=304)
    response.set_etag(known.etag)
    response.headers["Cache-Control"] = cache_control()
    for name, _ in known.vary:
        response.vary.add(name)
    return response
