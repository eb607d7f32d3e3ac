"""A small results folder made by ``polytag.batch.tag_folder`` from ``data/corpus``: one US
document, one with markup and Excel-formula text, one Chinese, one Korean, and a broken PDF."""
from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "data" / "corpus"


@pytest.fixture(scope="session")
def small_corpus() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def outdir(tmp_path_factory) -> Path:
    from polytag.batch import tag_folder

    out = tmp_path_factory.mktemp("results")
    tag_folder(CORPUS, out)
    return out


@pytest.fixture(scope="session")
def results(outdir):
    from polytag.report import load_results

    return load_results(outdir)
