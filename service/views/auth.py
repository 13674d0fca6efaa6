"""Who is writing: ``Authorization: Bearer <token>``, checked against stored hashes.

Before any token is looked at, the client address must not have used up its failed
authentications (``service.storage.limits``): while it has, every write from it is a 429, even
with a right token, so that guessing cannot go on. A wrong token (unknown or revoked)
counts as a failed authentication; a missing header or a reader's token does not (no
guess was made). A right registrar's token that has used up its writes is a 429 at
once; otherwise the caller counts the write (``service.views.events``: in the write's
own transaction). The address, the token and its writes are read in one statement.
"""

from __future__ import annotations

from flask import request

from service.http.problems import Problem
from service.storage import limits


def writer() -> str:
    """The name of the token that may write, or a 401/403/429 problem. The write is not
    counted yet: the caller counts it (``limits.counting_a_write``, else ``count_a_write``)."""
    address = request.remote_addr or ""
    header = request.headers.get("Authorization", "")
    scheme, _, presented = header.partition(" ")
    if scheme.lower() != "bearer" or not presented.strip():
        limits.refuse_a_limited_address(address)
        raise Problem(
            "unauthorized", "Writing needs a token: send Authorization: Bearer <token> (medfin tokens create)."
        )
    admission = limits.admission(address, presented.strip())  # the three reads below, in one
    limits.refuse_an_address_that_must_wait(address, admission.address_wait)
    info = admission.token
    if info is None or info.revoked_at is not None:
        limits.count_a_failed_authentication(address)
        raise Problem("unauthorized", "The bearer token is unknown or revoked; ask for a new one.")
    if not info.may_write:
        raise Problem("forbidden", f"The token {info.name!r} has the role {info.role!r}, which may not record events.")
    limits.refuse_a_limited_token(info.name, admission.writes_wait)
    return info.name
