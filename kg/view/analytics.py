"""The graph as people look at it: entities and facts as a networkx graph, with analytics.

RDF is the right shape for queries but not for a picture: text spans, articles and SKOS type
concepts would crowd out the entities and facts they describe. :func:`view_graph` turns any graph
the project writes (one article or a corpus, a :class:`rdflib.Dataset` or a plain
:class:`rdflib.Graph`) into a :class:`networkx.DiGraph` whose nodes are the entities and fact nodes,
whose edges are the properties between them (parallel properties merged into one edge), and whose
node attributes carry everything else as details: literal values, type concepts, and the source
sentences each node or edge comes from (via ``prov:wasDerivedFrom`` for facts, via the
``nif:Phrase`` mentions for entities).

On top of it: :func:`centrality` (degree or betweenness), :func:`layout` (positions precomputed
so the page needs no physics), :func:`class_counts` and :func:`top_actors` for ``kg stats``, and
:func:`export_graph` (GraphML or GEXF, for Gephi).

>>> from kg.graph.rdf import new_dataset
>>> view_graph(new_dataset()).graph.number_of_nodes()
0
"""
from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import networkx as nx
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from ..errors import KgError
from ..graph.graphio import write_atomic
from ..graph.vocab import GN, ID, ITSRDF, MIG, NIF, PREFIXES, SCHEMA, SEM

# -- what is drawn, what is detail ------------------------------------------------------------

#: Text spans and articles: provenance, shown in the details, never drawn.
PROVENANCE_TYPES = frozenset({
    NIF.Sentence, NIF.Phrase, NIF.Context, NIF.String, NIF.RFC5147String, NIF.OffsetBasedString,
    SCHEMA.NewsArticle, SCHEMA.Article, SCHEMA.CreativeWork,
})
#: Type concepts become details ("event type: election") rather than nodes.
CONCEPT_TYPES = frozenset({SKOS.Concept, SKOS.ConceptScheme, SKOS.Collection})
#: Ontology and shape terms, if a graph carries them: used for labels, never drawn.
SCHEMA_TYPES = frozenset({
    OWL.Class, RDFS.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
    RDF.Property, OWL.Ontology, OWL.Restriction, OWL.TransitiveProperty, OWL.SymmetricProperty,
    OWL.FunctionalProperty, OWL.InverseFunctionalProperty,
    URIRef("http://www.w3.org/ns/shacl#NodeShape"), URIRef("http://www.w3.org/ns/shacl#PropertyShape"),
})
#: Classes too general to name a node by when a more specific one is present.
GENERIC_TYPES = frozenset({MIG.Fact, OWL.Thing, RDFS.Resource, SCHEMA.Thing, SCHEMA.QuantitativeValue,
                           SCHEMA.StructuredValue, SCHEMA.Intangible})

LABEL_PROPS = (RDFS.label, SKOS.prefLabel, SCHEMA.name, SCHEMA.headline, DCTERMS.title)
#: Properties that are shown some other way (class, title, sources, articles) or not at all.
HIDDEN_PROPS = frozenset({RDF.type, RDFS.label, SKOS.prefLabel, PROV.wasDerivedFrom, PROV.hadPrimarySource,
                          MIG.mentionedIn, SCHEMA.mentions})
#: Details listed last (how the fact was made rather than what it says).
LAST_PROPS = (MIG.rule, MIG.confidence)

FACT_CLASSES = frozenset({MIG.Fact, MIG.RoleAssignment, MIG.Measure, SEM.Event, MIG.Election, SCHEMA.Quotation,
                          MIG.Movement, MIG.NumericFact, MIG.OrientationAttribution})
#: Who can act: ranked by ``kg stats`` (places, crossings, borders and platforms are not actors).
ACTOR_CLASSES = frozenset({SCHEMA.Person, SCHEMA.Country, SCHEMA.Organization, SCHEMA.GovernmentOrganization,
                           MIG.ArmedForces, MIG.MediaOutlet, MIG.MigrantGroup})

#: Labels for standard terms whose local name reads badly; the ontology's labels win over these.
BUILTIN_LABELS: dict[URIRef, str] = {
    SEM.hasActor: "actor",
    SEM.hasPlace: "place",
    SEM.hasTimeStamp: "date",
    SEM.eventType: "event type",
    SEM.Event: "Event",
    SCHEMA.unitText: "unit",
    SCHEMA.minValue: "minimum",
    SCHEMA.maxValue: "maximum",
    SCHEMA.roleName: "role",
    SCHEMA.datePublished: "published",
    SCHEMA.publisher: "publisher",
    PROV.wasAttributedTo: "according to",
    OWL.sameAs: "same as",
    GN.countryCode: "country code",
}

