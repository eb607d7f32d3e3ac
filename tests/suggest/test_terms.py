"""`polytag.suggest_terms` and `polytag suggest-terms`: candidates are whole terms of the term
layer (no stop words, fragments, numbers or seeds), ranked per language, with examples whose
offsets point at the term in its document."""
from __future__ import annotations

import json
import re
from collections import Counter

import numpy as np
import pytest
import yaml

import polytag
from polytag.cli.main import main
from polytag.errors import UnknownThemeError
from polytag.keywords.terms import term_key, term_spans
from polytag.suggest.terms import suggest_terms, yaml_snippet
from polytag.text import get_language


def test_every_language_gets_suggestions_ranked_by_score(export_terms):
    assert set(export_terms["lang"]) == {"en", "ko", "zh"}
    for _, part in export_terms.groupby("lang"):
        assert 0 < len(part) <= 30
        assert list(part["score"]) == sorted(part["score"], reverse=True)
        assert (part["n_in"] >= 3).all() and (part["score"] > 0).all()
        assert part["term"].is_unique


def test_an_analyst_would_accept_terms(export_terms):
    """Each list holds words of export-control practice, found without being seeded (Korean
    compounds compared without their spaces: 전략 물자 = 전략물자). Korean has a few only: most of
    its theme segments come from the RAND brief on open models."""
    accepted = {"en": {"entity list", "licence", "license", "diversion", "reexport", "item", "license requirement",
                       "end user", "end-user", "foreign direct product rule"},
                "zh": {"两用物项", "管制物项", "最终用户", "出口经营者", "管制清单", "出口许可证"},
                "ko": {"전략물자", "수출허가", "최종사용자", "대량파괴무기", "수입자", "라이선스", "통제체제",
                       "자율준수무역거래자", "기술보호", "재수출", "중개허가"}}
    for lang, good in accepted.items():
        terms = {t.replace(" ", "") if lang == "ko" else t for t in export_terms.loc[export_terms["lang"] == lang, "term"]}
        assert len(terms & good) >= (2 if lang == "ko" else 1), (lang, sorted(terms))


def test_no_korean_verbal_or_modifier_noun_alone(export_terms, documents):
    """A Korean suggestion of one word is a noun the documents use as one: not mostly before
    하다/되다 (사용하는, 확산된: a verb) and not only before another noun (국제, 대외: a modifier)."""
    language = get_language("ko")
    verbal, particle, seen = Counter(), Counter(), Counter()
    for text in documents.loc[documents["lang"] == "ko", "text"]:
        tokens = language.tokenize(text)
        for token, following in zip(tokens, tokens[1:]):
            seen[token.lemma] += 1
            glued = following.start == token.end
            verbal[token.lemma] += glued and following.tag in ("XSV", "XSA")
            particle[token.lemma] += glued and following.tag.startswith("J")
    singles = [t for t in export_terms.loc[export_terms["lang"] == "ko", "term"] if " " not in t and seen[t]]
    assert singles
    for term in singles:
        assert verbal[term] < seen[term] / 3 and particle[term] > 0, (term, seen[term], verbal[term], particle[term])


def test_korean_terms_are_nouns_and_noun_compounds():
    """Verbal nouns (허가, 공조) end compounds but stand alone as no term; a modifier noun (국제)
    starts compounds but ends none."""
    language = get_language("ko")
    tokens = language.tokenize("정부는 전략물자의 수출허가 절차를 정하고 국제 공조를 강화하며 허가를 받은 자의 사용을 제한한다.")
    keys = {term_key(words, " ") for run in language.term_runs(tokens) for words in term_spans(run)}
    assert {"전략 물자", "수출 허가", "국제 공조", "절차", "정부"} <= keys, sorted(keys)
    assert not keys & {"국제", "공조", "허가", "사용"}, sorted(keys)


