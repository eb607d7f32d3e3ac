"""`polytag.suggest_labels` and `polytag suggest-labels`: distinct segments from several
documents and languages, uncertain ones first and a share at random, written as a sheet that
`polytag train --gold` takes once filled."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import polytag.themes
from polytag.cli.main import main
from polytag.suggest import select_segments, suggest_labels
from polytag.suggest.labels import text_key
from polytag.themes import Codebook, load_default_model, load_model

THEMES = Codebook.load().theme_names
SHIPPED = str(Path(polytag.themes.__file__).parent / "data" / "default_model")


@pytest.fixture(scope="session")
def folder(tmp_path_factory, corpora):
    """Six short documents, two per language."""
    out = tmp_path_factory.mktemp("docs")
    for name in ("en/us_factsheet_ai_diffusion_framework_2025-01-13.txt", "en/us_eo_preventing_woke_ai_2025.txt",
                 "ko/brief_rand_open_models_soft_power_2026.txt", "ko/kr_public_diplomacy_act_2023.md",
                 "zh/cn_anti_foreign_sanctions_law_2021.md", "zh/kaiyuanshe_2025_china_oss_report_preface.md"):
        (out / name.split("/")[1]).write_bytes((corpora / name).read_bytes())
    return out


@pytest.fixture(scope="session")
def sheet(folder):
    return suggest_labels(folder, model=load_default_model(), k=50, seed=3)


def test_fifty_distinct_segments_from_several_documents_and_languages(sheet):
    assert len(sheet) == 50 and sheet["id"].is_unique
    assert len({text_key(t) for t in sheet["text"]}) == 50
    assert sheet["lang"].nunique() >= 2 and sheet["doc_id"].nunique() >= 4
    assert sheet[THEMES].isna().all().all()
    assert list(sheet.columns) == ["id", "doc_id", "lang", "start", "end", "text", *THEMES, "why"]


def test_offsets_point_into_the_documents(sheet, folder):
    from polytag import Corpus

    texts = Corpus.from_folder(folder).documents.set_index("doc_id")["text"]
    for row in sheet.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text


def test_a_share_is_random_and_the_rest_uncertain(sheet):
    random = sheet["why"].str.startswith("random")
    assert random.sum() == 10
    assert sheet.loc[~random, "why"].str.match(r"uncertain: \w+ p=[\d.]+ \(threshold [\d.]+\)").all()


def test_same_seed_same_sheet(folder, sheet):
    again = suggest_labels(folder, model=load_default_model(), k=50, seed=3)
    pd.testing.assert_frame_equal(sheet, again)


def test_selection_prefers_probabilities_near_a_threshold_and_skips_near_duplicates():
    rng = np.random.default_rng(0)
    words = ["export", "licence", "model", "open", "weights", "alliance", "chips", "access", "rights", "trade"]
    texts = [" ".join(rng.choice(words, 12)) for _ in range(40)]
    texts[1] = texts[0] + "!"  # the same passage with other punctuation
    texts[2] = texts[0] + " plus"  # a near-duplicate
    pool = pd.DataFrame({"doc_id": [f"d{i % 8}" for i in range(40)], "lang": ["en"] * 40, "text": texts})
    proba = rng.uniform(0.0, 0.05, (40, 2))
    proba[[0, 1, 2, 5], 0] = [0.49, 0.49, 0.48, 0.45]
    chosen = select_segments(pool, proba, np.array([0.5, 0.5]), ["a", "b"], k=10, random_share=0.0)
    assert list(chosen.index[:2]) == [0, 5]
    assert not {1, 2} & set(chosen.index)
    excluded = select_segments(pool, proba, np.array([0.5, 0.5]), ["a", "b"], k=10, random_share=0.0,
                               exclude={text_key(texts[0])})
    assert list(excluded.index[:2]) == [2, 5]  # 0 and 1 (the same passage) are labelled already


def test_sheet_filled_trains_a_model_with_earlier_labels(sheet, tmp_path, corpora, capsys):
    out = tmp_path / "to_label.csv"
    sheet.to_csv(out, index=False)
    assert main(["suggest-labels", "x", "--model", SHIPPED, "--out", str(out)]) == 2  # never overwritten
    assert "exists" in capsys.readouterr().err
    filled = pd.read_csv(out, keep_default_na=False)
    labels = load_default_model().predict(filled[["text", "lang"]])
    for j, theme in enumerate(THEMES):
        filled[theme] = [str(v) if i < 45 else "" for i, v in enumerate(labels[:, j])]  # the last 5 not labelled yet
    filled.to_csv(out, index=False)
    earlier = pd.read_csv(corpora / "labels" / "train.csv", keep_default_na=False)
    earlier = earlier[earlier["doc"].isin(earlier["doc"].unique()[:6])].head(150)
    earlier_path = tmp_path / "earlier.csv"
    earlier.to_csv(earlier_path, index=False)
    assert main(["train", "--gold", str(out), str(earlier_path), "--out", str(tmp_path / "model")]) == 0
    assert f"trained on {45 + len(earlier)} segments" in capsys.readouterr().out
    assert load_model(tmp_path / "model").themes_ == THEMES


def test_cli_writes_xlsx(folder, tmp_path, capsys):
    out = tmp_path / "to_label.xlsx"
    assert main(["suggest-labels", str(folder), "--codebook", str(_codebook(tmp_path)), "-n", "12", "--out", str(out)]) == 0
    assert "wrote 12 segments" in capsys.readouterr().out
    frame = pd.read_excel(out)
    assert len(frame) == 12 and frame["ai_safety"].isna().all()


def _codebook(tmp_path):
    path = tmp_path / "safety.yaml"
    Codebook.from_dict({"themes": {"ai_safety": {"concepts": {"evaluation": {
        "en": ["safety evaluation", "red-teaming"], "ko": ["안전성 평가"], "zh": ["安全评估"]}}}}}).to_yaml(path)
    return path


def test_text_in_no_language_polytag_reads_is_never_suggested():
    documents = pd.DataFrame({
        "doc_id": ["ja", "en"], "lang": [None, None],
        "text": ["オープンモデルの輸出規制について議論が続いている。\n\n半導体の輸出管理が強化された。",
                 "Export controls on advanced chips.\n\nOpen-weight models help developers."],
    })
    sheet = suggest_labels(documents, codebook=Codebook.load(), k=10, random_share=0.5)
    assert set(sheet["doc_id"]) == {"en"} and set(sheet["lang"]) == {"en"}
