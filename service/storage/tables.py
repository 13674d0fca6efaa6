"""The tables, as SQLAlchemy Core metadata (the migrations create them; this describes them).

Money is never a float here: amounts live inside ``payload`` as decimal strings.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Sequence,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

#: One row per decision: the row writers lock so that a rule check and an insert are one step.
decisions = Table(
    "decisions",
    metadata,
    Column("decision_id", String(100), primary_key=True),
    Column("event_count", Integer, nullable=False, default=0),
    # The decision's stamp, kept by every write in its transaction (migration 0003).
    Column("last_event_id", BigInteger().with_variant(Integer, "sqlite"), nullable=True),
    Column("last_recorded_at", DateTime(timezone=True), nullable=True),
)

#: The append-only log. No code path updates or deletes a row.
events = Table(
    "events",
    metadata,
    Column("event_id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("decision_id", String(100), ForeignKey("decisions.decision_id"), nullable=False),
    Column("type", String(32), nullable=False),
    Column("effective_on", Date, nullable=True),
    Column("payload", JSON, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("recorded_by", String(100), nullable=False),
    Column("source_url", Text, nullable=True),
    Column("source_evidence", String(40), nullable=True),
    Column("corrects", BigInteger().with_variant(Integer, "sqlite"), ForeignKey("events.event_id"), nullable=True),
    #: The event's place in commit order (migration 0003): what GET /v1/changes pages by.
    Column("position", BigInteger().with_variant(Integer, "sqlite"), nullable=True),
    Index("ix_events_position", "position", unique=True),
    Index("ix_events_decision_event", "decision_id", "event_id"),
    Index("ix_events_corrects", "corrects"),
    Index("ix_events_recorded_at", "recorded_at"),
)

#: Where PostgreSQL takes each event's ``position`` (migration 0004); SQLite takes the
#: largest one plus one, under its single writer lock.
event_positions = Sequence("event_positions", metadata=metadata)

tokens = Table(
    "tokens",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("role", String(20), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)

#: First answers to POSTs that carried an Idempotency-Key, kept with the event they stored.
idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("decision_id", String(100), nullable=False),
    Column("key", String(200), nullable=False),
    Column("token_name", String(100), nullable=False),
    Column("request_hash", String(64), nullable=False),
    Column("status", Integer, nullable=False),
    Column("body", Text, nullable=False),
    Column("location", Text, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("decision_id", "token_name", "key", name="uq_idempotency_key"),
)

#: One token bucket per key (``failed-auth:<address>``, ``writes:<token name>``): the
#: moment, in milliseconds since the epoch, at which it is full again (service.storage.limits).
rate_limits = Table(
    "rate_limits",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("refilled_at", BigInteger, nullable=False),
    Index("ix_rate_limits_refilled_at", "refilled_at"),  # the sweep deletes full buckets by it
)
