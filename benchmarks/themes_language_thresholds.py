"""Would a decision threshold per theme and language beat one per theme? Measured on the
training split only: 5-fold cross-validation grouped by document; inside each fold the model's
own inner out-of-fold probabilities (those ``fit`` chooses its per-theme cut from) choose a cut
per theme and language, shrunk toward the per-theme cut by n / (n + k) for n positives of that
language (k = 0, 20, 50); every variant is scored on the same outer folds.

    python benchmarks/themes_language_thresholds.py [NAME=VALUE ...]   # classifier parameters
"""
import sys
from pathlib import Path
import numpy as np, pandas as pd
from sklearn.model_selection import GroupKFold
from polytag.themes import ThemeClassifier
from polytag.themes import classifier as C
from polytag.themes.evaluate import score_by_language, with_doc_id

params = dict(threshold_cv=3)
for item in sys.argv[1:]:
    name, value = item.split("=")
    params[name] = type(getattr(ThemeClassifier(), name))(value)
THEMES = ["openness", "geopolitical", "inclusiveness", "export_control"]
gold = with_doc_id(pd.read_csv(Path(__file__).resolve().parents[1] / "corpora" / "labels" / "train.csv"))
X, Y, groups = gold[["text", "lang"]], gold[THEMES].to_numpy(), gold["doc_id"].to_numpy()
langs = gold["lang"].to_numpy()

class Recording(ThemeClassifier):
    """The classifier, keeping the probabilities each theme's cut was chosen from."""
    def fit(self, X, y=None, groups=None):
        self.inner_ = {}
        original = C._best_threshold
        def spy(p, yy, j=[0]):
            self.inner_[j[0]] = p.copy(); j[0] += 1
            return original(p, yy)
        C._best_threshold = spy
        try:
            super().fit(X, y, groups)
        finally:
            C._best_threshold = original
        return self

out = {k: np.zeros_like(Y) for k in ("global", "global_raw", "lang20", "lang50", "lang0")}
for tr, te in GroupKFold(5).split(X, Y, groups):
    m = Recording(**params).fit(X.iloc[tr], Y[tr], groups=groups[tr])
    tagged = m.tag(X.iloc[te])
    out["global"][te] = tagged.decisions
    proba = tagged.proba
    out["global_raw"][te] = proba >= m.thresholds_
    for name, k in (("lang20", 20), ("lang50", 50), ("lang0", 0)):
        dec = np.zeros_like(proba, dtype=int)
        for j in range(len(THEMES)):
            p_in, y_in, l_in = m.inner_.get(j), Y[tr][:, j], langs[tr]
            for lang in np.unique(langs[te]):
                rows = langs[te] == lang
                cut = m.thresholds_[j]
                if p_in is not None and m.blend_[j] > 0:
                    sel = l_in == lang
                    npos = int(y_in[sel].sum())
                    if npos >= 3:
                        c, _ = C._best_threshold(p_in[sel], y_in[sel])
                        w = m.blend_[j]
                        c = w * c + (1 - w) * C.SEED_CUT
                        s = npos / (npos + k) if k else 1.0
                        cut = s * c + (1 - s) * m.thresholds_[j]
                dec[rows, j] = proba[rows, j] >= cut
        out[name][te] = dec

for name, pred in out.items():
    res = score_by_language(Y, pred, langs, THEMES)
    print(name, round(res["macro_f1"], 3), {l: round(v["macro_f1"], 3) for l, v in res["per_language"].items()},
          {l: round(float(np.mean([v["per_theme"][t]["recall"] for t in THEMES])), 2) for l, v in res["per_language"].items()})
