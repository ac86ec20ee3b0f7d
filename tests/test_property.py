"""Property-based tests (hypothesis): whatever the input, nothing crashes with anything but a clear
KgError, and whatever the extractor writes parses back and conforms to the SHACL shapes."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Dataset

from kg.extract.articles import article_from_text, decode_text
from kg.errors import KgError
from kg.graph.graphio import load_graph, save_graph, serialize
from kg.graph.rdf import article_dataset
from kg.extract.records import ArticleFacts

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

WORDS = [
    "Peru", "Chile", "Bolivia", "Venezuela", "border", "migrants", "Venezuelan", "President", "José", "Jerí",
    "said", "declared", "announced", "a", "state", "of", "emergency", "the", "at", "in", "Tacna", "Arica",
    "Chacalluta", "crossing", "on", "28", "November", "2025", "300", "1,200", "about", "between", "and",
    "police", "army", "armed", "forces", "deployed", "closed", "minister", "Interior", "election", "elections",
    "candidate", "far-right", "Kast", "told", "CNN", "on X", "Reuters", "\"", "“", "”", ".", ",", ":", "(", ")",
    "\n", "\n\n", "Mr.", "U.S.", "—", "-", "'s", "Perú", "🇵🇪", "<script>", "\\", "\u200b", "שלום",
]
sentences = st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join)
texts = st.one_of(sentences, st.text(max_size=300), st.text(alphabet=st.characters(codec="utf-8"), max_size=300))


def _ready_extractor():
    try:
        from kg.extract.pipeline import Extractor

        extractor = Extractor()
        extractor.extract(article_from_text("Peru closed its border with Chile.", published="2025-11-28"))
        return extractor
    except (ImportError, AttributeError) as exc:
        pytest.skip(f"the extractor is not complete yet ({type(exc).__name__}: {exc})")


@pytest.fixture(scope="module")
def extractor():
    return _ready_extractor()


@pytest.fixture(scope="module")
def validate():
    try:
        from kg.graph.validation import validate_graph
    except ImportError:
        return None  # shapes not written yet: parse checks only
    return validate_graph


def _reparse(ds: Dataset, fmt: str = "trig") -> Dataset:
    back = Dataset(default_union=True)
    back.parse(data=serialize(ds, fmt).decode("utf-8"), format=fmt)
    return back


@SETTINGS
@given(text=texts)
# found by hypothesis: a crossing whose country is unknown gets no mig:connects (shape violation)
@example(text="Mr. crossing")
@example(text="Migrants gathered at the Chacalluta crossing.")
@example(text="")
@example(text="\x00\x07\u200b\u202e<script>alert(1)</script>")
def test_extractor_never_crashes_and_output_conforms(extractor, validate, text):
    facts = extractor.extract(article_from_text(text, published="2025-11-28"))
    ds = article_dataset(facts)
    back = _reparse(ds)
    assert set(back.triples((None, None, None))) == set(ds.triples((None, None, None)))
    if validate is not None:
        report = validate(back)
        assert report.conforms, f"{text!r}\n{report.text}"


@SETTINGS
@given(text=st.text(max_size=400), title=st.one_of(st.none(), st.text(min_size=1, max_size=80)))
def test_any_article_text_round_trips_through_every_format(tmp_path_factory, text, title):
    ds = article_dataset(ArticleFacts(article_from_text(text, title=title, published="2025-11-28")))
    folder = tmp_path_factory.mktemp("rt")
    for suffix in (".ttl", ".trig", ".nt", ".nq", ".jsonld"):
        path = folder / f"g{suffix}"
        save_graph(ds, path)
        assert set(load_graph(path).triples((None, None, None))) == set(ds.triples((None, None, None))), suffix


_TAGGY = st.lists(
    st.one_of(
        st.sampled_from([
            "<p>", "</p>", "<script>", "</script>", "<style>", "</style>", "<b>", "</b>", "<!--", "-->", "<br/>",
            "<div class='x'>", "</div>", "<head>", "</head>", "<body>", "<title>", "&lt;", "&gt;", "&amp;",
            "<svg>", "</svg>", "<![CDATA[", "]]>", "<", ">", "</", "<a href=\"x\">", "<iframe>", "<!DOCTYPE html>",
            "<?php ?>", "&#60;script&#62;", "<textarea>", "</textarea>", "<noscript>",
        ]),
        st.text(max_size=12),
    ),
    max_size=40,
).map("".join)


@SETTINGS
@given(html=_TAGGY)
def test_html_to_text_never_leaks_markup(html):
    from kg.extract.htmltext import html_to_text

    text = html_to_text(html)
    assert not re.search(r"</?[A-Za-z][A-Za-z0-9:-]*(\s[^<>]*)?/?>", text), text
    assert "<script" not in text.lower() and "<!--" not in text


@SETTINGS
@given(raw=st.one_of(st.binary(max_size=600), st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_decode_text_returns_text_or_a_clear_error(tmp_path_factory, raw):
    try:
        text = decode_text("a.txt", raw)
    except KgError as exc:
        assert str(exc).startswith("a.txt: ")
    else:
        assert isinstance(text, str)


@SETTINGS
@given(raw=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)), suffix=st.sampled_from([".ttl", ".trig", ".nt", ".nq", ".jsonld"]))
def test_load_graph_accepts_or_refuses_clearly(tmp_path_factory, raw, suffix):
    path = tmp_path_factory.mktemp("g") / f"g{suffix}"
    path.write_bytes(raw)
    try:
        load_graph(path)
    except KgError as exc:
        assert str(exc).startswith(f"{path}: ")
        assert "\n" not in str(exc)


@SETTINGS
@given(query=st.one_of(st.text(max_size=200), st.lists(st.sampled_from(
    ["SELECT", "ASK", "WHERE", "{", "}", "?s", "?p", "?o", ".", "FILTER", "(", ")", "=", "\"x\"", "\n", "PREFIX", "ex:",
     "<http://e/>", "SERVICE", "OPTIONAL", "LIMIT", "10", "GRAPH", "FROM", "*", "COUNT", "AS", "?n"]), max_size=30).map(" ".join)))
def test_parse_query_accepts_or_refuses_clearly(query):
    from kg.store.query import run_query

    try:
        run_query(Dataset(default_union=True), query)
    except KgError as exc:
        assert "\n" not in str(exc)


@SETTINGS
@given(text=st.text(max_size=500))
def test_language_guess_never_crashes(text):
    from kg.extract.language import looks_english

    guess = looks_english(text)
    assert isinstance(guess.english, bool)
