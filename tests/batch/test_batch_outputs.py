"""What a run writes: the tables, their columns and contents, run.json, and the folder rules."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from polytag.batch import tag_folder
from polytag.errors import OutputDirError
from polytag.io import read_document
from polytag.themes import load_default_model

THEMES = load_default_model().themes_


def test_segments_table_has_one_row_per_segment_with_metadata_and_theme_columns(
        reference_run: Path, small_folder: Path) -> None:
    segments = pd.read_parquet(reference_run / "segments.parquet")
    head = ["doc_id", "file", "title", "country", "doc_lang", "date", "year", "doc_type"]
    assert list(segments.columns[:8]) == head
    per_theme = [column for theme in THEMES for column in (f"p_{theme}", theme, f"hits_{theme}")]
    assert list(segments.columns[-(len(per_theme) + 7):]) == [
        "segment", "start", "end", "lang", "text", "n_tokens", *per_theme, "evidence"]
    assert {"original_url", "licence"} <= set(segments.columns)  # other manifest columns
    assert list(segments.doc_id.unique()) == sorted(path.relative_to(small_folder).as_posix()
                                                    for path in small_folder.rglob("*.txt"))
    for doc_id, rows in segments.groupby("doc_id", sort=False):
        assert list(rows.segment) == list(range(len(rows)))
        text = read_document(small_folder / doc_id).text
        assert all(text[start:end] == seg for start, end, seg in zip(rows.start, rows.end, rows.text))
    korean = segments[segments.doc_id.str.startswith("ko/")]
    assert set(korean.doc_lang) == {"ko"} and korean.country.iloc[0] == "KR" and korean.year.iloc[0] == 2026
    assert set(segments.lang) == {"en", "zh", "ko"}
    for theme in THEMES:
        assert segments[theme].dtype == bool and segments[f"p_{theme}"].between(0, 1).all()
    evidence = [item for cell in segments.evidence for item in json.loads(cell)]
    assert evidence and {"theme", "text", "start", "end", "source", "weight", "term"} <= set(evidence[0])
    assert (segments.n_tokens > 0).all()


def test_documents_table_sums_the_segments(reference_run: Path) -> None:
    segments = pd.read_parquet(reference_run / "segments.parquet")
    documents = pd.read_parquet(reference_run / "documents.parquet")
    assert list(documents.columns[:10]) == ["doc_id", "file", "format", "encoding", "title", "country", "lang",
                                            "date", "year", "doc_type"]
    assert list(documents.doc_id) == sorted(segments.doc_id.unique())
    grouped = segments.groupby("doc_id")
    assert documents.set_index("doc_id").n_segments.to_dict() == grouped.size().to_dict()
    assert documents.set_index("doc_id").n_tokens.to_dict() == grouped.n_tokens.sum().to_dict()
    for theme in THEMES:
        indexed = documents.set_index("doc_id")
        assert indexed[f"n_{theme}"].to_dict() == grouped[theme].sum().to_dict()
        assert indexed[f"share_{theme}"].to_dict() == pytest.approx((grouped[theme].sum() / grouped.size()).to_dict())
        assert indexed[f"mean_p_{theme}"].to_dict() == pytest.approx(grouped[f"p_{theme}"].mean().to_dict())
        assert indexed[f"hits_{theme}"].to_dict() == pytest.approx(grouped[f"hits_{theme}"].sum().to_dict())
    csv = pd.read_csv(reference_run / "documents.csv")
    assert list(csv.columns) == list(documents.columns) and len(csv) == len(documents)
    assert len(pd.read_csv(reference_run / "segments.csv")) == len(segments)


def test_run_json_names_the_model_codebook_options_and_counts(reference_run: Path) -> None:
    info = json.loads((reference_run / "run.json").read_text(encoding="utf-8"))
    model = load_default_model()
    assert info["polytag_version"]
    assert info["codebook"] == {"name": model.codebook_.name, "identity": model.codebook_.identity(),
                                "themes": list(model.themes_)}
    assert Path(info["model"]["path"]).is_dir() and len(info["model"]["sha256"]) == 64
    assert info["options"] == {"jobs": 1, "engine": "local", "scheduler": None, "force": False, "ocr": None,
                               "fallback_lang": "en"}
    assert info["counts"] == {"files": 4, "documents": 4, "errors": 0, "processed": 4, "reused": 0,
                              "segments": len(pd.read_parquet(reference_run / "segments.parquet"))}
    assert info["started"] <= info["finished"] and info["seconds"] > 0
    assert (reference_run / "errors.csv").read_text(encoding="utf-8").strip() == "file,error,reason"


def test_a_foreign_non_empty_folder_is_refused_unless_forced(small_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("not polytag's", encoding="utf-8")
    with pytest.raises(OutputDirError, match="--force"):
        tag_folder(small_folder / "en", out)
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
    cli = subprocess.run([sys.executable, "-m", "polytag.cli.main", "tag", str(small_folder / "en"), "--out", str(out)],
                         capture_output=True, text=True)
    assert cli.returncode == 2 and "not empty" in cli.stderr and "--force" in cli.stderr
    summary = tag_folder(small_folder / "en", out, force=True)
    assert summary.documents == 2 and (out / "notes.txt").read_text(encoding="utf-8") == "not polytag's"
    # polytag's own folder needs no --force the next time
    assert tag_folder(small_folder / "en", out).reused == 2
    file = tmp_path / "a_file"
    file.write_text("x", encoding="utf-8")
    with pytest.raises(OutputDirError, match="not a folder"):
        tag_folder(small_folder / "en", file, force=True)


def test_an_output_folder_inside_the_input_is_not_read_as_input(make_folder, tmp_path: Path) -> None:
    folder = make_folder(["en/us_eo14179_removing_barriers_ai_2025.txt", "en/us_factsheet_export_american_ai_2025.txt"],
                         tmp_path / "docs")
    tag_folder(folder, folder / "out")
    again = tag_folder(folder, folder / "out")
    assert (again.documents, again.errors, again.reused, again.processed) == (2, 0, 2, 0)


def test_the_parent_of_a_two_worker_run_imports_no_tokenizer_or_model(small_folder: Path, tmp_path: Path) -> None:
    """While workers tag, the parent holds only the task list; it reads the model's codebook
    from its JSON, so it never imports scikit-learn or a tokenizer, and no dataframe library
    until the workers are gone (pyarrow, which imports pandas, then assembles the tables)."""
    heavy = "('pandas', 'pyarrow', 'sklearn', 'kiwipiepy', 'jieba', 'spacy')"
    code = (f"import sys; from pathlib import Path; from polytag.batch.run import tag_folder; "
            f"from polytag.batch.plan import model_hash, plan; from polytag.themes.model_io import default_model_path; "
            f"plan(Path({str(small_folder)!r}), out=Path({str(tmp_path / 'plan')!r}), "
            f"model_sha=model_hash(default_model_path())); "
            f"print(sorted(m for m in {heavy} if m in sys.modules)); "
            f"tag_folder(Path({str(small_folder)!r}), Path({str(tmp_path / 'out')!r}), jobs=2); "
            f"print(sorted(m for m in {heavy} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split("\n")[:2] == ["[]", "['pandas', 'pyarrow']"]


def test_a_worker_hides_its_warm_state_from_the_garbage_collector_once_per_language(
        make_folder, tmp_path: Path) -> None:
    """The model and tokenizers are frozen out of full collections after the first file of
    each language; a run in the caller's own process gives them back at its end."""
    code = (f"import gc; from pathlib import Path; from polytag.batch.plan import model_hash, plan; "
            f"from polytag.batch.worker import process_file; from polytag.themes.model_io import default_model_path; "
            f"tasks, _ = plan(Path({str(tmp_path / 'docs')!r}), out=Path({str(tmp_path / 'parts')!r}), "
            f"model_sha=model_hash(default_model_path())); Path({str(tmp_path / 'parts')!r}).mkdir(); counts = []; "
            f"[counts.append((process_file(t, {str(tmp_path / 'parts')!r}, None), gc.get_freeze_count())[1]) "
            f"for t in sorted(tasks, key=lambda t: t.path)]; print(counts)")
    make_folder(["en/us_eo14179_removing_barriers_ai_2025.txt", "en/us_factsheet_export_american_ai_2025.txt",
                 "zh/cn_genai_interim_measures_2023.txt"], tmp_path / "docs")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    after_en1, after_en2, after_zh = json.loads(result.stdout)
    # frozen after the first English file (the count only shrinks as frozen objects are freed), again after Chinese
    assert 0 < after_en1 and after_en2 <= after_en1 < after_zh

    import gc

    tag_folder(tmp_path / "docs", tmp_path / "out", jobs=1)
    assert gc.get_freeze_count() == 0
