"""Direct quotations with their speaker and medium (cq05).

The reporting verb is the nearest one above the quotation in the parse, else one after or before it
in its sentence (or opening the next sentence in lower case, when the parser ends the sentence
inside the quotation). Its speaker is the verb's subject ("...,” the minister said", "said Marta
Varga"), the person a title subject names ("said UN High Commissioner Ana Ruiz") or is in
apposition with, an unnamed official described by the subject ("a coast guard official", "a
spokesperson for the ministry"), the person introduced with a definite title ("the judge"), a group
("the migrants chanted"), or the source of "according to". A pronoun ("he added") follows the
subjects of the sentences before it, never a name inside a quotation. A quotation with no reporting
verb continues the previous quotation of its paragraph, or of the paragraph just before when it
fills its own paragraph. The medium is an outlet or platform ("told Radio Sol", "in an X post", "on
social media", "told state television") or the form of the statement ("in a press release", "told a
news conference", "reading a statement", "In her ruling, ..."), else the one the speaker was just
reported through. Quotations under four words are kept only when they are a clause or the words a
plain reporting verb governs; one too long to be a label is given sentence by sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..lexicon import OFFICE_WORDS, PLATFORMS, SAY_VERBS
from ..mentions import quote_spans
from ..records import Kind, QuoteFact

MIN_WORDS = 4  # shorter quoted strings are scare quotes or titles, not statements
LONG_QUOTE_WORDS = 40  # a longer quotation is given sentence by sentence
SPEAKER_KINDS = {Kind.PERSON, Kind.ORGANIZATION, Kind.GOVERNMENT, Kind.ARMED_FORCES, Kind.MEDIA}
PRONOUNS = {"he", "she"}
# Reporting verbs besides SAY_VERBS that introduce a quotation of the subject's words.
QUOTE_VERBS = SAY_VERBS | {
    "lament", "mourn", "underline", "chant", "concede", "remark", "exclaim", "shout", "caution",
    "describe", "call", "brand", "deny", "boast", "quip", "testify", "agree", "plead", "accuse",
}
# Verbs that report words rather than intentions ("vowed to take "measures"" is a scare quote).
PLAIN_SAY_VERBS = {"say", "tell", "add", "describe", "brand", "warn", "write", "state"}  # not "call (for)"
NAMING_WORDS = ("so-called", "so called", "dubbed", "named", "called", "known as", "titled", "labelled", "labeled")
# "the migrants chanted": a group of people quoted together.
SPEAKING_GROUP_NOUNS = {"migrant", "immigrant", "refugee", "asylum-seeker", "protester", "demonstrator", "resident", "villager", "worker"}
AGE_DESCRIPTION = re.compile(r"^\d+-year-old$")
AGE_AS_SUBJECT = re.compile(r"(?:^|\s)the \d+\s?-\s?year\s?-\s?old$", re.IGNORECASE)
# The form a statement takes, given as its medium ("in a press release", "told a news conference").
FORM_NOUNS = {
    "conference", "briefing", "statement", "release", "interview", "letter", "note", "speech", "post",
    "message", "video", "tweet", "ruling", "decision", "judgment", "judgement", "communique",
    "communiqué", "email", "e-mail", "broadcast", "podcast", "op-ed", "address", "memo", "filing",
    "decree", "circular", "declaration", "proclamation", "directive",  # written acts of government
}
# Verbs that issue a written form ("sent a letter", "issued a statement", "published a post").
ISSUING_VERBS = {"send", "issue", "publish", "release", "pen", "sign", "deliver", "write", "post"}
# Forms that are occasions: a speaker's later quotations inherit them ("in the news conference").
OCCASION_NOUNS = {"conference", "briefing", "interview", "speech"}
SITE_NOUNS = {"site", "platform", "account"}  # "on the site", "on his account": a platform named before
FORM_PREPS = {"in", "at", "during", "on", "via", "through", "to", "with"}
# "told state television", "speaking to local media": an outlet named by what it is.
OUTLET_NOUNS = {"television", "tv", "radio", "media", "newspaper", "broadcaster", "daily", "outlet"}
# "a coast guard official said": who an unnamed speaker is, when a modifier says whose.
ANONYMOUS_SPEAKER_NOUNS = {"official", "spokesman", "spokeswoman", "spokesperson", "source", "diplomat", "officer", "aide"}
INDEFINITE = {"a", "an", "one", "another"}
# Organs of a state that speak for it ("the Libyan interior ministry said").
STATE_BODY_NOUNS = {"ministry", "government", "authorities", "police", "army", "embassy", "presidency", "department",
                    "navy", "coastguard", "military", "cabinet"}  # one word: compared with the subject's lemma
BODY_KINDS = {Kind.ORGANIZATION, Kind.GOVERNMENT, Kind.ARMED_FORCES, Kind.COUNTRY, Kind.MEDIA}


def _governing_say_verb(ctx, first, last):
    """The nearest reporting verb above the quotation in the parse ("X declared ..., while Y
    mourned that Greece has “never ...”" -> mourned), outside quotes."""
    for tok in (first, last):
        for anc in tok.ancestors:
            if anc.lemma_.lower() in QUOTE_VERBS and anc.pos_ in ("VERB", "AUX") and not ctx.in_quote(anc):
                return anc
    return None


def _say_verb_near(ctx, start_tok: int, end_tok: int, sent):
    """A reporting verb in ``[start_tok, end_tok)`` of the sentence, outside quotes."""
    for tok in ctx.doc[start_tok:end_tok]:
        if tok.lemma_.lower() in QUOTE_VERBS and tok.pos_ in ("VERB", "AUX") and ctx.sent_of(tok) == sent \
                and not ctx.in_quote(tok):
            return tok
    return None


def _say_verb_in_run_on(ctx, sent):
    """'“... we will pass!” the migrants chanted': the parser ends the sentence inside the quote, and
    the reporting clause opens the next one with a lower-case word."""
    following = next((s for s in ctx.sents if s.start == sent.end), None) if sent.end < len(ctx.doc) else None
    if following is None:
        return None
    opener = next((t for t in following if not t.is_punct), None)
    if opener is None or not opener.text[:1].islower() or ctx.in_quote(opener):
        return None
    return _say_verb_near(ctx, following.start, min(following.end, following.start + 8), following)


def _according_to(ctx, start_tok: int, end_tok: int):
    """The source of "according to X" in ``[start_tok, end_tok)``, outside quotes."""
    doc = ctx.doc
    for tok in doc[start_tok:end_tok]:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to" and not ctx.in_quote(tok):
            obj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            key = _subject_speaker(ctx, obj)
            if key:
                return key
    return None


def _is_person(ctx, key: str | None, tok=None) -> bool:
    """A person entity named as such, not a name that modifies a common noun ("the Mizo people",
    "the Moreno administration", "closing Delta camp") or a demonym the tagger read as a name."""
    if not key or ctx.kind(key) is not Kind.PERSON:
        return False
    if tok is None:
        return True
    return tok.ent_type_ != "NORP" and not (tok.dep_ in ("compound", "amod") and tok.head.pos_ == "NOUN")


def _titled_person(ctx, subj) -> str | None:
    """'UN High Commissioner for Refugees Ana Ruiz': the person a capitalised title names."""
    if subj.pos_ != "PROPN":
        return None
    for tok in subj.subtree:
        if tok.i <= subj.i:
            continue
        key = ctx.key_at(tok.i)
        if _is_person(ctx, key, tok):
            between = ctx.doc[subj.i + 1 : tok.i]
            if all(t.pos_ == "PROPN" or t.lower_ in ("for", "of", "the", "and") for t in between):
                return key
            return None
    return None


def _person_in_apposition(ctx, subj) -> str | None:
    """'A Hungarian government spokesman, Ana Ruiz, told ...': the person the subject is in apposition with."""
    for child in subj.children:
        if child.dep_ == "appos":
            key = ctx.key_at(child.i)
            if _is_person(ctx, key, child):
                return key
    return None


def _anonymous_speaker(ctx, subj) -> str | None:
    """'a coast guard official', 'a government official from an EU country': an unnamed speaker
    described by whose official they are; a bare 'an official' says too little to keep."""
    if subj.lemma_.lower() not in ANONYMOUS_SPEAKER_NOUNS:
        return None
    if not any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in subj.children):
        return None
    modifiers = [c for c in subj.children if c.dep_ in ("compound", "amod") and c.i < subj.i]
    whose = _whose_phrase(ctx, subj)
    if not modifiers and whose is None:
        return None
    start = min([t.left_edge.i for t in modifiers] + [subj.i])
    end = whose.right_edge.i + 1 if whose is not None else subj.i + 1
    return _add_described(ctx, Kind.PERSON, ctx.doc[start:end].text, start, end)


