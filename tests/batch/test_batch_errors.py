"""A folder with corrupt, empty, binary and wrongly-encoded files: the good files are tagged,
each bad one is a row of errors.csv naming the exception and the reason."""
from __future__ import annotations

import codecs
import random
from pathlib import Path

import pandas as pd

from polytag.batch import tag_folder

EN = "en/us_eo14179_removing_barriers_ai_2025.txt"
ZH = "zh/cn_genai_interim_measures_2023.txt"


def test_bad_files_are_reported_and_good_ones_tagged(make_folder, tmp_path: Path) -> None:
    folder = make_folder([EN, ZH], tmp_path / "docs")
    rng = random.Random(7)
    (folder / "bad").mkdir()
    (folder / "bad" / "corrupt.pdf").write_bytes(rng.randbytes(4096))
    (folder / "bad" / "empty.txt").write_bytes(b"")
    (folder / "bad" / "binary.txt").write_bytes(b"header" + bytes(16) + rng.randbytes(512))
    (folder / "bad" / "broken_bom.txt").write_bytes(codecs.BOM_UTF8 + "정책".encode("utf-8") + b"\xff\xfe\xfa")
    # a legacy encoding is not an error: it is detected and decoded
    chinese = (folder / ZH).read_text(encoding="utf-8")
    (folder / "zh" / "legacy_gb18030.txt").write_bytes(chinese.encode("gb18030"))

    out = tmp_path / "out"
    summary = tag_folder(folder, out)
    errors = pd.read_csv(out / "errors.csv")
    assert list(errors.columns) == ["file", "error", "reason"]
    by_name = {Path(file).name: error for file, error in zip(errors.file, errors.error)}
    assert by_name == {"corrupt.pdf": "CorruptFileError", "empty.txt": "EmptyDocumentError",
                       "binary.txt": "BinaryFileError", "broken_bom.txt": "EncodingError"}
    assert errors.reason.str.len().gt(5).all()
    documents = pd.read_parquet(out / "documents.parquet")
    assert list(documents.doc_id) == [EN, ZH, "zh/legacy_gb18030.txt"]
    assert documents.set_index("doc_id").encoding["zh/legacy_gb18030.txt"] == "gb18030"
    segments = pd.read_parquet(out / "segments.parquet")
    tagging = segments.columns[list(segments.columns).index("segment"):]  # all but document metadata
    legacy = segments[segments.doc_id == "zh/legacy_gb18030.txt"][tagging]
    original = segments[segments.doc_id == ZH][tagging]
    pd.testing.assert_frame_equal(legacy.reset_index(drop=True), original.reset_index(drop=True))
    assert (summary.documents, summary.errors) == (3, 4)
    # errors are cached like results: a second run reads no file again
    again = tag_folder(folder, out)
    assert (again.processed, again.reused, again.errors) == (0, 7, 4)
