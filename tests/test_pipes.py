"""Output for pipes: when standard output is not a terminal, tables and reports are never
wrapped, so IRIs and URLs reach the next program whole (regression: they were cut at 80 columns)."""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from factories import article_facts

from kg.graph.graphio import save_graph
from kg.graph.rdf import article_dataset

ROOT = Path(__file__).resolve().parents[1]
LONG_URL = "https://news.example.org/" + "/".join(f"section-{n}" for n in range(25)) + "/story.html?ref=a-very-long-query"
LONG_TITLE = "Officials at the border say " + ", ".join(f"crossing number {n} stays closed" for n in range(12))


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    facts = article_facts()
    facts.article = replace(facts.article, url=LONG_URL, title=LONG_TITLE)
    path = tmp_path_factory.mktemp("pipes") / "g.trig"
    save_graph(article_dataset(facts), path)
    return path


def run_kg(*args) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "80"}
    result = subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", *map(str, args)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_query_table_keeps_long_values_on_one_line(graph):
    out = run_kg("query", graph, "SELECT ?url WHERE { ?a schema:url ?url }")
    assert any(LONG_URL in line for line in out.splitlines()), out


def test_explain_keeps_iris_whole_and_headings_short(graph):
    facts = article_facts()
    person = next(e for e in facts.entities.values() if e.kind.value == "person")
    out = run_kg("explain", graph, person.name)
    lines = out.splitlines()
    assert any(line.strip().startswith("https://w3id.org/migration-kg/id/person/") for line in lines)
    assert any(LONG_TITLE in line for line in lines), out  # the article it came from, uncut
    assert max(len(line) for line in lines if set(line) & set("─")) <= 100
