"""Resolve mentions to entities: one entity per real thing in the article.

Surnames and later short forms join the full name ("Ruiz" -> Ana María Ruiz), tokens that the
statistical model mistyped are re-read as people when they match a known surname, demonyms
point to their country, capitals and provinces carry the country they belong to. The
``Context`` built here is what every fact rule reads.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter

from .dates import resolve_date
from .gazetteer import city_code, gazetteer
from .lexicon import GROUP_NOUNS
from .mentions import Mention, org_kind, quote_spans
from ..graph.rdf import slugify
from .records import Article, Entity, Evidence, Kind, Span

ORG_KINDS = {
    "organization": Kind.ORGANIZATION,
    "government": Kind.GOVERNMENT,
    "armed-forces": Kind.ARMED_FORCES,
    "media": Kind.MEDIA,
    "platform": Kind.PLATFORM,
}
PRONOUNS = {"he", "she", "him", "her", "his"}
# "Italian authorities said", "the Greek coast guard": a demonym on these names the article's own country
STATE_BODY_NOUNS = {"authority", "government", "official", "police", "army", "ministry", "navy", "coast"}
REGION_NOUNS = {"territory", "side", "soil", "border", "frontier", "waters"}
PLACE_NOUNS = {"port", "city", "town", "coast", "island", "side", "territory", "soil", "border", "waters", "village", "capital", "province"}
# "AUSTIN, Texas --", "BOGOTA, Colombia" on its own line, "(Bloomberg) —": where the story was filed, not what it is about.
DATELINE_RE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.'’ -]{1,30}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30})?)?\s*(?:\([^)\n]{1,40}\))?\s*(?:--|—|–|\n)")


def dateline_end(text: str) -> int:
    """Character offset where a leading dateline ends (0 if there is none)."""
    m = DATELINE_RE.match(text)
    if not m or len(m.group(0).split()) > 6:
        return 0
    return m.end()


class Context:
    """The parsed article with its entities, and the lookups fact rules need."""

    def __init__(self, article: Article, doc, *, tokens: list | None = None, ents: list | None = None):
        self.article = article
        self.doc = doc
        self.gaz = gazetteer()
        self.entities: dict[str, Entity] = {}
        self._mentions_of: dict[str, set[Span]] = {}  # each entity's mentions as a set: a long text has thousands
        self.by_token: dict[int, str] = {}
        self._country_counts: Counter[str] = Counter()
        self._home_counts: Counter[str] = Counter()
        self._first_seen: dict[str, int] = {}
        self.demonym_tokens: set[int] = set()
        self.quote_chars: list[tuple[int, int]] = []  # sorted, not overlapping
        self._quote_starts: list[int] | None = None
        self._ent_starts: list[int] | None = None
        self.quote_speakers: list[tuple[int, int, str]] = []
        self.dateline_end = 0
        self._text = doc.text  # spaCy joins the tokens' texts on every doc.text
        self._sents: list | None = None
        self._sent_of_token: list[int] = []
        self._ents: list | None = ents
        self._tokens: list | None = tokens

    # -- sentences (spaCy makes new Token objects on every pass over a Doc; rules ask often) ---
    @property
    def sents(self) -> list:
        """The Doc's sentences, found once."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._sent_of_token = [n for n, sent in enumerate(self._sents) for _ in range(sent.start, sent.end)]
        return self._sents

    def sent_of(self, tok):
        """The sentence of a token (as ``tok.sent``, without walking the Doc)."""
        return self.sents[self.sent_index(tok.i)]

    def sent_index(self, i: int) -> int:
        """Position in ``sents`` of the sentence holding token ``i``."""
        self.sents  # noqa: B018 - builds the token -> sentence table once
        return self._sent_of_token[i]

    @property
    def tokens(self) -> list:
        """The Doc's tokens, made once (spaCy makes a new Token object on every ``doc[i]`` and on
        every pass over the Doc, and the rules make a dozen passes)."""
        if self._tokens is None:
            self._tokens = list(self.doc)
        return self._tokens

    @property
    def ents(self) -> list:
        """The Doc's named entities (spaCy builds their spans anew on every ``doc.ents``)."""
        if self._ents is None:
            self._ents = list(self.doc.ents)
        return self._ents

    def ents_in(self, sent) -> list:
        """The named entities inside a sentence (as ``sent.ents``), found by binary search over
        the entities' starts (a scan of all of them per sentence grows with the square of the text)."""
        ents = self.ents
        if self._ent_starts is None:
            self._ent_starts = [e.start for e in ents]
        lo = bisect_left(self._ent_starts, sent.start)
        hi = bisect_left(self._ent_starts, sent.end, lo)
        return [e for e in ents[lo:hi] if e.end <= sent.end]

    def sent_text(self, sent) -> str:
        """A sentence's text (as ``sent.text``, sliced from the Doc's text)."""
        return self._text[sent.start_char:sent.end_char]

    # -- building -----------------------------------------------------------------------------
    def span(self, start: int, end: int) -> Span:
        """The characters of tokens start..end (as ``doc[start:end]`` gives them)."""
        first, last = self.tokens[start], self.tokens[end - 1]
        begin, stop = first.idx, last.idx + len(last.text)
        return Span(begin, stop, self._text[begin:stop])

    def add(self, kind: Kind, name: str, start: int | None = None, end: int | None = None, *,
            key: str | None = None, country: str | None = None, iso: str | None = None,
            wikidata: str | None = None, joins: tuple[str, ...] = ()) -> str:
        """Create or extend an entity and record the mention's tokens; returns its key."""
        key = key or f"{kind.value}:{slugify(name)}"
        entity = self.entities.get(key)
        if entity is None:
            entity = self.entities[key] = Entity(key, kind, name, country=country, iso_code=iso, wikidata=wikidata)
        if country and not entity.country and kind is not Kind.COUNTRY:
            entity.country = country
        for j in joins:
            if j and j not in entity.joins:
                entity.joins.append(j)
        if start is not None and end is not None and end > start:
            span = self.span(start, end)
            seen = self._mentions_of.setdefault(key, set(entity.mentions))
            if span not in seen:
                seen.add(span)
                entity.mentions.append(span)
            for i in range(start, end):
                self.by_token.setdefault(i, key)
        return key

    def country(self, code: str, start: int | None = None, end: int | None = None, count: bool = True) -> str | None:
        """Key of the country with ISO ``code``, creating its entity with ISO code and Wikidata IRI."""
        info = self.gaz.countries.get(code)
        if info is None:
            return None
        key = f"country:{code}"
        self.add(Kind.COUNTRY, info.name, start, end, key=key, iso=code, wikidata=info.wikidata)
        if start is not None:
            self.note_country_mention(key, start, count)
        return key

    def note_country_mention(self, key: str, position: int | None, count: bool = True) -> None:
        """Country ``key`` is mentioned at token ``position``: it counts toward the article's main
        country (unless ``count`` is false), and the first mention breaks ties."""
        if count:
            self._country_counts[key] += 1
        if position is not None:
            self._first_seen[key] = min(self._first_seen.get(key, position), position)

    def _first_seen_at(self, key: str) -> int:
        return self._first_seen.get(key, 10**9)

    # -- lookups ------------------------------------------------------------------------------
    def key_at(self, i: int) -> str | None:
        return self.by_token.get(i)

    def key_in(self, start: int, end: int, kinds: set[Kind] | None = None) -> str | None:
        for i in range(start, end):
            key = self.by_token.get(i)
            if key and (kinds is None or self.entities[key].kind in kinds):
                return key
        return None

    def keys_in(self, start: int, end: int, kinds: set[Kind] | None = None) -> list[str]:
        out: list[str] = []
        for i in range(start, end):
            key = self.by_token.get(i)
            if key and key not in out and (kinds is None or self.entities[key].kind in kinds):
                out.append(key)
        return out

    def kind(self, key: str | None) -> Kind | None:
        return self.entities[key].kind if key in self.entities else None

    def country_of(self, key: str | None) -> str | None:
        if key is None or key not in self.entities:
            return None
        entity = self.entities[key]
        return key if entity.kind is Kind.COUNTRY else entity.country

    @property
    def main_country(self) -> str | None:
        """The country the article mentions most (names and demonyms)."""
        if not self._country_counts:
            return None
        return max(self._country_counts, key=lambda c: (self._country_counts[c], -self._first_seen_at(c)))

    @property
    def home_country(self) -> str | None:
        """The country whose officials and bodies the article is about: countries of stated
        offices weigh most, mentions break ties (else the most mentioned country)."""
        if self._home_counts:
            return max(self._home_counts, key=lambda c: (3 * self._home_counts[c] + self._country_counts[c],
                                                         -self._first_seen_at(c)))  # ties: the first mentioned
        return self.main_country

    def note_home(self, country: str | None) -> None:
        if country:
            self._home_counts[country] += 1

    def speaker_at(self, tok) -> str | None:
        """Speaker of the quotation ``tok`` sits in, once quotations are attributed."""
        for s, e, speaker in self.quote_speakers:
            if s <= tok.idx < e:
                return speaker
        return None

    def in_quote(self, tok) -> bool:
        """Whether ``tok`` sits inside a quotation (a binary search: long texts have thousands)."""
        spans = self.quote_chars
        if self._quote_starts is None or len(self._quote_starts) != len(spans):
            self._quote_starts = [s for s, _ in spans]
        i = bisect_right(self._quote_starts, tok.idx) - 1
        return i >= 0 and tok.idx < spans[i][1]

    def is_name_of_country(self, i: int) -> bool:
        """True for a country's name, false for a demonym ("Afghans") that only implies it."""
        return i not in self.demonym_tokens

    def describes_people_or_place(self, tok) -> bool:
        """'Tunisian port', 'Afghan families', 'German immigrants': a demonym about people or
        places, which says nothing about whose officials or government the text means."""
        if self.is_name_of_country(tok.i):
            return False
        head = tok.head.lemma_.lower()
        return tok.tag_ in ("NNPS", "NNS") or head in GROUP_NOUNS or head in PLACE_NOUNS

    def place_named_at(self, tok) -> str | None:
        """The place, crossing, border or country named at ``tok``: its name, or a demonym that
        qualifies a region ("the Chilean side", "Colombian territory"), not one about people."""
        key = self.by_token.get(tok.i)
        if key is None or self.entities[key].kind not in (Kind.COUNTRY, Kind.PLACE, Kind.CROSSING, Kind.BORDER):
            return None
        if self.is_name_of_country(tok.i) or tok.head.lemma_.lower() in REGION_NOUNS:
            return key
        return None

    def main_countries(self, n: int = 2) -> list[str]:
        ranked = sorted(self._country_counts, key=lambda c: (-self._country_counts[c], self._first_seen_at(c)))
        return ranked[:n]

    def evidence(self, sent, rule: str, confidence: float) -> Evidence:
        return Evidence(Span(sent.start_char, sent.end_char, self.sent_text(sent)), rule, confidence)

    def date_of(self, sent, near: int | None = None) -> str | None:
        """The date a sentence gives (DATE entities, nearest to token ``near`` first)."""
        dates = [e for e in self.ents_in(sent) if e.label_ == "DATE"]
        if near is not None:
            dates.sort(key=lambda e: min(abs(e.start - near), abs(e.end - near)))
        for ent in dates:
            value = resolve_date(ent.text, self.article.published, self.sent_text(sent))
            if value:
                return value
        return None

    def person_before(self, i: int, window: int = 400) -> str | None:
        """The most recent person mentioned before token ``i``."""
        for j in range(i - 1, max(-1, i - window), -1):
            key = self.by_token.get(j)
            if key and self.entities[key].kind is Kind.PERSON:
                return key
        return None

    def resolve_pronoun(self, tok) -> str | None:
        if tok.lower_ in PRONOUNS:
            return self.person_before(tok.i)
        return None

    def subject_entity(self, tok) -> str | None:
        """The entity a subject token refers to: a mention, a pronoun, or a definite role noun."""
        if tok.idx < self.dateline_end:
            # "WARSAW, Poland — Poland will ...": the parser may take the dateline for the subject
            after = [t for t in tok.subtree if t.idx >= self.dateline_end]
            return next((self.by_token[t.i] for t in after if t.i in self.by_token), None)
        key = self.entity_of(tok)
        if key:
            return key
        if tok.lower_ in PRONOUNS:
            return self.resolve_pronoun(tok)
        if tok.lower_ in ("i", "we", "me", "us") and self.in_quote(tok):
            return self.speaker_at(tok)
        # "the regional governor of Piura, Ana Ruiz," -> the person in apposition
        for sub in tok.subtree:
            key = self.by_token.get(sub.i)
            if key and self.entities[key].kind is Kind.PERSON and (sub.dep_ == "appos" or sub.head.dep_ == "appos" or sub.head.i == tok.i):
                return key
        return None

    def entity_of(self, tok) -> str | None:
        """Entity of a noun phrase headed by ``tok``: the head's own mention, else the phrase's."""
        key = self.by_token.get(tok.i)
        if key:
            return key
        left, right = tok.left_edge.i, tok.i + 1
        # Prefer people, then organisations, then places, within the head's own phrase (not clauses).
        keys = [k for k in self.keys_in(left, right)]
        for wanted in (Kind.PERSON, Kind.GOVERNMENT, Kind.ORGANIZATION, Kind.ARMED_FORCES, Kind.COUNTRY, Kind.PLACE):
            for k in keys:
                if self.entities[k].kind is wanted:
                    return k
        return keys[0] if keys else None


