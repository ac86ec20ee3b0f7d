"""Regenerate ``docs/screenshot.png``: the example article through the extractor, ``kg visualize``'s
page, opened offline in Debian's headless chromium (never a downloaded browser).

Run from anywhere: ``.venv/bin/python scripts/screenshot.py [--out docs/screenshot.png] [--query Kast]``.
The page is searched for QUERY and that node selected, so the picture shows the details panel
with its source sentences.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--article", type=Path, default=ROOT / "examples" / "tacna-arica.txt")
    parser.add_argument("--query", default="Kast", help="node to search for and select ('' for none)")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"error: {CHROMIUM} is missing; install Debian's chromium", file=sys.stderr)
        return 1

    from playwright.sync_api import sync_playwright

    from kg.api import extract_files
    from kg.view.visualize import write_html

    with tempfile.TemporaryDirectory() as tmp:
        ds = extract_files([args.article], out=Path(tmp) / "graph.trig")
        html = write_html(ds, Path(tmp) / "graph.html")
        problems: list[str] = []
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": args.height}, device_scale_factor=1)
            page.route("http://**/*", lambda route: route.abort())
            page.route("https://**/*", lambda route: route.abort())
            page.on("pageerror", lambda exc: problems.append(str(exc)))
            page.on("console", lambda msg: msg.type == "error" and problems.append(msg.text))
            page.goto(html.resolve().as_uri())
            if args.query:
                page.fill("#search", args.query)
                page.press("#search", "Enter")
                page.wait_for_timeout(400)  # the focus animation
                selected = page.evaluate("network.getSelectedNodes()")
                if selected:  # zoom out a little around the node: its neighbourhood and beyond
                    page.evaluate("(id) => network.moveTo({position: network.getPosition(id), scale: 0.95})",
                                  selected[0])
                else:
                    print(f"warning: no node matches {args.query!r}", file=sys.stderr)
            page.wait_for_timeout(300)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out))
            browser.close()
    if problems:
        print("page problems: " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
