"""Answering a read from memory, without running the view, when nothing it depends on changed.

Rendering an answer a process has already made (a commitment reads the whole log and
evaluates every rule) would make its cost grow with the log. So each 200 to a GET leaves
here, per URL: its ETag, the fingerprint of what it was made from (the log stamps of
its decisions, today's date; ``caching.fingerprint``), the request headers it varies on
and, when small enough, its body and headers. A later request for the same URL, with
the same values of those headers, when the fingerprint is unchanged, is answered at
once: 304 if its ``If-None-Match`` holds that ETag, otherwise the 200 itself, byte for
byte. Otherwise the view runs as usual.

The fingerprint is taken before the view reads the log, so an event recorded meanwhile
makes what is remembered stale, never the answer. Either answer is made in
``caching``'s ``before_request``, so the ``after_request`` hooks (CORS, the security
headers) add their headers to it as to any other. A URL is remembered per host and
script root as well as path and query, in case an answer ever names them.

The memory is per process, bounded in entries and in bytes, and forgets the least
recently used first. The decision data cannot change under a running process, so it
need not be in the fingerprint.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from flask import Flask, Response, current_app, g, request

#: URLs remembered: enough for every resource of a deployment, a bound for fuzzers.
MAXIMUM_ENTRIES = 4096
#: The largest body kept: a commitment, a page or a page of a list is a few KiB; whole
#: lists and the contract are larger, and keep their validators only (a 304 from memory).
MAXIMUM_BODY_BYTES = 256 * 1024
#: All bodies kept by one process: a worker must stay under 100 MB of memory in all.
MAXIMUM_TOTAL_BYTES = 16 * 1024 * 1024
KEY = "medfin_validators"
#: Made afresh for every answer: werkzeug's ``Date``. (``Cache-Control`` is kept for its
#: place among the headers, and its value made afresh: a max-age may end at midnight.)
_NOT_KEPT = frozenset(("date",))


@dataclass(frozen=True, slots=True)
class Answer:
    """A 200's headers as its view and ``caching`` set them (not those ``after_request`` adds), and its body."""

    headers: tuple[tuple[str, str], ...]
    body: bytes


@dataclass(frozen=True, slots=True)
class Validators:
    """What a 200 for one URL was, and was made of."""

    etag: str
    fingerprint: Hashable
    vary: tuple[tuple[str, str | None], ...]
    answer: Answer | None  # None where the body was too large, or came to a HEAD

    @property
    def size(self) -> int:
        """The bytes kept: the answer's body and headers, and the request headers it
        varies on (which a client chooses, as it chooses the URL)."""
        varied = sum(len(name) + len(value or "") for name, value in self.vary)
        if self.answer is None:
            return varied
        return varied + len(self.answer.body) + sum(len(name) + len(value) for name, value in self.answer.headers)


class Memory:
    """Validators by URL, least recently used first, and the bytes of the bodies they hold."""

    def __init__(self) -> None:
        self._entries: OrderedDict[tuple[str, ...], Validators] = OrderedDict()
        self._lock = threading.Lock()  # gthread: a worker's threads share the memory
        self.body_bytes = 0

    def get(self, key: tuple[str, ...]) -> Validators | None:
        with self._lock:
            known = self._entries.get(key)
            if known is not None:
                self._entries.move_to_end(key)
            return known

    def put(self, key: tuple[str, ...], validators: Validators) -> None:
        with self._lock:
            replaced = self._entries.pop(key, None)
            if replaced is not None:
                self.body_bytes -= replaced.size + _size(key)
            self._entries[key] = validators
            self.body_bytes += validators.size + _size(key)
            while len(self._entries) > MAXIMUM_ENTRIES or self.body_bytes > MAXIMUM_TOTAL_BYTES:
                forgotten_key, forgotten = self._entries.popitem(last=False)
                self.body_bytes -= forgotten.size + _size(forgotten_key)

    def __len__(self) -> int:
        return len(self._entries)


def init_app(app: Flask) -> None:
    app.extensions[KEY] = Memory()


def _memory() -> Memory:
    memory: Memory = current_app.extensions[KEY]
    return memory


def _url() -> tuple[str, ...]:
    return request.host, request.script_root, request.full_path


def _size(key: tuple[str, ...]) -> int:
    """The bytes of a key: the host and the URL, which a client chooses."""
    return sum(len(part) for part in key)


def remember(response: Response, fingerprint: Hashable, *, with_body: bool = True) -> None:
    """Keep the validators of ``response``, a buffered 200 with its ETag set, and, from a
    GET, its headers and body where small enough and ``with_body``."""
    etag, _ = response.get_etag()
    if etag is None:
        return
    vary = tuple((name, request.headers.get(name)) for name in response.vary)
    if request.method != "GET":
        # A HEAD leaves a GET's answer of the same representation as it is.
        known = _memory().get(_url())
        if known is not None and known.answer is not None and (known.etag, known.fingerprint) == (etag, fingerprint):
            return
    answer = None
    # A HEAD's body is werkzeug's to drop: keep only a GET's, which answers a HEAD too.
    if with_body and request.method == "GET" and not response.is_streamed:
        body = response.get_data()
        if len(body) <= MAXIMUM_BODY_BYTES:
            headers = tuple((name, value) for name, value in response.headers if name.lower() not in _NOT_KEPT)
            answer = Answer(headers, body)
    _memory().put(_url(), Validators(etag, fingerprint, vary, answer))


def from_memory(fingerprint: Hashable, cache_control: Callable[[], str]) -> Response | None:
    """A 304 if the client's ETag is the one remembered, otherwise the remembered 200,
    when nothing it was made of changed; ``None`` to run the view. ``cache_control`` is
    asked only for an answer."""
    known = _memory().get(_url())
    if known is None or known.fingerprint != fingerprint:
        return None
    headers = request.headers
    if any(headers.get(name) != value for name, value in known.vary):
        return None
    if request.if_none_match.contains_weak(known.etag):
        response = current_app.response_class(status=304)
        response.set_etag(known.etag)
        response.headers["Cache-Control"] = cache_control()
        for name, _ in known.vary:
            response.vary.add(name)
    elif known.answer is not None:
        response = current_app.response_class(known.answer.body, headers=list(known.answer.headers))
        response.headers["Cache-Control"] = cache_control()
        # As for a 200 the view made: If-Modified-Since may still make it a 304.
        response.make_conditional(request)
    else:
        return None
    g.medfin_from_memory = True  # caching need not hash it, nor remember it again
    return response
