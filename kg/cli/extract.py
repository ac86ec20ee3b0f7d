"""``kg extract``: articles in, one RDF graph out (one named graph per article); ``kg load``: graph
files into the store."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import app


@app.command()
def extract(
    articles: list[Path] = typer.Argument(..., help="Article files (.txt or .html, each with an optional .json sidecar) or folders of them."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date YYYY-MM-DD (else the sidecar .json)."),
    url: Optional[str] = typer.Option(None, "--url", help="The article's URL (one article only)."),
    title: Optional[str] = typer.Option(None, "--title", help="The article's title (one article only)."),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help="Output file; format by extension (.ttl .trig .nt .nq .jsonld). Default graph.trig."),
    store: Optional[Path] = typer.Option(None, "--store", help="Write into this graph store folder instead (created if new); an article extracted again replaces its graph."),
    push: Optional[str] = typer.Option(None, "--push", help="PUT each article's named graph to this Graph Store Protocol URL (as kg push; e.g. http://HOST:7878/store, credentials as http://USER:PASSWORD@HOST/...) instead of writing a file or store."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, help="Worker processes (0: one per CPU)."),
    cluster: Optional[str] = typer.Option(None, "--cluster", help="Extract on the workers of the Dask scheduler at this address (tcp://HOST:8786) instead of local processes; needs pip install -e '.\\[cluster]'. See README, 'More than one machine'."),
    shared_storage: bool = typer.Option(False, "--shared-storage", help="With --cluster: the articles are on storage every worker mounts at the same path; send the workers paths instead of the texts."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline to load (default: en_core_web_sm, or its PyPI upload)."),
    max_bytes: int = typer.Option(1_000_000, "--max-bytes", min=1, help="Refuse an article larger than this (bytes); raise it for long texts, memory grows with it."),
    force: bool = typer.Option(False, "--force", help="Replace the -o file if it exists (without it, an existing file is never overwritten)."),
    recursive: bool = typer.Option(False, "--recursive", "-r", help="Also read the articles in the folders' sub-folders."),
    any_language: bool = typer.Option(False, "--any-language", help="Extract texts that do not look like English instead of refusing them (expect few or wrong facts)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Name every file of the folders that was skipped."),
) -> None:
    """Extract facts from ARTICLES into an RDF graph file or a graph store.

    Exit code 0 when every article was extracted, 2 when some failed (each is named on stderr), 1 when nothing was, 130 when interrupted (the finished articles are kept).
    """
    from ..store.batch import BatchError, Interrupted, run_batch
    from ..errors import KgError

    if sum(target is not None for target in (out, store, push)) > 1:
        raise KgError("give either -o FILE, --store DIR or --push URL, not two of them")
    if shared_storage and cluster is None:
        raise KgError("--shared-storage is for --cluster (the local workers read the files anyway)")
    if cluster is not None and jobs != 1:
        raise KgError("--jobs counts processes on this machine; with --cluster the Dask workers do the work (start more of them instead)")
    if out is None and store is None and push is None:
        out = Path("graph.trig")
    result = run_batch(articles, out=out, store=store, push=push, jobs=jobs, published=date, url=url, title=title,
                       model=model, max_bytes=max_bytes, force=force, recursive=recursive, any_language=any_language,
                       cluster=cluster, shared_storage=shared_storage, say=lambda line: typer.echo(line, err=True))
    skipped = result.skipped_line(names=verbose)
    if skipped:
        typer.echo(skipped, err=True)
    # Exit codes travel as KgError subclasses: the top level turns them into the message and code.
    if result.interrupted:
        raise Interrupted(result.summary())
    if result.done == 0:
        if result.total == 1:
            raise KgError(str(result.failures[0]))
        raise KgError(f"nothing extracted: all {result.total} articles failed")
    if result.failures:
        raise BatchError(result.summary())
    typer.echo(result.summary(), err=True)  # a single run says what it wrote, too


@app.command()
def load(
    graphs: list[Path] = typer.Argument(..., help="Graph files (.trig .nq .ttl .nt .jsonld)."),
    store: Path = typer.Option(..., "--store", help="Graph store folder (created if new)."),
) -> None:
    """Load graph files into a graph store; each named graph in a file replaces the store's graph of that name."""
    from ..api import load_files

    named, quads = load_files(graphs, store)
    typer.echo(f"loaded {quads} quads ({named} named graphs) into {store}", err=True)
