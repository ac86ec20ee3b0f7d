"""Web pages are read as a reader sees them: the story without menus, banners, share buttons or
copyright lines; the page's title, date and site become the article's metadata unless a sidecar
or an option gives them."""
from __future__ import annotations

import json

from kg.extract.articles import read_article

STORY = (
    "<p>Officials in the port town of Valmora closed the border crossing on Monday after hundreds of "
    "migrants gathered at the gate, the interior ministry said in a statement.</p>"
    "<p>The minister said the crossing would stay shut for at least a week while the police and the "
    "army reinforced the patrols along the river that marks the frontier.</p>"
    "<p>Aid groups said that families with small children were sleeping in the open near the gate.</p>"
)
PAGE = f"""<!DOCTYPE html><html lang="en"><head>
<title>Border crossing closed as migrants gather | The Valmora Herald</title>
<meta property="og:title" content="Border crossing closed as migrants gather">
<meta property="og:site_name" content="The Valmora Herald">
<meta property="article:published_time" content="2024-05-13T09:30:00Z">
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article><h1>Border crossing closed as migrants gather</h1>
<div class="share">Share on Facebook Share on Twitter Email this story</div>
{STORY}
</article></main>
<footer><p>Copyright 2024 The Valmora Herald. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def test_page_keeps_the_story_and_drops_the_chrome(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    article = read_article(tmp_path / "page.html")
    assert "closed the border crossing on Monday" in article.text
    assert "sleeping in the open near the gate" in article.text
    for chrome in ("cookies", "Sport", "Share on Facebook", "Copyright", "Privacy policy"):
        assert chrome not in article.text, chrome


def test_page_metadata_becomes_the_articles(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    article = read_article(tmp_path / "page.html")
    assert article.title == "Border crossing closed as migrants gather"
    assert article.published == "2024-05-13"
    assert article.source == "The Valmora Herald"


def test_sidecar_and_options_win_over_the_page(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "page.json").write_text(json.dumps({"title": "Edited title", "published": "2024-05-14"}))
    article = read_article(tmp_path / "page.html", source="Wire copy")
    assert (article.title, article.published, article.source) == ("Edited title", "2024-05-14", "Wire copy")
