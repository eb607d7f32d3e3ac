"""Shared fixtures: the shipped corpora, the one PDF kept outside the project, and the small
test corpus tagged once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO / "corpora"
SHARED_CORPORA = REPO.parent / "shared" / "corpora"
ACTION_PLAN_PDF = SHARED_CORPORA / "en" / "americas_ai_action_plan_2025.pdf"
#: one US document, one with markup and Excel-formula text, one Chinese, one Korean, a broken PDF
SMALL_CORPUS = REPO / "tests" / "report" / "data" / "corpus"


@pytest.fixture(scope="session")
def corpora() -> Path:
    return CORPORA


@pytest.fixture(scope="session")
def action_plan_pdf() -> Path:
    if not ACTION_PLAN_PDF.exists():
        pytest.skip(f"the Action Plan PDF is not redistributed; expected it at {ACTION_PLAN_PDF}")
    return ACTION_PLAN_PDF


@pytest.fixture(scope="session")
def outdir(tmp_path_factory) -> Path:
    """A results folder made by ``polytag.batch.tag_folder`` from the small test corpus."""
    from polytag.batch import tag_folder

    out = tmp_path_factory.mktemp("results")
    tag_folder(SMALL_CORPUS, out)
    return out
