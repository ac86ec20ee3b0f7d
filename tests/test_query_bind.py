"""Saved queries are reusable as they are: --bind fixes a variable (a VALUES block at the start of
the WHERE clause, so the query's FILTERs see it), on a graph file and on a store alike."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from factories import article_facts

from kg.errors import QueryError
from kg.graph.graphio import save_graph
from kg.store.query import bind_variables, parse_binding, run_query
from kg.graph.rdf import article_dataset

ROOT = Path(__file__).resolve().parents[1]
BY_SPEAKER = ROOT / "examples" / "queries" / "quotes-by-speaker.rq"


def speakers(answer) -> set[str]:
    return {row["speaker"] for row in answer}


def test_bound_name_selects_one_speaker_and_unbound_gives_all():
    ds = article_dataset(article_facts())
    text = BY_SPEAKER.read_text(encoding="utf-8")
    everyone = speakers(run_query(ds, text))
    assert len(everyone) >= 1
    one = sorted(everyone)[0]
    surname = one.split()[-1].upper()  # any part of the name, any case
    assert speakers(run_query(ds, bind_variables(text, [parse_binding(f"name={surname}")]))) == {one}
    assert speakers(run_query(ds, bind_variables(text, [parse_binding("name=Nobody Of That Name")]))) == set()


def test_binding_an_iri_and_a_number():
    ds = article_dataset(article_facts())
    country = next(k for k in article_facts().entities if k.startswith("country:"))
    iri = f"<https://w3id.org/migration-kg/id/{country.replace(':', '/')}>"
    query = "SELECT ?label ?n WHERE { ?c rdfs:label ?label . BIND(?n + 1 AS ?m) }"
    rows = run_query(ds, "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                     + bind_variables(query, [parse_binding(f"c={iri}"), parse_binding("n=41")])).rows
    assert rows and all(n == "41" for _, n in rows)


def test_strings_are_escaped_and_braces_in_strings_are_not_the_where_clause():
    text = 'SELECT ?x WHERE { ?s ?p ?x FILTER(?x != "{") }'
    bound = bind_variables(text, [parse_binding('x=say "hi" \\ now')])
    assert bound.startswith('SELECT ?x WHERE { VALUES ?x { "say \\"hi\\" \\\\ now" } ')
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    assert bind_variables(construct, [parse_binding("o=1")]).startswith("CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?o { 1 }")


@pytest.mark.parametrize("spec, says", [("name", "write it as NAME=VALUE"), ("1x=3", "write it as NAME=VALUE")])
def test_bad_binding(spec, says):
    with pytest.raises(QueryError, match=says):
        parse_binding(spec)


def test_unknown_variable_is_refused():
    with pytest.raises(QueryError, match=r"the query has no variable \?nom"):
        bind_variables(BY_SPEAKER.read_text(encoding="utf-8"), [parse_binding("nom=x")])


def test_command_line_on_file_and_store(tmp_path):
    facts = article_facts()
    save_graph(article_dataset(facts), tmp_path / "g.trig")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def kg(*args):
        result = subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", *map(str, args)],
                                cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
        assert result.returncode == 0, result.stderr
        return result.stdout

    kg("load", "g.trig", "--store", "S")
    everyone = kg("query", "g.trig", BY_SPEAKER, "-f", "csv").splitlines()[1:]
    name = everyone[0].split(",")[0]
    for source in (["g.trig", BY_SPEAKER], ["--store", "S", BY_SPEAKER]):
        out = kg("query", *source, "--bind", f"name={name.split()[-1]}", "-f", "csv")
        assert {line.split(",")[0] for line in out.splitlines()[1:] if "," in line} == {name}
