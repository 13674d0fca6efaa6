"""JSON or CSV: one choice per request, by ``?format=`` first, then ``Accept``."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from flask import Response, request

from service.problems import Problem

OFFERED = ("application/json", "text/csv")


def wants_csv(format_parameter: str | None) -> bool:
    """True when the client asked for CSV; a ``Problem`` 406 when it accepts neither."""
    if format_parameter is not None:
        return format_parameter == "csv"
    if not request.headers.get("Accept"):
        return False
    best = request.accept_mimetypes.best_match(OFFERED)
    if best is None:
        raise Problem(
            "not-acceptable",
            f"This resource is offered as {' or '.join(OFFERED)}; the Accept header allows neither.",
        )
    return best == "text/csv"


def csv_response(rows: Iterable[Sequence[Any]], header: Sequence[str], filename: str) -> Response:
    """UTF-8 CSV with a header row, downloaded as ``filename``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    response = Response(buffer.getvalue(), mimetype="text/csv")
    response.content_type = "text/csv; charset=utf-8; header=present"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.vary.add("Accept")
    return response


def json_response(document: Any) -> Response:
    from flask import current_app

    response = current_app.json.response(document)
    response.vary.add("Accept")
    return response
