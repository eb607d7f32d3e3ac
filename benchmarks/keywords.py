"""polytag's keyword methods side by side with YAKE and jieba.analyse, on a Korean, a Chinese and
an English document: the top terms of each and the time each took.

    python benchmarks/keywords.py [-k 15] [--repeat 3]

Times are the median of ``--repeat`` runs on one core, after a warm-up that loads the tokenizers
(Kiwi, jieba, spaCy) and wordfreq's lists once, as a long-running process has them; polytag's
tokenization cache is cleared before every run, so each polytag time includes tokenizing the
document. The warm-up is timed and printed separately.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Callable

import jieba
import jieba.analyse
import yake

import polytag
from polytag.keywords import keywords
from polytag.keywords.background import GeneralBackground
from polytag.keywords.corpus import _paragraphs

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
DOCUMENTS = [  # (language, file)
    ("ko", "ko/brief_rand_open_models_soft_power_2026.txt"),
    ("zh", "zh/cn_genai_interim_measures_2023.txt"),
    ("zh", "zh/prc_gov_work_report_2024.txt"),
    ("en", "en/us_eo14110_safe_secure_trustworthy_ai_2023.txt"),
]


def extractors(lang: str, k: int) -> dict[str, Callable[[str], list[str]]]:
    def polytag_method(method: str) -> Callable[[str], list[str]]:
        def run(text: str) -> list[str]:
            _paragraphs.cache_clear()  # time the tokenization too
            return [term for term, _ in keywords(text, k=k, lang=lang, method=method)]

        return run

    found = {
        "polytag tfidf": polytag_method("tfidf"),
        "polytag textrank": polytag_method("textrank"),
        "YAKE (raw text)": lambda text: [kw for kw, _ in yake.KeywordExtractor(lan=lang, n=3, top=k).extract_keywords(text)],
    }
    if lang == "zh":
        found["jieba.analyse.extract_tags"] = lambda text: jieba.analyse.extract_tags(text, topK=k)
        found["jieba.analyse.textrank"] = lambda text: jieba.analyse.textrank(text, topK=k)
    return found


def warm_up() -> float:
    start = time.perf_counter()
    for lang, sample in (("ko", "수출 통제를 강화한다"), ("zh", "出口管制"), ("en", "export controls")):
        polytag.tokenize(sample, lang)
        GeneralBackground(lang).word(sample)
    jieba.analyse.extract_tags("出口管制")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-k", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"warm-up (Kiwi, jieba, spaCy, wordfreq lists; excluded below): {warm_up():.2f} s\n")
    for lang, name in DOCUMENTS:
        text = (CORPORA / name).read_text(encoding="utf-8")
        print(f"## {name} ({lang}, {len(text):,} characters, {len(text.encode()):,} bytes)\n")
        for label, extract in extractors(lang, args.k).items():
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                terms = extract(text)
                times.append(time.perf_counter() - start)
            print(f"{label}: {statistics.median(times):.3f} s")
            print("  " + " | ".join(_shortened(term) for term in terms) + "\n")


def _shortened(term: str, width: int = 30) -> str:
    """YAKE returns whole Chinese clauses as keywords: show their start only."""
    return term if len(term) <= width else f"{term[:width]}…({len(term)} chars)"


if __name__ == "__main__":
    main()
