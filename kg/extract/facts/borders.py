"""Border crossings and border sections, and the countries they join (cq02).

Crossings are named places followed by a crossing noun ("the San Lucas border crossing", "Friendship
International Bridge", "Khunjerab Pass"); their countries come from "between X and Y",
"connects X with Y", or, failing those, the article's main country and the neighbour of it
(from countryinfo's land borders) that the article mentions most. Border sections are keyed by
their pair of countries, so "the southern border with Ecuador" and "the border with Peru" are one
"Ecuador–Peru border".
"""
from __future__ import annotations

import re

from ..gazetteer import neighbour_across
from ..records import Kind

# The crossing nouns that name nothing else ("border post"), in any case; "Bridge", "Pass" only as
# part of a name, and a bare "crossing" (which also follows people: "Ruiz crossing the river").
CROSSING_NOUNS = r"(?i:border crossing points?|border crossings?|crossing points?|border posts?|border checkpoints?)"
CROSSING_RE = re.compile(
    r"\b((?:[A-Z][\w’'.]*(?:[–-][A-Z][\w’'.]*)?\s+){0,3}?[A-Z][\w’'.]*(?:[–-][A-Z][\w’'.]*)?)\s+"
    rf"({CROSSING_NOUNS}|International Bridge|Bridge|Pass|crossing)\b"
)
PLACE_NAME = r"[A-Z][\w’'.]*(?:[ -][A-Z][\w’'.]*){0,2}"
# "the border post of Sculeni", "the Border Crossing Points of Lipcani in Moldova and Radauti in Romania"
OF_CROSSING_RE = re.compile(rf"\b{CROSSING_NOUNS}\s+of\s+({PLACE_NAME})(?:\s+in\s+{PLACE_NAME})?(?:\s+and\s+({PLACE_NAME}))?")
# "Miller Lane, an unofficial border crossing"
APPOSED_CROSSING_RE = re.compile(rf"\b({PLACE_NAME}),\s+(?:an?|the)\s+(?:[a-z]+\s+){{0,2}}?{CROSSING_NOUNS}\b")
NOT_NAMES = {"The", "A", "An", "This", "That", "Its", "Their", "His", "Her", "Our", "Border", "International"}
SECTION_RE = re.compile(r"\b(border|frontier|borders)\s+(?:with|between)\s+(?:neighbou?ring\s+)?", re.I)


