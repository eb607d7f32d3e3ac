from __future__ import annotations

import pandas as pd

from polytag.text import tokenize
from polytag.text.caches import TOKEN_CACHES
from polytag.themes.segments import as_units


def test_units_are_used_as_given_not_tokenized_again():
    units = as_units(pd.DataFrame({"text": ["개방형 모델을 지원한다.", "Open models."], "lang": ["ko", "en"]}))
    TOKEN_CACHES.release_texts()  # the cache is bounded: a large batch evicts its first units
    assert all(again is unit for again, unit in zip(as_units(units), units))


def test_every_input_form_gives_the_same_units():
    texts, langs = ["개방형 모델을 지원한다.", "开源模型。", "Open models."], ["ko", "zh", "en"]
    forms = [pd.DataFrame({"text": texts, "lang": langs}), list(zip(texts, langs)), texts]
    for units in map(as_units, forms):
        assert [u.lang for u in units] == langs  # detected from the script when not given
        assert [list(u.tokens) for u in units] == [tokenize(t, l) for t, l in zip(texts, langs)]
