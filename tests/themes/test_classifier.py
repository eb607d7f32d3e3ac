"""The classifier as a scikit-learn estimator, its evidence, determinism and custom themes."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV, KFold, cross_val_score
from sklearn.pipeline import Pipeline

import polytag
from polytag.themes import Codebook, ThemeClassifier
from polytag.themes.classifier import FITTED_ATTRIBUTES

THEMES = ["openness", "geopolitical", "inclusiveness", "export_control"]


@pytest.fixture(scope="module")
def fitted(small_training_set):
    return ThemeClassifier(random_state=0).fit(small_training_set[["text", "lang"]], small_training_set[THEMES])


def test_estimator_contract(small_training_set):
    model = ThemeClassifier(C=2.0, min_df=3)
    assert model.get_params()["C"] == 2.0
    copy = clone(model)
    assert copy.get_params() == model.get_params() and not hasattr(copy, "coef_")
    X, Y = small_training_set[["text", "lang"]], small_training_set[THEMES].to_numpy()
    predicted = copy.fit(X, Y).predict(X)
    assert predicted.shape == Y.shape and set(np.unique(predicted)) <= {0, 1}
    proba = copy.predict_proba(X)
    assert proba.shape == Y.shape and (0 <= proba).all() and (proba <= 1).all()


def test_composes_with_pipeline_grid_search_and_cross_val_score(small_training_set):
    X, Y = small_training_set[["text", "lang"]], small_training_set[THEMES].to_numpy()
    folds = KFold(3, shuffle=True, random_state=0)
    scores = cross_val_score(Pipeline([("themes", ThemeClassifier(threshold_cv=3))]), X, Y, cv=folds, scoring="f1_macro")
    assert len(scores) == 3 and (scores > 0.3).all()
    search = GridSearchCV(ThemeClassifier(threshold_cv=3), {"C": [0.001, 4.0]}, cv=folds, scoring="f1_micro").fit(X, Y)
    # a C so small that every weight is ~0 cannot separate anything: the parameter must reach the fit
    assert search.cv_results_["mean_test_score"][1] > search.cv_results_["mean_test_score"][0]
    # the refitted best estimator is the model its parameters describe, fitted afresh
    best = ThemeClassifier(threshold_cv=3, **search.best_params_).fit(X, Y)
    np.testing.assert_array_equal(search.best_estimator_.predict_proba(X), best.predict_proba(X))


def test_fitted_state_is_exactly_the_declared_attributes(fitted):
    params = set(fitted.get_params())
    assert {k for k in vars(fitted) if k not in params} == set(FITTED_ATTRIBUTES)


def test_refitting_a_used_model_equals_a_fresh_fit(small_training_set, labelled):
    first = small_training_set.iloc[: len(small_training_set) // 2]
    second = labelled.sample(300, random_state=8)
    X = labelled.sample(80, random_state=9)[["text", "lang"]]
    used = ThemeClassifier(random_state=0).fit(first[["text", "lang"]], first[THEMES])
    used.tag(X)  # use it: any cache it kept would now be filled
    used.fit(second[["text", "lang"]], second[THEMES])
    fresh = ThemeClassifier(random_state=0).fit(second[["text", "lang"]], second[THEMES])
    assert np.array_equal(used.predict_proba(X), fresh.predict_proba(X))
    a, b = used.tag(X), fresh.tag(X)
    assert np.array_equal(a.decisions, b.decisions) and a.evidence == b.evidence


def test_groups_decide_the_folds_of_thresholds(small_training_set):
    X, Y = small_training_set[["text", "lang"]], small_training_set[THEMES]
    grouped = ThemeClassifier(random_state=0).fit(X, Y, groups=small_training_set["doc"])
    ungrouped = ThemeClassifier(random_state=0).fit(X, Y)
    assert np.array_equal(grouped.coef_, ungrouped.coef_)  # the final fit uses every segment either way
    assert not np.array_equal(grouped.thresholds_, ungrouped.thresholds_)
    with pytest.raises(ValueError, match="groups"):
        ThemeClassifier().fit(X, Y, groups=small_training_set["doc"][:5])


def test_identical_input_and_seed_give_identical_results(small_training_set, fitted):
    X = small_training_set[["text", "lang"]]
    again = ThemeClassifier(random_state=0).fit(X, small_training_set[THEMES])
    assert np.array_equal(again.coef_, fitted.coef_)
    assert np.array_equal(again.predict_proba(X), fitted.predict_proba(X))


@pytest.mark.parametrize("text, lang, theme", [
    ("The United States will tighten export controls on advanced AI chips to prevent their diversion to adversaries.",
     "en", "export_control"),
    ("미국은 개방형 모델 생태계를 지원하고 모델 가중치 공개를 장려해야 한다.", "ko", "openness"),
    ("中国将推动开源模型和开源社区建设，促进训练数据资源开放共享。", "zh", "openness"),
])
def test_evidence_offsets_point_at_the_right_characters(fitted, text, lang, theme):
    proba, decisions, evidence, _ = fitted.tag([(text, lang)])
    j = fitted.themes_.index(theme)
    assert decisions[0, j] == 1
    items = evidence[0][theme]
    assert items and any(e.source == "seed" for e in items)
    for item in items:
        assert text[item.start:item.end] == item.text


def test_no_theme_is_reported_without_evidence(fitted, labelled):
    sample = labelled.sample(60, random_state=3)[["text", "lang"]]
    _, decisions, evidence, _ = fitted.tag(sample)
    for row, found in zip(decisions, evidence):
        for j, theme in enumerate(fitted.themes_):
            if row[j]:
                assert found[theme]


def test_a_custom_codebook_with_a_new_theme_works_end_to_end(small_training_set, tmp_path):
    data = Codebook.load().to_dict()
    data["themes"]["ai_safety"] = {
        "label": {"en": "AI safety"},
        "concepts": {"safety": {"en": ["red-team", "AI safety", "safety testing"], "ko": ["안전성"], "zh": ["安全评估"]}},
    }
    codebook = Codebook.from_dict(data)
    # with no labels for the new theme, it is tagged from its seed terms; the others are learned
    model = ThemeClassifier(codebook).fit(small_training_set[["text", "lang"]], small_training_set[THEMES])
    assert model.themes_[-1] == "ai_safety" and model.blend_[-1] == 0 and (model.blend_[:-1] > 0).all()
    frame = polytag.themes.tag(["Developers must share red-team safety testing results.", "인공지능의 안전성 확보",
                                "The weather is fine."], model=model)
    assert frame["ai_safety"].tolist() == [True, True, False]
    # and the codebook alone tags, with evidence, without any training
    path = tmp_path / "safety.yaml"
    codebook.to_yaml(path)
    alone = polytag.themes.tag("生成式人工智能服务应当进行安全评估。", codebook=path, lang="zh")
    assert alone["ai_safety"].all()
    assert any(e["theme"] == "ai_safety" and e["text"] == "安全评估" for e in alone["evidence"][0])


def test_tag_returns_a_dataframe_per_segment_with_probabilities_and_evidence():
    frame = polytag.themes.tag("미국은 첨단 AI 반도체에 대한 수출 통제를 강화했다.\n\n中国反对小院高墙。\n\nThe weather is fine.")
    assert list(frame["lang"]) == ["ko", "zh", "en"]
    for theme in THEMES:
        assert {f"p_{theme}", theme, f"hits_{theme}"} <= set(frame.columns)
    assert frame.loc[0, "export_control"] and not frame.loc[2, THEMES].any()
    assert isinstance(frame, pd.DataFrame) and isinstance(frame.loc[0, "evidence"], list)


def test_tagging_explains_exactly_the_themes_given(fitted, labelled):
    sample = labelled.sample(80, random_state=5)[["text", "lang"]]
    tagged, explained = fitted.tag(sample), fitted.explain(sample)
    assert tagged.decisions.any()
    for i, (found, everything) in enumerate(zip(tagged.evidence, explained)):
        assert set(found) == {t for j, t in enumerate(fitted.themes_) if tagged.decisions[i, j]}
        for j, theme in enumerate(fitted.themes_):
            assert found.get(theme, everything[theme]) == everything[theme]
            seeds = sum(e.weight for e in everything[theme] if e.source == "seed")
            assert tagged.hits[i, j] == pytest.approx(seeds)
