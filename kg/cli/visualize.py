"""``kg visualize``: one self-contained interactive HTML page for a graph file."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import app


@app.command()
def visualize(
    graph: Optional[Path] = typer.Argument(None, help="Graph file (.ttl .trig .nt .nq .jsonld): one article or a corpus; left out with --store."),
    store: Optional[Path] = typer.Option(None, "--store", help="Read this graph store folder instead of a graph file."),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help="HTML file to write (default: GRAPH, or the store's folder name, with .html)."),
    title: Optional[str] = typer.Option(None, "--title", help="Page title (default: the article's title)."),
    size_by: str = typer.Option("degree", "--size-by", help="Node size by degree or betweenness centrality."),
) -> None:
    """Write GRAPH as an interactive page that works offline: search, class filter, details, sources."""
    from ..view.analytics import CENTRALITY_MEASURES, view_graph
    from ..errors import KgError
    from ..graph.sources import read_graph
    from ..view.visualize import write_html

    if size_by not in CENTRALITY_MEASURES:
        raise KgError(f"unknown --size-by {size_by!r}; use {' or '.join(CENTRALITY_MEASURES)}")
    out = out or (Path(graph).with_suffix(".html") if graph is not None else Path(f"{Path(store or 'graph').name}.html"))
    if out.suffix.lower() not in (".html", ".htm"):
        raise KgError(f"{out}: the page must be an .html file")
    view = view_graph(read_graph(graph, store))
    write_html(view, out, title=title, size_by=size_by)
    g = view.graph
    typer.echo(f"wrote {out} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges, "
               f"{len(view.articles)} article{'s' if len(view.articles) != 1 else ''})")
