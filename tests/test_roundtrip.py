"""Strings that stress serialisers round-trip unchanged through every graph format kg writes, and
JSON-LD never involves a remote context (neither written nor fetched)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDFS, XSD

from kg.store import netguard
from kg.extract.articles import article_from_text
from kg.errors import GraphFileError
from kg.graph.graphio import FORMATS, load_graph, save_graph
from kg.graph.rdf import article_dataset
from kg.extract.records import ArticleFacts
from kg.graph.vocab import NIF, SCHEMA

STRESS = {
    "quotes": 'He said "no" and \'yes\' and """triple""" and \'\'\'single\'\'\' "',
    "backslashes": r"C:\path\to\file \" \\ \n \u0041 \U0001F600 \t end\\",
    "newlines": "line one\nline two\r\nline three\rfour\n\n\tindented\n",
    "script": '<script>alert("x")</script><b>bold</b> &amp; &lt;tag&gt; ]]> <!-- c -->',
    "long token": "x" * 100_000,
    "long words": " ".join(["Chacalluta"] * 5000),
    "right-to-left": "שלום עולם — مرحبا بالعالم — \u202ereversed\u202c \u200fmark",
    "emoji": "Border 🇵🇪🇨🇱 crossing 👨‍👩‍👧‍👦 🏳️‍🌈 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "zero-width": "zero\u200bwidth\u200cjoiner\u200dand\ufeffbom\u2060word\u00adsoft",
    "accents": "José Jerí, Perú, São Paulo, Zürich, Ærøskøbing, Łódź, ñandú, NFD: Jose\u0301",
    "control": "bell\x07 escape\x1b[31m form\x0c vertical\x0b delete\x7f nul-free",
    "unicode escapes": "\\u00e9 looks like an escape but is six characters",
    "whitespace only": " \t ",
    "turtle syntax": '@prefix x: <y> . <a> <b> "c" . } { GRAPH',
    "json syntax": '{"@context": "https://schema.org/", "@id": "x"} [1, 2]',
    "surrogate-free astral": "\U0010fffd\U000e0001",
}

FILE_FORMATS = sorted(set(FORMATS) - {".json"})  # .json is JSON-LD too


def _dataset() -> Dataset:
    """Every stress string as plain, language-tagged and xsd:string literals in two named graphs,
    and as an article (text, title, URL) through kg.graph.rdf."""
    ds = Dataset(default_union=True)
    for i, (name, text) in enumerate(sorted(STRESS.items())):
        g = ds.graph(URIRef(f"https://w3id.org/migration-kg/id/graph/g{i % 2}"))
        s = URIRef(f"https://w3id.org/migration-kg/id/thing/t{i}")
        g.add((s, RDFS.label, Literal(text)))
        g.add((s, RDFS.comment, Literal(text, lang="es")))
        g.add((s, SCHEMA.text, Literal(text, datatype=XSD.string)))
        g.add((s, SCHEMA.name, Literal(name)))
    article = article_from_text(
        "\n".join(STRESS.values()), slug="stress", title=STRESS["quotes"] + STRESS["emoji"],
        url="https://example.org/a?q=\"x\"&b=<c>", published="2025-11-28",
    )
    for s, p, o, c in article_dataset(ArticleFacts(article)).quads((None, None, None, None)):
        ds.graph(c).add((s, p, o))
    return ds


def _triples(ds: Dataset) -> set:
    return set(ds.triples((None, None, None)))


def _quads(ds: Dataset) -> set:
    return {(s, p, o, c.identifier if hasattr(c, "identifier") else c) for s, p, o, c in ds.quads((None, None, None, None))}


@pytest.fixture(scope="module")
def stress() -> Dataset:
    return _dataset()


@pytest.mark.parametrize("suffix", FILE_FORMATS)
def test_stress_strings_round_trip(tmp_path: Path, stress: Dataset, suffix: str):
    path = tmp_path / f"graph{suffix}"
    save_graph(stress, path)
    back = load_graph(path)
    assert _triples(back) == _triples(stress)
    if suffix in (".trig", ".nq", ".jsonld"):  # formats with named graphs keep them
        assert _quads(back) == _quads(stress)
    for name, text in STRESS.items():
        assert Literal(text) in set(back.objects(None, RDFS.label)), name


@pytest.mark.parametrize("suffix", FILE_FORMATS)
def test_article_text_round_trips_exactly(tmp_path: Path, stress: Dataset, suffix: str):
    path = tmp_path / f"graph{suffix}"
    save_graph(stress, path)
    [text] = set(load_graph(path).objects(None, NIF.isString))
    assert str(text) == "\n".join(STRESS.values())


def test_ntriples_output_is_one_statement_per_line(tmp_path: Path, stress: Dataset):
    """N-Triples has no long strings: a newline in a literal must be written as \\n."""
    path = tmp_path / "graph.nt"
    save_graph(stress, path)
    lines = path.read_text(encoding="utf-8").split("\n")[:-1]  # only \n ends a statement
    assert len(lines) == len(_triples(stress))
    assert all(line.endswith(" .") for line in lines)
    assert '"""' not in path.read_text(encoding="utf-8")


