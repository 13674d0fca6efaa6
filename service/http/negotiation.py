"""One representation per request, chosen by ``?format=`` first, then ``Accept``.

A resource offers its representations as ``{format: media type}``, default first:
lists offer JSON and CSV (``TABULAR``), the catalogue offers RDF/XML, Turtle and
JSON-LD. Whatever is chosen, the answer varies with ``Accept``; an ``Accept`` that
allows none of them is a 406 problem.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from flask import Response, current_app, request

from service.http import caching
from service.http.problems import Problem

#: What every list offers: JSON by default, CSV on request.
TABULAR = {"json": "application/json", "csv": "text/csv"}

#: What no CSV cell holds: control characters but tab and LF (and any unpaired surrogate).
_NOT_IN_CELL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
#: OWASP's list of the characters that make a cell a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def choose(format_parameter: str | None, offered: Mapping[str, str]) -> str:
    """The ``offered`` format the client asked for; a ``Problem`` 406 when ``Accept``
    allows none. ``format_parameter`` was validated against ``offered`` by the view's
    query schema, and wins over ``Accept``."""
    if format_parameter is not None:
        return format_parameter
    default = next(iter(offered))
    if not request.headers.get("Accept"):
        return default
    media_types = list(offered.values())
    best = request.accept_mimetypes.best_match(media_types)
    if best is None:
        raise Problem(
            "not-acceptable",
            f"This resource is offered as {', '.join(media_types)}; the Accept header allows none of them.",
        )
    return next(name for name, media_type in offered.items() if media_type == best)


def wants_csv(format_parameter: str | None) -> bool:
    """True when the client asked for CSV rather than JSON; a ``Problem`` 406 when it accepts neither."""
    return choose(format_parameter, TABULAR) == "csv"


def csv_response(rows: Iterable[Sequence[Any]], header: Sequence[str], filename: str) -> Response:
    """UTF-8 CSV with a header row, downloaded as ``filename``; every cell made safe to
    open in a spreadsheet (``spreadsheet_cell``)."""
    response = Response(b"".join(csv_chunks(rows, header)), mimetype="text/csv")
    response.content_type = "text/csv; charset=utf-8; header=present"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.vary.add("Accept")
    return response


#: About this many bytes of CSV make one chunk of a streamed body.
CHUNK_BYTES = 64 * 1024


def whole_csv_response(rows: Callable[[], Iterable[Sequence[Any]]], header: Sequence[str], filename: str) -> Response:
    """A whole list as ``csv_response`` gives a page of it, streamed: ``rows()`` is read
    twice, once to hash and count the bytes (a strong ETag, as ``service.http.caching`` makes
    for any body, and a Content-Length) and once to send them, a chunk at a time, so
    that neither holds the list in memory. ``rows()`` must give the same rows each time:
    a snapshot, such as the log up to a given event."""
    digest, length = caching.body_digest("text/csv"), 0
    for chunk in csv_chunks(rows(), header):
        digest.update(chunk)
        length += len(chunk)
    response = Response(csv_chunks(rows(), header), mimetype="text/csv")
    response.content_type = "text/csv; charset=utf-8; header=present"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.content_length = length
    response.set_etag(digest.hexdigest())
    response.vary.add("Accept")
    return response


def csv_chunks(rows: Iterable[Sequence[Any]], header: Sequence[str]) -> Iterator[bytes]:
    """The bytes ``csv_response`` would write, in chunks of about ``CHUNK_BYTES``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([spreadsheet_cell(value) for value in row])
        if buffer.tell() >= CHUNK_BYTES:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode("utf-8")


def spreadsheet_cell(value: Any) -> str:
    """A value as a CSV file holds it (nothing for ``None``): without control characters
    other than tab and LF, and with ``'`` before what a spreadsheet would read as a formula."""
    text = _NOT_IN_CELL.sub("", "" if value is None else str(value))
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def json_response(document: Any) -> Response:
    """``document`` as JSON, marked as one of several representations."""
    response = current_app.json.response(document)
    response.vary.add("Accept")
    return response
