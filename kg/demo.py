"""The main job: the example article through every stage, with the answers printed."""
from __future__ import annotations

from pathlib import Path

from rich.console import Console

from .api import extract_files
from .graph.graphio import save_graph
from .store.query import print_table, run_query


def run_demo(project: Path, out: Path, model: str | None = None) -> None:
    console = Console()
    article = next(iter(sorted((project / "examples").glob("*.txt"))), None)
    if article is None:
        from .errors import KgError

        raise KgError(f"{project / 'examples'}: no example article (*.txt); reinstall the project from its repository")
    out.mkdir(parents=True, exist_ok=True)
    trig = out / f"{article.stem}.trig"
    ds = extract_files([article], out=trig, model=model, force=True)  # the demo's own folder: rewritten each run
    save_graph(ds, out / f"{article.stem}.ttl")
    written = [trig, out / f"{article.stem}.ttl"]
    try:
        from .view.visualize import write_html
    except ModuleNotFoundError:
        write_html = None
    if write_html is not None:
        html = out / f"{article.stem}.html"
        write_html(ds, html)
        written.append(html)
    for query in sorted((project / "examples" / "queries").glob("cq*.rq")):
        print_table(run_query(ds, query.read_text(encoding="utf-8")), title=query.stem)
    console.print(f"[bold]{len(ds)} triples[/bold]; wrote " + ", ".join(str(p) for p in written))
