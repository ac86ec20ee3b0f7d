"""``kg visualize``/``stats``/``export`` and their library functions, without a browser.

Graphs are built by hand (:mod:`factories`, or hostile records below) and turned into RDF with
:func:`kg.graph.rdf.article_dataset`; the page is checked as text: self-contained, legible, escaped.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
import time
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

import factories
from kg.view.analytics import class_counts, curie, export_graph, local_name, top_actors, view_graph
from kg.errors import KgError
from kg.graph.graphio import save_graph
from kg.graph.rdf import add_article, article_dataset, new_dataset
from kg.extract.records import (
    Article,
    ArticleFacts,
    Entity,
    EventFact,
    Evidence,
    Kind,
    MeasureFact,
    OrientationFact,
    QuantityFact,
    QuoteFact,
    RoleFact,
    Span,
)
from kg.view.visualize import page_data, render_html, safe_json, write_html

ROOT = Path(__file__).resolve().parents[1]

# -- hostile input ---------------------------------------------------------------------------------
# Every payload sets window.__pwned or opens a dialog if it ever runs.
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
SVG = '<svg onload="window.__pwned=1">'
BREAKOUT = "</script><script>window.__pwned=1;alert(1)</script>"
PERSON = f'Eve {IMG} Mallory'
PLACE = f"{SVG}Town"
ORG = f"{BREAKOUT} Agency"
QUOTE = f"{SCRIPT} we close the border {{{{7*7}}}} \u2028 <!-- now"
TITLE = f"Border {SCRIPT} news <img src=x onerror=alert(1)>"
URL = 'javascript:window.__pwned=1//"><script>window.__pwned=1</script>'
SOURCE = "<svg onload=alert(1)>Wire"
HOSTILE_STRINGS = (PERSON, PLACE, ORG, QUOTE, TITLE, URL, SOURCE)
RAW_PAYLOADS = (SCRIPT, "<img src=x onerror", "<svg onload", "</script><script>", "<!-- now", "\u2028")

HOSTILE_SENTENCES = [
    f"{PERSON}, the minister of Chile, announced a state of emergency in {PLACE}.",
    f"\u201c{QUOTE},\u201d {PERSON} told {ORG}.",
    f"About 70 migrants <img src=x onerror=alert(1)> waited in {PLACE}, said {ORG}.",
]
HOSTILE_TEXT = " ".join(HOSTILE_SENTENCES)


def _span(needle: str, after: int = 0) -> Span:
    start = HOSTILE_TEXT.index(needle, after)
    return Span(start, start + len(needle), needle)


def _sentence(n: int) -> Span:
    return _span(HOSTILE_SENTENCES[n])


def hostile_facts() -> ArticleFacts:
    """An article whose text, title, URL, source, names and quotes are all script-injection payloads."""
    s = [_sentence(i) for i in range(3)]
    ents = {
        "person:eve": Entity("person:eve", Kind.PERSON, PERSON,
                             mentions=[_span(PERSON), _span(PERSON, s[1].start)], country="country:CL"),
        "country:CL": Entity("country:CL", Kind.COUNTRY, "Chile", mentions=[_span("Chile")], iso_code="CL"),
        "place:town": Entity("place:town", Kind.PLACE, PLACE, mentions=[_span(PLACE)], country="country:CL"),
        "organization:agency": Entity("organization:agency", Kind.ORGANIZATION, ORG, mentions=[_span(ORG)]),
    }
    facts = [
        RoleFact("person:eve", f"minister {SCRIPT}", "country:CL", "holds", Evidence(s[0], "role.appositive", 0.9)),
        MeasureFact("person:eve", f"state of {IMG}", f"emergency {SVG}", "announced", "country:CL",
                    Evidence(s[0], "measure.verb-object", 0.85)),
        EventFact(f"emergency {SCRIPT}", f"state of {SVG}", "place:town", "2025-11-28",
                  Evidence(s[0], "event.declaration", 0.8), actors=("person:eve",)),
        QuoteFact("person:eve", QUOTE, "organization:agency", "2025-11-28", True, Evidence(s[1], "quote.direct", 0.95)),
        QuantityFact(f"migrants {IMG}", 70, None, None, True, None, "place:town", None, "organization:agency",
                     Evidence(s[2], "number.count", 0.8)),
        OrientationFact("person:eve", f"{BREAKOUT} party", Evidence(s[0], "orientation.appositive", 0.7)),
    ]
    article = Article(slug="hostile", text=HOSTILE_TEXT, url=URL, title=TITLE, source=SOURCE, published="2025-11-28")
    return ArticleFacts(article=article, entities=ents, facts=facts)


# -- helpers ---------------------------------------------------------------------------------------
EXTERNAL_REF = re.compile(
    r"""\b(?:src|href|action|poster|srcset|xlink:href)\s*=\s*["']?\s*(?:https?:)?//"""
    r"""|url\(\s*["']?\s*(?:https?:)?//"""
    r"""|@import\s+(?:url\()?\s*["']?\s*(?:https?:)?//""",
    re.IGNORECASE,
)


