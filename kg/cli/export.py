"""``kg export``: the entity-and-fact graph as GraphML or GEXF, for Gephi and other graph tools."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import app


@app.command()
def export(
    graph: Path = typer.Argument(..., help="Graph file (.ttl .trig .nt .nq .jsonld)."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="graphml or gexf (default: from -o's extension)."),
    out: Path = typer.Option(..., "-o", "--out", help="File to write."),
) -> None:
    """Write GRAPH's entities and facts (labels, classes, degree, betweenness; GEXF also colours and positions)."""
    from ..analytics import EXPORT_FORMATS, export_graph, view_graph
    from ..errors import KgError
    from ..graphio import load_graph

    chosen = (fmt or out.suffix.lstrip(".")).lower()
    if chosen not in EXPORT_FORMATS:
        raise KgError(f"unknown export format {chosen or '(none)'!r}; use --format graphml or gexf")
    view = view_graph(load_graph(graph))
    written = export_graph(view, out, chosen)
    typer.echo(f"wrote {out} ({written.number_of_nodes()} nodes, {written.number_of_edges()} edges, {chosen})")
