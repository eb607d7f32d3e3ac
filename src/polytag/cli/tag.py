"""Tag every document under a folder with themes and write the tables to an output folder:
segments.parquet/.csv (one row per segment), documents.parquet/.csv (one row per document),
errors.csv (files that could not be read) and run.json. Re-running re-uses the results of
unchanged files, so an interrupted run is completed by running the same command again.
Exit status: 0 when every file was read, 1 when some files could not be read (see errors.csv) or
a worker process died, 2 on a usage error, 3 when tagging a file failed because of a bug in
polytag (the message names the file; the other files are written)."""
from __future__ import annotations

import argparse
import sys

from polytag.cli.options import add_ocr_arguments, ocr_option
from polytag.text import FALLBACK_LANG, UNDETERMINED, available_languages


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="a folder of documents (read recursively) or one document")
    parser.add_argument("--out", required=True, metavar="OUTDIR", help="output folder (created if missing)")
    parser.add_argument("--jobs", type=_positive, default=1, metavar="N", help="worker processes (default: 1)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local processes or dask.distributed (default: local)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786 (implies --engine dask)")
    parser.add_argument("--model", metavar="DIR", help="a saved theme model folder (default: polytag's)")
    parser.add_argument("--force", action="store_true",
                        help="write into OUTDIR even if it is not empty and was not made by polytag")
    parser.add_argument("--fallback-lang", choices=[*available_languages(), UNDETERMINED], default=FALLBACK_LANG,
                        help="language of a document with no letters and no declared language "
                             f"(default: {FALLBACK_LANG}; {UNDETERMINED}: no tokens, no themes)")
    add_ocr_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from polytag.batch import tag_folder
    from polytag.errors import WorkerBugError, WorkerDiedError

    engine = "dask" if args.scheduler else args.engine
    try:
        summary = tag_folder(args.path, args.out, jobs=args.jobs, engine=engine, scheduler=args.scheduler,
                             model=args.model, force=args.force, ocr=ocr_option(args),
                             fallback_lang=args.fallback_lang)
    except KeyboardInterrupt:
        print("polytag tag: interrupted; run the same command again to finish (finished files are kept)",
              file=sys.stderr)
        return 130
    except WorkerDiedError as error:
        print(f"polytag tag: error: {error}", file=sys.stderr)
        return 1
    except WorkerBugError as error:
        print(f"polytag tag: error: {error}", file=sys.stderr)
        return 3
    except OSError as error:  # e.g. a Dask scheduler that cannot be reached
        if args.scheduler and not isinstance(error, FileNotFoundError):
            print(f"polytag tag: error: cannot use the Dask scheduler {args.scheduler}: {error}", file=sys.stderr)
            return 2
        raise
    print(f"polytag tag: {summary.documents} documents, {summary.segments} segments, {summary.errors} errors "
          f"({summary.processed} files processed, {summary.reused} reused) in {summary.seconds:.1f} s -> {summary.out}",
          file=sys.stderr)
    if summary.errors:
        print(f"polytag tag: {summary.errors} files could not be read: see {summary.out / 'errors.csv'}", file=sys.stderr)
    return 1 if summary.errors else 0
