"""Long texts are parsed in pieces cut at paragraph breaks and joined into one Doc, so that
spaCy's memory stays bounded and Ctrl-C is seen between pieces, with the same text, offsets,
sentences, entities and facts as a parse of the whole text."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.nlp import split_into_pieces

ROOT = Path(__file__).resolve().parents[1]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n?!"), max_size=400), st.integers(min_value=4, max_value=60))
def test_pieces_join_back_into_the_text(text, size):
    pieces = split_into_pieces(text, size)
    assert "".join(pieces) == text
    assert all(pieces)
    assert all(len(p) <= size for p in pieces[:-1])


def test_pieces_end_at_paragraph_breaks_when_there_are_some():
    text = "".join(f"Paragraph {n} says something about the border.\n\n" for n in range(40))
    pieces = split_into_pieces(text, 300)
    assert len(pieces) > 5
    assert all(p.endswith("\n\n") for p in pieces)


@pytest.fixture(scope="module")
def nlp():
    from kg.extract.nlp import load_model

    return load_model(None)


def test_parse_in_pieces_gives_the_whole_texts_doc_and_facts(nlp):
    from kg.extract.articles import article_from_text
    from kg.extract.facts import extract_facts
    from kg.extract.nlp import parse

    text = "\n\n".join([(ROOT / "examples" / "tacna-arica.txt").read_text(encoding="utf-8")] * 3)
    whole, pieces = nlp(text), parse(nlp, text, piece_chars=2500)
    assert pieces.text == text
    assert [(t.idx, t.tag_, t.dep_, t.head.i) for t in pieces] == [(t.idx, t.tag_, t.dep_, t.head.i) for t in whole]
    assert [s.start for s in pieces.sents] == [s.start for s in whole.sents]
    assert [(e.start_char, e.end_char, e.label_) for e in pieces.ents] == [(e.start_char, e.end_char, e.label_) for e in whole.ents]
    article = article_from_text(text, slug="long", published="2025-11-28")
    assert set(map(repr, extract_facts(article, pieces).facts)) == set(map(repr, extract_facts(article, whole).facts))


def test_ctrl_c_stops_a_long_single_text_at_once(tmp_path):
    """Ctrl-C during one long article drops it (nothing half-written) and exits 130 within seconds,
    instead of finishing minutes of work first (regression: it was ignored for more than 85 s)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import generate

    texts = [p.read_text(encoding="utf-8") for p in sorted(generate(tmp_path / "arts", 250))]
    long = tmp_path / "long.txt"
    long.write_text("\n\n".join(texts), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "extract", str(long),
                             "--date", "2025-01-01", "--max-bytes", "2000000", "-o", str(tmp_path / "out.trig")],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(8)  # the model is loaded and the long text is being parsed
    assert proc.poll() is None, "the long text was extracted before Ctrl-C could be tried"
    proc.send_signal(signal.SIGINT)
    sent = time.monotonic()
    _, err = proc.communicate(timeout=60)
    took = time.monotonic() - sent
    assert proc.returncode == 130, err
    assert "interrupted: stopped after 0 of 1 articles" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out.trig").exists()
    assert took < 5, f"Ctrl-C took {took:.1f} s"


def test_parse_reports_each_piece(nlp):
    """A long text's progress: characters parsed after each piece, ending at the whole text."""
    from kg.extract.nlp import parse

    text = "\n\n".join([(ROOT / "examples" / "tacna-arica.txt").read_text(encoding="utf-8")] * 2)
    heard: list[tuple[int, int]] = []
    parse(nlp, text, piece_chars=2000, on_piece=lambda done, total: heard.append((done, total)))
    assert len(heard) >= 3
    assert [d for d, _ in heard] == sorted(d for d, _ in heard)
    assert heard[-1] == (len(text), len(text))


