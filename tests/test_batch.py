"""Batch extraction: many articles, worker processes, failures, re-extraction, Ctrl-C.

The command line runs in a subprocess (as a user runs it); the articles are short texts written
here. Extraction loads the spaCy model (about a second per process).
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

ARTICLES = {
    "peru-emergency": (
        "Peruvian President José Jerí said on Friday that he will declare a state of emergency at the border with Chile.\n"
        "“Our borders must be respected,” Jerí said in an X post on Friday.\n"
        "Dozens of migrants blocked the Tacna–Arica border crossing between Peru and Chile, Canal N reported.\n"
    ),
    "chile-runoff": (
        "Chilean presidential candidate José Antonio Kast visited the border with Peru on Monday.\n"
        "Kast, an arch-conservative, faces communist rival Jeannette Jara in a Dec. 14 runoff.\n"
        "Close to 337,000 undocumented migrants were in Chile in 2023, according to the migration agency.\n"
    ),
    "tacna-governor": (
        "The regional governor of Tacna, Luis Torres, told RPP Noticias that between 70 and 80 Venezuelans were stranded.\n"
        "Peruvian President José Jerí met Torres in Lima on Saturday.\n"
        "Migrants leaving Chile for Peru prompted fears of a broader exodus.\n"
    ),
}


def kg(*args: str, cwd: Path | None = None, check: bool = False, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the ``kg`` command line in a fresh Python process."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    proc = subprocess.run(
        [sys.executable, "-c", "from kg.cli import main; main()", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} -> {proc.returncode}\n{proc.stderr}")
    return proc


def write_corpus(folder: Path, articles: dict[str, str] = ARTICLES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, (slug, text) in enumerate(articles.items()):
        (folder / f"{slug}.txt").write_text(text, encoding="utf-8")
        meta = {"title": slug.replace("-", " "), "source": "Test Wire", "published": f"2025-11-{20 + i % 10:02d}"}
        (folder / f"{slug}.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def store_quads(store: Path) -> int:
    import pyoxigraph

    return len(pyoxigraph.Store.read_only(str(store)))


def store_graphs(store: Path) -> set[str]:
    import pyoxigraph

    return {g.value for g in pyoxigraph.Store.read_only(str(store)).named_graphs()}


def graph_iri(slug: str) -> str:
    return f"https://w3id.org/migration-kg/id/graph/{slug}"


# -- failures ------------------------------------------------------------------------------------

@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_article_among_good_ones(tmp_path, jobs):
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "broken.txt").write_bytes(b"%PDF-1.7\n\x00\x01binary")
    out = tmp_path / "out.trig"
    proc = kg("extract", str(corpus), "--jobs", jobs, "-o", str(out))
    assert proc.returncode == 2, proc.stderr
    assert "broken.txt" in proc.stderr
    assert "3 of 4 articles" in proc.stderr
    from kg.graph.graphio import load_graph

    ds = load_graph(out)
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert {graph_iri(slug) for slug in ARTICLES} <= names
    assert graph_iri("broken") not in names


def test_bad_article_into_store(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "empty.txt").write_text("   \n", encoding="utf-8")
    store = tmp_path / "store"
    proc = kg("extract", str(corpus), "--jobs", "2", "--store", str(store))
    assert proc.returncode == 2, proc.stderr
    assert "empty.txt" in proc.stderr
    assert store_graphs(store) == {graph_iri(slug) for slug in ARTICLES}


def test_nothing_extracted_is_exit_1(tmp_path):
    (tmp_path / "a.txt").write_text("", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    proc = kg("extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "out.trig"))
    assert proc.returncode == 1
    assert "a.txt" in proc.stderr and "b.txt" in proc.stderr
    assert not (tmp_path / "out.trig").exists()


def test_usage_errors_fail_fast(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    both = kg("extract", str(corpus), "-o", str(tmp_path / "x.trig"), "--store", str(tmp_path / "s"))
    assert both.returncode == 1 and "either" in both.stderr
    missing = kg("extract", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.trig"))
    assert missing.returncode == 1 and "nope.txt" in missing.stderr
    (tmp_path / "notastore").mkdir()
    (tmp_path / "notastore" / "precious.txt").write_text("keep me")
    clash = kg("extract", str(corpus), "--store", str(tmp_path / "notastore"))
    assert clash.returncode == 1 and "notastore" in clash.stderr
    assert os.listdir(tmp_path / "notastore") == ["precious.txt"]


# -- replace, never duplicate --------------------------------------------------------------------

def test_re_extract_replaces_graphs(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    store = tmp_path / "store"
    kg("extract", str(corpus), "--jobs", "2", "--store", str(store), check=True)
    first = store_quads(store)
    assert first > 0
    kg("extract", str(corpus), "--store", str(store), check=True)
    assert store_quads(store) == first
    assert store_graphs(store) == {graph_iri(slug) for slug in ARTICLES}

    # A changed article replaces its own graph: the old text is gone, the other graphs stay.
    (corpus / "chile-runoff.txt").write_text("Chilean President Gabriel Boric deployed troops along the northern border.\n", encoding="utf-8")
    kg("extract", str(corpus / "chile-runoff.txt"), "--store", str(store), check=True)
    answer = kg("query", "--store", str(store), "--format", "json",
                "SELECT ?text WHERE { GRAPH <%s> { ?a <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?text } }"
                % graph_iri("chile-runoff"), check=True)
    texts = [row["text"] for row in json.loads(answer.stdout)]
    assert len(texts) == 1 and texts[0].startswith("Chilean President Gabriel Boric")
    assert store_graphs(store) == {graph_iri(slug) for slug in ARTICLES}


def test_jobs_give_the_same_graph(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    kg("extract", str(corpus), "--jobs", "1", "-o", str(tmp_path / "one.nq"), check=True)
    kg("extract", str(corpus), "--jobs", "2", "-o", str(tmp_path / "two.nq"), check=True)
    assert (tmp_path / "one.nq").read_bytes() == (tmp_path / "two.nq").read_bytes()


def test_single_article_output_is_byte_identical(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    article = corpus / "peru-emergency.txt"
    for name in ("a.ttl", "b.ttl"):
        kg("extract", str(article), "--date", "2025-11-28", "-o", str(tmp_path / name), check=True)
    data = (tmp_path / "a.ttl").read_bytes()
    assert data == (tmp_path / "b.ttl").read_bytes()
    assert b"2025-11-28" in data


# -- one node per real thing ---------------------------------------------------------------------

def test_same_person_and_country_is_one_node_in_two_graphs(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", {k: ARTICLES[k] for k in ("peru-emergency", "tacna-governor")})
    store = tmp_path / "store"
    kg("extract", str(corpus), "--store", str(store), check=True)
    query = (
        "SELECT ?thing (COUNT(DISTINCT ?g) AS ?graphs) WHERE { "
        "VALUES ?thing { <https://w3id.org/migration-kg/id/person/jose-jeri> <https://w3id.org/migration-kg/id/country/PE> } "
        "GRAPH ?g { ?thing a ?class } } GROUP BY ?thing ORDER BY ?thing"
    )
    rows = json.loads(kg("query", "--store", str(store), "--format", "json", query, check=True).stdout)
    assert {row["thing"].rsplit("/", 1)[-1]: row["graphs"] for row in rows} == {"PE": "2", "jose-jeri": "2"}
    # ... and one node: every label triple of the person is about the same IRI.
    names = json.loads(kg("query", "--store", str(store), "--format", "json",
                          "SELECT DISTINCT ?p WHERE { ?p a <https://schema.org/Person> ; "
                          "<https://schema.org/name> ?n FILTER(CONTAINS(?n, 'Jer')) }", check=True).stdout)
    assert [row["p"] for row in names] == ["https://w3id.org/migration-kg/id/person/jose-jeri"]


# -- Ctrl-C --------------------------------------------------------------------------------------

class _StubNlp:
    def __call__(self, text):
        return text

    def pipe(self, texts, batch_size=None):
        return iter(texts)


class _StubExtractor:
    """Stands in for the spaCy pipeline; presses Ctrl-C after the second article."""

    calls = 0

    def __init__(self, model=None):
        self.nlp = _StubNlp()

    def extract_doc(self, article, doc):
        from kg.extract.records import ArticleFacts

        type(self).calls += 1
        if type(self).calls == 2:
            os.kill(os.getpid(), signal.SIGINT)
        return ArticleFacts(article=article)


def test_interrupt_keeps_finished_articles_in_file(tmp_path, monkeypatch):
    import kg.extract.pipeline
    from kg.store.batch import run_batch
    from kg.graph.graphio import load_graph

    corpus = write_corpus(tmp_path / "corpus")
    monkeypatch.setattr(kg.extract.pipeline, "Extractor", _StubExtractor)
    _StubExtractor.calls = 0
    out = tmp_path / "out.trig"
    result = run_batch([corpus], out=out, jobs=1, chunk_size=1, progress=False)
    # Ctrl-C came during the second article: it is dropped at once (a long text would take
    # minutes to finish), the first is kept
    assert result.interrupted
    assert result.done == 1 and result.total == 3
    assert "stopped after 1 of 3 articles" in result.summary()
    names = {str(g.identifier) for g in load_graph(out).graphs() if len(g)}
    assert names == {graph_iri("chile-runoff")}


def test_ctrl_c_on_the_command_line(tmp_path):
    """On a terminal the batch shows a progress bar; Ctrl-C keeps the finished articles, exit 130."""
    from terminal import run_on_terminal

    corpus = tmp_path / "corpus"
    many = {f"{slug}-{n:03d}": text for n in range(150) for slug, text in ARTICLES.items()}
    write_corpus(corpus, many)
    store = tmp_path / "store"
    env = dict(os.environ, PYTHONPATH=str(ROOT), COLUMNS="120")
    code, err = run_on_terminal(  # stderr is a terminal: progress bar on
        [sys.executable, "-c", "from kg.cli import main; main()", "extract", str(corpus), "--jobs", "2", "--store", str(store)],
        env, cap=120, ctrl_c_after=3, of=len(many))
    assert "extracting" in err  # the progress bar
    assert code == 130, err[-2000:]
    assert "stopped after" in err
    kept = store_graphs(store)
    assert 0 < len(kept) < len(many)
    done = int(err.split("stopped after ")[1].split("extracted ")[1].split(" of ")[0])
    assert done == len(kept)


def test_no_progress_bar_without_a_terminal(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    proc = kg("extract", str(corpus), "--store", str(tmp_path / "store"), check=True)
    assert proc.stderr.strip().splitlines() == [f"extracted 3 of 3 articles into {tmp_path / 'store'} ({proc.stderr.split('(')[1].split(')')[0]})"]


def test_max_bytes_raises_the_size_limit(tmp_path):
    from kg.store.batch import run_batch

    text = "Officials in Quito said on Friday that the border would reopen. " * 20
    article = tmp_path / "long.txt"
    article.write_text(text)
    small = run_batch([article], out=tmp_path / "a.trig", max_bytes=100, published="2024-03-08")
    assert small.done == 0 and "over the limit of 100 bytes" in str(small.failures[0])
    large = run_batch([article], out=tmp_path / "b.trig", max_bytes=len(text) + 10, published="2024-03-08")
    assert large.done == 1


def test_store_writes_in_bulk_and_ends_with_a_small_load(tmp_path, monkeypatch):
    """Loads of a tenth of the corpus, then smaller ones, so little is left once workers finish."""
    from kg.store.batch import StoreSink
    from kg.store.store import GraphStore

    loads: list[int] = []
    bulk = GraphStore.add_new_graphs
    monkeypatch.setattr(GraphStore, "add_new_graphs", lambda self, graphs: (loads.append(len(graphs)), bulk(self, graphs)))
    sink = StoreSink(tmp_path / "store", total=100)
    for i in range(100):
        name = f"https://example.org/graph/{i}"
        sink.add(i, (name, f"<https://example.org/a{i}> <https://example.org/p> \"{i}\" .\n".encode(), 1))
    sink.close(100)
    assert loads == [20, 20, 20, 20, 10, 10]
    from kg.store.store import open_store

    store = open_store(tmp_path / "store", read_only=True)
    assert len(store.named_graphs()) == 100
    assert store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows == [["100"]]
