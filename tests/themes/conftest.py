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
    """A fixed sample of the training split: 30 positives of each theme and 150 negatives,
    quick to fit."""
    train = labelled[labelled["split"] == "train"]
    positives = [train[train[t] == 1].sample(30, random_state=1) for t in THEMES]
    negatives = train[train[THEMES].sum(axis=1) == 0].sample(150, random_state=1)
    return pd.concat([*positives, negatives]).drop_duplicates("id").sort_index()
