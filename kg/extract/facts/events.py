"""Events with their type, place and date (cq04), and elections with candidates (cq08).

Triggers are verbs and nouns of a fixed vocabulary (``lexicon.EVENT_VERBS``/``EVENT_NOUNS``).
The date is a date expression attached to the trigger (or to the verb that governs a noun
trigger), resolved against the publication date and the verb's tense; the place is a crossing,
border, place or country in the trigger's own phrase, else the country of the actor.
"""
from __future__ import annotations

from ..dates import deadline_date, resolve_date, span_before
from ..lexicon import SAY_VERBS, BORDER_OBJECTS, DATED_EVENT_NOUNS, DATED_EVENT_VERBS, ELECTION_MODIFIERS, EVENT_NOUN_MODIFIERS, GOVERNMENT_NOUNS, ELECTION_NOUNS, FORCE_OBJECTS, EVENT_NOUNS, EVENT_VERBS, GROUP_NOUNS, PROPOSAL_VERBS
from ..gazetteer import SUPRANATIONAL
from ..records import EventFact, Kind, RoleFact
from .syntax import ACTOR_KINDS, is_misparsed_verb, subject_of, actor_and_modality, inherited_subject, noun_actor, tense_of, verb_actor, verb_objects

PLACE_KINDS = {Kind.CROSSING, Kind.BORDER, Kind.PLACE, Kind.COUNTRY}
PLACE_PREPS = {"in", "at", "on", "along", "across", "into", "to", "near", "through", "over", "off"}
MODALS = {"could", "should", "might", "may", "must", "can", "would"}
SIGNED_DOCUMENTS = {"treaty", "agreement", "deal", "accord", "memorandum", "pact", "bill", "law", "decree", "order"}
ENDORSE_VERBS = {"endorse", "back", "support", "vote", "choose", "elect"}
BLOCK_OBJECTS = {"border", "crossing", "road", "bridge", "highway", "route", "frontier", "street", "port", "access", "entry"}


