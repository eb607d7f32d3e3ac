"""What a worker process does with one file, and the small objects sent to and from it.

Pool and Dask workers import this module, so everything here is module-level and picklable
by reference. It imports no heavy library itself: the parent process imports it too and must
stay light while workers tag. A worker loads the theme model and builds the tokenizers once
(on the first file that needs them) and reuses them for every later file; tasks carry paths,
never tokenizer or model objects.
"""
from __future__ import annotations

import gc
import signal
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from polytag.errors import DocumentError, printable_path
from polytag.text.detect import FALLBACK_LANG

_MODELS: dict[str | None, Any] = {}
_MODELS_LOCK = threading.Lock()
_FROZEN_LANGS: set[str] = set()  # languages met when the warm state was last frozen


@dataclass(frozen=True)
class FileTask:
    """One input file to tag: where it is, its id, its manifest metadata and its cache key."""

    path: str  # absolute, so a worker on another machine (shared filesystem) finds it
    doc_id: str
    key: str
    size: int
    manifest_meta: dict[str, str] = field(default_factory=dict)
    ocr: str | None = None  # Tesseract languages for PDF pages without text, or None
    fallback_lang: str = FALLBACK_LANG  # the language of a document without letters (``--fallback-lang``)


@dataclass(frozen=True)
class FileResult:
    """What a worker sends back: small, so results never carry segments between processes.

    ``error`` is set when the file failed; ``cached`` says whether that failure was written
    to a part file (a file that cannot be read) or not (an unexpected failure, retried on the
    next run).
    """

    key: str
    segments: int = 0
    error: dict[str, str] | None = None
    cached: bool = True


def cached_model(model_dir: str | None):
    """The theme model saved in ``model_dir`` (polytag's own when None), loaded once per
    process. A worker resolves the default itself: on a cluster, its own installation's."""
    found = _MODELS.get(model_dir)
    if found is None:
        with _MODELS_LOCK:
            found = _MODELS.get(model_dir)
            if found is None:
                from polytag.themes import load_default_model, load_model

                found = _MODELS[model_dir] = load_model(model_dir) if model_dir else load_default_model()
    return found


def init_pool_worker() -> None:
    """Pool initializer: leave Ctrl-C to the parent, and die with it (even on ``kill -9``)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        pass


def process_file(task: FileTask, parts_dir: str, model_dir: str | None) -> FileResult:
    """Tag one file and write its part file ``parts_dir/<key>.parquet`` atomically.

    A file that cannot be read becomes a part with no rows and the error in its metadata, so
    the error is reused like any result; any other failure (a bug, not a problem of the
    document) is returned, not written, and ends the run with :class:`WorkerBugError`.
    """
    from polytag.batch.parts import tag_file, write_part

    classifier = cached_model(model_dir)
    try:
        table, summary = tag_file(task, classifier)
    except DocumentError as error:
        table, summary = None, {"error": error.as_record()}
    except Exception as error:  # reported after the other files are done, as a bug
        return FileResult(task.key, error={"file": printable_path(task.path), "error": type(error).__name__,
                                           "reason": str(error) or repr(error)}, cached=False)
    rows = write_part(Path(parts_dir) / f"{task.key}.parquet", table, summary, list(classifier.themes_))
    if rows:
        _freeze_warm_state(set(table.column("lang").unique().to_pylist()))
    return FileResult(task.key, segments=rows, error=summary.get("error"))


def _freeze_warm_state(langs: set[str]) -> None:
    """Hide what this process keeps for its life (imported modules, the model, the tokenizers
    of the languages met so far: about 220,000 objects) from the cyclic garbage collector,
    which otherwise walks them all in every full collection, about 7% of tagging time. Done
    after a file that brought a language not met before, so at most once per language;
    :func:`unfreeze_warm_state` undoes it."""
    if not langs <= _FROZEN_LANGS:
        gc.freeze()
        _FROZEN_LANGS.update(langs)


def unfreeze_warm_state() -> None:
    """Give the garbage collector back what :func:`_freeze_warm_state` hid: called when files
    were tagged in the caller's own process (a notebook's kernel, say), at the end of the run."""
    if _FROZEN_LANGS:
        gc.unfreeze()
        _FROZEN_LANGS.clear()
