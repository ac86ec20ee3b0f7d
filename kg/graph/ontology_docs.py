"""Rebuild the ontology's HTML documentation: ``python -m kg.graph.ontology_docs``.

Renders ``ontology/migration.ttl`` with pyLODE 3.4.1 (the optional ``docs`` extra:
``pip install -e '.[docs]'``) into ``ontology/docs/index.html``: the OntPub profile for the classes
and properties, followed by a section for each SKOS concept scheme (event types, measure types,
CAMEO codes), which OntPub does not show. The page is self-contained: pyLODE inlines its CSS and
the only script element is the page's own schema.org JSON-LD.

pyLODE 3.4.1's wheel reads its version from a ``pyproject.toml`` that the wheel does not ship
(RDFLib/pyLODE#260, fixed after 3.4.1); :func:`_import_ontpub` supplies the version itself.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
import types
from importlib import metadata
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS


ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"
ONTOLOGY_PATH = ONTOLOGY_DIR / "migration.ttl"
DOCS_PATH = ONTOLOGY_DIR / "docs" / "index.html"


def _import_ontpub():
    """pyLODE's OntPub class, working around the missing pyproject.toml of the 3.4.1 wheel."""
    if "pylode.version" not in sys.modules:
        try:
            version = metadata.version("pylode")
        except metadata.PackageNotFoundError:
            raise SystemExit("pyLODE is not installed: pip install -e '.[docs]'") from None
        shim = types.ModuleType("pylode.version")
        shim.__version__ = version
        sys.modules["pylode.version"] = shim
    from pylode import OntPub

    return OntPub


def _text(graph: Graph, node: URIRef, prop: URIRef) -> str:
    values = sorted(graph.objects(node, prop), key=lambda v: (getattr(v, "language", None) != "en", str(v)))
    return str(values[0]) if values else ""


def _local(iri: URIRef) -> str:
    return re.split(r"[/#]", str(iri))[-1]


def _concept_anchor(graph: Graph, concept: URIRef) -> str:
    """A page-unique id for a concept row: its scheme's local name and its own."""
    scheme = graph.value(concept, SKOS.inScheme)
    return f"{_local(scheme) if scheme is not None else 'concept'}-{_local(concept)}"


def _concept_sort_key(graph: Graph, concept: URIRef) -> tuple:
    notation = _text(graph, concept, SKOS.notation)
    return (int(notation) if notation.isdigit() else 0, notation, _text(graph, concept, SKOS.prefLabel))


def concept_schemes_html(graph: Graph) -> str:
    """An HTML section listing every SKOS concept scheme of ``graph`` and its concepts."""
    parts = ['<div class="section" id="conceptschemes">', "<h2>Concept schemes</h2>"]
    schemes = sorted(graph.subjects(RDF.type, SKOS.ConceptScheme), key=str)
    for scheme in schemes:
        anchor = _local(scheme)
        parts.append(f'<div class="property entity" id="{html.escape(anchor)}">')
        parts.append(f"<h3>{html.escape(_text(graph, scheme, RDFS.label))}</h3>")
        parts.append("<table>")
        parts.append(f"<tr><th>IRI</th><td><code>{html.escape(str(scheme))}</code></td></tr>")
        parts.append(f"<tr><th>Description</th><td>{html.escape(_text(graph, scheme, RDFS.comment))}</td></tr>")
        parts.append("</table>")
        concepts = sorted(graph.subjects(SKOS.inScheme, scheme), key=lambda c: _concept_sort_key(graph, c))
        parts.append('<table class="concepts">')
        parts.append("<tr><th>Concept</th><th>Also called</th><th>Definition</th><th>Mappings</th></tr>")
        for concept in concepts:
            label = _text(graph, concept, SKOS.prefLabel)
            notation = _text(graph, concept, SKOS.notation)
            if notation:
                label = f"{notation}: {label}"
            alts = ", ".join(sorted(str(a) for a in graph.objects(concept, SKOS.altLabel)))
            definition = _text(graph, concept, SKOS.definition) or _text(graph, concept, RDFS.comment)
            mappings = []
            for prop, name in (
                (SKOS.exactMatch, "exact"),
                (SKOS.closeMatch, "close"),
                (SKOS.broadMatch, "broad"),
                (SKOS.related, "related"),
            ):
                for target in sorted(graph.objects(concept, prop), key=str):
                    target_label = _text(graph, target, SKOS.notation) or _text(graph, target, SKOS.prefLabel)
                    shown = target_label or str(target)
                    href = str(target)
                    scheme_of = graph.value(target, SKOS.inScheme)
                    if scheme_of is not None:
                        shown = f"{_text(graph, scheme_of, RDFS.label)}: {shown}"
                        href = "#" + _concept_anchor(graph, target)
                    mappings.append(f'{name} <a href="{html.escape(href)}">{html.escape(shown)}</a>')
            parts.append(
                f'<tr id="{html.escape(_concept_anchor(graph, concept))}">'
                f'<td><a href="{html.escape(str(concept))}"><code>{html.escape(label)}</code></a></td>'
                f"<td>{html.escape(alts)}</td>"
                f"<td>{html.escape(definition)}</td>"
                f"<td>{'<br>'.join(mappings)}</td>"
                "</tr>"
            )
        parts.append("</table>")
        parts.append("</div>")
    parts.append("</div>")
    return "\n".join(parts)


