"""Scenarios of features/status.feature (their steps are the vocabulary's:
service/steps/vocabulary.py)."""

from __future__ import annotations

from pytest_bdd import scenarios

scenarios("status.feature")
