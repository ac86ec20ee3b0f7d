"""Stores are first-class: every command that reads a graph takes --store, kg dump writes a store
back to a file, and the counts say quads or distinct triples consistently."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from factories import article_facts
from rdflib.compare import isomorphic

from kg.graph.graphio import load_graph, save_graph
from kg.graph.rdf import article_dataset

ROOT = Path(__file__).resolve().parents[1]


def run_kg(*args, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", *map(str, args)],
                          cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("stores")
    save_graph(article_dataset(article_facts()), work / "g.trig")
    ok(run_kg("load", "g.trig", "--store", "S", cwd=work))
    return work


def test_stats_of_file_and_store_agree(work):
    from_file, from_store = ok(run_kg("stats", "g.trig", cwd=work)), ok(run_kg("stats", "--store", "S", cwd=work))
    first = from_file.splitlines()[0]
    assert first == from_store.splitlines()[0]
    quads = sum(len(g) for g in load_graph(work / "g.trig").graphs())
    assert re.match(rf"{quads} quads \(\d+ distinct triples\), 1 articles", first), first


def test_validate_store_conforms_like_its_file(work):
    """Oxigraph keeps NIF offsets as xsd:integer; read back they are xsd:nonNegativeInteger again."""
    assert ok(run_kg("validate", "--store", "S", cwd=work)).startswith("Graph conforms: 0 violations")


def test_explain_export_visualize_take_a_store(work):
    person = next(e.name for e in article_facts().entities.values() if e.kind.value == "person")
    assert "https://w3id.org/migration-kg/id/person/" in ok(run_kg("explain", "--store", "S", person, cwd=work))
    ok(run_kg("export", "--store", "S", "-o", "g.graphml", cwd=work))
    assert "<graphml" in (work / "g.graphml").read_text()[:200]
    assert "wrote S.html" in ok(run_kg("visualize", "--store", "S", cwd=work))
    assert (work / "S.html").stat().st_size > 1000


def test_dump_gives_the_store_back_as_a_file(work):
    said = ok(run_kg("dump", "--store", "S", "-o", "back.trig", cwd=work))
    assert "wrote back.trig: 1 article graphs" in said
    original, back = load_graph(work / "g.trig"), load_graph(work / "back.trig")
    for graph in original.graphs():
        if len(graph):
            assert isomorphic(graph, back.graph(graph.identifier))
    again = run_kg("dump", "--store", "S", "-o", "back.trig", cwd=work)
    assert again.returncode == 1
    assert again.stderr.strip() == "error: back.trig: already exists; give another -o FILE, or --force to replace it"


@pytest.mark.parametrize("command", [["stats"], ["validate"], ["export", "-o", "x.gexf"], ["visualize"]])
def test_graph_or_store_one_of_them(work, command):
    result = run_kg(*command, "g.trig", "--store", "S", cwd=work)
    assert result.returncode == 1
    assert result.stderr.strip() == "error: give a graph file or --store DIR (one of them)"
