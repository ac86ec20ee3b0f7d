"""Groups of people who move, or want to move, from where to where (cq06).

A movement is a verb or noun of moving whose subject (or object, for sending and deporting) is
a group of people — a migrant noun or a demonym plural. "from X" and "leave X" give the origin,
"into/to/for X" the destination; a demonym group with no stated origin comes from its country
("thousands of Sudanese ... flee"), and "their homeland" is that country too.
"""
from __future__ import annotations

from ..lexicon import GROUP_NOUNS, MIGRANT_MODIFIERS
from ..records import Kind, MovementFact
from .syntax import subject_of

MOVE_VERBS = {"leave", "flee", "cross", "head", "travel", "return", "go", "move", "arrive", "enter", "pour", "migrate", "escape", "come", "walk", "sail", "flow", "reach", "land"}
SEND_VERBS = {"send", "deport", "expel", "transfer", "bus", "fly", "return", "relocate"}
MOVE_NOUNS = {"arrival", "influx", "entry", "flow", "exodus", "departure", "return", "crossing"}
HOME_WORDS = {"homeland", "home", "country"}
PLACE_KINDS = {Kind.COUNTRY, Kind.PLACE, Kind.CROSSING}


def group_of(ctx, tok):
    """(label, country) if ``tok`` heads a group of people: 'undocumented migrants', 'Afghans'."""
    if tok.lower_ in ("hundreds", "thousands", "dozens", "millions", "tens") or tok.like_num:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return group_of(ctx, pobj)
        return None
    code = ctx.gaz.demonym_code(tok.text) if tok.text[:1].isupper() and tok.tag_ in ("NNPS", "NNS", "NNP") else None
    lemma = tok.lemma_.lower()
    if not code and lemma not in GROUP_NOUNS:
        return None
    if not code and lemma in ("people", "person", "family", "child", "resident", "national", "citizen", "worker"):
        # plain people count when a demonym or migrant word qualifies them
        mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound")]
        if not any(ctx.gaz.demonym_code(m.text) or m.lower_ in MIGRANT_MODIFIERS for m in mods):
            return None
    mods = [c.text for c in tok.lefts if c.dep_ in ("amod", "compound") and not c.like_num and c.ent_type_ != "DATE"]
    label = " ".join(mods + [tok.text]).replace(" - ", "-")
    country = ctx.country(code) if code else None
    if country is None:
        for m in tok.lefts:
            mc = ctx.gaz.demonym_code(m.text)
            if mc:
                country = ctx.country(mc)
    return label, country


def _place_in(ctx, tok, create: bool = True):
    for sub in tok.subtree:
        key = ctx.key_at(sub.i)
        if key and ctx.kind(key) in PLACE_KINDS:
            return ctx.country_of(key) if ctx.kind(key) is Kind.COUNTRY else key
    if create and tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() not in HOME_WORDS:
        words = [t for t in tok.subtree if t.dep_ not in ("det", "poss", "case") and not t.is_punct][:5]
        if words:
            return ctx.add(Kind.PLACE, " ".join(t.text for t in words), words[0].i, words[-1].i + 1)
    return None


def _endpoints(ctx, verb, group_country):
    origin = destination = None
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    # "into their homeland from neighboring Pakistan": the parser may hang "from" on the destination
    children += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("into", "to", "toward", "towards")
                 for p in c.children if p.dep_ == "pobj" for g in p.children if g.dep_ == "prep" and g.lower_ == "from"]
    for child in children:
        if child.dep_ == "dobj" and lemma in ("leave", "flee", "escape"):
            origin = origin or _place_in(ctx, child, create=False)
        if child.dep_ == "dobj" and lemma in ("reach", "enter"):
            destination = destination or _place_in(ctx, child, create=False)
        if child.dep_ == "prep":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            home = pobj.lemma_.lower() in HOME_WORDS and any(c.lower_ in ("their", "his", "her", "its") for c in pobj.children)
            if child.lower_ == "from":
                origin = origin or _place_in(ctx, pobj, create=False)
            elif child.lower_ in ("into", "to", "for", "toward", "towards"):
                destination = destination or (group_country if home else _place_in(ctx, pobj))
    return origin, destination


def extract_movements(ctx) -> list:
    facts = []
    for tok in ctx.tokens:
        lemma = tok.lemma_.lower()
        group_tok = None
        if tok.pos_ == "VERB" and lemma in MOVE_VERBS:
            subj = subject_of(tok)
            if subj is None and tok.dep_ == "acl":
                subj = tok.head
            if subj is None and tok.dep_ in ("xcomp", "ccomp", "pcomp"):
                gov = tok.head if tok.dep_ != "pcomp" else tok.head.head
                subj = next((c for c in gov.children if c.dep_ == "dobj"), None)
            group_tok = subj
        elif tok.pos_ == "VERB" and lemma in SEND_VERBS:
            group_tok = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if group_tok is not None and group_tok.lower_ in ("busloads", "planeloads", "boatloads", "groups"):
                group_tok = next((p for c in group_tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"), group_tok)
        elif tok.pos_ == "NOUN" and lemma in MOVE_NOUNS:
            group_tok = next((c for c in tok.lefts if c.dep_ == "compound"), None) or next(
                (p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)
        if group_tok is None:
            continue
        group = group_of(ctx, group_tok)
        if group is None:
            continue
        label, gcountry = group
        origin, destination = _endpoints(ctx, tok, gcountry)
        if lemma in ("arrival", "influx") and destination is None:
            destination = next((_place_in(ctx, c, create=False) for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "in", "to")), None)
        if origin is None and gcountry and lemma in ("flee", "escape", "leave", "pour", "cross", "migrate") and destination != gcountry:
            origin = gcountry
        if origin is None and destination is not None and destination == gcountry and ctx.home_country not in (None, destination):
            origin = ctx.home_country  # people going home leave the country the article is about
        if origin is None and destination is None:
            continue
        if origin == destination:
            continue
        key = ctx.add(Kind.GROUP, label, group_tok.i, group_tok.i + 1, country=gcountry)
        facts.append(MovementFact(key, origin, destination, ctx.evidence(ctx.sent_of(tok), f"movement.{tok.pos_.lower()}", 0.7)))
    return facts
