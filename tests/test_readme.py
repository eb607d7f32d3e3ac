"""Every README example runs as written from the root of a clone (its ``corpora/`` trimmed to
the documents the examples name, so the test stays quick); `eval` and `train` are tested with
the theme model. Commands run in this process through ``polytag.cli.main``."""
from __future__ import annotations

import csv
import re
import shlex
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
#: the documents the examples name or need (a US group and a reference group, 出口管制 in zh)
FILES = ["en/us_factsheet_export_american_ai_2025.txt", "en/us_eo14179_removing_barriers_ai_2025.txt",
         "en/cn_genai_interim_measures_2023_casi_translation.txt", "ko/brief_rand_open_models_soft_power_2026.txt",
         "zh/prc_gov_work_report_2024.txt", "zh/tw_strategic_hightech_commodities_export_import_regulations_2023.txt"]
#: commands whose README examples need what a user makes first (labels, a trained model, a
#: codebook of their own, a folder of scans and Tesseract); their own tests run them
SKIPPED = {"eval", "train", "suggest-terms", "suggest-labels"}
NEEDS_USER_FILES = {"--model", "--ocr"}


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, re.DOTALL)


def _commands() -> list[list[str]]:
    """Each ``polytag ...`` command of the README's bash blocks (``&&`` chains split)."""
    commands = []
    for block in _blocks("bash"):
        for line in block.splitlines():
            for part in line.split("&&"):
                argv = shlex.split(part, comments=True)
                if argv[:1] == ["polytag"] and argv[1] not in SKIPPED and not NEEDS_USER_FILES & set(argv):
                    commands.append(argv[1:])
    return commands


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("clone")
    with open(REPO / "corpora" / "manifest.csv", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = [row for row in reader if row["file"] in FILES]
    for name in FILES:
        (root / "corpora" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "corpora" / name, root / "corpora" / name)
    with open(root / "corpora" / "manifest.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=reader.fieldnames)
        writer.writeheader()
        writer.writerows(rows)
    return root


def test_the_readme_names_only_files_that_exist() -> None:
    for link in re.findall(r"\]\(([^)#]+)\)", README):
        assert (REPO / link).exists(), link
    assert all((REPO / name).exists() for name in re.findall(r"[\w/]*THEMES\.md", README))
    named = set(re.findall(r"corpora/[\w/.-]+\.(?:txt|md|pdf|html|docx)", README))
    assert named and all((REPO / name).exists() for name in named)


def test_every_readme_command_runs_as_written(clone: Path, monkeypatch, capsys) -> None:
    from polytag.cli.main import main

    monkeypatch.chdir(clone)
    commands = _commands()
    assert [c[0] for c in commands].count("tag") >= 1 and len(commands) >= 8
    for argv in commands:
        capsys.readouterr()
        assert main(argv) == 0, argv
        out = capsys.readouterr().out
        assert out.strip() or argv[0] == "tag", argv
        if argv[0] in ("keyness", "kwic", "keywords"):
            assert len(out.splitlines()) >= 2, argv  # rows, not only a header


def test_every_readme_python_line_runs_as_written(clone: Path, monkeypatch) -> None:
    [block] = _blocks("python")
    monkeypatch.chdir(clone)
    namespace: dict = {}
    for line in block.splitlines():
        if line.strip():
            exec(compile(line.split("  #")[0], "README.md", "exec"), namespace)  # noqa: S102
            if line.startswith("polytag.kwic"):
                assert len(eval(line.split("  #")[0], namespace)) > 0  # noqa: S307
    keywords = namespace["polytag"].keywords("corpora/zh/prc_gov_work_report_2024.txt", k=10)
    assert not {"corpora", "prc_gov_work_report_2024.txt"} & {term for term, _ in keywords}
