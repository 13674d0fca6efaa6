"""Periods counted in months, as Swedish law counts them.

A period of N months from a day S ends the day before S's date N months later, or on
the last day of that month where that date does not exist: 2024-01-31 + 36 months ends
2027-01-30; 2024-02-29 + 36 months ends 2027-02-28. Lag (1930:173) om beräkning av
lagstadgad tid, 1 §, counts a month to the day with the same number and, where the last
month has no such day, to its last day; a project's months include their first day, so
they end the day before. (Counting from the day before S instead would end a period
from the 1st of a month on the 28th of a later one.) The calendar arithmetic is
dateutil's ``relativedelta``, which keeps the day of the month and falls back to the
month's last day where that day does not exist.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

Span = tuple[date, date]


def period_end(start: date, months: int) -> date:
    """The last day of a period of ``months`` months that begins on ``start``."""
    try:
        later = start + relativedelta(months=months)
    except (OverflowError, ValueError):  # past the calendar: no day of it ends the period
        return date.max
    if later.day != start.day:  # that date does not exist: the month's last day
        return later
    return later - timedelta(days=1)


@lru_cache(maxsize=256)  # bounded: the start day comes from the caller's facts
def years_from(start: date, count: int) -> tuple[Span, ...]:
    """``count`` consecutive years of twelve months each, the first beginning on ``start``."""
    spans: list[Span] = []
    begins = start
    for number in range(1, count + 1):
        ends = period_end(start, 12 * number)
        spans.append((begins, ends))
        if ends == date.max:
            break
        begins = ends + timedelta(days=1)
    return tuple(spans)
