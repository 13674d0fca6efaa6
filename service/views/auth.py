"""Who is writing: ``Authorization: Bearer <token>``, checked against stored hashes.

Before any token is looked at, the client address must not have used up its failed
authentications (``service.storage.limits``): while it has, every write from it is a 429, even
with a right token, so that guessing cannot go on. A wrong token (unknown or revoked)
counts as a failed authentication; a missing header or a reader's token does not (no
guess was made). A right registrar's token then counts one write against its limit:
the caller counts it (``service.views.events``: in the write's own transaction).
"""

from __future__ import annotations

from flask import current_app, request

from service.http.problems import Problem
from service.storage import limits, tokens


def writer() -> str:
    """The name of the token that may write, or a 401/403/429 problem. The write is not
    counted yet: the caller counts it (``limits.counting_a_write``, else ``count_a_write``)."""
    address = request.remote_addr or ""
    limits.refuse_a_limited_address(address)
    header = request.headers.get("Authorization", "")
    scheme, _, presented = header.partition(" ")
    if scheme.lower() != "bearer" or not presented.strip():
        raise Problem(
            "unauthorized", "Writing needs a token: send Authorization: Bearer <token> (medfin tokens create)."
        )
    info = tokens.identify(current_app.extensions["medfin"].engine, presented.strip())
    if info is None or info.revoked_at is not None:
        limits.count_a_failed_authentication(address)
        raise Problem("unauthorized", "The bearer token is unknown or revoked; ask for a new one.")
    if not info.may_write:
        raise Problem("forbidden", f"The token {info.name!r} has the role {info.role!r}, which may not record events.")
    return info.name
