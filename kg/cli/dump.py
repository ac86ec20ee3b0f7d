"""``kg dump``: a graph store back out to one graph file, one named graph per article."""
from __future__ import annotations

from pathlib import Path

import typer

from . import app


@app.command()
def dump(
    store: Path = typer.Option(..., "--store", help="Graph store folder to read."),
    out: Path = typer.Option(..., "-o", "--out", help="File to write; format by extension (.trig .nq keep the articles' graphs; .ttl .nt hold their union)."),
    force: bool = typer.Option(False, "--force", help="Replace OUT if it exists."),
) -> None:
    """Write every article's named graph of a store to a graph file (the store is only read)."""
    from ..graph.graphio import check_new_output, save_graph
    from ..graph.sources import store_dataset

    check_new_output(out, force)
    ds = store_dataset(store)
    save_graph(ds, out)
    graphs = sum(1 for g in ds.graphs() if g.identifier != ds.default_graph.identifier and len(g))
    typer.echo(f"wrote {out}: {graphs} article graphs, {sum(len(g) for g in ds.graphs())} quads", err=True)
