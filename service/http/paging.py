"""Paging a list: ``page`` and ``limit`` in, totals in the body, RFC 8288 ``Link`` out;
or, for the changes feed, an opaque cursor (``after``) and a ``next`` link.

Every paged list (decisions, a decision's events, the changes) answers with a ``Link``
header naming its ``first``, ``prev``, ``next`` and ``last`` pages as URIs relative
to the server (``prev`` and ``next`` only where they exist), each keeping the
request's other query parameters, so that a client can walk the list without
building URIs itself. As CSV without ``page`` and ``limit``, a list comes whole, and
has no pages to link.
"""

from __future__ import annotations

import re
from typing import TypeVar
from urllib.parse import urlencode

from flask import request
from werkzeug.sansio.response import Response

AnyResponse = TypeVar("AnyResponse", bound=Response)

PAGING_PARAMETERS = ("page", "limit")


def is_paged() -> bool:
    """Whether the request names a page (``page`` or ``limit``). A list asked for as CSV
    without either comes whole (``negotiation.whole_csv_response``); as JSON, it is
    paged all the same, 20 items by default."""
    return any(name in request.args for name in PAGING_PARAMETERS)


def last_page(total: int, limit: int) -> int:
    """The number of the last page; an empty list still has page 1."""
    return max(1, -(-total // limit))


def link_header(page: int, limit: int, total: int) -> str:
    """The ``Link`` header value for ``page`` of a list of ``total`` items."""
    last = last_page(total, limit)
    targets = {"first": 1}
    if page > 1:
        targets["prev"] = min(page - 1, last)  # past the end, prev leads back into the list
    if page < last:
        targets["next"] = page + 1
    targets["last"] = last
    return ", ".join(f'<{page_uri(number, limit)}>; rel="{rel}"' for rel, number in targets.items())


def page_uri(page: int, limit: int) -> str:
    """This request's URI with another ``page``, its other parameters kept in order."""
    kept = [(name, value) for name, value in request.args.items(multi=True) if name not in PAGING_PARAMETERS]
    query = urlencode([*kept, ("limit", limit), ("page", page)], safe=":")
    return f"{request.script_root}{request.path}?{query}"


def paged(response: AnyResponse, page: int, limit: int, total: int) -> AnyResponse:
    """``response`` with the ``Link`` header for its page."""
    response.headers["Link"] = link_header(page, limit, total)
    return response


#: A cursor: ``p`` and a position of at most 18 digits (within the store's 64 bits).
_CURSOR = re.compile(r"p(0|[1-9][0-9]{0,17})")


def cursor(position: int) -> str:
    """The cursor after ``position``: opaque to clients, who take it from a ``next`` link."""
    return f"p{position}"


def position_of(text: str) -> int | None:
    """The position a cursor stands after; ``None`` for text no ``next`` link could give."""
    found = _CURSOR.fullmatch(text)
    return None if found is None else int(found.group(1))


def next_link(response: AnyResponse, after: int) -> AnyResponse:
    """``response`` with a ``Link`` to what comes after the position ``after`` (RFC 8288
    ``next``; on the last page, where a follower asks again later), this request's other
    parameters kept but ``since``, which the cursor supersedes."""
    kept = [(n, v) for n, v in request.args.items(multi=True) if n not in ("after", "since")]
    query = urlencode([*kept, ("after", cursor(after))], safe=":")
    response.headers["Link"] = f'<{request.script_root}{request.path}?{query}>; rel="next"'
    return response