def _whose_phrase(ctx, subj):
    """'(a spokesperson) for the Interior Ministry': a prepositional phrase naming the body."""
    for prep in subj.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "from", "at", "with", "in"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and ctx.keys_in(obj.left_edge.i, obj.i + 1, BODY_KINDS):
                    return prep
    return None


def _pronoun_speaker(ctx, tok) -> str | None:
    """Who 'he' or 'she' is: a pronoun subject continues the subject of the sentences before it
    ("Ruiz said ... Addressing reporters after X spoke, he said ..."), so walk back through them
    to the nearest person subject of a main or reporting verb; a sentence with none gives its last
    person named outside quotations (a name quoted is never the speaker), one with no person at
    all is passed over."""
    sent = ctx.sent_of(tok)
    key = _person_subject_before(ctx, sent, tok.i)
    if key:
        return key
    sents = ctx.sents
    index = next((n for n, s in enumerate(sents) if s.start == sent.start), 0)
    for prev in reversed(sents[max(0, index - 6) : index]):
        if ctx.in_quote(prev.root):
            continue  # a sentence of the quotation itself
        key = _person_subject_before(ctx, prev, prev.end)
        if key:
            return key
        if _pronoun_subject(ctx, prev):
            continue  # "he said ..." again: look further back
        if _unknown_name_subject(ctx, prev):
            return None  # "Mara Lind arrived ...", a name we do not know as a person's: no guess past it
        key = _last_person(ctx, prev.start, prev.end)
        if key:
            return key
    return None