def test_serialisation_is_deterministic(tmp_path: Path):
    for suffix in FILE_FORMATS:
        a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
        save_graph(_dataset(), a)
        save_graph(_dataset(), b)
        if suffix in (".nt", ".nq"):
            assert a.read_bytes() == b.read_bytes(), suffix


# -- JSON-LD and remote contexts -------------------------------------------------------------------

def _context_values(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "@context":
                yield value
            yield from _context_values(value)
    elif isinstance(node, list):
        for item in node:
            yield from _context_values(item)


def test_jsonld_written_without_any_context(tmp_path: Path, stress: Dataset):
    path = tmp_path / "graph.jsonld"
    save_graph(stress, path)
    assert list(_context_values(json.loads(path.read_text(encoding="utf-8")))) == []


def test_jsonld_round_trip_touches_no_network(tmp_path: Path, stress: Dataset):
    path = tmp_path / "graph.jsonld"
    before = len(netguard.ATTEMPTS)
    with netguard.blocked():
        save_graph(stress, path)
        assert _quads(load_graph(path)) == _quads(stress)
    assert len(netguard.ATTEMPTS) == before


REMOTE_CONTEXTS = {
    "top-level": {"@context": "https://schema.org/", "@id": "https://example.org/a", "name": "A"},
    "in a list": {"@context": [{"ex": "https://example.org/"}, "http://example.org/ctx.jsonld"], "@id": "ex:a"},
    "nested node": {"@id": "https://example.org/a", "https://example.org/p": {"@context": "https://x.example/c", "@id": "https://example.org/b"}},
    "@import": {"@context": {"@version": 1.1, "@import": "https://example.org/ctx.jsonld"}, "@id": "https://example.org/a"},
    "ftp": {"@context": "ftp://example.org/ctx.jsonld", "@id": "https://example.org/a"},
}


@pytest.mark.parametrize("case", sorted(REMOTE_CONTEXTS))
def test_jsonld_remote_context_is_refused_without_fetching(tmp_path: Path, case: str):
    path = tmp_path / "remote.jsonld"
    path.write_text(json.dumps(REMOTE_CONTEXTS[case]), encoding="utf-8")
    before = len(netguard.ATTEMPTS)
    with netguard.blocked():
        with pytest.raises(GraphFileError) as info:
            load_graph(path)
    assert len(netguard.ATTEMPTS) == before, netguard.ATTEMPTS[before:]
    message = str(info.value)
    assert message.startswith(f"{path}: the JSON-LD @context ")
    assert "is remote and kg never fetches from the network; replace it with the context itself" in message


def test_jsonld_inline_context_is_fine(tmp_path: Path):
    path = tmp_path / "inline.jsonld"
    path.write_text(json.dumps({
        "@context": {"schema": "https://schema.org/", "name": "schema:name"},
        "@id": "https://example.org/a", "name": "José \"quoted\" <script>",
    }), encoding="utf-8")
    with netguard.blocked():
        ds = load_graph(path)
    assert set(ds.objects(URIRef("https://example.org/a"), SCHEMA.name)) == {Literal('José "quoted" <script>')}


def test_jsonld_missing_local_context_file(tmp_path: Path):
    path = tmp_path / "local.jsonld"
    path.write_text(json.dumps({"@context": [{"@base": "https://example.org/"}, "ctx.jsonld"], "@id": "a"}))
    with netguard.blocked(), pytest.raises(GraphFileError) as info:
        load_graph(path)
    assert str(info.value).startswith(f"{path}: does not parse as JSON-LD: [Errno 2] No such file or directory")


def test_jsonld_local_context_file_is_fine(tmp_path: Path):
    (tmp_path / "ctx.jsonld").write_text(json.dumps({"@context": {"name": "https://schema.org/name"}}))
    path = tmp_path / "local.jsonld"
    path.write_text(json.dumps({"@context": "ctx.jsonld", "@id": "https://example.org/a", "name": "A"}))
    with netguard.blocked():
        ds = load_graph(path)
    assert set(ds.objects(URIRef("https://example.org/a"), SCHEMA.name)) == {Literal("A")}