def date_for(ctx, tok, anywhere_inside: bool = True) -> str | None:
    """A date expression attached to ``tok``, or to the verb it is the subject or object of
    (with ``anywhere_inside``, also any date within the trigger's phrase, relative clauses included)."""
    sent = ctx.sent_of(tok)
    anchors = {tok.i}
    if is_misparsed_verb(tok):
        anchors.add(tok.head.i)
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        anchors.add(tok.head.i)
    if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "into") and tok.head.head.pos_ == "VERB":
        anchors.add(tok.head.head.i)  # "cruised to a third term in November"
    if tok.pos_ == "NOUN" and (tok.dep_ == "dative" or tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "during", "to", "after", "following", "amid")):
        verb = tok.head if tok.dep_ == "dative" else tok.head.head
        if verb.pos_ == "VERB":
            anchors.add(verb.i)  # "said in a statement on Tuesday", "told a news conference Friday"
            if verb.dep_ == "conj" and tok.head.lower_ in ("after", "following", "amid"):
                anchors.add(verb.head.i)  # 'In August, 24 were reported missing and believed dead following a shipwreck'
    if tok.pos_ == "NOUN":  # "court decisions handed down in March", "the decree published on Monday"
        anchors.update(c.i for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN")
    quoted = ctx.in_quote(tok)
    for ent in sorted(ctx.ents_in(sent), key=lambda e: min(abs(e.start - tok.i), abs(e.end - 1 - tok.i))):
        if ent.label_ not in ("DATE", "TIME") or ctx.in_quote(ent[0]) != quoted:  # TIME: 'last night', 'Friday evening'
            continue
        if ent.end < len(ctx.tokens) and ctx.tokens[ent.end].lower_ in ("gmt", "utc", "hrs"):  # '(1830 GMT)': a clock time
            continue
        if not anywhere_inside and ent.start > 0 and ent.doc[ent.start - 1].lower_ in ("since", "until", "till", "through"):
            continue  # 'have died since 2006': the start or end of a period, not the day of the event
        # the date's own head chain must reach one of the anchors without passing another verb
        cur = ent.root
        reached = False
        for _ in range(5):
            if cur.i in anchors:
                reached = True
                break
            if cur.head.i == cur.i or (cur.pos_ == "VERB" and cur.i != ent.root.i):
                break
            cur = cur.head
        if reached or anywhere_inside and ent.start in range(tok.left_edge.i, tok.right_edge.i + 1) and not _names_another_noun(ent, tok):
            tense = "future" if _awaited(tok) else tense_of(ent.root) or _participle_tense(ent.root) or _governing_tense(ent.root)
            value = resolve_date(ent.text, ctx.article.published, ctx.sent_text(sent), tense)
            if value:
                return value
    return None


def _names_another_noun(ent, tok) -> bool:
    """'signed a decree revoking a 2015 law': a date that modifies another noun inside the phrase
    dates that thing, not the event."""
    root = ent.root
    return root.dep_ in ("compound", "nummod", "amod", "poss") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i != tok.i


def _participle_tense(tok) -> str | None:
    """'a request lodged in April': a past participle describing a noun reports the past."""
    verb = next((a for a in [tok, *tok.ancestors] if a.pos_ == "VERB"), None)
    return "past" if verb is not None and verb.tag_ == "VBN" and verb.dep_ == "acl" else None


def _governing_tense(tok) -> str | None:
    """'said after leaving talks on Thursday': a gerund after a preposition of time takes the tense
    of the clause it depends on, rather than future cues elsewhere in the sentence (a quote)."""
    verb = next((a for a in [tok, *tok.ancestors] if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ not in ("after", "before", "since", "while", "upon"):
        return None
    return tense_of(verb.head.head) if verb.head.head.pos_ in ("VERB", "AUX") else None


def _awaited(tok) -> bool:
    """'ahead of a formal decision on Tuesday', 'the upcoming vote on Sunday': still to come,
    whatever the tense of the clause it hangs on."""
    if any(c.dep_ == "amod" and c.lower_ in ("upcoming", "forthcoming", "planned", "scheduled") for c in tok.children):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "ahead"


def _np_place(ctx, np):
    """A place named inside a noun phrase (its modifiers, head and 'of X'), not in clauses below it."""
    tokens = list(np.doc[np.left_edge.i : np.i + 1])
    for child in np.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            tokens += [g for g in child.subtree]
        if child.dep_ == "appos":
            tokens += list(child.subtree)
    own = ctx.key_at(np.i)
    if own and ctx.kind(own) in PLACE_KINDS:
        return own  # "the San Lucas border crossing": the crossing, not the town it is named after
    return next((key for sub in tokens if (key := ctx.place_named_at(sub))), None)


def place_for(ctx, tok, preps=PLACE_PREPS, objects: bool = True):
    """A place in the trigger's own phrases: its object (unless ``objects`` is False: 'ordered EU
    ministers to leave'), or a locative prepositional phrase."""
    candidates = []
    for child in tok.children:
        if child.dep_ in ("dobj", "npadvmod") and (objects or child.dep_ == "npadvmod"):
            candidates.append(child)
        elif child.dep_ == "prep" and child.lower_ in preps:
            candidates += [g for g in child.children if g.dep_ == "pobj"]
    is_argument = tok.dep_ in ("nsubj", "nsubjpass", "dobj") or is_misparsed_verb(tok)
    if is_argument and tok.head is not tok:
        for child in tok.head.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                candidates += [g for g in child.children if g.dep_ == "pobj"]
    for cand in candidates:
        key = _np_place(ctx, cand)
        if key:
            return key
        homeland = _homeland(ctx, cand)
        if homeland:
            return homeland
    return None


def _sentence_place(ctx, tok, skip: frozenset | set = frozenset()) -> str | None:
    """The place nearest the trigger that its sentence names outright (not a demonym: 'Sudanese migrant')."""
    for t in sorted(ctx.sent_of(tok), key=lambda t: abs(t.i - tok.i)):
        if t.i in skip or t.i in ctx.demonym_tokens or _names_a_person(ctx, t):
            continue
        key = ctx.place_named_at(t)
        if key and not _too_wide(ctx, key):
            return key
    return None


CONTINENTS = {"europe", "africa", "asia", "americas", "the americas", "oceania", "latin america", "north america",
              "south america", "central america", "middle east", "the middle east", "sahel", "the sahel"}


def _too_wide(ctx, key: str) -> bool:
    """A continent or a union of countries ('en route to Europe', 'EU countries'): too wide to say
    where something in the sentence happened."""
    code = key.split(":", 1)[1] if key.startswith("country:") else None
    return code in SUPRANATIONAL if code else ctx.entities[key].name.lower() in CONTINENTS


def _town_in(ctx, tok, country: str | None) -> str | None:
    """'During a news conference in Jacksonville ..., as he signed the bill': a town or facility
    of the actor's country named in the sentence is where the event happened, more precisely
    than the country."""
    key = _sentence_place(ctx, tok)
    if key and country and ctx.kind(key) in (Kind.PLACE, Kind.CROSSING) and ctx.country_of(key) == country:
        return key
    return None


def _names_a_person(ctx, tok) -> bool:
    """'EU migration commissioner Lena Marsh': a place in the title of a person (or body) is not where things happen."""
    cur = tok
    for _ in range(5):
        if cur.dep_ not in ("compound", "nmod"):
            return False
        cur = cur.head
        key = ctx.key_at(cur.i)
        if cur.ent_type_ == "PERSON" or key and ctx.kind(key) not in PLACE_KINDS:
            return True
    return False


def _homeland(ctx, tok) -> str | None:
    """'into their homeland' said of Afghans -> Afghanistan."""
    for sub in tok.subtree:
        if sub.lemma_.lower() in ("homeland", "country", "home") and any(c.lower_ in ("their", "his", "her") for c in sub.children):
            verb = next((a for a in sub.ancestors if a.pos_ == "VERB"), None)
            subj = inherited_subject(verb) if verb is not None else None
            if subj is not None:
                for w in subj.subtree:
                    if w.i in ctx.demonym_tokens:
                        return ctx.key_at(w.i)
    return None


def actor_for(ctx, tok) -> str | None:
    if tok.pos_ in ("VERB", "AUX"):
        key = verb_actor(ctx, tok)
        if key and ctx.kind(key) in ACTOR_KINDS:
            return key
    actor, _, _ = noun_actor(ctx, tok) if tok.pos_ in ("NOUN", "PROPN") else actor_and_modality(ctx, tok)
    return actor


def _label(tok, default: str) -> str:
    """'extraordinary Cabinet meeting', 'deal with Tunisia': the phrase's modifiers, head and partner."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return default
    words = [t for t in tok.lefts if t.dep_ in ("amod", "compound") and t.ent_type_ != "DATE" and not t.like_num]
    label = " ".join([w.text for w in words] + [tok.text]).replace(" - ", "-")
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("with", "between") and default in ("agreement", "treaty"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                label += f" {child.text} {pobj.text}"
    return label


def _date_follows(tok) -> bool:
    """'announced on October 3', 'announced Thursday': the date comes right after the verb."""
    for t in tok.doc[tok.i + 1 : tok.i + 4]:
        if t.ent_type_ == "DATE":
            return True
    return False


def parent_clause_verb(tok):
    """The verb of the clause a relative or coordinated clause hangs on ('said Thursday at a camp, where he delivered')."""
    if tok.pos_ != "VERB":
        return None
    if tok.dep_ in ("conj", "xcomp") and tok.head.pos_ == "VERB":
        return tok.head  # 'rushed to enter Peru on Thursday'
    if tok.dep_ == "relcl":
        for anc in tok.head.ancestors:
            if anc.pos_ == "VERB":
                return anc
    if tok.dep_ in ("ccomp", "advcl") and tok.head.pos_ == "VERB" and any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in tok.children):
        return tok.head  # 'condemned the scenes last night, where 19 were arrested' (parsed as a clause of the verb)
    if tok.dep_ == "advcl" and tok.head.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ in ("as", "while", "when") for c in tok.children):
        root = next((a for a in tok.ancestors if a.head.i == a.i), tok.head)
        return root if root.pos_ == "VERB" else tok.head  # 'said on Wednesday, "...," as he signed the bill': at the same time
    return None


def _noun_happened(ctx, tok, etype: str) -> bool:
    """A noun trigger names an occurrence: not a proposal ('called for a naval blockade') and,
    unless it is a meeting or a deadline, dated or the subject or object of a verb."""
    verb = next((a for a in tok.ancestors if a.pos_ == "VERB"), None)
    if verb is not None and verb.lemma_.lower() in PROPOSAL_VERBS:
        return False
    if _negated(tok, verb):
        return False
    if etype == "visit" and verb is not None and (subj := inherited_subject(verb)) is not None and is_people(ctx, subj):
        return False  # 'three migrants died during the trip': a journey of people on the move, not a visit
    if etype in ("meeting", "summit", "deadline", "visit"):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in ("after", "following") and tok.tag_ in ("NN", "NNP"):
        return True  # 'after a court ruling deemed it unlawful': an occurrence other events are timed by
    if date_for(ctx, tok):
        return True
    return tok.dep_ in ("nsubj", "nsubjpass", "dobj") and verb is not None and verb.lemma_.lower() not in ("have", "be")


def _negated(tok, verb) -> bool:
    """'No agreement was reached', 'talks no longer made sense': a noun denied by its determiner
    or by the verb it is the subject or object of did not happen."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True
    return verb is not None and tok.head.i == verb.i and _denied(verb)


def _denied(verb) -> bool:
    """'did not close', 'never met', 'no longer made': a negation on the verb or on its adverb."""
    return any(c.dep_ == "neg" or c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children) for c in verb.children)


def extract_events(ctx, roles: list[RoleFact]) -> list:
    facts: list[EventFact] = []
    for tok in ctx.tokens:
        lemma = tok.lemma_.lower()
        event = None
        if ctx.in_quote(tok) and lemma not in ("meeting", "summit", "talks"):
            continue  # what a speaker says happened is a claim, not a reported event
        if tok.pos_ == "VERB" and lemma in EVENT_VERBS:
            if not _realis(tok):
                continue
            event = EVENT_VERBS[lemma] if _verb_trigger_ok(ctx, tok, lemma) else None
        elif tok.pos_ in ("NOUN", "PROPN") and (lemma in EVENT_NOUNS or tok.lower_ in EVENT_NOUNS):
            etype = EVENT_NOUNS.get(lemma) or EVENT_NOUNS[tok.lower_]
            if etype == "election" or lemma in ELECTION_NOUNS:
                continue  # elections have their own rule
            if _noun_trigger_ok(tok, etype) and _noun_happened(ctx, tok, etype):
                event = (etype, _label(tok, etype))
        dated = None
        destination = _transfer_destination(ctx, tok, lemma) if event is None else None
        if destination is not None:
            event = ("transfer", "transfer")
        if event is None:
            event = _occurrence(ctx, tok) or _custody(ctx, tok, lemma) or _rush(ctx, tok, lemma)
        if event is None:
            event = dated = _dated_event(ctx, tok, lemma) or _dated_statement(ctx, tok, lemma)
        if event is None:
            event = dated = _speaking_at(ctx, tok, lemma)
        presupposed = event is None and _presupposed(ctx, tok, lemma)
        if presupposed:
            event = dated = presupposed
        if event is None:
            continue
        etype, label = event
        actor = actor_for(ctx, tok)
        place = place_for(ctx, tok, PLACE_PREPS | ({"with"} if etype in ("agreement", "treaty") else set()), objects=dated is None)
        if presupposed and not place:  # 'since the launch of Operation X': the thing launched is not where
            place = _sentence_place(ctx, tok, skip={t.i for t in _of_object(tok).subtree if t.dep_ != "prep"})
            if place is None:
                continue  # named only as a point in time, with no place in its sentence
        if (dated and etype != "statement" or etype == "death") and not place:  # what is said is often about another place
            place = _sentence_place(ctx, tok) or ctx.home_country  # a migrant's nationality is not where he died
        country = (ctx.country_of(actor) if actor else None) or ctx.home_country
        place = destination or place or _town_in(ctx, tok, country) or country
        if presupposed:  # what other events are timed by happened before them: only a date of its own phrase
            date = _date_inside_phrase(ctx, tok)
        else:
            date = date_for(ctx, tok, anywhere_inside=dated is None) or (date_for(ctx, parent_clause_verb(tok)) if parent_clause_verb(tok) is not None else None)
            date = date or _span_after_anchor(ctx, tok) or (_previous_sentence_day(ctx, tok) if tok.pos_ == "VERB" else None) or _lead_date(ctx, tok)
        if etype == "crossing" and tok.pos_ == "VERB" and date is None:
            continue  # "where people cross", "before they cross": habitual, not a reported crossing
        if etype == "announcement" and (date is None or not _date_follows(tok)):
            continue  # "X announced" with no date of its own is reported speech, not an event worth a row
        if etype == "deadline":
            dl = deadline_date(ctx.sent_text(ctx.sent_of(tok)), ctx.article.published)
            date = date or (dl[0] if dl else None)
        if etype == "closure":
            label = _closure_label(ctx, tok)
        if etype == "signing":
            signed = next((o.lemma_.lower() for o in verb_objects(tok)), tok.head.lemma_.lower() if tok.dep_ == "relcl" else "treaty")
            label = f"{signed if signed in SIGNED_DOCUMENTS else 'treaty'} signing"
        facts.append(EventFact(label, etype, place, date, ctx.evidence(ctx.sent_of(tok), f"event.{tok.pos_.lower()}-trigger", 0.7),
                               actors=(actor,) if actor else ()))
    facts.extend(_deadlines(ctx))
    facts.extend(_emergency_declarations(ctx))
    facts.extend(extract_elections(ctx, roles))
    return _merge(facts)


LEAD_SENTENCES = 2


def _lead_date(ctx, tok) -> str | None:
    """'Ruiz, who visited Valmora, said ...' in an article's opening sentences: news leads report
    the day's events, so an undated past event there happened on the publication day (unless the
    sentence dates something else: 'the scenes last night, where 19 were arrested')."""
    sent = ctx.sent_of(tok)
    sents = ctx.sents
    if len(sents) > LEAD_SENTENCES and sent.start >= sents[LEAD_SENTENCES].start or any(_names_a_time(ctx, e) for e in ctx.ents_in(sent)):
        return None
    verb = next((a for a in [tok, *tok.ancestors] if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children):
        return None  # 'raids have become routine': a perfect reports a state, not the day's event
    return ctx.article.published if tense_of(tok) == "past" else None


def _names_a_time(ctx, ent) -> bool:
    """A date or time that places something in time ('last night', 'in 2015'), not a length
    ('exactly one year after', 'for 543 days')."""
    return ent.label_ in ("DATE", "TIME") and resolve_date(ent.text, ctx.article.published) is not None


def _previous_sentence_day(ctx, tok) -> str | None:
    """'On Thursday morning, 300 people agreed to leave. Five migrants were arrested.': a past event
    with no date of its own, told right after a sentence of the same paragraph that names a day,
    happened that day (news tells one day's events in a row)."""
    if tense_of(tok) != "past" or any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in tok.children):
        return None
    n = ctx.sent_index(tok.i)
    if n == 0 or any(_names_a_time(ctx, e) for e in ctx.ents_in(ctx.sents[n])):
        return None  # the sentence has dates of its own (about something else)
    prev = ctx.sents[n - 1]
    last = next((t for t in reversed(prev) if not t.is_space), prev[-1])
    first = next((t for t in ctx.sents[n] if not t.is_space), ctx.sents[n][0])
    if "\n" in ctx.doc.text[last.idx + len(last.text):first.idx]:
        return None  # a new paragraph
    for ent in ctx.ents_in(prev):
        if ent.label_ in ("DATE", "TIME") and not ctx.in_quote(ent[0]):
            value = resolve_date(ent.text, ctx.article.published, ctx.sent_text(prev), "past")
            if value and len(value) == 10:
                return value
    return None


def _dated_event(ctx, tok, lemma: str) -> tuple[str, str] | None:
    """A noun or verb of the dated-event vocabulary ('a news conference on Thursday', 'a migrant
    died on Sunday'): an event only when its own clause dates it and it is reported as happening."""
    if tok.ent_type_ == "DATE" or ctx.in_quote(tok):
        return None
    if lemma == "order" and tok.pos_ == "VERB" and any(c.dep_ == "xcomp" and c.lemma_.lower() == "leave" for c in tok.children):
        # 'officials ordered the delegation to leave the country on Tuesday'
        return ("expulsion", "expulsion") if _realis(tok) and date_for(ctx, tok, anywhere_inside=False) else None
    if tok.pos_ == "VERB" and lemma in DATED_EVENT_VERBS:
        finite = tok.tag_ in ("VBD", "VBZ", "VBP") or tok.dep_ == "ROOT" or any(c.dep_ in ("aux", "auxpass") for c in tok.children)
        if not finite or not _realis(tok) or inherited_subject(tok) is None:
            return None
        if lemma == "arrive" and any(w.lower_ in ("power", "office") for c in tok.children if c.dep_ == "prep" for w in c.children):
            return None  # 'arrived in power': taking office, not a journey
        if lemma in ("fall", "collapse") and inherited_subject(tok).lemma_.lower() not in GOVERNMENT_NOUNS:
            return None  # 'arrivals fell': a decline, not a government's fall
        return DATED_EVENT_VERBS[lemma] if date_for(ctx, tok, anywhere_inside=False) or _lead_date(ctx, tok) else None
    if tok.pos_ != "NOUN" or lemma not in DATED_EVENT_NOUNS:
        return None
    etype = DATED_EVENT_NOUNS[lemma]
    if lemma in EVENT_NOUN_MODIFIERS and not any(c.lower_ in EVENT_NOUN_MODIFIERS[lemma] for c in tok.lefts):
        return None
    if tok.dep_ == "compound" or (tok.dep_ == "pobj" and tok.head.lower_ == "of" and _of_a_measure(tok.head.head)):
        return None  # 'deportation flights', 'a week of protests': a modifier, not the event
    verb = next((a for a in tok.ancestors if a.pos_ == "VERB" and a.dep_ != "prep"), None)  # not 'following', 'including'
    if lemma in GROUP_NOUNS and tok.tag_ == "NNS" and tok.dep_ in ("nsubj", "nsubjpass") and verb is not None and tense_of(verb) == "present":
        return None  # 'new arrivals are turned back': the people who arrive, not an arrival
    if verb is not None and (_proposed(tok, verb) or not _realis(verb)):
        return None  # 'called for a debate', 'to hold a rally': not (yet) an occurrence
    if not (date_for(ctx, tok, anywhere_inside=False) or _lead_date(ctx, tok) or _staged(tok, verb) or _setting_of_speech(tok, verb)):
        return None  # undated and outside the lead: a background mention, not a reported occurrence
    return etype, _label(tok, etype)


# Nominalisations of verbs of change that name a one-off occurrence ('the defeat of the troops',
# 'the launch of the operation'), besides the dated-event nouns.
NOMINALISED_EVENTS = {"defeat", "launch", "ouster", "overthrow", "capture", "takeover", "invasion", "withdrawal",
                      "assassination", "collapse", "surrender", "closure", "reopening", "signing", "killing", "death"}
TIMING_PREPS = {"after", "following", "since"}


def _presupposed(ctx, tok, lemma: str) -> tuple[str, str] | None:
    """'after the defeat of the troops', 'since the launch of Operation X': a nominalised event
    with its 'of' argument, named as what other events are timed by, took place (the clause may be
    a wish or a plan: 'to secure returns after the overthrow of X')."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or ctx.in_quote(tok) or tok.ent_type_:
        return None
    if lemma not in NOMINALISED_EVENTS and lemma not in DATED_EVENT_NOUNS:
        return None
    if tok.dep_ != "pobj" or tok.head.lower_ not in TIMING_PREPS or _negated(tok, None):
        return None
    of = _of_object(tok)
    if of is None or of.ent_type_ in ("DATE", "TIME") or of.lemma_.lower() in MEASURE_HEADS:
        return None  # 'since the start of the year'
    phrase = tok.doc[max(of.left_edge.i, of.i - 5) : of.i + 1].text
    etype = DATED_EVENT_NOUNS.get(lemma, lemma)
    return etype, f"{_label(tok, etype)} of {phrase}"


def _of_object(tok):
    """The object of a noun's 'of' phrase ('the defeat of [the troops]')."""
    return next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)


def _date_inside_phrase(ctx, tok) -> str | None:
    """A date within the noun phrase itself ('after the 3 May killing of a man')."""
    sent = ctx.sent_of(tok)
    for ent in ctx.ents_in(sent):
        if ent.label_ == "DATE" and tok.left_edge.i <= ent.start and ent.end - 1 <= tok.right_edge.i:
            return resolve_date(ent.text, ctx.article.published, ctx.sent_text(sent), "past")
    return None


# Verbs whose subject is itself an occurrence: 'a ruckus broke out', 'clashes erupted', 'talks took place'.
OCCURRENCE_VERBS = {"occur": None, "happen": None, "erupt": None, "unfold": None, "break": "out", "take": "place", "flare": None}


# Aspectual verbs used without an object: 'the return of refugees began on April 2', 'the war that started in 2011'.
ASPECT_VERBS = {"begin", "start", "resume", "end"}


def _occurrence(ctx, tok) -> tuple[str, str] | None:
    """The subject noun of a verb of occurring, or of an aspectual verb used without an object,
    in a past clause: an event named by that noun ('a ruckus broke out', 'the war started')."""
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return None
    verb = _verb_of_subject(tok)
    if verb is None or verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    if lemma not in ASPECT_VERBS and lemma not in OCCURRENCE_VERBS or ctx.in_quote(tok) or not _realis(verb) or tense_of(verb) != "past":
        return None
    particle = OCCURRENCE_VERBS.get(lemma, False)
    if lemma in ASPECT_VERBS:
        if any(c.dep_ in ("dobj", "xcomp", "ccomp", "prt") for c in verb.children) or is_people(ctx, tok) or tok.lemma_.lower() in GOVERNMENT_NOUNS:
            return None  # 'started detaining people', 'the migrants began': not an event as subject
    elif particle is False:
        return None
    elif particle and not any(c.lower_ == particle and c.dep_ in ("prt", "dobj", "advmod") for c in verb.children):
        return None
    if tok.lemma_.lower() in ("it", "that", "this", "what", "thing", "change", "nothing", "year", "day", "week", "month", "session", "term"):
        return None
    etype = tok.lower_  # as written: 'tensions flared' is about tensions, not one tension
    return etype, _label(tok, etype)


def _verb_of_subject(tok):
    """The verb ``tok`` is the subject of, directly or through a relative pronoun ('the war that started')."""
    if tok.dep_ == "nsubj":
        return tok.head
    if not tok.n_rights:
        return None
    for c in tok.rights:
        if c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.lower_ in ("that", "which") for g in c.children):
            return c
    return None


