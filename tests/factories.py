"""Hand-built extraction results for tests: no spaCy, no extractor, just records.

``article_facts()`` returns a realistic :class:`kg.extract.records.ArticleFacts`: one article (a made-up
news text about a real border), entities of every :class:`kg.extract.records.Kind` and one fact of every
fact type (two events, one of them an election; two numbers, one exact and one a range). Every
span (entity mentions, evidence sentences) is cut from the article text by :func:`span`, so it is
a real substring at the right offsets. Build a fresh one per test and change it freely.

>>> facts = article_facts()
>>> all(facts.article.text[s.start:s.end] == s.text for s in all_spans(facts))
True
"""
from __future__ import annotations

from dataclasses import replace

from kg.extract.records import (
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

SLUG = "ciudad-hidalgo-emergency"
TITLE = "Mexico declares emergency at Ciudad Hidalgo crossing as Hondurans wait"
URL = "https://news.example.org/2025/03/04/ciudad-hidalgo-emergency"
SOURCE = "Example Wire"
PUBLISHED = "2025-03-04"

# One sentence per line; joined with single spaces into the article text.
SENTENCES = [
    "Mexico's interior minister, Ana Beltrán, announced a state of emergency at the Ciudad Hidalgo crossing on Monday.",
    "\u201cWe will not let the border collapse,\u201d Beltrán wrote on X after a press conference.",
    "About 1,200 Hondurans were waiting on the Guatemalan side of the border, mayor Julio Ríos told Radio Frontera.",
    "Many of the Hondurans hope to travel from Guatemala to the United States.",
    "The National Guard sent between 400 and 500 troops to the border with Guatemala, the Interior Ministry said.",
    "Shelters in Tapachula are full, according to UNHCR.",
    "Senator Carlos Ibáñez, a left-wing populist, is a candidate in the election of June 2025.",
]
TEXT = " ".join(SENTENCES)


def span(text: str, needle: str, after: int = 0) -> Span:
    """The first occurrence of ``needle`` in ``text`` at or after offset ``after``, as a Span."""
    start = text.index(needle, after)
    return Span(start, start + len(needle), needle)


def sentence(n: int) -> Span:
    """The n-th sentence (0-based) of :data:`TEXT`."""
    return span(TEXT, SENTENCES[n])


def evidence(n: int, rule: str, confidence: float) -> Evidence:
    return Evidence(sentence=sentence(n), rule=rule, confidence=confidence)


def mention(needle: str, in_sentence: int) -> Span:
    """``needle`` as it occurs in sentence ``in_sentence``."""
    return span(TEXT, needle, sentence(in_sentence).start)


def entities() -> dict[str, Entity]:
    ents = [
        Entity("person:ana-beltran", Kind.PERSON, "Ana Beltrán",
               mentions=[mention("Ana Beltrán", 0), mention("Beltrán", 1)], country="country:MX"),
        Entity("person:julio-rios", Kind.PERSON, "Julio Ríos", mentions=[mention("Julio Ríos", 2)]),
        Entity("person:carlos-ibanez", Kind.PERSON, "Carlos Ibáñez", mentions=[mention("Carlos Ibáñez", 6)],
               country="country:MX"),
        Entity("country:MX", Kind.COUNTRY, "Mexico", mentions=[mention("Mexico", 0)], iso_code="MX", wikidata="Q96"),
        Entity("country:GT", Kind.COUNTRY, "Guatemala", mentions=[mention("Guatemala", 3), mention("Guatemala", 4)],
               iso_code="GT", wikidata="Q774"),
        Entity("country:US", Kind.COUNTRY, "United States", mentions=[mention("United States", 3)],
               iso_code="US", wikidata="Q30"),
        Entity("country:HN", Kind.COUNTRY, "Honduras", iso_code="HN", wikidata="Q783"),
        Entity("place:tapachula", Kind.PLACE, "Tapachula", mentions=[mention("Tapachula", 5)], country="country:MX"),
        Entity("crossing:ciudad-hidalgo-crossing", Kind.CROSSING, "Ciudad Hidalgo crossing",
               mentions=[mention("Ciudad Hidalgo crossing", 0)], country="country:MX",
               joins=["country:MX", "country:GT"]),
        Entity("border:border-with-guatemala", Kind.BORDER, "border with Guatemala",
               mentions=[mention("border with Guatemala", 4)], joins=["country:MX", "country:GT"]),
        Entity("organization:unhcr", Kind.ORGANIZATION, "UNHCR", mentions=[mention("UNHCR", 5)]),
        Entity("government:interior-ministry", Kind.GOVERNMENT, "Interior Ministry",
               mentions=[mention("Interior Ministry", 4)], country="country:MX"),
        Entity("armed-forces:national-guard", Kind.ARMED_FORCES, "National Guard",
               mentions=[mention("National Guard", 4)], country="country:MX"),
        Entity("media:radio-frontera", Kind.MEDIA, "Radio Frontera", mentions=[mention("Radio Frontera", 2)],
               country="country:MX"),
        Entity("platform:x", Kind.PLATFORM, "X", mentions=[mention("X", 1)]),
        Entity("channel:press-conference", Kind.CHANNEL, "press conference", mentions=[mention("press conference", 1)]),
        Entity("group:hondurans", Kind.GROUP, "Hondurans",
               mentions=[mention("Hondurans", 2), mention("Hondurans", 3)], country="country:HN"),
    ]
    return {e.key: e for e in ents}


def facts() -> list:
    return [
        RoleFact("person:ana-beltran", "interior minister", "country:MX", "holds",
                 evidence(0, "role.appositive", 0.9)),
        RoleFact("person:carlos-ibanez", "Senator", "country:MX", "holds", evidence(6, "role.title", 0.8)),
        MeasureFact("person:ana-beltran", "state of emergency", "state of emergency", "announced", "country:MX",
                    evidence(0, "measure.verb-object", 0.85)),
        EventFact("state of emergency", "state of emergency declaration", "crossing:ciudad-hidalgo-crossing", "2025-03-03",
                  evidence(0, "event.declaration", 0.8), actors=("person:ana-beltran",)),
        EventFact("election of June 2025", "election", "country:MX", "2025-06",
                  evidence(6, "event.election", 0.75), candidates=("person:carlos-ibanez",)),
        QuoteFact("person:ana-beltran", "We will not let the border collapse", "platform:x", "2025-03-03", True,
                  evidence(1, "quote.direct", 0.95)),
        MovementFact("group:hondurans", "country:GT", "country:US", evidence(3, "movement.from-to", 0.7)),
        QuantityFact("Hondurans waiting", 1200, None, None, True, None, "country:GT", "2025-03-03",
                     "person:julio-rios", evidence(2, "number.count", 0.8)),
        QuantityFact("troops", None, 400, 500, False, "troops", "border:border-with-guatemala", None,
                     "government:interior-ministry", evidence(4, "number.range", 0.8)),
        OrientationFact("person:carlos-ibanez", "left-wing populist", evidence(6, "orientation.appositive", 0.7)),
    ]


def article() -> Article:
    return Article(slug=SLUG, text=TEXT, url=URL, title=TITLE, source=SOURCE, published=PUBLISHED)


def article_facts() -> ArticleFacts:
    """A fresh, complete ArticleFacts (safe to modify)."""
    return ArticleFacts(article=article(), entities=entities(), facts=facts())


def all_spans(af: ArticleFacts) -> list[Span]:
    """Every span the records carry: entity mentions and evidence sentences."""
    spans = [s for e in af.entities.values() for s in e.mentions]
    spans += [f.evidence.sentence for f in af.facts]
    return spans


def with_evidence(fact, **changes):
    """A copy of a (frozen) fact whose Evidence has ``changes`` applied (rule=, confidence=, sentence=)."""
    return replace(fact, evidence=replace(fact.evidence, **changes))
