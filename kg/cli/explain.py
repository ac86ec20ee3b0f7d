"""``kg explain``: a node's facts with the rule, confidence and sentence behind each."""
from __future__ import annotations

from pathlib import Path

import typer

from . import app


@app.command()
def explain(
    graph: Path = typer.Argument(..., help="Graph file."),
    node: str = typer.Argument(..., help="Part of a node's label (e.g. a surname) or its full IRI."),
    min_confidence: float = typer.Option(0.0, "--min-confidence", help="Hide facts below this confidence."),
) -> None:
    """Show what GRAPH says about NODE and where every fact came from."""
    from rich.rule import Rule

    from ..console import stdout_console

    from ..explain import explain_query
    from ..graphio import load_graph

    console = stdout_console(highlight=False)
    for ex in explain_query(load_graph(graph), node):
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
