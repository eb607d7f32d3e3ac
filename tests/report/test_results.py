"""Results as reports read them: the CSV twins read like the Parquet files, texts rebuilt from
segments keep every offset valid, and groups are labelled the same way everywhere."""
from __future__ import annotations

import shutil

import numpy as np
import pandas as pd

from polytag.report import load_results
from polytag.report.results import MISSING, group_labels, rebuild_texts


def test_the_csv_files_read_like_the_parquet_files(outdir, tmp_path, results):
    for name in ("segments.csv", "documents.csv", "errors.csv", "run.json"):
        shutil.copy(outdir / name, tmp_path / name)
    from_csv = load_results(tmp_path)
    assert from_csv.themes == results.themes and len(from_csv.segments) == len(results.segments)
    columns = [c for c in results.segments.columns if c != "text"]  # CSV text cells are formula-safe
    for column in columns:
        a, b = from_csv.segments[column], results.segments[column]
        if pd.api.types.is_numeric_dtype(b) or pd.api.types.is_bool_dtype(b):
            np.testing.assert_allclose(a.to_numpy(float), b.to_numpy(float), err_msg=column)
        else:
            assert a.fillna("").tolist() == b.fillna("").tolist(), column
    assert from_csv.segments["year"].dtype == "Int64"
    assert from_csv.errors.to_dict("records") == results.errors.to_dict("records")


def test_texts_rebuilt_from_segments_keep_every_offset(results):
    texts = rebuild_texts(results.segments).set_index("doc_id")["text"]
    assert set(texts.index) == set(results.segments["doc_id"])
    for row in results.segments.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text
    overlapping = pd.DataFrame({"doc_id": ["d", "d"], "start": [2, 4], "text": ["abcd", "cdef"]})
    assert rebuild_texts(overlapping)["text"].tolist() == ["\n\nabcdef"]


def test_group_labels_show_years_as_integers_and_missing_keys_alike():
    frame = pd.DataFrame({"year": [2025.0, np.nan, 2024.0], "country": [" KR ", "", None]})
    assert group_labels(frame, "year").tolist() == ["2025", MISSING, "2024"]
    assert group_labels(frame, "country").tolist() == ["KR", MISSING, MISSING]
