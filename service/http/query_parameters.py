"""Query parameters the contract does not name are refused, not ignored.

A client that sends ``?modified_since=...`` (OParl's name) where this API reads
``since`` would otherwise get every change and never learn why. Each ``/v1`` operation
takes the query parameters openapi.yaml lists for it (its own and its path's); anything
else is a 400 ``validation-error`` naming the parameter and the ones the operation takes.
The lists are read from the contract once, so the two cannot drift.
"""

from __future__ import annotations

from functools import cache

from flask import Flask, request

from service.http.contract import openapi_template, resolve, spec
from service.http.problems import Problem


def init_app(app: Flask) -> None:
    app.before_request(refuse_unknown_query_parameters)


def refuse_unknown_query_parameters() -> None:
    if not request.args or request.url_rule is None or not request.path.startswith("/v1"):
        return
    method = "get" if request.method == "HEAD" else request.method.lower()
    known = taken().get((openapi_template(request.url_rule.rule), method))
    if known is None:  # OPTIONS, and what the router answers 405 to
        return
    repeated = sorted(name for name in request.args if len(request.args.getlist(name)) > 1 and name in known)
    if repeated:
        raise Problem(
            "validation-error",
            f"Query parameter {_quoted(repeated)} is given more than once; give each at most once.",
            errors=[{"parameter": name, "detail": "Given more than once; give it once."} for name in repeated],
        )
    unknown = sorted(name for name in request.args if name not in known)
    if unknown:
        takes = ", ".join(sorted(known)) or "none"
        raise Problem(
            "validation-error",
            f"Unknown query parameter {_quoted(unknown)}; this operation takes: {takes}.",
            errors=[
                {"parameter": name, "detail": f"Not a parameter of this operation; it takes: {takes}."}
                for name in unknown
            ],
        )


def _quoted(names: list[str]) -> str:
    """ "since", "as_of" and an empty name ("") alike visible in a sentence."""
    return ", ".join(f'"{name}"' for name in names)


@cache
def taken() -> dict[tuple[str, str], frozenset[str]]:
    """(path, method) → the names of the query parameters openapi.yaml gives it."""
    found = {}
    for path, item in spec()["paths"].items():
        shared = item.get("parameters", [])
        for method, operation in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                parameters = [resolve(p) for p in (*shared, *operation.get("parameters", []))]
                found[(path, method)] = frozenset(p["name"] for p in parameters if p["in"] == "query")
    return found
