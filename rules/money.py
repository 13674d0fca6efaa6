"""Exact money: ``Decimal`` in, ``Decimal`` out, two decimals when shown."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

ORE: Final = Decimal("0.01")
ZERO: Final = Decimal("0.00")
NBSP: Final = "\u00a0"  # keeps "1 000 000" on one line


def amount(text: str | Decimal) -> Decimal:
    """An amount from the decision data or the facts, exact to the öre."""
    return Decimal(text).quantize(ORE)


def show(value: Decimal) -> str:
    """The decimal string every response carries: ``"1000000.00"``."""
    return str(value.quantize(ORE))


def show_sv(value: Decimal) -> str:
    """An amount as a Swedish reader writes it: ``1 000 000,00 kr``."""
    whole, _, fraction = f"{value.quantize(ORE):,}".partition(".")
    return whole.replace(",", NBSP) + f",{fraction} kr"
