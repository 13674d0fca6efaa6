"""Making the store ready: migrations, one row per decision, the shipped facts.

``prepare`` is idempotent and safe to run from several processes at once; the app
runs it on start (``medfin db init``).
"""

from __future__ import annotations

import threading
from datetime import date

from sqlalchemy import Engine, text

from service.shared.facts import DATE_FIELD, SHIPPED_BY
from service.storage.decisions import decision_ids, load_decision
from service.storage.engine import begin_write, is_sqlite, migration_timeouts
from service.storage.store import Answer, Draft, EventStore, Log, migrate

#: Alembic runs a migration through module-level proxies (``alembic.op``, ``context``),
#: one per process: two threads migrating at once (the shipped features' run in the
#: background, beside a request's app) would share them, so they take turns.
_MIGRATING = threading.Lock()
#: Held while migrating on PostgreSQL, so that two workers starting together take turns.
MIGRATION_LOCK = 7_126_481


def upgrade(engine: Engine) -> None:
    """``medfin db upgrade``: the schema at the newest migration, one process at a time
    (SQLite's BEGIN IMMEDIATE, PostgreSQL's advisory lock until commit)."""
    with _MIGRATING, begin_write(engine) as connection, migration_timeouts(connection):
        if not is_sqlite(engine):
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        migrate(connection)


def prepare(store: EventStore) -> int:
    """Migrate, then load every decision's shipped facts once. Returns how many were new."""
    upgrade(store.engine)
    loaded = 0
    for decision_id in decision_ids():
        store.ensure_decision(decision_id)
        for fact in load_decision(decision_id).data.get("facts", []):
            loaded += _load_fact(store, decision_id, fact)
    return loaded


def _load_fact(store: EventStore, decision_id: str, fact: dict[str, object]) -> int:
    date_field = DATE_FIELD[str(fact["type"])]
    draft = Draft(
        type=str(fact["type"]),
        effective_on=date.fromisoformat(str(fact[date_field])),
        payload={k: v for k, v in fact.items() if k not in ("type", date_field)},
        source_url=fact.get("source_url"),  # type: ignore[arg-type]
        source_evidence=str(fact["evidence"]),
    )

    def only_once(log: Log, _draft: Draft) -> None:
        # A standing keeps every event but the utbetalningar whole; a shipped utbetalning
        # (none ships yet) is looked for in the log.
        kept = log.standing.others if draft.type != "disbursement" else store.events(decision_id)
        if any(e.payload.get("fact_id") == fact["fact_id"] for e in kept):
            raise _AlreadyLoaded

    try:
        store.append(
            decision_id, draft, recorded_by=SHIPPED_BY, check=only_once, answer=lambda _: Answer(201, b"", None)
        )
    except _AlreadyLoaded:
        return 0
    return 1


class _AlreadyLoaded(Exception):
    pass
