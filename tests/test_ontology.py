"""The ontology (ontology/migration.ttl) declares and documents every term the graph uses."""
from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from factories import article_facts
from kg.graph.rdf import article_dataset, slugify
from kg.graph.vocab import EVENT_TYPE, MEASURE_TYPE, MIG, SCHEMA, SEM
from kg.graph.validation import ONTOLOGY_PATH, SHAPES_PATH

ROOT = Path(__file__).resolve().parent.parent
VANN = "http://purl.org/vocab/vann/"
ONTOLOGY_IRI = URIRef("https://w3id.org/migration-kg/ontology")
DECLARED_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, SKOS.ConceptScheme}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


@pytest.fixture(scope="module")
def factory_graph() -> Graph:
    union = Graph()
    for triple in article_dataset(article_facts()).triples((None, None, None)):
        union.add(triple)
    return union


def mig_terms(graph: Graph) -> set[URIRef]:
    """Every IRI in the mig: namespace that occurs anywhere in ``graph``."""
    return {
        node
        for triple in graph
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(str(MIG)) and str(node) != str(MIG)
    }


def declared(ontology: Graph, term: URIRef) -> bool:
    return any((term, RDF.type, t) in ontology for t in DECLARED_TYPES)


def english(ontology: Graph, term: URIRef, prop: URIRef) -> list[str]:
    return [str(o) for o in ontology.objects(term, prop) if isinstance(o, Literal) and o.language == "en" and str(o).strip()]


# -- the header ------------------------------------------------------------------------------


def test_header_has_version_iri_and_metadata(ontology):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    version_iri = ontology.value(ONTOLOGY_IRI, OWL.versionIRI)
    version = ontology.value(ONTOLOGY_IRI, OWL.versionInfo)
    assert isinstance(version_iri, URIRef)
    assert str(version_iri).startswith(str(ONTOLOGY_IRI) + "/")
    assert version is not None and str(version_iri).endswith(str(version))
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.created, DCTERMS.license):
        assert ontology.value(ONTOLOGY_IRI, prop) is not None, prop
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.created).datatype == XSD.date
    assert str(ontology.value(ONTOLOGY_IRI, URIRef(VANN + "preferredNamespacePrefix"))) == "mig"
    assert str(ontology.value(ONTOLOGY_IRI, URIRef(VANN + "preferredNamespaceUri"))) == str(MIG)


def test_version_matches_the_package(ontology):
    import kg

    assert str(ontology.value(ONTOLOGY_IRI, OWL.versionInfo)) == kg.__version__


# -- every term used is declared and documented ----------------------------------------------


def test_factory_graph_uses_many_mig_terms(factory_graph):
    # guards the next test against passing vacuously (e.g. if the factory stopped building facts)
    assert len(mig_terms(factory_graph)) >= 30


def test_every_mig_term_in_the_extractor_output_is_declared(ontology, factory_graph):
    undeclared = sorted(str(t) for t in mig_terms(factory_graph) if not declared(ontology, t))
    assert undeclared == []


def test_every_mig_term_in_rdf_py_and_model_md_is_declared(ontology):
    source = (ROOT / "kg" / "graph" / "rdf.py").read_text(encoding="utf-8")
    names = set(re.findall(r"\bMIG\.([A-Za-z_][A-Za-z0-9_]*)", source))
    names |= set(re.findall(r'\bMIG\["([^"]+)"\]', source))
    model = ROOT / "docs" / "model.md"
    if model.exists():
        names |= set(re.findall(r"\bmig:([A-Za-z][A-Za-z0-9]*)", model.read_text(encoding="utf-8")))
    assert len(names) >= 30
    undeclared = sorted(n for n in names if not declared(ontology, MIG[n]))
    assert undeclared == []


def test_every_declared_term_has_english_label_and_comment(ontology):
    terms = {s for t in DECLARED_TYPES for s in ontology.subjects(RDF.type, t) if str(s).startswith(str(MIG))}
    assert len(terms) >= 38
    missing = sorted(
        str(t) for t in terms if not english(ontology, t, RDFS.label) or not english(ontology, t, RDFS.comment)
    )
    assert missing == []


def test_terms_are_declared_as_the_kind_the_graph_uses(ontology, factory_graph):
    for cls in set(factory_graph.objects(None, RDF.type)):
        if str(cls).startswith(str(MIG)):
            assert (cls, RDF.type, OWL.Class) in ontology, cls
    for s, p, o in factory_graph:
        if not str(p).startswith(str(MIG)):
            continue
        expected = OWL.DatatypeProperty if isinstance(o, Literal) else OWL.ObjectProperty
        assert (p, RDF.type, expected) in ontology, (p, expected)
    for scheme in set(factory_graph.objects(None, SKOS.inScheme)):
        assert (scheme, RDF.type, SKOS.ConceptScheme) in ontology, scheme


