"""The load generator: a separate process that sends requests over loopback.

``python -m bench.client`` reads one JSON command a line on stdin and answers one
JSON result a line on stdout, so the benchmark can read the servers' counters
between phases while the client process stays warm. A command::

    {"port": 8123, "requests": ["<raw HTTP request>", ...], "count": 4000, "concurrency": 4}

sends ``count`` requests, cycling through ``requests``, with ``concurrency``
connections open at a time (non-blocking sockets, one ``selectors`` loop: little
client CPU per request). Every request says ``Connection: close``, so each is a fresh
connection, read until the server closes it; echo and the service are driven the
same way. The result gives the wall
time and the count of each status code.
"""

from __future__ import annotations

import json
import selectors
import socket
import sys
import time
from collections import Counter
from typing import Any


class _Exchange:
    """One request on its own connection: write it whole, read until EOF."""

    __slots__ = ("sock", "request", "sent", "head")

    def __init__(self, port: int, request: bytes) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setblocking(False)
        self.sock.connect_ex(("127.0.0.1", port))
        self.request, self.sent, self.head = request, 0, b""


def run(port: int, requests: list[bytes], count: int, concurrency: int) -> dict[str, Any]:
    """Send ``count`` requests; return the wall seconds and the statuses seen."""
    selector = selectors.DefaultSelector()
    statuses: Counter[str] = Counter()
    started = finished = 0

    def start() -> None:
        nonlocal started
        exchange = _Exchange(port, requests[started % len(requests)])
        selector.register(exchange.sock, selectors.EVENT_WRITE, exchange)
        started += 1

    began = time.perf_counter()
    for _ in range(min(concurrency, count)):
        start()
    while finished < count:
        for key, events in selector.select(timeout=30):
            exchange: _Exchange = key.data
            if not _step(exchange, events, selector, statuses):
                continue
            finished += 1
            if started < count:
                start()
    return {"count": count, "seconds": time.perf_counter() - began, "statuses": dict(statuses)}


def _step(exchange: _Exchange, events: int, selector: selectors.BaseSelector, statuses: Counter[str]) -> bool:
    """Advance one exchange; True when it is over (answered, or failed)."""
    try:
        if events & selectors.EVENT_WRITE:
            exchange.sent += exchange.sock.send(exchange.request[exchange.sent :])
            if exchange.sent == len(exchange.request):
                selector.modify(exchange.sock, selectors.EVENT_READ, exchange)
            return False
        data = exchange.sock.recv(262144)
        if data:
            if len(exchange.head) < 12:
                exchange.head += data[:12]
            return False
        statuses[exchange.head[9:12].decode("ascii", "replace") or "no-answer"] += 1
    except OSError as error:
        statuses[f"error:{type(error).__name__}"] += 1
    selector.unregister(exchange.sock)
    exchange.sock.close()
    return True


def main() -> None:
    for line in sys.stdin:
        command = json.loads(line)
        requests = [r.encode("latin-1") for r in command["requests"]]
        result = run(command["port"], requests, command["count"], command["concurrency"])
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
