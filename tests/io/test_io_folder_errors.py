"""Folder reading (order, skipping, per-file errors) and the named error for each failure."""
from __future__ import annotations

import io
import json
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pypdf
import pytest

from polytag.errors import (
    BinaryFileError,
    CorruptFileError,
    DocumentError,
    EmptyDocumentError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from polytag.io import SUPPORTED_SUFFIXES, ReadResult, read, read_document, read_folder

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
RANDOM = random.Random(20250723)


@pytest.fixture
def good_pdf(make_pdf: Callable[..., bytes]) -> bytes:
    return make_pdf([[(72, 80, 11, "A short PDF report about AI policy.")]])


@pytest.fixture
def mixed_folder(tmp_path: Path, good_pdf: bytes) -> Path:
    root = tmp_path / "corpus"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".git" / "HEAD.txt").write_text("hidden folder", encoding="utf-8")
    (root / ".hidden.txt").write_text("hidden file", encoding="utf-8")
    (root / "b_good.txt").write_text("Good text file.\n", encoding="utf-8")
    (root / "b_good.txt.meta.json").write_text(json.dumps({"lang": "en"}), encoding="utf-8")
    (root / "a_report.pdf").write_bytes(good_pdf)
    (root / "c_broken.pdf").write_bytes(RANDOM.randbytes(2048))
    (root / "d_empty.txt").write_bytes(b"")
    (root / "e_binary.txt").write_bytes(b"GIF89a" + bytes(64) + RANDOM.randbytes(256))
    (root / "f_notes.xyz").write_text("what format is this?", encoding="utf-8")
    (root / "manifest.csv").write_text("file,country\nsub/g_page.html,KR\n", encoding="utf-8")
    (root / "sub" / "g_page.html").write_text("<h1>Page</h1><p>Some text.</p>", encoding="utf-8")
    (root / "sub" / "deeper" / "h_spaces.md").write_text(" \n\t\n", encoding="utf-8")
    document = docx.Document()
    document.add_paragraph("Word text.")
    document.save(root / "sub" / "i_word.docx")
    return root


def test_read_folder_returns_good_documents_and_one_error_per_bad_file(mixed_folder: Path) -> None:
    result = read_folder(mixed_folder)
    assert [document.id for document in result.documents] == [
        "a_report.pdf", "b_good.txt", "sub/g_page.html", "sub/i_word.docx",
    ]
    assert [(type(error), Path(error.path).name) for error in result.errors] == [
        (CorruptFileError, "c_broken.pdf"),
        (EmptyDocumentError, "d_empty.txt"),
        (BinaryFileError, "e_binary.txt"),
        (UnsupportedFormatError, "f_notes.xyz"),
        (EmptyDocumentError, "h_spaces.md"),
    ]
    for error in result.errors:
        assert Path(error.path).name in str(error)
        assert error.reason
    by_id = {document.id: document for document in result.documents}
    assert by_id["b_good.txt"].meta == {"lang": "en", "title": "Good text file."}
    assert by_id["sub/g_page.html"].meta == {"country": "KR", "title": "Page"}
    assert by_id["sub/g_page.html"].path == mixed_folder / "sub" / "g_page.html"


def test_read_folder_is_deterministic(mixed_folder: Path) -> None:
    first, second = read_folder(mixed_folder), read_folder(mixed_folder)
    assert first.documents == second.documents
    assert [str(error) for error in first.errors] == [str(error) for error in second.errors]


def test_read_folder_non_recursive(mixed_folder: Path) -> None:
    result = read_folder(mixed_folder, recursive=False)
    assert [document.id for document in result.documents] == ["a_report.pdf", "b_good.txt"]
    assert len(result.errors) == 4


def test_read_dispatches_on_file_or_folder(mixed_folder: Path) -> None:
    assert [d.id for d in read(mixed_folder).documents] == [d.id for d in read_folder(mixed_folder).documents]
    single = read(mixed_folder / "b_good.txt")
    assert isinstance(single, ReadResult)
    assert [d.id for d in single.documents] == ["b_good.txt"] and single.errors == []
    failed = read(mixed_folder / "c_broken.pdf")
    assert failed.documents == [] and isinstance(failed.errors[0], CorruptFileError)
    with pytest.raises(UnreadableFileError):
        read(mixed_folder / "missing")