def test_properties_have_domain_and_range(ontology):
    props = set(ontology.subjects(RDF.type, OWL.ObjectProperty)) | set(ontology.subjects(RDF.type, OWL.DatatypeProperty))
    props = {p for p in props if str(p).startswith(str(MIG))}
    for p in props:
        assert ontology.value(p, RDFS.domain) or ontology.value(p, SCHEMA.domainIncludes), p
        assert ontology.value(p, RDFS.range) or ontology.value(p, SCHEMA.rangeIncludes), p


# -- alignments --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "term, prop, target",
    [
        (MIG.RoleAssignment, RDFS.subClassOf, SCHEMA.Role),
        (MIG.Election, RDFS.subClassOf, SEM.Event),
        (MIG.Election, RDFS.subClassOf, SCHEMA.Event),
        (MIG.MediaOutlet, RDFS.subClassOf, SCHEMA.NewsMediaOrganization),
        (MIG.NumericFact, RDFS.subClassOf, SCHEMA.QuantitativeValue),
        (MIG.BorderCrossing, RDFS.subClassOf, SCHEMA.Place),
        (MIG.Fact, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")),
        (MIG.candidate, RDFS.subPropertyOf, SEM.hasActor),
        (MIG.mentionedIn, OWL.inverseOf, SCHEMA.mentions),
        (MIG.holder, OWL.inverseOf, MIG.holdsRole),
        (MIG.connects, SKOS.relatedMatch, URIRef("http://www.wikidata.org/prop/direct/P47")),
    ],
)
def test_alignment(ontology, term, prop, target):
    assert (term, prop, target) in ontology


def test_every_mig_class_and_property_is_aligned_or_specialises_one(ontology):
    """Each term links to a standard vocabulary, directly or through a mig: superclass."""
    links = (RDFS.subClassOf, RDFS.subPropertyOf, OWL.inverseOf, OWL.equivalentClass, SKOS.exactMatch,
             SKOS.closeMatch, SKOS.broadMatch, SKOS.relatedMatch, RDFS.seeAlso)
    terms = {s for t in (OWL.Class, OWL.ObjectProperty) for s in ontology.subjects(RDF.type, t)}
    for term in terms:
        targets = [o for p in links for o in ontology.objects(term, p)]
        assert targets, f"{term} has no alignment"


# -- the concept schemes -----------------------------------------------------------------------


@pytest.mark.parametrize("scheme, namespace", [(MIG.EventTypes, EVENT_TYPE), (MIG.MeasureTypes, MEASURE_TYPE)])
def test_scheme_concepts_use_the_iris_the_extractor_mints(ontology, scheme, namespace):
    concepts = set(ontology.subjects(SKOS.inScheme, scheme))
    assert len(concepts) >= 15
    for concept in concepts:
        label = ontology.value(concept, SKOS.prefLabel)
        assert label is not None and label.language == "en", concept
        assert concept == namespace[slugify(str(label))], (concept, label)
        assert ontology.value(concept, SKOS.definition) is not None, concept
        assert (concept, RDF.type, SKOS.Concept) in ontology
        broader = list(ontology.objects(concept, SKOS.broader))
        if broader:  # a narrower concept hangs under one of the same scheme
            assert all((b, SKOS.inScheme, scheme) in ontology for b in broader), concept
            assert (concept, SKOS.topConceptOf, scheme) not in ontology
        else:
            assert (scheme, SKOS.hasTopConcept, concept) in ontology, concept
            assert (concept, SKOS.topConceptOf, scheme) in ontology, concept


def test_scheme_covers_the_standard_event_types(ontology):
    wanted = ["blockade", "state of emergency declaration", "declaration", "meeting", "election", "deployment", "visit",
              "deadline", "closure", "expulsion", "deportation", "crossing", "announcement", "lawsuit",
              "suspension", "delivery"]
    for label in wanted:
        assert (EVENT_TYPE[slugify(label)], SKOS.inScheme, MIG.EventTypes) in ontology, label


def test_factory_types_are_defined_in_the_schemes(ontology, factory_graph):
    for prop, scheme in ((SEM.eventType, MIG.EventTypes), (MIG.measureType, MIG.MeasureTypes)):
        used = set(factory_graph.objects(None, prop))
        assert used
        for concept in used:
            assert (concept, SKOS.inScheme, scheme) in ontology, concept


def test_concept_links_point_to_defined_concepts(ontology):
    links = (SKOS.broader, SKOS.related, SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch)
    ours = "https://w3id.org/migration-kg/id/"
    targets = {o for p in links for o in ontology.objects(None, p) if str(o).startswith(ours)}
    assert targets
    undefined = sorted(str(t) for t in targets if (t, SKOS.inScheme, None) not in ontology)
    assert undefined == []


def _lexicon():
    lexicon = pytest.importorskip("kg.extract.lexicon")
    if not all(hasattr(lexicon, n) for n in ("EVENT_VERBS", "EVENT_NOUNS", "MEASURE_PHRASES", "MEASURE_VERBS")):
        pytest.skip("kg.extract.lexicon has no event/measure vocabulary")
    return lexicon


