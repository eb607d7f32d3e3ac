"""polytag's keyword methods side by side with YAKE and jieba.analyse, on Korean, Chinese and
English documents: the top terms of each, the time each took, and precision@10 against the terms
a policy reader expects (``benchmarks/keywords_judged.yaml``, written before running).

    python benchmarks/keywords.py [-k 15] [--repeat 3]

Times are the median of ``--repeat`` runs on one core, after a warm-up that loads the tokenizers
(Kiwi, jieba, spaCy) and wordfreq's lists once, as a long-running process has them; polytag's
tokenization cache is cleared before every run, so each polytag time includes tokenizing the
document. The warm-up is timed and printed separately.

Precision@10: the share of a method's first ten terms that match an entry of the document's
judged list after normalisation (case, Traditional/Simplified, spaces and hyphens ignored); an
entry lists its accepted spellings and is matched at most once, so two spellings of one keyword
count once. Fewer than ten terms count as misses.
"""
from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path
from typing import Callable

import jieba
import jieba.analyse
import yake
import yaml

import polytag
from polytag.keywords import keywords
from polytag.keywords.background import GeneralBackground
from polytag.keywords.corpus import _paragraphs
from polytag.text.chinese import to_simplified

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parent / "corpora"
JUDGED = HERE / "keywords_judged.yaml"
#: documents shown without a judged list (the long executive order: speed)
UNJUDGED = [("en", "en/us_eo14110_safe_secure_trustworthy_ai_2023.txt")]
PRECISION_AT = 10
_IGNORED = re.compile(r"[\s\-‐‑–]+")


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


def normalized(term: str) -> str:
    """The form terms are compared in: lower case, Simplified, no spaces or hyphens."""
    return _IGNORED.sub("", to_simplified(term).lower())


def precision(terms: list[str], judged: list[list[str]], at: int = PRECISION_AT) -> tuple[float, list[str]]:
    """Precision@``at`` of ``terms`` against the judged entries, and the terms that hit."""
    entries = [{normalized(v) for v in variants} for variants in judged]
    unmatched = set(range(len(entries)))
    hits = []
    for term in terms[:at]:
        entry = next((i for i in sorted(unmatched) if normalized(term) in entries[i]), None)
        if entry is not None:
            unmatched.discard(entry)
            hits.append(term)
    return len(hits) / at, hits


def load_judged(path: Path = JUDGED) -> list[tuple[str, str, list[list[str]], bool]]:
    """(language, file, judged entries, each a list of accepted spellings, held out) per document."""
    documents = yaml.safe_load(path.read_text(encoding="utf-8"))["documents"]
    return [(d["lang"], d["file"], [[v] if isinstance(v, str) else list(v) for v in d["judged"]],
             bool(d.get("held_out"))) for d in documents]


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
    table: dict[str, dict[str, float]] = {}
    for lang, name, judged, held_out in load_judged() + [(lang, name, None, False) for lang, name in UNJUDGED]:
        text = (CORPORA / name).read_text(encoding="utf-8")
        row = f"{name} (held out)" if held_out else name
        print(f"## {name} ({lang}, {len(text):,} characters, {len(text.encode()):,} bytes)\n")
        for label, extract in extractors(lang, max(args.k, PRECISION_AT)).items():
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                terms = extract(text)
                times.append(time.perf_counter() - start)
            line = f"{label}: {statistics.median(times):.3f} s"
            if judged is not None:
                score, hits = precision(terms, judged)
                table.setdefault(row, {})[label] = score
                line += f", precision@{PRECISION_AT} {score:.1f} (hits: {' | '.join(hits) or '-'})"
            print(line)
            print("  " + " | ".join(_shortened(term) for term in terms[: args.k]) + "\n")
    _print_table(table)


def _print_table(table: dict[str, dict[str, float]]) -> None:
    methods = list(dict.fromkeys(m for row in table.values() for m in row))
    print(f"## precision@{PRECISION_AT} against the judged lists\n")
    print("| document | " + " | ".join(methods) + " |")
    print("|---|" + "---|" * len(methods))
    for name, row in table.items():
        print(f"| {name} | " + " | ".join(f"{row[m]:.1f}" if m in row else "–" for m in methods) + " |")
    for label, rows in (("development", [r for n, r in table.items() if "(held out)" not in n]),
                        ("held out", [r for n, r in table.items() if "(held out)" in n])):
        means = [statistics.mean(r[m] for r in rows if m in r) if any(m in r for r in rows) else None for m in methods]
        print(f"| mean, {label} documents it ran on | "
              + " | ".join("–" if m is None else f"{m:.2f}" for m in means) + " |")


def _shortened(term: str, width: int = 30) -> str:
    """YAKE returns whole Chinese clauses as keywords: show their start only."""
    return term if len(term) <= width else f"{term[:width]}…({len(term)} chars)"


if __name__ == "__main__":
    main()
