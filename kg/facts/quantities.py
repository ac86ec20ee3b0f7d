"""Numbers the article reports: what is counted, how many, where, when, per whom (cq07).

The counted thing is the noun the number modifies, with its modifiers ("337,000 undocumented
migrants", "2,610-kilometer border" -> border, unit kilometer). The place is a place in the
noun's or the verb's phrases, the date a date in the sentence, the source "according to X",
the speaker of a quotation the number sits in, or the subject of a reporting verb.
"""
from __future__ import annotations

import re

from ..dates import deadline_date, resolve_date
from ..lexicon import SAY_VERBS
from ..amounts import parse_amount
from ..records import Kind, QuantityFact, QuoteFact
from .syntax import subject_of, tense_of

SKIP_ENTS = {"DATE", "TIME", "ORDINAL", "MONEY"}
PLACE_KINDS = {Kind.COUNTRY, Kind.PLACE, Kind.CROSSING, Kind.BORDER}
SOURCE_KINDS = {Kind.PERSON, Kind.ORGANIZATION, Kind.GOVERNMENT, Kind.MEDIA, Kind.ARMED_FORCES, Kind.PLATFORM}
VAGUE = {"dozens", "hundreds", "thousands", "millions", "tens", "several", "many", "few", "some"}


def _number_spans(ctx):
    """(first token, last token, text) of each number expression."""
    doc, toks = ctx.doc, ctx.tokens
    i = 0
    while i < len(toks):
        tok = toks[i]
        if not (tok.like_num and re.search(r"\d|^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty|hundred)$", tok.lower_)):
            i += 1
            continue
        if tok.ent_type_ in SKIP_ENTS and not (deadline_date(ctx.sent_text(ctx.sent_of(tok)), ctx.article.published) or _duration(doc, i)):
            i += 1
            continue
        j = i
        # "between 70 and 80", "10 to 12", "1.7 million"
        ranged = i > 0 and toks[i - 1].lower_ in ("between", "from")
        while j + 1 < len(toks) and (toks[j + 1].lower_ in ("million", "billion", "thousand", "%", "percent") or
                                    (toks[j + 1].lower_ in ("and", "to", "-", "–") and j + 2 < len(toks) and toks[j + 2].like_num
                                     and (ranged or toks[j + 1].lower_ != "and"))):
            j += 2 if toks[j + 1].lower_ in ("and", "to", "-", "–") else 1
        start = i
        while start > 0 and toks[start - 1].lower_ in ("between", "about", "around", "some", "nearly", "almost", "roughly", "approximately", "than", "more", "close", "to", "over", "least", "at", "up", "estimated", "an"):
            if toks[start - 1].lower_ == "to" and not (start > 1 and toks[start - 2].lower_ in ("close", "up")):
                break
            start -= 1
        yield toks[start], toks[j], doc[start : j + 1].text
        i = j + 1


def _duration(doc, i: int) -> bool:
    """'within 28 days', 'in 10 to 12 weeks': a span of time, which is a number worth keeping."""
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    after = doc[i + 2].lower_ if i + 2 < len(doc) else ""
    before = doc[i - 1].lower_ if i > 0 else ""
    unit = re.fullmatch(r"(day|week|month|hour)s?", nxt) or (nxt in ("to", "-", "–") and i + 3 < len(doc) and re.fullmatch(r"(day|week|month)s?", doc[i + 3].lower_))
    return bool(unit) and before in ("within", "in", "for", "after", "have", "has") and after not in ("ago", "before", "after", "earlier", "later")


def _counted(ctx, first, last):
    """(what, unit, head token) for the noun a number modifies."""
    doc = ctx.doc
    num = last
    if num.i + 1 < len(doc) and doc[num.i + 1].text in ("-",) and num.i + 3 < len(doc):
        unit_tok, noun = doc[num.i + 2], doc[num.i + 3]
        if unit_tok.is_alpha and noun.pos_ in ("NOUN", "PROPN"):
            return noun.text, unit_tok.text, noun
    head = num.head
    if head.lower_ in ("%", "percent"):
        return "percent", "percent", head
    for _ in range(2):
        if head.pos_ in ("NOUN", "PROPN") and head.i > num.i:
            break
        if head.head is head:
            break
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN") or head.i < num.i:
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
            head = nxt
        else:
            return None, None, None
    mods = [t for t in doc[last.i + 1 : head.i] if t.pos_ in ("ADJ", "NOUN", "PROPN", "VERB") and not t.like_num]
    what = " ".join([t.text for t in mods] + [head.text])
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                what = f"{what} of {pobj.text}"
    if head.lemma_.lower() in ("year",) or what.lower().endswith("year-old"):
        return None, None, None
    return what, None, head