#: How each known class is drawn: (colour, vis-network shape). Unknown classes get a palette colour.
CLASS_STYLES: dict[URIRef, tuple[str, str]] = {
    # entities
    SCHEMA.Person: ("#4e79a7", "dot"),
    SCHEMA.Country: ("#59a14f", "hexagon"),
    SCHEMA.Place: ("#8cd17d", "triangle"),
    MIG.BorderCrossing: ("#b6992d", "square"),
    MIG.BorderSection: ("#d4a514", "triangleDown"),
    SCHEMA.Organization: ("#9c755f", "dot"),
    SCHEMA.GovernmentOrganization: ("#e15759", "dot"),
    MIG.ArmedForces: ("#6b6b6b", "square"),
    MIG.MediaOutlet: ("#d37295", "dot"),
    MIG.SocialPlatform: ("#c990b5", "triangle"),
    MIG.MigrantGroup: ("#f28e2b", "star"),
    MIG.StatementChannel: ("#d7b5a6", "triangle"),
    # facts
    MIG.RoleAssignment: ("#86bcb6", "diamond"),
    MIG.Measure: ("#ff9d9a", "diamond"),
    SEM.Event: ("#76b7b2", "diamond"),
    MIG.Election: ("#499894", "diamond"),
    SCHEMA.Quotation: ("#b07aa1", "diamond"),
    MIG.Movement: ("#ffbe7d", "diamond"),
    MIG.NumericFact: ("#bab0ac", "diamond"),
    MIG.OrientationAttribution: ("#9d7bd8", "diamond"),
    MIG.Fact: ("#a5a5a5", "diamond"),
}
_PALETTE = ("#17becf", "#bcbd22", "#8c564b", "#e377c2", "#7f7f7f", "#1f77b4", "#ff7f0e", "#2ca02c")
_OTHER = URIRef(str(MIG) + "_Other")  # stands for "no known class"

#: Where mention-less country IRIs ("id:country/CL") get a readable name when unlabelled.
_ID_KIND_CLASSES = {
    "person": SCHEMA.Person, "country": SCHEMA.Country, "place": SCHEMA.Place, "crossing": MIG.BorderCrossing,
    "border": MIG.BorderSection, "organization": SCHEMA.Organization, "government": SCHEMA.GovernmentOrganization,
    "armed-forces": MIG.ArmedForces, "media": MIG.MediaOutlet, "platform": MIG.SocialPlatform,
    "group": MIG.MigrantGroup, "channel": MIG.StatementChannel,
}


# -- the view graph -----------------------------------------------------------------------------

@dataclass
class ClassInfo:
    """One class as the page shows it: legend entry, filter, colour and shape."""

    iri: str
    label: str
    color: str
    shape: str
    fact: bool
    count: int = 0


@dataclass
class ArticleInfo:
    iri: str
    title: str
    source: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass
class ViewGraph:
    """Entities and facts as a networkx graph, plus the tables its node attributes point into.

    Node keys are IRIs (strings). Node attributes: ``label``, ``cls`` (class IRI), ``fact`` (bool),
    ``details`` (list of (property label, value text)), ``sources`` (list of (sentence index,
    [(mark start, mark end), ...])), ``more_sources`` (how many were left out), ``articles`` (set of
    article indexes). Edge attributes: ``props`` (list of (property IRI, label)), ``sources``
    (as for nodes), ``articles``. ``sentences`` holds (article index, text, begin, end): the text
    spans (character offsets in the article) that nodes and edges point to.
    """

    graph: nx.DiGraph
    classes: dict[str, ClassInfo] = field(default_factory=dict)
    articles: list[ArticleInfo] = field(default_factory=list)
    sentences: list[tuple[int, str, int | None, int | None]] = field(default_factory=list)
    triples: int = 0  # distinct triples of the union of the article graphs
    quads: int = 0  # (triple, article graph) pairs: a triple stated by several articles counts once per article

    def actors(self) -> list[str]:
        return [n for n, d in self.graph.nodes(data=True) if URIRef(d["cls"]) in ACTOR_CLASSES
                or (not d["fact"] and d.get("actor"))]


MAX_SOURCES = 12  # source sentences kept per node or edge; the rest are counted


def _split_camel(name: str) -> str:
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|[_\-]+", " ", name).split()
    return " ".join(w if (w.isupper() and len(w) > 1) else w.lower() for w in words)


def local_name(term: str) -> str:
    """The readable last part of an IRI: '...#hasTimeStamp' -> 'has time stamp', '.../ruiz' -> 'ruiz'."""
    text = str(term).rstrip("/#")
    for sep in ("#", "/", ":"):
        if sep in text:
            text = text.rsplit(sep, 1)[1]
            break
    return _split_camel(text) or str(term)


def curie(term: str) -> str:
    """'http://www.wikidata.org/entity/Q96' -> 'wd:Q96'; IRIs outside known namespaces stay whole."""
    text = str(term)
    best = None
    for prefix, ns in PREFIXES.items():
        if text.startswith(str(ns)) and (best is None or len(str(ns)) > len(str(best[1]))):
            best = (prefix, ns)
    return f"{best[0]}:{text[len(str(best[1])):]}" if best else text