def json_block(html: str, block_id: str):
    match = re.search(rf'<script type="application/json" id="{block_id}">(.*?)</script>', html, re.S)
    assert match, f"no {block_id} block"
    return json.loads(match.group(1))


def example_html(tmp_path: Path, facts: ArticleFacts | None = None, **kw) -> str:
    out = tmp_path / "graph.html"
    write_html(article_dataset(facts or factories.article_facts()), out, **kw)
    return out.read_text(encoding="utf-8")


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_visualize", ROOT / "benchmarks" / "bench_visualize.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_visualize", module)
    spec.loader.exec_module(module)
    return module


# -- self-contained ----------------------------------------------------------------------------------
def test_page_is_self_contained(tmp_path):
    html = example_html(tmp_path)
    assert EXTERNAL_REF.findall(html) == []
    lowered = html.lower()
    for needle in ("<link", "<script src", "<iframe", "cdnjs", "jsdelivr", "bootstrap", "unpkg", "sourcemappingurl"):
        assert needle not in lowered, needle
    assert "vis-network" in html and "Network=" in html  # vis-network itself is inlined
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def test_write_html_accepts_a_plain_graph_and_a_file(tmp_path):
    ds = article_dataset(factories.article_facts())
    union = Graph()
    for triple in ds.triples((None, None, None)):
        union.add(triple)
    assert view_graph(union).graph.number_of_nodes() == view_graph(ds).graph.number_of_nodes() == 27
    trig = tmp_path / "g.trig"
    save_graph(ds, trig)
    write_html(trig, tmp_path / "from-file.html")
    nodes = json_block((tmp_path / "from-file.html").read_text(encoding="utf-8"), "kg-nodes")
    assert len(nodes) == 27


def test_bad_output_path(tmp_path):
    with pytest.raises(KgError, match="is a folder"):
        write_html(article_dataset(factories.article_facts()), tmp_path)


# -- legible ---------------------------------------------------------------------------------------
def test_nodes_are_entities_and_facts_labelled_by_rdfs_label(tmp_path):
    facts = factories.article_facts()
    html = example_html(tmp_path)
    nodes, info = json_block(html, "kg-nodes"), json_block(html, "kg-info")
    assert len(nodes) == len(facts.entities) + len(facts.facts) == 27
    labels = {n["l"] for n in info["nodes"]}
    assert {e.name for e in facts.entities.values()} <= labels
    assert "We will not let the border collapse" in labels
    for node in nodes:
        assert "://" not in node["label"] and not node["label"].startswith(("id:", "http"))
        assert node["shape"] and node["color"].startswith("#")
    # articles, text spans and type concepts are details, not nodes
    iris = set(view_graph(article_dataset(facts)).graph.nodes)
    assert not [i for i in iris if re.search(r"/article/|#char=|/event-type/|/measure-type/", i)]
    assert factories.TITLE not in labels and not labels & set(factories.SENTENCES)
    # a legend entry per class, with counts that add up
    assert sum(c["count"] for c in info["classes"]) == 27
    assert {"Person", "Country", "Quotation", "Election", "Role assignment"} <= {c["label"] for c in info["classes"]}


