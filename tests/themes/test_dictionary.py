"""Seed-term matching: lemmas, token boundaries, exclusions, offsets, three languages."""
from __future__ import annotations

import pytest

from polytag.themes import Codebook, DictionaryTagger

CUSTOM = Codebook.from_dict({"themes": {"india": {"concepts": {"names": {"zh": ["印度"], "en": ["export control*"]}}}}})


def matches(text, lang, codebook=None):
    return DictionaryTagger(codebook).fit().match([(text, lang)])[0]


@pytest.mark.parametrize("text, lang, theme, passage", [
    ("The agency tightened export controls on advanced chips.", "en", "export_control", "export controls"),
    ("We release open-weight models to the research community.", "en", "openness", "open-weight models"),
    ("미국은 수출통제를 재조정해야 한다", "ko", "export_control", "수출통제"),
    ("개방형 모델이 소프트파워 경쟁의 핵심으로 부상했다", "ko", "openness", "개방형 모델"),
    ("中国支持全球南方国家的能力建设", "zh", "inclusiveness", "全球南方"),
    ("美國對人工智慧晶片實施出口管制", "zh", "export_control", "出口管制"),
])
def test_seed_matches_point_at_the_matched_characters(text, lang, theme, passage):
    found = [m for m in matches(text, lang) if m.theme == theme and m.weight > 0]
    assert passage in [text[m.start:m.end] for m in found]


def test_exclusions_cancel_overlapping_seeds():
    assert not [m for m in matches("中国坚持高水平对外开放，扩大开放领域。", "zh") if m.theme == "openness" and m.weight > 0]
    assert [m for m in matches("中国支持开源社区和开放共享。", "zh") if m.theme == "openness" and m.weight > 0]


def test_matching_respects_token_boundaries():
    assert [m.term for m in matches("印度和中国", "zh", CUSTOM)] == ["印度"]
    assert matches("印度尼西亚的经济", "zh", CUSTOM) == []


def test_glob_terms_match_on_tokens():
    found = matches("New export controls and export controllers.", "en", CUSTOM)
    assert [m.term for m in found] == ["export control*", "export control*"]


def test_scores_and_predictions_follow_seed_weights():
    tagger = DictionaryTagger().fit()
    X = [("Export controls on chips prevent diversion to adversaries.", "en"), ("The weather was fine.", "en")]
    scores = tagger.scores(X)
    assert scores[0, tagger.themes_.index("export_control")] >= 2.0
    assert scores[1].sum() == 0
    assert tagger.predict(X).tolist()[1] == [0, 0, 0, 0]


def test_a_handful_of_segments_with_no_word_in_common_are_tagged_by_the_codebook():
    import polytag

    table = polytag.tag(["Export controls on advanced chips.", "开源模型"], codebook=Codebook.load())
    assert table["lang"].tolist() == ["en", "zh"]
    assert table["export_control"].tolist() == [True, False]
    assert table["openness"].tolist() == [False, True]
