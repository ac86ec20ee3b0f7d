"""Shared fixtures. Keep this small: one fixture per shared need."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("KG_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def chromium():
    """Debian's headless chromium driven by Playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) for browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (the test extra) is not installed")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def offline_page(chromium):
    """A fresh page with every http(s) request aborted; ``page.problems`` collects page errors,
    console errors, dialogs and any request that is not file: or data:."""
    context = chromium.new_context(viewport={"width": 1400, "height": 860})
    page = context.new_page()
    page.problems = []
    page.route("http://**/*", lambda route: route.abort())
    page.route("https://**/*", lambda route: route.abort())
    page.on("pageerror", lambda exc: page.problems.append(f"page error: {exc}"))
    page.on("console", lambda msg: msg.type == "error" and page.problems.append(f"console error: {msg.text}"))
    page.on("request", lambda req: req.url.startswith(("file:", "data:", "about:"))
            or page.problems.append(f"request: {req.url}"))

    def on_dialog(dialog):
        page.problems.append(f"dialog: {dialog.type} {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page
    context.close()


@pytest.fixture(scope="session")
def extract():
    """``extract(text, published=...)`` -> ArticleFacts, with one statistical pipeline shared by
    every regression test (published defaults to a Friday, 2024-03-08)."""
    from kg.extract.articles import article_from_text
    from kg.extract.pipeline import Extractor

    extractor = Extractor()

    def run(text: str, published: str = "2024-03-08"):
        return extractor.extract(article_from_text(text, slug="t", published=published))

    return run
