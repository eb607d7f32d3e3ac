"""Language detection from the scripts that each registered language declares.

A language module declares the scripts it is written in, each with the weight of one letter
as evidence for it (:attr:`polytag.text.LanguageModule.scripts`): a Han character carries
about a word, a Latin letter a fraction of one, and a script a language only quotes (Hanja and
English in Korean) weighs 0. Policy texts mix scripts, so the decision uses shares of letters,
not the first character:

1. a language is a candidate when its scripts hold more than nine tenths of the letters: a
   tenth in scripts it is not written in rules it out (a Chinese-looking text with a tenth of
   Hangul is Korean, one with a tenth of kana is not Chinese);
2. the candidate whose letters weigh most wins (a tie goes to the language registered first);
3. text with letters but no candidate is :data:`UNDETERMINED` (``"und"``, BCP 47's code for an
   undetermined language: Japanese, Russian, Arabic while no module reads them); text with no
   letters gets the caller's ``default``.

Registering a language (:func:`polytag.text.register_language`) is enough for it to be
detected; a script polytag does not know by name is added with :func:`register_script`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from polytag.errors import LanguageError
from polytag.text.base import UNDETERMINED, LanguageModule, registered_classes

#: the language of text that has no letters, unless a caller says otherwise (``fallback_lang``
#: of :func:`polytag.tag`, ``Corpus.tag`` and ``polytag tag --fallback-lang``)
FALLBACK_LANG = "en"
#: a language whose scripts leave this share of a text's letters unexplained is ruled out
_FOREIGN_SHARE = 0.1


def _letters_in(ranges: str) -> re.Pattern:
    """Letters (word characters that are not digits or ``_``) in the character ``ranges``."""
    return re.compile(rf"(?=[^\W\d_])[{ranges}]")


#: the letters of each script known by name (regular expressions count them at C speed);
#: letters in none of them are "other"
_SCRIPTS: dict[str, re.Pattern] = {
    "hangul": re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]"),
    "han": re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0002fa1f]"),
    # kana letters and the prolonged sound mark, not the middle dot ・ Korean and Chinese use too
    "kana": re.compile(r"[\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\uff66-\uff9d]"),
    # letters (\w but not digits or _) below U+0250, without the digit-like ² ³ ¹ ¼ ½ ¾
    "latin": re.compile(r"[^\W\d_\u00b2\u00b3\u00b9\u00bc-\u00be\u0250-\uffff\U00010000-\U0010ffff]"
                        r"|[\uff21-\uff3a\uff41-\uff5a]"),
    "cyrillic": _letters_in("\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f"),
    "greek": _letters_in("\u0370-\u03ff\u1f00-\u1fff"),
    "arabic": _letters_in("\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"),
    "hebrew": _letters_in("\u0590-\u05ff\ufb1d-\ufb4f"),
    "devanagari": _letters_in("\u0900-\u097f"),
    "thai": _letters_in("\u0e00-\u0e7f"),
}
#: the script of letters in no script known by name
OTHER = "other"


def register_script(name: str, ranges: str) -> None:
    """Make a script known by ``name``, so that a language module can declare it: its letters
    are the letters in ``ranges``, the inside of a regular-expression character class
    (e.g. ``"\\u0e80-\\u0eff"`` for Lao). A name already known is redefined."""
    if name == OTHER:
        raise LanguageError(f"{OTHER!r} names the letters of no known script; choose another name")
    _SCRIPTS[name] = _letters_in(ranges)
    _plan.cache_clear()


def known_scripts() -> list[str]:
    """The names of the scripts a language module may declare."""
    return list(_SCRIPTS)


def script_of(ch: str) -> str | None:
    """The script of one character: a name of :func:`known_scripts`, ``"other"`` for a letter
    of another script, None for anything that is not a letter (digits, punctuation, ², ①)."""
    script = next((name for name, letters in _SCRIPTS.items() if letters.match(ch)), None)
    return script or (OTHER if ch.isalpha() else None)


def script_shares(text: str) -> dict[str, float]:
    """Share of each script among the letters of ``text`` (scripts without letters left out)."""
    counts = {name: len(letters.findall(text)) for name, letters in _SCRIPTS.items()}
    counts[OTHER] = max(0, sum(map(str.isalpha, text)) - sum(counts.values()))
    total = sum(counts.values())
    return {name: n / total for name, n in counts.items() if n} if total else {}


def detect_language(text: str, *, default: str | None = None) -> str | None:
    """The registered language ``text`` is written in (see the module docstring);
    :data:`UNDETERMINED` when its letters are in scripts no language is written in, ``default``
    when it has no letters."""
    plan = _plan(registered_classes())
    counts = [len(letters.findall(text)) for letters in plan.scripts]
    # str.isalpha counts every letter at C speed, faster than removing the declared ones
    total = max(sum(counts), sum(map(str.isalpha, text)))
    if not total:
        return default
    best, best_score = UNDETERMINED, 0.0
    for code, weights in plan.languages:
        score = sum(counts[i] * weight for i, weight in weights)
        if score > best_score and (total - sum(counts[i] for i, _ in weights)) / total < _FOREIGN_SHARE:
            best, best_score = code, score
    return best


class _Plan(NamedTuple):
    """Detection compiled from the declarations: the letters of each declared script, and per
    language its (script index, weight) pairs."""

    scripts: list[re.Pattern]
    languages: list[tuple[str, list[tuple[int, float]]]]


@lru_cache(maxsize=8)
def _plan(languages: tuple[type[LanguageModule], ...]) -> _Plan:
    """The plan for these registered language classes (their ``scripts`` are read once)."""
    declarations = [(cls.code, list(cls.scripts.items())) for cls in languages]
    names = list(dict.fromkeys(script for _, scripts in declarations for script, _ in scripts))
    unknown = [(code, script) for code, scripts in declarations for script, _ in scripts if script not in _SCRIPTS]
    if unknown:
        code, script = unknown[0]
        raise LanguageError(f"language {code!r} declares the script {script!r}, which polytag does not know; "
                            f"known: {', '.join(_SCRIPTS)} (add one with polytag.text.register_script)")
    index = {name: i for i, name in enumerate(names)}
    return _Plan([_SCRIPTS[name] for name in names],
                 [(code, [(index[s], float(w)) for s, w in scripts]) for code, scripts in declarations])
