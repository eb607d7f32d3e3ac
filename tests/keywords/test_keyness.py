"""Keyness: the statistics against scipy, and term keyness between real groups of documents."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency

import polytag
from polytag.errors import PolytagError
from polytag.keywords import keyness, keyness_statistics


@pytest.fixture(scope="module")
def cn_vs_us(english_us_cn):
    return keyness(english_us_cn, by="country", target="CN")


def test_statistics_match_scipy():
    target = pd.Series({"export": 30, "model": 5, "chip": 0, "the": 400})
    reference = pd.Series({"export": 10, "model": 40, "chip": 12, "the": 900})
    frame = keyness_statistics(target, reference, measure="chi2")
    size_t, size_r = target.sum(), reference.sum()
    for feature, row in frame.iterrows():
        a, b = target[feature], reference[feature]
        table = np.array([[a, b], [size_t - a, size_r - b]])
        chi2, p, _, _ = chi2_contingency(table, correction=True)
        assert abs(row["chi2"]) == pytest.approx(chi2)
        assert row["p"] == pytest.approx(p)
        g2 = chi2_contingency(table, correction=False, lambda_="log-likelihood")[0]
        n = table.sum()
        williams = 1 + (n / (a + b) + n / table[1].sum() - 1) * (n / size_t + n / size_r - 1) / (6 * n)
        assert abs(row["G2"]) == pytest.approx(g2 / williams)
        assert np.sign(row["chi2"]) == np.sign(row["G2"]) == np.sign(a / size_t - b / size_r)
    assert list(frame.index[:1]) == ["export"] and frame.index[-1] in ("model", "chip")
    assert list(frame["chi2"]) == sorted(frame["chi2"], reverse=True)
    assert frame.loc["chip", "log_ratio"] == pytest.approx(np.log2((0.5 / size_t) / (12 / size_r)))


def test_statistics_sort_by_the_chosen_measure():
    target = pd.Series({"a": 3, "b": 50, "c": 1})
    reference = pd.Series({"a": 0, "b": 60, "c": 20})
    by_lr = keyness_statistics(target, reference, measure="lr")
    assert list(by_lr["G2"]) == sorted(by_lr["G2"], reverse=True)
    with pytest.raises(PolytagError, match="unknown keyness measure"):
        keyness_statistics(target, reference, measure="pmi")


def test_chinese_measures_versus_us_documents(cn_vs_us):
    top = list(cn_vs_us["term"][:15])
    assert any("generative" in term for term in top[:3]), top
    assert {"personal information", "training data"} <= set(top), top
    bottom = list(cn_vs_us["term"][-10:])
    assert "AI" in bottom  # the US documents write AI, the translation "artificial intelligence"
    assert (cn_vs_us["n_target"][:15] > 0).all() and (cn_vs_us["chi2"][:15] > 0).all()
    assert (cn_vs_us["chi2"][-10:] < 0).all()
    assert list(cn_vs_us["chi2"]) == sorted(cn_vs_us["chi2"], reverse=True)
    stop = polytag.stop_words("en")
    assert not any(word in stop for term in cn_vs_us["term"] for word in term.split())


def test_inputs_and_derived_year_agree(corpus, corpora):
    reports = [d for d in corpus.values() if d.meta["lang"] == "zh"]
    by_year = keyness(reports, by="year", target=2024, measure="lr")
    assert list(by_year["G2"]) == sorted(by_year["G2"], reverse=True)
    frame = pd.DataFrame({"doc_id": [d.id for d in reports], "text": [d.text for d in reports],
                          "lang": "zh", "date": [d.meta["date"] for d in reports]})
    pd.testing.assert_frame_equal(keyness(frame, by="year", target="2024", measure="lr"), by_year)
    from_path = keyness(corpora, by="year", target="2024", lang="zh", measure="lr")
    pd.testing.assert_frame_equal(from_path, by_year)


def test_groups_in_different_languages_are_refused(corpus):
    with pytest.raises(PolytagError, match="one language.*theme"):
        keyness(list(corpus.values()), by="country", target="KR")
    with pytest.raises(PolytagError, match="no document has country == 'JP'.*CN, .*KR, .*US"):
        keyness(list(corpus.values()), by="country", target="JP", lang="en")
