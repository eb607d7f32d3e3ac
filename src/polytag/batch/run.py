"""``tag_folder``: plan the files, tag the new or changed ones on an engine, assemble the outputs.

Engines: ``local`` tags in this process (``jobs=1``) or in a pool of ``jobs`` forked worker
processes; ``dask`` sends one task per file to a dask.distributed cluster (an existing one at
``scheduler``, else a ``LocalCluster`` of ``jobs`` single-threaded worker processes). Either
way workers write one part file per input file into the output folder. The parent only hashes
files and counts results while they work, then assembles the parts: it imports no tokenizer,
model or scikit-learn at all (the model's codebook and themes come from its JSON), and pandas
and pyarrow only once the workers are gone.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import partial
from pathlib import Path

from polytag import __version__
from polytag.batch.outdir import OutDir
from polytag.batch.plan import model_hash, plan
from polytag.batch.worker import FileResult, FileTask, init_pool_worker, process_file, unfreeze_warm_state
from polytag.errors import UnreadableFileError, WorkerBugError, WorkerDiedError, printable_path
from polytag.text.base import get_language
from polytag.text.detect import FALLBACK_LANG
from polytag.themes.model_io import default_model_path, read_model_info

ENGINES = ("local", "dask")


@dataclass(frozen=True)
class RunSummary:
    """What a run did: the output folder and its counts (also in ``run.json``)."""

    out: Path
    documents: int
    segments: int
    errors: int
    processed: int
    reused: int
    seconds: float


def tag_folder(path: str | Path, out: str | Path, *, jobs: int = 1, engine: str = "local",
               scheduler: str | None = None, model: str | Path | None = None, force: bool = False,
               progress: bool | None = None, ocr: str | None = None,
               fallback_lang: str = FALLBACK_LANG) -> RunSummary:
    """Tag every document under ``path`` and write the tables to ``out``.

    Re-running re-uses the results of unchanged files and tags only new or changed ones (a
    different model counts as a change); an interrupted run is completed by the next one, and
    so is one whose worker died (:class:`~polytag.errors.WorkerDiedError`).
    ``model`` is a saved model folder (default: polytag's). ``progress`` shows bars on
    standard error (default: only when it is a terminal). ``ocr`` (Tesseract languages or
    ``"auto"``) reads PDF pages without a text layer by OCR. ``fallback_lang`` is the language
    of a document without letters and no declared language (see :mod:`polytag.pipeline`). Raises
    :class:`~polytag.errors.OutputDirError` if ``out`` is a non-empty folder polytag did not
    make, unless ``force``, and :class:`~polytag.errors.WorkerBugError` (after writing the
    outputs of the other files) if tagging a file failed for a reason that is not a problem of
    the document.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, got {engine!r}")
    if scheduler and engine != "dask":
        raise ValueError("a scheduler address needs engine='dask'")
    get_language(fallback_lang)  # an unknown code fails here, before any work
    started, clock = datetime.now(timezone.utc), time.perf_counter()
    model_dir = None if model is None else str(Path(model).absolute())
    model_path = Path(model_dir) if model_dir else default_model_path()
    model_sha = model_hash(model_path)
    model_info = read_model_info(model_path)  # a folder that is no model fails here, before any work
    if ocr is not None:
        from polytag.io.ocr import require_ocr

        require_ocr(ocr)
    if not Path(path).exists():  # before the output folder is made
        raise UnreadableFileError(path, "no such file or folder")
    outdir = OutDir(Path(out))
    outdir.claim(force=force)
    tasks, walk_errors = plan(Path(path), out=outdir.path, model_sha=model_sha, ocr=ocr, fallback_lang=fallback_lang)
    todo = sorted((task for task in tasks if not outdir.part(task.key).is_file()), key=lambda task: -task.size)
    failed: dict[str, dict[str, str]] = {}  # key -> error, for files that failed without a part (a bug)
    runner = partial(process_file, parts_dir=str(outdir.parts.absolute()), model_dir=model_dir)
    with _engine(jobs=jobs, engine=engine, scheduler=scheduler, n_tasks=len(todo)) as run_all:
        with _Progress(len(todo), sys.stderr.isatty() if progress is None else progress) as bar:
            for result in run_all(runner, todo):  # largest files first: no straggler at the end
                bar.update(result)
                if not result.cached:
                    failed[result.key] = result.error
    done = [task for task in tasks if task.key not in failed]
    outdir.clean(keep={task.key for task in done})
    from polytag.batch.assemble import write_outputs

    info = {
        "polytag_version": __version__,
        "input": printable_path(Path(path).absolute()),
        "model": {"path": str(model_path), "sha256": model_sha},
        "codebook": {"name": model_info.codebook.name, "identity": model_info.codebook.identity(),
                     "themes": list(model_info.themes)},
        "options": {"jobs": jobs, "engine": engine, "scheduler": scheduler, "force": force, "ocr": ocr,
                    "fallback_lang": fallback_lang},
        "counts": {"files": len(tasks), "processed": len(todo) - len(failed),
                   "reused": len(tasks) - len(todo)},
        "started": started.isoformat(timespec="seconds"),
    }
    counts = write_outputs(outdir, done, list(model_info.themes), walk_errors, info, clock=clock)
    if failed:  # not a problem of the documents: not in errors.csv, and the run fails
        raise WorkerBugError(list(failed.values()))
    return RunSummary(outdir.path, counts["documents"], counts["segments"], counts["errors"],
                      info["counts"]["processed"], info["counts"]["reused"], info["seconds"])


Runner = Callable[[FileTask], FileResult]


@contextmanager
def _engine(*, jobs: int, engine: str, scheduler: str | None,
            n_tasks: int) -> Iterator[Callable[[Runner, list[FileTask]], Iterable[FileResult]]]:
    """A started engine, as a function mapping a runner over tasks (results in completion
    order). Workers are started before any progress bar, and stopped on exit, Ctrl-C included:
    finished parts are on disk, and the next run resumes from them."""
    if n_tasks == 0 or (engine == "local" and jobs == 1):
        try:
            yield map  # in this process
        finally:
            unfreeze_warm_state()
    elif engine == "local":
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # fork starts faster than spawn; each worker loads the model and tokenizers on first use
        before = set(multiprocessing.active_children())
        pool = ProcessPoolExecutor(min(jobs, n_tasks), mp_context=multiprocessing.get_context("fork"),
                                   initializer=init_pool_worker)
        ok = False
        try:
            yield partial(_pool_map, pool)
            ok = True
        finally:
            if not ok:  # an error or Ctrl-C: stop the workers now rather than after their files
                for process in set(multiprocessing.active_children()) - before:
                    process.kill()
            pool.shutdown(wait=True, cancel_futures=True)
    else:
        import logging

        from distributed import Client, LocalCluster

        cluster = None if scheduler else LocalCluster(n_workers=jobs, processes=True, threads_per_worker=1,
                                                      dashboard_address=":0", silence_logs=logging.ERROR)
        client = Client(scheduler or cluster)
        try:
            yield partial(_dask_map, client)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def _pool_map(pool, runner: Runner, tasks: list[FileTask]) -> Iterator[FileResult]:
    """Results of a process pool in completion order; a worker that dies ends the run."""
    from concurrent.futures import as_completed
    from concurrent.futures.process import BrokenProcessPool

    try:
        for future in as_completed([pool.submit(runner, task) for task in tasks]):
            yield future.result()
    except BrokenProcessPool as error:
        raise WorkerDiedError(_DIED) from error


def _dask_map(client, runner: Runner, tasks: list[FileTask]) -> Iterator[FileResult]:
    from distributed import as_completed
    from distributed.scheduler import KilledWorker

    try:
        for future in as_completed(client.map(runner, tasks, pure=False)):
            yield future.result()
            future.release()
    except KilledWorker as error:
        raise WorkerDiedError(f"{_DIED} (Dask: {error})") from error


_DIED = ("a worker process died while tagging (killed, e.g. by the system for lack of memory); the files "
         "finished so far are kept, and running the same command again completes the run")


class _Progress:
    """Two tqdm bars on standard error, files and segments; silent when not shown."""

    def __init__(self, total: int, show: bool) -> None:
        self.bars = []
        if show:
            from tqdm import tqdm

            self.bars = [tqdm(total=total, unit="file", desc="files", position=0),
                         tqdm(unit="seg", desc="segments", position=1)]

    def update(self, result: FileResult) -> None:
        if self.bars:
            self.bars[0].update(1)
            self.bars[1].update(result.segments)

    def __enter__(self) -> "_Progress":
        return self

    def __exit__(self, *exc) -> None:
        for bar in self.bars:
            bar.close()
