"""Shared fixtures: the real corpora read once per test session through polytag.io."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def corpus(corpora):
    """Every document of corpora/ (with the manifest's metadata), by file path."""
    from polytag.io import read

    result = read(corpora)
    assert not result.errors, result.errors
    return {str(d.id): d for d in result.documents}


@pytest.fixture(scope="session")
def english_us_cn(corpus):
    """The English documents of the US and the English translation of the Chinese measures."""
    return [d for d in corpus.values() if d.meta["lang"] == "en" and d.meta["country"] in ("US", "CN")]