def test_every_event_type_the_extractor_can_emit_is_in_the_scheme(ontology):
    lexicon = _lexicon()
    types = {v[0] for v in lexicon.EVENT_VERBS.values()} | set(lexicon.EVENT_NOUNS.values())
    types |= {"election", "deadline", "state of emergency declaration"}  # set in kg/extract/facts/events.py
    missing = sorted(t for t in types if (EVENT_TYPE[slugify(t)], SKOS.inScheme, MIG.EventTypes) not in ontology)
    assert missing == [], "add these event types to mig:EventTypes in ontology/migration.ttl"


def test_every_measure_type_the_extractor_can_emit_is_in_the_scheme(ontology):
    lexicon = _lexicon()
    types = set(lexicon.MEASURE_PHRASES.values()) | {v[0] for v in lexicon.MEASURE_VERBS.values()} | {"deadline"}
    missing = sorted(t for t in types if (MEASURE_TYPE[slugify(t)], SKOS.inScheme, MIG.MeasureTypes) not in ontology)
    assert missing == [], "add these measure types to mig:MeasureTypes in ontology/migration.ttl"


def test_every_modality_the_extractor_can_emit_is_accepted_by_the_shapes():
    lexicon = _lexicon()
    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    from rdflib.collection import Collection
    from rdflib.namespace import SH

    allowed = set()
    for prop_shape in shapes.subjects(SH.path, MIG.modality):
        for lst in shapes.objects(prop_shape, SH["in"]):
            allowed |= {str(v) for v in Collection(shapes, lst)}
    emitted = set(getattr(lexicon, "MODALITY_VERBS", {}).values()) | {"announced", "carried out", "proposed"}
    assert allowed and emitted <= allowed, sorted(emitted - allowed)


def test_cameo_mappings(ontology):
    assert (EVENT_TYPE.blockade, SKOS.exactMatch, URIRef("https://w3id.org/migration-kg/id/cameo/144")) in ontology
    targets = [
        o
        for p in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch)
        for o in ontology.objects(None, p)
        if "/id/cameo/" in str(o)
    ]
    assert len(targets) >= 5
    for target in targets:
        assert (target, SKOS.inScheme, MIG.CameoCodes) in ontology, target
        assert re.fullmatch(r"\d+", str(ontology.value(target, SKOS.notation))), target
        assert str(target).endswith("/" + str(ontology.value(target, SKOS.notation)))


# -- the files parse -----------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2-utils (rapper) not installed")
@pytest.mark.parametrize("path", [ONTOLOGY_PATH, SHAPES_PATH])
def test_rapper_accepts_the_turtle(path):
    result = subprocess.run(["rapper", "-i", "turtle", "-c", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "returned" in result.stderr


def test_shapes_mention_only_declared_mig_terms(ontology):
    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    unknown = sorted(str(t) for t in mig_terms(shapes) if not declared(ontology, t))
    assert unknown == []


def test_shapes_graph_is_valid_shacl():
    from pyshacl import validate

    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    conforms, _, text = validate(Graph(), shacl_graph=shapes, meta_shacl=True, advanced=True)
    assert conforms, text


# -- the generated documentation -------------------------------------------------------------------


def test_docs_page_documents_every_class_and_property(ontology):
    page = (ROOT / "ontology" / "docs" / "index.html").read_text(encoding="utf-8")
    terms = {s for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty) for s in ontology.subjects(RDF.type, t)}
    missing = sorted(str(t) for t in terms if str(t) not in page)
    assert missing == [], "ontology/docs/index.html is stale: run python -m kg.graph.ontology_docs"
    for concept in ontology.subjects(SKOS.inScheme, MIG.EventTypes):
        assert str(concept) in page, "ontology/docs/index.html is stale: run python -m kg.graph.ontology_docs"


def test_docs_build_is_self_contained(tmp_path):
    if importlib.util.find_spec("pylode") is None:  # the optional 'docs' extra
        pytest.skip("pyLODE not installed (pip install -e '.[docs]')")
    from kg.graph.ontology_docs import external_resources, main

    out = tmp_path / "index.html"
    assert main(["-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Migration and border news ontology" in page
    assert 'id="conceptschemes"' in page and "obstruct passage, block" in page
    assert external_resources(page) == []
    assert re.findall(r"<script[^>]*\bsrc=", page) == []
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "duplicate HTML ids"


def test_project_namespaces_make_each_term_once_and_keep_str_behaviour():
    """The namespaces cache their terms (a speed-up for the RDF layer) without changing what
    a term is: the same URIRef as rdflib's Namespace gives, by attribute or by item."""
    from rdflib import Namespace

    plain = Namespace(str(MIG))
    assert MIG.Measure is MIG.Measure
    assert MIG.Measure == plain.Measure == MIG["Measure"] and isinstance(MIG.Measure, URIRef)
    assert MIG.startswith("https://") and MIG.title == plain.title  # as rdflib: str methods, and its "title" term
    with pytest.raises(AttributeError):
        MIG.__no_such_dunder__