@lru_cache(maxsize=1)
def _ontology() -> tuple[dict[URIRef, str], dict[URIRef, URIRef]]:
    """Labels and owl:inverseOf pairs of the project's terms, from ``ontology/migration.ttl`` when it is
    there; ({}, {}) when it is not or does not parse (a half-written ontology must not break the page)."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "data" / "migration.ttl", here.parent / "ontology" / "migration.ttl"):
        if not candidate.is_file():
            continue
        g = Graph()
        try:
            g.parse(candidate, format="turtle")
        except Exception:
            return {}, {}
        labels: dict[URIRef, str] = {}
        for s, o in g.subject_objects(RDFS.label):
            if isinstance(s, URIRef) and isinstance(o, Literal) and o.language in (None, "en"):
                if s not in labels or o.language == "en":
                    labels[s] = str(o)
        inverse: dict[URIRef, URIRef] = {}
        for s, o in g.subject_objects(OWL.inverseOf):
            inverse[s], inverse[o] = o, s
        return labels, inverse
    return {}, {}


def ontology_labels() -> dict[URIRef, str]:
    """rdfs:label of each ontology term (classes, properties, concepts)."""
    return _ontology()[0]


def _literal_text(value: Literal) -> str:
    if value.datatype == XSD.boolean:
        return "yes" if value.toPython() is True else "no"
    return str(value)


def _pick_label(values: list) -> str | None:
    """One label among several: English or untagged first, then the longest, then alphabetical."""
    lits = [v for v in values if isinstance(v, Literal) and str(v).strip()]
    if not lits:
        return None
    preferred = [v for v in lits if v.language in (None, "en")] or lits
    return sorted((str(v).strip() for v in preferred), key=lambda t: (-len(t), t))[0]


class _Reader:
    """One pass over the triples (graph by graph, so each triple's named graphs are known), then
    indexes: subject -> property -> objects, subject -> classes, triple -> graph names."""

    def __init__(self, data):
        self.out: dict = {}
        self.types: dict = defaultdict(set)
        self.contexts: dict = {}  # (s, p, o) -> set of graph names (empty for a plain Graph)
        rdf_type = RDF.type
        if hasattr(data, "graphs") and hasattr(data, "default_union"):  # a Dataset
            graphs = [(g.identifier, g) for g in data.graphs()]
        elif hasattr(data, "contexts"):  # a ConjunctiveGraph
            graphs = [(g.identifier, g) for g in data.contexts()]
        else:
            graphs = [(None, data)]
        out, types, contexts = self.out, self.types, self.contexts
        for name, graph in graphs:
            for triple in graph.triples((None, None, None)):
                known = contexts.get(triple)
                if known is not None:
                    if name is not None:
                        known.add(name)
                    continue
                contexts[triple] = {name} if name is not None else set()
                s, p, o = triple
                by_prop = out.get(s)
                if by_prop is None:
                    by_prop = out[s] = {}
                by_prop.setdefault(p, []).append(o)
                if p == rdf_type:
                    types[s].add(o)
        self.triples = len(contexts)
        self.quads = sum(len(names) or 1 for names in contexts.values())

    def pairs(self, s):
        """(property, object) pairs of ``s``."""
        for p, objects in self.out.get(s, {}).items():
            for o in objects:
                yield p, o

    def values(self, s, p) -> list:
        return self.out.get(s, {}).get(p, [])

    def value(self, s, p):
        found = self.values(s, p)
        if not found:
            return None
        return found[0] if len(found) == 1 else sorted(found, key=str)[0]


class _Builder:
    def __init__(self, data):
        self.r = _Reader(data)
        self.onto, inverse = _ontology()
        self.inverse = dict(inverse)
        for s, by_prop in self.r.out.items():
            for o in by_prop.get(OWL.inverseOf, ()):
                self.inverse[s] = o
                self.inverse[o] = s
        self.label_cache: dict = {}

    # -- labels ---------------------------------------------------------------------------------
    def term_label(self, term: URIRef, cls: bool = False) -> str:
        """Label of a class or property: the data's, the ontology's, a built-in one, or its local name."""
        key = (term, cls)
        if key in self.label_cache:
            return self.label_cache[key]
        label = _pick_label(self.r.values(term, RDFS.label)) or self.onto.get(term) or BUILTIN_LABELS.get(term)
        if label is None:
            label = local_name(term)
            if cls:
                label = label[:1].upper() + label[1:]
        self.label_cache[key] = label
        return label

    def node_label(self, node) -> str:
        for prop in LABEL_PROPS:
            label = _pick_label(self.r.values(node, prop))
            if label:
                return label
        text = str(node)
        if text.startswith(str(ID) + "country/"):
            code = text.rsplit("/", 1)[1]
            try:
                import pycountry

                country = pycountry.countries.get(alpha_2=code.upper())
                if country is not None:
                    return getattr(country, "common_name", None) or country.name
            except Exception:
                pass
            return code
        if isinstance(node, BNode):
            return "(blank node)"
        return local_name(node)

    # -- classification -------------------------------------------------------------------------
    def kind(self, node) -> str:
        """'draw', 'provenance', 'concept', 'schema' or 'external'."""
        types = self.r.types.get(node, set())
        if types & PROVENANCE_TYPES or (isinstance(node, URIRef) and "#char=" in str(node)):
            return "provenance"
        if types & CONCEPT_TYPES:
            return "concept"
        if types & SCHEMA_TYPES:
            return "schema"
        if types:
            return "draw"
        text = str(node)
        if text.startswith(str(ID)) and text[len(str(ID)):].split("/", 1)[0] in _ID_KIND_CLASSES:
            return "draw"
        if any(p in LABEL_PROPS for p in self.r.out.get(node, ())):
            return "draw"
        return "external"

    def main_class(self, node) -> URIRef:
        types = self.r.types.get(node, set())
        specific = [t for t in types if t not in GENERIC_TYPES] or list(types)
        # the more specific of a known pair (an election is an event)
        if MIG.Election in specific:
            return MIG.Election
        known = [t for t in specific if t in CLASS_STYLES]
        if known:
            return sorted(known, key=str)[0]
        if specific:
            return sorted(specific, key=str)[0]
        text = str(node)
        if text.startswith(str(ID)):
            return _ID_KIND_CLASSES.get(text[len(str(ID)):].split("/", 1)[0], _OTHER)
        return _OTHER

    # -- build ----------------------------------------------------------------------------------
    def build(self) -> ViewGraph:
        r = self.r
        candidates = set(r.out)
        for by_prop in r.out.values():
            for objects in by_prop.values():
                candidates.update(o for o in objects if not isinstance(o, Literal))
        kinds = {n: self.kind(n) for n in candidates if not isinstance(n, Literal)}
        drawn = sorted((n for n, k in kinds.items() if k == "draw"), key=str)

        view = ViewGraph(graph=nx.DiGraph(), triples=r.triples, quads=r.quads)
        self.view = view
        self._articles(kinds)
        self._spans(kinds)

        g = view.graph
        palette = iter(_PALETTE * 100)
        for node in drawn:
            cls = self.main_class(node)
            key = str(cls)
            if key not in view.classes:
                color, shape = CLASS_STYLES.get(cls, (None, None))
                is_fact = cls in FACT_CLASSES or MIG.Fact in r.types.get(node, ())
                view.classes[key] = ClassInfo(
                    iri=key,
                    label="Other" if cls == _OTHER else self.term_label(cls, cls=True),
                    color=color or next(palette),
                    shape=shape or ("diamond" if is_fact else "dot"),
                    fact=is_fact,
                )
            info = view.classes[key]
            info.count += 1
            g.add_node(str(node), label=self.node_label(node), cls=key, fact=info.fact,
                       details=[], sources=[], more_sources=0, articles=set())

        drawn_set = set(drawn)
        for node in drawn:
            self._node_details(node, kinds, drawn_set)
        self._edges(drawn, drawn_set)
        return view

    def _articles(self, kinds) -> None:
        self.article_index: dict = {}
        self.article_text: dict = {}
        self.graph_article: dict = {}
        r = self.r
        article_types = {SCHEMA.NewsArticle, SCHEMA.Article, NIF.Context}
        arts = sorted((n for n, t in r.types.items() if t & article_types), key=str)
        for art in arts:
            title = None
            for prop in (SCHEMA.headline, RDFS.label, SCHEMA.name, DCTERMS.title):
                title = _pick_label(r.values(art, prop))
                if title:
                    break
            publisher = r.value(art, SCHEMA.publisher)
            if publisher is not None and not isinstance(publisher, Literal):
                publisher = self.node_label(publisher)
            date = r.value(art, SCHEMA.datePublished)
            url = r.value(art, SCHEMA.url)
            self.article_index[art] = len(self.view.articles)
            self.view.articles.append(ArticleInfo(
                iri=str(art), title=title or local_name(art),
                source=str(publisher) if publisher is not None else None,
                date=str(date) if date is not None else None,
                url=str(url) if url is not None else None,
            ))
            text = r.value(art, NIF.isString)
            if text is not None:
                self.article_text[art] = str(text)
            # the named graph an article's triples sit in (id:graph/<slug> for id:article/<slug>)
            self.graph_article[URIRef(str(art).replace("/article/", "/graph/", 1))] = self.article_index[art]
        for art, index in self.article_index.items():  # and whatever graph says what the article is
            for t in r.types[art] & article_types:
                for ctx in r.contexts.get((art, RDF.type, t), ()):
                    self.graph_article.setdefault(ctx, index)

    def _int(self, node, prop) -> int | None:
        value = self.r.value(node, prop)
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def _span_article(self, span) -> URIRef | None:
        ctx = self.r.value(span, NIF.referenceContext)
        if ctx is None and "#char=" in str(span):
            ctx = URIRef(str(span).split("#", 1)[0])
        return ctx

    def _spans(self, kinds) -> None:
        """Index sentences (by article, for entity mentions) and phrases (by the entity they name)."""
        r = self.r
        self.sentence_ids: dict = {}  # (article IRI, begin, end) -> index into view.sentences
        self.sentences_by_article: dict = defaultdict(list)  # article -> sorted [(begin, end, key)]
        self.span_key: dict = {}  # sentence span IRI -> key
        self.mentions: dict = defaultdict(list)  # entity -> [(article, begin, end)]
        found = []
        sentence_type, phrase_type = NIF.Sentence, NIF.Phrase
        for node, types in r.types.items():
            if sentence_type in types:
                art, b, e = self._span_article(node), self._int(node, NIF.beginIndex), self._int(node, NIF.endIndex)
                anchor = r.value(node, NIF.anchorOf)
                if anchor is None and art in self.article_text and b is not None and e is not None:
                    anchor = self.article_text[art][b:e]
                if anchor is not None:
                    found.append((str(art), -1 if b is None else b, -1 if e is None else e, node, art, b, e, anchor))
            if phrase_type in types:
                art, b, e = self._span_article(node), self._int(node, NIF.beginIndex), self._int(node, NIF.endIndex)
                for entity in r.values(node, ITSRDF.taIdentRef):
                    self.mentions[entity].append((art, b, e, node))
        for *_, node, art, b, e, anchor in sorted(found, key=lambda f: f[:3]):  # in text order: deterministic
            key = (art, b, e)
            self.span_key[node] = key
            if key not in self.sentence_ids:
                self.sentence_ids[key] = self._add_sentence(art, str(anchor), b, e)
                if b is not None and e is not None:
                    self.sentences_by_article[art].append((b, e, key))
        for spans in self.sentences_by_article.values():
            spans.sort()

    def _add_sentence(self, art, text: str, begin: int | None, end: int | None) -> int:
        self.view.sentences.append((self.article_index.get(art, -1), text, begin, end))
        return len(self.view.sentences) - 1

    def _mention_source(self, art, b, e, phrase) -> tuple[int, tuple[int, int] | None] | None:
        """The sentence holding a mention, with the mention's offsets in it."""
        if b is not None and e is not None:
            spans = self.sentences_by_article.get(art, [])
            i = bisect.bisect_right(spans, (b, float("inf"), None)) if spans else 0
            best = None
            for sb, se, key in reversed(spans[:i]):
                if sb <= b and se >= e and (best is None or se - sb < best[1] - best[0]):
                    best = (sb, se, key)
                if se < b and best is not None:
                    break
            if best is not None:
                return self.sentence_ids[best[2]], (b - best[0], e - best[0])
            text = self.article_text.get(art)
            if text is not None and 0 <= b <= e <= len(text):
                sb, se = _sentence_around(text, b, e)
                key = (art, sb, se)
                if key not in self.sentence_ids:
                    self.sentence_ids[key] = self._add_sentence(art, text[sb:se], sb, se)
                return self.sentence_ids[key], (b - sb, e - sb)
        anchor = self.r.value(phrase, NIF.anchorOf)
        if anchor is None:
            return None
        key = (art, b, e, "phrase")
        if key not in self.sentence_ids:
            self.sentence_ids[key] = self._add_sentence(art, str(anchor), b, e)
        return self.sentence_ids[key], None

    def _node_details(self, node, kinds, drawn) -> None:
        r, g = self.r, self.view.graph
        data = g.nodes[str(node)]
        label = data["label"]
        rows: list[tuple[int, str, str]] = []
        for p, o in r.pairs(node):
            if p in HIDDEN_PROPS:
                if p in (MIG.mentionedIn, PROV.hadPrimarySource) and o in self.article_index:
                    data["articles"].add(self.article_index[o])
                continue
            if isinstance(o, Literal):
                if p == SCHEMA.name and str(o) == label:
                    continue
                rank = LAST_PROPS.index(p) + 1 if p in LAST_PROPS else 0
                rows.append((rank, self.term_label(p), _literal_text(o)))
            elif o in drawn:
                continue  # an edge
            elif kinds.get(o) == "concept":
                rows.append((0, self.term_label(p), self.node_label(o)))
            elif kinds.get(o) == "provenance":
                if o in self.article_index:
                    data["articles"].add(self.article_index[o])
            else:
                labelled = any(q in LABEL_PROPS for q in r.out.get(o, ()))
                rows.append((0, self.term_label(p), self.node_label(o) if labelled else curie(o)))
        rows.sort()
        data["details"] = [(k, v) for _, k, v in rows]

        sources: dict[int, list] = {}
        for span in r.values(node, PROV.wasDerivedFrom):
            key = self.span_key.get(span)
            if key is not None:
                sources.setdefault(self.sentence_ids[key], [])
                art = key[0]
                if art in self.article_index:
                    data["articles"].add(self.article_index[art])
        for art, b, e, phrase in sorted(self.mentions.get(node, ()), key=lambda m: (str(m[0]), m[1] or 0)):
            found = self._mention_source(art, b, e, phrase)
            if art in self.article_index:
                data["articles"].add(self.article_index[art])
            if found is None:
                continue
            index, mark = found
            marks = sources.setdefault(index, [])
            if mark is not None and mark not in marks:
                marks.append(mark)
        items = sorted(sources.items())
        data["sources"] = [(i, sorted(m)) for i, m in items[:MAX_SOURCES]]
        data["more_sources"] = max(0, len(items) - MAX_SOURCES)
        for ctx in self._node_contexts(node):
            if ctx in self.graph_article:
                data["articles"].add(self.graph_article[ctx])

    def _node_contexts(self, node):
        for t in self.r.types.get(node, ()):
            yield from self.r.contexts.get((node, RDF.type, t), ())

    def _edges(self, drawn, drawn_set) -> None:
        r, g = self.r, self.view.graph
        for s in drawn:
            for p, o in r.pairs(s):
                if p in HIDDEN_PROPS or o not in drawn_set or o == s:
                    continue
                inverse = self.inverse.get(p)
                if inverse is not None and (o, inverse, s) in r.contexts:
                    # both directions are stated: draw one, from the fact to the entity
                    s_fact = g.nodes[str(s)]["fact"]
                    o_fact = g.nodes[str(o)]["fact"]
                    if o_fact and not s_fact or (s_fact == o_fact and str(inverse) < str(p)):
                        continue
                u, v = str(s), str(o)
                if not g.has_edge(u, v):
                    g.add_edge(u, v, props=[], sources=[], more_sources=0, articles=set())
                edge = g.edges[u, v]
                edge["props"].append((str(p), self.term_label(p)))
                for ctx in r.contexts.get((s, p, o), ()):
                    if ctx in self.graph_article:
                        edge["articles"].add(self.graph_article[ctx])
        for u, v, edge in g.edges(data=True):
            edge["props"].sort(key=lambda pl: pl[1])
            nu, nv = g.nodes[u], g.nodes[v]
            if nu["fact"] or nv["fact"]:
                fact = nu if nu["fact"] else nv
                edge["sources"] = [(i, []) for i, _ in fact["sources"]]
                edge["more_sources"] = fact["more_sources"]
                if not edge["articles"]:
                    edge["articles"] = set(fact["articles"])
            else:  # two entities: the sentences that mention both
                shared = sorted({i for i, _ in nu["sources"]} & {i for i, _ in nv["sources"]})
                edge["sources"] = [(i, []) for i in shared]


_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*(?=\s)|\n")


def _sentence_around(text: str, b: int, e: int, limit: int = 400) -> tuple[int, int]:
    """Offsets of the sentence around text[b:e] (split at . ! ? or a line break), at most ~limit chars."""
    start = 0
    for m in _SENTENCE_END.finditer(text, max(0, b - limit), b):
        start = m.end()
    start = max(start, b - limit)
    while start < b and text[start].isspace():
        start += 1
    m = _SENTENCE_END.search(text, e, min(len(text), e + limit))
    end = m.end() if m else min(len(text), e + limit)
    return start, max(end, e)


def view_graph(data) -> ViewGraph:
    """The entities and facts of ``data`` (a Dataset, ConjunctiveGraph or Graph) as a :class:`ViewGraph`."""
    return _Builder(data).build()


# -- analytics ------------------------------------------------------------------------------------

CENTRALITY_MEASURES = ("degree", "betweenness")


def centrality(g: nx.Graph, measure: str = "degree", seed: int = 7) -> dict[str, float]:
    """Node centrality on the undirected graph: 'degree' (normalised degree) or 'betweenness'.

    Betweenness is exact up to 1,000 nodes and sampled from 200 pivots beyond (networkx's ``k``),
    so it stays quick on a corpus.
    """
    if measure not in CENTRALITY_MEASURES:
        raise KgError(f"unknown centrality {measure!r}; use {' or '.join(CENTRALITY_MEASURES)}")
    u = g.to_undirected(as_view=True) if g.is_directed() else g
    if measure == "degree":
        return nx.degree_centrality(u) if len(u) > 1 else {n: 0.0 for n in u}
    k = None if len(u) <= 1000 else 200
    return nx.betweenness_centrality(u, k=k, seed=seed)


def class_counts(view: ViewGraph) -> list[tuple[str, int, bool]]:
    """(class label, node count, is a fact class), most frequent first."""
    rows = [(c.label, c.count, c.fact) for c in view.classes.values()]
    return sorted(rows, key=lambda r: (r[2], -r[1], r[0]))


def top_actors(view: ViewGraph, n: int = 10) -> list[dict]:
    """The ``n`` most central actors (people, countries, organisations, groups) by betweenness, then degree."""
    g = view.graph
    between = centrality(g, "betweenness")
    u = g.to_undirected(as_view=True)
    rows = []
    for node in view.actors():
        data = g.nodes[node]
        rows.append({
            "iri": node,
            "label": data["label"],
            "class": view.classes[data["cls"]].label,
            "degree": u.degree(node),
            "betweenness": between.get(node, 0.0),
            "articles": len(data["articles"]),
        })
    rows.sort(key=lambda r: (-r["betweenness"], -r["degree"], r["label"]))
    return rows[:n]


# -- layout ---------------------------------------------------------------------------------------

EXACT_LAYOUT_MAX = 400  # components up to this size use networkx's spring layout as it is


def layout(g: nx.Graph, seed: int = 7, spacing: float = 120.0,
           groups: dict[str, int] | None = None) -> dict[str, tuple[float, float]]:
    """Positions (in page pixels) for every node: each connected component laid out on its own
    (networkx's Fruchterman-Reingold spring layout; for components too large for its O(n²) steps, the
    same force model with sampled repulsion in numpy), nodes pushed apart where they overlap, then the
    components packed in rows, largest first.

    ``groups`` (node -> group number, e.g. the one article a fact comes from) ties each group's
    nodes to an invisible anchor node during the layout, so a corpus's articles come out as
    regions a reader can tell apart, with shared entities between them, instead of one hairball.
    """
    import numpy as np

    u = g.to_undirected(as_view=True) if g.is_directed() else g
    if groups:
        anchored = nx.Graph(u)
        anchors = {f"\x00group:{k}" for k in set(groups.values())}
        anchored.add_edges_from((f"\x00group:{k}", node) for node, k in groups.items() if node in u)
        positions = layout(anchored, seed=seed, spacing=spacing)
        return {node: xy for node, xy in positions.items() if node not in anchors}
    comps = sorted((sorted(c) for c in nx.connected_components(u)), key=lambda c: (-len(c), c[0]))
    boxes = []
    for comp in comps:
        n = len(comp)
        if n == 1:
            pts = np.zeros((1, 2))
        elif n == 2:
            pts = np.array([[-0.5, 0.0], [0.5, 0.0]])
        else:
            sub = u.subgraph(comp)
            if n <= EXACT_LAYOUT_MAX:
                pos = nx.spring_layout(sub, seed=seed, iterations=100, method="force")
                pts = np.array([pos[x] for x in comp], dtype=float)
            else:
                index = {x: i for i, x in enumerate(comp)}
                edges = np.array([(index[a], index[b]) for a, b in sub.edges()], dtype=np.int64).reshape(-1, 2)
                pts = _force_layout(n, edges, seed=seed)
        pts = pts - pts.mean(axis=0)
        if n >= 2:
            # scale so that the median edge is `spacing` pixels long, and the median distance to
            # the nearest node at least a third of that (dense cores spread out)
            index = {x: i for i, x in enumerate(comp)}
            pairs = np.array([(index[a], index[b]) for a, b in u.subgraph(comp).edges()], dtype=np.int64)
            lengths = np.linalg.norm(pts[pairs[:, 0]] - pts[pairs[:, 1]], axis=1) if len(pairs) else np.array([1.0])
            factor = spacing / (float(np.median(lengths)) or 1.0)
            probe = pts[np.random.default_rng(seed).choice(n, min(n, 300), replace=False)]
            near = np.sqrt(((probe[:, None, :] - pts[None, :, :]) ** 2).sum(axis=2))
            near[near == 0] = np.inf
            nearest = float(np.median(near.min(axis=1)))
            if np.isfinite(nearest) and nearest > 0:
                factor = max(factor, spacing / 3 / nearest)
            pts = pts * factor
            if n <= SPREAD_MAX:
                pts = _spread(pts, min_dist=spacing * 0.6)
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        boxes.append((comp, pts - lo, hi - lo))
    # shelf packing, largest first: rows as wide as the largest component or a wide-screen
    # rectangle of the total area, whichever is wider (labels are wide: more room side by side)
    gap_x, gap_y = spacing * 1.3, spacing * 0.7
    area = sum((w + gap_x) * (h + gap_y) for _, _, (w, h) in boxes)
    row_width = max([math.sqrt(area * 1.6)] + [w for _, _, (w, _) in boxes[:1]])
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for comp, pts, (w, h) in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h + gap_y, 0.0
        for node, (px, py) in zip(comp, pts):
            positions[node] = (round(float(px + x), 1), round(float(py + y), 1))
        x += w + gap_x
        row_h = max(row_h, h)
    if positions:  # centre on the origin
        xs = [p[0] for p in positions.values()]
        ys = [p[1] for p in positions.values()]
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        positions = {k: (round(px - cx, 1), round(py - cy, 1)) for k, (px, py) in positions.items()}
    return positions


SPREAD_MAX = 1000  # components up to this size get their overlaps removed (O(n²) a step)


def _spread(pts, min_dist: float, aspect: float = 1.8, iterations: int = 30):
    """Push apart nodes closer than ``min_dist`` (horizontal distances count ``1/aspect``: labels are wide)."""
    import numpy as np

    pts = pts.copy()
    stretch = np.array([1.0 / aspect, 1.0])
    rng = np.random.default_rng(0)
    for _ in range(iterations):
        q = pts * stretch
        delta = q[:, None, :] - q[None, :, :]
        dist = np.sqrt((delta * delta).sum(axis=2))
        np.fill_diagonal(dist, 1e12)
        close = dist < min_dist
        if not close.any():
            break
        same = dist < 1e-6
        if same.any():  # coincident points: nudge at random so they have a direction
            pts += rng.normal(0, 1e-3 * min_dist, pts.shape)
            continue
        push = np.where(close, (min_dist - dist) / np.maximum(dist, 1e-9) / 2, 0.0)
        move = (delta * push[:, :, None]).sum(axis=1)
        pts += move / stretch * 0.5
    return pts


def _force_layout(n: int, edges, seed: int = 7, iterations: int = 60, samples: int = 256):
    """Fruchterman-Reingold in numpy: exact attraction along edges, repulsion from a fresh random
    sample of ``samples`` nodes per step (scaled up to all nodes), linear cooling. O(n·samples) a step."""
    import numpy as np

    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2)).astype(np.float32)
    k2 = 1.0 / n
    k = math.sqrt(k2)
    temperature = 0.1
    cool = temperature / (iterations + 1)
    src, dst = edges[:, 0], edges[:, 1]
    m = min(samples, n)
    scale = n / m
    floor = k2 * 1e-4
    for _ in range(iterations):
        q = pos[rng.choice(n, m, replace=False)] if m < n else pos
        dx = pos[:, 0:1] - q[None, :, 0]  # (n, m) float32: memory-bound, so kept small
        dy = pos[:, 1:2] - q[None, :, 1]
        d2 = dx * dx
        d2 += dy * dy
        np.maximum(d2, floor, out=d2)
        f = np.divide(k2, d2, out=d2)  # repulsion k²/d along the unit vector = delta·k²/d²
        dx *= f
        dy *= f
        disp = np.stack([dx.sum(axis=1), dy.sum(axis=1)], axis=1).astype(float) * scale
        dv = pos[src] - pos[dst]
        force = dv * (np.sqrt((dv * dv).sum(axis=1)) / k)[:, None]
        for axis in (0, 1):
            disp[:, axis] -= np.bincount(src, force[:, axis], minlength=n)
            disp[:, axis] += np.bincount(dst, force[:, axis], minlength=n)
        length = np.maximum(np.sqrt((disp * disp).sum(axis=1)), 1e-9)
        pos += (disp * (np.minimum(length, temperature) / length)[:, None]).astype(np.float32)
        temperature -= cool
    return pos.astype(float)


