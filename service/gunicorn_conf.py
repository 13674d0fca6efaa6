"""Gunicorn settings of medfin's own, shared by ``medfin serve`` and the benchmark.

The benchmark runs both of its apps under this file (``gunicorn -c
service/gunicorn_conf.py``), so that they differ only in the app. It imports nothing
of medfin's: gunicorn reads it as a file, and the echo baseline stays bare.

The worker is gunicorn's ``gthread`` worker, which waits for sockets in one selector
loop and runs requests on a few threads, with one change (``BufferingThreadWorker``):
a request reaches a thread only once it has arrived whole, its head and a body of up
to ``BUFFERED_BODY_BYTES`` announced by ``Content-Length``, as a buffering proxy in
front would hand it on. Until then the connection waits in the selector loop and
holds no thread, so clients that send a byte a second cost a socket and a buffer, not
a thread; the head must arrive within ``HEADER_TIMEOUT`` and the body within
``BODY_TIMEOUT``, or the connection is answered 408 and closed. Gunicorn's own
errors (a request line or header too long, a malformed request) are answered as
``application/problem+json`` (RFC 9457) with the types of ``service/http/problems.py``.
"""

from __future__ import annotations

import ctypes
import gc
import json
import os
import re
import selectors
import socket
import threading
import time
from functools import partial
from typing import Any

from gunicorn.workers import gthread

#: As the app's PROBLEM_BASE_URI (tests/test_slow_clients.py checks they agree).
PROBLEM_BASE_URI = os.environ.get("MEDFIN_PROBLEM_BASE_URI") or (
    os.environ.get("MEDFIN_PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/") + "/problems/"
)
#: Status → (slug, title) of the problems this server answers itself; each is one of
#: service/http/problems.py's TYPES. A status gunicorn answers that is not here (403 for a
#: forbidden proxy line, say) keeps its own status with "bad-request"'s type.
SERVER_PROBLEMS: dict[int, tuple[str, str]] = {
    400: ("bad-request", "The request is not valid HTTP"),
    408: ("request-timeout", "The request did not arrive in time"),
    411: ("length-required", "Content-Length required"),
    413: ("payload-too-large", "The body is too large"),
    414: ("request-line-too-long", "The request line is too long"),
    417: ("expectation-failed", "The expectation cannot be met"),
    431: ("header-fields-too-large", "The request's header fields are too large"),
    500: ("internal-error", "Internal server error"),
    501: ("not-implemented", "Not implemented"),
}
#: Seconds a client has to send a request's line and headers (from connecting, or from
#: the first byte after the previous answer), and then its body; settings with defaults.
HEADER_TIMEOUT = float(os.environ.get("MEDFIN_HEADER_TIMEOUT", "10"))
BODY_TIMEOUT = float(os.environ.get("MEDFIN_BODY_TIMEOUT", "30"))
#: Bodies up to this size are read before the request gets a thread: the app's limit
#: (MAX_BODY_BYTES, MEDFIN_MAX_CONTENT_LENGTH); a larger one is refused 413 unread, as
#: the app would, before it could hold a thread while it trickles in.
BUFFERED_BODY_BYTES = int(os.environ.get("MEDFIN_MAX_CONTENT_LENGTH", str(1024 * 1024)))
#: A head longer than this is handed to gunicorn's parser as it is, which refuses it
#: (431) unless gunicorn's own limits allow it.
BUFFERED_HEAD_BYTES = 64 * 1024

#: Seconds a thread may spend writing one answer to a client that does not read it
#: (socket.sendall's whole duration), before the connection is dropped: a client that
#: stops reading holds a thread that long at most.
ANSWER_TIMEOUT = float(os.environ.get("MEDFIN_ANSWER_TIMEOUT", "10"))
#: Seconds a connection stays open after its answer for the client to close first.
LINGER_SECONDS = 2.0

_HEAD_END = b"\r\n\r\n"
_LINGER = object()
_M_ARENA_MAX = -8  # glibc's malloc.h
_REQUEST_LINE = re.compile(rb"[A-Z]{1,20} (/[!#-~]{0,2000}?)(?:\?[!-~]*)? HTTP/1\.[01]\r\n")
_FIELD = re.compile(rb"^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$")


