"""End to end: the page ``kg visualize`` writes, opened from disk in headless Chromium with the
network blocked (``offline_page`` in conftest.py aborts every http/https request and records page
errors, console errors, dialogs and stray requests)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import RDF, URIRef

import factories
from kg.graph.rdf import article_dataset
from kg.view.visualize import write_html
from kg.graph.vocab import ID, MIG, NIF
from test_visualize import HOSTILE_TEXT, PERSON, QUOTE, SOURCE, TITLE, URL, hostile_facts

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "tacna-arica.txt"


# -- helpers ---------------------------------------------------------------------------------------
def open_page(page, html: Path):
    page.goto(html.resolve().as_uri())
    assert page.evaluate("typeof network === 'object' && network !== null"), page.problems
    return page


def canvas_centre(page) -> tuple[float, float]:
    box = page.locator("#mynetwork").bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def bring_to_centre(page, position: dict, scale: float = 1.6) -> tuple[float, float]:
    page.evaluate("([p, s]) => network.moveTo({position: p, scale: s})", [position, scale])
    return canvas_centre(page)


def hover_and_click(page, x: float, y: float) -> None:
    page.mouse.move(x + 4, y + 4)
    page.mouse.move(x, y, steps=2)
    page.wait_for_timeout(230)  # the tooltip delay is 150 ms
    page.mouse.click(x, y)


def click_node(page, node_id) -> None:
    x, y = bring_to_centre(page, page.evaluate("(id) => network.getPosition(id)", node_id))
    hover_and_click(page, x, y)


def details_text(page) -> str:
    return page.locator("#details").inner_text()


def node_id_by_label(page, label: str):
    info = page.evaluate("JSON.parse(document.getElementById('kg-info').textContent).nodes.map(n => n.l)")
    return info.index(label)


def expected_node_count(ds) -> int:
    """Entities and facts, counted from the RDF without the visualiser's code."""
    entities = set(ds.subjects(MIG.mentionedIn, None))
    facts = set(ds.subjects(RDF.type, MIG.Fact))
    refs = {o for s in entities | facts for o in ds.objects(s, None)
            if isinstance(o, URIRef) and str(o).startswith(str(ID))
            and not any(part in str(o) for part in ("/article/", "#char=", "/event-type/", "/measure-type/"))}
    return len(entities | facts | refs)


def assert_nothing_ran(page) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 6  # the page's own
    assert page.problems == []


# -- the example article, through the real extractor -----------------------------------------------------
@pytest.fixture(scope="module")
def example(tmp_path_factory):
    from kg.api import extract_files

    tmp = tmp_path_factory.mktemp("example")
    ds = extract_files([EXAMPLE], out=tmp / "g.trig")
    html = tmp / "graph.html"
    write_html(ds, html)
    return ds, html


def test_example_page_offline(example, offline_page, tmp_path):
    ds, html = example
    page = open_page(offline_page, html)
    assert page.evaluate("network.body.data.nodes.length") == expected_node_count(ds)
    assert page.evaluate("network.body.data.edges.length") > 0
    assert page.evaluate("network.physics.options.enabled") is False
    assert "tacna-arica" in page.locator("#heading").inner_text()  # the example has no title: its name

    # search finds Kast and focuses him
    page.fill("#search", "Kast")
    assert "Kast" in page.locator("#search-results").inner_text()
    page.press("#search", "Enter")
    selected = page.evaluate("network.getSelectedNodes()")
    assert len(selected) == 1
    label = page.evaluate("(id) => network.body.data.nodes.get(id).label", selected[0])
    assert "Kast" in label
    assert "Kast" in page.locator("#details h2").inner_text()

    # clicking his node shows the sentences he is mentioned in, with the article
    page.evaluate("() => network.unselectAll()")  # the click below must do the work
    click_node(page, selected[0])
    assert page.evaluate("network.getSelectedNodes()") == selected
    text = str(next(ds.objects(None, NIF.isString)))
    quotes = page.locator("#details figure.source blockquote").all_inner_texts()
    assert quotes and all(q in text for q in quotes)
    assert any("Kast" in q for q in quotes)
    caption = page.locator("#details figcaption").first.inner_text()
    assert "Bloomberg" in caption and "2025-11-28" in caption

    page.screenshot(path=str(tmp_path / "example.png"))
    assert (tmp_path / "example.png").stat().st_size > 10_000
    assert page.problems == []


# -- hand-built article: clicks, filters, highlight ------------------------------------------------------
@pytest.fixture
def factories_page(offline_page, tmp_path):
    html = tmp_path / "graph.html"
    write_html(article_dataset(factories.article_facts()), html)
    return open_page(offline_page, html)


def test_click_node_and_edge_show_source_sentence(factories_page):
    page = factories_page
    assert page.evaluate("network.body.data.nodes.length") == 27
    quote = node_id_by_label(page, "We will not let the border collapse")
    click_node(page, quote)
    assert page.evaluate("network.getSelectedNodes()") == [quote]
    details = details_text(page)
    assert factories.SENTENCES[1] in details
    assert factories.TITLE in details and factories.SOURCE in details and factories.PUBLISHED in details
    assert "quote.direct" in details  # the rule, among the fact's details

    # an edge: its property and the fact's sentence
    edge = page.evaluate("""() => network.body.data.edges.get().find(e => e.label === 'holder'
                            && network.body.data.nodes.get(e.to).label === 'Ana Beltrán').id""")
    ends = page.evaluate("(id) => { const e = network.body.data.edges.get(id);"
                         " return [network.getPosition(e.from), network.getPosition(e.to)]; }", edge)
    middle = {"x": (ends[0]["x"] + ends[1]["x"]) / 2, "y": (ends[0]["y"] + ends[1]["y"]) / 2}
    x, y = bring_to_centre(page, middle, scale=1.0)
    page.mouse.click(x, y)
    assert page.evaluate("network.getSelectedEdges()") == [edge]
    assert page.locator("#details h2").inner_text() == "holder"
    assert factories.SENTENCES[0] in details_text(page)
    assert page.problems == []