# Verbs of hurried motion: 'migrants rushed to cross into Canada', 'were rushing to enter Peru'.
HURRY_VERBS = {"rush", "race", "scramble", "hurry", "dash", "flock", "stampede"}


def _rush(ctx, tok, lemma: str) -> tuple[str, str] | None:
    """People hurrying to cross or enter a country: a rush across the border."""
    if lemma not in ("cross", "enter") or tok.pos_ != "VERB" or tok.dep_ != "xcomp" or ctx.in_quote(tok):
        return None
    verb = tok.head
    if verb.lemma_.lower() not in HURRY_VERBS or not _realis(verb) or tense_of(verb) != "past":
        return None
    subj = inherited_subject(verb)
    return ("crossing", "rush") if subj is not None and is_people(ctx, subj) else None


def _custody(ctx, tok, lemma: str) -> tuple[str, str] | None:
    """'police have taken three suspects into custody': an arrest."""
    if lemma != "take" or tok.pos_ != "VERB" or ctx.in_quote(tok) or not _realis(tok):
        return None
    into = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "into" for g in c.children if g.dep_ == "pobj"]
    return ("arrest", "arrests") if any(g.lemma_.lower() == "custody" for g in into) else None


# Verbs that send or carry people somewhere (the send, carry and bring classes): 'survivors were
# taken to the port', 'transferred them to reception centres'.
TRANSFER_VERBS = {"transfer", "take", "move", "relocate", "transport", "bus", "ferry", "airlift", "fly", "drive", "send", "bring", "escort", "shuttle"}


