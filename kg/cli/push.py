"""``kg push``: send each article's named graph to a SPARQL Graph Store server (HTTP PUT)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import app


@app.command()
def push(
    graph: Optional[Path] = typer.Argument(None, help="Graph file (.trig .nq keep one graph per article)."),
    store: Optional[Path] = typer.Option(None, "--store", help="Push this graph store folder instead."),
    endpoint: str = typer.Option(..., "--endpoint", help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store."),
    user: Optional[str] = typer.Option(None, "--user", help="User name for HTTP basic auth."),
    password: Optional[str] = typer.Option(None, "--password", envvar="KG_PUSH_PASSWORD", help="Password for HTTP basic auth (or $KG_PUSH_PASSWORD; asked for when missing)."),
    graph_iri: Optional[str] = typer.Option(None, "--graph", help="Push triples outside named graphs (e.g. from a .ttl file) into this graph."),
    timeout: float = typer.Option(60.0, "--timeout", help="Seconds to wait for the server on each request."),
) -> None:
    """PUT every article's named graph of GRAPH (or --store DIR) to ENDPOINT; pushing again replaces, never duplicates."""
    import sys

    from ..errors import KgError
    from ..store.push import UNION_HINT, push as run

    if user is not None and password is None:
        if not sys.stdin.isatty():
            raise KgError("--user needs --password (or $KG_PUSH_PASSWORD)")
        password = typer.prompt(f"password for {user}", hide_input=True)
    result = run(graph, store, endpoint, user=user, password=password, default_graph=graph_iri, timeout=timeout,
                 say=lambda line: typer.echo(line, err=True))
    typer.echo(f"pushed {result.graphs} graphs ({result.triples} quads) to {endpoint}", err=True)
    if result.graphs and not result.union_default:
        typer.echo(UNION_HINT, err=True)
