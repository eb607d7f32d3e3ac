"""Benchmark of odd and hostile inputs (issue 14): a folder holding every hostile file next to
good ones, tagged with ``--jobs 2``; Korean one-line paragraphs of growing size; a report's
keywords on a large Chinese document.

    python benchmarks/hostile.py [--work /tmp/polytag-hostile] [--korean-mb 1 2 4] [--chinese-mb 5]

1. Hostile folder: a 5 MB .docx whose document part expands to 1.1 GB, a file name that is not
   UTF-8, a cycle of two file links, a link to ``..`` (out of the input folder), a named pipe, Korean, Chinese and English
   UTF-8 files with four bad bytes each, one English paragraph of 1.1 million characters, and
   good corpus files. Prints the exit status, the rows of errors.csv, the documents tagged, the
   wall time and the peak summed RSS of polytag and its workers; then an output folder that
   cannot be written (its exit status and message).
2. ``polytag.segment`` on one-line Korean paragraphs of ``--korean-mb`` MB: seconds and
   seconds per MB (linear time gives a flat second column).
3. ``polytag report`` (HTML, keywords on) of a ``--chinese-mb`` MB Chinese document: seconds
   and peak RSS of the report alone.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch import MemorySampler  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO / "corpora"
sys.path.insert(0, str(REPO))
from tests.conftest import build_docx_bomb  # noqa: E402

GOOD = ["en/us_eo14179_removing_barriers_ai_2025.txt", "en/us_factsheet_export_american_ai_2025.txt",
        "zh/cn_genai_interim_measures_2023.txt", "ko/brief_rand_open_models_soft_power_2026.txt"]
DAMAGED = {"ko": "ko/brief_rand_open_models_soft_power_2026.txt", "zh": "zh/cn_genai_interim_measures_2023.txt",
           "en": "en/us_factsheet_export_american_ai_2025.txt"}


def build_hostile(root: Path) -> None:
    shutil.rmtree(root, ignore_errors=True)
    (root / "bad").mkdir(parents=True)
    for name in GOOD:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPORA / name, root / name)
    bad = root / "bad"
    build_docx_bomb(bad / "bomb.docx", int(1.1 * 1024**3))
    (bad / os.fsdecode(b"name\xff\xfe.txt")).write_text("A file name that is not UTF-8.\n", encoding="utf-8")
    os.symlink("loop_b.txt", bad / "loop_a.txt")
    os.symlink("loop_a.txt", bad / "loop_b.txt")
    os.symlink("..", root / "up")  # the folder above the input
    os.mkfifo(bad / "pipe.txt")
    for lang, name in DAMAGED.items():
        data = (CORPORA / name).read_bytes().replace(b"\n", b"\n\xff", 4)
        (bad / f"damaged_{lang}.txt").write_bytes(data)
    words = (CORPORA / "en/us_eo14110_safe_secure_trustworthy_ai_2023.txt").read_text(encoding="utf-8").split()
    line = " ".join(words)
    (bad / "one_paragraph_en.txt").write_text(" ".join([line] * (1_100_000 // len(line) + 1)), encoding="utf-8")


def run(command: list[str]) -> tuple[int, str, float, float]:
    """Exit status, standard error, seconds and peak summed RSS (MB) of a command's process tree."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    sampler = MemorySampler(process.pid)
    _, stderr = process.communicate()
    sampler.stop()
    return process.returncode, stderr, time.perf_counter() - start, sampler.peak_rss / 2**20


def polytag(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "polytag.cli.main", *map(str, args)]


def hostile_folder(work: Path) -> None:
    folder, out = work / "hostile", work / "hostile-out"
    build_hostile(folder)
    shutil.rmtree(out, ignore_errors=True)
    code, stderr, seconds, rss = run(polytag("tag", folder, "--out", out, "--jobs", "2"))
    errors = pd.read_csv(out / "errors.csv")
    documents = pd.read_csv(out / "documents.csv")
    print(f"## hostile folder, --jobs 2: exit {code}, {seconds:.1f} s, peak summed RSS {rss:,.0f} MB")
    print(f"documents tagged ({len(documents)}): {', '.join(documents.doc_id)}")
    print(f"errors.csv ({len(errors)} rows):")
    for row in errors.itertuples(index=False):
        print(f"  {Path(row.file).name}: {row.error}: {row.reason}")
    print(f"warnings: {'; '.join(documents.warnings.dropna())}")
    blocker = work / "a_file"
    blocker.write_text("x", encoding="utf-8")
    code, stderr, _, _ = run(polytag("tag", folder, "--out", blocker / "out"))
    print(f"## unwritable output: exit {code}: {stderr.strip()}")


def korean_scaling(sizes: list[float]) -> None:
    from polytag.text import segment

    text = " ".join((CORPORA / "ko/kr_ai_basic_act_amended_2026.txt").read_text(encoding="utf-8").split())
    print("## one-line Korean paragraph: MB, seconds, seconds per MB, segments")
    segment(text[:5000], lang="ko")  # build the tokenizer first
    for mb in sizes:
        paragraph = (text * int(mb * 2**20 / len(text.encode()) + 1))[: int(mb * 2**20 / 3)]
        start = time.perf_counter()
        found = segment(paragraph, lang="ko")
        seconds = time.perf_counter() - start
        print(f"{len(paragraph.encode()) / 2**20:.1f} MB  {seconds:.1f} s  {seconds / mb:.1f} s/MB  {len(found)}")


def chinese_report(work: Path, mb: float) -> None:
    paragraphs = [p for path in sorted((CORPORA / "zh").glob("*.txt"))
                  for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    lines, copy = [], 0
    while sum(len(p.encode()) for p in lines) < mb * 2**20:
        copy += 1
        lines += [f"（{copy}）{p}" for p in paragraphs]
    folder, out = work / "zh-large", work / "zh-large-out"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "large.txt").write_text("\n\n".join(lines), encoding="utf-8")
    code, _, seconds, rss = run(polytag("tag", folder, "--out", out))
    print(f"## {mb:g} MB Chinese document: tag exit {code}, {seconds:.1f} s, peak RSS {rss:,.0f} MB")
    code, _, seconds, rss = run(polytag("report", out, "--format", "html"))
    print(f"report (keywords on): exit {code}, {seconds:.1f} s, peak RSS {rss:,.0f} MB")
    code, _, seconds, rss = run(polytag("report", out, "--format", "html", "--keywords", "0", "--out",
                                        out / "no-keywords.html"))
    print(f"report (keywords off): exit {code}, {seconds:.1f} s, peak RSS {rss:,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/polytag-hostile"))
    parser.add_argument("--korean-mb", type=float, nargs="*", default=[1, 2, 4])
    parser.add_argument("--chinese-mb", type=float, default=5)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    hostile_folder(args.work)
    korean_scaling(args.korean_mb)
    chinese_report(args.work, args.chinese_mb)


if __name__ == "__main__":
    main()
