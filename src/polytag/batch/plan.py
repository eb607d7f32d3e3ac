"""Which files a run must tag, and the cache key of each.

Files are those ``polytag.io.read_folder`` would read (``polytag.io.folder.document_files``),
without the output folder when it lies inside the input. A file's key hashes everything its
result depends on: its bytes, its id, its manifest metadata, its sidecars, the model's content
the part format, the OCR option and the fallback language. An unchanged key means the cached
part can be reused.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from polytag import __version__
from polytag.batch.worker import FileTask
from polytag.errors import DocumentError, ModelError, ModelNotFoundError, UnreadableFileError, printable_path
from polytag.io.folder import document_files
from polytag.io.metadata import ManifestIndex, sidecar_paths
from polytag.text.detect import FALLBACK_LANG

#: bumped when the content of a part file changes (2: decoding of damaged UTF-8, long
#: paragraphs in pieces, a warnings field; 3: segments in no registered language marked "und",
#: n_segments_und; 4: the declared table schema, evidence serialised once): older parts are then recomputed
PART_FORMAT = 4


def model_hash(model_dir: Path) -> str:
    """SHA-256 over the names and bytes of the files of a saved model folder."""
    digest = hashlib.sha256()
    try:
        files = sorted(p for p in model_dir.iterdir() if p.is_file() and not p.name.startswith("."))
        for file in files:
            digest.update(file.name.encode("utf-8") + b"\0" + file.read_bytes() + b"\0")
    except FileNotFoundError as error:
        raise ModelNotFoundError(f"{model_dir}: no such model folder") from error
    except NotADirectoryError as error:
        raise ModelNotFoundError(f"{model_dir}: a model is a folder (from `polytag train`), not a file") from error
    except OSError as error:
        raise ModelError(f"{model_dir}: cannot read model folder ({error.strerror or error})") from error
    return digest.hexdigest()


def plan(path: Path, *, out: Path, model_sha: str, ocr: str | None = None,
         fallback_lang: str = FALLBACK_LANG) -> tuple[list[FileTask], list[dict[str, str]]]:
    """Tasks for every file under ``path`` (or for ``path`` itself if it is a file), in walk
    order, and the errors found while listing them (unlistable folders, broken manifests,
    unreadable files)."""
    root = path.absolute()
    errors: list[DocumentError] = []
    if root.is_dir():
        files = list(document_files(root, errors, skip=out.absolute()))
        manifests = ManifestIndex(root)
    elif root.exists():
        files, manifests = [root], ManifestIndex(root.parent)
    else:
        raise UnreadableFileError(path, "no such file or folder")
    tasks = []
    for file in files:
        doc_id = printable_path(file.relative_to(root).as_posix() if file != root else file.name)
        try:
            meta = manifests.meta_for(file)
            size = file.stat().st_size
            key = _file_key(file, doc_id, meta, model_sha, ocr, fallback_lang)
        except OSError as error:
            errors.append(UnreadableFileError(file, f"cannot open: {error.strerror or error}"))
            continue
        tasks.append(FileTask(str(file), doc_id, key, size, meta, ocr, fallback_lang))
    errors.extend(manifests.errors)
    return tasks, [error.as_record() for error in errors]


def _file_key(file: Path, doc_id: str, meta: dict[str, str], model_sha: str, ocr: str | None,
              fallback_lang: str) -> str:
    digest = hashlib.sha256()
    header = [PART_FORMAT, __version__, model_sha, doc_id, sorted(meta.items()), fallback_lang]
    if ocr is not None:  # keys of runs without OCR stay as they were
        header.append(ocr)
    digest.update(json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\0")
    with open(file, "rb") as handle:
        digest.update(hashlib.file_digest(handle, "sha256").digest())
    for sidecar in sidecar_paths(file):
        if sidecar.is_file():
            digest.update(b"\0" + os.fsencode(sidecar.name) + b"\0" + sidecar.read_bytes())
    return digest.hexdigest()
