"""User errors of the ``polytag`` command: one line naming the file and the reason, exit status
2, never a traceback; named exception classes with the built-in a caller would catch; a bug in
a worker is not a row of errors.csv; ``polytag eval`` says how F1 is counted where a theme has
no positives."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from polytag.errors import (CodebookError, CodebookNotFoundError, GoldDataError, GoldNotFoundError, ModelError,
                            ModelNotFoundError, PolytagError, UnknownOptionError, UnknownThemeError, WorkerBugError)

REPO = Path(__file__).resolve().parents[2]
TEST_CSV = REPO / "corpora" / "labels" / "test.csv"
GOOD = "Open-weight AI models support the export of the American technology stack.\n"


def run_cli(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "polytag.cli.main", *map(str, args)], capture_output=True,
                          text=True, timeout=300)


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    """Broken inputs of each kind, named by what is wrong with them."""
    unclosed = tmp_path / "unclosed.csv"
    unclosed.write_text('text,lang,openness\n"an unclosed quote,en,1\n', encoding="utf-8")
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    not_binary = tmp_path / "not_binary.csv"
    not_binary.write_text("text,lang,openness\nopen models,en,yes\n", encoding="utf-8")
    concept = tmp_path / "concept.yaml"
    concept.write_text("themes:\n  t:\n    concepts:\n      c: 5\n", encoding="utf-8")
    not_model = tmp_path / "not_model"
    not_model.mkdir()
    (not_model / "notes.txt").write_text("mine", encoding="utf-8")
    return {"unclosed": unclosed, "empty": empty, "not_binary": not_binary, "concept": concept,
            "not_model": not_model, "missing_csv": tmp_path / "missing.csv", "missing_dir": tmp_path / "no_model",
            "missing_yaml": tmp_path / "missing.yaml", "out": tmp_path / "model_out"}


CASES = [  # (arguments, the input the message must name, the reason it must give)
    (["train", "--gold", "missing_csv", "--out", "out"], "missing_csv", "no such labelled file"),
    (["train", "--gold", "unclosed", "--out", "out"], "unclosed", "not a readable labelled file"),
    (["train", "--gold", "empty", "--out", "out"], "empty", "empty"),
    (["train", "--gold", "not_binary", "--out", "out"], "not_binary", "only 0 and 1"),
    (["train", "--gold", "missing_csv", "--out", "out", "--codebook", "concept"], "concept", "concept t.c"),
    (["train", "--gold", "missing_csv", "--out", "out", "--codebook", "missing_yaml"], "missing_yaml",
     "no such codebook"),
    (["eval", "--gold", "missing_csv"], "missing_csv", "no such labelled file"),
    (["eval", "--gold", "unclosed"], "unclosed", "not a readable labelled file"),
    (["eval", "--gold", "not_binary"], "not_binary", "missing column(s) geopolitical"),
    (["eval", "--gold", "not_binary", "--model", "missing_dir"], "missing_dir", "no such model folder"),
    (["eval", "--gold", "not_binary", "--model", "not_model"], "not_model", "no model.json"),
]


@pytest.mark.parametrize(("argv", "named", "reason"), CASES, ids=[" ".join(c[0][:3]) for c in CASES])
def test_a_user_error_is_one_line_naming_the_input_and_exit_status_2(argv, named, reason, inputs, capsys) -> None:
    from polytag.cli.main import main

    status = main([str(inputs.get(arg, arg)) for arg in argv])
    err = capsys.readouterr().err.strip()
    assert status == 2
    assert len(err.splitlines()) == 1 and err.startswith(f"polytag {argv[0]}: error: "), err
    assert str(inputs[named]) in err and reason in err, err
    assert not inputs["out"].exists()  # nothing written on a user error


def test_the_installed_command_prints_no_traceback(inputs) -> None:
    for argv in (["train", "--gold", inputs["unclosed"], "--out", inputs["out"]],
                 ["tag", inputs["not_model"], "--out", inputs["out"], "--model", inputs["missing_dir"]]):
        done = run_cli(*argv)
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr


@pytest.mark.parametrize(("error", "bases"), [
    (GoldNotFoundError, (GoldDataError, FileNotFoundError)), (GoldDataError, (PolytagError, ValueError)),
    (CodebookNotFoundError, (CodebookError, FileNotFoundError)), (CodebookError, (PolytagError, ValueError)),
    (ModelNotFoundError, (ModelError, FileNotFoundError)), (ModelError, (PolytagError, ValueError)),
    (UnknownOptionError, (PolytagError, ValueError)), (UnknownThemeError, (PolytagError, ValueError)),
])
def test_user_errors_are_named_polytag_errors_with_the_builtin_a_caller_catches(error, bases) -> None:
    assert issubclass(error, bases)


def test_the_python_api_raises_the_named_errors(inputs) -> None:
    from polytag.themes import Codebook, load_model
    from polytag.themes.evaluate import read_gold

    with pytest.raises(GoldNotFoundError, match="missing.csv"):
        read_gold(inputs["missing_csv"], ["openness"])
    with pytest.raises(FileNotFoundError):
        load_model(inputs["missing_dir"])
    with pytest.raises(ValueError, match="concept t.c"):
        Codebook.load(inputs["concept"])


def test_a_bug_in_a_worker_stops_with_status_3_and_is_not_an_errors_csv_row(tmp_path: Path, monkeypatch,
                                                                           capsys) -> None:
    import polytag.batch.parts as parts
    from polytag.cli.main import main

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "buggy.txt").write_text(GOOD.replace("export", "exports"), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    real = parts.tag_file

    def tag_file_with_a_bug(task, classifier):
        if task.path.endswith("buggy.txt"):
            return {}["a bug"]
        return real(task, classifier)

    monkeypatch.setattr(parts, "tag_file", tag_file_with_a_bug)
    out = tmp_path / "out"
    assert main(["tag", str(folder), "--out", str(out)]) == 3
    err = capsys.readouterr().err
    assert "buggy.txt" in err and "KeyError" in err and "bug in polytag" in err and "Traceback" not in err
    errors = pd.read_csv(out / "errors.csv")
    assert list(errors["file"].map(lambda f: Path(f).name)) == ["empty.txt"]
    assert set(pd.read_parquet(out / "documents.parquet")["doc_id"]) == {"good.txt"}
    with pytest.raises(WorkerBugError):  # the Python API raises it too, and retries the file
        from polytag.batch import tag_folder

        tag_folder(folder, out)
    monkeypatch.setattr(parts, "tag_file", real)
    assert main(["tag", str(folder), "--out", str(out)]) == 1  # the empty file still could not be read


def test_eval_flags_cells_without_positives_and_states_the_f1_convention(tmp_path: Path, capsys) -> None:
    from polytag.cli.main import main

    gold = pd.read_csv(TEST_CSV, keep_default_na=False)
    chinese = gold[(gold["lang"] == "zh") & (gold["export_control"] == 0)].head(40)
    sample = pd.concat([gold[gold["lang"] == "en"].head(40), chinese])
    path = tmp_path / "gold.csv"
    sample.to_csv(path, index=False)
    assert main(["eval", "--gold", str(path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    cell = result["per_language"]["zh"]["per_theme"]["export_control"]
    assert cell["no_positives"] and cell["support"] == 0
    assert cell["f1"] == (1.0 if cell["predicted"] == 0 else 0.0)
    measured = [c for lang in result["per_language"].values() for c in lang["per_theme"].values() if c["support"]]
    assert measured and not any(c["no_positives"] for c in measured)
    assert "no positives" in result["f1_convention"] and "1.0" in result["f1_convention"]
    assert main(["eval", "--gold", str(path)]) == 0
    table = capsys.readouterr().out
    assert result["f1_convention"] in table
    zh_block = table.split("[zh]")[1]
    assert any(line.strip().startswith("export_control") and line.rstrip().split("|")[0].rstrip().endswith("*")
               for line in zh_block.splitlines())
