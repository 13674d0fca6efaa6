"""One representation per request, chosen by ``?format=`` first, then ``Accept``.

A resource offers its representations as ``{format: media type}``, default first:
lists offer JSON and CSV (``TABULAR``), the catalogue offers RDF/XML, Turtle and
JSON-LD. Whatever is chosen, the answer varies with ``Accept``; an ``Accept`` that
allows none of them is a 406 problem.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from flask import Response, current_app, request

from service.problems import Problem
from service.tabular import spreadsheet_cell

#: What every list offers: JSON by default, CSV on request.
TABULAR = {"json": "application/json", "csv": "text/csv"}


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
    open in a spreadsheet (``tabular.spreadsheet_cell``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([spreadsheet_cell(value) for value in row] for row in rows)
    response = Response(buffer.getvalue(), mimetype="text/csv")
    response.content_type = "text/csv; charset=utf-8; header=present"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.vary.add("Accept")
    return response


def json_response(document: Any) -> Response:
    """``document`` as JSON, marked as one of several representations."""
    response = current_app.json.response(document)
    response.vary.add("Accept")
    return response
