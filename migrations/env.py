"""Alembic environment: medfin passes its engine in ``config.attributes["connection"]``."""

from __future__ import annotations

from alembic import context

from service.storage.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - medfin always passes one
    raise RuntimeError("Run migrations through `medfin db upgrade`, which passes the connection.")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