def _transfer_destination(ctx, tok, lemma: str) -> str | None:
    """People carried to a place by others: the place named in the 'to' phrase, or None when
    ``tok`` reports no such transfer."""
    if tok.pos_ != "VERB" or lemma not in TRANSFER_VERBS or ctx.in_quote(tok) or not _realis(tok):
        return None
    if tense_of(tok) != "past":
        return None  # 'people who bring migrants into X': a habit or a charge, not a reported transfer
    goals = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "into") for g in c.children if g.dep_ == "pobj"]
    theme = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if not goals or theme is None or not is_people(ctx, theme):
        return None
    for goal in goals:
        for w in goal.subtree:
            key = ctx.place_named_at(w)
            if key:
                return key
    return None  # 'taken to a hospital': where to is not a place the graph knows; the actor's country would be wrong


# Verbs of communication and of judgement ('condemned', 'praised'): with a day of their own
# ('said on Tuesday', 'told reporters Friday') the speaking is itself a reported event.
STATEMENT_VERBS = SAY_VERBS - {"add", "continue", "recall", "repeat", "ask", "urge", "vow", "promise", "pledge"} | {
    "reveal", "confirm", "condemn", "praise", "welcome", "criticize", "criticise", "denounce"}


def _dated_statement(ctx, tok, lemma: str) -> tuple[str, str] | None:
    """'X said on Tuesday', 'condemned the attack last night': a statement dated by its own clause."""
    if tok.pos_ != "VERB" or lemma not in STATEMENT_VERBS or ctx.in_quote(tok) or not _realis(tok):
        return None
    if tok.tag_ not in ("VBD", "VBZ", "VBP") and not any(c.dep_ == "aux" for c in tok.children) or any(c.dep_ == "auxpass" for c in tok.children):
        return None  # 'were reported missing': a passive reports what others say, not who spoke
    subj = inherited_subject(tok)
    if subj is None or subj.lower_ in ("it", "this", "that") or not (ctx.entity_of(subj) or subj.pos_ in ("NOUN", "PROPN", "PRON")):
        return None
    if date_for(ctx, tok, anywhere_inside=False) and _date_own(ctx, tok):
        return "statement", "statement"
    return None