def _folded(words: list[str]) -> list[str]:
    """Words without accents or case: 'Gülşen' and 'Gulsen' are one name."""
    return [unicodedata.normalize("NFKD", w.replace("ı", "i")).encode("ascii", "ignore").decode().lower() for w in words]


def _person_names(doc, mentions: list[Mention]) -> dict[str, str]:
    """Map every person mention text to its fullest form in the article; spellings with and
    without accents or middle names ('Ayse Gulsen', 'Fatma Ayşe Gülşen') join too.

    A name's full form is the first name before it (in the order below) whose folded words end
    with its folded words. Every name files its word endings in ``first_ending`` as it is met, so
    each look-up is one dict probe: comparing every name with every earlier one grew with the
    square of the names, which a long text has by the thousand."""
    # longest first; among equally long spellings the accented one (non-ASCII sorts last) leads
    names = sorted({m.text for m in mentions if m.kind == "person"}, key=lambda t: (-len(t.split()), -len(t.encode()), t))
    canonical: dict[str, str] = {}
    first_ending: dict[tuple[str, ...], str] = {}  # folded words -> the first name ending with them
    for name in names:
        words = tuple(_folded(name.split()))
        full = first_ending.get(words)  # only a longer (or earlier, for one spelling) name can be the full form
        canonical[name] = name if full is None else canonical[full]
        for n in range(len(words)):
            first_ending.setdefault(words[n:], name)
    return canonical


