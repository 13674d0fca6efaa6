"""PostgreSQL takes each event's position from a sequence.

A write that is checked against the standing its process keeps is stored in one
statement (``service.storage.store``): the decision's row locked if nothing was recorded
since, the lock that orders positions, the position, the event and the decision's stamp.
One statement reads one snapshot, taken before it waits for those locks, so the position
cannot be the largest one it sees plus one: a writer that committed meanwhile would not
be seen. A sequence is read at the moment it is asked, under the lock, which is held
until the commit, so positions still follow commit order. A transaction that rolls back
leaves a gap, which the feed's cursors do not mind (they page by ``position > after``).

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
    op.execute("SELECT setval('event_positions', (SELECT coalesce(max(position), 0) + 1 FROM events), false)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP SEQUENCE event_positions")