def problem_bytes(status: int, detail: str, *, reason: str = "", instance: str | None = None) -> bytes:
    """A whole HTTP/1.1 answer, ``Connection: close``, with an RFC 9457 problem body."""
    slug, title = SERVER_PROBLEMS.get(status, SERVER_PROBLEMS[400 if status < 500 else 500])
    document: dict[str, Any] = {"type": PROBLEM_BASE_URI + slug, "title": title, "status": status, "detail": detail}
    if instance:
        document["instance"] = instance
    body = json.dumps(document, ensure_ascii=False).encode()
    head = (
        f"HTTP/1.1 {status} {reason or title}\r\nConnection: close\r\n"
        f"Content-Type: application/problem+json\r\nContent-Length: {len(body)}\r\n"
        "X-Content-Type-Options: nosniff\r\n\r\n"
    )
    return head.encode("latin-1") + body


class _Refused(Exception):
    """The request is answered with a problem before it reaches a thread."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status, self.detail = status, detail


class _Arriving:
    """What has arrived of a connection's next request, and by when the rest must."""

    __slots__ = ("data", "deadline", "needed")

    def __init__(self, leftover: bytes) -> None:
        self.data = bytearray(leftover)
        self.deadline = time.monotonic() + HEADER_TIMEOUT
        self.needed: int | None = None  # bytes of head and body, once the head is in