def _person_subject_before(ctx, sent, end: int) -> str | None:
    """The person subject of the sentence's main verb or of a reporting verb in it, before ``end``."""
    for verb in [sent.root] + [t for t in ctx.doc[sent.start : end] if t.lemma_.lower() in QUOTE_VERBS and t.pos_ == "VERB"]:
        if ctx.in_quote(verb):
            continue
        for child in verb.children:
            if child.dep_ == "nsubj" and child.i < end and child.lower_ not in PRONOUNS:
                key = ctx.subject_entity(child)
                if key is None and not ctx.in_quote(child):
                    key = _described_speaker(ctx, child)  # "The minister thanked ...; he added ..."
                    if key:
                        return key
                if _is_person(ctx, key, child) and not ctx.in_quote(child):
                    return key
    return None


def _unknown_name_subject(ctx, sent) -> bool:
    """The main subject is a name, but not one of a person we know (perhaps a person the tagger missed)."""
    return any(c.dep_ == "nsubj" and c.pos_ == "PROPN" and not _is_person(ctx, ctx.subject_entity(c), c) for c in sent.root.children)


def _pronoun_subject(ctx, sent) -> bool:
    """The main subject is 'he' or 'she' again."""
    return any(c.dep_ == "nsubj" and c.lower_ in PRONOUNS for c in sent.root.children)


