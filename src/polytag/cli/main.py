"""Entry point of the ``polytag`` command. Each command lives in its own module with
``add_arguments(parser)`` and ``run(args) -> int``; this file only dispatches.

Exit status: 0 when every file was read, 1 when some files could not be read (the others are
still processed), 2 on a usage error (bad arguments, a missing or malformed input such as a gold
CSV, codebook, model folder or manifest, an output that cannot be written), 3 when ``polytag
tag`` met a bug (not a document problem); 130 when interrupted. A user error prints one line
naming the file or option and the reason, never a traceback."""
from __future__ import annotations

import argparse
import sys
from importlib import import_module

from polytag.errors import PolytagError, printable_path

EXIT_STATUS = ("exit status: 0 every file was read; 1 some files could not be read (the others were "
               "processed; see the messages or errors.csv); 2 usage error (arguments, a missing input, "
               "an output that cannot be written); 3 a bug while tagging (polytag tag); 130 interrupted")

#: command name -> (module, one-line help)
COMMANDS = {
    "read": ("polytag.cli.read", "print the segments of documents as JSON Lines"),
    "tokenize": ("polytag.cli.tokenize", "print the tokens of a text"),
    "keywords": ("polytag.cli.keywords", "print the keywords of each document (tfidf or textrank)"),
    "keyness": ("polytag.cli.keyness", "print the terms that set one group of documents apart (chi2, G2)"),
    "kwic": ("polytag.cli.kwic", "print every match of a word or phrase with its context"),
    "tag": ("polytag.cli.tag", "tag every document under a folder with themes (parallel, resumable)"),
    "train": ("polytag.cli.train", "train a theme classifier on labelled segments and save it"),
    "eval": ("polytag.cli.eval", "score a theme model on labelled segments, beside the dictionary baseline"),
    "report": ("polytag.cli.report", "write a theme-frequency report (html, xlsx, csv, md) of tagging results"),
    "suggest-terms": ("polytag.cli.suggest_terms", "suggest new seed terms for a theme, per language"),
    "suggest-labels": ("polytag.cli.suggest_labels", "pick the segments to label next and write a labelling sheet"),
}


def build_parser(argv: list[str]) -> argparse.ArgumentParser:
    """The parser, with only the command named in ``argv`` imported and given its arguments:
    a command's module may import heavy libraries, and `polytag tag`'s parent process, which
    only hands files to workers, must stay light."""
    from polytag import __version__

    chosen = next((arg for arg in argv if not arg.startswith("-")), None)
    parser = argparse.ArgumentParser(prog="polytag", description="Theme tagging for AI-policy documents (ko, zh, en).",
                                     epilog=EXIT_STATUS)
    parser.add_argument("--version", action="version", version=f"polytag {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        if name != chosen:
            sub.add_parser(name, help=help_text)
            continue
        module = import_module(module_name)
        command = sub.add_parser(name, help=help_text, description=module.__doc__)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv).parse_args(argv)
    _show_warnings_as(f"polytag {args.command}")
    try:
        return args.run(args)
    except PolytagError as error:
        print(f"polytag {args.command}: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `polytag read corpora | head`
        sys.stderr.close()
        return 0
    except OSError as error:  # a file polytag must write or read, named by the OS (not a document)
        if error.filename is None:
            raise
        print(f"polytag {args.command}: error: cannot use {printable_path(error.filename)}: "
              f"{error.strerror or error}", file=sys.stderr)
        return 2


def _show_warnings_as(prefix: str) -> None:
    """Print polytag's warnings (input it repaired) as one line each on standard error."""
    import warnings

    from polytag.errors import PolytagWarning

    default = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, PolytagWarning):
            print(f"{prefix}: warning: {message}", file=sys.stderr)
        else:
            default(message, category, filename, lineno, file, line)

    warnings.showwarning = show


if __name__ == "__main__":
    sys.exit(main())
