"""Resuming: unchanged files are reused, changed/new ones tagged, deleted ones dropped, a new
model re-tags everything, and a run killed with SIGKILL is completed by the next one."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import psutil

from polytag.batch import tag_folder
from polytag.themes import load_default_model, save_model

EN_A = "en/us_eo14179_removing_barriers_ai_2025.txt"
EN_B = "en/us_factsheet_export_american_ai_2025.txt"
EN_C = "en/us_wh_unveils_ai_action_plan_pressrelease_2025.txt"
ZH = "zh/cn_genai_interim_measures_2023.txt"


def parts(out: Path) -> dict[str, float]:
    return {p.name: p.stat().st_mtime_ns for p in (out / ".polytag" / "parts").glob("*.parquet")}


def test_only_new_or_changed_files_are_tagged_and_deleted_ones_dropped(make_folder, tmp_path: Path) -> None:
    folder = make_folder([EN_A, EN_B, ZH], tmp_path / "docs")
    out = tmp_path / "out"
    first = tag_folder(folder, out)
    assert (first.processed, first.reused) == (3, 0)
    before = parts(out)
    again = tag_folder(folder, out)
    assert (again.processed, again.reused) == (0, 3) and parts(out) == before

    changed = folder / EN_A
    changed.write_text(changed.read_text(encoding="utf-8") + "\nExport controls on advanced chips.\n", encoding="utf-8")
    (folder / EN_B).unlink()
    make_folder([EN_C], tmp_path / "extra")
    shutil.copy(tmp_path / "extra" / EN_C, folder / EN_C)
    third = tag_folder(folder, out)
    assert (third.processed, third.reused, third.documents) == (2, 1, 3)
    after = parts(out)
    assert len(after) == 3 and len(set(after.items()) & set(before.items())) == 1  # the Chinese part, untouched
    documents = pd.read_parquet(out / "documents.parquet")
    assert list(documents.doc_id) == [EN_A, EN_C, ZH]
    info = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert info["counts"]["processed"] == 2 and info["counts"]["reused"] == 1
    segments = pd.read_parquet(out / "segments.parquet")
    assert segments[segments.doc_id == EN_A].text.str.contains("Export controls on advanced chips").any()


def test_a_different_model_invalidates_every_cached_part(make_folder, tmp_path: Path) -> None:
    folder = make_folder([EN_A, EN_B], tmp_path / "docs")
    out = tmp_path / "out"
    tag_folder(folder, out)
    model = load_default_model()
    other = save_model(model, tmp_path / "model")
    same = tag_folder(folder, out, model=other)  # same content, other folder: still the same model
    assert (same.processed, same.reused) == (0, 2)
    thresholds = model.thresholds_.copy()
    try:
        model.thresholds_ = thresholds * 0.9
        save_model(model, other)
    finally:
        model.thresholds_ = thresholds
    changed = tag_folder(folder, out, model=other)
    assert (changed.processed, changed.reused) == (2, 0)
    info = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert info["model"]["path"] == str(other)
    assert len(parts(out)) == 2  # the parts of the old model are gone


def _cli(folder: Path, out: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "polytag.cli.main", "tag", str(folder), "--out", str(out), *args]


def test_a_run_killed_midway_is_completed_by_the_next_run(make_folder, tmp_path: Path) -> None:
    files = [EN_A, EN_B, EN_C, ZH, "zh/prc_gov_work_report_2021.txt", "zh/prc_gov_work_report_2022.txt",
             "zh/prc_gov_work_report_2024.txt", "en/us_eo_preventing_woke_ai_2025.txt",
             "en/us_eo_promoting_export_american_ai_stack_2025.txt"]
    folder = make_folder(files, tmp_path / "docs")
    complete = tmp_path / "complete"
    tag_folder(folder, complete)

    out = tmp_path / "out"
    process = subprocess.Popen(_cli(folder, out, "--jobs", "2"), stderr=subprocess.DEVNULL)
    workers = []
    deadline = time.monotonic() + 120
    while not parts(out) and time.monotonic() < deadline and process.poll() is None:
        workers = psutil.Process(process.pid).children(recursive=True) or workers
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)  # the parent only: its workers must die with it
    process.wait()
    assert 0 < len(parts(out)) < len(files), "the run was not interrupted midway"
    assert not (out / "run.json").exists() and not (out / "segments.parquet").exists()
    psutil.wait_procs(workers, timeout=10)
    assert workers and not any(worker.is_running() for worker in workers)

    tag_folder(folder, out)
    info = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert info["counts"]["reused"] >= 1 and info["counts"]["processed"] >= 1
    assert info["counts"]["reused"] + info["counts"]["processed"] == len(files)
    for name in ("segments", "documents"):
        pd.testing.assert_frame_equal(pd.read_parquet(complete / f"{name}.parquet"),
                                      pd.read_parquet(out / f"{name}.parquet"))
    assert not [p for p in out.rglob("*") if ".tmp-" in p.name]
    assert all(name.endswith(".parquet") for name in os.listdir(out / ".polytag" / "parts"))