def _tokens_for(ctx, start_char: int, end_char: int):
    span = ctx.doc.char_span(start_char, end_char, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (None, None)


def _countries_in(ctx, start_tok: int, end_tok: int) -> list[str]:
    out = []
    for i in range(start_tok, end_tok):
        key = ctx.key_at(i)
        c = ctx.country_of(key) if key else None
        if c and c not in out:
            out.append(c)
    return out


def _neighbour_pair(ctx, owner: str | None = None) -> list[str]:
    """The article's main country and its most mentioned land neighbour."""
    ranked = ctx.main_countries(8)
    if not ranked:
        return []
    first = owner or ranked[0]
    code = ctx.entities[first].iso_code if first in ctx.entities else None
    neighbours = ctx.gaz.neighbours.get(code or "", set())
    for other in ranked:
        if other != first and ctx.entities[other].iso_code in neighbours:
            return [first, other]
    return [first]


def section_key(ctx, countries: list[str]) -> str | None:
    """One entity per pair of countries: 'Chile–Peru border'."""
    if not countries:
        return None
    names = sorted(ctx.entities[c].name for c in countries)
    return "–".join(names) + " border"


def add_section(ctx, countries: list[str], start_tok=None, end_tok=None) -> str | None:
    label = section_key(ctx, countries)
    if label is None:
        return None
    codes = "-".join(sorted(ctx.entities[c].iso_code or c for c in countries))
    return ctx.add(Kind.BORDER, label, start_tok, end_tok, key=f"border:{codes.lower()}", joins=tuple(countries))


def extract_borders(ctx) -> None:
    """Add crossing and border-section entities to the context (facts refer to them)."""
    text = ctx.article.text
    for m in CROSSING_RE.finditer(text):
        words = m.group(1).split()
        while words and words[0] in NOT_NAMES:
            words = words[1:]
        if not words:
            continue
        name_start = m.start(1) + m.group(1).index(words[0])
        s, e = _tokens_for(ctx, name_start, m.end())
        if s is None:
            continue
        if m.group(2) == "crossing" and ctx.key_at(s) and ctx.kind(ctx.key_at(s)) is Kind.PERSON:
            continue
        _add_crossing(ctx, text[name_start : m.end()], s, e)
    for m in OF_CROSSING_RE.finditer(text):
        for group in (1, 2):
            if m.group(group):
                s, e = _tokens_for(ctx, m.start(group), m.end(group))
                if s is not None:
                    _add_crossing(ctx, m.group(group), s, e)
    for m in APPOSED_CROSSING_RE.finditer(text):
        words = m.group(1).split()
        if words[0] in NOT_NAMES:
            continue
        s, e = _tokens_for(ctx, m.start(1), m.end(1))
        if s is not None and ctx.kind(ctx.key_at(s)) is not Kind.PERSON:
            _add_crossing(ctx, m.group(1), s, e)
    _sea_crossings(ctx)
    _sections(ctx)


def _add_crossing(ctx, name: str, s: int, e: int) -> None:
    """A named crossing and the countries it joins: stated ("between X and Y", "connects X
    with Y", "X in COUNTRY"), in its name, else the article's main country and neighbour."""
    sent = ctx.sent_of(ctx.tokens[s])
    joins = _between(ctx, e, sent.end) or _connects(ctx, sent) or _countries_of_name(ctx, s, e) or _in_country(ctx, e)
    if len(joins) == 1:
        joins += _facing(ctx, joins[0], s, e)
    if len(joins) < 2:
        joins = list(dict.fromkeys(joins + _neighbour_pair(ctx, joins[0] if joins else None)))[:2]
    if joins:
        # "the Lipcani Border Crossing Point" and "the crossing point of Lipcani" are one crossing
        place = re.sub(rf"\s+(?:{CROSSING_NOUNS}|crossing)$", "", name)
        ctx.add(Kind.CROSSING, name, s, e, key="crossing:" + "-".join(place.lower().split()), joins=tuple(joins))
    else:  # a crossing with no country we can name is still a place
        ctx.add(Kind.PLACE, name, s, e)


def _facing(ctx, country: str, s: int, e: int) -> list[str]:
    """'the Irun border crossing' in Spain: the neighbour a border town faces (a city of that
    neighbour close by, GeoNames), when the article names that neighbour."""
    code = ctx.entities[country].iso_code
    named = {ctx.entities[c].iso_code for c in ctx.main_countries(8)}
    for n in (3, 2, 1):
        for j in range(s, e - n + 1):
            words = ctx.doc[j : j + n]
            other = neighbour_across(words.text, code) if code and words[0].text[:1].isupper() else None
            if other and other in named:
                return [ctx.country(other)]
    return []


def _in_country(ctx, after_tok: int) -> list[str]:
    """'Lipcani in Moldova', 'the Sculeni crossing point in Moldova's north' -> that country."""
    doc = ctx.doc
    if after_tok + 1 < len(doc) and doc[after_tok].lower_ == "in":
        key = ctx.key_at(after_tok + 1)
        if key and ctx.kind(key) is Kind.COUNTRY and ctx.is_name_of_country(after_tok + 1):
            return [key]
    return []


def _sea_crossings(ctx) -> None:
    """Straits and channels that migrants cross, with the countries on their shores (general
    geography, from the gazetteer): "crossed the Channel", "the Bab el-Mandeb Strait"."""
    for name, (pattern, codes) in ctx.gaz.sea_crossings.items():
        for m in pattern.finditer(ctx.article.text):
            s, e = _tokens_for(ctx, m.start(), m.end())
            if s is None:
                continue
            joins = tuple(k for k in (ctx.country(code) for code in codes) if k)
            ctx.add(Kind.CROSSING, name, s, e, key=f"crossing:{name.lower().replace(' ', '-')}", joins=joins)


def _between(ctx, after_tok: int, sent_end: int) -> list[str]:
    doc = ctx.doc
    if after_tok < len(doc) and doc[after_tok].lower_ == "between":
        found = _countries_in(ctx, after_tok + 1, min(sent_end, after_tok + 8))
        return found if len(found) >= 2 else []
    return []


def _connects(ctx, sent) -> list[str]:
    for tok in sent:
        if tok.lemma_ in ("connect", "link", "join"):
            found = _countries_in(ctx, tok.i + 1, sent.end)
            if len(found) >= 2:
                return found[:2]
    return []


def _countries_of_name(ctx, s: int, e: int) -> list[str]:
    out = []
    for tok in ctx.doc[s:e]:
        code = ctx.gaz.place_code(tok.text.strip("–-"))
        for part in re.split(r"[–-]", tok.text):
            code = code or ctx.gaz.place_code(part)
        if code:
            key = ctx.country(code)
            if key and key not in out:
                out.append(key)
    return out


def _sections(ctx) -> None:
    doc = ctx.doc
    for tok in ctx.tokens:
        if tok.lemma_.lower() not in ("border", "frontier"):
            continue
        sent = ctx.sent_of(tok)
        if tok.pos_ == "VERB":
            _bordering(ctx, tok)  # "Ethiopia, which borders Djibouti"
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        # "border with X" / "frontier with neighbouring X" / "border between X and Y"
        if nxt is not None and nxt.lower_ in ("with", "between"):
            others = _countries_in(ctx, nxt.i + 1, min(sent.end, nxt.i + 5))
            if nxt.lower_ == "between" and len(others) >= 2:
                add_section(ctx, others[:2], tok.left_edge.i, nxt.i + 5)
                continue
            if others:
                # "its southern border with Turkiye and Greece": one section per coordinated country
                objects = _with_objects(ctx, nxt) or others[:1]
                for other in objects:
                    owner = _owner(ctx, tok, exclude=other, others=objects)
                    countries = [c for c in (owner, other) if c]
                    add_section(ctx, countries, tok.left_edge.i, min(sent.end, nxt.i + 3))
                continue
        # "the national borders shared by Brazil and Venezuela"
        if nxt is not None and nxt.lower_ == "shared" and nxt.i + 1 < sent.end and doc[nxt.i + 1].lower_ == "by":
            shared = _countries_in(ctx, nxt.i + 2, min(sent.end, nxt.i + 7))
            if len(shared) >= 2:
                add_section(ctx, shared[:2], tok.left_edge.i, tok.i + 1)
                continue
        # "X–Y border", "Colombian border", "Afghanistan and Pakistan share a ... border"
        left = _hyphenated_countries(ctx, tok.left_edge.i, tok.i) or _countries_in(ctx, tok.left_edge.i, tok.i)
        if left:
            add_section(ctx, left[:2], tok.left_edge.i, tok.i + 1)
            continue
        pronoun = _pronoun_owners(ctx, tok)
        if pronoun:
            add_section(ctx, pronoun, tok.left_edge.i, tok.i + 1)
            continue
        if tok.head.lemma_ == "share":
            subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
            if subj:
                found = _countries_in(ctx, subj[0].left_edge.i, subj[0].right_edge.i + 1)
                if len(found) >= 2:
                    add_section(ctx, found[:2], tok.left_edge.i, tok.i + 1)


def _pronoun_owners(ctx, tok) -> list[str]:
    """'Tunisia and Libya ... migrants stranded at their border' -> both countries; 'as Vilnius got
    tougher on its border, Minsk ...' -> the subject's country and a land neighbour named in the
    sentence. The pronoun's antecedent is the subject of the nearest governing verb that has one."""
    poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("its", "their")]
    if not poss:
        return []
    head = tok.head
    while head is not None:
        subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")] if head.pos_ in ("VERB", "AUX") else []
        if subj:
            found = _countries_in(ctx, subj[0].left_edge.i, subj[0].right_edge.i + 1)
            capital = ctx.gaz.capital_code(subj[0].text) if not found and subj[0].pos_ == "PROPN" else None
            found = [ctx.country(capital)] if capital else found  # a capital the model left untagged
            break
        head = None if head.head is head else head.head
    else:
        return []
    if poss[0].lower_ == "their":
        return found[:2] if len(found) >= 2 else []
    if len(found) != 1:
        return []
    code = ctx.entities[found[0]].iso_code
    sent = ctx.sent_of(tok)
    for other in _countries_in(ctx, sent.start, sent.end):
        if ctx.entities[other].iso_code in ctx.gaz.neighbours.get(code or "", set()):
            return [found[0], other]
    return []


