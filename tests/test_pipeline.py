"""One pipeline: ``polytag.tag`` over a folder's segments, ``Corpus.from_folder(...).tag()`` and
``polytag tag`` give the same rows and the same theme columns; per-document counts agree."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import polytag
from polytag.report import load_results

SMALL_CORPUS = Path(__file__).resolve().parent / "report" / "data" / "corpus"

KEYS = ["doc_id", "segment", "start", "end", "lang", "text"]


@pytest.fixture(scope="module")
def three_ways(outdir) -> dict[str, pd.DataFrame]:
    corpus = polytag.Corpus.from_folder(SMALL_CORPUS)
    from_corpus = corpus.tag()
    from_tag = polytag.tag(from_corpus[KEYS])
    from_cli = load_results(outdir).segments
    from_cli = from_cli.assign(evidence=[json.loads(e) if isinstance(e, str) else e for e in from_cli["evidence"]])
    return {"corpus": from_corpus, "tag": from_tag, "cli": from_cli, "documents": corpus.documents,
            "cli_documents": load_results(outdir).documents, "corpus_obj": corpus}


def _tag_columns(frame: pd.DataFrame) -> list[str]:
    themes = [c[2:] for c in frame.columns if c.startswith("p_")]
    return [*KEYS, "n_tokens", *(f"{p}{t}" for t in themes for p in ("p_", "", "hits_")), "evidence"]


def test_three_entry_points_give_the_same_rows_and_theme_columns(three_ways) -> None:
    columns = _tag_columns(three_ways["cli"])
    assert len(columns) > len(KEYS) + 2 and "p_openness" in columns
    tables = {name: three_ways[name] for name in ("corpus", "tag", "cli")}
    for name, table in tables.items():
        assert _tag_columns(table) == columns, name
    reference = tables["cli"][columns].sort_values(["doc_id", "segment"]).reset_index(drop=True)
    assert reference["doc_id"].nunique() >= 3 and set(reference["lang"]) >= {"en", "ko", "zh"}
    for name in ("corpus", "tag"):
        table = tables[name][columns].sort_values(["doc_id", "segment"]).reset_index(drop=True)
        pd.testing.assert_frame_equal(table, reference, check_dtype=False, obj=name)


def test_document_counts_agree_between_corpus_and_cli(three_ways) -> None:
    corpus = three_ways["corpus_obj"]
    cli = three_ways["cli_documents"].set_index("doc_id")
    mine = corpus._tagged().documents.set_index("doc_id").loc[cli.index]
    themes = corpus.themes
    counts = ["n_segments", "n_tokens", *(f"n_{t}" for t in themes), *(f"hits_{t}" for t in themes)]
    np.testing.assert_allclose(mine[counts].to_numpy(float), cli[counts].to_numpy(float))
    segments = corpus.segments.groupby("doc_id")
    assert (mine["n_segments"] == segments.size().reindex(mine.index, fill_value=0)).all()


def test_tag_takes_text_and_language_pairs() -> None:
    pairs = [("美国对华芯片出口管制不断升级。", "zh"), ("Open-weight models help developers everywhere.", "en")]
    frame = polytag.tag(pairs)
    assert list(frame["text"]) == [text for text, _ in pairs] and list(frame["lang"]) == ["zh", "en"]
    alone = polytag.tag([text for text, _ in pairs])
    pd.testing.assert_frame_equal(frame, alone)


JAPANESE = "人工知能の安全性に関する基本方針を公表した。オープンモデルの開発を支援する。"
RUSSIAN = "Правительство поддерживает открытые модели искусственного интеллекта и экспортный контроль."
ENGLISH = "Open-weight models help developers everywhere, and export controls on advanced chips were tightened."


@pytest.fixture(scope="module")
def foreign_folder(tmp_path_factory) -> Path:
    """Japanese and Russian documents, an English one quoting both, and one without letters."""
    folder = tmp_path_factory.mktemp("foreign")
    (folder / "ja.txt").write_text(JAPANESE + "\n", encoding="utf-8")
    (folder / "ru.txt").write_text(RUSSIAN + "\n", encoding="utf-8")
    (folder / "mixed.txt").write_text(f"{ENGLISH}\n\n{JAPANESE}\n\n{RUSSIAN}\n", encoding="utf-8")
    (folder / "numbers.txt").write_text("2025\n\n12.5% — 30%\n", encoding="utf-8")
    return folder


def _cli_tag(folder: Path, out: Path, *options: str) -> polytag.report.Results:
    from polytag.cli.main import main

    assert main(["tag", str(folder), "--out", str(out), *options]) == 0
    return load_results(out)


def _assert_foreign_rows_untagged(segments: pd.DataFrame, name: str) -> None:
    themes = [c[2:] for c in segments.columns if c.startswith("p_")]
    foreign = segments[segments["text"].isin([JAPANESE, RUSSIAN])]
    english = segments[segments["text"] == ENGLISH]
    assert len(foreign) >= 2 and len(english) == 1, name
    assert (foreign["lang"] == "und").all() and (foreign["n_tokens"] == 0).all(), name
    assert foreign[[f"p_{t}" for t in themes]].isna().all().all(), name
    assert not foreign[themes].to_numpy().any(), name
    assert all(len(json.loads(e) if isinstance(e, str) else e) == 0 for e in foreign["evidence"]), name
    # the English passage beside them is read and tagged as before
    assert english["lang"].item() == "en" and english["n_tokens"].item() > 10 and english["export_control"].item(), name


def test_japanese_and_russian_segments_are_marked_und_and_not_read_as_english(foreign_folder, tmp_path) -> None:
    texts = [(foreign_folder / name).read_text(encoding="utf-8") for name in ("ja.txt", "ru.txt", "mixed.txt")]
    from_tag = pd.concat([polytag.tag(text) for text in texts], ignore_index=True)
    corpus = polytag.Corpus.from_folder(foreign_folder)
    from_corpus = corpus.tag()
    cli = _cli_tag(foreign_folder, tmp_path / "out")
    for name, segments in {"tag": from_tag, "corpus": from_corpus, "cli": cli.segments}.items():
        _assert_foreign_rows_untagged(segments, name)
    # the document tables count them
    for name, documents in {"corpus": corpus._tagged().documents, "cli": cli.documents}.items():
        counts = documents.set_index("doc_id")[["n_segments", "n_segments_und"]]
        assert counts.loc["ja.txt"].tolist() == [1, 1] and counts.loc["ru.txt"].tolist() == [1, 1], name
        assert counts.loc["mixed.txt"].tolist() == [3, 2] and counts.loc["numbers.txt", "n_segments_und"] == 0, name
    assert cli.documents.set_index("doc_id").loc[["ja.txt", "ru.txt"], "lang"].tolist() == ["und", "und"]


def test_the_fallback_language_is_the_language_of_text_without_letters(foreign_folder, tmp_path) -> None:
    assert polytag.tag("2025 — 12")["lang"].tolist() == ["en"]
    assert polytag.tag(["2025 — 12"], fallback_lang="zh")["lang"].tolist() == ["zh"]
    letterless = polytag.tag("2025 — 12", fallback_lang="und")
    assert letterless["lang"].tolist() == ["und"] and letterless["p_openness"].isna().all()
    assert polytag.tag("오픈소스 2025", fallback_lang="zh")["lang"].tolist() == ["ko"]  # letters decide
    with pytest.raises(polytag.errors.LanguageError, match="'xx'"):
        polytag.tag("2025", fallback_lang="xx")

    corpus = polytag.Corpus.from_folder(foreign_folder)
    segments = corpus.tag(fallback_lang="und")
    assert set(segments.loc[segments["doc_id"] == "numbers.txt", "lang"]) == {"und"}
    # a second run into the same folder with another fallback re-tags the letterless file
    out = tmp_path / "out"
    for option, lang in ((), "en"), (("--fallback-lang", "zh"), "zh"):
        results = _cli_tag(foreign_folder, out, *option)
        numbers = results.segments[results.segments["doc_id"] == "numbers.txt"]
        assert len(numbers) == 2 and set(numbers["lang"]) == {lang}
        assert results.documents.set_index("doc_id").loc["numbers.txt", "lang"] == lang
        assert set(results.segments.loc[results.segments["doc_id"] == "ja.txt", "lang"]) == {"und"}


def test_an_unknown_fallback_language_is_a_usage_error(foreign_folder, tmp_path, capsys) -> None:
    from polytag.cli.main import main

    with pytest.raises(SystemExit) as exit_:
        main(["tag", str(foreign_folder), "--out", str(tmp_path / "out"), "--fallback-lang", "xx"])
    assert exit_.value.code == 2 and "--fallback-lang" in capsys.readouterr().err
