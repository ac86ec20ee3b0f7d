"""Numbers the article reports: what is counted, how many, where, when, per whom (cq07).

What: the noun the number modifies, with its modifiers ("337,000 undocumented migrants",
"2,610-kilometer border" -> border, unit kilometer); else the noun right after it, a count in
brackets ("Filipinos (two)"), the clause's subject ("arrivals rose to 5,000"), the verb of a bare
number ("95 died"), what a sum pays for ("at a cost of $6 million"), or the thing the number before
it counts ("... compared to 53,000").
Where: a place in the locative phrases on that noun or on the nouns and verbs above it, up to a
reported clause; else where the story happens (the lead, the dateline, the most-mentioned country).
When: a date in the sentence; else, by the clause's tense, the lead's day or the day of writing.
Per whom: "according to X", the reporting verb above the number (named or unnamed body: "the
prefecture said"), a passive agent ("recorded by X"), the speaker of a quotation it sits in.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..dates import deadline_date, resolve_date
from ..lexicon import GROUP_NOUNS, SAY_VERBS
from ..amounts import parse_amount
from ..records import Kind, QuantityFact, QuoteFact
from .syntax import inherited_subject, subject_of, tense_of

if TYPE_CHECKING:
    from spacy.tokens import Token

SKIP_ENTS = {"DATE", "TIME", "ORDINAL", "MONEY"}
PLACE_KINDS = {Kind.COUNTRY, Kind.PLACE, Kind.CROSSING, Kind.BORDER}
SOURCE_KINDS = {Kind.PERSON, Kind.ORGANIZATION, Kind.GOVERNMENT, Kind.MEDIA, Kind.ARMED_FORCES, Kind.PLATFORM}
VAGUE = {"dozens", "hundreds", "thousands", "millions", "tens", "several", "many", "few", "some"}
NUMBER_WORD = re.compile(r"\d|^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                         r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)$")
SCALE_WORDS = {"hundred", "thousand", "million", "billion"}
APPROXIMATORS = {"between", "about", "around", "some", "nearly", "almost", "roughly", "approximately", "than", "more",
                 "less", "fewer", "close", "to", "over", "least", "at", "up", "estimated", "an", "a", "half", "under"}
TIME_UNITS = re.compile(r"(day|week|month|hour|year)s?")
CURRENCY = {"$": "dollars", "US$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"}
# Nouns a sum of money is the amount of ("at a cost of $6 million"), and verbs that hand one over.
MONEY_NOUNS = {"cost", "price", "fee", "fine", "budget", "fund", "funding", "aid", "payment", "grant", "sum", "investment",
               "package", "bill", "bail", "bounty", "reward", "compensation", "loan", "deal", "contract", "salary", "wage"}
MONEY_VERBS = {"provide", "allocate", "pay", "spend", "give", "pledge", "offer", "approve", "earmark", "receive", "cost",
               "invest", "donate", "raise", "award", "set", "mobilize", "mobilise", "commit", "disburse", "release"}
REACH_VERBS = {"reach", "hit", "total", "exceed", "top", "surpass", "number", "pass", "near", "approach"}
EVENT_SUBJECT_VERBS = {"die", "drown", "arrive", "cross", "flee", "return", "survive", "perish", "disappear", "escape",
                       "remain", "stay", "leave", "enter"}


def _is_number(toks, i: int) -> bool:
    """A number token: digits, a number word, or a scale word after 'a' ("a million")."""
    tok = toks[i]
    if not tok.like_num:
        return False
    if NUMBER_WORD.search(tok.lower_):
        return True
    return tok.lower_ in SCALE_WORDS and i > 0 and toks[i - 1].lower_ in ("a", "an")


def _money(ctx, tok) -> bool:
    """'$6 million', '€300': an amount of money, kept when a noun or verb says what it pays for."""
    return tok.ent_type_ == "MONEY" and tok.i > 0 and ctx.tokens[tok.i - 1].text in CURRENCY


def _kept(ctx, i: int) -> bool:
    """A number inside a date, time or money entity is kept only as a span of time, a deadline,
    'three days of mourning', or money."""
    toks, tok = ctx.tokens, ctx.tokens[i]
    if tok.ent_type_ not in SKIP_ENTS:
        return True
    if _money(ctx, tok):
        return True
    if tok.ent_type_ == "DATE" and re.fullmatch(r"\d[\d,]*", tok.text) and not re.fullmatch(r"(1[89]|20)\d\d", tok.text) \
            and _listed(ctx, tok) and tok.i + 2 < len(toks) and toks[tok.i + 2].ent_type_ == "DATE":
        return True  # "35 on Sunday": the tagger took the count into the date after it
    nxt, after = (toks[i + 1] if i + 1 < len(toks) else None), (toks[i + 2] if i + 2 < len(toks) else None)
    if nxt is not None and after is not None and TIME_UNITS.fullmatch(nxt.lower_) and after.lower_ == "of" and tok.ent_type_ == "DATE":
        return True
    return bool(deadline_date(ctx.sent_text(ctx.sent_of(tok)), ctx.article.published) or _duration(ctx.doc, i))


def _number_spans(ctx) -> Iterator[tuple]:
    """(first token, last token, text) of each number expression."""
    doc, toks = ctx.doc, ctx.tokens
    i = 0
    while i < len(toks):
        if not _is_number(toks, i) or not _kept(ctx, i):
            i += 1
            continue
        j = i
        # "between 70 and 80", "10 to 12", "1.7 million"
        ranged = i > 0 and toks[i - 1].lower_ in ("between", "from")
        while j + 1 < len(toks) and (toks[j + 1].lower_ in ("million", "billion", "thousand", "dozen", "%", "percent") or
                                    (toks[j + 1].lower_ in ("and", "to", "-", "–") and j + 2 < len(toks) and toks[j + 2].like_num
                                     and (ranged or toks[j + 1].lower_ != "and"))):
            j += 2 if toks[j + 1].lower_ in ("and", "to", "-", "–") else 1
        start = i
        while start > 0 and toks[start - 1].lower_ in APPROXIMATORS:
            if toks[start - 1].lower_ == "to" and not (start > 1 and toks[start - 2].lower_ in ("close", "up")):
                break
            if toks[start - 1].lower_ in ("a", "an", "half") and not toks[i].lower_ in SCALE_WORDS:
                break
            start -= 1
        yield toks[start], toks[j], doc[start : j + 1].text
        i = j + 1


def _duration(doc, i: int) -> bool:
    """'within 28 days', 'in 10 to 12 weeks', 'for two years': a span of time, a number worth keeping."""
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    after = doc[i + 2].lower_ if i + 2 < len(doc) else ""
    before = doc[i - 1].lower_ if i > 0 else ""
    unit = TIME_UNITS.fullmatch(nxt) or (nxt in ("to", "-", "–") and i + 3 < len(doc) and TIME_UNITS.fullmatch(doc[i + 3].lower_))
    if unit and after == "in" and i + 3 < len(doc) and doc[i + 3].lower_ in ("prison", "jail"):
        return True  # "up to five years in prison": a sentence
    return bool(unit) and before in ("within", "in", "for", "after", "have", "has") and after not in ("ago", "before", "after", "earlier", "later", "old")


def _noun_label(ctx, head, start: int | None = None) -> str:
    """'dark blue containers', 'members of the National Guard' -> the noun with its modifiers and
    its 'of' phrase (determiners dropped)."""
    start = head.i if start is None else start
    mods = [t for t in ctx.tokens[start : head.i] if t.pos_ in ("ADJ", "NOUN", "PROPN", "VERB") and not t.like_num]
    what = " ".join([t.text for t in mods] + [head.text])
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                what = f"{what} of {pobj.text}"
    return what


def _np_after(ctx, last) -> Token | None:
    """'includes 469 surrendered Myanmar military soldiers': the noun that ends the phrase right
    after a number the parser did not attach to it."""
    toks = ctx.tokens
    for k in range(last.i + 1, min(last.i + 6, len(toks))):
        tok = toks[k]
        if tok.pos_ not in ("ADJ", "NOUN", "PROPN", "VERB") or (tok.pos_ == "VERB" and tok.tag_ != "VBN") or tok.ent_type_ in ("DATE", "TIME"):
            return None  # "totalled 1.1 million last year": not a noun the number counts
        if tok.pos_ == "NOUN" and not (tok.head.i > tok.i and tok.head.i < last.i + 6 and tok.dep_ in ("compound", "amod", "nmod")):
            return tok
    return None


def _subject_counted(ctx, num) -> tuple[str, Token] | None:
    """'the tariffs would be raised to 25%', 'the figure was above 15,000', 'the number of people
    arriving by boat rose to 106,000': the clause's subject is what the number counts."""
    prep = num.head
    if num.dep_ in ("dobj", "attr") and prep.lemma_.lower() in REACH_VERBS:
        subj = subject_of(prep)  # "arrivals reached 5,000", "applications totalled 1.1 million"
    elif num.dep_ != "pobj" or prep.lower_ not in ("to", "above", "below", "over", "under", "at") or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    else:
        subj = subject_of(prep.head)
    if subj is None or subj.pos_ != "NOUN":
        return None
    if subj.lemma_.lower() in ("number", "total", "count", "tally"):
        of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None and pobj.pos_ == "NOUN":
            verb = next((c for c in pobj.children if c.dep_ == "acl"), None)
            return (f"{pobj.text} {verb.text}" if verb is not None else pobj.text), pobj
    return _noun_label(ctx, subj, next((t.i for t in subj.lefts if t.dep_ in ("amod", "compound")), subj.i)), subj


def _bare_subject(num) -> tuple[str, Token] | None:
    """'95 died last year', '8,000 were rescued', 'jumped with 39 reported on Saturday': a number
    standing alone as a subject (or with a participle of its own) counts the people the verb tells
    of; the verb is the label."""
    verb = num.head
    part = next((c for c in num.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == num.i + 1), None)
    if part is not None:
        return part.text, part
    if num.dep_ == "nsubjpass" and verb.tag_ == "VBN":
        return verb.text, verb
    if num.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_.lower() in EVENT_SUBJECT_VERBS:
        return verb.text, verb
    nxt = num.doc[num.i + 1] if num.i + 1 < len(num.doc) else None
    if (num.dep_ == "dobj" and nxt is not None and nxt.head == verb and nxt.dep_ == "ccomp"
            and nxt.lemma_.lower() in EVENT_SUBJECT_VERBS):
        return nxt.text, nxt  # "reported 85 died", parsed as an object and a clause
    return None


def _of_them(ctx, num) -> tuple[str, Token] | None:
    """'some 46,000 of them managed to cross': a count of a group named before, as 'them'."""
    from .movements import group_of  # movements reads the story's place from this module

    them = next((p for c in num.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj" and p.lower_ in ("them", "those")), None)
    if them is None:
        return None
    sent = ctx.sent_of(them)
    start = ctx.sent_of(ctx.tokens[sent.start - 1]).start if sent.start > 0 else sent.start
    for j in range(them.i - 1, start - 1, -1):  # the nearest group of people before it
        cand = ctx.tokens[j]
        if cand.tag_ in ("NNS", "NNPS") and cand.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"):
            if cand.lemma_.lower() in GROUP_NOUNS:
                return cand.text, num  # "216 people on board ... 50 of them"
            group = group_of(ctx, cand)
            if group is not None:
                return group[0], num
    return None


def _parenthesised(ctx, first, last) -> tuple[str, Token] | None:
    """'Filipinos (two), Indonesians (30)': a count in brackets after what it counts."""
    toks = ctx.tokens
    if first.i < 2 or last.i + 1 >= len(toks) or toks[first.i - 1].text != "(" or toks[last.i + 1].text != ")":
        return None
    noun = toks[first.i - 2]
    if noun.ent_type_ in ("DATE", "TIME") or not re.fullmatch(r"[\d,]+|[a-z]+", last.text):
        return None  # "Sunday (12/11)", "(2019)"
    if noun.pos_ in ("NOUN", "PROPN") and not re.fullmatch(r"(1[89]|20)\d\d", last.text):
        return noun.text, noun
    return None


def _money_counted(ctx, num) -> tuple[str, Token] | None:
    """'at a cost of $6 million' -> cost; 'provides $12 million to ...' -> money."""
    cur = num
    for _ in range(3):
        if cur.dep_ in ("pobj",) and cur.head.lower_ == "of" and cur.head.head.lemma_.lower() in MONEY_NOUNS:
            noun = cur.head.head
            return noun.text, noun
        if cur.dep_ == "dobj" and cur.head.lemma_.lower() in MONEY_VERBS:
            return "money", cur
        if cur.head == cur:
            break
        cur = cur.head
    return None


# Nouns that a small number only points with ("at one point", "one way or another", "both sides").
IDIOM_NOUNS = {"way", "point", "side", "time", "hand", "thing", "another", "priority", "reason", "respect"}


def _idiom(ctx, num, head) -> bool:
    """'at one point', 'the number one priority', 'the No. 2 official', 'two sides', 'one person
    familiar with the matter': a number that counts nothing the article reports."""
    before = " ".join(t.lower_ for t in ctx.tokens[max(0, num.i - 2) : num.i])
    if re.search(r"(number|\bno\s?\.?|#)$", before):
        return True  # a rank ("the No. 2 official"), not a count
    if num.lower_ not in ("one", "two", "1", "2"):
        return False
    if head.lemma_.lower() in IDIOM_NOUNS:
        return True
    return any(c.lower_ == "familiar" for c in head.children)


