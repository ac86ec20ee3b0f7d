"""Find typed mentions in a parsed Doc: people, countries, demonyms, organisations, places.

Statistical NER proposes spans; general knowledge (the gazetteer, media and platform cues)
corrects their type, because a small model often calls a country an ORG or a surname a LOC.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import city_code, gazetteer
from .lexicon import ARMED_FORCES_WORDS, GOVERNMENT_WORDS, GROUP_NOUNS, HONORIFICS, MEDIA_WORDS, OFFICE_WORDS, OFFICES, ORIENTATIONS, PLATFORMS, ROLE_MODIFIERS

# Head nouns of organisations' names ("Fair Party", "Green Alliance"): never a person.
ORG_HEAD_NOUNS = {
    "party", "movement", "alliance", "front", "union", "group", "association", "league", "coalition",
    "foundation", "organization", "organisation", "institute", "bloc", "committee", "federation",
    "network", "society", "center", "centre", "council", "agency", "fund", "trust", "bank",
}
TITLE_TOKENS = OFFICE_WORDS | HONORIFICS


@dataclass(frozen=True)
class Mention:
    """A typed stretch of tokens ``[start, end)`` of the Doc."""

    start: int
    end: int
    kind: str  # person | country | demonym | org | place
    text: str
    code: str | None = None  # ISO code for countries and demonyms


def clean_person(doc, start: int, end: int) -> tuple[int, int] | None:
    """Trim titles, orientations and possessives off a PERSON span; None if no name is left."""
    while start < end and (doc[start].lower_ in TITLE_TOKENS or doc[start].lower_ in ORIENTATIONS or not doc[start].text[:1].isupper()
                           or end - start > 2 and start > 0 and doc[start - 1].lower_ in ("of", "for")):
        start += 1  # "Chief of [Mission Ana Ruiz]": the end of a title the model took for a name
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    words = [t for t in doc[start:end] if t.is_alpha]
    if not words or not all(t.text[:1].isupper() or t.lower_ in ("von", "van", "der", "de", "la", "del", "bin", "al", "da", "dos")
                            or t.i > start and doc[t.i - 1].text == "-" for t in words):  # "Park Min-jun"
        return None
    if any(t.like_num for t in doc[start:end]):
        return None
    return start, end


def org_kind(text: str) -> str:
    """organization | government | armed-forces | media | platform, from cue words."""
    low = text.lower().strip()
    low = re.sub(r"^the\s+", "", low)
    if low in PLATFORMS:
        return "platform"
    words = set(re.findall(r"[\w/.]+", low))
    if low in ARMED_FORCES_WORDS or any(w in low for w in ("armed forces", "national guard", "army", "navy", "military")):
        return "armed-forces"
    state_agency = "agency" in words and bool(words & (GOVERNMENT_WORDS - {"agency"}))  # "Border Services Agency"
    if (words & MEDIA_WORDS or low in MEDIA_WORDS) and not state_agency:
        return "media"
    if words & GOVERNMENT_WORDS:
        return "government"
    return "organization"


QUOTE_RE = re.compile(r"“([^”]{2,2000})”|\"([^\"]{2,2000})\"")


def quote_spans(text: str):
    """(start, end, inner text) of every quoted passage."""
    for m in QUOTE_RE.finditer(text):
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        s = m.start() + 1
        yield s, s + len(inner), inner


def find_mentions(doc, tokens: list | None = None, ents: list | None = None) -> list[Mention]:
    """All typed mentions, longest first where they overlap, in document order.

    ``tokens`` and ``ents``: the Doc's tokens and entities when the caller has them already
    (spaCy makes them anew on every pass over the Doc and every ``doc.ents``)."""
    gaz = gazetteer()
    found: list[Mention] = []
    taken: set[int] = set()
    if ents is None:
        ents = list(doc.ents)

    def take(m: Mention) -> None:
        if any(i in taken for i in range(m.start, m.end)):
            return
        taken.update(range(m.start, m.end))
        found.append(m)

    # 0. Multi-word organisations that contain a country word ("UK Supreme Court", "Italian Red Cross").
    for ent in ents:
        if ent.label_ == "ORG" and len(ent) > 1:
            s, e = ent.start, ent.end
            while s < e and doc[s].lower_ in ("the", "a", "an"):
                s += 1
            while e > s and (doc[e - 1].text in ("'s", "’s") or doc[e - 1].is_punct):
                e -= 1
            words = doc[s:e].text.split()
            if e - s > 1 and any(gaz.demonym_code(w) or gaz.country_code(w) for w in words) and not all(
                    gaz.demonym_code(w) or gaz.country_code(w) for w in words):
                take(Mention(s, e, "org", doc[s:e].text))
    # 1. Countries and demonyms by gazetteer, longest match first (up to 6 tokens).
    toks = list(doc) if tokens is None else tokens
    text_of = doc.text
    i = 0
    while i < len(toks):
        if not toks[i].text[:1].isupper():
            i += 1
            continue
        matched = False
        for n in range(min(6, len(toks) - i), 0, -1):
            last = toks[i + n - 1]
            text = text_of[toks[i].idx : last.idx + len(last.text)]
            code = gaz.country_code(text)
            if code and not (n == 1 and toks[i].ent_type_ == "PERSON" and not _state_possessive(doc, toks[i].i)):
                take(Mention(i, i + n, "country", text, code))
                matched = True
            elif (code := gaz.demonym_code(text)):
                take(Mention(i, i + n, "demonym", text, code))
                matched = True
            if matched:
                i += n
                break
        if not matched:
            i += 1
    # 2. Named entities from the statistical model, re-typed by knowledge.
    for ent in ents:
        if ent.label_ == "PERSON":
            cleaned = clean_person(doc, ent.start, ent.end)
            if cleaned:
                s, e = cleaned
                e = _extend_particles(doc, s, e)
                text = doc[s:e].text
                if gaz.country_code(text) or gaz.demonym_code(text) or gaz.place_code(text):
                    continue
                if _ethnonym(doc, s, e):
                    continue
                if _place_named_as_person(doc, s, e, text):
                    take(Mention(s, e, "place", text))
                    continue
                if org_kind(text) in ("media", "platform") and len(doc[s:e]) == 1:
                    take(Mention(s, e, "org", text))
                    continue
                take(Mention(s, e, "person", text))
        elif ent.label_ in ("ORG", "NORP", "FAC", "GPE", "LOC"):
            s, e = ent.start, ent.end
            while s < e and doc[s].lower_ in ("the", "a", "an"):
                s += 1
            while e > s and (doc[e - 1].text in ("'s", "’s") or doc[e - 1].is_punct):
                e -= 1
            if s >= e:
                continue
            text = doc[s:e].text
            if ent.label_ in ("GPE", "LOC", "FAC"):
                code = gaz.place_code(text)
                kind = "org" if org_kind(text) in ("media", "government") and ent.label_ != "LOC" else "place"
                take(Mention(s, e, kind, text, code))
            elif ent.label_ == "ORG":
                if e - s == 1 and doc[s].lower_ in OFFICE_WORDS | ROLE_MODIFIERS and e < len(doc) and doc[e].lower_ in OFFICE_WORDS:
                    continue  # "Defense" in "Defense Minister X" is part of a title, not an organisation
                if e - s >= 3 and doc[s].lower_ in OFFICE_WORDS - ROLE_MODIFIERS and _titled_name(doc, s + 1, e, doc[s + 1 : e].text):
                    take(Mention(s + 1, e, "person", doc[s + 1 : e].text))  # "[Taoiseach Ana Ruiz]" read as one organisation
                    continue
                if e - s == 1 and doc[s].lower_ in OFFICES:
                    continue  # "the Taoiseach said": an office holder named by the office, not an organisation
                take(Mention(s, e, "person" if _titled_name(doc, s, e, text) else "org", text))
    # 3. Names the model missed: a run of proper nouns that is described by an office
    #    ("Ali Khan, a Pakistani official") or that says something ("Khan told").
    for s, e in _proper_noun_runs(toks):
        if any(i in taken for i in range(s, e)) or e - s < 2:
            continue
        text = doc[s:e].text
        if gaz.country_code(text) or gaz.demonym_code(text) or gaz.place_code(text):
            continue
        head = doc[e - 1]
        described = e + 3 < len(doc) and doc[e].text == "," and any(
            t.lower_ in OFFICE_WORDS or t.text.endswith("-old") for t in doc[e + 1 : min(len(doc), e + 5)])
        speaks = head.dep_ == "nsubj" and head.head.lemma_.lower() in ("say", "tell", "add", "write", "post", "state")
        if described or speaks:
            take(Mention(s, e, "person", text))
    found = _people_named_elsewhere(doc, toks, found, taken)
    found.sort(key=lambda m: m.start)
    return found


SETTLEMENT_NOUNS = {"town", "city", "village", "port", "district", "province", "region", "municipality"}
LOCATIVE_PREPS = {"from", "in", "into", "near", "at", "outside", "through", "toward", "towards"}


def _place_named_as_person(doc, s: int, e: int, text: str) -> bool:
    """A name the model tags as a person that the sentence uses as a place: 'the town of X', or a
    known city (GeoNames) after a preposition of place ('fled from X')."""
    head = doc[e - 1]
    if head.dep_ != "pobj" or head.head.dep_ != "prep":
        return False
    prep = head.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in SETTLEMENT_NOUNS:
        return True
    return prep.lower_ in LOCATIVE_PREPS and city_code(text) is not None


def _people_named_elsewhere(doc, toks: list, found: list[Mention], taken: set[int]) -> list[Mention]:
    """'[Ana Ruiz]ORG arrived ... Ms. [Ruiz]PERSON said': the model types one name differently in
    two sentences. A one-word organisation or untyped place, or an untagged run of names, that
    ends in the surname of a person of the article is that person, with the first names before it."""
    gaz = gazetteer()
    surnames = {m.text.split()[-1] for m in found if m.kind == "person"}
    out = []
    for m in found:
        if (m.kind in ("org", "place") and m.code is None and m.end - m.start == 1 and m.text in surnames
                and org_kind(m.text) == "organization" and not gaz.place_code(m.text)):
            start = m.start
            while (start > 0 and m.start - start < 3 and start - 1 not in taken and doc[start - 1].tag_ == "NNP"
                   and doc[start - 1].is_alpha and doc[start - 1].lower_ not in TITLE_TOKENS):
                start -= 1
            taken.update(range(start, m.start))
            m = Mention(start, m.end, "person", doc[start : m.end].text)
        out.append(m)
    for s, e in _proper_noun_runs(toks):
        if e - s >= 2 and doc[e - 1].text in surnames and not any(i in taken for i in range(s, e)) \
                and not any(t.lower_ in TITLE_TOKENS for t in doc[s:e]) and not gaz.place_code(doc[s:e].text):
            taken.update(range(s, e))
            out.append(Mention(s, e, "person", doc[s:e].text))
    return out


STATE_NOUNS = {"government", "junta", "army", "military", "authorities", "ministry", "border", "borders", "parliament"}


def _state_possessive(doc, i: int) -> bool:
    """"Niger's junta leader", "Chad's government": a country name the model tagged as a person
    is the country when its possessive owns an office or an organ of state ("Jordan said" and
    "Jordan's wife" stay people)."""
    if i + 2 >= len(doc) or doc[i + 1].text not in ("'s", "’s"):
        return False
    return any(t.lower_ in OFFICE_WORDS or t.lower_ in STATE_NOUNS for t in doc[i + 2 : i + 5] if t.is_lower)


ETHNIC_NOUNS = GROUP_NOUNS | {"community", "communities", "tribe", "tribes", "tribesman", "tribesmen", "group", "groups"}


def _ethnonym(doc, start: int, end: int) -> bool:
    """'the Mizo people': a one-word people's name on a group noun, not a person."""
    if end - start != 1:
        return False
    tok = doc[start]
    return tok.dep_ in ("compound", "amod") and tok.head.lemma_.lower() in ETHNIC_NOUNS


