"""Scenarios of features/beslutspunkt_3.feature; its steps are shared (conftest.py)."""

from __future__ import annotations

from pytest_bdd import scenarios

scenarios("beslutspunkt_3.feature")