def _last_person(ctx, start: int, end: int) -> str | None:
    """The last person named outside quotations in tokens ``[start, end)``."""
    for j in range(end - 1, start - 1, -1):
        key = ctx.key_at(j)
        if _is_person(ctx, key, ctx.doc[j]) and not ctx.in_quote(ctx.doc[j]):
            return key
    return None


def _subject_speaker(ctx, subj) -> str | None:
    """The speaker a subject (or "according to" object) names, or None when it names no speaker."""
    if subj.lower_ in PRONOUNS:
        return _pronoun_speaker(ctx, subj)
    if subj.lower_ == "it":
        return _body_before(ctx, subj)
    titled = _titled_person(ctx, subj) or _person_in_apposition(ctx, subj)
    if titled:
        return titled
    key = ctx.subject_entity(subj)
    if key and ctx.kind(key) in SPEAKER_KINDS:
        if ctx.kind(key) is Kind.PERSON and not _is_person(ctx, key, subj):
            return None
        return key
    if key is None or ctx.kind(key) is Kind.COUNTRY:
        body = _state_body(ctx, subj)
        if body or key is not None:
            return body
        return (_anonymous_speaker(ctx, subj) or _described_speaker(ctx, subj) or _group_speaker(ctx, subj)
                or _untagged_person(ctx, subj))
    return None


def _state_body(ctx, subj) -> str | None:
    """'The Libyan interior ministry', "Chad's government", 'Greek authorities': an organ of a state
    named by its country and what it is."""
    if subj.lemma_.lower() not in STATE_BODY_NOUNS:
        return None
    mods = [c for c in subj.children if c.dep_ in ("amod", "compound", "poss") and c.i < subj.i]
    country = next((ctx.country_of(ctx.key_at(c.i)) for c in mods if ctx.key_at(c.i)
                    and ctx.kind(ctx.key_at(c.i)) is Kind.COUNTRY), None)
    if country is None:
        return None
    start = min(c.left_edge.i for c in mods)
    return _add_described(ctx, Kind.GOVERNMENT, ctx.doc[start : subj.i + 1].text, start, subj.i + 1)


def _body_before(ctx, pron) -> str | None:
    """Who 'it said' is: the organisation or state body that is the subject of this or one of the
    two sentences before it (a country, a thing or nothing there: no speaker)."""
    sents = ctx.sents
    index = ctx.sent_index(ctx.sent_of(pron).start)
    for sent in reversed(sents[max(0, index - 2) : index + 1]):
        for tok in sent:
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.i >= pron.i or ctx.in_quote(tok) or tok.lower_ == "it":
                continue
            key = ctx.subject_entity(tok)
            if key and ctx.kind(key) in BODY_KINDS - {Kind.COUNTRY}:
                return key
            body = _state_body(ctx, tok) if key is None or ctx.kind(key) is Kind.COUNTRY else None
            if body:
                return body
    return None


def _untagged_person(ctx, subj) -> str | None:
    """'Ivanov, who rushed to the site, told reporters': a name the tagger missed, known for a
    person's by the "who" clause on it."""
    if subj.pos_ != "PROPN" or not any(c.dep_ == "relcl" and any(g.lower_ == "who" and g.dep_ == "nsubj" for g in c.children)
                                       for c in subj.children):
        return None
    start = min([c.i for c in subj.children if c.dep_ == "compound" and c.i < subj.i] + [subj.i])
    return ctx.add(Kind.PERSON, ctx.doc[start : subj.i + 1].text, start, subj.i + 1)


