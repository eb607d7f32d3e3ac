"""Atomic writes: readers see the old file or the new one, never half of one, and nothing is
left behind when writing fails."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

from polytag.io.atomic import write_atomic


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "segments.csv"
    target.write_text("old\n", encoding="utf-8")

    def half_then_fail(tmp: Path) -> None:
        tmp.write_text("new but incomp", encoding="utf-8")
        raise KeyboardInterrupt  # a run stopped midway

    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, half_then_fail)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["segments.csv"]


def test_the_new_file_replaces_the_old_one_from_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "run.json"
    target.write_text("old", encoding="utf-8")
    used: list[Path] = []

    def write(tmp: Path) -> None:
        used.append(tmp)
        assert not tmp.exists() and target.read_text(encoding="utf-8") == "old"  # the old file stays readable
        tmp.write_text("new", encoding="utf-8")

    write_atomic(target, write)
    assert target.read_text(encoding="utf-8") == "new"
    assert used[0].parent == tmp_path and used[0].name.startswith(".run.json.tmp-")  # same filesystem, hidden
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.json"]


def test_threads_writing_one_file_never_mix_their_contents(tmp_path: Path) -> None:
    target = tmp_path / "part.txt"
    contents = [str(i) * 200_000 for i in range(8)]
    start = threading.Barrier(len(contents))

    def write(content: str) -> None:
        start.wait()
        write_atomic(target, lambda tmp: tmp.write_text(content, encoding="utf-8"))

    threads = [threading.Thread(target=write, args=(c,)) for c in contents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert target.read_text(encoding="utf-8") in contents
    assert [p.name for p in tmp_path.iterdir()] == ["part.txt"]