def _counted(ctx, first, last) -> tuple[str | None, str | None, Token | None]:
    """(what, unit, head token) for the noun a number modifies."""
    doc = ctx.doc
    num = last
    if num.i + 1 < len(doc) and doc[num.i + 1].text in ("-",) and num.i + 3 < len(doc):
        unit_tok, noun = doc[num.i + 2], doc[num.i + 3]
        if noun.text == "(":  # "3,145-kilometre (1,954-mile) border"
            close = next((t.i for t in doc[noun.i : min(noun.i + 7, len(doc))] if t.text == ")"), None)
            noun = doc[close + 1] if close is not None and close + 1 < len(doc) else noun
        if unit_tok.is_alpha and noun.pos_ in ("NOUN", "PROPN"):
            return noun.text, unit_tok.text, noun
    if any(_money(ctx, t) for t in doc[first.i : num.i + 1]):
        found = _money_counted(ctx, num)
        currency = next((CURRENCY[t.text] for t in doc[max(0, first.i - 1) : num.i] if t.text in CURRENCY), None)
        return (found[0], currency, found[1]) if found else (None, None, None)
    head = num if num.lower_ in ("%", "percent") else num.head  # "5%": the span ends on the sign
    if head.lower_ in ("%", "percent") and head.head.pos_ == "NOUN" and head.head.i > head.i:
        return _noun_label(ctx, head.head, head.i + 1), "percent", head.head  # "5% tariffs"
    if head.lower_ in ("%", "percent"):
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None and pobj.pos_ == "NOUN":
            return f"percent of {pobj.text}", "percent", head
        found = _subject_counted(ctx, head)
        return (found[0], "percent", found[1]) if found else ("percent", "percent", head)
    for _ in range(2):
        if head.pos_ in ("NOUN", "PROPN") and head.i > num.i:
            break
        if head.head == head:
            break
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN") or head.i < num.i:
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
            head = nxt
        else:
            head = _np_after(ctx, last)
            if head is None:
                found = (_parenthesised(ctx, first, last) or _of_them(ctx, num) or _subject_counted(ctx, num)
                         or _bare_subject(num))
                return (found[0], None, found[1]) if found else (None, None, None)
    what = _noun_label(ctx, head, last.i + 1)
    if (head.lemma_.lower() in ("year",) and not _duration(doc, num.i)) or what.lower().endswith("year-old"):
        return None, None, None
    return what, None, head