def _described_speaker(ctx, subj) -> str | None:
    """'the minister', 'the trial court judge', 'the Governor': the last person introduced with that
    title ("Human Rights Minister Ana Ruiz", "Ana Ruiz, the judge"); 'the 30-year-old': the last
    person named."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
        return None
    if AGE_DESCRIPTION.match(subj.lower_):
        return _pronoun_speaker(ctx, subj)
    title = subj.lemma_.lower()
    if title not in OFFICE_WORDS:
        return None
    return _person_titled(ctx, title, subj.i)


def _person_titled(ctx, title: str, before: int) -> str | None:
    """The last person before token ``before`` whose name has ``title`` right before or after it."""
    doc = ctx.doc
    j = before - 1
    while j >= max(0, before - 600):
        key = ctx.key_at(j)
        if not (_is_person(ctx, key, doc[j]) and not ctx.in_quote(doc[j])):
            j -= 1
            continue
        end = j + 1
        while j > 0 and ctx.key_at(j - 1) == key:
            j -= 1
        near = list(doc[max(0, j - 4) : j]) + list(doc[end : end + 5])
        if any(t.lemma_.lower() == title or t.lower_ == title for t in near):
            return key
        j -= 1
    return None


def _group_speaker(ctx, subj) -> str | None:
    """'the migrants chanted', 'protesters shouted': a group quoted together."""
    if subj.lemma_.lower() not in SPEAKING_GROUP_NOUNS or subj.tag_ != "NNS":
        return None
    mods = [c for c in subj.lefts if c.dep_ in ("amod", "compound") and not c.like_num]
    start = min([c.i for c in mods] + [subj.i])
    return _add_described(ctx, Kind.GROUP, " ".join([c.text for c in mods] + [subj.text]), start, subj.i + 1)


def _speaker(ctx, verb):
    """Who speaks through a reporting verb: its subject, else a person next to it or before it."""
    subj = None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ != "VERB":  # not "Posting on X, ... said"
            subj = child
    if subj is not None:
        return _subject_speaker(ctx, subj)  # an unknown subject: better no attribution than a wrong one
    before = ctx.doc[max(ctx.sent_of(verb).start, verb.i - 6) : verb.i].text
    if AGE_AS_SUBJECT.search(before):
        return _pronoun_speaker(ctx, verb)  # "the 30-year-old said", split into tokens
    if verb.dep_ in ("acl", "relcl") and _is_person(ctx, ctx.key_at(verb.head.i), verb.head) \
            and not _in_object_or_clause(verb.head, verb):
        return ctx.key_at(verb.head.i)  # "Ana Ruiz, who ..., posted on X:" parsed as a clause on the name
    # "said Ana Ruiz": a person right after the verb; "Ruiz posted": a person right before
    for i in (verb.i + 1, verb.i + 2, verb.i - 1):
        if 0 <= i < len(ctx.doc):
            tok = ctx.doc[i]
            key = ctx.key_at(i) or (_pronoun_speaker(ctx, tok) if tok.lower_ in PRONOUNS else None)
            if key and ctx.kind(key) is Kind.PERSON:
                return key
    return _person_before_in_clause(ctx, verb)


def _person_before_in_clause(ctx, verb) -> str | None:
    """'Posting on X, Ana Ruiz, the mayor, said:' (the name misparsed): the nearest person before
    the verb in its sentence, outside quotes."""
    sent = ctx.sent_of(verb)
    for i in range(verb.i - 1, max(sent.start - 1, verb.i - 15), -1):
        tok = ctx.doc[i]
        if ctx.in_quote(tok):
            return None
        key = ctx.key_at(i)
        if _is_person(ctx, key, tok) and not _in_object_or_clause(tok, verb):
            return key
    return None


def _in_object_or_clause(tok, verb) -> bool:
    """A name that is an object or sits in a relative clause ("who met Ruiz") is not the subject."""
    if tok.dep_ in ("pobj", "dobj", "poss"):
        return True
    return any(a.dep_ == "relcl" for a in tok.ancestors if a.i != verb.i and verb not in a.ancestors)


def _reported_media(ctx) -> list[tuple[int, str, str]]:
    """(sentence start, speaker, medium) for every reporting verb that names a medium, and every
    verb done at an occasion ("X made it a priority in the news conference")."""
    out = []
    for sent in ctx.sents:
        for tok in sent:
            if tok.pos_ != "VERB" or ctx.in_quote(tok):
                continue
            if tok.lemma_.lower() in QUOTE_VERBS:
                medium = _medium(ctx, tok, sent.end)
            elif tok.lemma_.lower() in ISSUING_VERBS:
                medium = _issued_form(ctx, tok)
            else:
                medium = _form_medium(ctx, tok, OCCASION_NOUNS)
            speaker = _speaker(ctx, tok) if medium else None
            if speaker and medium:
                out.append((sent.start, speaker, medium))
    return out


def _issued_form(ctx, verb):
    """'X sent the president a letter', 'the ministry issued a statement': a written form its
    subject issued, which the subject's next quotations come through."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in FORM_NOUNS:
            return _medium_noun(ctx, child, FORM_NOUNS)
    return None