def test_filter_by_class_and_highlight_neighbourhood(factories_page):
    page = factories_page
    hidden_js = "network.body.data.nodes.get({filter: n => n.hidden}).map(n => n.label)"
    isolated = page.evaluate(hidden_js)  # nodes without edges start hidden (a toggle shows them)
    assert sorted(isolated) == ["UNHCR", "press conference"]
    page.locator("#legend label", has_text="Person").locator("input").uncheck()
    hidden = set(page.evaluate(hidden_js)) - set(isolated)
    assert sorted(hidden) == ["Ana Beltrán", "Carlos Ibáñez", "Julio Ríos"]
    page.click("#show-all")
    assert page.evaluate(hidden_js) == isolated
    page.check("#isolated-toggle")
    assert page.evaluate(hidden_js) == []

    mexico = node_id_by_label(page, "Mexico")
    click_node(page, mexico)
    dimmed = page.evaluate("network.body.data.nodes.get({filter: n => typeof n.color === 'object'}).map(n => n.label)")
    assert "UNHCR" in dimmed and "Mexico" not in dimmed and "Tapachula" not in dimmed
    page.uncheck("#highlight-toggle")
    assert page.evaluate("network.body.data.nodes.get({filter: n => typeof n.color === 'object'}).length") == 0
    assert page.problems == []


# -- hostile input --------------------------------------------------------------------------------------
def hover_and_click_everything(page) -> None:
    nodes = page.evaluate("network.body.data.nodes.getIds()")
    hit, tooltips = 0, 0
    for node in nodes:
        click_node(page, node)
        hit += page.evaluate("network.getSelectedNodes()") == [node]
        tooltips += page.evaluate("!!document.querySelector('div.vis-tooltip')"
                                  " && document.querySelector('div.vis-tooltip').style.visibility !== 'hidden'")
        # a tooltip is text (innerText turns its line breaks into <br>, nothing else)
        assert page.evaluate("[...document.querySelectorAll('div.vis-tooltip *')].every(e => e.tagName === 'BR')")
    assert hit >= 0.8 * len(nodes) and tooltips >= 0.8 * len(nodes), (hit, tooltips, len(nodes))
    for edge in page.evaluate("network.body.data.edges.getIds()"):
        ends = page.evaluate("(id) => { const e = network.body.data.edges.get(id);"
                             " return [network.getPosition(e.from), network.getPosition(e.to)]; }", edge)
        middle = {"x": (ends[0]["x"] + ends[1]["x"]) / 2, "y": (ends[0]["y"] + ends[1]["y"]) / 2}
        hover_and_click(page, *bring_to_centre(page, middle, scale=1.0))


def test_hostile_article_runs_nothing(offline_page, tmp_path):
    html = tmp_path / "hostile.html"
    write_html(article_dataset(hostile_facts()), html)
    page = open_page(offline_page, html)
    assert_nothing_ran(page)
    assert page.locator("#heading").inner_text() == TITLE
    assert page.title() == TITLE

    hover_and_click_everything(page)
    assert_nothing_ran(page)

    # the payloads are on screen as text: the quote, the person, the article's metadata
    person = node_id_by_label(page, PERSON)
    click_node(page, person)
    tooltip = page.evaluate("document.querySelector('div.vis-tooltip') && document.querySelector('div.vis-tooltip').innerText")
    assert tooltip is None or PERSON in tooltip
    details = page.evaluate("document.getElementById('details').textContent")
    assert PERSON in details and URL in details and SOURCE in details
    quote = page.evaluate("(q) => JSON.parse(document.getElementById('kg-info').textContent).nodes"
                          ".findIndex(n => n.d.some(row => row[1] === q))", QUOTE)
    assert quote >= 0
    click_node(page, quote)
    assert QUOTE in page.evaluate("document.getElementById('details').textContent")

    # searching for markup finds it as text
    page.fill("#search", "<img src=x")
    page.press("#search", "Enter")
    assert "<img" in page.locator("#search-results").inner_text()
    page.screenshot(path=str(tmp_path / "hostile.png"))
    assert_nothing_ran(page)


def test_hostile_article_through_the_extractor(offline_page, tmp_path):
    from kg.api import extract_files

    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE_TEXT + "\n" + "President Gabriel Boric <script>window.__pwned=1</script> said "
                       "\u201cthe border is closed <img src=x onerror=alert(1)>\u201d on Friday.\n", encoding="utf-8")
    (tmp_path / "hostile.json").write_text(json.dumps({"title": TITLE, "url": URL, "source": SOURCE}), encoding="utf-8")
    ds = extract_files([article], out=tmp_path / "g.trig", title=TITLE, url=URL)
    html = tmp_path / "hostile.html"
    write_html(ds, html)
    page = open_page(offline_page, html)
    assert page.evaluate("network.body.data.nodes.length") == expected_node_count(ds)
    hover_and_click_everything(page)
    assert_nothing_ran(page)