class _DeadlineReader:
    """The socket as gunicorn's parser reads it in a thread, every read bounded by a
    deadline: a request handed on unbuffered (a head over BUFFERED_HEAD_BYTES) cannot
    hold its thread longer than a buffered one may wait."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        self.sock, self.deadline = sock, deadline

    def recv(self, size: int) -> bytes:
        self.sock.settimeout(max(self.deadline - time.monotonic(), 0.001))
        try:
            return self.sock.recv(size)
        finally:
            self.sock.settimeout(ANSWER_TIMEOUT)  # the answer is written as gunicorn writes it


class _Captured:
    """Stands in for the client while gunicorn writes its own error page, so that the
    status gunicorn chose can be answered as a problem instead."""

    def __init__(self) -> None:
        self.data = bytearray()

    def gettimeout(self) -> float:
        return 0.0

    def sendall(self, data: bytes) -> None:
        self.data += data


def _head_fields(head: bytes) -> dict[bytes, list[bytes]]:
    fields: dict[bytes, list[bytes]] = {}
    for line in head.split(b"\r\n")[1:]:
        if match := _FIELD.match(line):
            fields.setdefault(match[1].lower(), []).append(match[2])
    return fields


class BufferingThreadWorker(gthread.ThreadWorker):  # type: ignore[misc]
    """Gunicorn's gthread worker, handing a request to a thread only once it is in."""

    def init_process(self) -> None:
        self.lingering: list[Any] = []  # answered, FIN sent, waiting for the client's
        self.arrived = threading.local()  # the request target each thread is parsing
        super().init_process()

    def handle(self, conn: Any) -> Any:
        """In a thread: take what has arrived; run the request once it is whole."""
        if conn.is_http2:
            return super().handle(conn)
        try:
            if not self._arrived(conn):
                return gthread._DEFER  # back to the selector loop: no thread waits for it
        except _Refused as refusal:
            return self._refuse(conn, refusal.status, refusal.detail, _target(conn.medfin_arriving.data))
        except OSError:  # the client went away
            return False
        arriving = conn.medfin_arriving
        del conn.medfin_arriving
        conn.init()
        conn.data_ready = True
        unreader = conn.parser.unreader
        unreader.unread(bytes(arriving.data))
        unreader.sock = _DeadlineReader(conn.sock, arriving.deadline)
        self.arrived.target = _target(arriving.data)  # for handle_error, in this thread
        return super().handle(conn) or self._closing(conn)

    def handle_request(self, req: Any, conn: Any) -> Any:
        """Run the app and write its answer, giving up on a client that does not read
        it after ANSWER_TIMEOUT (gunicorn writes with no time limit at all)."""
        conn.sock.settimeout(ANSWER_TIMEOUT)
        return super().handle_request(req, conn)

    def _refuse(self, conn: Any, status: int, detail: str, instance: str | None) -> object:
        self.log.warning("Refused a request with %s: %s", status, detail)
        try:
            conn.sock.setblocking(False)  # a small answer, into the socket's buffer
            conn.sock.send(problem_bytes(status, detail, instance=instance))
        except OSError:
            return False
        return self._closing(conn)

    @staticmethod
    def _closing(conn: Any) -> object:
        """The answer is out: send FIN now, and let the selector loop wait for the
        client's (gunicorn's own graceful close would wait for it up to 2 s in the
        loop itself, where every other connection waits too)."""
        try:
            conn.sock.shutdown(socket.SHUT_WR)
        except OSError:
            return False
        return _LINGER

    def _arrived(self, conn: Any) -> bool:
        """Read what the socket has now; True when the request is whole (or must go to
        gunicorn's parser as it is), False to wait for more; raises ``_Refused``."""
        arriving = getattr(conn, "medfin_arriving", None)
        if arriving is None:
            # A kept-alive connection may already hold the next request's first bytes.
            leftover = conn.parser.unreader.take_buffered() if conn.parser is not None else b""
            arriving = conn.medfin_arriving = _Arriving(leftover)
        conn.sock.setblocking(False)
        closed = False
        # Never more than the request needs (or than a head may take, until it is in).
        while len(arriving.data) < (arriving.needed or BUFFERED_HEAD_BYTES + 1):
            try:
                chunk = conn.sock.recv(8192)  # gunicorn's own size: larger ones fragment the heap
            except BlockingIOError:
                break
            if not chunk:
                closed = True
                break
            arriving.data += chunk
            if arriving.needed is None:
                self._read_head(conn, arriving)
        if arriving.needed is None:  # a kept-alive connection's next request may be in already
            self._read_head(conn, arriving)
        if arriving.needed is not None and len(arriving.data) >= arriving.needed:
            return True
        if closed:
            raise ConnectionResetError("closed before the request was whole")
        if time.monotonic() >= arriving.deadline:
            raise _Refused(408, self._late(arriving))
        return False

    def _read_head(self, conn: Any, arriving: _Arriving) -> None:
        end = arriving.data.find(_HEAD_END)
        if end < 0:
            # A head over the limit, or one whose lines end in bare LFs (which never
            # ends in CRLF CRLF): gunicorn's parser decides at once, with its own limits.
            if len(arriving.data) > BUFFERED_HEAD_BYTES or b"\n\n" in arriving.data:
                arriving.needed = 0
            return
        head = bytes(arriving.data[:end])
        fields = _head_fields(head)
        if b"transfer-encoding" in fields:
            raise _Refused(411, "Send the body with a Content-Length header, not Transfer-Encoding.")
        arriving.needed = end + len(_HEAD_END)
        lengths = fields.get(b"content-length", [])
        if len(lengths) != 1 or not lengths[0].isdigit():
            return  # no body, or a Content-Length gunicorn refuses
        if int(lengths[0]) > BUFFERED_BODY_BYTES:
            raise _Refused(
                413, f"The body is larger than {BUFFERED_BODY_BYTES} bytes; no request to this API needs that much."
            )
        arriving.needed += int(lengths[0])
        arriving.deadline = time.monotonic() + BODY_TIMEOUT
        expects = fields.get(b"expect", [b""])[0].lower() == b"100-continue"
        if expects and len(arriving.data) < arriving.needed and not head.split(b"\r\n", 1)[0].endswith(b"/1.0"):
            # The client waits for this before it sends the body (gunicorn sends one
            # more when the request reaches it; RFC 9110 lets a server send several).
            conn.sock.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")

    @staticmethod
    def _late(arriving: _Arriving) -> str:
        if arriving.needed is None:
            return f"Send the request line and headers within {HEADER_TIMEOUT:g} seconds."
        return f"Send the body, as long as its Content-Length says, within {BODY_TIMEOUT:g} seconds of the headers."

    def finish_request(self, conn: Any, fs: Any) -> None:
        """In the selector loop, when a thread is done with ``conn``."""
        if not fs.cancelled() and fs.exception() is None and fs.result() is _LINGER:
            self._linger(conn)
            return
        super().finish_request(conn, fs)
        arriving = getattr(conn, "medfin_arriving", None)
        if arriving is not None and conn in self.pending_conns:
            conn.timeout = arriving.deadline  # not gunicorn's keep-alive timeout

    def _linger(self, conn: Any) -> None:
        conn.sock.setblocking(False)
        conn.timeout = time.monotonic() + LINGER_SECONDS
        self.lingering.append(conn)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._drain, conn))

    def _drain(self, conn: Any, sock: socket.socket) -> None:
        try:
            if sock.recv(8192):
                return  # what the client still sends is dropped
        except BlockingIOError:
            return
        except OSError:
            pass
        self._forget(conn, self.lingering)  # the client closed too

    def _forget(self, conn: Any, waiting: Any) -> None:
        waiting.remove(conn)
        try:
            self.poller.unregister(conn.sock)
        except (OSError, KeyError, ValueError):
            pass
        self.nr_conns -= 1
        conn.close()

    def murder_pending(self) -> None:
        """Answer 408 to every connection whose request is late and close those done
        lingering (the deadlines differ, so unlike gunicorn's this looks at each one)."""
        now = time.monotonic()
        for conn in [c for c in self.pending_conns if c.timeout <= now]:
            arriving = getattr(conn, "medfin_arriving", None)
            if arriving is None:
                self._forget(conn, self.pending_conns)
                continue
            self.pending_conns.remove(conn)
            self.poller.unregister(conn.sock)
            if self._refuse(conn, 408, self._late(arriving), _target(arriving.data)) is _LINGER:
                self._linger(conn)
            else:
                self.nr_conns -= 1
                conn.close()
        for conn in [c for c in self.lingering if c.timeout <= now]:
            self._forget(conn, self.lingering)

    def handle_error(self, req: Any, client: Any, addr: Any, exc: BaseException) -> None:
        """Gunicorn's own answer to a request it cannot parse (or to an app that failed
        before answering): the status gunicorn chose, as a problem document."""
        captured = _Captured()
        super().handle_error(req, captured, addr, exc)  # gunicorn's status, and its log lines
        status_line = bytes(captured.data).split(b"\r\n", 1)[0].decode("latin-1")
        _, code, reason = status_line.split(" ", 2)
        status = int(code)
        try:
            client.setblocking(False)
            client.send(
                problem_bytes(
                    status,
                    self._detail(status, exc),
                    reason=reason,
                    instance=self._instance(req or getattr(exc, "req", None)),
                )
            )
        except OSError:
            self.log.debug("Failed to send error message.")

    def _instance(self, req: Any) -> str | None:
        """The request's path where gunicorn read it, else the one it was about to."""
        path = getattr(req, "path", None)
        if isinstance(path, str) and path.startswith("/") and len(path) <= 2000:
            return path
        return getattr(self.arrived, "target", None)

    def _detail(self, status: int, exc: BaseException) -> str:
        """How to fix it, with at most 100 characters of what gunicorn quotes."""
        said = str(exc)
        said = said if len(said) <= 100 else said[:100] + "…"
        cfg = self.cfg
        if status == 414:
            return f"Send a request line of at most {cfg.limit_request_line} bytes ({said})."
        if status == 431:
            return (
                f"Send at most {cfg.limit_request_fields} header fields of at most "
                f"{cfg.limit_request_field_size} bytes each ({said})."
            )
        if status >= 500 and status != 501:
            return "The server failed to answer; try again later."
        return f"Send a valid HTTP/1.1 request: {said}."