def resolve(article: Article, doc, mentions: list[Mention], *, tokens: list | None = None,
            ents: list | None = None) -> Context:
    """Build the Context: entities for every mention, surnames joined to full names."""
    ctx = Context(article, doc, tokens=tokens, ents=ents)
    gaz = ctx.gaz
    skip = ctx.dateline_end = dateline_end(article.text)
    mentions = [m for m in mentions if doc[m.start].idx >= skip]
    ctx.quote_chars = [(s, e) for s, e, _ in quote_spans(article.text)]
    place_names = {e.text for e in ctx.ents if e.label_ in ("GPE", "LOC", "FAC")}
    place_names |= set(re.findall(r"\b(?:island|city|town|port|province|region|state|village|district|county|capital) of ([A-Z][\w'’-]+)", article.text))
    mentions = [Mention(m.start, m.end, "place", m.text) if m.kind == "person" and len(m.text.split()) == 1 and m.text in place_names
                else m for m in mentions]
    canonical = _person_names(doc, mentions)
    org_names = _longer_names([m.text for m in mentions if m.kind == "org"])
    # sorted: when two people share a surname the choice must not depend on the hash seed
    surnames = {full.split()[-1]: full for full in sorted(set(canonical.values()), reverse=True) if len(full.split()) > 1}
    for m in mentions:
        if m.kind in ("country", "demonym"):
            if m.kind == "demonym":
                ctx.demonym_tokens.update(range(m.start, m.end))
            counts = m.kind == "country" or not ctx.describes_people_or_place(doc[m.end - 1])
            ctx.country(m.code, m.start, m.end, count=counts)
            if m.kind == "demonym":
                if doc[m.end - 1].head.lemma_.lower() in STATE_BODY_NOUNS:
                    ctx.note_home(f"country:{m.code}")  # "Italian authorities said": the article's own country
    for m in mentions:
        if m.kind == "person":
            full = canonical.get(m.text, m.text)
            ctx.add(Kind.PERSON, full, m.start, m.end)
        elif m.kind in ("org", "place") and m.text in surnames:
            ctx.add(Kind.PERSON, surnames[m.text], m.start, m.end)
        elif m.kind == "org" and gaz.place_code(m.text) and len(m.text.split()) <= 3:
            # a region or capital the model called an organisation ("the governor of Piura")
            ctx.add(Kind.PLACE, m.text, m.start, m.end, country=ctx.country(gaz.place_code(m.text)))
        elif m.kind == "org":
            full = org_names.get(m.text, m.text)
            kind = ORG_KINDS[org_kind(full)]
            country = _country_in_words(ctx, full, m.start) or _country_in_phrase(ctx, doc, m.start, m.end)
            ctx.add(kind, full, m.start, m.end, country=country)
        elif m.kind == "place":
            code = _country_after(ctx, doc, m.end) or m.code or city_code(m.text)
            country = ctx.country(code) if code else None
            ctx.add(Kind.PLACE, m.text, m.start, m.end, country=country)
    # Surnames the model missed or mistyped as something else.
    for tok in ctx.tokens:
        if tok.i not in ctx.by_token and tok.text in surnames and tok.text[:1].isupper():
            ctx.add(Kind.PERSON, surnames[tok.text], tok.i, tok.i + 1)
    return ctx


