"""Shared fixtures: a few real documents per language (export-control law and guidance beside
documents about other things), read once per session, and an export-control codebook seeded
with one term per language."""
from __future__ import annotations

import pandas as pd
import pytest

from polytag.themes import Codebook

#: export-control documents and others, so the theme's segments have a rest of corpus to stand out from
DOCUMENTS = [
    "en/us_bis_advanced_computing_controls_info_page_2023.md",
    "en/us_factsheet_export_controls_human_rights_initiative_2021.md",
    "en/us_chip_security_act_2025_hr3447.txt",
    "en/us_eo_preventing_woke_ai_2025.txt",
    "en/laion_open_letter_transparent_ai_2023.md",
    "ko/kr_foreign_trade_act_2025.md",
    "ko/kr_foreign_trade_act_decree_2026.md",
    "ko/brief_rand_open_models_soft_power_2026.txt",
    "ko/kr_public_diplomacy_act_2023.md",
    "zh/cn_export_control_law_2020.md",
    "zh/cn_dual_use_export_control_regulations_2024.md",
    "zh/kaiyuanshe_2025_china_oss_report_preface.md",
    "zh/cn_genai_interim_measures_2023.txt",
]

SEEDS = {"en": ["export control"], "ko": ["수출 통제"], "zh": ["出口管制"]}


@pytest.fixture(scope="session")
def documents(corpora) -> pd.DataFrame:
    """The documents above, as ``polytag.Corpus.documents`` rows (doc_id, text, lang, metadata)."""
    from polytag import Corpus

    frame = Corpus.from_folder(corpora).documents
    chosen = frame[frame["doc_id"].isin(DOCUMENTS)].reset_index(drop=True)
    assert len(chosen) == len(DOCUMENTS)
    return chosen


@pytest.fixture(scope="session")
def export_codebook() -> Codebook:
    return Codebook.from_dict({"name": "export", "themes": {"export_control": {"concepts": {"export_control": SEEDS}}}})


@pytest.fixture(scope="session")
def export_terms(documents, export_codebook) -> pd.DataFrame:
    from polytag.suggest import suggest_terms

    return suggest_terms(documents, codebook=export_codebook, theme="export_control", k=30)
