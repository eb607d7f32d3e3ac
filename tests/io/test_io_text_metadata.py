"""Plain text and Markdown bodies, front matter, sidecars, manifests, precedence and titles."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from polytag.errors import CorruptFileError, ManifestWarning
from polytag.io import read_document, read_folder
from polytag.io.metadata import normalise_date

CORPORA = Path(__file__).resolve().parents[2] / "corpora"

KO_MD = CORPORA / "ko" / "kr_ai_basic_act_2025.md"


def test_txt_body_is_the_text_unchanged(tmp_path: Path) -> None:
    text = "  Title line  \n\n\tIndented body, kept as is.\n\n\n  trailing  \n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    assert document.text == text
    assert (document.id, document.format, document.encoding) == ("a.txt", "txt", "utf-8")
    assert document.meta == {"title": "Title line"}


def test_real_korean_markdown_front_matter(tmp_path: Path) -> None:
    raw = KO_MD.read_text(encoding="utf-8")
    document = read_document(KO_MD)
    assert document.format == "md"
    assert document.meta["title"] == "인공지능 발전과 신뢰 기반 조성 등에 관한 기본법"
    assert document.meta["date"] == "2025-01-21"
    assert document.meta["소관부처"] == "과학기술정보통신부"  # a one-item YAML list
    assert document.meta["시행일자"] == "2026-01-22"
    assert "법령구분코드" not in document.meta  # empty string dropped
    assert all(isinstance(value, str) and value for value in document.meta.values())
    # The front matter block leaves the body; everything after it is kept exactly.
    closing = raw.index("\n---\n", 4) + len("\n---\n")
    assert document.text == raw[closing:]
    assert not document.text.lstrip().startswith("---")
    assert "공포일자" not in document.text


def test_english_front_matter_keys_and_values(tmp_path: Path) -> None:
    path = tmp_path / "notes.markdown"
    path.write_text(
        "---\nTitle: Notes on AI\nlanguage: en\ntype: memo\ncountry: US\ndate: 2024-03-05\n"
        "tags: [ai, policy]\ndraft: false\nempty: ''\nnothing:\n---\n# Heading\n\nBody.\n",
        encoding="utf-8",
    )
    document = read_document(path)
    assert document.meta == {
        "title": "Notes on AI", "lang": "en", "doc_type": "memo", "country": "US", "date": "2024-03-05",
        "tags": "ai; policy", "draft": "false",
    }
    assert document.text == "# Heading\n\nBody.\n"
    assert document.format == "md"


def test_markdown_without_front_matter_is_unchanged(tmp_path: Path) -> None:
    text = "---\n\nA horizontal rule first, then text.\n\n---\n\nMore.\n"
    path = tmp_path / "rule.md"
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    assert document.text == text
    assert document.meta == {"title": "A horizontal rule first, then text."}


def test_markdown_title_falls_back_to_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "h.md"
    path.write_text("Intro line\n\n## The Real Heading ##\n\nText\n", encoding="utf-8")
    assert read_document(path).meta["title"] == "The Real Heading"


def test_title_fallback_is_trimmed_to_200_chars(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("\n\n" + "word " * 100 + "\nsecond line\n", encoding="utf-8")
    title = read_document(path).meta["title"]
    assert len(title) <= 200 and title.startswith("word word")


@pytest.mark.parametrize(
    ("raw", "iso"),
    [("2025-01-21", "2025-01-21"), ("2025.1.21", "2025-01-21"), ("2025. 1. 21.", "2025-01-21"),
     ("2025년 1월 21일", "2025-01-21"), ("2023年7月10日", "2023-07-10"), ("20250121", "2025-01-21"),
     ("2025/07/23", "2025-07-23"), ("2025", "2025"), ("July 23, 2025", "2025-07-23"),
     ("2025-07-23T10:00:00", "2025-07-23"), ("2025-13-40", None), ("sometime", None)],
)
def test_dates_are_normalised_to_iso(raw: str, iso: str | None) -> None:
    assert normalise_date(raw) == iso


def test_unreadable_date_is_kept_as_date_raw(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text("Body", encoding="utf-8")
    document = read_document(path, meta={"date": "early 2025"})
    assert "date" not in document.meta
    assert document.meta["date_raw"] == "early 2025"


def test_manifest_metadata_on_the_real_corpus() -> None:
    result = read_folder(CORPORA)
    by_id = {document.id: document for document in result.documents}
    eo = by_id["en/us_eo14179_removing_barriers_ai_2025.txt"]
    assert eo.meta["title"] == "Removing Barriers to American Leadership in Artificial Intelligence"
    assert (eo.meta["lang"], eo.meta["country"], eo.meta["date"], eo.meta["doc_type"]) == (
        "en", "US", "2025-01-23", "executive order")
    assert eo.meta["bundle"] == "yes"
    assert eo.meta["original_url"].startswith("https://www.whitehouse.gov/")
    assert "file" not in eo.meta
    zh = by_id["zh/prc_gov_work_report_2021.txt"]
    assert (zh.meta["title"], zh.meta["lang"], zh.meta["date"]) == ("2021年政府工作报告", "zh", "2021-03-05")
    # Front matter outranks the manifest: the .md keeps its own 제목 as title.
    ko = by_id["ko/kr_ai_basic_act_2025.md"]
    assert ko.meta["title"] == "인공지능 발전과 신뢰 기반 조성 등에 관한 기본법"
    assert ko.meta["licence"].startswith("Korean statute")  # manifest-only key still merged
    manifest_files = {"ko/kr_ai_basic_act_2025.md", "en/us_eo14179_removing_barriers_ai_2025.txt"}
    assert manifest_files <= set(by_id)
    assert all(document.meta.get("lang") for document in result.documents if document.id != "SOURCES.md")


def test_metadata_precedence(tmp_path: Path) -> None:
    (tmp_path / "manifest.csv").write_text(
        "file,title,country,lang,date,doc_type,note\n"
        "sub/doc.md,Manifest title,KR,ko,2020-01-01,statute,\n",
        encoding="utf-8",
    )
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "doc.md").write_text("---\ntitle: Front title\ndate: 2021-02-02\nlang: en\n---\nBody\n", encoding="utf-8")
    (sub / "doc.meta.json").write_text(json.dumps({"date": "2022-03-03", "lang": "zh", "source": "name sidecar"}),
                                       encoding="utf-8")
    (sub / "doc.md.meta.json").write_text(json.dumps({"lang": "ja", "pages": 3}), encoding="utf-8")
    document = read_folder(tmp_path).documents[0]
    assert document.meta == {
        "title": "Front title", "country": "KR", "lang": "ja", "date": "2022-03-03", "doc_type": "statute",
        "source": "name sidecar", "pages": "3",
    }
    explicit = read_document(sub / "doc.md", meta={"lang": "en", "date": "", "extra": "x"})
    assert explicit.meta["lang"] == "en"
    assert explicit.meta["date"] == "2022-03-03"  # an empty explicit value does not erase
    assert explicit.meta["extra"] == "x"
    assert explicit.meta["country"] == "KR"  # read alone, the manifest above still speaks of it


def test_deeper_manifest_overrides_shallower(tmp_path: Path) -> None:
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "x.txt").write_text("Body", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,title,country\na/b/x.txt,Outer,US\n", encoding="utf-8")
    (tmp_path / "a" / "manifest.csv").write_text("file,title\n./b/x.txt,Inner\n", encoding="utf-8")
    assert read_folder(tmp_path).documents[0].meta == {"title": "Inner", "country": "US"}
    # Reading the sub-folder keeps what the manifest above says of its files.
    assert read_folder(tmp_path / "a").documents[0].meta == {"title": "Inner", "country": "US"}
    assert read_document(sub / "x.txt").meta == {"title": "Inner", "country": "US"}


def test_a_manifest_above_the_folder_read_applies_only_to_rows_naming_files_under_it(tmp_path: Path) -> None:
    for name in ("ko", "zh"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "doc.txt").write_text("Body", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,lang,country\nko/doc.txt,ko,KR\nzh/doc.txt,zh,CN\n", encoding="utf-8")
    [document] = read_folder(tmp_path / "ko").documents
    assert (document.meta["lang"], document.meta["country"]) == ("ko", "KR")


def test_a_broken_manifest_above_the_folder_read_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "manifest.csv").write_text("name,title\nx.txt,T\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text("Body", encoding="utf-8")
    result = read_folder(tmp_path / "sub")
    assert [d.id for d in result.documents] == ["x.txt"] and result.errors == []


def test_manifest_in_a_legacy_encoding(tmp_path: Path) -> None:
    (tmp_path / "manifest.csv").write_bytes(
        ("file,title,lang\nbill.txt,인공지능 발전과 신뢰 기반 조성 등에 관한 기본법 해설,ko\n" * 3).encode("cp949"))
    (tmp_path / "bill.txt").write_text("본문", encoding="utf-8")
    document = read_folder(tmp_path).documents[0]
    assert document.meta == {"title": "인공지능 발전과 신뢰 기반 조성 등에 관한 기본법 해설", "lang": "ko"}


def test_broken_manifest_is_one_error_and_documents_still_read(tmp_path: Path) -> None:
    (tmp_path / "manifest.csv").write_text("name,title\nx.txt,T\n", encoding="utf-8")
    (tmp_path / "x.txt").write_text("Body", encoding="utf-8")
    result = read_folder(tmp_path)
    assert [document.id for document in result.documents] == ["x.txt"]
    assert len(result.errors) == 1 and "manifest.csv" in str(result.errors[0])
    assert "'file' column" in result.errors[0].reason


def test_copied_real_markdown_with_sidecar(tmp_path: Path) -> None:
    shutil.copy(KO_MD, tmp_path / "act.md")
    (tmp_path / "act.md.meta.json").write_text(json.dumps({"country": "KR", "lang": "ko"}), encoding="utf-8")
    document = read_document(tmp_path / "act.md")
    assert (document.meta["country"], document.meta["lang"], document.meta["date"]) == ("KR", "ko", "2025-01-21")


def test_an_unclosed_quote_in_a_manifest_is_an_error_naming_the_line(tmp_path: Path) -> None:
    rows = ["file,title", 'a.txt,"Unclosed title', "b.txt,B", "c.txt,C"]
    (tmp_path / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"Body of {name}", encoding="utf-8")
    result = read_folder(tmp_path)
    assert len(result.documents) == 3 and not any("\n" in d.meta.get("title", "") for d in result.documents)
    [error] = result.errors
    assert isinstance(error, CorruptFileError) and error.path.endswith("manifest.csv")
    assert "line 2" in error.reason and "quote" in error.reason


def test_duplicate_rows_and_missing_files_in_a_manifest_are_warnings_with_the_line(tmp_path: Path) -> None:
    rows = ["file,title", "a.txt,First", "gone.txt,Missing", "a.txt,Second"]
    (tmp_path / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Body", encoding="utf-8")
    with pytest.warns(ManifestWarning) as caught:
        result = read_folder(tmp_path)
    messages = sorted(str(w.message) for w in caught if w.category is ManifestWarning)
    assert len(messages) == 2
    assert "manifest.csv line 3: no file gone.txt" in messages[0]
    assert "manifest.csv line 4: a.txt is listed again (first on line 2)" in messages[1]
    assert result.documents[0].meta["title"] == "Second" and not result.errors