def _longer_names(names: list[str]) -> dict[str, str]:
    """'the Commission' -> 'European Commission' when the article names it in full: of the names
    that end with a name's words and have more, the one with the most words (then the first in
    alphabetical order). Each name files its shorter word endings once, so a name's full form is
    one dict probe, not a search through every other name."""
    best: dict[tuple[str, ...], str] = {}  # words -> the fullest name ending with them (and longer)
    for full in sorted(set(names), key=lambda n: (-len(n.split()), n)):
        fw = tuple(full.split())
        for n in range(1, len(fw)):
            best.setdefault(fw[n:], full)
    return {name: best[words] for name in sorted(set(names)) if (words := tuple(name.split())) in best}


def _country_in_words(ctx: Context, text: str, position: int | None = None) -> str | None:
    """'Pakistani Interior Ministry', 'UK Supreme Court', 'Texas ACLU' -> the country. A state body
    named with its country is a mention of that country and a sign the article is about it."""
    seat = ctx.gaz.seat_code(text)
    if seat:
        return ctx.country(seat)  # "the White House": the country's government, not a mention of it
    words = text.replace("’s", "").replace("'s", "").split()
    for i, word in enumerate(words):
        code = _place_words_code(ctx, words, i)
        if code:
            key = ctx.country(code)
            if key:
                ctx.note_country_mention(key, position)
                if org_kind(text) in ("government", "armed-forces"):
                    ctx.note_home(key)
            return key
    return None