def _with_objects(ctx, prep) -> list[str]:
    """Countries governed by 'with' and their conjuncts: 'with Turkiye and Greece'."""
    out = []
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        for t in [pobj, *pobj.conjuncts]:
            key = ctx.key_at(t.i)
            c = ctx.country_of(key) if key and ctx.kind(key) is Kind.COUNTRY else None
            if c and c not in out:
                out.append(c)
    return out


def _hyphenated_countries(ctx, start: int, end: int) -> list[str]:
    """'the U.S.-Mexico border', 'the Indo-Bangladesh border', 'the Indo-Pak border': countries
    joined by a hyphen, inside one token or as tokens around a hyphen, combining forms included."""
    doc = ctx.doc
    out = []
    for tok in doc[start:end]:
        parts = re.split(r"[–-]", tok.text)
        before_hyphen = tok.i + 1 < end and doc[tok.i + 1].text in ("-", "–")
        after_hyphen = tok.i > start and doc[tok.i - 1].text in ("-", "–")
        if len(parts) < 2 and not (before_hyphen or after_hyphen):
            continue
        for j, part in enumerate(parts):
            leading = j < len(parts) - 1 or before_hyphen
            code = ctx.gaz.country_code(part) or ctx.gaz.demonym_code(part) or (ctx.gaz.combining_code(part) if leading else None)
            key = ctx.country(code) if code else None
            if key and key not in out:
                out.append(key)
    return out if len(out) >= 2 else []


