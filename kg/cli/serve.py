"""``kg serve``: a SPARQL endpoint (and query page) over a graph file or a graph store."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import app


@app.command()
def serve(
    graph: Optional[Path] = typer.Argument(None, help="Graph file to serve (loaded into a temporary store)."),
    store: Optional[Path] = typer.Option(None, "--store", help="Serve this graph store folder instead (kg extract/load --store may keep writing to it)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(7878, "--port", help="Port to listen on."),
    allow_update: bool = typer.Option(False, "--allow-update", help="Accept SPARQL UPDATE and Graph Store writes (read-only otherwise: HTTP 403)."),
    timeout: float = typer.Option(30, "--timeout", help="Time limit for each query, in seconds: a query past it is stopped (HTTP 503)."),
    max_rows: int = typer.Option(100_000, "--max-rows", help="Most rows (or triples) one answer may have; more: HTTP 413."),
    max_concurrent: int = typer.Option(16, "--max-concurrent", help="Most queries running or waiting at once; more: HTTP 503 busy."),
    workers: int = typer.Option(0, "--workers", help="Query worker processes (0: one per core, 2 to 4)."),
    allow_service: bool = typer.Option(False, "--allow-service", help="Let queries use SERVICE (this machine then sends requests to other servers)."),
) -> None:
    """Serve GRAPH (or --store DIR) as a SPARQL 1.1 endpoint with a query page; Ctrl-C stops it."""
    from ..store.serve import ServeOptions, serve as run

    options = ServeOptions(host=host, port=port, allow_update=allow_update, timeout=timeout, max_rows=max_rows,
                           max_concurrent=max_concurrent, workers=workers, allow_service=allow_service)
    run(graph, store, options, say=lambda line: typer.echo(line, err=True))
