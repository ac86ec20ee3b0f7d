"""Rule components tested on a blank English() pipeline: no statistical model needed."""
from __future__ import annotations

from spacy.lang.en import English

from kg.nlp import PARAGRAPHS, add_rule_components


def test_a_line_break_starts_a_sentence():
    nlp = add_rule_components(English())
    assert PARAGRAPHS in nlp.pipe_names
    doc = nlp("“You have 103 days left,” he posted.\n–With assistance from two reporters")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "–With" in starts or "–" in starts


def test_adding_the_components_twice_adds_them_once():
    nlp = add_rule_components(add_rule_components(English()))
    assert nlp.pipe_names.count(PARAGRAPHS) == 1
