"""(Named tokenizers.py, not tokenize.py: a file named tokenize.py in benchmarks/ shadows the
standard library module of that name for every script run from this folder.)

Tokenizer overhead: polytag's tokenizer against the bare library call that yields the same
information, per language, on the corpus text of that language repeated to about 1 MB,
measured side by side (interleaved rounds, best of each) in one run.

    python benchmarks/tokenizers.py [--megabytes 1.0] [--rounds 3]

Both sides start from the same text and tokenize it line by line (kiwipiepy slows down on
long strings, so polytag does and so would anyone calling the library well):
- ko: kiwipiepy ``Kiwi.tokenize`` (morphemes with tags, offsets and lemmas), with the same
  dictionaries as polytag's Kiwi;
- zh: ``jieba.posseg`` with polytag's user dictionary (words and tags);
- en: ``spacy.blank("en")`` with the lookup lemmatizer, reading text, lemma and offset.
"""
from __future__ import annotations

import argparse
import time
from importlib import resources
from pathlib import Path

from polytag.text import get_language

ROOT = Path(__file__).resolve().parents[1]


def corpus_text(lang: str, megabytes: float) -> str:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora" / lang).glob("*.*")))
    target = int(megabytes * 1_000_000)
    repeats = max(1, -(-target // len(text.encode("utf-8"))))
    return "\n".join([text] * repeats)


def raw_korean():
    from kiwipiepy import Kiwi

    kiwi = Kiwi(num_workers=1, load_multi_dict=False, load_default_dict=False)  # as polytag builds it
    return lambda text: [[(t.form, t.tag, t.start, t.len, t.lemma) for t in kiwi.tokenize(line)] for line in _lines(text)]


def raw_chinese():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    with resources.as_file(resources.files("polytag.text.data") / "zh_userdict.txt") as path:
        tokenizer.load_userdict(str(path))
    posseg = jieba.posseg.POSTokenizer(tokenizer)
    return lambda text: [list(posseg.cut(line)) for line in _lines(text)]


def raw_english():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return lambda text: [[(t.text, t.lemma_, t.idx) for t in nlp(line)] for line in _lines(text)]


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


RAW = {"ko": raw_korean, "zh": raw_chinese, "en": raw_english}


def timed(function, argument) -> float:
    started = time.perf_counter()
    function(argument)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"{'lang':4} {'MB':>5} {'raw chars/s':>12} {'polytag chars/s':>16} {'overhead':>9}")
    for lang in ("ko", "zh", "en"):
        text = corpus_text(lang, args.megabytes)
        raw, language = RAW[lang](), get_language(lang)
        sample = "\n".join(_lines(text)[:50])
        raw(sample), language.tokenize(sample)  # warm up both
        raw_times, polytag_times = [], []
        for _ in range(args.rounds):
            raw_times.append(timed(raw, text))
            polytag_times.append(timed(language.tokenize, text))
        raw_best, polytag_best = min(raw_times), min(polytag_times)
        print(f"{lang:4} {len(text.encode('utf-8')) / 1e6:5.2f} {len(text) / raw_best:12,.0f} {len(text) / polytag_best:16,.0f} "
              f"{(polytag_best / raw_best - 1) * 100:8.1f}%", flush=True)


if __name__ == "__main__":
    main()
