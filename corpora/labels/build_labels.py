"""Build the label files from the two annotation passes and the reconciliation (rerun after
any change to them; deterministic).

Inputs, all in this folder:
- the drawn segments: ``segments.csv`` of rounds 1-2 (its text and document; its earlier
  labels are replaced by the round-5 relabelling under GUIDE.md), ``round3_drawn.csv`` and
  ``round4_drawn.csv``;
- ``passes/pass_{a,b}_{batch}.csv``: the two independent passes, one file per batch;
- ``reconciliation_2.csv``: one row per (segment, theme) the passes disagree on, with the
  reconciler's decision and reason (made by a third reader who saw the segment, THEMES.md,
  GUIDE.md and both passes' labels and notes);
- ``test_documents.csv``: the documents set aside as the test split before any tuning.

Outputs: ``segments.csv`` (every labelled segment with ``split`` = train/test), ``train.csv``,
``test.csv``, ``disagreements.csv`` (what the reconciler is asked; rows already decided are
kept out), and ``agreement.json`` (Cohen's kappa and counts per theme and language).

Usage: ``python build_labels.py`` (``--disagreements`` writes only the reconciler's input).
"""
import argparse
import csv
import json
from collections import defaultdict
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

HERE = Path(__file__).resolve().parent
THEMES = ["openness", "geopolitical", "inclusiveness", "export_control"]
BATCHES = ["old", "en", "ko", "zh", "r4ko", "r4enzh"]
COLUMNS = ["id", "doc", "lang", "start", "end", "text", *THEMES, "note", "round", "split"]


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def drawn_segments() -> dict[str, dict]:
    """Every drawn segment by id, with its document, language, offsets and round."""
    rows = {}
    original = HERE / "rounds_1_2" / "segments.csv"
    for r in read(original):
        rows[r["id"]] = {"id": r["id"], "doc": r["doc"], "lang": r["lang"], "start": "", "end": "",
                         "text": r["text"], "round": r["round"]}
    for name in ("round3_drawn.csv", "round4_drawn.csv"):
        for r in read(HERE / name):
            rows[r["id"]] = {k: r[k] for k in ("id", "doc", "lang", "start", "end", "text", "round")}
    return rows


def passes() -> tuple[dict[str, dict], dict[str, dict]]:
    found = []
    for name in ("a", "b"):
        labels = {}
        for batch in BATCHES:
            path = HERE / "passes" / f"pass_{name}_{batch}.csv"
            for r in (read(path) if path.exists() else []):
                labels[r["id"].strip()] = r
        found.append(labels)
    return found[0], found[1]


def label(row: dict, theme: str) -> int:
    value = str(row[theme]).strip()
    if value not in ("0", "1"):
        raise ValueError(f"{row['id']}: {theme} = {value!r}")
    return int(value)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--disagreements", action="store_true", help="only write disagreements.csv")
    args = parser.parse_args()
    segments = drawn_segments()
    a, b = passes()
    missing = [i for i in segments if i not in a or i not in b]
    if missing and not args.disagreements:
        raise SystemExit(f"{len(missing)} segments lack a pass, e.g. {missing[:5]}")
    segments = {i: s for i, s in segments.items() if i not in missing}
    decisions = {}
    reconciliation = HERE / "reconciliation_2.csv"
    if reconciliation.exists():
        decisions = {(r["id"], r["theme"]): r for r in read(reconciliation)}
    disagreements = []
    for i, seg in segments.items():
        for theme in THEMES:
            if label(a[i], theme) != label(b[i], theme) and (i, theme) not in decisions:
                disagreements.append({"id": i, "theme": theme, "text": seg["text"],
                                      "pass_a": label(a[i], theme), "note_a": a[i].get("note", ""),
                                      "pass_b": label(b[i], theme), "note_b": b[i].get("note", "")})
    with open(HERE / "disagreements.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["id", "theme", "text", "pass_a", "note_a", "pass_b", "note_b"],
                           lineterminator="\n")
        w.writeheader()
        w.writerows(disagreements)
    print(f"{len(disagreements)} undecided disagreements -> disagreements.csv")
    if args.disagreements:
        return
    if disagreements:
        raise SystemExit("reconcile every disagreement first")
    test_docs = {r["doc"] for r in read(HERE / "test_documents.csv")}
    out = []
    for i, seg in sorted(segments.items(), key=lambda kv: (kv[1]["doc"], kv[0])):
        row = dict(seg)
        notes = []
        for theme in THEMES:
            la, lb = label(a[i], theme), label(b[i], theme)
            row[theme] = la if la == lb else int(decisions[(i, theme)]["final"])
        for source in (a[i], b[i]):
            if source.get("note", "").strip():
                notes.append(source["note"].strip())
        row["note"] = " | ".join(dict.fromkeys(notes))
        row["split"] = "test" if seg["doc"] in test_docs else "train"
        out.append(row)
    write(HERE / "segments.csv", out)
    write(HERE / "train.csv", [r for r in out if r["split"] == "train"])
    write(HERE / "test.csv", [r for r in out if r["split"] == "test"])
    json.dump(agreement(segments, a, b, out), open(HERE / "agreement.json", "w"), indent=1)
    print(f"{len(out)} segments: train {sum(r['split'] == 'train' for r in out)}, "
          f"test {sum(r['split'] == 'test' for r in out)}")


def write(path: Path, rows: list[dict]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def agreement(segments: dict, a: dict, b: dict, final: list[dict]) -> dict:
    """Kappa of the two passes (before reconciliation) and final positives, per language and theme."""
    by_lang = defaultdict(list)
    for i, seg in segments.items():
        by_lang[seg["lang"]].append(i)
        by_lang["all"].append(i)
    positives = defaultdict(lambda: defaultdict(int))
    for r in final:
        for theme in THEMES:
            positives[r["lang"]][theme] += r[theme]
            positives["all"][theme] += r[theme]
    result = {}
    for lang, ids in sorted(by_lang.items()):
        result[lang] = {"segments": len(ids), "documents": len({segments[i]["doc"] for i in ids})}
        for theme in THEMES:
            xa = [label(a[i], theme) for i in ids]
            xb = [label(b[i], theme) for i in ids]
            both = len(set(xa) | set(xb)) > 1
            result[lang][theme] = {
                "kappa": round(float(cohen_kappa_score(xa, xb)), 3) if both else None,
                "disagreements": sum(x != y for x, y in zip(xa, xb)),
                "positives": positives[lang][theme],
            }
    return result


if __name__ == "__main__":
    main()