def _bordering(ctx, verb) -> None:
    """'Ethiopia borders Djibouti', 'Ethiopia, which borders Djibouti': the two countries' border."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not subjects or not objects:
        return
    subj = subjects[0]
    if subj.lower_ in ("which", "that") and verb.dep_ == "relcl":
        head = verb.head  # the noun the relative clause describes, and its "of X"
        found = _countries_in(ctx, head.left_edge.i, verb.left_edge.i)
    else:
        found = _countries_in(ctx, subj.left_edge.i, subj.right_edge.i + 1)
    other = _countries_in(ctx, objects[0].left_edge.i, objects[0].right_edge.i + 1)
    if len(found) == 1 and len(other) == 1 and found != other:
        add_section(ctx, [found[0], other[0]], verb.i, objects[0].right_edge.i + 1)


def _names_people(ctx, tok) -> bool:
    """A demonym that describes people ('German immigrants', 'Afghans'), not a state."""
    if ctx.is_name_of_country(tok.i):
        return False
    from ..lexicon import GROUP_NOUNS

    return tok.tag_ in ("NNPS", "NNS") or tok.head.lemma_.lower() in GROUP_NOUNS | {"son", "daughter", "descent", "origin"}


def _owner(ctx, tok, exclude: str, others: list[str] = ()) -> str | None:
    """The country whose border it is: the speaker's if quoted, else the first other country named
    in the sentence or the one before (a demonym of people, as in 'German immigrants', does not count)."""
    from .roles import _previous_sentence

    speaker = ctx.speaker_at(tok)
    if speaker and ctx.country_of(speaker) and ctx.country_of(speaker) != exclude:
        return ctx.country_of(speaker)
    for sent in (ctx.sent_of(tok), _previous_sentence(ctx, ctx.sent_of(tok))):
        if sent is None:
            continue
        for t in sent:
            key = ctx.key_at(t.i)
            c = ctx.country_of(key) if key else None
            if c and c != exclude and c not in others and not _names_people(ctx, t):
                return c
    main = [c for c in ctx.main_countries(3) if c != exclude and c not in others]
    return main[0] if main else None