def _speaking_at(ctx, tok, lemma: str) -> tuple[str, str] | None:
    """'Speaking in Minsk, X said ...': the participle of a reported statement names where it was made."""
    if lemma != "speak" or tok.tag_ != "VBG" or tok.dep_ != "advcl" or ctx.in_quote(tok):
        return None
    verb = tok.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in SAY_VERBS | STATEMENT_VERBS or not _realis(verb) or tense_of(verb) != "past":
        return None
    if any(c.dep_ in ("nsubj", "mark", "aux") for c in tok.children) or place_for(ctx, tok, {"in", "at"}, objects=False) is None:
        return None
    return "statement", "statement"


def _date_own(ctx, verb) -> bool:
    """The date hangs on the speaking verb itself ('said on Tuesday'), not on a clause it reports."""
    for ent in ctx.ents_in(ctx.sent_of(verb)):
        head = ent.root.head
        if ent.label_ in ("DATE", "TIME") and (head.i == verb.i or head.dep_ == "prep" and head.head.i == verb.i):
            return True
    return False


# Light verbs that turn an event noun into a reported occurrence: 'staged rallies', 'held a briefing'.
STAGING_VERBS = {"hold", "stage", "launch", "organize", "organise", "conduct", "mount", "carry"}


def _staged(tok, verb) -> bool:
    """'Activists staged rallies', 'a rescue operation was launched': the noun is the object of a
    light verb in a past clause, so it took place even when no day is given."""
    return (verb is not None and tok.head.i == verb.i and tok.dep_ in ("dobj", "nsubjpass")
            and (verb.lemma_.lower() in STAGING_VERBS or verb.lower_ in ("staged", "stages")) and tense_of(verb) == "past")  # the small model lemmatises 'staged' as 'stag'


SPEECH_SETTINGS = {"conference", "briefing", "interview", "speech"}


def _setting_of_speech(tok, verb) -> bool:
    """'told a press conference', 'said during a briefing', 'said in a television interview': the
    occasion a reported statement was made at took place, dated or not."""
    if verb is None or tok.lemma_.lower() not in SPEECH_SETTINGS or verb.lemma_.lower() not in SAY_VERBS or tense_of(verb) != "past":
        return False
    if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
        return False  # 'during the interview': one told of before, where its day (if any) was given
    if tok.dep_ == "dative" and tok.head.i == verb.i:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during", "at") and tok.head.head.i == verb.i


MEASURE_HEADS = {"week", "day", "month", "year", "hour", "series", "number", "wave", "string", "spate", "kind", "type", "lot", "day"}


def _of_a_measure(head) -> bool:
    """'a week of protests', 'a series of raids', 'three days of mourning': the noun is counted, not reported."""
    return head.like_num or head.ent_type_ in ("DATE", "TIME", "CARDINAL") or head.lemma_.lower() in MEASURE_HEADS


def _proposed(tok, verb) -> bool:
    """'called for a debate', 'urged a raid': the noun is the object of a proposal verb (not an
    adverbial phrase of it: 'at a press conference, he called the situation regrettable')."""
    if verb.lemma_.lower() not in PROPOSAL_VERBS:
        return False
    link = next(a for a in [tok, *tok.ancestors] if a.head.i == verb.i)
    return not (link.dep_ == "prep" and link.lower_ != "for")


def is_people(ctx, tok) -> bool:
    """'migrants', 'Afghans', 'dozens of undocumented migrants', 'protesters', 'they'."""
    if tok.lower_ in ("they", "protesters", "demonstrators") or tok.lemma_.lower() in ("crowd", "group"):
        return True
    if tok.lemma_.lower() in GROUP_NOUNS or ctx.gaz.demonym_code(tok.text) and tok.tag_ in ("NNPS", "NNS"):
        return True
    if tok.ent_type_ == "NORP" and tok.tag_ in ("NNPS", "NNS"):
        return True  # a people with no country of its own ('three Rohingya', plural nationality or group names)
    if tok.lower_ in ("dozens", "hundreds", "thousands", "millions", "tens", "scores", "total", "number") or tok.like_num:
        return any(is_people(ctx, p) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj")
    return False


def _realis(verb) -> bool:
    """A verb that reports something happening or announced, not a wish, a purpose, a possibility
    or a participle describing a noun ("migrants expelled from the United States")."""
    if verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in verb.children):
        return False
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    chain = [verb]
    while _bare_complement(chain[-1]) and len(chain) < 6:
        chain.append(chain[-1].head)  # 'threatened to cut aid, close the border and deploy troops', 'could see refugees detained'
    for v in chain:
        if _denied(v):
            return False  # 'did not close': negated, it did not happen
        auxes = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
        if "to" in auxes or auxes & MODALS:
            return False
        if v.dep_ in ("xcomp", "advcl", "pcomp", "acl") and v.tag_ == "VB":
            return False
    return True


