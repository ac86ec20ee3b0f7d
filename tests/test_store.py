"""The embedded Oxigraph store: ``--store`` for extract, query and load; union default graph; fast start."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from test_batch import ARTICLES, ROOT, graph_iri, kg, store_graphs, store_quads, write_corpus

PEOPLE = (
    "SELECT DISTINCT ?name WHERE { ?p a <https://schema.org/Person> ; <https://schema.org/name> ?name } ORDER BY ?name"
)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """One corpus extracted into a TriG file and into a store."""
    base = tmp_path_factory.mktemp("store")
    corpus = write_corpus(base / "corpus")
    trig, store = base / "corpus.trig", base / "store"
    kg("extract", str(corpus), "-o", str(trig), check=True)
    kg("extract", str(corpus), "--store", str(store), check=True)
    return trig, store


def test_query_store_matches_query_file(extracted):
    trig, store = extracted
    from_file = kg("query", str(trig), PEOPLE, "--format", "json", check=True)
    from_store = kg("query", "--store", str(store), PEOPLE, "--format", "json", check=True)
    people = json.loads(from_store.stdout)
    assert people and json.loads(from_file.stdout) == people
    assert any("Jer" in row["name"] for row in people)


def test_query_store_formats_and_ask(extracted, tmp_path):
    _, store = extracted
    ask = kg("query", "--store", str(store), "ASK { ?a a <https://schema.org/NewsArticle> }", "--format", "csv", check=True)
    assert ask.stdout.split() == ["ask", "true"]
    rq = tmp_path / "graphs.rq"
    rq.write_text("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g\n", encoding="utf-8")
    csv = kg("query", "--store", str(store), str(rq), "--format", "csv", check=True)
    assert csv.stdout.split()[1:] == sorted(graph_iri(s) for s in ARTICLES)
    table = kg("query", "--store", str(store), str(rq), check=True)
    assert "graph/peru-emergency" in table.stdout


def test_union_default_graph(extracted):
    """Without GRAPH, a query sees every article's triples."""
    _, store = extracted
    rows = json.loads(kg("query", "--store", str(store), "--format", "json",
                         "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }", check=True).stdout)
    assert rows == [{"n": str(len(ARTICLES))}]


def test_query_errors_are_one_line(extracted, tmp_path):
    _, store = extracted
    bad = kg("query", "--store", str(store), "SELECT ?x WHERE { ?x")
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1
    none = kg("query", "--store", str(tmp_path / "nothing"), PEOPLE)
    assert none.returncode == 1 and "no graph store" in none.stderr
    extra = kg("query", "--store", str(store), "a.trig", PEOPLE)
    assert extra.returncode == 1
    missing = kg("query", PEOPLE)
    assert missing.returncode == 1


def test_load_graph_file_into_store(extracted, tmp_path):
    trig, store = extracted
    loaded = tmp_path / "loaded"
    kg("load", str(trig), "--store", str(loaded), check=True)
    assert store_graphs(loaded) == store_graphs(store)
    assert all_quads(loaded) == all_quads(store)  # the file and the store hold the same graphs
    kg("load", str(trig), "--store", str(loaded), check=True)  # again: replaces, no duplicates
    assert store_quads(loaded) == store_quads(store)


def all_quads(store: Path) -> set[str]:
    import pyoxigraph

    return {str(q) for q in pyoxigraph.Store.read_only(str(store))}


def test_store_in_use_is_a_clear_error(extracted, tmp_path):
    import pyoxigraph

    trig, _ = extracted
    busy = tmp_path / "busy"
    holder = pyoxigraph.Store(str(busy))  # this process holds the writer's lock
    try:
        proc = kg("load", str(trig), "--store", str(busy))
        assert proc.returncode == 1 and "in use" in proc.stderr
    finally:
        del holder


def test_query_store_imports_neither_spacy_nor_rdflib(extracted):
    _, store = extracted
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    code = "import sys; sys.argv = ['kg', 'query', '--store', sys.argv[1], 'ASK { ?s ?p ?o }']; from kg.cli import main; main()"
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", code, str(store)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "pyoxigraph" in imported
    assert not {m for m in imported if m.split(".")[0] in ("spacy", "thinc", "httpx", "torch", "rdflib")}


def test_query_store_unit():
    """query_store over an in-memory store: union of graphs, unbound values, ASK."""
    import pyoxigraph as ox

    from kg.store.store import query_store

    db = ox.Store()
    p = ox.NamedNode("http://example.org/p")
    for g in ("g1", "g2"):
        db.add(ox.Quad(ox.NamedNode(f"http://example.org/{g}-s"), p, ox.Literal("x", language="en"), ox.NamedNode(f"http://example.org/{g}")))
    answer = query_store(db, "SELECT ?s ?o ?none WHERE { ?s <http://example.org/p> ?o } ORDER BY ?s")
    assert answer.columns == ["s", "o", "none"]
    assert answer.rows == [["http://example.org/g1-s", "x", None], ["http://example.org/g2-s", "x", None]]
    assert query_store(db, "ASK { ?s ?p 'nothing' }").rows == [["false"]]


