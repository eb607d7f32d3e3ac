"""Saving and loading models: same predictions, and nothing on disk can run code."""
from __future__ import annotations

import json
import pickle

import numpy as np
import pytest

from polytag.errors import ModelError
from polytag.themes import ThemeClassifier, load_default_model, load_model, read_model_info, save_model

THEMES = ["openness", "geopolitical", "inclusiveness", "export_control"]


@pytest.fixture(scope="module")
def saved(small_training_set, tmp_path_factory):
    model = ThemeClassifier().fit(small_training_set[["text", "lang"]], small_training_set[THEMES])
    return model, save_model(model, tmp_path_factory.mktemp("model"))


def test_a_saved_model_tells_its_codebook_and_themes_without_loading(saved):
    model, folder = saved
    info = read_model_info(folder)
    assert info.themes == tuple(model.themes_)
    assert info.codebook.identity() == model.codebook_.identity()


def test_a_saved_model_is_readable_by_others(saved):
    """A model on a shared disk is read by cluster workers that may run as other users."""
    _, folder = saved
    for file in folder.iterdir():
        assert file.stat().st_mode & 0o044 == 0o044, f"{file.name} is not readable by group and others"
    assert not [file.name for file in folder.iterdir() if file.name.startswith(".")]  # no temporary files left


def test_a_saved_model_predicts_the_same(saved, labelled):
    model, folder = saved
    X = labelled.sample(80, random_state=2)[["text", "lang"]]
    assert np.array_equal(load_model(folder).predict_proba(X), model.predict_proba(X))


class Exploit:
    def __reduce__(self):
        return (open, ("/tmp/polytag-exploit-ran", "w"))


def test_a_pickle_inside_the_arrays_is_refused(saved, tmp_path):
    _, folder = saved
    target = tmp_path / "model"
    target.mkdir()
    (target / "model.json").write_text((folder / "model.json").read_text(encoding="utf-8"), encoding="utf-8")
    np.savez(target / "arrays.npz", coef=np.array([Exploit()], dtype=object), intercept=np.zeros(4),
             word_idf=np.zeros(1), char_idf=np.zeros(1))
    with pytest.raises(ModelError):
        load_model(target)
    import os

    assert not os.path.exists("/tmp/polytag-exploit-ran")


def test_a_pickle_instead_of_the_config_is_refused(saved, tmp_path):
    _, folder = saved
    target = tmp_path / "model"
    target.mkdir()
    (target / "model.json").write_bytes(pickle.dumps(Exploit()))
    (target / "arrays.npz").write_bytes((folder / "arrays.npz").read_bytes())
    with pytest.raises(ModelError):
        load_model(target)


def test_a_foreign_json_is_refused(tmp_path):
    (tmp_path / "model.json").write_text(json.dumps({"format": "something-else"}), encoding="utf-8")
    np.savez(tmp_path / "arrays.npz", coef=np.zeros((1, 1)), intercept=np.zeros(1), word_idf=np.zeros(1), char_idf=np.zeros(1))
    for read in (load_model, read_model_info):
        with pytest.raises(ModelError, match="not a polytag theme model"):
            read(tmp_path)


def test_the_shipped_model_loads_and_tags():
    model = load_default_model()
    assert model.themes_ == THEMES
    assert model.predict([("Export controls on advanced chips to China.", "en")])[0, THEMES.index("export_control")] == 1