def test_edges_are_labelled_by_property_label(tmp_path):
    html = example_html(tmp_path)
    edges = json_block(html, "kg-edges")
    labels = {e["label"] for e in edges}
    assert {"holder", "creator", "candidate", "medium", "origin", "destination"} <= labels
    assert all("://" not in label for label in labels)
    # holds role (the inverse of holder) is not drawn twice
    assert "holds role" not in labels


def test_literals_and_concepts_are_details(tmp_path):
    info = json_block(example_html(tmp_path), "kg-info")
    by_label = {n["l"]: n for n in info["nodes"]}
    quote = dict(map(tuple, by_label["We will not let the border collapse"]["d"]))
    assert quote["text"] == "We will not let the border collapse"
    assert quote["date created"] == "2025-03-03"
    assert quote["direct"] == "yes"
    election = dict(map(tuple, by_label["election of June 2025"]["d"]))
    assert election["event type"] == "election" and election["date"] == "2025-06"
    waiting = dict(map(tuple, by_label["Hondurans waiting"]["d"]))
    assert waiting["value"] == "1200"
    mexico = dict(map(tuple, by_label["Mexico"]["d"]))
    assert mexico["same as"] == "wd:Q96" and mexico["country code"] == "MX"


def test_sources_sentences_and_article(tmp_path):
    info = json_block(example_html(tmp_path), "kg-info")
    by_label = {n["l"]: n for n in info["nodes"]}
    sentences = info["sentences"]
    quote = by_label["We will not let the border collapse"]
    assert [sentences[i][1] for i, _ in quote["s"]] == [factories.SENTENCES[1]]
    span = factories.sentence(1)
    assert sentences[quote["s"][0][0]][2:] == [span.start, span.end]  # offsets in the article
    # an entity's sources are the sentences of its mentions, with the mention marked
    ana = by_label["Ana Beltrán"]
    texts = {sentences[i][1]: marks for i, marks in ana["s"]}
    assert set(texts) == {factories.SENTENCES[0], factories.SENTENCES[1]}
    start, end = texts[factories.SENTENCES[0]][0]
    assert factories.SENTENCES[0][start:end] == "Ana Beltrán"
    article = info["articles"][sentences[quote["s"][0][0]][0]]
    assert article == {"title": factories.TITLE, "source": factories.SOURCE, "date": factories.PUBLISHED,
                       "url": factories.URL}
    # an edge from a fact carries the fact's sentence
    edges = json_block(example_html(tmp_path), "kg-edges")
    holder = next(i for i, e in enumerate(edges) if e["label"] == "holder")
    assert info["edges"][holder]["s"]


def test_unlabelled_country_reference_gets_a_name():
    facts = factories.article_facts()
    facts.entities["person:julio-rios"].country = "country:CL"  # CL is not among the entities
    view = view_graph(article_dataset(facts))
    node = view.graph.nodes["https://w3id.org/migration-kg/id/country/CL"]
    assert node["label"] == "Chile"
    assert view.classes[node["cls"]].label == "Country"


def test_corpus_merges_shared_entities():
    ds = new_dataset()
    add_article(ds, factories.article_facts())
    second = factories.article_facts()
    second.article.slug = "second-article"
    second.article.title = "A second article"
    add_article(ds, second)
    view = view_graph(ds)
    mexico = view.graph.nodes["https://w3id.org/migration-kg/id/country/MX"]
    assert len(mexico["articles"]) == 2
    assert {view.sentences[i][0] for i, _ in mexico["sources"]} == {0, 1}
    assert view.graph.number_of_nodes() == 17 + 2 * 10  # entities once, facts per article
    assert render_html(ds).count('"title":"A second article"') == 1


def test_empty_graph(tmp_path):
    out = write_html(new_dataset(), tmp_path / "empty.html", title="Nothing")
    html = out.read_text(encoding="utf-8")
    assert json_block(html, "kg-nodes") == [] and "<title>Nothing</title>" in html


def test_layout_is_precomputed_and_physics_off(tmp_path):
    html = example_html(tmp_path)
    options = json_block(html, "kg-options")
    assert options["physics"]["enabled"] is False
    assert options["layout"]["improvedLayout"] is False
    nodes = json_block(html, "kg-nodes")
    positions = {(n["x"], n["y"]) for n in nodes}
    assert len(positions) == len(nodes)  # every node placed, none on top of another
    assert html == example_html(tmp_path)  # deterministic