def test_long_text_progress_bar_on_a_terminal(tmp_path):
    """On a terminal, a long single text shows a second bar for the characters parsed."""
    import os
    import sys

    from terminal import run_on_terminal

    long = tmp_path / "long.txt"
    long.write_text("\n\n".join([(ROOT / "examples" / "tacna-arica.txt").read_text(encoding="utf-8")] * 12),
                    encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120"}
    code, err = run_on_terminal([sys.executable, "-c", "from kg.cli import main; main()", "extract", str(long),
                                 "--date", "2025-11-28", "-o", str(tmp_path / "out.trig")], env)
    assert code == 0, err[-2000:]
    assert "parsing a long text (characters)" in err


# -- facts of a long text are those of its pieces -------------------------------------------------

PARAGRAPH = (
    "Interior Minister Lena Varga of Finland said on Monday that the government would close the border "
    "with Norway. \u201cWe will protect our frontier,\u201d Varga told the broadcaster Radio Polar. About 300 "
    "migrants crossed the border last week, according to the coast guard."
)


def _without_evidence(facts) -> set[str]:
    from dataclasses import replace

    return {repr(replace(f, evidence=None)) for f in facts}


def test_a_long_text_of_repeated_paragraphs_gives_each_paragraphs_facts_at_its_offsets(nlp):
    """A text parsed in pieces gives the facts of its paragraph alone, each at the offsets of a
    copy of the paragraph's sentence in the whole text, and the facts of a parse of the whole text
    (regression guard for the piecewise parse and the indexed resolution: nothing may be lost,
    duplicated or shifted between pieces). Roles, events and measures are one per real thing in
    an article, so they come once; quotes and numbers once per copy."""
    from kg.extract.articles import article_from_text
    from kg.extract.facts import extract_facts
    from kg.extract.nlp import parse

    copies = 12
    one = PARAGRAPH + "\n\n"
    text, step = one * copies, len(one)
    article = article_from_text(text, slug="p", published="2025-03-07")
    long_doc = parse(nlp, text, piece_chars=3 * step)  # several pieces of three paragraphs
    assert long_doc.text == text
    alone = extract_facts(article_from_text(one, slug="p", published="2025-03-07"), nlp(one))
    pieces = extract_facts(article, long_doc)

    assert alone.facts, "the paragraph must have facts for this test to mean anything"
    assert _without_evidence(pieces.facts) == _without_evidence(alone.facts)
    assert pieces.facts == extract_facts(article, nlp(text)).facts
    assert all(text[f.evidence.sentence.start:f.evidence.sentence.end] == f.evidence.sentence.text for f in pieces.facts)

    def in_copy(f) -> tuple:
        n = f.evidence.sentence.start // step
        return type(f).__name__, f.evidence.rule, f.evidence.sentence.start - n * step, f.evidence.sentence.end - n * step

    assert {in_copy(f) for f in pieces.facts} == {in_copy(f) for f in alone.facts}
    copies_of = {kind: sum(1 for f in pieces.facts if type(f).__name__ == kind) for kind in ("QuoteFact", "QuantityFact")}
    assert copies_of == {kind: copies * sum(1 for f in alone.facts if type(f).__name__ == kind) for kind in copies_of}
    assert set(pieces.entities) == set(alone.entities)
    for key, entity in alone.entities.items():
        expected = sorted((m.start + n * step, m.end + n * step, m.text) for m in entity.mentions for n in range(copies))
        assert sorted((m.start, m.end, m.text) for m in pieces.entities[key].mentions) == expected, key


# -- resolution does not compare every name or mention with every other ---------------------------

def test_full_person_names_are_found_without_comparing_every_pair(monkeypatch):
    """Each distinct name is folded once (it was folded again for every longer name before it:
    the square of the names, thousands in a long text), and surnames still join full names."""
    from kg.extract import resolution
    from kg.extract.mentions import Mention

    folds = []
    real = resolution._folded
    monkeypatch.setattr(resolution, "_folded", lambda words: folds.append(words) or real(words))
    count = 500
    mentions = [Mention(i, i + 2, "person", f"Given{i} Family{i}") for i in range(count)]
    mentions += [Mention(i, i + 1, "person", f"Family{i}") for i in range(count)]
    mentions += [Mention(0, 3, "person", "Ana Lucía Gómez"), Mention(0, 2, "person", "Lucia Gomez")]
    canonical = resolution._person_names(None, mentions)
    assert canonical["Family7"] == "Given7 Family7"
    assert canonical["Given7 Family7"] == "Given7 Family7"
    assert canonical["Lucia Gomez"] == "Ana Lucía Gómez"  # accents and a first name apart, one person
    assert len(folds) <= 2 * count + 2


class _CountingName(str):
    splits = 0

    def split(self, *args):
        type(self).splits += 1
        return super().split(*args)


def test_full_organisation_names_are_found_without_comparing_every_pair():
    """'the Agency7' -> 'National Agency7' with a bounded number of word splits per name
    (it split every other name for each name: the square of the names)."""
    from kg.extract.resolution import _longer_names

    count = 500
    names = [_CountingName(f"Agency{i}") for i in range(count)] + [_CountingName(f"National Agency{i}") for i in range(count)]
    _CountingName.splits = 0
    longer = _longer_names(names)
    assert longer["Agency7"] == "National Agency7"
    assert "National Agency7" not in longer
    assert _CountingName.splits <= 4 * len(names)


def test_an_entitys_mentions_are_not_compared_with_each_other(monkeypatch):
    """A name mentioned 3,000 times: each mention is checked against the others by a set, not a
    list (a list made the entity's mentions cost the square of their number)."""
    import spacy

    from kg.extract.articles import article_from_text
    from kg.extract.records import Kind, Span
    from kg.extract.resolution import Context

    count = 3000
    text = "Lena Varga spoke . " * count
    doc = spacy.blank("en")(text)
    ctx = Context(article_from_text(text, slug="t"), doc)
    comparisons = []
    real_eq = Span.__eq__
    monkeypatch.setattr(Span, "__eq__", lambda a, b: comparisons.append(1) or real_eq(a, b))
    for n in range(count):
        ctx.add(Kind.PERSON, "Lena Varga", 4 * n, 4 * n + 2)
    ctx.add(Kind.PERSON, "Lena Varga", 0, 2)  # the same mention again is not added twice
    mentions = ctx.entities["person:lena-varga"].mentions
    assert [m.start for m in mentions] == [len("Lena Varga spoke . ") * n for n in range(count)]
    assert len(comparisons) <= 10


# -- graph files are written graph by graph, in time linear in the graph ---------------------------

def _plain_rdflib_file(graphs: list, fmt: str) -> bytes:
    """A graph file as rdflib writes it with nothing of ours in the way: one Dataset of every
    graph for N-Quads, one Dataset per graph for TriG, their union for Turtle and N-Triples."""
    from rdflib import Dataset, Graph

    from kg.graph.vocab import bind_prefixes

    if fmt == "trig":
        parts = []
        for name, triples in sorted(graphs, key=lambda g: str(g[0])):
            single = Dataset()
            bind_prefixes(single)
            for t in triples:
                single.graph(name).add(t)
            parts.append(single.serialize(format="trig", encoding="utf-8"))
        return b"\n".join(parts)
    whole = Dataset() if fmt == "nquads" else Graph()
    bind_prefixes(whole)
    for name, triples in graphs:
        for t in triples:
            (whole.graph(name) if fmt == "nquads" else whole).add(t)
    data = whole.serialize(format=fmt, encoding="utf-8")
    return b"".join(sorted(set(data.splitlines(keepends=True)))) if fmt in ("nquads", "nt") else data


@pytest.mark.parametrize("fmt", ["nquads", "nt", "trig", "turtle"])
def test_a_graph_file_written_graph_by_graph_is_the_one_rdflib_writes(extract, fmt):
    """The file writer keeps one graph at a time (lines or TriG per graph), and its bytes are
    those of rdflib's serialisers (which needed the whole Dataset and, for TriG, time growing
    with the square of a graph's offsets)."""
    from dataclasses import replace

    from rdflib import URIRef

    from kg.graph.graphio import GraphFileWriter
    from kg.store.batch import article_triples

    facts = extract("\n\n".join([PARAGRAPH] * 3) + "\n")
    graphs = []
    for slug in ("second-article", "first-article"):
        name, triples = article_triples(replace(facts, article=replace(facts.article, slug=slug)))
        graphs.append((URIRef(name), triples))
    writer = GraphFileWriter(fmt)
    for order, (name, triples) in enumerate(graphs):
        writer.add(order, name, triples)
    assert writer.data() == _plain_rdflib_file(graphs, fmt)


def test_prefixed_names_are_rdflibs_own():
    """LinearNamespaceManager gives the prefixed names (and refusals) rdflib's NamespaceManager
    gives, in the same order of questions: offset IRIs that rdflib files as namespaces of their
    own, a namespace nested in a bound one, IRIs that cannot be split, prefixes it makes up."""
    from rdflib import Graph, URIRef
    from rdflib.namespace import NamespaceManager

    from kg.graph.graphio import LinearNamespaceManager
    from kg.graph.vocab import bind_prefixes

    base = "https://w3id.org/migration-kg/id/"
    iris = [f"{base}article/a#char={n},{n + 7}" for n in range(0, 400, 9)]
    iris += [f"{base}country/FI", f"{base}event-type/closure", f"{base}person/lena-varga", f"{base}article/a",
             "https://schema.org/Person", "https://schema.org/", "http://example.org/other/thing", f"{base}article/a#char=3,",
             "http://example.org/other/", "http://example.org/other/deeper/x", "urn:x-invented:12",
             "http://example.org/other/deeper", "http://example.org/other/delta", f"{base}article/a#char=0,7"]
    answers = []
    for manager_class in (NamespaceManager, LinearNamespaceManager):
        graph = Graph()
        manager = graph.namespace_manager = manager_class(graph)
        bind_prefixes(graph)
        manager.bind("deep", "http://example.org/other/deeper/")
        manager.bind("part", "http://example.org/other/de")  # longer than where rdflib splits ".../other/delta"
        got = []
        for generate in (False, True):
            for iri in iris:
                try:
                    got.append(manager.compute_qname(URIRef(iri), generate=generate))
                except Exception as exc:  # noqa: BLE001 - the refusal is part of the behaviour
                    got.append(type(exc).__name__)
        answers.append(got)
    assert answers[0] == answers[1]
    assert "KeyError" in answers[0] and any(a[0].startswith("ns") for a in answers[0] if isinstance(a, tuple))
