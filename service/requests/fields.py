"""The formats a request's values are written in, read as openapi.yaml writes them.

Nothing more is read than the spec allows: a date is ``YYYY-MM-DD`` (not ``20250301``
or ``2025-W10-1``, which ``date.fromisoformat`` would take), a moment is
``MOMENT_PATTERN`` (RFC 3339 with ``Z`` or an offset; ``fromisoformat`` alone takes
``+01`` and a space), an integer in a query is ASCII digits (``int`` takes ``1_000``
and `` 1``), an integer in a body is one as JSON Schema counts them (``2.0`` too), and
an amount is a decimal string or a JSON number of whole kronor.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from marshmallow import ValidationError, fields, validate

from rules.money import ORE

MAXIMUM_AMOUNT = Decimal("999999999999.99")
_AMOUNT_TEXT = re.compile(r"[0-9]{1,15}(\.[0-9]{1,2})?")
SLUG = validate.Regexp(
    r"^[a-z0-9][a-z0-9-]{0,99}$",
    error="Must be a slug (lower-case letters, digits and hyphens) such as kommunstyrelsens-anslag.",
)
#: The spec's patterns (openapi.yaml), one for every date and one for every moment.
DAY_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
MOMENT_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$"
_DAY = re.compile(DAY_PATTERN)
# ASCII digits: in Python's re, \d also matches other scripts' digits, which the spec's does not.
_MOMENT = re.compile(MOMENT_PATTERN.replace(r"\d", "[0-9]"))
_QUERY_INTEGER = re.compile(r"-?[0-9]{1,20}")


class Amount(fields.Field[Decimal]):
    """An amount in SEK: a decimal string ("400000.00") or a JSON number of whole kronor
    (400000), read exactly, greater than zero; öre only in a string."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Decimal:
        return amount_from(value)


def amount_from(value: Any) -> Decimal:
    """The rules of ``Amount``: the amount, or a ``ValidationError`` saying what is wrong."""
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise ValidationError('Must be a decimal string such as "400000.00" or a JSON number of whole kronor.')
    if isinstance(value, str) and not _AMOUNT_TEXT.fullmatch(value):
        raise ValidationError('Must be a decimal string of digits with at most two decimals, such as "400000.00".')
    try:
        number = Decimal(value)
    except InvalidOperation as error:
        raise ValidationError("Must be a number.") from error
    # A JSON number is an integer, as JSON Schema counts them (400000, also 4E5 or 400000.0):
    # a float-based client or validator cannot be trusted with two decimals (openapi.yaml).
    if not isinstance(value, str) and number.is_finite() and number != number.to_integral_value():
        raise ValidationError('A JSON number must be whole kronor (400000); send öre in a string ("333333.33").')
    if not number.is_finite() or number > MAXIMUM_AMOUNT:
        raise ValidationError(f"Must be at most {MAXIMUM_AMOUNT}.")
    if number <= 0:
        raise ValidationError("Must be greater than 0.")
    exact = number.quantize(ORE)
    if number != exact:
        raise ValidationError("Must have at most two decimals (öre).")
    return exact


def day_from(value: Any) -> date:
    """A real calendar date written exactly ``YYYY-MM-DD``; ``ValueError`` for anything else."""
    if type(value) is not str or _DAY.fullmatch(value) is None:
        raise ValueError(value)
    return date.fromisoformat(value)


class Day(fields.Field[date]):
    """An ISO 8601 calendar date written ``YYYY-MM-DD``; a real one (2025-02-30 is refused)."""

    default_error_messages = {"invalid": "Must be a real calendar date written YYYY-MM-DD."}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> date:
        try:
            return day_from(value)
        except ValueError as error:
            raise self.make_error("invalid") from error


class Moment(fields.Field[datetime]):
    """An RFC 3339 date and time with ``Z`` or an offset (``MOMENT_PATTERN``), given in UTC."""

    default_error_messages = {
        "invalid": "Must be an RFC 3339 date and time with Z or an offset, such as 2025-06-01T12:00:00Z."
    }

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> datetime:
        if type(value) is not str or _MOMENT.fullmatch(value) is None:
            raise self.make_error("invalid")
        try:
            return datetime.fromisoformat(value).astimezone(UTC)
        except ValueError as error:  # the 30th of February, hour 24, an offset of 25 hours
            raise self.make_error("invalid") from error
        except OverflowError as error:  # 0001-01-01T00:00:00+01:00 is before year 1 in UTC
            raise ValidationError("Must be a moment between the years 1 and 9999 in UTC.") from error


class WholeNumber(fields.Integer):
    """An integer in a JSON body, as JSON Schema counts them: ``4``, and also ``4.0`` or
    ``4E0`` (which the JSON reader gives as a ``Decimal``); never ``true`` or ``"4"``."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> int:
        if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
            if value.adjusted() > 20:  # 1E+999999999 would take a while to write out as an int
                raise ValidationError("Must be a whole number of at most 20 digits.")
            return int(value)
        if type(value) is not int:
            raise self.make_error("invalid")
        return value


class QueryInteger(fields.Integer):
    """An integer in a query, written in ASCII digits: not ``1_000``, `` 1`` or ``١``,
    which Python's ``int`` would read."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> int:
        if type(value) is not str or _QUERY_INTEGER.fullmatch(value) is None:
            raise self.make_error("invalid")
        return int(value)