def _place_words_code(ctx: Context, words: list[str], i: int) -> str | None:
    """Country of the place named at ``words[i]``, two-word names first ('New York State',
    'Kuala Lumpur Immigration'); a one-word province only when it does not end a longer
    proper name ('York' in 'New York' is not the English county)."""
    gaz = ctx.gaz
    if i + 1 < len(words):
        pair = f"{words[i]} {words[i + 1]}"
        code = gaz.country_code(pair) or gaz.capital_code(pair) or gaz.region_code(pair)
        if code:
            return code
    word = words[i]
    code = gaz.demonym_code(word) or gaz.country_code(word)
    if code:
        return code
    if i > 0 and words[i - 1][:1].isupper():
        return None
    return gaz.region_code(word)


def _country_in_phrase(ctx: Context, doc, start: int, end: int) -> str | None:
    """'Pakistani Interior Ministry' -> Pakistan; also a demonym right before the phrase."""
    first = start - 1 if start > 0 and not doc[start - 1].is_punct else start
    for i in range(first, end):
        key = ctx.by_token.get(i)
        if key and key.startswith("country:"):
            return key
    return None


def _country_after(ctx: Context, doc, end: int) -> str | None:
    """'Nogales, Mexico' or 'Ureña in Venezuela' -> the country's code."""
    if end + 1 < len(doc) and doc[end].text in (",", "in"):
        code = ctx.gaz.country_code(doc[end + 1].text)
        if code:
            return code
    return None