def _titled_name(doc, start: int, end: int, text: str) -> bool:
    """'commissioner [Lena Marsh]': two or three capitalised words right after an office word,
    with no cue of an organisation, are a person the model mistyped."""
    if not (2 <= end - start <= 3) or start == 0 or doc[start - 1].lower_ not in OFFICE_WORDS - ROLE_MODIFIERS:
        return False
    if doc[end - 1].lower_ in ORG_HEAD_NOUNS or doc[start - 1].lower_ == "opposition":
        return False  # "the opposition Fair Party"
    if org_kind(text) != "organization" or any(t.tag_ != "NNP" or not t.is_alpha for t in doc[start:end]):
        return False
    gaz = gazetteer()
    return not any(gaz.country_code(t.text) or gaz.demonym_code(t.text) or gaz.place_code(t.text) for t in doc[start:end])


PARTICLES = {"von", "van", "der", "den", "de", "la", "le", "del", "da", "dos", "das", "bin", "ibn", "al", "el", "di", "du"}


def _extend_particles(doc, start: int, end: int) -> int:
    """'Klara von' + 'der Heide' -> one name: the model often cuts names at their particles."""
    j = end
    while j < len(doc) and doc[j].lower_ in PARTICLES:
        j += 1
    if j < len(doc) and (j > end or doc[end - 1].lower_ in PARTICLES) and doc[j].text[:1].isupper() and doc[j].is_alpha:
        return j + 1
    return end


def _proper_noun_runs(toks: list):
    """(start, end) of each run of up to four capitalised proper nouns."""
    i = 0
    while i < len(toks):
        if toks[i].tag_ == "NNP" and toks[i].text[:1].isupper() and toks[i].is_alpha:
            j = i
            while j + 1 < len(toks) and toks[j + 1].tag_ == "NNP" and toks[j + 1].text[:1].isupper() and toks[j + 1].is_alpha and j - i < 3:
                j += 1
            yield i, j + 1
            i = j + 1
        else:
            i += 1