def _inherited_medium(ctx, reported, speaker: str, sent_start: int) -> str | None:
    """A quotation with no medium of its own keeps the one its speaker was just reported through
    (at most two sentences between them; counted from the Context's sentence table, not by
    walking the Doc once per earlier report)."""
    here = ctx.sent_index(sent_start)
    best = None
    for start, who, medium in reported:
        if who == speaker and start <= sent_start and here - ctx.sent_index(start) - 1 <= 2:
            best = medium
    return best


def _medium(ctx, verb, window_end: int):
    """The outlet, platform or form a statement went through: words after the verb, else the
    verb's prepositional phrases and objects."""
    return _window_medium(ctx, verb, window_end) or _form_medium(ctx, verb, FORM_NOUNS)


def _reporting_medium(ctx, verb):
    """'In a note, Ruiz said that the president described it as “out of the question”': words
    reported inside another report come through that report's medium."""
    for anc in verb.ancestors:
        if anc.lemma_.lower() in QUOTE_VERBS and anc.pos_ == "VERB" and not ctx.in_quote(anc):
            return _form_medium(ctx, anc, FORM_NOUNS)
    return None


def _window_medium(ctx, verb, window_end: int):
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


def _form_medium(ctx, verb, forms: set[str]):
    """'said in a press release', 'told a news conference', 'In her ruling, the judge wrote',
    'said, reading a statement', 'Posting on Facebook, X said': the medium named by a
    prepositional phrase or object of the verb or of a participle clause on it."""
    heads = [verb] + [c for c in verb.children if c.dep_ in ("advcl", "nsubj", "csubj") and c.tag_ == "VBG"]
    heads += [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "attr") and c.pos_ == "NOUN"]  # "made it a priority in the news conference"
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in FORM_PREPS:
                nouns = [g for g in child.children if g.dep_ == "pobj"]
            elif child.dep_ == "dobj" and (head.pos_ == "VERB" and head is not verb or head.lemma_ == "tell"):
                nouns = [child]
            else:
                continue
            for noun in nouns:
                key = _medium_noun(ctx, noun, forms)
                if key:
                    return key
    return None


