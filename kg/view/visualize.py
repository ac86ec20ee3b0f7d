"""One self-contained, interactive HTML page for a graph: ``kg visualize GRAPH -o graph.html``.

The page is built with pyvis (its ``Network`` object and ``generate_html()``), but none of pyvis
0.3.2's traps are left to the user:

* its templates load vis-network and Bootstrap from CDNs in every ``cdn_resources`` mode; we render
  our own template (``kg/view/templates/kg_network.html`` via ``set_template_dir``) into which the vendored
  vis-network JS and CSS (``kg/data/vis/``) are inlined, so the file works opened from disk, offline;
* ``add_node``/``add_edge`` check for duplicates in lists (quadratic); we build the node and edge
  lists ourselves and assign ``net.nodes``/``net.edges``;
* ``show()`` only works in notebooks; we only call ``generate_html()`` and write the file ourselves;
* vis-network 9 shows an HTML ``title`` as raw text; tooltips are plain strings (shown as text)
  and the details panel is built with ``textContent``.

Everything that comes from an article (names, quotes, titles, URLs) is data, never markup: it
reaches the page only inside ``<script type="application/json">`` blocks whose JSON escapes
``<``, ``>``, ``&``, U+2028 and U+2029, and the page's script puts it on screen with
``textContent``. A Content-Security-Policy forbids the page any network access.

Layout is precomputed with networkx (positions in the node data, physics off), so a corpus
of thousands of nodes opens still; node size follows degree or betweenness centrality. For a
corpus, the layout gathers each article's own nodes (its facts, and entities no other article
mentions) into one region, and the page colours nodes by article (shared entities neutral and
ringed), names each article at its region, filters by article, hides nodes without edges behind
a toggle and keeps the most central nodes' labels readable at the first view, which fits what is
shown, labels included, into the visible canvas (kg/view/templates/kg_network.js).
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from .analytics import CENTRALITY_MEASURES, ViewGraph, centrality, layout, view_graph
from ..errors import KgError

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATE_DIR = PACKAGE_DIR / "templates"
TEMPLATE_FILE = "kg_network.html"
ASSET_DIR = PACKAGE_DIR.parent / "data" / "vis"

_JSON_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def safe_json(value) -> str:
    """JSON that can sit inside a ``<script>`` element: no ``<``, ``>``, ``&``, U+2028 or U+2029 in it.

    >>> print(safe_json({"q": "</script><b>&"}))
    {"q":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}
    """
    from markupsafe import Markup

    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in _JSON_ESCAPES:  # str.replace is C-fast; these can only occur inside strings
        text = text.replace(raw, escaped)
    return Markup(text)


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    """A vendored vis-network file, ready to inline (source-map comment dropped)."""
    candidates = [ASSET_DIR / name]
    try:
        import pyvis

        candidates.append(Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2" / name)
    except ImportError:  # pragma: no cover - pyvis is a dependency
        pass
    for path in candidates:
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            break
    else:  # pragma: no cover
        raise KgError(f"vis-network asset {name} is missing from {ASSET_DIR}")
    # split on "\n" only: str.splitlines() would also cut at U+2028, \x0b... inside the JS's strings
    lines = [ln for ln in text.split("\n") if not ln.lstrip().startswith(("//# sourceMappingURL", "/*# sourceMappingURL"))]
    text = "\n".join(lines)
    closing = "</script" if name.endswith(".js") else "</style"
    if closing in text.lower() or "<!--" in text:
        raise KgError(f"vendored {name} cannot be inlined safely (it contains {closing} or <!--)")
    return text


def _template_file(name: str) -> str:
    return (TEMPLATE_DIR / name).read_text(encoding="utf-8")


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def default_title(view: ViewGraph) -> str:
    if len(view.articles) == 1:
        return view.articles[0].title
    if view.articles:
        return f"{len(view.articles)} articles"
    return "Knowledge graph"


NODE_FONT = "#1f2933"
FACT_FONT = "#52606d"


def article_groups(view: ViewGraph) -> dict[str, int] | None:
    """For a corpus, each node that belongs to exactly one article -> that article (the layout
    gathers an article's facts and own entities into one region); None for a single article."""
    if len(view.articles) < 2:
        return None
    return {iri: next(iter(d["articles"])) for iri, d in view.graph.nodes(data=True) if len(d["articles"]) == 1}


def page_data(view: ViewGraph, title: str | None = None, size_by: str = "degree") -> dict:
    """What the page needs: vis-network node and edge lists, options, and the details tables."""
    g = view.graph
    positions = layout(g, groups=article_groups(view))
    scores = centrality(g, size_by)
    top = max(scores.values(), default=0.0) or 1.0
    classes = sorted(view.classes.values(), key=lambda c: (c.fact, -c.count, c.label))
    class_index = {c.iri: i for i, c in enumerate(classes)}
    ids = {iri: i for i, iri in enumerate(g.nodes)}
    undirected = g.to_undirected(as_view=True)

    nodes, node_info = [], []
    for iri, d in g.nodes(data=True):
        cls = view.classes[d["cls"]]
        rel = math.sqrt(max(scores.get(iri, 0.0), 0.0) / top)
        size = (7 + 9 * rel) if cls.fact else (11 + 24 * rel)
        x, y = positions.get(iri, (0.0, 0.0))
        node = {
            "id": ids[iri],
            "label": _short(d["label"], 28 if cls.fact else 36),
            "title": f"{_short(d['label'], 120)}\n{cls.label}" + (
                f" \u00b7 in {len(d['articles'])} articles" if len(d["articles"]) > 1 else ""),
            "shape": cls.shape,
            "color": cls.color,
            "size": round(size, 1),
            "x": x,
            "y": y,
        }
        if cls.fact:
            node["font"] = {"size": 11, "color": FACT_FONT}
        nodes.append(node)
        node_info.append({
            "l": d["label"],
            "c": class_index[d["cls"]],
            "d": [list(row) for row in d["details"]],
            "s": [[i, [list(m) for m in marks]] for i, marks in d["sources"]],
            "m": d["more_sources"],
            "a": sorted(d["articles"]),
            "deg": undirected.degree(iri),
            "cen": round(scores.get(iri, 0.0), 4),
        })

    edges, edge_info = [], []
    for j, (u, v, d) in enumerate(g.edges(data=True)):
        label = ", ".join(lbl for _, lbl in d["props"])
        edges.append({
            "id": j,
            "from": ids[u],
            "to": ids[v],
            "label": _short(label, 40),
            "title": f"{_short(g.nodes[u]['label'], 60)} \u2014 {label} \u2192 {_short(g.nodes[v]['label'], 60)}",
        })
        edge_info.append({
            "p": label,
            "s": [[i, [list(m) for m in marks]] for i, marks in d["sources"]],
            "m": d["more_sources"],
            "a": sorted(d["articles"]),
        })

    large = len(nodes) > 1000
    crowded = len(nodes) > 300  # then labels appear only once zoomed in far enough to read them
    options = {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "multiselect": False,
            "keyboard": False,
        },
        "nodes": {
            "borderWidth": 1,
            "borderWidthSelected": 3,
            "font": {"size": 14, "color": NODE_FONT, "face": "system-ui, -apple-system, Segoe UI, sans-serif",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"label": {"drawThreshold": 10 if crowded else 5}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "color": {"color": "#a3acb9", "highlight": "#334155", "hover": "#64748b", "inherit": False},
            "font": {"size": 10, "color": "#52606d", "face": "system-ui, -apple-system, Segoe UI, sans-serif",
                     "strokeWidth": 3, "strokeColor": "#ffffff", "align": "middle"},
            "smooth": False,
            "scaling": {"label": {"drawThreshold": 9 if crowded else 5}},
            "width": 1,
            "selectionWidth": 1.5,
        },
    }
    heading = title or default_title(view)
    info = {
        "title": heading,
        "sizeBy": size_by,
        "classes": [{"label": c.label, "color": c.color, "shape": c.shape, "fact": c.fact, "count": c.count}
                    for c in classes],
        "articles": [{"title": a.title, "source": a.source, "date": a.date, "url": a.url} for a in view.articles],
        "sentences": [list(sentence) for sentence in view.sentences],
        "nodes": node_info,
        "edges": edge_info,
    }
    return {"heading": heading, "nodes": nodes, "edges": edges, "options": options, "info": info}


def build_network(view: ViewGraph, title: str | None = None, size_by: str = "degree"):
    """A pyvis ``Network`` set up with our template and this view's nodes and edges."""
    from pyvis.network import Network

    data = page_data(view, title=title, size_by=size_by)
    net = Network(height="100%", width="100%", directed=True, heading=data["heading"], cdn_resources="in_line")
    net.set_template_dir(str(TEMPLATE_DIR) + "/", TEMPLATE_FILE)
    env = net.templateEnv
    env.autoescape = True
    env.filters["safe_json"] = safe_json
    env.globals.update(
        vis_js=_markup(_asset("vis-network.min.js")),
        vis_css=_markup(_asset("vis-network.css")),
        app_js=_markup(_template_file("kg_network.js")),
        app_css=_markup(_template_file("kg_network.css")),
        kg_info=data["info"],
        kg_options=data["options"],
    )
    # pyvis's add_node/add_edge are quadratic: hand it the finished lists
    net.nodes = data["nodes"]
    net.edges = data["edges"]
    net.options = data["options"]
    return net


def _markup(text: str):
    from markupsafe import Markup

    return Markup(text)


def render_html(data, title: str | None = None, size_by: str = "degree") -> str:
    """The page for ``data`` (a Dataset, Graph or :class:`ViewGraph`) as a string."""
    if size_by not in CENTRALITY_MEASURES:
        raise KgError(f"unknown node size measure {size_by!r}; use {' or '.join(CENTRALITY_MEASURES)}")
    view = data if isinstance(data, ViewGraph) else view_graph(data)
    net = build_network(view, title=title, size_by=size_by)
    return net.generate_html(name="graph.html")


def write_html(dataset_or_graph, path: Path, title: str | None = None, size_by: str = "degree") -> Path:
    """Write the interactive page for a graph (a Dataset, Graph, ViewGraph or a graph file's path) to ``path``."""
    from ..graph.graphio import load_graph, write_atomic

    path = Path(path)
    if path.is_dir():
        raise KgError(f"{path}: is a folder; give the HTML file to write")
    data = dataset_or_graph
    if isinstance(data, (str, Path)):
        data = load_graph(Path(data))
    html = render_html(data, title=title, size_by=size_by)
    write_atomic(path, html.encode("utf-8", errors="replace"))
    return path
