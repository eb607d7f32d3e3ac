"""--jobs 2 and the Dask engine give exactly the output of --jobs 1."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from polytag.batch import tag_folder


def assert_same_output(a: Path, b: Path) -> None:
    for name in ("segments", "documents"):
        pd.testing.assert_frame_equal(pd.read_parquet(a / f"{name}.parquet"), pd.read_parquet(b / f"{name}.parquet"))
        assert (a / f"{name}.csv").read_bytes() == (b / f"{name}.csv").read_bytes()
    assert (a / "errors.csv").read_bytes() == (b / "errors.csv").read_bytes()


def test_two_local_workers_give_the_same_rows_in_the_same_order(
        small_folder: Path, reference_run: Path, tmp_path: Path) -> None:
    summary = tag_folder(small_folder, tmp_path / "out", jobs=2)
    assert summary.processed == 4
    assert_same_output(reference_run, tmp_path / "out")


def test_dask_local_cluster_gives_the_same_output(small_folder: Path, reference_run: Path, tmp_path: Path) -> None:
    summary = tag_folder(small_folder, tmp_path / "out", jobs=2, engine="dask")
    assert summary.processed == 4
    assert_same_output(reference_run, tmp_path / "out")
    info = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert info["options"]["engine"] == "dask" and info["options"]["jobs"] == 2
