"""Who is writing: ``Authorization: Bearer <token>``, checked against stored hashes."""

from __future__ import annotations

from flask import current_app, request

from service.problems import Problem
from service.storage import tokens


def writer() -> str:
    """The name of the token that may write, or a 401/403 problem."""
    header = request.headers.get("Authorization", "")
    scheme, _, presented = header.partition(" ")
    if scheme.lower() != "bearer" or not presented.strip():
        raise Problem(
            "unauthorized", "Writing needs a token: send Authorization: Bearer <token> (medfin tokens create)."
        )
    info = tokens.identify(current_app.extensions["medfin"].engine, presented.strip())
    if info is None or info.revoked_at is not None:
        raise Problem("unauthorized", "The bearer token is unknown or revoked; ask for a new one.")
    if not info.may_write:
        raise Problem("forbidden", f"The token {info.name!r} has the role {info.role!r}, which may not record events.")
    return info.name
