"""``kg explain``: a node's facts with the rule, confidence and sentence behind each."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import app


@app.command()
def explain(
    source: str = typer.Argument(..., metavar="GRAPH", help="Graph file; left out with --store."),
    node: Optional[str] = typer.Argument(None, metavar="NODE", help="Part of a node's label (e.g. a surname) or its full IRI."),
    store: Optional[Path] = typer.Option(None, "--store", help="Read this graph store folder instead of a graph file."),
    min_confidence: float = typer.Option(0.0, "--min-confidence", help="Hide facts below this confidence."),
) -> None:
    """Show what GRAPH says about NODE and where every fact came from."""
    from rich.rule import Rule

    from ..view.console import stdout_console

    from ..view.explain import explain_query
    from ..errors import KgError
    from ..graph.sources import read_graph

    if store is not None:  # kg explain --store DIR NODE
        if node is not None:
            raise KgError("with --store give only the node: kg explain --store DIR NODE")
        graph, node = None, source
    else:
        if node is None:
            raise KgError("give the graph and the node: kg explain GRAPH NODE (or kg explain --store DIR NODE)")
        graph = Path(source)
    console = stdout_console(highlight=False)
    for ex in explain_query(read_graph(graph, store), node):
        # a heading rule as wide as a terminal's, also in a pipe (whose console never wraps)
        console.print(Rule(f"[bold]{ex.label}[/bold]  ({', '.join(ex.classes)})"), width=min(console.width, 100))
        console.print(ex.node, style="dim", markup=False)
        for prop, value in ex.properties:
            console.print(f"  {prop}: {value}", markup=False)
        for f in ex.facts:
            if f.confidence and float(f.confidence) < min_confidence:
                continue
            console.print(f"\n  [bold]{f.kind}[/bold] {f.fact!r}  rule={f.rule} confidence={f.confidence}", markup=True, highlight=False)
            for prop, value in f.details:
                console.print(f"    {prop}: {value}", markup=False)
            if f.sentence:
                console.print(f"    sentence: {f.sentence.strip()}", markup=False)
            if f.article:
                console.print(f"    article: {f.article}", markup=False)
