"""Each event's position in commit order, and an index for every filter and order the API uses.

``position`` is taken under a lock held until the transaction commits (SQLite's write
lock; PostgreSQL's transaction-scoped advisory lock), so that it follows commit order:
a reader that has seen position n has seen every event committed before it, and a
writer that commits late on another decision is never skipped by a feed that pages by
it (GET /v1/changes?after=). Existing events are numbered in the order of their ids,
the order in which the log recorded them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

POSITION = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.add_column("events", sa.Column("position", POSITION, nullable=True))
    op.execute("UPDATE events SET position = event_id")
    # Each decision's stamp, kept by every write in its transaction: a 304 reads one row.
    op.add_column("decisions", sa.Column("last_event_id", POSITION, nullable=True))
    op.add_column("decisions", sa.Column("last_recorded_at", sa.DateTime(timezone=True), nullable=True))
    op.execute(
        "UPDATE decisions SET"
        " event_count = (SELECT count(*) FROM events WHERE events.decision_id = decisions.decision_id),"
        " last_event_id = (SELECT max(event_id) FROM events WHERE events.decision_id = decisions.decision_id),"
        " last_recorded_at = (SELECT max(recorded_at) FROM events WHERE events.decision_id = decisions.decision_id)"
    )
    # The feed pages by position; a 304 and the log's stamps read the newest one.
    op.create_index("ix_events_position", "events", ["position"], unique=True)
    # A decision's log in order, and its newest event: one index, read from its end.
    op.create_index("ix_events_decision_event", "events", ["decision_id", "event_id"])
    op.drop_index("ix_events_decision_id", "events")
    # Which event a correction cancels.
    op.create_index("ix_events_corrects", "events", ["corrects"])
    # The feed's ``since``.
    op.create_index("ix_events_recorded_at", "events", ["recorded_at"])


def downgrade() -> None:
    op.drop_index("ix_events_recorded_at", "events")
    op.drop_index("ix_events_corrects", "events")
    op.create_index("ix_events_decision_id", "events", ["decision_id"])
    op.drop_index("ix_events_decision_event", "events")
    op.drop_index("ix_events_position", "events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("position")
    with op.batch_alter_table("decisions") as batch:
        batch.drop_column("last_recorded_at")
        batch.drop_column("last_event_id")
