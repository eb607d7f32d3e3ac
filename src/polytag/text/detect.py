"""Language detection from script shares: Hangul means Korean, Han without Hangul means
Chinese, Latin means English. Policy texts mix scripts (Korean briefs quote English titles,
Chinese reports quote acronyms), so the decision uses shares, not the first character."""
from __future__ import annotations

import re


#: the letters of each script (regular expressions count them at C speed)
_SCRIPT_LETTERS = {
    "hangul": re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]"),
    "han": re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0002fa1f]"),
    "kana": re.compile(r"[\u3040-\u30ff]"),
    # letters (\w but not digits or _) below U+0250, without the digit-like ² ³ ¹ ¼ ½ ¾
    "latin": re.compile(r"[^\W\d_\u00b2\u00b3\u00b9\u00bc-\u00be\u0250-\uffff\U00010000-\U0010ffff]"
                        r"|[\uff21-\uff3a\uff41-\uff5a]"),
}


def script_shares(text: str) -> dict[str, float]:
    """Share of each script among the letters of ``text`` (hangul, han, kana, latin)."""
    counts = {script: len(letters.findall(text)) for script, letters in _SCRIPT_LETTERS.items()}
    total = sum(counts.values())
    return {k: v / total for k, v in counts.items() if v} if total else {}


def script_of(ch: str) -> str | None:
    """The script of one character: ``"hangul"``, ``"han"``, ``"kana"``, ``"latin"`` or None."""
    return next((script for script, letters in _SCRIPT_LETTERS.items() if letters.match(ch)), None)


def detect_language(text: str, *, default: str | None = None) -> str | None:
    """``"ko"``, ``"zh"`` or ``"en"`` for ``text``; ``default`` when it has no letters or is
    written in another script (e.g. Japanese kana)."""
    shares = script_shares(text)
    if not shares:
        return default
    # A Korean text quoting Hanja or English is still Korean; a Korean share of a tenth is a lot.
    if shares.get("hangul", 0) >= 0.1:
        return "ko"
    if shares.get("kana", 0) >= 0.1:
        return default
    # Han characters carry a word each, Latin letters a fraction of one: weigh them so.
    if shares.get("han", 0) * 4 >= shares.get("latin", 0):
        return "zh"
    return "en" if shares.get("latin", 0) else default
