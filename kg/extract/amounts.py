"""Read numbers as news prose writes them: ranges, approximations, words and scales.

>>> parse_amount("between 70 and 80")
Amount(value=None, minimum=70.0, maximum=80.0, approximate=False)
>>> parse_amount("close to 337,000")
Amount(value=337000.0, minimum=None, maximum=None, approximate=True)
>>> parse_amount("1.7 million").value
1700000.0
>>> parse_amount("more than half a million").value
500000.0
>>> parse_amount("two dozen").value
24.0
>>> parse_amount("Twenty-five").value
25.0
>>> parse_amount("sixty").value
60.0
"""
from __future__ import annotations

import re
from dataclasses import dataclass

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000,
}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
APPROX = re.compile(
    r"\b(about|around|approximately|roughly|nearly|almost|close to|some|up to|more than|over|"
    r"at least|fewer than|less than|under|an estimated|estimated|upwards of|some)\b", re.I
)
NUMBER = r"(\d[\d,]*(?:\.\d+)?|\b(?:" + "|".join(sorted(WORDS, key=len, reverse=True)) + r")\b)(?:\s*(million|billion|thousand|hundred|dozen|bn|m|k)\b)?"


@dataclass(frozen=True)
class Amount:
    value: float | None
    minimum: float | None
    maximum: float | None
    approximate: bool


def _number(text: str, scale: str | None) -> float | None:
    text = text.lower().replace(",", "")
    try:
        base = float(text)
    except ValueError:
        base = WORDS.get(text)
        if base is None:
            return None
    return float(base) * SCALES.get((scale or "").lower(), 1)


def parse_amount(text: str) -> Amount | None:
    """An Amount for phrases like '70 to 80', 'between 70 and 80', 'about 3,800', '1.7 million'."""
    low = " ".join(text.split())
    # "half a million", "a million": the article stands for one
    low = re.sub(r"\bhalf an? (hundred|thousand|million|billion)\b", r"0.5 \1", low, flags=re.I)
    low = re.sub(r"(?<![\d.,])\ban? (dozen|hundred|thousand|million|billion)\b", r"1 \1", low, flags=re.I)
    # "twenty-five" -> 25
    low = re.sub(r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\s*[-–]\s*(one|two|three|four|five|six|seven|eight|nine)\b",
                 lambda m: str(WORDS[m.group(1).lower()] + WORDS[m.group(2).lower()]), low, flags=re.I)
    rng = re.search(r"(?:between\s+)?" + NUMBER + r"\s*(?:and|to|-|–|—)\s*" + NUMBER, low, re.I)
    if rng:
        lo_scale = rng.group(2) or rng.group(4)
        lo, hi = _number(rng.group(1), lo_scale), _number(rng.group(3), rng.group(4))
        if lo is not None and hi is not None and lo < hi:
            return Amount(None, lo, hi, bool(APPROX.search(low)))
    one = re.search(NUMBER, low, re.I)
    if not one:
        return None
    value = _number(one.group(1), one.group(2))
    if value is None:
        return None
    return Amount(value, None, None, bool(APPROX.search(low)))
