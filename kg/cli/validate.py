"""``kg validate``: SHACL validation against ``ontology/shapes.ttl``."""
from __future__ import annotations

from pathlib import Path

import typer

from . import app


@app.command()
def validate(graph: Path = typer.Argument(..., help="Graph file to check.")) -> None:
    """Check GRAPH against the project's SHACL shapes; exit 1 with a report on violations."""
    from ..graphio import load_graph
    from ..validation import validate_graph

    report = validate_graph(load_graph(graph))
    typer.echo(report.text)
    if not report.conforms:
        raise typer.Exit(1)
