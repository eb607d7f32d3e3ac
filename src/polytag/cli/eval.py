"""Score a theme model on a labelled CSV: precision, recall and F1 per theme and language,
micro and macro, beside the dictionary baseline built from the same codebook. Segments are
classified exactly as given (no re-segmentation). F1 of a theme with no positives in a cell is
1.0 when nothing is predicted there, 0.0 otherwise; such cells are marked ``*`` in the table
and ``"no_positives": true`` in the JSON."""
from __future__ import annotations

import argparse
import json

from polytag.themes import ThemeEvaluator
from polytag.themes.tagging import resolve_model


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", required=True, help="labelled CSV (text, optional lang, one 0/1 column per theme)")
    parser.add_argument("--model", help="a model folder from `polytag train` (default: the shipped model)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")


def run(args: argparse.Namespace) -> int:
    model = resolve_model(args.model, None, None)
    result = ThemeEvaluator.from_csv(args.gold, model.themes_)(model)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    print(f"{result['gold']}: {result['n_segments']} segments")
    print(f"{'':16}{'classifier':>30}{'dictionary':>30}")
    for scope, res, base in [("all", result, result["baseline"]),
                             *((lang, v, result["baseline"]["per_language"][lang]) for lang, v in result["per_language"].items())]:
        print(f"[{scope}] macro-F1 {res['macro_f1']:.3f} (dictionary {base['macro_f1']:.3f}), micro-F1 {res['micro_f1']:.3f}")
        for theme, r in res["per_theme"].items():
            b = base["per_theme"][theme]
            flag = " *" if r["no_positives"] else ""
            print(f"  {theme:16} P {r['precision']:.2f} R {r['recall']:.2f} F1 {r['f1']:.2f} (n={r['support']}){flag}"
                  f"   | P {b['precision']:.2f} R {b['recall']:.2f} F1 {b['f1']:.2f}")
    print(f"* no positives in this cell. {result['f1_convention']}.")
    return 0
