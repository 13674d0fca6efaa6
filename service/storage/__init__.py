"""Recorded facts: an append-only event log per decision, and the tokens that may write it.

SQLite in the instance folder by default, PostgreSQL when ``MEDFIN_DATABASE_URL`` says
so; the schema is made only by the Alembic migrations in ``migrations/``.
"""
