"""Turn one article's facts into RDF: ontology terms, deterministic IRIs, provenance.

Each article becomes one named graph. Entities get IRIs from their kind and normalised name
(countries from their ISO code), so the same person or country is one node across articles;
facts are n-ary nodes whose IRIs hash their content, so the same input always yields the same
triples. Every fact points to the sentence it came from (NIF offsets) and carries the rule and
confidence that produced it.

>>> from kg.extract.records import Article, ArticleFacts
>>> ds = article_dataset(ArticleFacts(Article(slug="a", text="Hi.")))
>>> len(list(ds.graphs())) >= 1
True
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from ..extract.records import (
    Article,
    ArticleFacts,
    Entity,
    EventFact,
    Evidence,
    Kind,
    MeasureFact,
    MovementFact,
    OrientationFact,
    QuantityFact,
    QuoteFact,
    RoleFact,
    Span,
)
from .vocab import EVENT_TYPE, GN, ID, MEASURE_TYPE, MIG, NIF, ITSRDF, SCHEMA, SEM, WD, bind_prefixes

KIND_CLASSES: dict[Kind, tuple[URIRef, ...]] = {
    Kind.PERSON: (SCHEMA.Person,),
    Kind.COUNTRY: (SCHEMA.Country,),
    Kind.PLACE: (SCHEMA.Place,),
    Kind.CROSSING: (MIG.BorderCrossing,),
    Kind.BORDER: (MIG.BorderSection,),
    Kind.ORGANIZATION: (SCHEMA.Organization,),
    Kind.GOVERNMENT: (SCHEMA.GovernmentOrganization,),
    Kind.ARMED_FORCES: (MIG.ArmedForces,),
    Kind.MEDIA: (MIG.MediaOutlet,),
    Kind.PLATFORM: (MIG.SocialPlatform,),
    Kind.GROUP: (MIG.MigrantGroup,),
    Kind.CHANNEL: (MIG.StatementChannel,),
}


def slugify(text: str) -> str:
    """Lower-case ASCII slug: 'Inés Peña' -> 'ines-pena'."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return slug[:80] or "x"


def entity_iri(key: str) -> URIRef:
    """IRI of an entity key such as 'person:ana-ruiz' or 'country:PE'."""
    kind, _, name = key.partition(":")
    return ID[f"{kind}/{name}"]


def is_article_local(entity: Entity) -> bool:
    """A group with neither a name nor a defining origin ("migrants", "people on board") is a
    thing of its own article: sharing its IRI would join unrelated stories through one node.
    People, places, countries, organisations and named or national groups keep shared IRIs.

    >>> is_article_local(Entity("group:migrants", Kind.GROUP, "migrants"))
    True
    >>> is_article_local(Entity("group:rohingya-refugees", Kind.GROUP, "Rohingya refugees"))
    False
    """
    if entity.kind is not Kind.GROUP or entity.country:
        return False
    return not any(word[:1].isupper() for word in entity.name.split())


def short_label(text: str, limit: int = 60) -> str:
    """A label for a long text: whole words up to ``limit`` characters, then an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:—–-")
    return cut + "…"


def article_iri(article: Article) -> URIRef:
    return ID[f"article/{slugify(article.slug)}"]


def graph_iri(article: Article) -> URIRef:
    """The named graph that holds everything one article asserts."""
    return ID[f"graph/{slugify(article.slug)}"]


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:12]


def date_literal(value: str) -> Literal:
    """An ISO date, year-month or year as the matching XSD literal."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    return Literal(value)


def number_literal(value: float) -> Literal:
    """xsd:integer for whole numbers, else an xsd:decimal written without an exponent."""
    if float(value).is_integer():
        return Literal(int(value), datatype=XSD.integer)
    return Literal(Decimal(format(Decimal(str(value)), "f")), datatype=XSD.decimal)


@lru_cache(maxsize=65536)
def offset_literal(value: int) -> Literal:
    """A character offset (xsd:nonNegativeInteger); cached, as rdflib's Literal is slow to make."""
    return Literal(value, datatype=XSD.nonNegativeInteger)


@lru_cache(maxsize=256)
def confidence_literal(value: float) -> Literal:
    return Literal(Decimal(str(round(value, 2))), datatype=XSD.decimal)


