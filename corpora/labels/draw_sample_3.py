"""Draw round 4 of the hand-labelled segments (run once; kept for provenance).

Round 3 (``draw_sample_2.py``) left some theme x language cells short of positives (Korean
geopolitics, export control, openness and inclusiveness; Chinese geopolitics and
inclusiveness; English openness, inclusiveness and export control). Round 4 takes, from the
*training* documents only (the test documents of ``test_documents.csv`` keep the round-3
sample), **every** remaining segment that touches one of those cells' subject matter at all
(round 3's word list of the theme), so that the number of candidate paragraphs read for a
cell is the number of such segments. Labels, as before, come only from annotators reading
each segment against THEMES.md and GUIDE.md.
"""
import csv
import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("draw_sample_2", HERE / "draw_sample_2.py")
round3 = importlib.util.module_from_spec(spec)
spec.loader.exec_module(round3)

#: the cells short of positives after round 3, per language
SHORT = {"en": ["openness", "inclusiveness", "export_control"],
         "ko": ["geopolitical", "export_control", "openness", "inclusiveness"],
         "zh": ["geopolitical", "inclusiveness"]}
SKIP = {"ko/kr_ai_basic_act_2025.md"}  # the 2026 consolidation of the same act is labelled


def main() -> None:
    def key(text: str) -> str:
        return " ".join(text.split())

    labelled = {key(r["text"]) for r in csv.DictReader(open(HERE / "segments.csv", encoding="utf-8"))}
    labelled |= {key(r["text"]) for r in csv.DictReader(open(HERE / "round3_drawn.csv", encoding="utf-8"))}
    test = {r["doc"] for r in csv.DictReader(open(HERE / "test_documents.csv", encoding="utf-8"))}
    manifest = {r["file"]: r for r in csv.DictReader(open(HERE.parent / "manifest.csv", encoding="utf-8"))}
    drawn, seen = [], set()
    for seg in round3.read_segments():
        lang = manifest[seg["doc"]]["lang"]
        text = key(seg["text"])
        if seg["doc"] in test | SKIP or text in labelled or text in seen or len(text) < round3.MIN_CHARS[lang]:
            continue
        cells = [t for t in SHORT[lang] if round3.PATTERNS[t].search(seg["text"])]
        if cells:
            seen.add(text)
            drawn.append({"doc": seg["doc"], "lang": lang, "start": seg["start"], "end": seg["end"],
                          "text": seg["text"], "cells": " ".join(cells)})
    out = HERE / "round4_drawn.csv"
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["id", "doc", "lang", "start", "end", "text", "cells", "round"], lineterminator="\n")
        w.writeheader()
        for i, row in enumerate(drawn):
            w.writerow({"id": f"u{i:04d}", **row, "round": 4})
    print(f"{len(drawn)} segments from {len({d['doc'] for d in drawn})} documents -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
