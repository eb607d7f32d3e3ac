"""Saving and loading theme models as JSON plus NumPy arrays: nothing in a model folder can
execute code when loaded (no pickle; ``np.load(..., allow_pickle=False)``).

NumPy, scikit-learn and the classifier are imported by the functions that build models, so
that :func:`read_model_info` stays light: a batch run's parent process calls it while its
workers hold the models.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from polytag.errors import ModelError, ModelNotFoundError
from polytag.io.atomic import write_atomic
from polytag.themes.codebook import Codebook

if TYPE_CHECKING:
    from polytag.themes.classifier import ThemeClassifier

FORMAT = "polytag-theme-model"
FORMAT_VERSION = 2
_CONFIG, _ARRAYS = "model.json", "arrays.npz"


def save_model(model: ThemeClassifier, path: str | Path) -> Path:
    """Write ``model`` to the folder ``path`` (created; files replaced atomically)."""
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    params = model.get_params()
    params.pop("codebook")
    params["char_ngrams"] = list(params["char_ngrams"])
    config = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "params": params,
        "codebook": model.codebook_.to_dict(), "themes": model.themes_,
        "word_vocabulary": list(model.features_.words_.get_feature_names_out()),
        "char_vocabulary": list(model.features_.chars_.get_feature_names_out()),
    }
    text = json.dumps(config, ensure_ascii=False, indent=1)
    write_atomic(folder / _CONFIG, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    write_atomic(folder / _ARRAYS, lambda tmp: _save_arrays(tmp, model))
    return folder


def _save_arrays(path: Path, model: ThemeClassifier) -> None:
    import numpy as np

    from polytag.themes.classifier import ARRAY_ATTRIBUTES

    arrays = {name.rstrip("_"): getattr(model, name) for name in ARRAY_ATTRIBUTES}
    with open(path, "wb") as handle:  # a file object: np.savez would add ".npz" to a name
        np.savez_compressed(handle, **arrays, word_idf=model.features_.words_.idf_,
                            char_idf=model.features_.chars_.idf_)


@dataclass(frozen=True)
class ModelInfo:
    """What a saved model tags with: its codebook and its themes, in column order."""

    codebook: Codebook
    themes: tuple[str, ...]


def read_model_info(path: str | Path) -> ModelInfo:
    """The codebook and themes of the model folder ``path``, read without loading the model."""
    folder = Path(path)
    config = _read_config(folder)
    try:
        return ModelInfo(Codebook.from_dict(config["codebook"], origin=str(folder)), tuple(config["themes"]))
    except (KeyError, TypeError) as error:
        raise ModelError(f"{folder}: model file is incomplete or inconsistent ({error})") from error


def _read_config(folder: Path) -> dict[str, Any]:
    if not folder.is_dir():
        raise ModelNotFoundError(f"{folder}: no such model folder" if not folder.exists() else
                                 f"{folder}: a model is a folder (from `polytag train`), not a file")
    try:
        config = json.loads((folder / _CONFIG).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ModelNotFoundError(f"{folder}: not a polytag model folder (no {_CONFIG})") from error
    except (OSError, ValueError) as error:
        raise ModelError(f"{folder}: not a readable polytag model ({error})") from error
    if not isinstance(config, dict) or config.get("format") != FORMAT:
        raise ModelError(f"{folder}: {_CONFIG} is not a polytag theme model")
    if config.get("format_version") != FORMAT_VERSION:
        raise ModelError(f"{folder}: model format version {config.get('format_version')} is not supported")
    return config


def load_model(path: str | Path) -> ThemeClassifier:
    """Read a model folder written by :func:`save_model`; :class:`ModelError` if it is not one."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    from polytag.themes.classifier import ARRAY_ATTRIBUTES, ThemeClassifier
    from polytag.themes.dictionary import TermMatcher
    from polytag.themes.features import identity

    folder = Path(path)
    config = _read_config(folder)
    try:
        with np.load(folder / _ARRAYS, allow_pickle=False) as stored:
            arrays = {name: np.asarray(stored[name.rstrip("_")], dtype=float) for name in ARRAY_ATTRIBUTES}
            word_idf, char_idf = stored["word_idf"], stored["char_idf"]
    except FileNotFoundError as error:
        raise ModelNotFoundError(f"{folder}: the model folder lacks {_ARRAYS}") from error
    except (OSError, ValueError, KeyError) as error:
        raise ModelError(f"{folder}: not a readable polytag model ({error})") from error
    try:
        params = dict(config["params"])
        params["char_ngrams"] = tuple(params["char_ngrams"])
        codebook = Codebook.from_dict(config["codebook"], origin=str(folder))
        model = ThemeClassifier(codebook, **params)
        model.codebook_ = codebook
        model.themes_ = list(config["themes"])
        model.classes_ = np.array(model.themes_)
        model.matcher_ = TermMatcher(codebook)
        for name, value in arrays.items():
            setattr(model, name, value)
        words = TfidfVectorizer(analyzer=identity, sublinear_tf=True)
        words.vocabulary_ = {term: i for i, term in enumerate(config["word_vocabulary"])}
        words.idf_ = np.asarray(word_idf, dtype=float)
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(params["char_ngrams"]), sublinear_tf=True)
        chars.vocabulary_ = {term: i for i, term in enumerate(config["char_vocabulary"])}
        chars.idf_ = np.asarray(char_idf, dtype=float)
        model.features_ = model.make_features().set_vocabularies(words, chars)
    except (KeyError, TypeError, ValueError) as error:
        raise ModelError(f"{folder}: model file is incomplete or inconsistent ({error})") from error
    width = len(model.features_.feature_names_)
    if model.coef_.shape != (len(model.themes_), width):
        raise ModelError(f"{folder}: coefficient shape {model.coef_.shape} does not match the vocabulary ({width})")
    return model


_DEFAULT: ThemeClassifier | None = None


def default_model_path() -> Path:
    return Path(str(resources.files("polytag.themes.data").joinpath("default_model")))


def load_default_model() -> ThemeClassifier:
    """The model shipped with polytag (trained on ``corpora/labels/train.csv``), once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_model(default_model_path())
    return _DEFAULT