class ArticleGraphBuilder:
    """Writes one article's entities and facts into its named graph."""

    def __init__(self, facts: ArticleFacts, graph: Graph):
        self.facts = facts
        self.article = facts.article
        self.g = graph
        self.art = article_iri(self.article)
        self.slug = slugify(self.article.slug)
        self.spans_added: set[tuple[URIRef, URIRef]] = set()

    # -- article and text -------------------------------------------------------------------
    def add_article(self) -> None:
        a, g, art = self.article, self.g, self.art
        g.add((art, RDF.type, SCHEMA.NewsArticle))
        g.add((art, RDF.type, NIF.Context))
        g.add((art, NIF.isString, Literal(a.text)))
        g.add((art, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
        g.add((art, NIF.endIndex, Literal(len(a.text), datatype=XSD.nonNegativeInteger)))
        g.add((art, RDFS.label, Literal(a.title or a.slug)))
        if a.title:
            g.add((art, SCHEMA.headline, Literal(a.title)))
        if a.url:
            g.add((art, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)))
        if a.source:
            g.add((art, SCHEMA.publisher, Literal(a.source)))
        if a.published:
            g.add((art, SCHEMA.datePublished, date_literal(a.published)))

    def span_iri(self, span: Span) -> URIRef:
        return URIRef(f"{self.art}#char={span.start},{span.end}")

    def add_span(self, span: Span, kind: URIRef) -> URIRef:
        node = self.span_iri(span)
        if (node, kind) in self.spans_added:  # a sentence is the evidence of many facts
            return node
        self.spans_added.add((node, kind))
        g = self.g
        g.add((node, RDF.type, kind))
        g.add((node, NIF.referenceContext, self.art))
        g.add((node, NIF.beginIndex, offset_literal(span.start)))
        g.add((node, NIF.endIndex, offset_literal(span.end)))
        g.add((node, NIF.anchorOf, Literal(span.text)))
        return node

    # -- entities ---------------------------------------------------------------------------
    def entity_node(self, entity: Entity) -> URIRef:
        """The entity's shared IRI, or one under this article for an article-local group."""
        if is_article_local(entity):
            kind, _, name = entity.key.partition(":")
            return ID[f"{kind}/{self.slug}/{name}"]
        return entity_iri(entity.key)

    def add_entity(self, entity: Entity) -> None:
        g, node = self.g, self.entity_node(entity)
        for cls in KIND_CLASSES[entity.kind]:
            g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(entity.name)))
        g.add((node, SCHEMA.name, Literal(entity.name)))
        g.add((node, MIG.mentionedIn, self.art))
        if entity.iso_code:
            g.add((node, GN.countryCode, Literal(entity.iso_code)))
        if entity.wikidata:
            g.add((node, OWL.sameAs, WD[entity.wikidata]))
        if entity.country and entity.kind is not Kind.COUNTRY:
            g.add((node, MIG.country, entity_iri(entity.country)))
        for country in entity.joins:
            g.add((node, MIG.connects, entity_iri(country)))
        for span in entity.mentions:
            phrase = self.add_span(span, NIF.Phrase)
            g.add((phrase, ITSRDF.taIdentRef, node))

    def ref(self, key: str | None) -> URIRef | None:
        """IRI of an entity the facts refer to; unknown keys are dropped rather than dangling."""
        entity = self.facts.entities.get(key) if key is not None else None
        return None if entity is None else self.entity_node(entity)

    # -- facts ------------------------------------------------------------------------------
    def fact_node(self, kind: str, cls: URIRef, label: str, evidence: Evidence, fact: object) -> URIRef:
        """A node for one fact; its IRI hashes every field, so distinct facts never share a node."""
        node = ID[f"{kind}/{self.slug}-{_digest(kind, repr(fact))}"]
        g = self.g
        g.add((node, RDF.type, cls))
        g.add((node, RDF.type, MIG.Fact))
        g.add((node, RDFS.label, Literal(label)))
        sentence = self.add_span(evidence.sentence, NIF.Sentence)
        g.add((node, PROV.wasDerivedFrom, sentence))
        g.add((node, PROV.hadPrimarySource, self.art))
        g.add((node, MIG.rule, Literal(evidence.rule)))
        g.add((node, MIG.confidence, confidence_literal(evidence.confidence)))
        return node

    def add_optional(self, node: URIRef, prop: URIRef, value) -> None:
        if value is not None:
            self.g.add((node, prop, value))

    def add_role(self, f: RoleFact) -> None:
        person = self.ref(f.person)
        if person is None:
            return
        node = self.fact_node("role", MIG.RoleAssignment, f.role, f.evidence, f)
        self.g.add((node, MIG.holder, person))
        self.g.add((person, MIG.holdsRole, node))
        self.g.add((node, SCHEMA.roleName, Literal(f.role)))
        self.g.add((node, MIG.roleStatus, Literal(f.status)))
        self.add_optional(node, MIG.country, self.ref(f.country))

    def concept(self, ns, scheme: URIRef, label: str) -> URIRef:
        node = ns[slugify(label)]
        self.g.add((node, RDF.type, SKOS.Concept))
        self.g.add((node, SKOS.prefLabel, Literal(label)))
        self.g.add((node, SKOS.inScheme, scheme))
        return node

    def add_measure(self, f: MeasureFact) -> None:
        node = self.fact_node("measure", MIG.Measure, f.label, f.evidence, f)
        self.g.add((node, MIG.measureType, self.concept(MEASURE_TYPE, MIG.MeasureTypes, f.measure_type)))
        self.g.add((node, MIG.modality, Literal(f.modality)))
        self.add_optional(node, MIG.actor, self.ref(f.actor))
        self.add_optional(node, MIG.country, self.ref(f.country))

    def add_event(self, f: EventFact) -> None:
        cls = MIG.Election if slugify(f.event_type) == "election" else SEM.Event
        node = self.fact_node("event", cls, f.label, f.evidence, f)
        self.g.add((node, RDF.type, SEM.Event))
        self.g.add((node, SEM.eventType, self.concept(EVENT_TYPE, MIG.EventTypes, f.event_type)))
        self.add_optional(node, SEM.hasPlace, self.ref(f.place))
        if f.date:
            self.g.add((node, SEM.hasTimeStamp, date_literal(f.date)))
        for actor in f.actors:
            self.add_optional(node, SEM.hasActor, self.ref(actor))
        for candidate in f.candidates:
            self.add_optional(node, MIG.candidate, self.ref(candidate))

    def add_quote(self, f: QuoteFact) -> None:
        speaker = self.ref(f.speaker)
        if speaker is None:
            return
        node = self.fact_node("quote", SCHEMA.Quotation, short_label(f.text), f.evidence, f)
        self.g.add((node, SCHEMA.text, Literal(f.text)))
        self.g.add((node, SCHEMA.creator, speaker))
        self.g.add((node, MIG.direct, Literal(f.direct)))
        self.add_optional(node, MIG.medium, self.ref(f.medium))
        if f.date:
            self.g.add((node, SCHEMA.dateCreated, date_literal(f.date)))

    def add_movement(self, f: MovementFact) -> None:
        group = self.ref(f.group)
        if group is None:
            return
        label = f"{self.facts.entities[f.group].name} movement"
        node = self.fact_node("movement", MIG.Movement, label, f.evidence, f)
        self.g.add((node, MIG.group, group))
        self.add_optional(node, MIG.origin, self.ref(f.origin))
        self.add_optional(node, MIG.destination, self.ref(f.destination))

    def add_quantity(self, f: QuantityFact) -> None:
        node = self.fact_node("quantity", MIG.NumericFact, f.what, f.evidence, f)
        g = self.g
        g.add((node, RDF.type, SCHEMA.QuantitativeValue))
        g.add((node, MIG.counts, Literal(f.what)))
        if f.value is not None:
            g.add((node, SCHEMA.value, number_literal(f.value)))
        if f.minimum is not None:
            g.add((node, SCHEMA.minValue, number_literal(f.minimum)))
        if f.maximum is not None:
            g.add((node, SCHEMA.maxValue, number_literal(f.maximum)))
        g.add((node, MIG.approximate, Literal(f.approximate)))
        if f.unit:
            g.add((node, SCHEMA.unitText, Literal(f.unit)))
        self.add_optional(node, MIG.place, self.ref(f.place))
        if f.date:
            g.add((node, SEM.hasTimeStamp, date_literal(f.date)))
        self.add_optional(node, PROV.wasAttributedTo, self.ref(f.source))

    def add_orientation(self, f: OrientationFact) -> None:
        person = self.ref(f.person)
        if person is None:
            return
        node = self.fact_node("orientation", MIG.OrientationAttribution, f.orientation, f.evidence, f)
        self.g.add((node, MIG.person, person))
        self.g.add((node, MIG.orientation, Literal(f.orientation)))
        self.g.add((person, MIG.politicalOrientation, Literal(f.orientation)))

    def build(self) -> None:
        self.add_article()
        for key in sorted(self.facts.entities):
            self.add_entity(self.facts.entities[key])
        adders = {
            RoleFact: self.add_role,
            MeasureFact: self.add_measure,
            EventFact: self.add_event,
            QuoteFact: self.add_quote,
            MovementFact: self.add_movement,
            QuantityFact: self.add_quantity,
            OrientationFact: self.add_orientation,
        }
        for fact in self.facts.facts:
            adders[type(fact)](fact)


def add_article(dataset: Dataset, facts: ArticleFacts) -> URIRef:
    """Replace the article's named graph in ``dataset`` with its facts; returns the graph IRI."""
    name = graph_iri(facts.article)
    dataset.remove_graph(dataset.graph(name))
    graph = dataset.graph(name)
    ArticleGraphBuilder(facts, graph).build()
    return name


def new_dataset() -> Dataset:
    ds = Dataset(default_union=True)
    bind_prefixes(ds)
    return ds


def article_dataset(facts: ArticleFacts) -> Dataset:
    """A fresh dataset holding one article's named graph."""
    ds = new_dataset()
    add_article(ds, facts)
    return ds