def _target(data: bytearray) -> str | None:
    """The path of the request line that ``data`` begins with, if it has a plain one."""
    match = _REQUEST_LINE.match(data)
    return match[1].decode("ascii") if match else None


# Read by gunicorn from this file (``-c``) and by ``medfin serve`` (service/server.py).
worker_class = BufferingThreadWorker
#: Threads per worker run only requests that have arrived whole, so they wait for the
#: app and the database, or for a client that does not read its answer (at most
#: ANSWER_TIMEOUT), never for one that sends slowly. Two per worker fit two cores; more
#: would let a burst on a busy database be answered 503 sooner instead of queueing
#: for threads, but each further thread grew a worker's heap over the benchmark's
#: rounds (bench/: 2 threads +0.7 MiB, 4 +1.1 MiB, 8 or 16 +2 to +3.6 MiB over 20 000
#: evaluations, against a target of 1 MiB).
threads = 2
keepalive = 2  # seconds an idle kept-alive connection stays open (gunicorn's default)
timeout = 30  # seconds a worker may stop answering its master before it is restarted


def post_fork(server: Any, worker: Any) -> None:
    """In each worker, before its threads start: one malloc arena for all of them, as
    the single-threaded sync worker had. By default glibc gives each thread an arena of
    its own, each growing to its own high-water mark over the first tens of thousands
    of requests (bench/: worker RSS still growing by ~1 MiB after the warm-up; with one
    arena the growth is the sync worker's). Elsewhere than glibc this does nothing."""
    try:
        ctypes.CDLL(None).mallopt(_M_ARENA_MAX, 1)
    except (AttributeError, OSError):
        pass


def post_worker_init(worker: Any) -> None:
    """Once the app is loaded, before the first request: everything that exists now lives
    as long as the worker (modules, the app, the decision data, SQLAlchemy's and rdflib's
    tables). Frozen, it is never walked again by the cyclic garbage collector, which
    otherwise goes over all of it every so often while requests allocate; cycles made
    by requests are still collected (bench/: about 5 % of an evaluate's CPU)."""
    gc.freeze()
