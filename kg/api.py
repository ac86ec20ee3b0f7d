"""The library's entry points that the command line wraps."""
from __future__ import annotations

from pathlib import Path

from .articles import parse_iso_date, read_article
from .errors import KgError
from .graphio import save_graph
from .pipeline import Extractor
from .rdf import add_article, new_dataset


def extract_files(
    paths: list[Path],
    out: Path,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    model: str | None = None,
):
    """Extract every article in ``paths`` into one dataset and write it to ``out``."""
    if published:
        published = parse_iso_date(published)
    files = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in (".txt", ".html", ".htm"))
            if not found:
                raise KgError(f"{path}: no article files (*.txt, *.html) in this folder")
            files.extend(found)
        else:
            files.append(path)
    articles = [read_article(p, published=published, url=url, title=title) for p in files]
    extractor = Extractor(model)
    ds = new_dataset()
    for article in articles:
        add_article(ds, extractor.extract(article))
    save_graph(ds, out)
    return ds
