"""The results of the small test corpus (``data/corpus``, tagged once in ``tests/conftest.py``)."""
from __future__ import annotations

import pytest

@pytest.fixture(scope="session")
def results(outdir):
    from polytag.report import load_results

    return load_results(outdir)