def test_no_stop_word_number_single_character_or_seed(export_terms, export_codebook):
    for lang, part in export_terms.groupby("lang"):
        language = get_language(lang)
        seeds = {"".join(t.lemma for t in language.tokenize(s)) for c in export_codebook.concepts for s in c.terms[lang]}
        for term in part["term"]:
            words = term.split()
            assert len(term) >= 2 and not re.fullmatch(r"[\d\W]+", term)
            assert not all(w.lower() in language.stop_words for w in words), term
            squeezed = term.replace(" ", "")
            assert not any(s in squeezed or squeezed in s for s in seeds), term


def test_no_fragment_of_a_longer_suggestion(export_terms):
    """A suggestion met in the theme's segments mostly inside a longer suggestion is left out."""
    for lang, part in export_terms.groupby("lang"):
        counts = dict(zip(part["term"], part["n_in"]))
        for term, n in counts.items():
            holders = [t for t in counts if t != term and (f" {term} " in f" {t} " or (lang == "zh" and term in t))]
            assert sum(counts[t] for t in holders) < 0.8 * n, (term, holders)


def test_examples_point_at_the_term_in_its_document(export_terms, documents):
    texts = dict(zip(documents["doc_id"], documents["text"]))
    for row in export_terms.itertuples():
        for k in (1, 2):
            doc, start, end, example = (getattr(row, f"{name}_{k}") for name in ("doc_id", "start", "end", "example"))
            if isinstance(example, str):
                assert f"[{texts[doc][int(start):int(end)]}]" in example


def test_labelled_positives_make_the_theme_segments(documents, export_codebook, corpora):
    import pandas as pd

    labels = pd.read_csv(corpora / "labels" / "segments.csv", keep_default_na=False)
    labels = labels[labels["lang"] == "zh"]
    frame = suggest_terms(documents, codebook=export_codebook, theme="export_control", gold=labels, lang="zh", k=10)
    assert set(frame["lang"]) == {"zh"} and 0 < len(frame) <= 10
    positives = get_language("zh").normalize(" ".join(labels.loc[labels["export_control"] == 1, "text"]))
    assert all(term in positives for term in frame["term"])  # found in the labelled positives


def test_unknown_theme_is_a_named_error(documents, export_codebook):
    with pytest.raises(UnknownThemeError, match="export_control"):
        suggest_terms(documents, codebook=export_codebook, theme="ai_safety")


def test_yaml_snippet_is_a_codebook_concept(export_terms, export_codebook):
    snippet = yaml.safe_load(yaml_snippet(export_terms, "export_control"))
    suggested = snippet["themes"]["export_control"]["concepts"]["suggested"]
    assert {lang: list(part["term"]) for lang, part in export_terms.groupby("lang")} == suggested
    merged = export_codebook.to_dict()
    merged["themes"]["export_control"]["concepts"]["suggested"] = suggested
    assert polytag.Codebook.load(merged).theme("export_control").concepts[-1].terms["zh"]


def test_cli_prints_json_and_one_line_errors(corpora, tmp_path, capsys, export_codebook):
    codebook = tmp_path / "export.yaml"
    export_codebook.to_yaml(codebook)
    folder = tmp_path / "zh"
    folder.mkdir()
    for name in ("cn_export_control_law_2020.md", "kaiyuanshe_2025_china_oss_report_preface.md"):
        (folder / name).write_bytes((corpora / "zh" / name).read_bytes())
    assert main(["suggest-terms", str(folder), "--codebook", str(codebook), "--theme", "export_control",
                 "--lang", "zh", "-k", "5", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 5 and {r["lang"] for r in rows} == {"zh"}
    assert np.all(np.diff([r["score"] for r in rows]) <= 0)
    assert main(["suggest-terms", str(folder), "--codebook", str(tmp_path / "missing.yaml"), "--theme", "x"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "missing.yaml" in error


def test_without_a_codebook_the_shipped_one_holds_the_theme(documents):
    from polytag.themes import Codebook

    found = suggest_terms(documents, theme="geopolitical", k=10, lang="en")
    assert len(found) > 0 and set(found["lang"]) == {"en"}
    english = get_language("en")
    seeds = {" ".join(t.lemma.lower() for t in english.tokenize(term))
             for c in Codebook.load().concepts if c.theme == "geopolitical" for term in c.terms.get("en", ())}
    assert not seeds & set(found["term"])
