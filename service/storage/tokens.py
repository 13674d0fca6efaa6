"""Bearer tokens for writers. Only a SHA-256 hash of each token is stored.

Tokens are 256 random bits, so a fast hash is enough (there is nothing to guess); the
hashes are compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine, insert, select, update

from service.shared.stockholm import utc
from service.shared.text import is_line
from service.storage.engine import begin_write, result_processor
from service.storage.tables import tokens

#: Role → may it record events?
ROLES = {"registrar": True, "reader": False}
PREFIX = "medfin_"


@dataclass(frozen=True, slots=True)
class TokenInfo:
    name: str
    role: str
    created_at: datetime
    revoked_at: datetime | None

    @property
    def may_write(self) -> bool:
        return self.revoked_at is None and ROLES.get(self.role, False)


class TokenExists(Exception):
    pass


class InvalidName(ValueError):
    """A token's name that could not be recorded as ``recorded_by``."""


#: A name is recorded as ``recorded_by`` on every event the token writes.
NAME_LENGTH = 100


def _is_name(name: str) -> bool:
    """A line of text (``service.shared.text``), 1 to 100 characters, no space at either end."""
    return 0 < len(name) <= NAME_LENGTH and name == name.strip() and is_line(name)


def digest_of(token: str) -> str:
    """What is stored of a token, and looked up by."""
    return hashlib.sha256(token.encode()).hexdigest()


def create(engine: Engine, name: str, role: str, *, token: str | None = None) -> str:
    """A new token for ``name``; the plain token is returned once and never stored.
    ``token`` registers one made elsewhere (a secrets manager's, a test's) instead of a
    random one."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if not _is_name(name):
        raise InvalidName(
            "A token's name is 1 to 100 characters of text, without control characters or spaces at either end."
        )
    token = token or PREFIX + secrets.token_urlsafe(32)
    with begin_write(engine) as connection:
        if connection.execute(select(tokens.c.name).where(tokens.c.name == name)).first():
            raise TokenExists(name)
        connection.execute(
            insert(tokens).values(name=name, role=role, token_hash=digest_of(token), created_at=datetime.now(UTC))
        )
    return token


def listing(engine: Engine) -> list[TokenInfo]:
    with engine.connect() as connection:
        rows = connection.execute(select(tokens).order_by(tokens.c.name)).all()
    return [TokenInfo(r.name, r.role, utc(r.created_at), r.revoked_at and utc(r.revoked_at)) for r in rows]


def revoke(engine: Engine, name: str) -> bool:
    """Revoke ``name``'s token; False if there is no such token."""
    with begin_write(engine) as connection:
        result = connection.execute(
            update(tokens)
            .where(tokens.c.name == name, tokens.c.revoked_at.is_(None))
            .values(revoked_at=datetime.now(UTC))
        )
    return result.rowcount == 1


@lru_cache(maxsize=8)
def _moment(engine: Engine) -> Any:
    """What SQLAlchemy makes of a stored moment as ``engine``'s driver gives it: made once."""
    return result_processor(tokens.c.created_at, engine)


def from_row(engine: Engine, digest: str, row: Sequence[Any] | None) -> TokenInfo | None:
    """The token of a row ``(name, role, token_hash, created_at, revoked_at)`` read on
    the driver for ``digest``, or None when no token has it (a row of NULLs, or none).
    The token is read on every write, never kept, so that a revocation holds from the
    next request on; with the write's limits, in one statement (``limits.admission``)."""
    if row is None or row[2] is None or not hmac.compare_digest(row[2], digest):
        return None
    name, role, _, created_at, revoked_at = row
    moment = _moment(engine)
    return TokenInfo(name, role, utc(moment(created_at)), revoked_at and utc(moment(revoked_at)))