def test_default_graph_is_the_set_union_of_the_article_graphs(tmp_path):
    """A triple two articles assert is counted once; it leaves the union only with its last graph."""
    from kg.store.store import open_store

    shared = b'<http://example.org/pe> <http://www.w3.org/2000/01/rdf-schema#label> "Peru" .\n'
    own = b'<http://example.org/%s> <http://example.org/mentions> <http://example.org/pe> .\n'
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    db = open_store(tmp_path / "s", create=True)
    db.replace_graph("http://example.org/g1", shared + own % b"a1")
    db.replace_graph("http://example.org/g2", shared + own % b"a2")
    assert db.query(count).rows == [["3"]]
    db.replace_graph("http://example.org/g1", own % b"a1")  # g1 no longer says it; g2 still does
    assert db.query(count).rows == [["3"]]
    db.replace_graph("http://example.org/g2", own % b"a2")
    assert db.query(count).rows == [["2"]]
    assert db.query("ASK { ?s <http://www.w3.org/2000/01/rdf-schema#label> 'Peru' }").rows == [["false"]]

    # Dropping the copy (as `kg serve --allow-update` does) gives the same answers, on the fly.
    db.replace_graph("http://example.org/g1", shared + own % b"a1")
    db.replace_graph("http://example.org/g2", shared + own % b"a2")
    db.drop_union()
    assert not db.union_kept and len(db) == 4
    assert db.query("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }").rows == [["3"]]
    db.ensure_union()
    assert db.union_kept and len(db) == 7 and db.query(count).rows == [["3"]]
    db.close()


def test_bulk_load_writes_a_shared_triple_once_to_the_union(tmp_path):
    """New graphs go in one bulk load; a triple several of them assert is one default-graph triple."""
    from kg.store.store import open_store

    shared = b'<http://example.org/pe> <http://www.w3.org/2000/01/rdf-schema#label> "Peru" .\n'
    own = b'<http://example.org/%s> <http://example.org/mentions> <http://example.org/pe> .\n'
    db = open_store(tmp_path / "s", create=True)
    db.add_new_graphs([(f"http://example.org/g{n}", shared + own % f"a{n}".encode()) for n in (1, 2, 3)])
    assert len(db) == 6 + 4  # three graphs of two triples, and their union of four
    assert db.direct_default_triples() == 0
    assert db.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows == [["4"]]
    assert db.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows == [["6"]]
    db.close()


def test_ntriples_move_into_a_graph_whole_even_with_line_breaks_in_literals():
    """A sentence's text may hold " ." and line breaks: every triple still lands in the graph."""
    import pyoxigraph as ox
    from rdflib import Literal, URIRef

    from kg.store.store import ntriples_in_graph, triples_to_ntriples

    s, p = URIRef("http://example.org/s"), URIRef("http://example.org/p")
    texts = ["Migrants waited .\nThen left .", 'He said " ." twice .', "plain"]
    nt = triples_to_ntriples([(s, p, Literal(t)) for t in texts])
    db = ox.Store()
    db.load(ntriples_in_graph(nt, "http://example.org/g"), format=ox.RdfFormat.N_QUADS)
    quads = list(db)
    assert len(quads) == 3 and all(q.graph_name == ox.NamedNode("http://example.org/g") for q in quads)
    assert sorted(q.object.value for q in quads) == sorted(texts)


def test_project_prefixes_need_no_declaration(extracted):
    _, store = extracted
    rows = kg("query", "--store", str(store), "--format", "csv",
              "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }", check=True)
    assert rows.stdout.split() == ["n", str(len(ARTICLES))]


def test_chunk_reader_reads_the_parts_in_turn_whatever_the_buffer_size():
    """The bulk load reads its parts through ChunkReader instead of one joined buffer."""
    import io

    from kg.store.store import ChunkReader

    parts = [b"<http://a> <http://p> 1 .\n", b"", b"x" * 5000, b"end\n"]
    assert io.BufferedReader(ChunkReader(parts), 7).read() == b"".join(parts)
    raw = ChunkReader(parts)
    pieces = iter(lambda: raw.read(3), b"")
    assert b"".join(pieces) == b"".join(parts)
    assert ChunkReader([]).read(10) == b""


def test_bulk_load_of_many_graphs_through_the_reader_keeps_every_triple(tmp_path):
    """Graphs larger than the reader's buffer land whole in their graphs and in the union."""
    from kg.store.store import open_store

    graphs = [(f"http://example.org/g{n}", b"".join(
        b'<http://example.org/s%d> <http://example.org/p> "%s" .\n' % (i, (f"g{n} " * 40).encode()) for i in range(300)))
        for n in range(12)]
    db = open_store(tmp_path / "s", create=True)
    db.add_new_graphs(graphs)
    counts = db.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows
    assert sorted(counts) == sorted([[name, "300"] for name, _ in graphs])
    assert db.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows == [["3600"]]
    db.close()
