"""Direct quotations with their speaker and medium (cq05).

A quotation's speaker is the subject of the reporting verb next to it ("...,” the minister said",
"said David Donatti", "X told Reuters: “...”"); a pronoun there ("he added") is the last person
named. A quotation with no reporting verb in its sentence continues the previous quotation of
the same paragraph. The medium comes from cues around the verb: "in an X post", "posted on X",
"told Radio Sol", "on social media".
"""
from __future__ import annotations

from ..lexicon import PLATFORMS, SAY_VERBS
from ..mentions import quote_spans
from ..records import Kind, QuoteFact

MIN_WORDS = 4  # shorter quoted strings are scare quotes or titles, not statements
SPEAKER_KINDS = {Kind.PERSON, Kind.ORGANIZATION, Kind.GOVERNMENT, Kind.ARMED_FORCES, Kind.MEDIA}


def _say_verb_near(ctx, start_tok: int, end_tok: int, sent):
    """A reporting verb in ``[start_tok, end_tok)`` of the sentence, outside quotes."""
    for tok in ctx.doc[start_tok:end_tok]:
        if tok.lemma_.lower() in SAY_VERBS and tok.pos_ in ("VERB", "AUX") and ctx.sent_of(tok) == sent:
            return tok
    return None


def _speaker(ctx, verb):
    subj = None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            subj = child
    if subj is not None:
        key = ctx.subject_entity(subj)
        if key and ctx.kind(key) in SPEAKER_KINDS:
            return key
        return None  # a subject that is no known speaker: better no attribution than a wrong one
    # "said Ana Ruiz": a person right after the verb; "Ruiz posted": a person right before
    for i in (verb.i + 1, verb.i + 2, verb.i - 1):
        if 0 <= i < len(ctx.doc):
            key = ctx.key_at(i) or ctx.resolve_pronoun(ctx.doc[i])
            if key and ctx.kind(key) is Kind.PERSON:
                return key
    return None


def _reported_media(ctx) -> list[tuple[int, str, str]]:
    """(sentence start, speaker, medium) for every reporting verb that names a medium."""
    out = []
    for sent in ctx.sents:
        for tok in sent:
            if tok.lemma_.lower() in SAY_VERBS and tok.pos_ == "VERB" and not ctx.in_quote(tok):
                medium = _medium(ctx, tok, sent.end)
                speaker = _speaker(ctx, tok) if medium else None
                if speaker and medium:
                    out.append((sent.start, speaker, medium))
    return out


def _inherited_medium(reported, speaker: str, sent_start: int, doc) -> str | None:
    """A quotation with no medium of its own keeps the one its speaker was just reported through."""
    best = None
    for start, who, medium in reported:
        if who == speaker and start <= sent_start and _sentences_between(doc, start, sent_start) <= 2:
            best = medium
    return best


def _sentences_between(doc, a: int, b: int) -> int:
    return sum(1 for s in doc[a:b].sents) - 1 if b > a else 0


def _medium(ctx, verb, window_end: int):
    """The outlet or platform a statement went through, from the words after the verb."""
    doc = ctx.doc
    toks = doc[verb.i : min(window_end, verb.i + 12)]
    lows = [t.lower_ for t in toks]
    # "told Radio Sol", "told Reuters"
    if verb.lemma_ == "tell":
        for t in toks[1:4]:
            key = ctx.key_at(t.i)
            if key and ctx.kind(key) in (Kind.MEDIA, Kind.ORGANIZATION, Kind.PLATFORM):
                return _as_medium(ctx, key)
    for i, low in enumerate(lows):
        # "in an X post", "on X", "on social media", "posted on Facebook"
        if low in ("on", "in", "via") and i + 1 < len(toks):
            rest = [t for t in toks[i + 1 : i + 4] if t.lower_ not in ("a", "an", "the", "his", "her", "their")]
            for n in (2, 1):
                if len(rest) < n:
                    continue
                name = " ".join(t.text for t in rest[:n])
                if name.lower() in PLATFORMS:
                    return ctx.add(Kind.PLATFORM, _platform_name(name), rest[0].i, rest[n - 1].i + 1)
            for t in rest[:2]:
                key = ctx.key_at(t.i)
                if key and ctx.kind(key) in (Kind.MEDIA, Kind.PLATFORM):
                    return key
    return None


def _platform_name(name: str) -> str:
    return "X" if name.lower() in ("x", "twitter") else name


def _as_medium(ctx, key):
    entity = ctx.entities[key]
    if entity.kind is Kind.ORGANIZATION:
        entity.kind = Kind.MEDIA
    return key


def _tok_at(doc, char: int, end: bool = False):
    span = doc.char_span(char, char + 1, alignment_mode="expand") if not end else doc.char_span(max(0, char - 1), char, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def extract_quotes(ctx) -> list:
    doc, text = ctx.doc, ctx.article.text
    facts = []
    previous = None  # (speaker, medium, paragraph index)
    reported = _reported_media(ctx)
    for start, end, inner in quote_spans(text):
        clean = inner.strip().rstrip(",.;:").strip()
        paragraph = text.count("\n", 0, start)
        first = _tok_at(doc, start)
        last = _tok_at(doc, end, end=True)
        if first is None or last is None:
            continue
        sent_first, sent_last = ctx.sent_of(first), ctx.sent_of(last)
        speaker = medium = None
        rule = "quote.say-verb-after"
        # reporting verb after the quote, in the sentence that closes it
        verb = _say_verb_near(ctx, last.i + 1, sent_last.end, sent_last)
        if verb is None:
            # reporting verb before the quote, in the sentence that opens it
            verb = _say_verb_near(ctx, sent_first.start, first.i, sent_first)
            rule = "quote.say-verb-before"
        if verb is not None:
            speaker = _speaker(ctx, verb)
            medium = _medium(ctx, verb, sent_last.end if verb.i > last.i else first.i)
            if medium is None and verb.i < first.i:
                medium = _medium(ctx, verb, first.i)
        if speaker is None and previous and previous[2] == paragraph:
            speaker, medium = previous[0], previous[1]
            rule = "quote.continues-previous"
        if speaker is None:
            continue
        if medium is None:
            medium = _inherited_medium(reported, speaker, sent_first.start, doc)
        previous = (speaker, medium, paragraph)
        ctx.quote_speakers.append((start, end, speaker))
        if len(clean.split()) < MIN_WORDS:
            continue
        date = ctx.date_of(sent_last) if verb is not None else None
        conf = 0.9 if rule != "quote.continues-previous" else 0.75
        sentence = doc[sent_first.start : sent_last.end]
        facts.append(QuoteFact(speaker, clean, medium, date, True, ctx.evidence(sentence, rule, conf)))
    return facts