def test_real_corpus_folder_reads_every_text_document() -> None:
    result = read_folder(CORPORA)
    ids = [document.id for document in result.documents]
    assert ids == sorted(ids, key=lambda i: i.split("/"))
    assert "zh/prc_gov_work_report_2024.txt" in ids and "ko/kr_ai_basic_act_2025.md" in ids
    # Only the labelling helpers (a .py and a .csv) are not documents.
    assert all(isinstance(error, UnsupportedFormatError) for error in result.errors)


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == frozenset(
        {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx", ".hwp", ".hwpx", ".doc", ".wps"}
    )


def test_doc_id_and_explicit_meta(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("Body", encoding="utf-8")
    document = read_document(path, doc_id="custom/id", meta={"title": "Given", "country": "CN"})
    assert (document.id, document.meta) == ("custom/id", {"title": "Given", "country": "CN"})


def test_missing_file_and_directory_are_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="nope.txt"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(UnreadableFileError, match="is a directory"):
        read_document(tmp_path)
    with pytest.raises(UnreadableFileError):
        read_folder(tmp_path / "no-such-folder")


def test_suffix_is_case_insensitive_and_unknown_is_unsupported(tmp_path: Path) -> None:
    (tmp_path / "UPPER.TXT").write_text("Upper-case suffix.", encoding="utf-8")
    assert read_document(tmp_path / "UPPER.TXT").format == "txt"
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(UnsupportedFormatError, match=r"data\.csv.*'\.csv'"):
        read_document(tmp_path / "data.csv")


@pytest.mark.parametrize("name", ["empty.txt", "empty.pdf", "empty.docx", "empty.html"])
def test_zero_bytes_is_empty(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"")
    with pytest.raises(EmptyDocumentError, match=name):
        read_document(tmp_path / name)


def test_pdf_without_text_layer_is_empty(tmp_path: Path, make_pdf: Callable[..., bytes]) -> None:
    (tmp_path / "scan.pdf").write_bytes(make_pdf([b"0 0 m 200 200 l S", b"10 10 100 100 re f"]))
    with pytest.raises(EmptyDocumentError, match="no text layer"):
        read_document(tmp_path / "scan.pdf")


def not_a_docx_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    return buffer.getvalue()


def docx_bytes(tmp_path: Path) -> bytes:
    document = docx.Document()
    document.add_paragraph("Some text " * 200)
    document.save(tmp_path / "full.docx")
    return (tmp_path / "full.docx").read_bytes()


def half(data: bytes) -> bytes:
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("random.pdf", lambda tmp, pdf: RANDOM.randbytes(4096)),
        ("truncated.pdf", lambda tmp, pdf: half(pdf)),
        ("text.pdf", lambda tmp, pdf: b"%PDF-1.7\nthis is not really a PDF\n"),
        ("random.docx", lambda tmp, pdf: RANDOM.randbytes(4096)),
        ("truncated.docx", lambda tmp, pdf: half(docx_bytes(tmp))),
        ("other.docx", lambda tmp, pdf: not_a_docx_zip()),
    ],
)
def test_broken_containers_are_corrupt(tmp_path: Path, good_pdf: bytes, name: str, make) -> None:
    (tmp_path / name).write_bytes(make(tmp_path, good_pdf))
    with pytest.raises(CorruptFileError, match=name) as caught:
        read_document(tmp_path / name)
    assert isinstance(caught.value, DocumentError)


def test_truncated_real_pdf_is_corrupt(tmp_path: Path, action_plan_pdf: Path) -> None:
    (tmp_path / "plan.pdf").write_bytes(half(action_plan_pdf.read_bytes()))
    with pytest.raises(CorruptFileError, match="plan.pdf"):
        read_document(tmp_path / "plan.pdf")


def test_encrypted_pdf_is_unreadable(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret")
    with open(tmp_path / "locked.pdf", "wb") as handle:
        writer.write(handle)
    with pytest.raises(UnreadableFileError, match="password"):
        read_document(tmp_path / "locked.pdf")


def test_invalid_sidecar_fails_that_document(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Body", encoding="utf-8")
    (tmp_path / "x.meta.json").write_text("[1, 2]", encoding="utf-8")
    result = read_folder(tmp_path)
    assert result.documents == []
    assert isinstance(result.errors[0], CorruptFileError)
    assert Path(result.errors[0].path).name == "x.txt"
    assert "sidecar x.meta.json" in str(result.errors[0])
