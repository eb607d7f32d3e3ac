"""Small real folders for the batch tests: a few corpus files in sub-folders, with a manifest."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from polytag.batch import tag_folder

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
#: cheap to tokenize (English, Chinese) plus one short Korean file, as they sit in corpora/
SMALL = [
    "en/us_eo14179_removing_barriers_ai_2025.txt",
    "en/us_factsheet_export_american_ai_2025.txt",
    "zh/cn_genai_interim_measures_2023.txt",
    "ko/brief_rand_open_models_soft_power_2026.txt",
]


def _copy_corpus(files: list[str], root: Path) -> Path:
    """Copy corpus files to ``root`` (keeping their sub-folders) with their manifest rows."""
    with open(CORPORA / "manifest.csv", encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["file"] in files]
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPORA / name, root / name)
    with open(root / "manifest.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return root


@pytest.fixture(scope="session")
def make_folder():
    """``make_folder(files, root)``: copy corpus files to ``root`` with their manifest rows."""
    return _copy_corpus


@pytest.fixture(scope="session")
def small_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four documents in en/, zh/ and ko/ with a manifest. Tests must not modify it."""
    return _copy_corpus(SMALL, tmp_path_factory.mktemp("small") / "docs")


@pytest.fixture(scope="session")
def reference_run(small_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of one ``jobs=1`` run on ``small_folder``."""
    out = tmp_path_factory.mktemp("reference") / "out"
    tag_folder(small_folder, out, jobs=1)
    return out
