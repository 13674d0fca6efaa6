"""Time where the decision was taken: a status changes at midnight in Stockholm,
whatever the server's own time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def today() -> date:
    """Today in Stockholm."""
    return datetime.now(STOCKHOLM).date()


def midnight(day: date) -> datetime:
    """The moment ``day`` begins in Stockholm, in UTC (DST included)."""
    return datetime.combine(day, time(0), tzinfo=STOCKHOLM).astimezone(UTC)


def utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every moment here is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