PLACE_PREPS = {"in", "on", "at", "along", "across", "inside", "within", "into", "to", "off", "near", "outside", "onto"}
NAME_PLACE_PREPS = {"in", "at", "near", "off", "into", "outside"}  # "in Calais": a place whatever the tagger says
PLACE_NOUNS = {"island", "camp", "port", "city", "town", "village", "coast", "shore", "center", "centre", "shelter", "jetty", "prison", "post",
               "waters"}  # "rescued in French waters"
REMOVAL_VERBS = {"expel", "deport", "remove", "evict", "evacuate", "repatriate", "return", "flee", "escape"}
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj"}
COMPASS = re.compile(r"(north|south|east|west)(-?(east|west))?(ward)?$|(north|south)-?(east|west)$", re.I)


def _phrase_tokens(tok) -> Iterator[Token]:
    """``tok`` and its phrase, without the clauses hung on it (a relative clause names other places)."""
    yield tok
    for child in tok.children:
        if child.dep_ not in CLAUSE_DEPS and child.dep_ != "punct":
            yield from _phrase_tokens(child)


def _place_key(ctx, tok) -> str | None:
    """A place named in ``tok``'s phrase (see ``Context.place_named_at``); not a common noun the
    resolver took for a country ("the country"), nor a name inside a longer one ("Latin America"),
    nor a person's surname the resolver took for a place."""
    for sub in _phrase_tokens(tok):
        key = ctx.place_named_at(sub)
        if key is None or (sub.pos_ == "NOUN" and ctx.kind(key) in (Kind.COUNTRY, Kind.PLACE)):
            continue
        if ctx.kind(key) is Kind.PLACE and sub.ent_type_ == "PERSON" and _person_named(ctx, sub.text):
            continue
        if any(c.dep_ == "compound" and c.pos_ == "PROPN" and ctx.key_at(c.i) != key for c in sub.children):
            continue
        return key
    return None


