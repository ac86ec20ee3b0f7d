"""The library's entry points that the command line wraps."""
from __future__ import annotations

from pathlib import Path

from .errors import KgError


def extract_files(
    paths: list[Path],
    out: Path | None = None,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    model: str | None = None,
    *,
    store: Path | None = None,
    jobs: int = 1,
    progress: bool | None = False,
    force: bool = False,
    push: str | None = None,
    cluster: str | None = None,
):
    """Extract every article in ``paths`` (files or folders) into ``out``, ``store`` or ``push`` (a
    Graph Store Protocol URL), with ``jobs`` local processes or on the Dask scheduler ``cluster``.

    One named graph per article; an existing ``out`` is replaced only with ``force``. Returns the rdflib Dataset written to ``out`` (None for a store).
    Raises KgError if any article failed (after writing the others) or the run was interrupted.
    """
    from .store.batch import BatchError, Interrupted, run_batch

    result = run_batch(
        list(paths), out=out, store=store, jobs=jobs, published=published, url=url, title=title,
        model=model, progress=progress, force=force, push=push, cluster=cluster, keep_dataset=out is not None,
    )
    if result.interrupted:
        raise Interrupted(result.summary())
    if result.failures:
        first = result.failures[0]
        if result.done == 0:
            raise KgError(str(first) if len(result.failures) == 1 else f"{result.summary()}; first: {first}")
        raise BatchError(f"{result.summary()}; first: {first}")
    return result.dataset


def load_files(graphs: list[Path], store: Path) -> tuple[int, int]:
    """Load graph files into the store; each named graph replaces the store's graph of that name.

    Returns (named graphs, quads) read from the files.
    """
    from .store.store import open_store

    db = open_store(store, create=True)
    total_graphs = total_quads = 0
    try:
        for path in graphs:
            graphs_read, quads = db.load_file(Path(path))
            total_graphs += graphs_read
            total_quads += quads
    finally:
        db.close()
    return total_graphs, total_quads
