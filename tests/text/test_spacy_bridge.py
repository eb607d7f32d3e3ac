"""spaCy pipelines for the three languages: Doc, Matcher, saving, and multiprocessing."""
from __future__ import annotations

import multiprocessing
import pickle

import pytest
import spacy
from spacy.matcher import Matcher

import polytag

SAMPLES = {
    "ko": ["미국은 개방형 모델과 수출 통제를 논의했다.", "중국은 소프트파워를 키운다."],
    "zh": ["美国加强出口管制。", "中国支持开源模型和全球南方。"],
    "en": ["The U.S. tightened export controls.", "Open-weight models spread."],
}


@pytest.mark.parametrize("lang", ["ko", "zh", "en"])
def test_doc_reconstructs_text_and_carries_lemmas(lang):
    nlp = polytag.nlp(lang)
    for text in SAMPLES[lang] + ["  두 칸  and\n\nnew lines  "]:
        doc = nlp(text)
        assert doc.text == text
    doc = nlp(SAMPLES[lang][0])
    assert [t.lemma_ for t in doc if not t.is_space] == [t.lemma for t in polytag.tokenize(SAMPLES[lang][0], lang)]
    assert len(list(doc.sents)) >= 1


def test_matcher_works_on_korean_lemmas():
    nlp = polytag.nlp("ko")
    matcher = Matcher(nlp.vocab)
    matcher.add("EXPORT_CONTROL", [[{"LEMMA": "수출"}, {"LEMMA": "통제"}]])
    doc = nlp("미국은 수출통제를 강화했고 수출 통제 대상을 늘렸다.")
    assert len(matcher(doc)) == 2


@pytest.mark.parametrize("lang", ["ko", "zh"])
def test_pipeline_pickles_and_saves(lang, tmp_path):
    nlp = polytag.nlp(lang)
    clone = pickle.loads(pickle.dumps(nlp))
    assert [t.text for t in clone(SAMPLES[lang][0])] == [t.text for t in nlp(SAMPLES[lang][0])]
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert [t.lemma_ for t in loaded(SAMPLES[lang][1])] == [t.lemma_ for t in nlp(SAMPLES[lang][1])]


@pytest.mark.parametrize("method", ["fork", "spawn"])
@pytest.mark.parametrize("lang", ["ko", "zh"])
def test_pipe_with_two_processes(lang, method):
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"{method} is not available here")
    nlp = polytag.nlp(lang)
    texts = SAMPLES[lang] * 3
    context = multiprocessing.get_context(method)
    original = multiprocessing.get_start_method(allow_none=True)
    multiprocessing.set_start_method(context.get_start_method(), force=True)
    try:
        docs = list(nlp.pipe(texts, n_process=2, batch_size=2))
    finally:
        multiprocessing.set_start_method(original, force=True)
    assert [d.text for d in docs] == texts
    assert [[t.lemma_ for t in d] for d in docs] == [[t.lemma_ for t in nlp(t)] for t in texts]
