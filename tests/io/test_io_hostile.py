"""Hostile inputs on disk: decompression bombs, file names that are not UTF-8, symbolic link
cycles and links out of the folder, named pipes. Each is one named error; the rest is read."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from polytag.errors import DecompressionBombError, SpecialFileError
from polytag.io import read, read_document, read_folder

GOOD = "Open-source AI models strengthen the export of American technology.\n"
BAD_NAME = os.fsdecode(b"bad\xff\xfe.txt")  # not valid UTF-8: Python keeps the bytes as surrogates


def test_a_docx_bomb_is_a_named_error_read_in_little_memory(docx_bomb: Path) -> None:
    script = ("import json, resource, sys\n"
              "resource.setrlimit(resource.RLIMIT_AS, (3 * 1024**3, 3 * 1024**3))\n"
              "from polytag.io import read\n"
              "result = read(sys.argv[1])\n"
              "peak = next(line for line in open('/proc/self/status') if line.startswith('VmHWM'))\n"
              "print(json.dumps({'errors': [type(e).__name__ for e in result.errors],"
              " 'rss_mb': int(peak.split()[1]) / 1024}))")  # VmHWM: ru_maxrss would count the forked parent
    done = subprocess.run([sys.executable, "-c", script, str(docx_bomb)], capture_output=True, text=True, timeout=120)
    outcome = json.loads(done.stdout)
    assert outcome["errors"] == ["DecompressionBombError"]
    assert outcome["rss_mb"] < 400


def test_a_docx_bomb_names_the_part_and_its_size(docx_bomb: Path) -> None:
    with zipfile.ZipFile(docx_bomb) as archive:
        size = archive.getinfo("word/document.xml").file_size / 1024**2
    with pytest.raises(DecompressionBombError, match=rf"word/document\.xml expands to {size:.1f} MB"):
        read_document(docx_bomb)


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    """good.txt beside a link cycle, a link to the parent folder, a named pipe and a file whose
    name is not valid UTF-8."""
    root = tmp_path / "docs"
    root.mkdir()
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "outside.txt").write_text("A file outside the folder.\n", encoding="utf-8")
    os.symlink("b.txt", root / "a.txt")
    os.symlink("a.txt", root / "b.txt")
    os.symlink("..", root / "up")
    os.symlink("../outside.txt", root / "outside_link.txt")
    os.symlink("good.txt", root / "inside_link.txt")
    os.mkfifo(root / "pipe.txt")
    (root / BAD_NAME).write_text(GOOD, encoding="utf-8")
    return root


def test_link_cycles_outside_links_and_pipes_are_error_rows(hostile_folder: Path) -> None:
    result = read_folder(hostile_folder)
    assert sorted(document.id for document in result.documents) == ["bad\\xff\\xfe.txt", "good.txt", "inside_link.txt"]
    errors = {Path(error.path).name: error for error in result.errors}
    assert sorted(errors) == ["a.txt", "b.txt", "outside_link.txt", "pipe.txt", "up"]
    assert all(isinstance(error, SpecialFileError) for error in errors.values())
    assert "cycle" in errors["a.txt"].reason and "named pipe" in errors["pipe.txt"].reason
    assert "outside" in errors["up"].reason and "outside" in errors["outside_link.txt"].reason


def test_a_named_pipe_read_directly_is_an_error(hostile_folder: Path) -> None:
    with pytest.raises(SpecialFileError, match="not a regular file"):
        read_document(hostile_folder / "pipe.txt")
    assert [type(error) for error in read(hostile_folder / "a.txt").errors] == [SpecialFileError]


def test_a_name_that_is_not_utf8_is_escaped_everywhere(hostile_folder: Path) -> None:
    from polytag import Corpus

    corpus = Corpus.from_folder(hostile_folder)
    row = corpus.documents.set_index("doc_id").loc["bad\\xff\\xfe.txt"]
    assert row.file.endswith("bad\\xff\\xfe.txt") and row.text == GOOD
    assert corpus.errors.file.map(lambda file: file.encode("utf-8")).notna().all()
    printed = subprocess.run([sys.executable, "-m", "polytag.cli.main", "read", str(hostile_folder)],
                             capture_output=True, timeout=120)
    printed.stdout.decode("utf-8"), printed.stderr.decode("utf-8")  # strict: valid UTF-8 or this fails
    assert b"bad\\\\xff\\\\xfe.txt" in printed.stdout
