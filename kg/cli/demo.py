"""``kg demo``: the main job on the example article, end to end."""
from __future__ import annotations

from pathlib import Path

import typer

from . import app

PROJECT = Path(__file__).resolve().parents[2]


@app.command()
def demo(
    out: Path = typer.Option(Path("kg-demo"), "-o", "--out", help="Folder for the graph files and the HTML view."),
    model: str = typer.Option(None, "--model", help="spaCy pipeline to load."),
) -> None:
    """Extract the example article, write Turtle, TriG and HTML into OUT, print the example queries' answers."""
    from ..demo import run_demo

    run_demo(PROJECT, out, model)
