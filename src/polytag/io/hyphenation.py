"""Join the lines of a PDF paragraph, repairing words hyphenated across a line break.

A line ending in "word-" followed by a line starting with "part" is decided like this:

1. a soft hyphen (U+00AD) is always removed; a right part starting with a capital letter or a
   digit keeps the hyphen ("Open-Weight", "COVID-19");
2. document evidence: if the document itself spells the pair one way more often elsewhere
   ("open-source" in mid-line vs "opensource"), that spelling wins;
3. otherwise the word-frequency lists of ``wordfreq``: the hyphen is removed when the joined
   word is at least as common in English as the hyphenated compound ("infra-"+"structure" ->
   "infrastructure", "govern-"+"ment" -> "government"), and kept for real compounds whose
   joined form is rare ("open-weight", "large-scale", "decision-making").

Other lines are joined with a space, except after an em dash or slash and between two CJK
characters, where no space belongs.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from wordfreq import zipf_frequency

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_HYPHENATED_END = re.compile(r"([^\W\d_]+(?:-[^\W\d_]+)*)-$")
_WORD_START = re.compile(r"^[^\W\d_]+")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
_FREQUENCY_LANG = "en"


class LineJoiner:
    """Joins lines into one paragraph string; built once per document for its word counts."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._counts = Counter(word.casefold() for line in lines for word in _WORD.findall(line))

    def join(self, lines: list[str]) -> str:
        """One string from the lines of a paragraph."""
        text = lines[0] if lines else ""
        for line in lines[1:]:
            text = self._join_pair(text, line)
        return text

    def _join_pair(self, left: str, right: str) -> str:
        left, right = left.rstrip(), right.lstrip()
        if not left or not right:
            return left + right
        if left.endswith("\u00ad"):
            return left[:-1] + right
        hyphenated = _HYPHENATED_END.search(left)
        start = _WORD_START.match(right)
        if hyphenated and start:
            if self._drop_hyphen(hyphenated.group(1), start.group(0)):
                return left[:-1] + right
            return left + right
        if (left.endswith("-") and not left[-2:-1].isspace()) or left.endswith(("—", "/")):
            return left + right
        if _CJK.match(left[-1]) and _CJK.match(right[0]):
            return left + right
        return f"{left} {right}"

    def _drop_hyphen(self, before: str, after: str) -> bool:
        if after[0].isupper():
            return False
        compound = f"{before}-{after}".casefold()
        joined = f"{before}{after}".casefold()
        if self._counts[compound] != self._counts[joined]:
            return self._counts[joined] > self._counts[compound]
        last = before.rsplit("-", 1)[-1].casefold()
        after = after.casefold()
        joined_frequency = zipf_frequency(last + after, _FREQUENCY_LANG)
        return joined_frequency >= zipf_frequency(f"{last}-{after}", _FREQUENCY_LANG)
