from __future__ import annotations

import pandas as pd

from polytag.themes.segments import as_units, text_unit


def test_units_are_used_as_given_not_tokenized_again():
    units = as_units(pd.DataFrame({"text": ["개방형 모델을 지원한다.", "Open models."], "lang": ["ko", "en"]}))
    text_unit.cache_clear()  # the cache is bounded: a large batch evicts its first units
    assert all(again is unit for again, unit in zip(as_units(units), units))
    assert text_unit.cache_info().currsize == 0