# -- export ---------------------------------------------------------------------------------------

EXPORT_FORMATS = ("graphml", "gexf")


def _hex_rgb(color: str) -> dict[str, int]:
    color = color.lstrip("#")
    return {"r": int(color[0:2], 16), "g": int(color[2:4], 16), "b": int(color[4:6], 16), "a": 1.0}


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """Text XML 1.0 can hold (control characters dropped)."""
    return _XML_ILLEGAL.sub("", text)


def export_graph(view: ViewGraph, path: Path, fmt: str | None = None) -> nx.DiGraph:
    """Write the view as GraphML or GEXF (Gephi) with labels, classes, degree and betweenness; GEXF also
    gets the page's colours and positions. ``fmt`` defaults to the file's extension."""
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in EXPORT_FORMATS:
        raise KgError(f"unknown export format {fmt!r}; use graphml or gexf")
    g = view.graph
    between = centrality(g, "betweenness")
    pos = layout(g) if fmt == "gexf" else {}
    out = nx.DiGraph()
    for node, data in g.nodes(data=True):
        cls = view.classes[data["cls"]]
        attrs = {
            "label": _xml_text(data["label"]),
            "class": cls.label,
            "class_iri": cls.iri,
            "kind": "fact" if data["fact"] else "entity",
            "degree": int(g.degree(node)),
            "betweenness": float(between.get(node, 0.0)),
            "articles": len(data["articles"]),
        }
        for key, value in data["details"]:
            name = re.sub(r"\W+", "_", key).strip("_") or "value"
            if name not in attrs:
                attrs[name] = _xml_text(value)
        if fmt == "gexf":
            x, y = pos.get(node, (0.0, 0.0))
            attrs["viz"] = {"color": _hex_rgb(cls.color), "position": {"x": x, "y": -y, "z": 0.0},
                            "size": 4.0 + 2.0 * math.sqrt(g.degree(node))}
        out.add_node(node, **attrs)
    for u, v, data in g.edges(data=True):
        out.add_edge(u, v, label=_xml_text(", ".join(label for _, label in data["props"])),
                     property=" ".join(iri for iri, _ in data["props"]))
    lines = nx.generate_graphml(out) if fmt == "graphml" else nx.generate_gexf(out)
    write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"))
    return out
