"""Shared fixtures: the shipped corpora and the one PDF kept outside the project."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO / "corpora"
SHARED_CORPORA = REPO.parent / "shared" / "corpora"
ACTION_PLAN_PDF = SHARED_CORPORA / "en" / "americas_ai_action_plan_2025.pdf"


@pytest.fixture(scope="session")
def corpora() -> Path:
    return CORPORA


@pytest.fixture(scope="session")
def action_plan_pdf() -> Path:
    if not ACTION_PLAN_PDF.exists():
        pytest.skip(f"the Action Plan PDF is not redistributed; expected it at {ACTION_PLAN_PDF}")
    return ACTION_PLAN_PDF