def _named_place(ctx, prep) -> str | None:
    """'in Calais', 'at Beremend': a proper name right after a locative preposition names a place,
    even when the small model tagged it a person or an organisation."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    compass = prep.lower_ == "of" and COMPASS.match(prep.head.lower_)  # "northwest of Beremend"
    if pobj is None or pobj.tag_ != "NNP" or not (prep.lower_ in NAME_PLACE_PREPS or compass) or ctx.in_quote(pobj):
        return None
    key = ctx.key_at(pobj.i)
    if key is None:  # "off Lesbos": a name the tagger left alone
        if pobj.ent_type_ not in ("", "GPE", "LOC", "FAC") or any(c.dep_ in ("compound", "poss") for c in pobj.children):
            return None
        return ctx.add(Kind.PLACE, pobj.text)
    if ctx.kind(key) not in (Kind.PERSON, Kind.ORGANIZATION):
        return None
    if len(ctx.entities[key].name.split()) > 1 or any(ctx.key_at(c.i) for c in pobj.children):
        return None  # "in Ana Ruiz's plan": a person's full name
    return ctx.add(Kind.PLACE, pobj.text)


def _prep_place(ctx, anchor, skip=None, depth: int = 0) -> str | None:
    """A place in a locative or directional phrase on ``anchor`` ("in Calais", "off the coast of
    X", "to Husi", "75 km southwest of Pylos"), or an unnamed place noun there ("at the camp");
    not in the branch ``skip``. Looks one level into other phrases ("after a shipwreck off X")."""
    preps = set(PLACE_PREPS)
    if COMPASS.match(anchor.lower_):
        preps.add("of")
    if anchor.lemma_.lower() in REMOVAL_VERBS:
        preps.add("from")
    for child in anchor.children:
        if child == skip or child.dep_ != "prep":
            continue
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.lower_ not in preps:
            if depth == 0 and pobj is not None and (key := _prep_place(ctx, pobj, depth=1)):
                return key
            continue
        key = _place_key(ctx, child) or _named_place(ctx, child)
        if key:
            return key
        if TIME_UNITS.fullmatch(anchor.lower_) and pobj is not None and pobj.lower_ in ("prison", "jail"):
            continue  # "five years in prison" is a sentence, not a place
        if pobj is not None and pobj.pos_ == "NOUN" and (pobj.lemma_.lower() in PLACE_NOUNS or pobj.lower_ in PLACE_NOUNS) and child.lower_ != "to":
            words = sorted((t for t in _phrase_tokens(pobj) if t.dep_ not in ("det", "poss", "case")), key=lambda t: t.i)[:4]
            return ctx.add(Kind.PLACE, " ".join(t.text for t in words), words[0].i, words[-1].i + 1)
    return None


def _subject_place(ctx, verb, head_tok) -> str | None:
    """'Colombia is host to 1.7 million', 'Bulgaria has deployed 350 troops': a place as the
    clause's subject (a town stands for its country) or object."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubj", "nsubjpass") and child != head_tok:
            key = _place_key(ctx, child)
            if key:
                place = ctx.entities[key]
                return ctx.country_of(key) if place.kind is Kind.PLACE and child.dep_ == "nsubj" and place.country else key
    return None


CROSSING_NOUNS = {"crossing", "arrival", "landing"}


def _proper_place(ctx, tok) -> str | None:
    """A proper name crossed or arrived over ("the Channel", "Aegean arrivals") is a place, even
    when the tagger took it for an organisation; not a person."""
    if tok.pos_ != "PROPN" or ctx.in_quote(tok):
        return None
    key = ctx.key_at(tok.i)
    if key and ctx.kind(key) in PLACE_KINDS:
        return key
    if key and ctx.kind(key) is Kind.PERSON:
        return None
    words = sorted((t for t in _phrase_tokens(tok) if t.pos_ == "PROPN"), key=lambda t: t.i)
    if not words or words[-1].i - words[0].i + 1 != len(words):
        return None
    return ctx.add(Kind.PLACE, " ".join(t.text for t in words), words[0].i, words[-1].i + 1)


def _crossed_place(ctx, verb) -> str | None:
    """'crossed the Channel', 'managed to cross the Aegean': what is crossed is where they went."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "cross":
        return None
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return _proper_place(ctx, dobj) if dobj is not None else None


def _controlled(clause) -> bool:
    """'allowed 1,760 people to remain', 'forced 300 families to leave': an infinitive clause the
    verb above governs is part of what that verb did, not a reported statement."""
    return clause.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _place(ctx, head_tok) -> str | None:
    """Where the counted thing is: the nearest place phrase on the noun, or on the nouns and verbs
    above it up to the clause a reporting verb governs (not where the speaker spoke)."""
    for mod in head_tok.children:  # "Channel crossings", "Mediterranean arrivals"
        if mod.dep_ in ("compound", "nmod") and mod.i < head_tok.i and (key := ctx.place_named_at(mod)):
            return key
        if mod.dep_ == "compound" and mod.i < head_tok.i and head_tok.lemma_.lower() in CROSSING_NOUNS:
            if key := _proper_place(ctx, mod):
                return key
    cur, came_from = head_tok, None
    for _ in range(8):
        if came_from is not None and came_from.dep_ in ("ccomp", "parataxis") and not _controlled(came_from):
            return None  # a reported clause: the main clause's place is where it was said
        key = _prep_place(ctx, cur, came_from)
        for clause in (c for c in cur.children if c != came_from and (c.dep_ in ("acl", "relcl") or (
                c.dep_ == "conj" and c.pos_ == "VERB" and subject_of(c) is None))):  # not "and 8,000 were rescued in X"
            key = key or _prep_place(ctx, clause)
        for verb in (cur, *(c for c in cur.children if c.dep_ in ("acl", "relcl", "xcomp"))):
            key = key or _crossed_place(ctx, verb)
        if key is None and cur.pos_ in ("VERB", "AUX"):
            key = _subject_place(ctx, cur, came_from)
        if key:
            return key
        if cur.head == cur:
            return None
        came_from, cur = cur, cur.head
    return None


# "KUALA LUMPUR:", "Geneva/Sana’a –", "Djibouti - ", "(Lille)": the place a story was filed from.
DATELINE_PLACE = re.compile(r"^\s*\(?([A-Z][A-Za-z.'’ ]{1,30}?)(?:/[A-Z][^\s–—:)]*)?\)?\s*(?::|–|—|--|-\s)")


def _lead_place(ctx, sent) -> str | None:
    """The first place in a locative phrase of a lead sentence, not where a speaker spoke ("said
    after talks in Lima"; what was announced is fine)."""
    for tok in sent:
        if tok.dep_ != "prep" or tok.lower_ not in PLACE_PREPS - {"to", "into", "onto"} or ctx.in_quote(tok):
            continue
        cur, said = tok, False
        for _ in range(8):
            if cur.dep_ in ("ccomp", "parataxis") or cur.head == cur:
                break
            edge, cur = cur.dep_, cur.head
            if cur.lemma_.lower() in SAY_VERBS:
                # "said after talks in X" is where one spoke; "declare an emergency on its frontier" is where it holds
                said = edge in ("prep", "advcl", "advmod", "npadvmod") and not any(c.dep_ == "dobj" for c in cur.children)
                break
        if not said and (key := _place_key(ctx, tok) or _named_place(ctx, tok)):
            return key
    return None


def _dateline_country(ctx) -> str | None:
    """'TOKYO - Japan enacted ...': a capital's dateline stands for its country when that is the
    country the article is about."""
    place = _dateline_place(ctx)
    country = ctx.country_of(place) if place else None
    name = ctx.entities[place].name if place else ""
    if country and country == ctx.main_country and ctx.gaz.capital_code(name):
        return country
    return place


def _dateline_place(ctx) -> str | None:
    """The dateline's place, as a place whatever the tagger made of it."""
    m = DATELINE_PLACE.match(ctx.article.text[:60])
    if not m:
        return None
    name = m.group(1).strip()
    start = next((t.i for t in ctx.tokens if t.idx >= m.start(1)), None)
    key = ctx.key_at(start) if start is not None else None
    if key and ctx.kind(key) in PLACE_KINDS:
        return key
    if name.isupper():
        name = name.title()
    return ctx.add(Kind.PLACE, name)


def story_place(ctx) -> str | None:
    """Where the story is set, if the lead or the dateline says: a place in a locative phrase of
    the first sentence, else the dateline's place (movements use it for an unstated origin)."""
    sents = ctx.sents
    return (_lead_place(ctx, sents[0]) if sents else None) or _dateline_country(ctx)


def _main_place(ctx) -> str | None:
    """Where the article's story happens, for numbers whose clause names no place: a place in a
    locative phrase of the first sentence, else the dateline's (the country, when the dateline is
    a capital filing about its own country), else one in the second sentence, else the country
    the article mentions most."""
    sents = ctx.sents
    return ((_lead_place(ctx, sents[0]) if sents else None) or _dateline_country(ctx)
            or (_lead_place(ctx, sents[1]) if len(sents) > 1 else None) or ctx.main_country)


# Verbs that report a figure, beyond those that introduce quotations.
REPORT_VERBS = SAY_VERBS | {"reiterate", "reveal", "estimate", "record", "count", "confirm", "show", "indicate",
                            "register", "document", "tally", "disclose", "publish", "suggest"}
# Unnamed bodies and documents that vouch for a figure: "the prefecture said", "officials told",
# "according to government data".
SOURCE_NOUNS = {"official", "authority", "police", "prefecture", "ministry", "agency", "government", "office",
                "spokesperson", "spokesman", "spokeswoman", "department", "data", "figure", "statistic", "report",
                "estimate", "count", "census", "survey", "poll", "record", "opinion", "coastguard", "guard", "force", "service",
                "organisation", "organization", "commission", "council", "municipality", "mayor", "governor",
                "decree", "law", "bill", "statement", "study", "document", "letter", "ruling", "source"}


def _noun_source(ctx, noun) -> str | None:
    """An unnamed body as a source ("the prefecture", "a coast guard official", "Bulgarian officials",
    "initial reports"), or None if ``noun`` is not one."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in SOURCE_NOUNS:
        return None
    start, phrase = noun.i, {t.i for t in noun.subtree}
    while start - 1 in phrase and ctx.tokens[start - 1].dep_ in ("amod", "compound") and ctx.tokens[start - 1].pos_ in ("ADJ", "NOUN", "PROPN"):
        start -= 1
    words = ctx.tokens[start : noun.i + 1]
    return ctx.add(Kind.GOVERNMENT, " ".join(t.text for t in words), start, noun.i + 1)


def _subject_source(ctx, verb) -> str | None:
    """Who a reporting verb's subject (or passive agent) is: a named source, or an unnamed body."""
    subj = subject_of(verb) or (inherited_subject(verb) if verb.dep_ in ("advcl", "conj") else None)
    if subj is None:
        return None
    key = ctx.subject_entity(subj)
    if key and ctx.kind(key) in SOURCE_KINDS:
        return key
    if key is None and subj.tag_ == "NNP" and re.fullmatch(r"[A-Z]{2,6}", subj.text):
        return ctx.add(Kind.ORGANIZATION, subj.text, subj.i, subj.i + 1)  # "IOM reported ...": an agency's acronym
    return None if key else _noun_source(ctx, subj)


def _agent_source(ctx, verb) -> str | None:
    """'deaths recorded by the Missing Migrants Project': the agent of a passive reporting verb."""
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                key = ctx.entity_of(pobj)
                if key and ctx.kind(key) in SOURCE_KINDS:
                    return key
                return _noun_source(ctx, pobj)
    return None


def _pronoun_person(ctx, tok) -> str | None:
    """The person a pronoun stands for: the last person named before it, passing over names used as
    places ("in Calais", which the tagger may take for a person)."""
    if ctx.resolve_pronoun(tok) is None:
        return None  # not a personal pronoun
    for j in range(tok.i - 1, max(-1, tok.i - 400), -1):
        key = ctx.key_at(j)
        if key and ctx.kind(key) is Kind.PERSON and f"place:{key.split(':', 1)[1]}" not in ctx.entities:
            return key
    return None


def _recorded_by(ctx, tok) -> str | None:
    """'the 867 deaths recorded by X', 'of the deaths registered by X': the agent of a reporting
    participle on the noun, or on a noun in a phrase of the verb."""
    nouns = [tok]
    if tok.pos_ in ("VERB", "AUX"):
        preps = [c for c in tok.children if c.dep_ == "prep"]
        preps += [g for c in preps if c.lower_ == "out" for g in c.children if g.dep_ == "prep"]  # "out of the deaths recorded by X"
        nouns += [p for c in preps for p in c.children if p.dep_ == "pobj"]
    for noun in nouns:
        for clause in noun.children:
            if clause.dep_ != "acl" or clause.lemma_.lower() not in REPORT_VERBS:
                continue
            key = _agent_source(ctx, clause) or next(  # "recorded on the route in 2022 by X": the parser hangs "by X" lower
                (k for b in clause.subtree if b.lower_ == "by" and b.dep_ == "prep" for p in b.children
                 if p.dep_ == "pobj" and (k := ctx.entity_of(p)) and ctx.kind(k) in SOURCE_KINDS), None)
            if key:
                return key
    return None


def _person_named(ctx, word: str) -> str | None:
    """The one person of the article whose name has ``word`` in it ('Kovač' of 'Ana Kovač')."""
    people = [k for k, e in ctx.entities.items() if e.kind is Kind.PERSON and word in e.name.split()]
    return people[0] if len(people) == 1 else None


def _according_to(ctx, sent) -> str | None:
    """'according to X': X a named source, else an unnamed body ("the latest estimate from the
    country's migration agency", "government data", "initial reports")."""
    low = ctx.sent_text(sent).lower()
    idx = low.find("according to")
    if idx < 0:
        return None
    start_char = sent.start_char + idx + len("according to")
    tail = [t for t in sent if t.idx >= start_char]
    phrase_end = next((t.i for t in tail if t.is_punct and t.text != "’" and t.text != "'"), sent.end)
    for tok in tail:
        if tok.i >= phrase_end:
            break
        key = ctx.key_at(tok.i) or (_pronoun_person(ctx, tok) if tok.pos_ == "PRON" else None)  # "according to him"
        if key and ctx.kind(key) not in SOURCE_KINDS and tok.pos_ == "PROPN":
            key = _person_named(ctx, tok.text) or key  # a surname the resolver took for a place elsewhere
        if key and ctx.kind(key) in SOURCE_KINDS:
            return key
    nouns = [t for t in tail if t.i < phrase_end and t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in SOURCE_NOUNS]
    body = nouns[-1] if nouns else None
    if body is None:  # past the phrase's end, as before: "according to the latest estimate from ..."
        body = next((t for t in reversed(tail) if t.lemma_.lower() in ("agency", "ministry", "office", "data", "government", "police", "authority", "authorities", "figure", "statistics", "count")), None)
        if body is None:
            return None
    mods = [c.text for c in body.lefts if c.dep_ in ("amod", "compound")]
    name = " ".join(mods + [body.text])
    return ctx.add(Kind.GOVERNMENT, name, body.i - len(mods), body.i + 1, country=ctx.home_country)


def _poll_source(ctx, head_tok) -> str | None:
    """'a 20-point lead in opinion polls': the polls or survey a figure is read from."""
    for child in head_tok.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "by"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in ("poll", "survey", "census"):
                return _noun_source(ctx, pobj)
    return None


def _source(ctx, sent, head_tok, quote_speaker: str | None = None) -> str | None:
    """Who vouches for a figure: 'according to X'; the subject of a reporting verb above the number
    ("Hale reiterated that ... repatriated 1,200", "the prefecture said"); the agent of a passive
    one ("recorded by X"); else the speaker of a quotation in the sentence; else the subject of a
    reporting verb elsewhere in the sentence."""
    key = _according_to(ctx, sent) or _poll_source(ctx, head_tok)
    if key:
        return key
    cur = head_tok
    for _ in range(10):
        if cur.pos_ == "VERB" and cur.lemma_.lower() in REPORT_VERBS:
            key = _subject_source(ctx, cur) or _agent_source(ctx, cur)
            if key:
                return key
        key = _recorded_by(ctx, cur)
        if key:
            return key
        if cur.head == cur:
            break
        cur = cur.head
    if quote_speaker:
        return quote_speaker
    for tok in sent:
        if tok.lemma_.lower() in SAY_VERBS and tok.pos_ == "VERB":
            subj = subject_of(tok)
            key = ctx.subject_entity(subj) if subj is not None else None
            if key and ctx.kind(key) in SOURCE_KINDS:
                return key
    return None


def _date(ctx, sent, first) -> str | None:
    """The date expression nearest the number, outside quotations (unless the number is quoted)."""
    quoted = ctx.in_quote(first)
    ents = [e for e in ctx.ents_in(sent) if (e.label_ == "DATE" or _day_time(e)) and not (e.start <= first.i < e.end) and ctx.in_quote(e[0]) == quoted
            and not re.fullmatch(r"\d+\s+(day|week|month|hour)s?", e.text.lower())]
    # of two dates as near, the one after: "39 on Saturday, 35 on Sunday"
    for ent in sorted(ents, key=lambda e: (abs(e.start - first.i), e.start < first.i)):
        tense = tense_of(ent.root)
        value = resolve_date(LAST_NIGHT.sub("yesterday", ent.text), ctx.article.published, ctx.sent_text(sent), tense)
        if value:
            return _not_after_writing(ctx, ent, value, tense)
    return None


# A time of day that names its day: "last night", "this morning", "tonight", "yesterday evening".
DAY_TIME = re.compile(r"\b(last night|tonight|yesterday|(this|last) (morning|afternoon|evening))\b", re.I)
LAST_NIGHT = re.compile(r"\blast (night|evening)\b", re.I)


def _day_time(ent) -> bool:
    """A TIME entity that says which day it is ("19 were arrested last night"): it dates the clause."""
    return ent.label_ == "TIME" and bool(DAY_TIME.search(ent.text))


def _not_after_writing(ctx, ent, value: str, tense: str | None) -> str:
    """'since May 18', '... arrived on May 18': a day without a year in a past clause is the one
    before publication, not the nearer one after it."""
    published = ctx.article.published
    since = ent.start > 0 and ctx.tokens[ent.start - 1].lower_ == "since"
    if (published and len(value) == 10 and value > published and (since or tense == "past")
            and not re.search(r"\b(1[89]|20)\d\d\b", ent.text)):
        return f"{int(value[:4]) - 1:04d}{value[4:]}"
    return value


def _story_date(ctx) -> str | None:
    """The day of the event the article reports: a day its first sentence names (a year or a
    month there is background, not the event)."""
    value = ctx.date_of(ctx.sents[0]) if ctx.sents else None
    return value if value and len(value) == 10 else None


def _clause_tense(tok) -> str | None:
    """The tense of the first finite verb above ``tok`` ("carrying 90 migrants, the vessel was",
    "after hearing 10 shots, he had returned fire"): participles have none of their own."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") and (tense := tense_of(cur)):
            return tense
        if cur.head == cur:
            return None
        cur = cur.head
    return None


def _fallback_date(ctx, head_tok, story_date: str | None) -> str | None:
    """When a number's sentence gives no date: a past clause tells of the reported event (the lead's
    date, else the day of writing), a present one holds on the day of writing, a future one has none."""
    tense = _clause_tense(head_tok)
    if tense == "future":
        return None
    if tense == "past":
        return story_date or ctx.article.published
    return ctx.article.published


def extract_quantities(ctx, quotes: list[QuoteFact]) -> list:
    quote_speakers = {}
    for q in quotes:
        span = ctx.doc.char_span(q.evidence.sentence.start, q.evidence.sentence.end, alignment_mode="expand")
        if span is not None:
            for t in span:
                quote_speakers[t.i] = q.speaker
    facts = []
    main_place, story_date = _main_place(ctx), _story_date(ctx)
    for first, last, text in _number_spans(ctx):
        if first.lower_ in VAGUE and first.i == last.i:
            continue
        amount = parse_amount(text)
        if amount is None:
            continue
        if amount.value and re.fullmatch(r"(1[89]|20)\d\d", last.text) and amount.minimum is None:
            continue  # a year
        if _conversion(ctx, first, last):
            continue
        sent = ctx.sent_of(first)
        what, unit, head = _counted(ctx, first, last)
        if not what and facts and (_compared(ctx, first) or _listed(ctx, first)) and ctx.sent_of(ctx.tokens[facts[-1][1]]) == sent:
            what, unit, head = facts[-1][0].what, facts[-1][0].unit, last
        if not what or _idiom(ctx, last, head):
            continue
        place = (_recipient_place(ctx, head) if unit in CURRENCY.values() else None) or _place(ctx, head) or main_place
        # a quotation's speaker vouches for the numbers inside it, not for the rest of its sentence
        source = (quote_speakers.get(first.i) if ctx.in_quote(first) else None) or _source(ctx, sent, head, quote_speakers.get(first.i))
        date = _date(ctx, sent, first) or _fallback_date(ctx, head, story_date)
        facts.append((QuantityFact(what, amount.value, amount.minimum, amount.maximum, amount.approximate, unit,
                                   place, date, source, ctx.evidence(sent, "quantity.nummod", 0.75)), last.i))
    return [fact for fact, _ in facts]


def _conversion(ctx, first, last) -> bool:
    """'1,000 km (620 miles)', '3,145-kilometre (1,954-mile)': the same length in another unit, in
    brackets right after a number and its unit; one fact, not two."""
    toks = ctx.tokens
    if first.i < 3 or toks[first.i - 1].text != "(":
        return False
    before = toks[max(0, first.i - 4) : first.i - 1]
    if not any(t.like_num for t in before) or not toks[first.i - 2].is_alpha:
        return False
    inside = toks[last.i + 1 : min(last.i + 4, len(toks))]
    close = next((k for k, t in enumerate(inside) if t.text == ")"), None)
    return close is not None and any(t.is_alpha for t in inside[:close])


def _recipient_place(ctx, head) -> str | None:
    """'the EU will mobilize €210 million for Mauritania': money goes where it is given, not
    where the giver is."""
    verb = head if head.pos_ == "VERB" else head.head
    for anchor in (head, verb):
        for prep in anchor.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "to"):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                key = ctx.place_named_at(pobj) if pobj is not None else None
                if key:
                    return key
    return None


def _listed(ctx, first) -> bool:
    """'39 reported on Saturday, 35 on Sunday, and 86 on Monday': a bare number after a comma or
    'and', dated on its own, goes on the list of the number before it."""
    toks = ctx.tokens
    prev = toks[first.i - 1].lower_ if first.i > 0 else ""
    nxt = toks[first.i + 1] if first.i + 1 < len(toks) else None
    return prev in (",", "and") and nxt is not None and nxt.lower_ in ("on", "in", "last", "this")


def _compared(ctx, first) -> bool:
    """'to 106,000 this year, compared to 53,000', 'up from 9,000', 'returned from around 2,500 who
    ...': a number set against the one before it counts the same thing."""
    toks = ctx.tokens
    prev = toks[first.i - 1].lower_ if first.i > 0 else ""
    before = toks[first.i - 2].lower_ if first.i > 1 else ""
    return prev == "from" or (prev in ("to", "with") and before in ("compared", "compare", "against"))
