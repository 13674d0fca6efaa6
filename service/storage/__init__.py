"""Recorded facts: the event log, the tokens that may write it, the rate limits, and where the decisions are found.

Imports of medfin only ``rules``, ``service.shared`` and ``service.http.problems``; never the views.

SQLite in the instance folder by default, PostgreSQL when ``MEDFIN_DATABASE_URL`` says
so; the schema is made only by the Alembic migrations in ``migrations/``.
"""
