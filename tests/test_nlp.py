"""Rule components tested on a blank English() pipeline: no statistical model needed."""
from __future__ import annotations

from spacy.lang.en import English

from kg.extract.nlp import PARAGRAPHS, add_rule_components


def test_a_line_break_starts_a_sentence():
    nlp = add_rule_components(English())
    assert PARAGRAPHS in nlp.pipe_names
    doc = nlp("“You have 103 days left,” he posted.\n–With assistance from two reporters")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "–With" in starts or "–" in starts


def test_adding_the_components_twice_adds_them_once():
    nlp = add_rule_components(add_rule_components(English()))
    assert nlp.pipe_names.count(PARAGRAPHS) == 1


# -- the indexed attribute-ruler matcher: the same matches as spaCy's own ------------------------

from spacy.tokens import Doc  # noqa: E402

from kg.extract.attribute_index import IndexedAttributeMatcher, speed_up_attribute_ruler  # noqa: E402

RULER_PATTERNS = [  # every operator and key the English models use
    {"patterns": [[{"TAG": "NNS"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Plur"}},
    {"patterns": [[{"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": "is"}]], "attrs": {"LEMMA": "be"}},
    {"patterns": [[{"LOWER": {"IN": ["do", "did"]}, "DEP": {"IN": ["ROOT", "conj"]}}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux"]}}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT"]}}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "not"}},
    {"patterns": [[{"TAG": "VBZ", "LOWER": "gets"}], [{"TAG": "VBD", "LOWER": "got"}]], "attrs": {"LEMMA": "get"}},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    {"patterns": [[{"TAG": "_SP", "IS_SPACE": False}]], "attrs": {"POS": "X"}},
    {"patterns": [[{"TAG": "NNS"}]], "attrs": {"POS": "PROPN"}},  # a later rule wins
]

WORDS = ["This", "gets", "them", "gon", "na", "go", "; y'", "all", "did", "n't", "  ", "boats", "is", "that", "got"]
TAGS = ["DT", "VBZ", "PRP", "VBG", "TO", "VB", "_SP", "DT", "VBD", "RB", "_SP", "NNS", "VBZ", "DT", "VBD"]
DEPS = ["nsubj", "ROOT", "dobj", "aux", "aux", "xcomp", "", "det", "conj", "neg", "dep", "dobj", "aux", "det", "ROOT"]


def _ruler_and_doc():
    nlp = English()
    ruler = nlp.add_pipe("attribute_ruler")
    for group in RULER_PATTERNS:
        ruler.add(**group)
    doc = Doc(nlp.vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=[1] * len(WORDS))
    return nlp, ruler, doc


def test_indexed_matcher_finds_what_spacys_matcher_finds():
    _, ruler, doc = _ruler_and_doc()
    expected = sorted(set(ruler.match(doc)))
    assert len(expected) > 10  # the doc exercises most patterns
    assert IndexedAttributeMatcher(ruler)(doc) == expected


def test_the_sped_up_ruler_sets_the_same_attributes():
    nlp, ruler, doc = _ruler_and_doc()
    _, _, other = _ruler_and_doc()
    ruler(doc)
    speed_up_attribute_ruler(nlp)
    assert isinstance(ruler.match, IndexedAttributeMatcher)
    ruler(other)
    assert [(t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_) for t in other] == [
        (t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_) for t in doc]
    assert doc[11].pos_ == "PROPN"  # the later of two rules on one token wins, as in spaCy
