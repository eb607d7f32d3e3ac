from __future__ import annotations

import pandas as pd
import pytest

from polytag.themes import Codebook

THEMES = Codebook.load().theme_names


@pytest.fixture(scope="session")
def labelled(corpora) -> pd.DataFrame:
    return pd.read_csv(corpora / "labels" / "segments.csv", keep_default_na=False)


@pytest.fixture(scope="session")
def small_training_set(labelled) -> pd.DataFrame:
    """All positives of every theme plus a fixed sample of negatives: quick to fit."""
    positives = labelled[labelled[THEMES].sum(axis=1) > 0]
    negatives = labelled[labelled[THEMES].sum(axis=1) == 0].sample(150, random_state=1)
    return pd.concat([positives, negatives]).sort_index()