def test_node_size_follows_centrality():
    view = view_graph(article_dataset(factories.article_facts()))
    sizes = {n["label"]: n["size"] for n in page_data(view, size_by="degree")["nodes"]}
    assert sizes["Mexico"] > sizes["Tapachula"]
    between = {n["label"]: n["size"] for n in page_data(view, size_by="betweenness")["nodes"]}
    assert between["Mexico"] == max(between.values())
    with pytest.raises(KgError):
        render_html(view, size_by="pagerank")


# -- safe ------------------------------------------------------------------------------------------
def test_safe_json_escapes_what_could_end_a_script():
    text = safe_json({"k": "</script><!-- & \u2028\u2029 >"})
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in text
    assert json.loads(text) == {"k": "</script><!-- & \u2028\u2029 >"}


def test_hostile_strings_are_data_not_markup(tmp_path):
    html = example_html(tmp_path, hostile_facts())
    for payload in RAW_PAYLOADS:
        assert payload not in html, payload
    # no script element but the page's own (vis-network, four JSON blocks, the app; vis-network's
    # code also holds one "<script>" string): as many as in a page of a harmless article
    benign = example_html(tmp_path)
    for tag in (r"<script\b", r"</script", r"<img\b", r"<svg\b", r"<!--"):
        assert len(re.findall(tag, html, re.I)) == len(re.findall(tag, benign, re.I)), tag
    assert "{{" not in html.split('<script type="application/json"')[0]
    # the title is escaped where it appears as markup
    assert "<title>Border &lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    # ... and every hostile string survives intact as data, to be shown as text
    info = json_block(html, "kg-info")
    blob = json.dumps(info, ensure_ascii=False)
    for value in HOSTILE_STRINGS:
        assert json.dumps(value, ensure_ascii=False)[1:-1] in blob, value
    assert info["title"] == TITLE
    assert info["articles"][0]["url"] == URL
    assert any(QUOTE in row for n in info["nodes"] for row in n["d"])
    nodes = json_block(html, "kg-nodes")
    assert any(PERSON in n["title"] for n in nodes)  # tooltips are plain strings
    assert EXTERNAL_REF.findall(html.replace(URL, "")) == []