def _medium_noun(ctx, noun, forms: set[str]):
    """The medium a noun names: an outlet or platform, or a form of statement ("press release")."""
    key = ctx.key_at(noun.i)
    if key and ctx.kind(key) in (Kind.MEDIA, Kind.PLATFORM):
        return key
    if noun.lower_ in PLATFORMS:
        return ctx.add(Kind.PLATFORM, _platform_name(noun.text), noun.i, noun.i + 1)
    if noun.lemma_.lower() in SITE_NOUNS and any(c.dep_ in ("det", "poss") for c in noun.children):
        return _platform_before(ctx, noun.i)  # "posted on the site": the platform just named
    if noun.lemma_.lower() in OUTLET_NOUNS or noun.lower_ in OUTLET_NOUNS:
        mods = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
        start = min((c.i for c in mods), default=noun.i)
        return _add_described(ctx, Kind.MEDIA, ctx.doc[start : noun.i + 1].text.lower(), start, noun.i + 1)
    if noun.lemma_.lower() not in forms:
        return None
    compounds = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    for c in compounds:  # "a Facebook post", "a CNN interview": the platform or outlet is the medium
        outlet = ctx.key_at(c.i)
        if outlet and ctx.kind(outlet) in (Kind.MEDIA, Kind.PLATFORM):
            return outlet
        if c.lower_ in PLATFORMS:
            return ctx.add(Kind.PLATFORM, _platform_name(c.text), c.i, c.i + 1)
    for prep in noun.children:  # "an interview with Radio Sol", "a post on Telegram"
        if prep.dep_ == "prep" and prep.lower_ in ("with", "on", "to", "for"):
            for obj in prep.children:
                outlet = ctx.key_at(obj.i) if obj.dep_ == "pobj" else None
                if outlet and ctx.kind(outlet) in (Kind.MEDIA, Kind.PLATFORM):
                    return outlet
                if obj.dep_ == "pobj" and obj.lower_ in PLATFORMS:
                    return ctx.add(Kind.PLATFORM, _platform_name(obj.text), obj.i, obj.i + 1)
    start = min((c.i for c in compounds), default=noun.i)
    name = " ".join(t.text for t in ctx.doc[start : noun.i + 1]).lower()
    return _add_described(ctx, Kind.CHANNEL, name, start, noun.i + 1)


def _add_described(ctx, kind: Kind, name: str, start: int, end: int) -> str:
    """An entity named by a description ("press conference", "coast guard official"), with its
    mention for provenance but not claimed as the tokens' entity, so later rules that look names
    up by token see the text as before."""
    key = ctx.add(kind, name)
    span = ctx.span(start, end)
    if span not in ctx.entities[key].mentions:
        ctx.entities[key].mentions.append(span)
    return key


def _platform_before(ctx, i: int) -> str | None:
    for j in range(i - 1, max(-1, i - 300), -1):
        key = ctx.key_at(j)
        if key and ctx.kind(key) is Kind.PLATFORM:
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


def _paragraph_starts(text: str) -> list[int]:
    """Character offsets where each non-blank paragraph (line) starts."""
    starts, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            starts.append(pos)
        pos += len(line) + 1
    return starts


def _opens_paragraph(text: str, start: int, paragraph_start: int) -> bool:
    """True when nothing but the opening quotation mark precedes the quotation in its paragraph."""
    return not text[paragraph_start : max(paragraph_start, start - 1)].strip()


def _no_person_between(ctx, a: int, b: int, speaker: str) -> bool:
    """No other person is named outside quotes between tokens a and b."""
    for i in range(a, b):
        key = ctx.key_at(i)
        if key and key != speaker and ctx.kind(key) is Kind.PERSON and not ctx.in_quote(ctx.doc[i]):
            return False
    return True


def _names_something(ctx, first, last) -> bool:
    """'the so-called "Remain in Mexico" policy', 'a report titled "Lives at Risk on the Border"':
    a quoted name or title, not words said."""
    before = ctx.doc[max(0, first.i - 3) : first.i].text.lower()
    if any(before.rstrip(" “\"'‘").endswith(w) for w in NAMING_WORDS):
        return True
    words = [t for t in ctx.doc[first.i : last.i + 1] if t.is_alpha and len(t.text) > 3]
    return len(words) >= 2 and all(t.text[:1].isupper() for t in words)


