"""``polytag.tag``: the segment table of :mod:`polytag.tables`, with offsets, token counts,
hits and evidence that agree with the text and with each other."""
from __future__ import annotations

import pytest

import polytag
from polytag.errors import PolytagError
from polytag.tables import segment_columns, themes_of
from polytag.text import tokenize
from polytag.themes import Codebook

TEXT = ("미국은 첨단 AI 반도체에 대한 수출 통제를 강화했다.\n\n中国反对小院高墙，支持开源模型。\n\n"
        "The weather is fine.\n\nOpen-weight AI models let developers everywhere build on American technology.")


@pytest.fixture(scope="module")
def tagged():
    return polytag.tag(TEXT)


def test_tag_gives_the_declared_segment_table(tagged):
    themes = themes_of(tagged)
    assert themes == Codebook.load().theme_names
    assert list(tagged.columns) == segment_columns(themes)
    assert list(tagged["lang"]) == ["ko", "zh", "en", "en"]
    assert all(TEXT[s:e] == t for s, e, t in zip(tagged["start"], tagged["end"], tagged["text"]))
    assert list(tagged["n_tokens"]) == [sum(t.is_word for t in tokenize(text, lang))
                                        for text, lang in zip(tagged["text"], tagged["lang"])]


def test_every_theme_given_has_evidence_inside_its_segment_and_no_other_theme_has(tagged):
    themes = themes_of(tagged)
    assert tagged.loc[0, "export_control"] and not tagged.loc[2, themes].any()
    for row in tagged.to_dict("records"):
        given = {t for t in themes if row[t]}
        assert {e["theme"] for e in row["evidence"]} == given
        for item in row["evidence"]:
            assert row["text"][item["start"]:item["end"]] == item["text"]
        for theme in themes:  # hits are seed terms found; a theme given on them shows them as evidence
            seeds = [e for e in row["evidence"] if e["theme"] == theme and e["source"] == "seed"]
            assert (row[f"hits_{theme}"] > 0) >= bool(seeds)


def test_probabilities_decide_the_themes_through_the_model_thresholds(tagged):
    model = polytag.themes.load_default_model()
    for j, theme in enumerate(model.themes_):
        given = tagged[theme].to_numpy()
        passed = tagged[f"p_{theme}"].to_numpy() >= model.thresholds_[j]
        assert (given <= passed).all()  # given only above the threshold (and only with evidence)


def test_tag_takes_text_not_a_path(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("Open models.", encoding="utf-8")
    with pytest.raises(PolytagError, match="takes text"):
        polytag.tag(str(path))
