"""Arguments shared by commands that read documents (``read``, ``tag``): OCR of scanned PDFs.

Light on purpose: ``polytag tag``'s parent process imports it."""
from __future__ import annotations

import argparse


def add_ocr_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ocr", action="store_true",
                        help='read PDF pages without a text layer by OCR (needs pip install "polytag[ocr]" '
                             "and Tesseract; never done without this flag)")
    parser.add_argument("--ocr-lang", metavar="LANGS",
                        help="Tesseract languages for --ocr, e.g. kor+eng or chi_tra+eng "
                             "(default: auto, per page from the script: Korean, Simplified Chinese, English)")


def ocr_option(args: argparse.Namespace) -> str | None:
    """The ``ocr=`` value for the readers: None without ``--ocr``."""
    if args.ocr_lang and not args.ocr:
        raise SystemExit(f"polytag {args.command}: error: --ocr-lang needs --ocr")
    return (args.ocr_lang or "auto") if args.ocr else None
