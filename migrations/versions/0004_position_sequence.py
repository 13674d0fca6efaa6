"""PostgreSQL takes each event's position from a sequence.

A write that is checked against the standing its process keeps is stored in one
statement (``service.storage.store``): the decision's row locked if nothing was recorded
since, the lock that orders positions, the position, the event and the decision's stamp.
One statement reads one snapshot, taken before it waits for those locks, so the position
cannot be the largest one it sees plus one: a writer that committed meanwhile would not
be seen. A sequence is read at the moment it is asked, under the lock, which is held
until the commit, so positions still follow commit order. A transaction that rolls back
leaves a gap, which the feed's cursors do not mind (they page by ``position > after``).

Workers of the release before take the largest position plus one: stop them before
this migration runs, as before any other.

SQLite has no sequences; its single writer lock already orders every writer, and its
positions stay the largest one plus one.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE SEQUENCE event_positions AS bigint")
    # The lock that orders positions (``POSITION_LOCK`` of the store), so that no writer
    # is between its position and its commit while the largest is read.
    op.execute("SELECT pg_advisory_xact_lock(7882817113800179713)")
    op.execute("SELECT setval('event_positions', (SELECT coalesce(max(position), 0) + 1 FROM events), false)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP SEQUENCE event_positions")
