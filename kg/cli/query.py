"""``kg query``: SPARQL over a graph file."""
from __future__ import annotations

from pathlib import Path

import typer

from . import app


@app.command()
def query(
    graph: Path = typer.Argument(..., help="Graph file (.ttl .trig .nt .nq .jsonld)."),
    sparql: str = typer.Argument(..., help="A .rq file or the query text."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv or json."),
) -> None:
    """Answer a SPARQL SELECT or ASK query over GRAPH."""
    from ..graphio import load_graph
    from ..query import format_answer, print_table, read_query, run_query

    text = read_query(sparql)
    if fmt not in ("table", "csv", "json"):
        from ..errors import KgError

        raise KgError(f"unknown format {fmt!r}; use table, csv or json")
    answer = run_query(load_graph(graph), text)
    if fmt == "table":
        print_table(answer)
    else:
        typer.echo(format_answer(answer, fmt))