def _bare_complement(verb) -> bool:
    """A verb that takes its reality from the verb above: a coordinated verb, or a bare infinitive
    or participle complement with no auxiliary of its own ('could see refugees detained')."""
    if verb.head.i == verb.i:
        return False
    if verb.dep_ == "conj":
        return True
    return verb.dep_ in ("ccomp", "xcomp") and verb.tag_ in ("VB", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _verb_trigger_ok(ctx, tok, lemma: str) -> bool:
    objects = verb_objects(tok)
    obj_words = {w.lemma_.lower() for c in objects for w in c.subtree}
    if lemma == "block":
        subj = inherited_subject(tok)
        return bool(obj_words & BLOCK_OBJECTS) and (subj is None or is_people(ctx, subj))
    if lemma in ("close", "shut", "seal", "reopen"):  # what is closed is a border, not 'border gaps'
        heads = {w.lemma_.lower() for c in objects for w in (c, *[x for x in c.subtree if x.dep_ == "conj" and x.head.i == c.i])}
        return bool(heads & BORDER_OBJECTS)
    if lemma == "deploy":
        return bool(obj_words & FORCE_OBJECTS)
    if lemma in ("visit", "travel"):
        goals = [c for c in tok.children if c.dep_ in ("dobj", "prep", "npadvmod", "advmod")]  # not a coordinated clause's places
        return any(ctx.key_at(w.i) for c in goals for w in c.subtree) or bool(obj_words & {"area", "border", "island", "camp"})
    if lemma in ("cross", "pour"):
        subj = inherited_subject(tok)
        return subj is not None and is_people(ctx, subj)
    if lemma == "rescue":  # '104 people were rescued': people saved, in a past clause
        theme = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
        return theme is not None and is_people(ctx, theme) and tense_of(tok) == "past"
    if lemma == "rule":
        subj = inherited_subject(tok)
        return subj is not None and subj.lemma_.lower() in ("court", "judge", "tribunal")
    if lemma in ("meet", "convene"):
        return (tok.tag_ in ("VBD", "VBZ", "VBP", "VBN") or _is_future(tok)) and inherited_subject(tok) is not None
    if lemma == "suspend":
        return bool(obj_words & {"visa", "issuance", "flight", "entry", "asylum", "program", "programme", "permit", "crossing", "trade"})
    if lemma == "announce":
        return inherited_subject(tok) is not None
    if lemma == "find":
        return any(c.lower_ == "dead" for c in tok.children)
    if lemma == "take":
        return bool(obj_words & {"office", "power"})
    if lemma == "pass":
        return bool(obj_words & {"law", "legislation", "bill", "act", "amendment", "decree", "reform"})
    if lemma in ("capsize", "sink"):
        subj = inherited_subject(tok)
        return subj is not None and subj.lemma_.lower() in ("boat", "vessel", "ship", "dinghy", "raft", "ferry", "craft")
    if lemma in ("sue", "sign", "deliver", "expel", "deport", "arrest", "detain"):
        return tok.tag_ in ("VBD", "VBZ", "VBP", "VBN", "VBG")
    return False


def _is_future(verb) -> bool:
    """'will meet', 'shall convene': a bare verb with a future auxiliary."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in verb.children)


def _noun_trigger_ok(tok, etype: str) -> bool:
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" or tok.dep_ == "compound":
        return False
    if not (tok.tag_ in ("NNS", "NNPS") or any(c.dep_ in ("det", "amod", "compound", "poss", "nummod", "nmod") for c in tok.children)):
        return False
    if etype in ("meeting", "summit", "visit", "blockade", "lawsuit", "ruling", "arrest", "letter", "announcement", "treaty",
                 "agreement", "rescue", "shipwreck"):
        # a real occurrence: with a determiner or modifier, not a generic mention in a compound
        return tok.dep_ != "compound"
    if etype in ("deadline",):
        return True
    return False


def _closure_label(ctx, tok) -> str:
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            for sub in child.subtree:
                key = ctx.key_at(sub.i)
                if key and ctx.kind(key) is Kind.CROSSING:
                    return f"{ctx.entities[key].name} closure"
    return "border closure"


def _deadlines(ctx) -> list:
    """'you have 103 days left to leave' -> a deadline on publication + 103 days;
    'X set November 1 for expelling...' -> a deadline on that date."""
    facts = []
    for tok in ctx.tokens:
        if tok.lemma_.lower() == "set" and tok.pos_ == "VERB" and not ctx.in_quote(tok):
            dated = [c for c in tok.children if c.dep_ in ("dobj", "npadvmod") and c.ent_type_ == "DATE"]
            if dated:
                sent = ctx.sent_of(tok)
                ent = next(e for e in ctx.ents_in(sent) if e.start <= dated[0].i < e.end)
                value = resolve_date(ent.text, ctx.article.published, ctx.sent_text(sent), "future")
                actor = actor_for(ctx, tok)
                if value:
                    facts.append(EventFact("deadline", "deadline", ctx.country_of(actor) if actor else ctx.home_country, value,
                                           ctx.evidence(sent, "event.deadline-set-date", 0.7), actors=(actor,) if actor else ()))
    for sent in ctx.sents:
        dl = deadline_date(ctx.sent_text(sent), ctx.article.published)
        if dl and not any(t.lemma_.lower() in ("deadline", "ultimatum") for t in sent):
            place = next((ctx.key_at(t.i) for t in sent if ctx.key_at(t.i) and ctx.kind(ctx.key_at(t.i)) is Kind.COUNTRY), None)
            facts.append(EventFact("deadline", "deadline", place, dl[0], ctx.evidence(sent, "event.deadline-days-left", 0.7)))
    return facts


def _emergency_declarations(ctx) -> list:
    facts = []
    for sent in ctx.sents:
        low = ctx.sent_text(sent).lower()
        if "state of emergency" in low or "state of siege" in low or "martial law" in low:
            tok = next(t for t in sent if t.lower_ in ("state", "martial"))
            actor = actor_for(ctx, tok)
            place = place_for(ctx, tok) or (ctx.country_of(actor) if actor else None) or ctx.home_country
            label = "martial law" if "martial law" in low else "state of emergency"
            facts.append(EventFact(label, "state of emergency declaration", place, date_for(ctx, tok),
                                   ctx.evidence(sent, "event.emergency-declaration", 0.75), actors=(actor,) if actor else ()))
    return facts


def extract_elections(ctx, roles: list[RoleFact]) -> list:
    facts = []
    for tok in ctx.tokens:
        low, lemma = tok.lower_, tok.lemma_.lower()
        is_term = lemma == "term" and any(c.lower_ in ("second", "third", "fourth", "fifth", "new") for c in tok.lefts)
        is_round = _is_election_round(tok)
        if not (is_term or is_round or (tok.pos_ in ("NOUN", "PROPN") and (low in ELECTION_NOUNS or lemma in ELECTION_NOUNS))):
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _is_election_round(tok.head.head):
            continue  # "the first round of the presidential election": the round is the event
        mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound")]
        if lemma in ("poll", "vote", "ballot") and not any(m.lower_ in ELECTION_MODIFIERS for m in mods):
            continue
        if any(m.lower_ in ("opinion", "exit") for m in mods):
            continue
        label = "re-election" if is_term else _round_label(tok) if is_round else " ".join([m.text for m in mods if m.ent_type_ != "DATE" and not m.like_num and m.lower_ in ELECTION_MODIFIERS] + [tok.text])
        sent = ctx.sent_of(tok)
        date = _span_after_anchor(ctx, tok) or date_for(ctx, tok) or _date_inside(ctx, tok)
        candidates = _candidates(ctx, tok, roles)
        country = _election_country(ctx, tok, candidates)
        facts.append(EventFact(label, "election", country, date, ctx.evidence(sent, "election.noun", 0.75),
                               candidates=tuple(candidates)))
    return facts


ROUND_ORDINALS = {"first": "first round", "second": "runoff", "final": "runoff"}


def _is_election_round(tok) -> bool:
    """'the first round of elections', 'the second round of the presidential vote', 'the first-round vote'."""
    if tok.lemma_.lower() != "round" or not any(c.lower_ in ROUND_ORDINALS for c in tok.children if c.dep_ == "amod"):
        return False
    of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return any(g.lemma_.lower() in ELECTION_NOUNS or g.lower_ in ELECTION_NOUNS for g in of)


def _span_after_anchor(ctx, tok) -> str | None:
    """'imposed sanctions exactly one year after flawed elections': the noun after 'N years after'
    happened that long before the clause's own day (its date, else publication for a clause in the
    present or in the article's lead)."""
    after = tok.head
    if tok.dep_ != "pobj" or after.lower_ != "after":
        return None
    span = next((c for c in after.children if c.dep_ == "npadvmod" and c.ent_type_ == "DATE"), None)
    ent = next((e for e in ctx.ents_in(ctx.sent_of(tok)) if e.label_ == "DATE" and span is not None and e.start <= span.i < e.end), None)
    verb = after.head
    if ent is None or verb.pos_ not in ("VERB", "AUX") or not ctx.article.published:
        return None
    anchor = date_for(ctx, verb, anywhere_inside=False)
    sents = ctx.sents
    in_lead = len(sents) <= LEAD_SENTENCES or ctx.sent_of(tok).start < sents[LEAD_SENTENCES].start
    if anchor is None and (tense_of(verb) == "present" or in_lead):
        anchor = ctx.article.published
    return span_before(ent.text, anchor) if anchor and len(anchor) == 10 else None


def _round_label(tok) -> str:
    return next(ROUND_ORDINALS[c.lower_] for c in tok.children if c.dep_ == "amod" and c.lower_ in ROUND_ORDINALS)


def _date_inside(ctx, tok) -> str | None:
    sent = ctx.sent_of(tok)
    for ent in ctx.ents_in(sent):
        if ent.label_ == "DATE" and tok.left_edge.i <= ent.start <= tok.i:
            return resolve_date(ent.text, ctx.article.published, ctx.sent_text(sent), tense_of(tok))
    return None


def _candidates(ctx, tok, roles) -> list[str]:
    found: list[str] = []
    # "runoff between X and Y"
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("between", "against"):
            for sub in child.subtree:
                key = ctx.key_at(sub.i)
                if key and ctx.kind(key) is Kind.PERSON and key not in found:
                    found.append(key)
    if tok.lemma_ == "term" or _is_election_round(tok):
        verb = tok.head if tok.head.pos_ == "VERB" else tok.head.head
        subj = inherited_subject(verb) if verb is not None else None
        key = ctx.subject_entity(subj) if subj is not None else None
        if key is None and verb is not None and verb.dep_ == "relcl":
            key = ctx.entity_of(verb.head)
        if key is None and subj is not None:
            key = _fronted_pronoun_referent(ctx, subj)
        if key and ctx.kind(key) is Kind.PERSON:
            found.append(key)
    # "undecided on endorsing X or Y in the runoff": whom one backs in an election stands in it
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "in" else None
    if verb is not None and verb.lemma_.lower() in ENDORSE_VERBS:
        for obj in verb_objects(verb):
            for sub in (obj, *[x for x in obj.subtree if x.dep_ == "conj"]):
                key = ctx.key_at(sub.i)
                if key and ctx.kind(key) is Kind.PERSON and key not in found:
                    found.append(key)
        if found:
            return found
    # "X faces Y", "X against Y" in the election's sentence
    for t in ctx.sent_of(tok):
        if t.lemma_.lower() in ("face", "challenge", "defeat", "beat", "run", "contest") and t.pos_ == "VERB":
            for arg in [c for c in t.children if c.dep_ in ("nsubj", "dobj")] + [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("against", "for") for g in c.children]:
                for sub in (arg, *[x for x in arg.subtree if x.dep_ in ("appos", "conj")]):
                    key = ctx.key_at(sub.i)
                    if key and ctx.kind(key) is Kind.PERSON and key not in found:
                        found.append(key)
    found += [k for k in _standing_candidates(ctx, tok) if k not in found]
    found += [k for k in _outcome_candidates(ctx, tok) if k not in found]
    if not found:
        # office holders named in the same sentence run in it (not one who only acts around it)
        holders = {r.person for r in roles}
        actor = _circumstance_actor(ctx, tok)
        for t in ctx.sent_of(tok):
            key = ctx.key_at(t.i)
            if key and key in holders and key not in found and key != actor and ctx.kind(key) is Kind.PERSON:
                found.append(key)
    return found


# Verbs whose subject brings something about: 'elections led to the continuation of X as president',
# 'the vote returned X to power', 'the poll resulted in the re-election of X'.
OUTCOME_VERBS = {"lead", "result", "return", "bring", "keep", "hand", "deliver", "give", "usher", "install", "sweep"}


def _outcome_candidates(ctx, tok) -> list[str]:
    """People an election's outcome names ('led to the continuation of X', 'returned X to power')
    stood in it."""
    verb = _verb_of_subject(tok)
    if verb is None:  # 'elections led to ...' misparsed as a participle of the noun: only intransitive 'lead to', 'result in' read so
        verb = next((c for c in tok.rights if c.dep_ == "acl" and c.lemma_.lower() in ("lead", "result")), None)
    if verb is None or verb.lemma_.lower() not in OUTCOME_VERBS:
        return []
    args = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    args += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "in") for g in c.children if g.dep_ == "pobj"]
    found = []
    for arg in args:  # the person, or the person of a nominalisation ('the victory of X', 'the return of X')
        of = [g for c in arg.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        for t in [arg, *of]:
            key = ctx.entity_of(t)
            if key and ctx.kind(key) is Kind.PERSON and key not in found:
                found.append(key)
    return found


def _circumstance_actor(ctx, tok) -> str | None:
    """'X has made it an issue in the election', 'X campaigned ahead of the vote': an election in a
    prepositional phrase is a circumstance of the clause; its subject acts around the election
    (campaigning, commenting), which does not make them a candidate."""
    verb = next((anc for anc in tok.ancestors if anc.pos_ in ("VERB", "AUX")), None)
    if verb is None or not any(a.dep_ == "prep" for a in [tok, *tok.ancestors] if a.i != verb.i and verb.i in {x.i for x in a.ancestors}):
        return None
    subj = inherited_subject(verb)
    return ctx.subject_entity(subj) if subj is not None else None


STANDING_VERBS = {"win", "lose", "lead", "trail", "finish", "garner", "receive", "secure", "poll", "take", "get", "come"}
STANDING_WORDS = {"percent", "%", "vote", "votes", "poll", "polls", "round", "place", "ballot", "ballots", "seat", "seats", "share"}


def _standing_candidates(ctx, tok) -> list[str]:
    """'X, who won 49 percent', 'X leads the polls', 'Y came second': people named by their
    standing in a poll or result, in the election's sentence, stand in it."""
    found = []
    for t in ctx.sent_of(tok):
        if t.pos_ != "VERB" or t.lemma_.lower() not in STANDING_VERBS:
            continue
        args = {w.lower_ for c in t.children if c.dep_ in ("dobj", "prep", "npadvmod", "advmod", "attr", "oprd", "acomp") for w in c.subtree}
        ordinal = t.lemma_.lower() in ("come", "finish") and args & {"first", "second", "third"}
        if not (args & STANDING_WORDS or ordinal):
            continue
        subj = subject_of(t)
        key = ctx.subject_entity(subj) if subj is not None else None
        if key is None and t.dep_ == "relcl":
            key = ctx.entity_of(t.head)
        if key and ctx.kind(key) is Kind.PERSON and key not in found:
            found.append(key)
    return found


def _fronted_pronoun_referent(ctx, pron) -> str | None:
    """'Since he lost the first round, X has...': a pronoun in a clause fronted before the main
    clause refers to the main clause's subject, named after it."""
    if pron.lower_ not in ("he", "she") or ctx.in_quote(pron):
        return None
    root = ctx.sent_of(pron).root
    main = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if main is None or main.i < pron.i or pron.i in {t.i for t in main.subtree}:
        return None
    key = ctx.entity_of(main)
    return key if key and ctx.kind(key) is Kind.PERSON else None


def _election_country(ctx, tok, candidates) -> str | None:
    """The country of the election's own modifier ('the Belarusian presidential election', 'elections
    in X'), else of its candidates, else of a place in its clause or the clause that clause hangs on
    ('sanctions on Minsk one year after flawed elections': Belarus), else the article's country when
    the sentence names no other: no country rather than a wrong one."""
    own = [t for t in tok.subtree if t.i < tok.i or t.dep_ == "pobj" and t.head.head.i == tok.i and t.head.lower_ in ("in", "of")]
    for t in own:
        key = ctx.key_at(t.i)
        if key and ctx.kind(key) in (Kind.COUNTRY, Kind.PLACE) and ctx.country_of(key) and not _too_wide(ctx, key):
            return ctx.country_of(key)
    for c in candidates:
        country = ctx.country_of(c)
        if country:
            return country
    clauses = _clause_and_parent(tok)
    named = set()
    for t in sorted(ctx.sent_of(tok), key=lambda t: abs(t.i - tok.i)):  # the country or town named nearest the election
        key = ctx.key_at(t.i)
        if not key or ctx.kind(key) not in (Kind.COUNTRY, Kind.PLACE) or not ctx.country_of(key) or _too_wide(ctx, key):
            continue
        if _clause_verb(t) in clauses and not _names_a_frontier(t) and not _names_a_person(ctx, t) and not _acts_elsewhere(t, tok):
            return ctx.country_of(key)
        named.add(ctx.country_of(key))
    main = ctx.main_country
    return main if main and named <= {main} and not _too_wide(ctx, main) else None


def _acts_elsewhere(place, election) -> bool:
    """'Canada imposed sanctions on X after flawed elections': the subject of the clause the election
    hangs on is who acts about it, not where it was held."""
    return place.dep_ in ("nsubj", "nsubjpass") and place.head.i != _clause_verb(election)


def _clause_verb(tok):
    """The verb of the clause ``tok`` stands in (None outside any clause)."""
    return next((a.i for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _clause_and_parent(tok) -> set:
    """The election's own clause and the clause it hangs on ('sanctions on Minsk after elections led to ...')."""
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return {None}
    parent = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return {verb.i} | ({parent.i} if parent is not None and verb.dep_ in ("advcl", "relcl", "pcomp", "ccomp") else set())


def _names_a_frontier(tok) -> bool:
    """'the U.S.-Mexico border': a country in the name of a border or crossing names one of its sides."""
    cur = tok
    for _ in range(4):
        if cur.dep_ not in ("compound", "nmod", "amod", "punct") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lower_ in BORDER_OBJECTS:
            return True
    return False


def _other_day(a: str | None, b: str | None) -> bool:
    """Two dates that cannot be the same day ('2022' and '2023-01-01'; not '2023-01' and '2023-01-05')."""
    return bool(a and b) and not (a.startswith(b) or b.startswith(a))


def _merge(facts: list[EventFact]) -> list[EventFact]:
    """One event per (type, label, place): later mentions fill in a missing date."""
    merged: dict[tuple, EventFact] = {}
    order = []
    def same(k, key) -> bool:  # same type, and one label's words within the other's ("ruling", "court ruling")
        a, b = set(k[1].split()), set(key[1].split())
        return k[0] == key[0] and (a <= b or b <= a)

    for f in facts:
        key = (f.event_type, f.label.lower(), f.place)
        loose = next((k for k in order if same(k, key) and (merged[k].date is None) != (f.date is None)), None)
        if loose is not None and key not in merged:
            old = merged[loose]
            if old.date is None:  # the dated mention is the event; the undated one only alluded to it
                merged[loose] = EventFact(f.label, f.event_type, f.place or old.place, f.date, f.evidence, f.actors or old.actors, f.candidates or old.candidates)
            continue
        if key in merged and _other_day(merged[key].date, f.date):
            key = (*key, f.date)  # 'repatriated 2,030 people this year' and 'last year': two events of one kind
        if key not in merged:
            merged[key] = f
            order.append(key)
        else:
            old = merged[key]
            if old.date is None and f.date:
                merged[key] = EventFact(old.label, old.event_type, old.place, f.date, old.evidence, old.actors, old.candidates or f.candidates)
            elif not old.candidates and f.candidates:
                merged[key] = EventFact(old.label, old.event_type, old.place, old.date, old.evidence, old.actors, f.candidates)
    return [merged[k] for k in order]
