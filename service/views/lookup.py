"""Finding a decision by its diarienummer, however it is written.

People write the diarienummer ``KS-2024/1371.481`` also as ``KS 2024/1371.481`` or in
lower case; all of them name the same decision, whose canonical URI uses its slug.
"""

from __future__ import annotations

import re

from flask import Response, url_for

from service.http.problems import Problem
from service.storage.decisions import decision_ids, load_decision


def canonical(diarienummer: str) -> str:
    """Upper case, no surrounding space, a space or hyphen (or a run of them) as one hyphen."""
    return re.sub(r"[\s-]+", "-", diarienummer.strip().upper())


def decision_id_of(diarienummer: str) -> str:
    """The slug of the decision with ``diarienummer``; a 404 problem if there is none."""
    wanted = canonical(diarienummer)
    for decision_id in decision_ids():
        if canonical(load_decision(decision_id).diarienummer) == wanted:
            return decision_id
    raise Problem(
        "unknown-decision",
        f"No decision has the diarienummer {diarienummer.strip()!r}. The decisions are listed at /v1/decisions.",
    )


def see_decision(diarienummer: str) -> Response:
    """303 See Other to the canonical URI of the decision with ``diarienummer``."""
    location = url_for("decisions.get_decision", decision_id=decision_id_of(diarienummer))
    return Response(status=303, headers={"Location": location})
