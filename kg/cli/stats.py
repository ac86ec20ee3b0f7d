"""``kg stats``: what a graph holds, by class, and who is most central in it."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import app


@app.command()
def stats(
    graph: Optional[Path] = typer.Argument(None, help="Graph file (.ttl .trig .nt .nq .jsonld); left out with --store."),
    store: Optional[Path] = typer.Option(None, "--store", help="Read this graph store folder instead of a graph file."),
    top: int = typer.Option(10, "--top", min=1, help="How many central actors to list."),
) -> None:
    """Count GRAPH's entities and facts by class and list its most central actors (betweenness)."""
    from ..view.console import stdout_console
    from rich.table import Table
    from rich.text import Text

    from ..view.analytics import class_counts, top_actors, view_graph
    from ..graph.sources import read_graph

    view = view_graph(read_graph(graph, store))
    g = view.graph
    facts = sum(1 for _, d in g.nodes(data=True) if d["fact"])
    console = stdout_console()
    console.print(
        f"[bold]{view.quads}[/bold] quads ([bold]{view.triples}[/bold] distinct triples), [bold]{len(view.articles)}[/bold] articles, "
        f"[bold]{g.number_of_nodes() - facts}[/bold] entities, [bold]{facts}[/bold] facts, "
        f"[bold]{g.number_of_edges()}[/bold] links"
    )
    by_class = Table(title="Nodes by class")
    by_class.add_column("class")
    by_class.add_column("kind")
    by_class.add_column("count", justify="right")
    for label, count, is_fact in class_counts(view):
        by_class.add_row(Text(label), "fact" if is_fact else "entity", str(count))
    console.print(by_class)

    actors = Table(title=f"Most central actors (top {top})")
    for name, justify in (("#", "right"), ("actor", "left"), ("class", "left"), ("degree", "right"),
                          ("betweenness", "right"), ("articles", "right")):
        actors.add_column(name, justify=justify)
    for rank, row in enumerate(top_actors(view, top), 1):
        # names come from articles: Text() so that "[...]" in them is not read as rich markup
        actors.add_row(str(rank), Text(row["label"]), Text(row["class"]), str(row["degree"]),
                       f"{row['betweenness']:.3f}", str(row["articles"]))
    console.print(actors)
