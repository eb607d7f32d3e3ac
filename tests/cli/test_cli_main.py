"""The ``polytag`` command's documented exit statuses, and outputs it cannot write named with
their path (never a traceback)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = "Open-weight AI models support the export of the American technology stack.\n"


def polytag(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "polytag.cli.main", *map(str, args)], capture_output=True,
                          text=True, timeout=300)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    root.mkdir()
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    return root


def test_exit_status_is_0_when_all_read_1_when_some_failed_2_on_usage_error(folder: Path, tmp_path: Path,
                                                                            capsys) -> None:
    from polytag.cli.main import main

    assert main(["read", str(folder)]) == 0
    (folder / "empty.txt").write_bytes(b"")
    for command in (["read", str(folder)], ["keywords", str(folder), "-k", "3"], ["kwic", str(folder), "export"]):
        capsys.readouterr()
        assert main(command) == 1, command
        assert "empty.txt" in capsys.readouterr().err
    main(["read", str(folder)])
    assert "good.txt" in capsys.readouterr().out  # the good file is still printed
    assert main(["read", str(tmp_path / "missing")]) == 2
    with pytest.raises(SystemExit) as usage:
        main(["tag", str(folder)])  # --out is required
    assert usage.value.code == 2
    # `polytag tag` exiting 1 with errors.csv named: tests/batch/test_batch_hostile.py
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "exit status" in capsys.readouterr().out


def _unwritable(tmp_path: Path) -> list[Path]:
    """Output paths no process can create: under a regular file; and, unless running as root
    (who may write anywhere), inside a read-only folder."""
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder", encoding="utf-8")
    paths = [blocker / "out"]
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o555)
        paths.append(locked / "out")
    return paths


def test_an_output_that_cannot_be_written_is_named(folder: Path, tmp_path: Path, outdir: Path) -> None:
    for out in _unwritable(tmp_path):
        done = polytag("tag", folder, "--out", out)
        assert done.returncode == 2 and "Traceback" not in done.stderr
        assert str(out) in done.stderr and "cannot write" in done.stderr
        report = polytag("report", outdir, "--out", out / "report.html", "--keywords", "0")
        assert report.returncode == 2 and "Traceback" not in report.stderr and str(out) in report.stderr
