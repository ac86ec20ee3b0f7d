"""Words set in capitals at the start of a paragraph, read as the words they are.

Some outlets set a lead's first words or a dateline in capitals ("DEPUTY MAYOR ANA RUIZ has ...",
"KUALA LUMPUR, March 8 -"). The statistical model was trained on ordinary case and reads such a
run as an organisation or nothing, so the names in it are lost. The parser is given the run in
title case instead; the text keeps its length, so every character offset stays that of the
article.

>>> recase_shouted_lead("TAOISEACH ANA RUIZ has condemned the attack.")
'Taoiseach Ana Ruiz has condemned the attack.'
>>> recase_shouted_lead("US ICE agents said.")
'US ICE agents said.'
"""
from __future__ import annotations

import re

# A run of two or more words in capitals at the start of a line (a paragraph's first words).
SHOUTED_LEAD = re.compile(r"(?m)^([ \t]*)([A-Z][A-Z'’.\-]*(?:[ \t]+[A-Z][A-Z'’.\-]*)+)(?=[\s,;:]|$)")
# Capitalised abbreviations that stay as they are inside such a run.
KEEP_UPPER = {"US", "USA", "UK", "UN", "EU", "UAE", "DRC", "IOM", "ICE", "CBP", "AP", "AFP", "BBC", "CNN", "NGO",
              "UNHCR", "UNICEF", "NATO", "OSCE", "ECOWAS", "ASEAN", "DC", "MP", "MEP", "PM", "RTE", "RTÉ", "TD"}


def recase_shouted_lead(text: str) -> str:
    """``text`` with capitalised runs that open a paragraph in title case (same length)."""
    return SHOUTED_LEAD.sub(_recase, text)


def _recase(match: re.Match) -> str:
    words = re.split(r"([ \t]+)", match.group(2))
    letters = [w for w in words[::2] if w.strip(".'’-") not in KEEP_UPPER]
    if not any(len(w) >= 4 for w in letters):
        return match.group(0)  # abbreviations only ("US ICE"): nothing shouted
    out = [w if i % 2 or w.strip(".'’-") in KEEP_UPPER else _title(w) for i, w in enumerate(words)]
    return match.group(1) + "".join(out)


def _title(word: str) -> str:
    """'RUIZ’S' -> 'Ruiz’s', "O'BRIEN" -> "O'Brien"; unchanged if case would change the length."""
    titled = re.sub(r"(?<=['’])S\b", "s", word.title())
    return titled if len(titled) == len(word) else word


class RecasingTokenizer:
    """A spaCy tokenizer that reads shouted paragraph openings in title case (see module doc)."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str):
        return self.tokenizer(recase_shouted_lead(text))

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)
