"""Hostile inputs in a batch run: a worker killed midway ends the run with a message and keeps
its finished files; a folder of bad files next to good ones is tagged, every bad file is a row
of errors.csv, and the exit status says that files failed."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import psutil

from polytag.batch import tag_folder

EN = "en/us_eo14179_removing_barriers_ai_2025.txt"
ZH = "zh/cn_genai_interim_measures_2023.txt"
KO = "ko/brief_rand_open_models_soft_power_2026.txt"


def _tag(folder: Path, out: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "polytag.cli.main", "tag", str(folder), "--out", str(out), *args]


def test_a_killed_worker_ends_the_run_and_the_next_run_completes_it(make_folder, tmp_path: Path) -> None:
    files = [EN, ZH, KO]
    folder = make_folder(files, tmp_path / "docs")
    out = tmp_path / "out"
    process = subprocess.Popen(_tag(folder, out, "--jobs", "2"), stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not (workers := psutil.Process(process.pid).children()) and time.monotonic() < deadline:
        time.sleep(0.02)
    workers[0].kill()  # what the OOM killer does
    try:
        _, stderr = process.communicate(timeout=120)
    finally:
        process.kill()
    assert process.returncode == 1
    assert "worker process died" in stderr and "again" in stderr
    assert not (out / "run.json").exists()

    summary = tag_folder(folder, out)
    assert (summary.documents, summary.errors, summary.processed + summary.reused) == (len(files), 0, len(files))


def test_a_folder_of_hostile_files_is_tagged_with_one_error_row_each(make_folder, docx_bomb: Path,
                                                                      tmp_path: Path) -> None:
    folder = make_folder([EN, ZH], tmp_path / "docs")
    bad = folder / "bad"
    bad.mkdir()
    os.link(docx_bomb, bad / "bomb.docx")
    (bad / os.fsdecode(b"name\xff\xfe.txt")).write_text("A file name that is not UTF-8.\n", encoding="utf-8")
    os.symlink("loop_b.txt", bad / "loop_a.txt")
    os.symlink("loop_a.txt", bad / "loop_b.txt")
    os.symlink("../..", bad / "up")
    os.mkfifo(bad / "pipe.txt")
    out = tmp_path / "out"
    done = subprocess.run(_tag(folder, out, "--jobs", "2"), capture_output=True, timeout=300)
    assert done.returncode == 1 and b"errors.csv" in done.stderr, done.stderr
    errors = pd.read_csv(out / "errors.csv")
    assert sorted(Path(file).name for file in errors.file) == ["bomb.docx", "loop_a.txt", "loop_b.txt",
                                                               "pipe.txt", "up"]
    assert errors.reason.str.len().gt(10).all()
    documents = pd.read_csv(out / "documents.csv")
    assert sorted(documents.doc_id) == sorted([EN, ZH, "bad/name\\xff\\xfe.txt"])
    assert json.loads((out / "run.json").read_text(encoding="utf-8"))["counts"]["errors"] == len(errors)
