"""`medfin db` and `medfin tokens`, as a registrar runs them, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select, text

from service import create_app
from service.storage.engine import make_engine
from service.storage.store import EventStore
from service.storage.tables import metadata, tokens
from tests.contract import contract_app
from tests.server_process import medfin

DECISION = "ks-2024-1371-481"


def test_db_init_migrates_and_loads_the_shipped_facts_once(database_url):
    env = {"MEDFIN_DATABASE_URL": database_url}
    assert "newest migration" in medfin("db", "upgrade", env=env)
    assert "2 shipped fact(s) loaded now" in medfin("db", "init", env=env)
    assert "0 shipped fact(s) loaded now" in medfin("db", "init", env=env)
    engine = make_engine(database_url)
    try:
        assert [e.type for e in EventStore(engine).events(DECISION)] == ["proposal", "eruf_decision"]
        with engine.connect() as connection:  # the migrations build what the code describes
            differences = compare_metadata(MigrationContext.configure(connection), metadata)
        assert [d for d in differences if d[0] not in ("modify_default",)] == []
    finally:
        engine.dispose()


def test_sqlite_store_runs_in_wal_mode(tmp_path):
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'medfin.sqlite3'}"})
    with app.extensions["medfin"].engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_tokens_cli_prints_a_token_once_stores_only_its_hash_and_revokes(database_url):
    env = {"MEDFIN_DATABASE_URL": database_url}
    token = medfin("tokens", "create", "--name", "anna", "--role", "registrar", env=env).strip()
    listing = medfin("tokens", "list", env=env)
    assert "anna\tregistrar" in listing and "active" in listing and token not in listing
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            (stored,) = connection.execute(select(tokens.c.token_hash)).scalars().all()
        assert stored == hashlib.sha256(token.encode()).hexdigest() and token not in stored
        medfin("tokens", "revoke", "anna", env=env)
        assert "revoked" in medfin("tokens", "list", env=env)
        app = contract_app(database_url)
        body = {"type": "adoption", "decided_on": "2024-09-16", "body": "Kommunstyrelsen"}
        refused = app.test_client().post(
            f"/v1/decisions/{DECISION}/events", json=body, headers={"Authorization": f"Bearer {token}"}
        )
        assert refused.status_code == 401
        app.extensions["medfin"].engine.dispose()
    finally:
        engine.dispose()
