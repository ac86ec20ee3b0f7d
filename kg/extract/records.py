"""Plain typed records passed between the pipeline's stages.

They know nothing of spaCy or RDF: the NLP stages produce them, the RDF stage consumes them,
and tests can build them by hand.

>>> Span(0, 5, "Hello").text
'Hello'
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of the article text: ``start`` and ``end`` are character offsets (end exclusive)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from and how much to trust it.

    ``rule`` names the pattern that produced the fact so a wrong fact can be traced back;
    ``confidence`` reflects the kind of evidence (0..1).
    """

    sentence: Span
    rule: str
    confidence: float


class Kind(str, Enum):
    """What an entity is; decides its class in the ontology and its IRI path."""

    PERSON = "person"
    COUNTRY = "country"
    PLACE = "place"
    CROSSING = "crossing"
    BORDER = "border"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"
    ARMED_FORCES = "armed-forces"
    MEDIA = "media"
    PLATFORM = "platform"
    GROUP = "group"
    CHANNEL = "channel"  # the form a statement takes: a press conference, a written statement, a letter


@dataclass
class Entity:
    """A real-world thing the article mentions, after resolution (one per thing per article).

    ``key`` is stable across articles (kind + normalised name, or ISO code for countries),
    so the RDF stage can mint the same IRI for the same thing everywhere.
    """

    key: str
    kind: Kind
    name: str
    mentions: list[Span] = field(default_factory=list)
    country: str | None = None  # key of the country it belongs to / acts for
    iso_code: str | None = None  # ISO 3166-1 alpha-2, countries only
    wikidata: str | None = None  # Q-id, when known from the shipped table
    joins: list[str] = field(default_factory=list)  # country keys, crossings and borders only


@dataclass(frozen=True)
class RoleFact:
    """A person holds, held or runs for an office or role (cq01)."""

    person: str
    role: str
    country: str | None
    status: str  # "holds" | "held" | "candidate"
    evidence: Evidence


@dataclass(frozen=True)
class MeasureFact:
    """An actor declares, announces, pledges, orders or carries out a policy or measure (cq03)."""

    actor: str | None
    label: str
    measure_type: str
    modality: str
    country: str | None
    evidence: Evidence


@dataclass(frozen=True)
class EventFact:
    """Something that happens, with its type, place and date (cq04); elections carry candidates (cq08)."""

    label: str
    event_type: str
    place: str | None
    date: str | None  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    evidence: Evidence
    actors: tuple[str, ...] = ()
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuoteFact:
    """Someone said something, perhaps through a medium (cq05)."""

    speaker: str
    text: str
    medium: str | None
    date: str | None
    direct: bool
    evidence: Evidence


@dataclass(frozen=True)
class MovementFact:
    """A group of people moves, or wants to move, from somewhere to somewhere (cq06)."""

    group: str
    origin: str | None
    destination: str | None
    evidence: Evidence


@dataclass(frozen=True)
class QuantityFact:
    """A number reported in the text: exact, approximate or a range, of what, where, when, per whom (cq07)."""

    what: str
    value: float | None
    minimum: float | None
    maximum: float | None
    approximate: bool
    unit: str | None
    place: str | None
    date: str | None
    source: str | None
    evidence: Evidence


@dataclass(frozen=True)
class OrientationFact:
    """A political orientation or affiliation attributed to a person (cq09)."""

    person: str
    orientation: str
    evidence: Evidence


Fact = RoleFact | MeasureFact | EventFact | QuoteFact | MovementFact | QuantityFact | OrientationFact


@dataclass
class Article:
    """An article's text and metadata; ``slug`` names its IRI and named graph."""

    slug: str
    text: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date


@dataclass
class ArticleFacts:
    """Everything extracted from one article: resolved entities, facts, and the sentences used."""

    article: Article
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)

    def of_type(self, cls: type) -> list:
        return [f for f in self.facts if isinstance(f, cls)]
