"""Benchmark of ``polytag tag``: throughput with 1 and 2 worker processes, tagging throughput
against the raw tokenizers on the same text, and peak memory on two folder sizes.

    python benchmarks/batch.py [--size-mb 50] [--small-mb 25] [--rounds 2] [--work /tmp/polytag-bench]

Builds a folder of ``--size-mb`` MB from ``corpora/`` (copies whose paragraphs are shuffled
and partly swapped with other documents of the same language, so every file's text and hash
differ; languages in the corpus proportions; each copy with the corpus manifest), and a
``--small-mb`` folder of the first copies. Then, each run being ``polytag tag`` in a fresh
process with a fresh output folder, ``--rounds`` times:

1. ``--jobs 1`` on the large folder;
2. raw tokenizers (polytag's, one warm process) over the segments that run 1 wrote;
3. ``--jobs 2`` on the large folder;

and once ``--jobs 2`` on the small folder: does peak memory grow with the folder? Times are
the fastest of the rounds (on a shared machine other jobs only ever add time, so the fastest
run is the least disturbed one); memory figures are the largest of the rounds. CPU time (user
and system, of the polytag process and its workers; also the least of the rounds) shows what a
second worker costs beside what it saves.

Memory is sampled over the process and all its children (psutil): the peak of the summed
RSS every 0.2 s, and of the summed PSS (shared pages counted once, the physical total) every 2 s.
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO / "corpora"
SUFFIXES = {".txt", ".md"}


def build_folder(root: Path, size_mb: float) -> list[Path]:
    """Copies of the corpus until ``root`` holds ``size_mb`` MB; returns the copy folders."""
    sources = sorted(p for p in CORPORA.glob("*/*") if p.suffix in SUFFIXES)
    texts = {p: p.read_text(encoding="utf-8") for p in sources}
    pools: dict[str, list[str]] = {}
    for path, text in texts.items():
        pools.setdefault(path.parent.name, []).extend(_paragraphs(text)[1:])
    manifest = (CORPORA / "manifest.csv").read_bytes()
    copies, total, index = [], 0, 0
    while total < size_mb * 1e6:
        copy = root / f"copy{index:03d}"
        rng = random.Random(index)
        for path, text in texts.items():
            head, *body = _paragraphs(text)  # the head (title, front matter) stays first
            rng.shuffle(body)
            pool = pools[path.parent.name]
            body = [rng.choice(pool) if rng.random() < 0.3 else paragraph for paragraph in body]
            target = copy / path.relative_to(CORPORA)
            target.parent.mkdir(parents=True, exist_ok=True)
            data = "\n\n".join([head, *body]).encode("utf-8") + b"\n"
            target.write_bytes(data)
            total += len(data)
        (copy / "manifest.csv").write_bytes(manifest)
        copies.append(copy)
        index += 1
    return copies


def _paragraphs(text: str) -> list[str]:
    if text.startswith("---\n"):  # keep Markdown front matter with the first paragraph
        end = text.index("\n---", 4) + 4
        rest = [p for p in text[end:].split("\n\n") if p.strip()]
        return [text[:end] + "\n\n" + rest[0], *rest[1:]]
    return [p for p in text.split("\n\n") if p.strip()]


def folder_mb(root: Path) -> float:
    return sum(p.stat().st_size for p in root.rglob("*") if p.suffix in SUFFIXES) / 1e6


class MemorySampler:
    """Peak summed RSS (every ``interval`` s) and PSS (every ``pss_every`` samples) of a
    process tree, sampled in a thread. PSS is read from /proc/PID/smaps, about 10 ms per
    process: read at every sample it took ~13% of a core from the workers of the --jobs 2 run."""

    def __init__(self, pid: int, interval: float = 0.2, pss_every: int = 10) -> None:
        self.root = psutil.Process(pid)
        self.interval, self.pss_every = interval, pss_every
        self.peak_rss = self.peak_pss = self.peak_single = 0
        self.peak_processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        samples = 0
        while not self._stop.is_set():
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            with_pss = samples % self.pss_every == 0
            rss = pss = 0
            for process in processes:
                try:
                    info = process.memory_full_info() if with_pss else process.memory_info()
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
                rss += info.rss
                pss += info.pss if with_pss else 0
                self.peak_single = max(self.peak_single, info.rss)
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
            self.peak_processes = max(self.peak_processes, len(processes))
            samples += 1
            self._stop.wait(self.interval)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def run_tag(folder: Path, out: Path, jobs: int) -> dict[str, float]:
    """``polytag tag`` in a fresh process: wall time, CPU time (its own and its workers') and
    peak memory."""
    shutil.rmtree(out, ignore_errors=True)
    cpu_before = _children_cpu()
    command = [sys.executable, "-m", "polytag.cli.main", "tag", str(folder), "--out", str(out), "--jobs", str(jobs)]
    start = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    sampler = MemorySampler(process.pid)
    _, stderr = process.communicate()
    seconds = time.perf_counter() - start
    cpu = _children_cpu() - cpu_before
    sampler.stop()
    if process.returncode:
        raise SystemExit(f"polytag tag failed:\n{stderr}")
    return {"seconds": seconds, "cpu": cpu, "rss": sampler.peak_rss / 2**20, "pss": sampler.peak_pss / 2**20,
            "single": sampler.peak_single / 2**20, "processes": sampler.peak_processes}


def _children_cpu() -> float:
    """User and system seconds of every waited-for descendant (pool workers are waited for by
    the polytag process, so they count once it is waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def raw_tokenize(segments_parquet: Path) -> tuple[float, int]:
    """Seconds for polytag's tokenizers over the same segments in one warm process, and bytes."""
    import pyarrow.parquet as pq

    from polytag.text import get_language

    table = pq.read_table(segments_parquet, columns=["text", "lang"])
    texts, langs = table.column("text").to_pylist(), table.column("lang").to_pylist()
    for lang in set(langs):
        get_language(lang).tokenize("AI 인공지능 人工智能")  # build each tokenizer first
    start = time.perf_counter()
    for text, lang in zip(texts, langs):
        get_language(lang).tokenize(text)
    return time.perf_counter() - start, sum(len(text.encode("utf-8")) for text in texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=50)
    parser.add_argument("--small-mb", type=float, default=25)
    parser.add_argument("--work", type=Path, default=Path("/tmp/polytag-bench"))
    parser.add_argument("--rounds", type=int, default=2, help="rounds of the timed runs (the fastest is kept)")
    args = parser.parse_args()

    large, small = args.work / f"docs-{args.size_mb:g}mb", args.work / f"docs-{args.small_mb:g}mb"
    if not large.is_dir():
        build_folder(large, args.size_mb)
    if not small.is_dir():
        for copy in sorted(large.iterdir()):
            if folder_mb(small) >= args.small_mb:
                break
            shutil.copytree(copy, small / copy.name, copy_function=os.link)
    mb_large, mb_small = folder_mb(large), folder_mb(small)
    print(f"# folders: {large} {mb_large:.1f} MB ({sum(1 for _ in large.rglob('*.*'))} files), "
          f"{small} {mb_small:.1f} MB; cpus={os.cpu_count()}, load before={os.getloadavg()[0]:.2f}", flush=True)

    # Rounds of (--jobs 1, raw tokenizers, --jobs 2): each time below is the fastest of the
    # rounds (other sessions' load only ever adds time), each memory figure the largest.
    rounds: list[dict[str, dict[str, float]]] = []
    for number in range(1, args.rounds + 1):
        found = {"jobs1": run_tag(large, args.work / "out-jobs1", 1)}
        raw_seconds, raw_bytes = raw_tokenize(args.work / "out-jobs1" / "segments.parquet")
        found["raw"] = {"seconds": raw_seconds}
        found["jobs2"] = run_tag(large, args.work / "out-jobs2", 2)
        rounds.append(found)
        print(f"# round {number}: " + ", ".join(f"{name} {r['seconds']:.0f} s" + (f" ({r['cpu']:.0f} s CPU)" if "cpu" in r else "")
                                                for name, r in found.items())
              + f"; speed-up {found['jobs1']['seconds'] / found['jobs2']['seconds']:.2f}, tagging / raw "
              f"{found['raw']['seconds'] / found['jobs1']['seconds']:.0%}; load={os.getloadavg()[0]:.2f}", flush=True)
    results = {name: {key: (min if key in ("seconds", "cpu") else max)(r[name][key] for r in rounds) for key in rounds[0][name]}
               for name in rounds[0]}
    results["jobs2_small"] = run_tag(small, args.work / "out-jobs2_small", 2)
    print(f"# jobs2_small: {results['jobs2_small']} load={os.getloadavg()[0]:.2f}", flush=True)
    raw_seconds = results["raw"]["seconds"]
    with open(args.work / "out-jobs1" / "documents.csv", encoding="utf-8") as handle:
        n_docs = sum(1 for _ in csv.DictReader(handle))

    one, two, little = results["jobs1"], results["jobs2"], results["jobs2_small"]
    raw_mb_min = raw_bytes / 1e6 / raw_seconds * 60
    tag_mb_min = raw_bytes / 1e6 / one["seconds"] * 60  # the same text, end to end in one process
    print()
    print("| measure | --jobs 1 | --jobs 2 |")
    print("|---|---|---|")
    print(f"| wall time, {mb_large:.1f} MB ({n_docs} documents) | {one['seconds']:.0f} s | {two['seconds']:.0f} s |")
    print(f"| end-to-end throughput | {mb_large / one['seconds'] * 60:.2f} MB/min | "
          f"{mb_large / two['seconds'] * 60:.2f} MB/min |")
    print(f"| speed-up | 1.00 | {one['seconds'] / two['seconds']:.2f} |")
    print(f"| CPU time, all processes | {one['cpu']:.0f} s | {two['cpu']:.0f} s ({two['cpu'] / one['cpu'] - 1:+.0%}) |")
    print(f"| peak RSS, all processes | {one['rss']:.0f} MB | {two['rss']:.0f} MB |")
    print(f"| peak PSS, all processes | {one['pss']:.0f} MB | {two['pss']:.0f} MB |")
    print(f"| largest process RSS | {one['single']:.0f} MB | {two['single']:.0f} MB |")
    print()
    print(f"| tokenizers vs tagging (same {raw_bytes / 1e6:.1f} MB of segment text, one process) | |")
    print("|---|---|")
    print(f"| raw tokenizers | {raw_seconds:.0f} s, {raw_mb_min:.2f} MB/min |")
    print(f"| polytag tag --jobs 1, end to end | {one['seconds']:.0f} s, {tag_mb_min:.2f} MB/min |")
    print(f"| tagging / raw throughput | {tag_mb_min / raw_mb_min:.0%} |")
    print()
    print(f"| memory vs folder size (--jobs 2) | {mb_small:.1f} MB | {mb_large:.1f} MB |")
    print("|---|---|---|")
    print(f"| peak RSS, all processes | {little['rss']:.0f} MB | {two['rss']:.0f} MB |")
    print(f"| peak PSS, all processes | {little['pss']:.0f} MB | {two['pss']:.0f} MB |")
    print(f"| growth | | {(two['rss'] - little['rss']) / little['rss']:+.1%} RSS, "
          f"{(two['pss'] - little['pss']) / little['pss']:+.1%} PSS |")
    print(f"\nload average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
