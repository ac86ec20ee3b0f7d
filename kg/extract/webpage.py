"""A saved news page as a reader sees it: main text, title, publication date and site name.

Web pages carry menus, cookie banners, share buttons and copyright lines around the story.
trafilatura (a well-kept main-content extractor) finds the story and the page's metadata
(``<title>``/``<h1>``/Open Graph, ``<time>`` and JSON-LD dates, the site name); the project's own
``html_to_text`` is the fallback for fragments with no recognisable main content. Either way no
markup reaches the text: anything still shaped like a tag is removed afterwards.

>>> page = read_web_page("<html><head><title>Border closed | Daily</title></head><body>"
...     "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Border closed</h1>"
...     "<p>Officials closed the border on Monday after hundreds of migrants gathered there.</p>"
...     "<p>The interior minister said the crossing would stay shut for a week at least.</p></article>"
...     "<footer>Copyright 2025 Daily. All rights reserved.</footer></body></html>")
>>> page.title
'Border closed'
>>> "Home" in page.text or "Copyright" in page.text
False
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .htmltext import html_to_text, strip_markup, tidy_lines


@dataclass(frozen=True)
class WebPage:
    text: str
    title: str | None = None
    published: str | None = None  # ISO date
    site: str | None = None


def read_web_page(html: str) -> WebPage:
    """The page's main text and metadata; the whole visible text when no main content is found."""
    doc = _main_content(html)
    text = tidy_lines(strip_markup(doc.text)) if doc is not None and doc.text else ""
    if not text:
        return WebPage(html_to_text(html))
    return WebPage(text, _meta(doc, "title"), _iso_date(_meta(doc, "date")), _meta(doc, "sitename"))


def _main_content(html: str):
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its "discarding data" notes are not the user's business
    try:
        return trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
            include_links=False, deduplicate=False, output_format="python",
        )
    except Exception:  # noqa: BLE001 - a page trafilatura cannot parse still has its visible text
        return None


def _meta(doc, name: str) -> str | None:
    value = getattr(doc, name, None)
    if not isinstance(value, str):
        return None
    value = " ".join(strip_markup(value).split())
    return value or None


def _iso_date(value: str | None) -> str | None:
    match = re.match(r"\d{4}-\d{2}-\d{2}", value or "")
    return match.group(0) if match else None