def test_app_script_never_uses_html_sinks():
    source = (ROOT / "kg" / "view" / "templates" / "kg_network.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                 "setAttribute(\"on", ".href"):
        assert sink not in source, sink


# -- scale -----------------------------------------------------------------------------------------
def test_2000_nodes_5000_edges_write_in_under_5_seconds(tmp_path):
    bench = load_bench()
    ds = bench.synthetic_dataset(2000)
    start = time.perf_counter()
    write_html(ds, tmp_path / "big.html")
    seconds = time.perf_counter() - start
    nodes = json_block((tmp_path / "big.html").read_text(encoding="utf-8"), "kg-nodes")
    edges = json_block((tmp_path / "big.html").read_text(encoding="utf-8"), "kg-edges")
    assert len(nodes) >= 2000 and len(edges) >= 5000
    assert seconds < 5.0, f"write_html took {seconds:.2f} s"


# -- analytics, stats, export ----------------------------------------------------------------------------
def test_local_names_and_curies():
    assert local_name("http://semanticweb.cs.vu.nl/2009/11/sem/hasTimeStamp") == "has time stamp"
    assert local_name("https://w3id.org/migration-kg/ontology#holder") == "holder"
    assert curie("http://www.wikidata.org/entity/Q96") == "wd:Q96"


def test_class_counts_and_top_actors():
    view = view_graph(article_dataset(factories.article_facts()))
    counts = {label: n for label, n, _ in class_counts(view)}
    assert counts["Country"] == 4 and counts["Person"] == 3 and counts["Numeric fact"] == 2
    top = top_actors(view, 3)
    assert top[0]["label"] == "Mexico" and len(top) == 3
    assert all(row["class"] in {"Person", "Country", "Organization", "Government organization", "Armed forces",
                                "Media outlet", "Migrant group"} for row in top_actors(view, 50))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export(tmp_path, fmt):
    view = view_graph(article_dataset(hostile_facts()))
    out = tmp_path / f"g.{fmt}"
    export_graph(view, out)
    g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert g.number_of_nodes() == view.graph.number_of_nodes()
    assert g.number_of_edges() == view.graph.number_of_edges()
    labels = {d["label"] for _, d in g.nodes(data=True)}
    assert PERSON in labels  # XML-escaped on the way out, intact on the way back
    with pytest.raises(KgError, match="unknown export format"):
        export_graph(view, tmp_path / "g.csv")


def run_kg(monkeypatch, capsys, *args) -> tuple[int, str, str]:
    from kg.cli import main

    monkeypatch.setattr(sys, "argv", ["kg", *args])
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_visualize_stats_export(tmp_path, monkeypatch, capsys):
    graph = tmp_path / "g.trig"
    save_graph(article_dataset(factories.article_facts()), graph)

    code, out, err = run_kg(monkeypatch, capsys, "visualize", str(graph), "-o", str(tmp_path / "g.html"))
    assert code == 0, err
    assert "27 nodes" in out and (tmp_path / "g.html").exists()

    code, out, err = run_kg(monkeypatch, capsys, "stats", str(graph), "--top", "3")
    assert code == 0, err
    assert "Country" in out and "Mexico" in out and "Most central actors" in out

    code, out, err = run_kg(monkeypatch, capsys, "export", str(graph), "--format", "gexf", "-o", str(tmp_path / "g.gexf"))
    assert code == 0, err
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == 27


def test_cli_errors_are_one_line(tmp_path, monkeypatch, capsys):
    graph = tmp_path / "g.trig"
    save_graph(article_dataset(factories.article_facts()), graph)
    for args in (["visualize", str(tmp_path / "missing.trig")],
                 ["visualize", str(graph), "--size-by", "pagerank"],
                 ["export", str(graph), "--format", "csv", "-o", str(tmp_path / "x.csv")],
                 ["export", str(graph), "-o", str(tmp_path / "x.txt")]):
        code, out, err = run_kg(monkeypatch, capsys, *args)
        assert code == 1, args
        assert err.startswith("error: ") and err.count("\n") == 1, err


def test_stats_does_not_read_names_as_markup(tmp_path, monkeypatch, capsys):
    facts = hostile_facts()
    facts.entities["person:eve"].name = "[bold red]Eve[/] [/nope]"
    graph = tmp_path / "h.trig"
    save_graph(article_dataset(facts), graph)
    monkeypatch.setenv("COLUMNS", "200")
    code, out, err = run_kg(monkeypatch, capsys, "stats", str(graph))
    assert code == 0, err
    assert "[bold red]Eve[/]" in out


def test_corpus_layout_gathers_each_articles_own_nodes():
    """An article's own nodes (its facts, entities no other article mentions) lie closer together
    with the article grouping than without; shared entities belong to no group; one article has none."""
    import numpy as np

    from kg.view.analytics import layout
    from kg.view.visualize import article_groups

    ds = new_dataset()
    add_article(ds, factories.article_facts())
    second = factories.article_facts()
    second.article.slug = "second-article"
    add_article(ds, second)
    two = view_graph(ds)
    assert "https://w3id.org/migration-kg/id/country/MX" not in article_groups(two)
    assert article_groups(view_graph(article_dataset(factories.article_facts()))) is None

    view = view_graph(load_bench().synthetic_dataset(300))
    groups = article_groups(view)
    assert len(set(groups.values())) == len(view.articles) > 10
    assert all(len(view.graph.nodes[n]["articles"]) == 1 for n in groups)

    def own_spread(positions) -> float:
        """Mean distance of a node to its article's centre, relative to the whole drawing's spread."""
        centre = {k: np.mean([positions[n] for n, g in groups.items() if g == k], axis=0) for k in set(groups.values())}
        own = np.mean([np.linalg.norm(np.subtract(positions[n], centre[g])) for n, g in groups.items()])
        pts = np.array(list(positions.values()))
        return float(own / np.mean(np.linalg.norm(pts - pts.mean(axis=0), axis=1)))

    grouped = layout(view.graph, groups=groups)
    assert set(grouped) == set(view.graph.nodes)  # the anchors are not drawn
    assert own_spread(grouped) < 0.8 * own_spread(layout(view.graph))
