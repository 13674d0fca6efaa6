"""The pages a problem's ``type`` leads to (operationId getProblemType): each type's
title, status, when it is answered and how to put it right, for the developer whose
request was refused. ``type`` is ``{PUBLIC_BASE_URL}/problems/{slug}`` by default."""

from __future__ import annotations

from flask import Blueprint, render_template

from service.http.problems import TYPES, Problem
from service.pages.problem_docs import EXPLANATIONS

bp = Blueprint("problem_types", __name__, template_folder="../pages/templates")


@bp.get("/problems/<slug>")
def get_problem_type(slug: str) -> str:
    """operationId: getProblemType."""
    if slug not in TYPES:
        raise Problem("not-found", f"No problem type is called {slug[:100]!r}; GET /problems/validation-error is one.")
    status, title = TYPES[slug]
    when, fix = EXPLANATIONS[slug]
    others = sorted(TYPES.items(), key=lambda item: (item[1][0], item[0]))
    # No day (``on``): the page says what a problem means, not how a decision stands, and
    # is cached as the release's (``caching.STATIC``).
    return render_template(
        "problem_type.html", slug=slug, status=status, title=title, when=when, fix=fix, others=others
    )