def _place_key(ctx, tok):
    """A place named in ``tok``'s phrase (see ``Context.place_named_at``)."""
    return next((key for sub in tok.subtree if (key := ctx.place_named_at(sub))), None)

def _place(ctx, head_tok):
    verb = head_tok.head if head_tok.head.pos_ in ("VERB", "AUX") else head_tok
    for anchor in (head_tok, verb) + tuple(c for c in head_tok.children if c.dep_ in ("acl", "relcl")):
        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "on", "at", "along", "across", "inside", "within"):
                key = _place_key(ctx, child)
                if key:
                    return key
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ == "NOUN" and pobj.lemma_.lower() in ("island", "camp", "port", "city", "town", "village", "coast", "shore", "center", "centre", "shelter"):
                    words = [t for t in pobj.subtree if t.dep_ not in ("det", "poss", "case", "punct")][:4]
                    return ctx.add(Kind.PLACE, " ".join(t.text for t in words), words[0].i, words[-1].i + 1)
            if child.dep_ in ("dobj", "nsubj") and child is not head_tok:
                key = _place_key(ctx, child)
                if key:
                    return ctx.country_of(key) if ctx.kind(key) is Kind.PLACE and child.dep_ == "nsubj" and ctx.entities[key].country else key
    return None


def _source(ctx, sent, quote_speakers):
    low = ctx.sent_text(sent).lower()
    idx = low.find("according to")
    if idx >= 0:
        start_char = sent.start_char + idx + len("according to")
        for tok in sent:
            if tok.idx >= start_char:
                key = ctx.key_at(tok.i)
                if key and ctx.kind(key) in SOURCE_KINDS:
                    return key
        # "according to the latest estimate from the country’s migration agency": an unnamed body
        tail = [t for t in sent if t.idx >= start_char and t.pos_ in ("NOUN", "PROPN")]
        body = next((t for t in reversed(tail) if t.lemma_.lower() in ("agency", "ministry", "office", "data", "government", "police", "authority", "authorities", "figure", "statistics", "count")), None)
        if body is not None:
            mods = [c.text for c in body.lefts if c.dep_ in ("amod", "compound")]
            name = " ".join(mods + [body.text])
            return ctx.add(Kind.GOVERNMENT, name, body.i - len(mods), body.i + 1, country=ctx.home_country)
    for tok in sent:
        if tok.i in quote_speakers:
            return quote_speakers[tok.i]
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
    ents = [e for e in ctx.ents_in(sent) if e.label_ == "DATE" and not (e.start <= first.i < e.end) and ctx.in_quote(e[0]) == quoted
            and not re.fullmatch(r"\d+\s+(day|week|month|hour)s?", e.text.lower())]
    for ent in sorted(ents, key=lambda e: abs(e.start - first.i)):
        value = resolve_date(ent.text, ctx.article.published, ctx.sent_text(sent), tense_of(ent.root))
        if value:
            return value
    return None


def extract_quantities(ctx, quotes: list[QuoteFact]) -> list:
    quote_speakers = {}
    for q in quotes:
        span = ctx.doc.char_span(q.evidence.sentence.start, q.evidence.sentence.end, alignment_mode="expand")
        if span is not None:
            for t in span:
                quote_speakers[t.i] = q.speaker
    facts = []
    for first, last, text in _number_spans(ctx):
        if first.lower_ in VAGUE:
            continue
        amount = parse_amount(text)
        if amount is None:
            continue
        if amount.value and re.fullmatch(r"(1[89]|20)\d\d", last.text) and amount.minimum is None:
            continue  # a year
        what, unit, head = _counted(ctx, first, last)
        if not what:
            continue
        sent = ctx.sent_of(first)
        place = _place(ctx, head)
        if place is None:
            names = [t for t in sent if ctx.key_at(t.i) and ctx.kind(ctx.key_at(t.i)) in (Kind.COUNTRY, Kind.PLACE) and ctx.is_name_of_country(t.i)]
            if names:
                nearest = min(names, key=lambda t: abs(t.i - last.i))
                key = ctx.key_at(nearest.i)
                place = ctx.country_of(key) if nearest.dep_ == "nsubj" and ctx.kind(key) is Kind.PLACE else key
        source = quote_speakers.get(first.i) or _source(ctx, sent, {})
        date = _date(ctx, sent, first)
        facts.append(QuantityFact(what, amount.value, amount.minimum, amount.maximum, amount.approximate, unit,
                                  place, date, source, ctx.evidence(sent, "quantity.nummod", 0.75)))
    return facts
