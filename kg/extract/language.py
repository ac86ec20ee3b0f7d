"""A cheap, offline check that a text is English, so that ``kg extract`` can warn about others.

The extractor's model and rules are for English. This does not identify *which* language a text
is in; it only tells English prose from other prose, by two signals that need no model:

* the share of letters that are Latin (a text in Cyrillic, Arabic, CJK, ... is not English);
* the share of words that are common English function words ("the", "of", "and", "with", ...),
  which is about a quarter to a half of any English prose and near zero in Spanish, French,
  German, Portuguese or Italian. Words that are also common function words in those languages
  ("a", "in", "is", "was", "on", "he", "die") are left out of the list on purpose.

>>> looks_english("The minister said on Tuesday that the border with Chile would be closed "
...               "to migrants for the rest of the month.").english
True
>>> looks_english("El ministro dijo el martes que la frontera con Chile sería cerrada a los "
...               "migrantes durante el resto del mes.").english
False
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

ENGLISH_FUNCTION_WORDS = frozenset(
    """
    the of and to that for with by from it its she they them their theirs his her him
    have had were been be are this these those which who whom whose not but or than
    said says will would could should after about into over also when there where what
    we our you your been being has been while because before between against during
    under without through any some such other only both each more most very just
    """.split()
)

MIN_WORDS = 15  # below this, too few words to judge: say nothing
MIN_SHARE = 0.05  # English news prose sits at 0.2-0.45; other languages near 0-0.02
MIN_LATIN = 0.6  # share of letters that must be Latin

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class LanguageGuess:
    english: bool
    #: share of words that are English function words (None when there are too few words)
    share: float | None
    #: why the text is not taken for English ("" when it is, or when there is too little text)
    reason: str = ""


def _is_latin(ch: str) -> bool:
    try:
        return unicodedata.name(ch).startswith("LATIN")
    except ValueError:
        return False


def looks_english(text: str, sample: int = 20000) -> LanguageGuess:
    """Guess whether ``text`` is English prose from its first ``sample`` characters."""
    head = text[:sample]
    letters = [ch for ch in head if ch.isalpha()]
    if len(letters) >= 40:
        latin = sum(1 for ch in letters if ch < "\x80" or _is_latin(ch)) / len(letters)
        if latin < MIN_LATIN:
            return LanguageGuess(False, None, f"only {latin:.0%} of its letters are Latin")
    words = [w.lower().replace("’", "'") for w in _WORD.findall(head)]
    if len(words) < MIN_WORDS:
        return LanguageGuess(True, None)
    share = sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS) / len(words)
    if share < MIN_SHARE:
        return LanguageGuess(False, share, f"only {share:.0%} of its words are common English words")
    return LanguageGuess(True, share)