def _short_statement(ctx, verb, first, last) -> bool:
    """A short quotation that is still a statement: a whole clause ("Heaven has borders"), or words
    put in the speaker's mouth by a plain reporting verb governing them ("told AFP that "the border
    issue" would be discussed"), not a scare-quoted phrase after "vowed to take"."""
    toks = [t for t in ctx.doc[first.i : last.i + 1] if not t.is_punct]
    if len(toks) < 1:
        return False
    clause = any(t.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" and c in toks for c in t.children) for t in toks)
    if clause:
        return True
    if all(t.text[:1].isupper() for t in toks if t.is_alpha and len(t.text) > 3):
        return False  # a name in capitals
    return verb is not None and verb.lemma_.lower() in PLAIN_SAY_VERBS and any(verb in t.ancestors for t in toks)


def _pieces(ctx, clean: str, first, last) -> list[str]:
    """The quotation, or its sentences when it is too long to be matched as one statement."""
    if len(clean.split()) <= LONG_QUOTE_WORDS:
        return [clean]
    out = []
    for sent in ctx.sents:
        if sent.end <= first.i or sent.start > last.i:
            continue
        toks = [t for t in ctx.doc[max(sent.start, first.i) : min(sent.end, last.i + 1)] if ctx.in_quote(t)]
        if not toks:
            continue
        piece = ctx.article.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
        piece = piece.strip().strip("“”\"").strip().rstrip(",.;:").strip()
        if piece:
            out.append(piece)
    return out or [clean]


def extract_quotes(ctx) -> list:
    doc, text = ctx.doc, ctx.article.text
    facts = []
    previous = None  # (speaker, medium, paragraph index, last token of the quotation)
    reported = _reported_media(ctx)
    paragraphs = _paragraph_starts(text)
    for start, end, inner in quote_spans(text):
        clean = inner.strip().rstrip(",.;:").strip()
        paragraph = bisect_right(paragraphs, start) - 1
        first = _tok_at(doc, start + len(inner) - len(inner.lstrip()))
        last = _tok_at(doc, start + len(inner.rstrip()), end=True)  # "... provided, ”": not the space
        if first is None or last is None:
            continue
        sent_first, sent_last = ctx.sent_of(first), ctx.sent_of(last)
        speaker = medium = None
        rule = "quote.say-verb-after"
        verb = _governing_say_verb(ctx, first, last)
        if verb is not None and ctx.sent_of(verb) not in (sent_first, sent_last):
            verb = None
        if verb is not None and verb.i < first.i:
            rule = "quote.say-verb-before"
        if verb is None:
            # reporting verb after the quote, in the sentence that closes it
            verb = _say_verb_near(ctx, last.i + 1, sent_last.end, sent_last)
        if verb is None:
            verb = _say_verb_in_run_on(ctx, sent_last)
        if verb is None:
            # reporting verb before the quote, in the sentence that opens it
            verb = _say_verb_near(ctx, sent_first.start, first.i, sent_first)
            rule = "quote.say-verb-before"
        if verb is not None:
            speaker = _speaker(ctx, verb)
            medium = _medium(ctx, verb, sent_last.end if verb.i > last.i else first.i)
            if medium is None and verb.i < first.i:
                medium = _medium(ctx, verb, first.i)
            if medium is None:
                medium = _reporting_medium(ctx, verb)
        else:
            speaker = _according_to(ctx, sent_first.start, sent_last.end)
            rule = "quote.according-to"
        if speaker is None and previous:
            same = previous[2] == paragraph
            next_paragraph = (verb is None and previous[2] == paragraph - 1 and _opens_paragraph(text, start, paragraphs[paragraph])
                              and _no_person_between(ctx, previous[3] + 1, first.i, previous[0]))
            if same or next_paragraph:
                speaker, medium = previous[0], previous[1]
                rule = "quote.continues-previous"
        if speaker is None:
            continue
        if medium is None:
            medium = _inherited_medium(ctx, reported, speaker, sent_first.start)
        previous = (speaker, medium, paragraph, last.i)
        ctx.quote_speakers.append((start, end, speaker))
        if _names_something(ctx, first, last):
            continue
        short = len(clean.split()) < MIN_WORDS
        if short and not _short_statement(ctx, verb, first, last):
            continue
        date = ctx.date_of(sent_last) if verb is not None else None
        conf = 0.9 if rule != "quote.continues-previous" else 0.75
        sentence = doc[sent_first.start : sent_last.end]
        for piece in _pieces(ctx, clean, first, last):
            if short or len(piece.split()) >= MIN_WORDS:
                facts.append(QuoteFact(speaker, piece, medium, date, True, ctx.evidence(sentence, rule, conf)))
    return facts
