"""A faster, equivalent matcher for a spaCy ``attribute_ruler``.

The English models' attribute ruler maps tags to universal POS and morphology with about 180
one-token patterns (``{"TAG": "NNS"}`` -> ``POS=NOUN``). spaCy runs them through its general
``Matcher``, which tries every pattern on every token: about 4 ms of an article's 35 ms of parsing.
Almost all of them name an exact tag or word, so an index on the token's tag and lower-case form
finds the few candidates of each token at once. Patterns of several tokens (``gon na``), or with
operators the index does not know, stay with a ``Matcher`` of their own.

The result is the one the ruler's own ``match`` returns (tested on the same Docs), so the ruler
applies it unchanged: the same POS, morphology and lemmas, in the same order of precedence.

>>> spec_test({"TAG": {"IN": ["VBP", "VBZ"]}})("VBZ", "is", "aux", False)
True
"""
from __future__ import annotations

import re
from typing import Callable

#: Token attributes the index can test, and where a token keeps them.
_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")


def _value_test(value) -> Callable[[object], bool] | None:
    """A test of one attribute value, as spaCy's Matcher reads ``value``; None if unknown."""
    if isinstance(value, (str, bool)):
        return lambda got: got == value
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN" and isinstance(arg, list):
            allowed = frozenset(arg)
            return lambda got: got in allowed
        if op == "NOT_IN" and isinstance(arg, list):
            barred = frozenset(arg)
            return lambda got: got not in barred
        if op == "REGEX" and isinstance(arg, str):
            search = re.compile(arg).search
            return lambda got: bool(search(got))
    return None


def spec_test(spec: dict) -> Callable[[str, str, str, bool], bool] | None:
    """A test of a one-token pattern on (tag, lower, dep, is_space); None if it uses anything else."""
    if not spec or any(key not in _KEYS for key in spec):
        return None
    tests = []
    for position, key in enumerate(_KEYS):
        if key in spec:
            test = _value_test(spec[key])
            if test is None:
                return None
            tests.append((position, test))
    return lambda *attrs: all(test(attrs[position]) for position, test in tests)


def _index_keys(spec: dict) -> tuple[str, list] | None:
    """Where to file a pattern: under the exact values it needs of one attribute (None: test
    every token)."""
    for key in _KEYS:
        value = spec.get(key)
        if isinstance(value, (str, bool)):
            return key, [value]
        if isinstance(value, dict) and isinstance(value.get("IN"), list) and len(value) == 1:
            return key, list(value["IN"])
    return None


class IndexedAttributeMatcher:
    """Drop-in for ``AttributeRuler.match``: (attr_id, match_id, start, end), sorted."""

    def __init__(self, ruler) -> None:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.matcher import Matcher

        self.strings = ruler.vocab.strings
        self.columns = [TAG, LOWER, DEP, IS_SPACE]
        # One table per attribute, keyed as Doc.to_array gives it: string hashes, 0/1 for IS_SPACE.
        self.tables: list[dict[int, list]] = [{} for _ in _KEYS]
        self.everywhere: list = []
        self.rest = Matcher(ruler.vocab, validate=False)
        for attr_id, group in enumerate(ruler.patterns):
            match_id = self.strings[str(attr_id)]  # the key the ruler gave this group
            for pattern in group["patterns"]:
                test = spec_test(pattern[0]) if len(pattern) == 1 else None
                if test is None:
                    self.rest.add(match_id, [pattern])
                    continue
                keys = _index_keys(pattern[0])
                if keys is None:
                    self.everywhere.append((attr_id, match_id, test))
                    continue
                # A pattern of one exact value needs no test: the index lookup is the test.
                exact = len(pattern[0]) == 1 and isinstance(pattern[0][keys[0]], (str, bool))
                entry = (attr_id, match_id, None if exact else test)
                table = self.tables[_KEYS.index(keys[0])]
                for value in keys[1]:
                    key = int(value) if isinstance(value, bool) else self.strings.add(value)
                    table.setdefault(key, []).append(entry)

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        found = set()
        strings, tables, everywhere = self.strings, self.tables, self.everywhere
        for i, row in enumerate(doc.to_array(self.columns).tolist()):
            entries = [e for table, key in zip(tables, row) for e in table.get(key, ())]
            if everywhere:
                entries += everywhere
            if not entries:
                continue
            attrs = None
            for attr_id, match_id, test in entries:
                if test is not None:
                    if attrs is None:
                        tag, lower, dep, space = row
                        attrs = (strings[tag] if tag else "", strings[lower], strings[dep] if dep else "", bool(space))
                    if not test(*attrs):
                        continue
                found.add((attr_id, match_id, i, i + 1))
        if len(self.rest):
            for match_id, start, end in self.rest(doc, allow_missing=True):
                found.add((int(self.strings[match_id]), match_id, start, end))
        return sorted(found)


def speed_up_attribute_ruler(nlp) -> None:
    """Give the pipeline's attribute ruler (if any) the indexed matcher."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        if hasattr(ruler, "patterns") and hasattr(ruler, "match"):
            ruler.match = IndexedAttributeMatcher(ruler)
