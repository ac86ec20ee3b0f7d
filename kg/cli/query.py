"""``kg query``: SPARQL over a graph file or a graph store (no spaCy: starts fast)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import app


@app.command()
def query(
    source: str = typer.Argument(..., metavar="GRAPH", help="Graph file (.ttl .trig .nt .nq .jsonld); left out with --store."),
    sparql: Optional[str] = typer.Argument(None, metavar="QUERY", help="A .rq file or the query text."),
    store: Optional[Path] = typer.Option(None, "--store", help="Query this graph store folder instead of a graph file."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv or json."),
    allow_service: bool = typer.Option(False, "--allow-service", help="Let the query use SERVICE (it then sends requests to other servers); also KG_ALLOW_SERVICE=1."),
    bind: list[str] = typer.Option([], "--bind", "-b", help='Fix a variable of the query: --bind speaker="Ana Ruiz" (<IRI>, a number, or text); repeatable.'),
) -> None:
    """Answer a SPARQL SELECT or ASK query: kg query GRAPH QUERY, or kg query --store DIR QUERY. The default graph is the union of the articles' graphs."""
    from ..errors import KgError
    from ..store.query import bind_variables, format_answer, parse_binding, print_table, read_query

    if fmt not in ("table", "csv", "json"):
        raise KgError(f"unknown format {fmt!r}; use table, csv or json")
    if store is not None:
        if sparql is not None:
            raise KgError("with --store give only the query: kg query --store DIR QUERY")
        from ..store.store import open_store

        text = bind_variables(read_query(source), [parse_binding(b) for b in bind])
        answer = open_store(store, read_only=True).query(text, allow_service=allow_service or None)
    else:
        if sparql is None:
            raise KgError("give a graph file and a query (kg query GRAPH QUERY), or --store DIR QUERY")
        from ..graph.graphio import load_graph
        from ..store.query import run_query

        text = bind_variables(read_query(sparql), [parse_binding(b) for b in bind])
        answer = run_query(load_graph(Path(source)), text, allow_service=allow_service or None)
    if fmt == "table":
        print_table(answer)
    else:
        typer.echo(format_answer(answer, fmt))
