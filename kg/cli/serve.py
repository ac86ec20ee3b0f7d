"""``kg serve``: a SPARQL endpoint (and query page) over a graph file or a graph store."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import app


@app.command()
def serve(
    graph: Optional[Path] = typer.Argument(None, help="Graph file to serve (loaded into a temporary store)."),
    store: Optional[Path] = typer.Option(None, "--store", help="Serve this graph store folder instead."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(7878, "--port", help="Port to listen on."),
    allow_update: bool = typer.Option(False, "--allow-update", help="Accept SPARQL UPDATE and Graph Store writes (read-only otherwise)."),
    timeout: int = typer.Option(30, "--timeout", help="Time limit for each query, in seconds."),
) -> None:
    """Serve GRAPH (or --store DIR) as a SPARQL 1.1 endpoint with a query page; Ctrl-C stops it."""
    from ..serve import ServeOptions, serve as run

    code = run(graph, store, ServeOptions(host=host, port=port, allow_update=allow_update, timeout=timeout),
               say=lambda line: typer.echo(line, err=True))
    if code:
        from ..errors import KgError

        raise KgError(f"the Oxigraph server stopped with exit code {code}")
