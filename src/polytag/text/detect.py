"""Language detection from script shares: Hangul means Korean, Han without Hangul means
Chinese, Latin means English. Policy texts mix scripts (Korean briefs quote English titles,
Chinese reports quote acronyms), so the decision uses shares, not the first character."""
from __future__ import annotations

from collections import Counter


def script_of(ch: str) -> str | None:
    o = ord(ch)
    if 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "hangul"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FA1F:
        return "han"
    if 0x3040 <= o <= 0x30FF:
        return "kana"
    if ch.isalpha() and (o < 0x250 or 0xFF21 <= o <= 0xFF5A):
        return "latin"
    return None


def script_shares(text: str) -> dict[str, float]:
    """Share of each script among the letters of ``text`` (hangul, han, kana, latin)."""
    counts = Counter(s for s in map(script_of, text) if s)
    total = sum(counts.values())
    return {k: v / total for k, v in counts.items()} if total else {}


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
