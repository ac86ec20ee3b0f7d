"""``kg export``: the entity-and-fact graph as GraphML or GEXF, for Gephi and other graph tools."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import app


@app.command()
def export(
    graph: Optional[Path] = typer.Argument(None, help="Graph file (.ttl .trig .nt .nq .jsonld); left out with --store."),
    store: Optional[Path] = typer.Option(None, "--store", help="Read this graph store folder instead of a graph file."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="graphml or gexf (default: from -o's extension)."),
    out: Path = typer.Option(..., "-o", "--out", help="File to write."),
) -> None:
    """Write GRAPH's entities and facts (labels, classes, degree, betweenness; GEXF also colours and positions)."""
    from ..view.analytics import EXPORT_FORMATS, export_graph, view_graph
    from ..errors import KgError
    from ..graph.sources import read_graph

    chosen = (fmt or out.suffix.lstrip(".")).lower()
    if chosen not in EXPORT_FORMATS:
        raise KgError(f"unknown export format {chosen or '(none)'!r}; use --format graphml or gexf")
    view = view_graph(read_graph(graph, store))
    written = export_graph(view, out, chosen)
    typer.echo(f"wrote {out} ({written.number_of_nodes()} nodes, {written.number_of_edges()} edges, {chosen})")