def build_html(ontology: Path = ONTOLOGY_PATH) -> str:
    """The documentation page for ``ontology`` as an HTML string."""
    OntPub = _import_ontpub()
    graph = Graph().parse(ontology, format="turtle")
    # OntPub would merge the concept schemes' titles and descriptions into the ontology's
    # metadata block, so it gets the ontology without them; they are rendered separately below.
    classes_and_properties = Graph()
    for prefix, namespace in graph.namespaces():
        classes_and_properties.bind(prefix, namespace)
    for triple in graph:
        if triple[1] == RDF.type and triple[2] == SKOS.ConceptScheme:
            continue
        classes_and_properties.add(triple)
    page = OntPub(ontology=classes_and_properties, sort_subjects=True).make_html(include_css=True)
    extra = concept_schemes_html(graph)
    css = (
        "<style>\n#conceptschemes table.concepts { border-collapse: collapse; margin-bottom: 2em; }\n"
        "#conceptschemes table.concepts td, #conceptschemes table.concepts th "
        "{ border: 1px solid #ccc; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }\n</style>"
    )
    page = page.replace("</head>", css + "\n</head>", 1)
    # Put the schemes after OntPub's sections (inside its content <div>, before "Namespaces"),
    # and give them a table-of-contents entry before the one for Namespaces.
    marker = '<div id="namespaces">'
    if marker in page:
        page = page.replace(marker, extra + "\n" + marker, 1)
    else:
        page = page.replace("</body>", extra + "\n</body>", 1)
    toc = re.search(r'<li>\s*<h4>\s*<a href="#namespaces">', page)
    if toc:
        items = "".join(
            f'<li><a href="#{html.escape(_local(s))}">{html.escape(_text(graph, s, RDFS.label))}</a></li>'
            for s in sorted(graph.subjects(RDF.type, SKOS.ConceptScheme), key=str)
        )
        entry = f'<li><h4><a href="#conceptschemes">Concept schemes</a></h4><ul class="second">{items}</ul></li>\n'
        page = page[: toc.start()] + entry + page[toc.start():]
    return page


def external_resources(page: str) -> list[str]:
    """Scripts and stylesheets the page would fetch from elsewhere (should be none)."""
    found = re.findall(r"<script[^>]*\bsrc=[\"']([^\"']+)", page)
    found += re.findall(r"<link[^>]*rel=[\"']stylesheet[\"'][^>]*href=[\"']([^\"']+)", page)
    found += re.findall(r"<link[^>]*href=[\"']([^\"']+)[\"'][^>]*rel=[\"']stylesheet", page)
    return sorted(set(found))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.graph.ontology_docs", description=__doc__.splitlines()[0])
    parser.add_argument("--ontology", type=Path, default=ONTOLOGY_PATH, help="ontology file (Turtle)")
    parser.add_argument("-o", "--output", type=Path, default=DOCS_PATH, help="HTML file to write")
    args = parser.parse_args(argv)
    page = build_html(args.ontology)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(page, encoding="utf-8")
    external = external_resources(page)
    print(f"wrote {args.output} ({len(page):,} characters)")
    if external:
        print("note: the page references external resources: " + ", ".join(external))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
