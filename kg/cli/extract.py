"""``kg extract``: articles in, one RDF graph out (one named graph per article)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import app


@app.command()
def extract(
    articles: list[Path] = typer.Argument(..., help="Article files (.txt or .html) or folders of them."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date YYYY-MM-DD (else the sidecar .json)."),
    url: Optional[str] = typer.Option(None, "--url", help="The article's URL."),
    title: Optional[str] = typer.Option(None, "--title", help="The article's title."),
    out: Path = typer.Option(Path("graph.trig"), "-o", "--out", help="Output file; format by extension (.ttl .trig .nt .nq .jsonld)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline to load (default: en_core_web_sm, or its PyPI upload)."),
) -> None:
    """Extract facts from ARTICLES into an RDF graph file."""
    from ..api import extract_files

    extract_files(articles, out=out, published=date, url=url, title=title, model=model)
