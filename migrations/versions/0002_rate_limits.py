"""Rate limits: one token bucket per client address or token, shared by every worker.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rate_limits",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("refilled_at", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_rate_limits_refilled_at", "rate_limits", ["refilled_at"])


def downgrade() -> None:
    op.drop_index("ix_rate_limits_refilled_at", "rate_limits")
    op.drop_table("rate_limits")
