"""``kg validate``: SHACL validation against ``ontology/shapes.ttl``."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import app


@app.command()
def validate(
    graph: Optional[Path] = typer.Argument(None, help="Graph file (.ttl .trig .nt .nq .jsonld); left out with --store."),
    store: Optional[Path] = typer.Option(None, "--store", help="Read this graph store folder instead of a graph file."),
) -> None:
    """Check GRAPH (or a --store) against the project's SHACL shapes; exit 1 with a report on violations."""
    from ..graph.sources import read_graph
    from ..graph.validation import validate_graph

    report = validate_graph(read_graph(graph, store))
    typer.echo(report.text)
    if not report.conforms:
        raise typer.Exit(1)
