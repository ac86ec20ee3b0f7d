"""Read an article file and its metadata (command-line options, then an ``ARTICLE.json`` sidecar)."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from .errors import KgError
from .records import Article

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


def parse_iso_date(value: str, what: str = "--date") -> str:
    """Check a YYYY-MM-DD date and return it unchanged."""
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise KgError(f"{what}: {value!r} is not a date; use YYYY-MM-DD, e.g. 2025-11-28") from None


def read_sidecar(path: Path) -> dict:
    """Metadata from ``ARTICLE.json`` beside the article, if there is one."""
    sidecar = path.with_suffix(".json")
    if not sidecar.exists():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise KgError(f"{sidecar}: not valid JSON metadata ({exc})") from None
    if not isinstance(data, dict):
        raise KgError(f"{sidecar}: metadata must be a JSON object with url, title, source, published")
    return data


def decode_text(path: Path, raw: bytes) -> str:
    """Decode UTF-8 text; refuse binary data."""
    if b"\x00" in raw[:4096]:
        raise KgError(f"{path}: looks like binary data, not an article text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def read_article(
    path: Path,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    source: str | None = None,
) -> Article:
    """Build an Article from a file; options override the sidecar's metadata."""
    path = Path(path)
    if not path.exists():
        raise KgError(f"{path}: no such file")
    if path.is_dir():
        raise KgError(f"{path}: is a folder, not an article file")
    text = decode_text(path, path.read_bytes())
    if path.suffix.lower() in (".html", ".htm"):
        from .htmltext import html_to_text

        text = html_to_text(text)
    if not text.strip():
        raise KgError(f"{path}: the article is empty")
    meta = read_sidecar(path)
    published = published or meta.get("published")
    if published:
        published = parse_iso_date(str(published), "published date")
    return Article(
        slug=path.stem,
        text=text,
        url=url or meta.get("url"),
        title=title or meta.get("title"),
        source=source or meta.get("source"),
        published=published,
    )


def article_from_text(text: str, slug: str = "article", published: str | None = None, **meta) -> Article:
    """An Article from a string, for library users and tests."""
    return Article(slug=re.sub(r"\s+", "-", slug), text=text, published=published, **meta)
