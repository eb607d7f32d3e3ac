"""No CSV polytag writes holds a cell a spreadsheet would run as a formula (OWASP: a text cell
starting with = + - @ gets a leading quote); Parquet keeps the text as it is."""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest

from polytag.io.csvfile import FORMULA_START, neutralise

CORPUS = Path(__file__).resolve().parents[1] / "report" / "data" / "corpus"


def _risky_cells(path: Path | str) -> list[str]:
    handle = io.StringIO(path) if isinstance(path, str) else open(path, encoding="utf-8", newline="")
    with handle:
        return [cell for row in csv.reader(handle) for cell in row if cell[:1] and cell[0] in FORMULA_START
                and not _is_number(cell)]


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@pytest.fixture(scope="module")
def formula_run(tmp_path_factory) -> Path:
    """The small test corpus (one document holds formula-like lines) with a manifest title
    that starts with "=", tagged."""
    from polytag.batch import tag_folder

    folder = tmp_path_factory.mktemp("formulas") / "docs"
    shutil.copytree(CORPUS, folder)
    manifest = (folder / "manifest.csv").read_text(encoding="utf-8")
    (folder / "manifest.csv").write_text(manifest.replace("A broken PDF", "=HYPERLINK(\"http://x\")")
                                         .replace("America's AI Action Plan (excerpt)", "@SUM(A1:A9)"), encoding="utf-8")
    out = tmp_path_factory.mktemp("formulas") / "out"
    tag_folder(folder, out)
    return out


def test_batch_csv_outputs_have_no_formula_cells(formula_run: Path) -> None:
    segments = pd.read_parquet(formula_run / "segments.parquet")
    raw = [text for text in segments.text if text[0] in "=+-@"]
    assert raw, "the corpus has no formula-like segment: the test cannot fail"
    assert "@SUM(A1:A9)" in set(pd.read_parquet(formula_run / "documents.parquet").title)
    for name in ("segments.csv", "documents.csv", "errors.csv"):
        assert _risky_cells(formula_run / name) == [], name
    written = pd.read_csv(formula_run / "segments.csv").text
    assert {"'" + text for text in raw} <= set(written)


def test_report_csv_and_cli_csv_have_no_formula_cells(formula_run: Path, tmp_path: Path, capsys) -> None:
    from polytag.cli.main import main

    assert main(["report", str(formula_run), "--format", "csv", "--out", str(tmp_path / "r.csv"), "--by", "file",
                 "--keywords", "0"]) == 0
    written = sorted(tmp_path.glob("*.csv"))
    assert len(written) == 3
    for path in written:
        assert _risky_cells(path) == [], path.name
    capsys.readouterr()
    main(["read", str(CORPUS / "us_tricky.txt"), "--format", "csv"])
    printed = capsys.readouterr().out
    assert "=" in printed and _risky_cells(printed) == []


@pytest.mark.parametrize("value", ["=1+2", "+1", "-A1", "@SUM(1)", "\t=1", "\r=1"])
def test_formula_like_text_gets_a_quote_and_other_values_do_not(value: str) -> None:
    assert neutralise(value) == "'" + value
    assert [neutralise(v) for v in ("", "text", "a=b", 3, -2.5, None)] == ["", "text", "a=b", 3, -2.5, None]
