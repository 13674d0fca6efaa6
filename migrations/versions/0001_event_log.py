"""The event log, decisions to lock, tokens and idempotency keys.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

EVENT_ID = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "decisions",
        sa.Column("decision_id", sa.String(100), primary_key=True),
        sa.Column("event_count", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_table(
        "events",
        sa.Column("event_id", EVENT_ID, primary_key=True, autoincrement=True),
        sa.Column("decision_id", sa.String(100), sa.ForeignKey("decisions.decision_id"), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("effective_on", sa.Date, nullable=True),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(100), nullable=False),
        sa.Column("source_url", sa.Text, nullable=True),
        sa.Column("source_evidence", sa.String(40), nullable=True),
        sa.Column("corrects", EVENT_ID, sa.ForeignKey("events.event_id"), nullable=True),
    )
    op.create_index("ix_events_decision_id", "events", ["decision_id"])
    op.create_table(
        "tokens",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "idempotency_keys",
        sa.Column("decision_id", sa.String(100), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("token_name", sa.String(100), nullable=False),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("status", sa.Integer, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("location", sa.Text, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("decision_id", "token_name", "key", name="uq_idempotency_key"),
    )


def downgrade() -> None:
    op.drop_table("idempotency_keys")
    op.drop_table("tokens")
    op.drop_index("ix_events_decision_id", "events")
    op.drop_table("events")
    op.drop_table("decisions")
