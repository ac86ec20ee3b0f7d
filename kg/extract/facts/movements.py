"""Groups of people who move, or want to move, from where to where (cq06).

A movement is a verb or noun of moving whose mover is a group of people — a migrant noun or a
demonym plural. The mover of a verb of going is its subject, found also through control and
coordination ("migrants tried to reach X"), participles ("migrants heading for X") and relative
clauses ("refugees who fled X"); the mover of a verb of sending is its object or passive subject
("were deported to X"), and the sender, when it is a state or a place, is where they leave from
("Britain deported ... to X"). "from X" and "leave X" give the origin, "into/to/for X" the
destination, on the verb or on the group noun ("migrants from Iraq"); each of a list of places
gives its own row. A demonym group with no stated origin comes from its country ("Venezuelans
entered Peru"), "their homeland" or "sent back" is that country too, and an influx with no stated
destination arrives in the country the article is about. A state that receives a group is its
destination, a boat carrying a group takes it where the boat goes, and a bulleted list under
"X has bused:" gives one movement per item.
"""
from __future__ import annotations

from ..gazetteer import SUPRANATIONAL
from ..lexicon import GROUP_NOUNS, MIGRANT_MODIFIERS
from ..records import Kind, MovementFact
from .quantities import story_place
from .syntax import subject_of

MOVE_VERBS = {"leave", "flee", "cross", "head", "travel", "return", "go", "move", "arrive", "enter", "pour", "migrate",
              "escape", "come", "walk", "sail", "flow", "reach", "land", "flock", "stream", "trek", "journey",
              "emigrate", "immigrate", "disembark"}
SEND_VERBS = {"send", "deport", "expel", "transfer", "bus", "fly", "return", "relocate", "transport", "take",
              "repatriate", "remove", "evacuate", "smuggle", "ship", "airlift", "bring", "drive", "shift", "escort"}
# A state that receives a group is where it arrives: "the country received 180,000 migrants from X".
RECEIVE_VERBS = {"receive", "admit", "welcome", "accept", "host"}
VEHICLES = {"boat", "vessel", "ship", "dinghy", "bus", "plane", "aircraft", "flight", "truck", "lorry", "train", "raft", "craft"}
# "make the journey to X", "attempt the crossing": a noun of moving as the object of these is the subject's trip
TRIP_VERBS = {"make", "attempt", "undertake", "begin", "risk", "complete", "embark"}
# "make their way to X", "push their way into X", "make it to X": a verb of going by its object
WAY_VERBS = {"make", "push", "find", "wind", "work", "fight", "force", "wend"}
MOVE_NOUNS = {"arrival", "influx", "entry", "flow", "exodus", "departure", "return", "crossing", "flight", "transfer",
              "deportation", "repatriation", "journey", "surge", "expulsion", "relocation", "trip", "voyage", "passage"}
# "died during the trip from X to Y": a trip with no group word is the clause subject's
TRIP_NOUNS = {"trip", "voyage", "passage", "journey", "crossing"}
SENDING_NOUNS = {"deportation", "transfer", "repatriation", "return", "expulsion", "relocation"}
# An influx with no stated destination comes into the country the article is about.
INCOMING_NOUNS = {"arrival", "influx", "surge"}
# Plain "people" move when the verb itself says they are displaced.
DISPLACEMENT_LEMMAS = {"flee", "escape", "evacuate", "deport", "repatriate", "expel", "remove", "exodus",
                       "deportation", "repatriation"}
# ... and so do people crossing into a country: "people entering Mexico".
BORDER_CROSSING_LEMMAS = DISPLACEMENT_LEMMAS | {"enter", "cross"}
MOVING_MODIFIERS = {"detained", "displaced", "deported", "evacuated", "rescued", "fleeing", "returning", "expelled"}
GROUP_WORDS = GROUP_NOUNS | {"individual"}
# "those arrested were taken to X", "those fleeing tried to enter X": participles that make
# 'those' a group of people held or on the move.
THOSE_PARTICIPLES = {"arrest", "detain", "rescue", "flee", "evacuate", "deport", "intercept", "apprehend", "displace",
                     "return", "expel", "repatriate"}
PLAIN_PEOPLE = {"people", "person", "family", "child", "resident", "national", "citizen", "worker", "individual"}
COUNT_WORDS = {"hundreds", "thousands", "dozens", "millions", "tens", "scores", "busloads", "planeloads", "boatloads",
               "groups", "group", "number", "wave", "all", "most", "many", "some"}
ARRIVING = {"arrive", "land", "disembark"}
RETURNING = {"return", "repatriate", "repatriation"}
LEAVING = {"flee", "escape", "leave", "pour", "cross", "migrate", "emigrate", "exodus", "departure"}
# A group that just leaves, with no place stated, may be leaving the country it is in, not its own:
# "Afghans are leaving (Pakistan)", "families left behind".
LEAVING_ANYWHERE = {"leave", "departure"}
CONTINENT_DEMONYMS = {"Africans", "Asians", "Europeans"}
REGION_PREFIXES = {"Central", "South", "North", "Latin", "West", "East", "Western", "Eastern", "Northern", "Southern"}
QUANTIFIERS = {"many", "several", "some", "few", "most", "more", "other", "numerous", "countless"}
HOME_WORDS = {"homeland", "home", "country"}
# Common nouns that name a place one can be moved to: "reception centres", "other states".
DESTINATION_NOUNS = {"border", "frontier", "coast", "port", "camp", "centre", "center", "state", "city", "town",
                     "island", "shore", "depot", "territory", "region", "province", "facility", "shelter"}
FACILITY_NOUNS = {"camp", "centre", "center", "shelter", "facility", "depot", "site", "hotel"}
NAMED_PLACE_CLASSES = {"city", "town", "village", "province", "region", "island", "state", "district", "port"}
# "migrants stranded at the border": where a group stays before it moves
STAYING = {"strand", "camp", "live", "hold", "detain", "trap", "wait", "stick", "shelter", "house"}
STAYING_PLACES = {"border", "camp", "port", "island", "coast", "frontier"}
BULLETS = ("•", "*", "·", "▪", "-", "–")
MAX_LIST_LINES = 40
LIST_WINDOW = 600  # tokens looked back for the line that opens a list
TO_WORDS = {"into", "to", "for", "toward", "towards", "onto"}
THEY = {"they", "them"}
# "a migrant ... he was trying to reach X": a singular pronoun for one member of a group
ONE_OF_THEM = {"he", "she", "him", "her"}
# "in the hope of reaching X", "in a bid to reach X": the noun of purpose is the goer's
PURPOSE_NOUNS = {"hope", "bid", "attempt", "effort", "quest", "search", "hopes", "order"}
# Sending that takes a group away from where it is: the sender or "from X" is a movement even
# when no destination is stated ("Japan may now deport failed asylum seekers").
REMOVAL_LEMMAS = {"deport", "expel", "repatriate", "remove"}
# "deportation flights to X": flights of people a noun of sending names, with no group word
FLIGHT_NOUNS = {"flight", "plane", "charter"}
SENT_GROUP = {"deportation": "deportees", "removal": "deportees", "repatriation": "returnees", "evacuation": "evacuees"}
PLACE_KINDS = {Kind.COUNTRY, Kind.PLACE, Kind.CROSSING}
SENDER_KINDS = {Kind.COUNTRY, Kind.GOVERNMENT, Kind.PLACE}


def group_of(ctx, tok, plain_ok: bool = False) -> tuple[str, str | None] | None:
    """(label, country) if ``tok`` heads a group of people: 'undocumented migrants', 'Afghans'.
    Plain 'people' count only with a demonym or migrant word, or when ``plain_ok`` (fleeing)."""
    if tok.lower_ == "those":
        return _those_label(tok)
    if tok.lower_ in COUNT_WORDS or tok.like_num:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return group_of(ctx, pobj, plain_ok)
        return None
    described = _described_person(ctx, tok)
    if described is not None:
        return described
    demonym, code = _demonym(ctx, tok)
    lemma = tok.lemma_.lower()
    if not demonym and lemma not in GROUP_WORDS:
        return None
    clause = _displacement_clause(tok) if not demonym and lemma in PLAIN_PEOPLE else None
    if clause is not None:
        return _group_label(tok) + " " + clause, None  # "people who fled X", "people fleeing X"
    if not demonym and lemma in PLAIN_PEOPLE and not plain_ok:
        # plain people count when a demonym or migrant word qualifies them
        mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound")]
        if not any(ctx.gaz.demonym_code(m.text) or m.lower_ in MIGRANT_MODIFIERS or m.lower_ in MOVING_MODIFIERS
                   for m in mods):
            return None
    label = _group_label(tok)
    country = ctx.country(code) if code else None
    if country is None:
        for m in tok.lefts:
            mc = ctx.gaz.demonym_code(m.text)
            if mc:
                country = ctx.country(mc)
    return label, country


def _described_person(ctx, tok) -> tuple[str, str | None] | None:
    """'Ana Ruiz, a Venezuelan migrant, ...': a named person whom an apposition calls a migrant
    or refugee moves as one of them, under their own name."""
    if tok.pos_ != "PROPN" or (key := ctx.key_at(tok.i)) is None or ctx.kind(key) is not Kind.PERSON:
        return None
    appos = next((c for c in tok.children if c.dep_ == "appos" and c.lemma_.lower() in GROUP_WORDS - PLAIN_PEOPLE), None)
    if appos is None:
        return None
    code = next((ctx.gaz.demonym_code(m.text) for m in appos.lefts if ctx.gaz.demonym_code(m.text)), None)
    return ctx.entities[key].name, (ctx.country(code) if code else None)


def _those_label(tok) -> tuple[str, None] | None:
    """'those arrested', 'those fleeing': 'those' with a participle on it names the people the
    participle says were taken or are moving."""
    part = next((c for c in tok.rights if c.dep_ in ("acl", "amod") and c.tag_ in ("VBN", "VBG")
                 and c.i == tok.i + 1 and c.lemma_.lower() in THOSE_PARTICIPLES), None)
    return ("those " + part.text, None) if part is not None else None


def _demonym(ctx, tok) -> tuple[bool, str | None]:
    """(is a demonym plural, its country), read with its name words: 'South Sudanese' is South
    Sudan, 'Central Americans' people of a region with no one country (not the United States)."""
    if not (tok.text[:1].isupper() and tok.tag_ in ("NNPS", "NNS", "NNP")):
        return False, None
    if tok.text in CONTINENT_DEMONYMS:
        return True, None  # "Africans trying to reach Libya": people of no one country
    code = ctx.gaz.demonym_code(tok.text)
    prefix = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if code and prefix:
        whole = ctx.gaz.demonym_code(" ".join(c.text for c in prefix + [tok]))
        if whole or prefix[-1].text in REGION_PREFIXES:
            return True, whole
    return code is not None, code


def _displacement_clause(tok) -> str | None:
    """'who fled Ukraine', 'fleeing the war': a short clause on a plain people noun that makes
    them displaced people."""
    for child in tok.rights:
        if child.dep_ in ("relcl", "acl") and child.lemma_.lower() in BORDER_CROSSING_LEMMAS:
            words = [t for t in child.subtree if t.i > tok.i]
            cut = next((k for k, t in enumerate(words) if t.is_punct or t.dep_ in ("cc", "conj", "prep") and t.head.i == child.i and k > 1), len(words))
            words = words[:cut]
            if 0 < len(words) <= 4:
                return " ".join(t.text for t in words)
    return None


def _group_label(tok) -> str:
    """The group noun with its modifiers: 'Honduran and Salvadoran asylum-seekers'."""
    # a plural noun is no compound of a group ("the routes migrants use" misparsed)
    mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod") and not (c.dep_ == "compound" and c.tag_ == "NNS")]
    if not mods:
        return tok.text
    words = [t for t in tok.doc[min(m.left_edge.i for m in mods):tok.i + 1]
             if not t.like_num and t.ent_type_ != "DATE" and t.dep_ not in ("det", "poss", "case", "nummod", "quantmod")
             and t.lower_ not in QUANTIFIERS
             and not (t.is_punct and t.text != "-")]
    return " ".join(t.text for t in words).replace(" - ", "-")


def _antecedent(ctx, tok, plural: bool = True):
    """The group 'they'/'them' stands for: the nearest plural participant (subject, object, 'of'
    noun) before it, in its sentence or the one before, if it is a group ("... the flow of
    migrants. Police took them to the border"); for 'he'/'she' (not ``plural``), the nearest
    singular participant or named person, if it is one of a group ("a migrant died ... he was
    trying to reach X")."""
    sent = ctx.sent_of(tok)
    start = sent.start
    if start > 0:
        start = ctx.sent_of(ctx.tokens[start - 1]).start
    for j in range(tok.i - 1, start - 1, -1):
        cand = ctx.tokens[j]
        if cand.pos_ not in ("NOUN", "PROPN") or (cand.tag_ in ("NNS", "NNPS")) != plural:
            continue
        if cand.dep_ in ("nsubj", "nsubjpass", "dobj", "appos") or (cand.dep_ == "pobj" and cand.head.lower_ == "of"):
            # the nearest plural participant; "them" after "caught the smugglers" is not the migrants before
            return cand if group_of(ctx, cand) else None
    return None


def _purpose_verb(tok):
    """The verb a purpose phrase hangs on: 'flock [in the hope of] reaching X', 'left [in a bid]
    to reach X' -> flock, left."""
    noun = tok.head.head if tok.dep_ == "pcomp" and tok.head.lower_ == "of" else tok.head if tok.dep_ == "acl" else None
    if noun is None or noun.lemma_.lower() not in PURPOSE_NOUNS or noun.dep_ != "pobj":
        return None
    verb = noun.head.head
    return verb if noun.head.lower_ == "in" and verb.pos_ in ("VERB", "AUX") else None


def _reduced_relative_subject(verb):
    """'one of the routes migrants from X use to enter Y': a finite verb with no subject of its
    own, right after a group noun's phrase, is a relative clause whose subject is that group."""
    if verb.left_edge.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return None
    prev = verb.doc[verb.left_edge.i - 1]
    cur = prev
    for _ in range(6):
        if cur.tag_ in ("NNS", "NNPS") and cur.lemma_.lower() in GROUP_WORDS:
            return cur
        if cur.head == cur or cur.head.right_edge.i != prev.i:
            return None
        cur = cur.head
    return None


def _mover_of_going(tok):
    """Who goes: the verb's subject, else the subject or object it inherits through control,
    coordination, participles, relative clauses and purpose phrases ("in the hope of reaching")."""
    cur = tok
    for _ in range(5):
        subj = subject_of(cur)
        if subj is not None:
            if cur.dep_ == "relcl" and subj.lower_ in ("who", "that", "which"):
                return cur.head
            return subj
        purpose = _purpose_verb(cur)
        if purpose is not None:
            cur = purpose
            continue
        if cur.dep_ in ("acl", "relcl"):
            return cur.head
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":
            # "deter migrants from crossing"
            return next((c for c in cur.head.head.children if c.dep_ == "dobj"), None)
        if cur.dep_ in ("xcomp", "ccomp"):
            obj = next((c for c in cur.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj  # "forced migrants to leave", "allowed people to travel"
        if cur.dep_ == "advcl" and cur.tag_ in ("VBP", "VBD", "VBZ"):
            reduced = _reduced_relative_subject(cur)
            if reduced is not None:
                return reduced  # "the routes migrants from X use to enter Y"
        if cur.dep_ == "advcl":
            obj = next((c for c in cur.head.children if c.dep_ == "dobj"
                        and c.ent_type_ not in ("QUANTITY", "CARDINAL", "MONEY", "DATE")), None)  # not "travel 800km to ..."
            if obj is not None and obj.right_edge.i + 1 == cur.left_edge.i:
                return obj  # "a boat carrying migrants trying to reach X": the participle is the object's
        if cur.dep_ not in ("xcomp", "conj", "advcl", "ccomp") or cur.head is cur:
            return None
        cur = cur.head
    return None


def _is_passive(verb) -> bool:
    """'were deported', 'migrants deported to X' (a past participle on a noun)."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN")


def _mover_of_sending(verb):
    """Who is sent: the object, the passive subject ("were deported"), the noun a past
    participle qualifies ("migrants deported to X"), or the subject a passive infinitive
    inherits ("agreed to be transported")."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is not None:
        return obj
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    if _is_passive(verb) and verb.dep_ in ("xcomp", "conj"):
        return _mover_of_going(verb)
    if verb.dep_ == "conj":
        return _mover_of_sending(verb.head) if verb.head.lemma_.lower() in SEND_VERBS else None
    return None


def _sender_origin(ctx, verb) -> str | None:
    """Where a sending starts from when the sender is a state or a place: "Hungary takes them
    to ...", "the government of X repatriated ...", "allow the US to deport ..."."""
    if _is_passive(verb):
        agent = next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
    else:
        agent = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if agent is None and verb.dep_ in ("xcomp", "ccomp"):
            agent = next((c for c in verb.head.children if c.dep_ == "dobj"), None) or subject_of(verb.head)
        if agent is None and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
            return _sender_origin(ctx, verb.head)
    if agent is None or agent.lower_ in THEY:
        return None
    key = ctx.subject_entity(agent)
    if key is None and agent.lemma_.lower() in ("government", "authority") and not any(
            c.dep_ in ("amod", "compound", "poss", "prep") for c in agent.children):
        home = ctx.home_country  # "the government" of a story is its home country's
        return None if home is None or _is_union(ctx, home) else home
    if key is None or ctx.kind(key) not in SENDER_KINDS:
        return None
    return key if ctx.kind(key) is Kind.PLACE else ctx.country_of(key)


def _own_phrase(tok) -> list:
    """Tokens of ``tok``'s phrase without its conjuncts and clauses ("Iraq" of "Iraq, Syria")."""
    skip = {t.i for c in tok.children if c.dep_ in ("conj", "cc", "appos", "relcl", "acl", "punct")
            for t in c.subtree}
    return [t for t in tok.subtree if t.i not in skip]


def _conjuncts(tok) -> list:
    """A noun and the nouns coordinated with it: 'Iraq, Syria and Chad'."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
            out.extend(_conjuncts(c))
    return out


def _place_in(ctx, tok, create: bool = True) -> str | None:
    """The place a phrase names: a known country or place in it, else (``create``) a proper name
    or a place noun ('reception centres', 'the Hungarian border'), not 'one side' or 'deaths'."""
    phrase = _own_phrase(tok)
    for sub in phrase:
        key = ctx.place_named_at(sub)  # a name, or a demonym on a region noun, not "the South American nation"
        if key and ctx.kind(key) in PLACE_KINDS:
            return ctx.country_of(key) if ctx.kind(key) is Kind.COUNTRY else key
    if not create or tok.lemma_.lower() in HOME_WORDS:
        return None
    if tok.pos_ == "PROPN" or tok.lemma_.lower() in DESTINATION_NOUNS:
        words = [t for t in phrase if t.dep_ != "det" and t.tag_ != "PRP$" and not (t.is_punct and t.text != "-")]
        words = words[:6 + sum(t.text == "-" for t in words[:8])]
        if words and words[-1].dep_ in ("prep", "case"):
            words = words[:-1]
        if words:
            return ctx.add(Kind.PLACE, "".join(t.text_with_ws for t in words).strip(), words[0].i, words[-1].i + 1)
    return None


def _places(ctx, pobj, create: bool) -> list[str]:
    """The place of each coordinated noun: 'from Iraq, Syria and African countries'; each town
    of 'centres in the cities of X and Y'."""
    out = []
    for t in _conjuncts(pobj):
        for place in _named_list(ctx, t) or [_its_country(ctx, t) or _place_in(ctx, t, create)]:
            if place and place not in out:
                out.append(place)
    return out


def _its_country(ctx, tok) -> str | None:
    """'X's efforts to address the arrival of refugees in its country': the country named last
    before 'its country' (or 'its territory', 'its soil') in the sentence."""
    if tok.lemma_.lower() not in ("country", "territory", "soil") or not any(c.lower_ == "its" for c in tok.children):
        return None
    for j in range(tok.i - 1, ctx.sent_of(tok).start - 1, -1):
        key = ctx.key_at(j)
        if key and ctx.kind(key) is Kind.COUNTRY and not _is_union(ctx, key):
            return key
    return None


def _named_list(ctx, tok) -> list[str]:
    """'the cities of X and Y', 'the islands of X, Y and Z': each name a place-class noun lists
    is a place, whatever the tagger made of it (not people, not a name the resolver knows otherwise)."""
    for noun in _own_phrase(tok):
        if noun.lemma_.lower() not in NAMED_PLACE_CLASSES or noun.tag_ != "NNS":
            continue
        names = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN"]
        names = [n for first in names for n in _conjuncts(first) if n.pos_ == "PROPN"]
        if len(names) < 2:
            continue
        out = []
        for name in names:
            key = ctx.key_at(name.i)
            if key and ctx.kind(key) is Kind.PERSON:
                return []
            if key is None or ctx.kind(key) not in PLACE_KINDS:
                words = [t for t in ctx.tokens[name.left_edge.i:name.i + 1] if t.pos_ == "PROPN"]
                key = ctx.add(Kind.PLACE, " ".join(t.text for t in words), words[0].i, name.i + 1)
            out.append(ctx.country_of(key) if ctx.kind(key) is Kind.COUNTRY else key)
        return out
    return []


def _home(ctx, pobj, group_country) -> str | None:
    """'their homeland', 'their home country': the group's own country, else 'home country'."""
    if pobj.lemma_.lower() not in HOME_WORDS:
        return None
    mods = {c.lower_ for c in pobj.children}
    if not mods & {"their", "his", "her", "its"} and "home" not in mods and pobj.lower_ != "homeland":
        return None
    if group_country:
        return group_country
    if pobj.lower_ == "country" and "home" in mods:
        return ctx.add(Kind.PLACE, "home country", pobj.i - 1, pobj.i + 1)
    return None


def _endpoints(ctx, heads, group_country, lemma: str) -> tuple[list, list]:
    """Origins and destinations stated by the preps and objects of the movement's words."""
    origins: list = []
    destinations: list = []

    def add(target, places):
        target.extend(p for p in places if p and p not in target)

    for head in heads:
        children = list(head.children)
        # "into their homeland from neighboring Pakistan": the parser may hang "from" on the destination
        children += [g for c in head.children if c.dep_ == "prep" and c.lower_ in TO_WORDS
                     for p in c.children if p.dep_ == "pobj" for g in p.children if g.dep_ == "prep" and g.lower_ == "from"]
        for child in children:
            if child.dep_ == "dobj" and lemma in ("leave", "flee", "escape") and head.pos_ == "VERB":
                add(origins, _places(ctx, child, create=False))
            if child.dep_ == "dobj" and lemma in ("reach", "enter") and head.pos_ == "VERB":
                add(destinations, _places(ctx, child, create=False) or _union_at(ctx, child))
            if child.dep_ in ("advmod", "prt") and child.lower_ in ("back", "home") and group_country:
                add(destinations, [group_country])
            if child.dep_ not in ("prep", "dative"):
                continue
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            if child.lower_ == "from":
                add(origins, _places(ctx, pobj, create=pobj.ent_type_ in ("GPE", "LOC", "FAC")))
                # "from X to Y": the parser may hang "to Y" on "from"
                for to_obj in (p for to in child.children if to.dep_ == "prep" and to.lower_ in TO_WORDS
                               for p in to.children if p.dep_ == "pobj"):
                    add(destinations, _places(ctx, to_obj, create=True))
            elif child.lower_ in TO_WORDS:
                home = _home(ctx, pobj, group_country)
                add(destinations, [home] if home else _places(ctx, pobj, create=True))
            elif child.lower_ in ("in", "on", "at") and lemma in ARRIVING and head.pos_ == "VERB":
                add(destinations, _places(ctx, pobj, create=False))  # "arrived in Lampedusa"
    return origins, destinations


def _group_origins(ctx, group_tok) -> list:
    """'migrants from Afghanistan, Turkey and Chad', 'migrants — mostly from Iraq —'; where a
    group is before it moves: 'migrants stranded at the border', 'groups of migrants who are in X'."""
    out: list = []
    nouns = [group_tok] + [p for c in group_tok.children if c.dep_ == "prep" and c.lower_ == "of"
                           for p in c.children if p.dep_ == "pobj"]
    for noun in nouns:
        for clause in noun.children:
            staying = (clause.dep_ == "acl" and clause.lemma_.lower() in STAYING) or (
                clause.dep_ == "relcl" and clause.lemma_ == "be" and any(c.lower_ in ("who", "that") for c in clause.children))
            if not staying:
                continue
            for prep in clause.children:
                if prep.dep_ == "prep" and prep.lower_ in ("at", "in", "on"):
                    for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                        out.extend(p for p in _places(ctx, pobj, create=pobj.lemma_.lower() in STAYING_PLACES) if p not in out)
    for child in group_tok.children:
        preps = [child] if child.dep_ == "prep" else [c for c in child.children if c.dep_ == "prep"] if child.dep_ in ("appos", "advmod") else []
        for prep in preps:
            if prep.lower_ != "from":
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    out.extend(p for p in _places(ctx, pobj, create=False) if p not in out)
    return out


def _union_at(ctx, tok) -> list:
    """'use to enter the European Union': a union of states one enters, even when the resolver
    filed it as an organisation."""
    key = ctx.key_at(tok.i)
    names = {name for name, _ in SUPRANATIONAL.values()}
    return [key] if key and (_is_union(ctx, key) or ctx.entities[key].name in names) else []


def _is_union(ctx, key: str) -> bool:
    """A union of states (the EU) is not a country people arrive in."""
    entity = ctx.entities.get(key)
    return entity is not None and entity.iso_code in SUPRANATIONAL


def _host_country(ctx, tok, origins: list) -> str | None:
    """Where an influx with no stated destination arrives: the first country the sentence names
    that is also the one the article is about ("Bulgaria ... combat a growing migrant influx")."""
    about = {ctx.home_country, ctx.main_country} - {None}
    for t in ctx.sent_of(tok):
        if t.ent_type_ not in ("GPE", "LOC"):
            continue  # not "European" of "European Commission"
        country = ctx.country_of(ctx.key_at(t.i))
        if country in about and country not in origins and not _is_union(ctx, country):
            return country
    return None


def _sending_home(ctx, destinations: list) -> list:
    """A group sent to other countries by no stated sender leaves the country the article is
    about: "immigrants were transferred to X" in a story about the state that deports. Only
    when every destination is a foreign country, not a camp or town inside the home country."""
    home = ctx.home_country
    if home is None or _is_union(ctx, home) or home in destinations:
        return []
    if not destinations or any(ctx.kind(d) is not Kind.COUNTRY for d in destinations):
        return []
    return [home]


def _it_host(ctx, verb, origins: list) -> str | None:
    """'It has accepted 2,400 evacuees': a state named by 'it' is the country the article is about."""
    subj = subject_of(verb)
    home = ctx.home_country
    if subj is None or subj.lower_ != "it" or home is None or home in origins or _is_union(ctx, home):
        return None
    return home


def _is_facility(ctx, key: str) -> bool:
    """A camp, centre or shelter named by a common noun: somewhere near the story, not a city."""
    entity = ctx.entities.get(key)
    return (entity is not None and entity.kind is Kind.PLACE
            and entity.name.lower().split(" in ")[0].split()[-1].rstrip("s") in FACILITY_NOUNS)


def _story_origin(ctx, destinations: list) -> list:
    """A group sent by no stated sender to a camp, centre or town leaves the place the story is
    set in (the lead's or the dateline's place): "police evacuated a camp in X ... migrants were
    taken to reception centres"."""
    if not destinations or not all(_is_facility(ctx, d) for d in destinations):
        return []
    place = story_place(ctx)
    if place is None or place in destinations or ctx.kind(place) is Kind.COUNTRY:
        return []
    return [place]


def _vehicle_of(verb):
    """The boat, bus or plane that carries: 'a boat carrying migrants', 'the bus carried 40 people'."""
    vehicle = verb.head if verb.dep_ == "acl" else subject_of(verb)
    return vehicle if vehicle is not None and vehicle.lemma_.lower() in VEHICLES else None


def _vehicle_verbs(verb) -> list:
    """Where the vehicle goes says where its passengers go: 'The vessel, carrying 90 migrants,
    was en route to X from Y' — the vehicle's own verb, and 'en route' on it."""
    vehicle = _vehicle_of(verb)
    if vehicle is None or vehicle.dep_ not in ("nsubj", "nsubjpass"):
        return []
    gov = vehicle.head
    return [gov] + [t for t in gov.subtree if t.lower_ == "route" and gov.i in (t.head.i, t.head.head.i)]


def _movement_at(ctx, tok) -> tuple:
    """(group token, how) if ``tok`` is a verb or noun of moving: how is 'go', 'send', 'receive',
    'carry' or 'noun'; (None, None) otherwise."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        if lemma in SEND_VERBS:
            mover = _mover_of_sending(tok)
            if mover is not None:
                return mover, "send"
        if lemma in RECEIVE_VERBS:
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            return (obj, "receive") if obj is not None else (None, None)
        if lemma == "carry" and _vehicle_of(tok) is not None:
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            return (obj, "carry") if obj is not None else (None, None)
        if tok.lower_ == "bound" and any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
            return _mover_of_going(tok), "go"  # "migrants bound for X", "they were bound for X"
        way = lemma in WAY_VERBS and any(c.dep_ == "dobj" and c.lower_ in ("way", "it") for c in tok.children)
        if lemma in MOVE_VERBS or way:
            return _mover_of_going(tok), "go"
        return None, None
    if tok.pos_ == "NOUN" and lemma == "way" and tok.head.lower_ == "on" and tok.head.dep_ == "prep":
        # "migrants on their way to X", "they were on their way to X"
        holder = tok.head.head
        if holder.pos_ in ("NOUN", "PROPN"):
            return holder, "go"
        obj = next((c for c in holder.children if c.dep_ == "dobj" and c.right_edge.i + 1 == tok.head.i), None)
        return obj if obj is not None else _mover_of_going(holder), "go"  # "detained migrants on their way to X"
    if tok.pos_ == "NOUN" and lemma in MOVE_NOUNS:
        mover = next((c for c in tok.lefts if c.dep_ == "compound" or (c.dep_ == "amod" and c.lemma_.lower() in GROUP_NOUNS)), None) or next(
            (p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)
        if mover is None and tok.dep_ == "dobj" and tok.head.lemma_.lower() in TRIP_VERBS:
            mover = _mover_of_going(tok.head)  # "migrants attempt the crossing to X": who makes the trip
        if (mover is None and lemma in TRIP_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ in ("during", "on")
                and tok.head.head.pos_ == "VERB"):
            mover = _mover_of_going(tok.head.head)  # "three refugees died during the trip from X to Y"
        return mover, "noun"
    return None, None


def _movement_facts(ctx, tok) -> list:
    group_tok, how = _movement_at(ctx, tok)
    group_tok = _resolve_mover(ctx, group_tok, tok)
    if group_tok is None or (tok.pos_ == "NOUN" and group_of(ctx, group_tok) is None):
        return _flight_facts(ctx, tok) or _host_facts(ctx, tok)
    # "deported 50 Afghans and 20 Iraqis to ...": each conjoined group moves; so does each
    # group of an 'including' list ("500 migrants, including 30 Cubans and 90 Haitians")
    groups = _conjuncts(group_tok) + _included(ctx, group_tok)
    return [fact for each in groups for fact in _group_movement(ctx, tok, each, how)]


def _included(ctx, group_tok) -> list:
    """'migrants, including 26 Colombians, 58 Dominicans and 3,349 Haitians': the demonym groups
    a group is said to include, each of which makes the same move."""
    out = []
    for prep in group_tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("including", "among"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                stack = [pobj]
                while stack:
                    t = stack.pop()
                    if _demonym(ctx, t)[0]:
                        out.append(t)
                    stack.extend(c for c in t.children if c.dep_ in ("conj", "appos"))
    return sorted(out, key=lambda t: t.i)


def _the_group(tok) -> bool:
    """'The group left X': a definite 'group' with nothing of its own names the group before it."""
    return (tok.lemma_.lower() == "group" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            and not any(c.dep_ in ("prep", "amod", "compound", "acl", "relcl") for c in tok.children))


def _of_them(tok):
    """'50 of them disembarked': the 'them' a count of a group picks from."""
    if not (tok.like_num or tok.lower_ in COUNT_WORDS):
        return None
    return next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj" and p.lower_ in THEY), None)


def _group_within(ctx, noun, verb):
    """'cutting off the entry point for migrants travelling ..., trying to reach X': a participle
    the parser hung on the clause after an object is the nearest group's in that object."""
    clause = verb
    while clause.dep_ in ("xcomp", "conj") and clause.head != clause:
        clause = clause.head  # "trying to make it to X": the participle the infinitive hangs on
    if group_of(ctx, noun) is not None:
        return noun
    if clause.dep_ == "advcl" and noun.right_edge.i + 1 == clause.left_edge.i:
        pass  # "cutting off the point for migrants ..., trying to reach X"
    elif not (clause.dep_ == "acl" and clause.head == noun):
        return noun  # else "a route for Africans trying to reach X": hung on the phrase's head
    before = [t for t in noun.subtree if t.i < clause.left_edge.i]
    for t in sorted(before, key=lambda t: -t.i):
        if t.pos_ in ("NOUN", "PROPN") and group_of(ctx, t) is not None:
            own = {u.i for u in t.subtree}
            # the group's own phrase runs up to the participle
            return t if all(i in own for i in range(t.i + 1, clause.left_edge.i)) else noun
    return noun


def _host_facts(ctx, tok) -> list:
    """'Colombia is host to 1.7 million Venezuelans': the state a group is hosted by is where it
    came to, from its own country."""
    if not (tok.pos_ == "NOUN" and tok.lemma_.lower() == "host" and tok.dep_ == "attr"):
        return []
    state = subject_of(tok.head)
    key = ctx.subject_entity(state) if state is not None else None
    if key is None or ctx.kind(key) is not Kind.COUNTRY or _is_union(ctx, key):
        return []
    out = []
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"):
        for pobj in (p for p in prep.children if p.dep_ == "pobj"):
            mover = pobj if group_of(ctx, pobj) else next((p for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"
                                                           for p in c.children if p.dep_ == "pobj"), pobj)
            group = group_of(ctx, mover)
            if group is None:
                continue
            label, gcountry = group
            group_key = ctx.add(Kind.GROUP, label, mover.i, mover.i + 1, country=gcountry)
            origin = gcountry if gcountry != key else None
            out.append(MovementFact(group_key, origin, key, ctx.evidence(ctx.sent_of(tok), "movement.host", 0.6)))
    return out


def _flight_facts(ctx, tok) -> list:
    """'deportation flights to X', 'the deportations to X': a noun of sending with no group word
    still moves people, the ones that noun names (deportees, evacuees)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN":
        return []
    kind = next((c.lemma_.lower() for c in tok.lefts if c.dep_ in ("compound", "amod") and c.lemma_.lower() in SENT_GROUP),
                None) if lemma in FLIGHT_NOUNS else lemma if lemma in SENT_GROUP and tok.tag_ == "NNS" else None
    if kind is None:
        return []
    label = SENT_GROUP[kind]
    origins, destinations = _endpoints(ctx, [tok], None, kind)
    destinations = [d for d in destinations if d not in origins]
    if not destinations:
        return []
    origins = origins or _sending_home(ctx, destinations)
    key = ctx.add(Kind.GROUP, label, tok.i, tok.i + 1)
    evidence = ctx.evidence(ctx.sent_of(tok), "movement.flight", 0.6)
    return [MovementFact(key, origin, destination, evidence) for origin in (origins or [None]) for destination in destinations]


def _resolve_mover(ctx, group_tok, verb=None):
    """The group token itself, past a dateline subject, a 'they' standing for a group, a 'he' for
    one member of one, and a participle hung on the wrong clause."""
    if group_tok is None:
        return None
    if verb is not None:
        group_tok = _group_within(ctx, group_tok, verb)
    if group_tok.idx < ctx.dateline_end:
        # "CITY, Country — Thousands of X began ...": the parser may take the dateline for the subject
        group_tok = next((c for c in group_tok.children if c.dep_ == "appos" and c.idx >= ctx.dateline_end), None)
        if group_tok is None:
            return None
    if group_tok.lower_ in THEY or _the_group(group_tok):
        return _antecedent(ctx, group_tok)
    of_them = _of_them(group_tok)
    if of_them is not None:
        return _antecedent(ctx, of_them)
    if group_tok.lower_ in ONE_OF_THEM:
        return _antecedent(ctx, group_tok, plural=False)
    return group_tok


def _group_movement(ctx, tok, group_tok, how: str, item_heads: tuple = ()) -> list:
    """The rows of one group moved by ``tok`` (how: go, send, receive, carry or noun): one per
    origin and destination stated, with the fallbacks the module docstring lists."""
    lemma = tok.lemma_.lower()
    group = group_of(ctx, group_tok, plain_ok=lemma in BORDER_CROSSING_LEMMAS)
    if group is None:
        return []
    label, gcountry = group
    heads = [tok, *item_heads]
    if how == "noun" and tok.dep_ == "dobj":
        heads.append(tok.head)  # "diverted the flow of migrants into Croatia"
    if how == "carry":
        heads.extend(_vehicle_verbs(tok))
    if how == "send":
        # "transport immigrants who are in the country illegally to other states": the parser
        # hangs the destination on the copula of the object's relative clause
        heads.extend(c for c in group_tok.children if c.dep_ == "relcl" and c.lemma_ == "be")
    origins, destinations = _endpoints(ctx, heads, gcountry, lemma)
    for origin in _group_origins(ctx, group_tok):
        if origin not in origins:
            origins.append(origin)
    if how == "send" and not origins:
        sender = _sender_origin(ctx, tok)
        if sender and sender not in destinations:
            origins.append(sender)
    if how == "noun" and lemma in SENDING_NOUNS and not origins:
        # "Britain's deportation of migrants to X": the state that sends
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        key = ctx.entity_of(owner) if owner is not None else None
        if ctx.kind(key) in SENDER_KINDS:
            origins = [key if ctx.kind(key) is Kind.PLACE else ctx.country_of(key)]
    if how == "receive" and not destinations:
        host = _sender_origin(ctx, tok) or _host_country(ctx, tok, origins) or _it_host(ctx, tok, origins)
        destinations = [host] if host and host not in origins else []
    if lemma in INCOMING_NOUNS and not destinations:
        destinations = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "in", "to")
                        for pobj in c.children if pobj.dep_ == "pobj" for p in _places(ctx, pobj, create=False)]
        host = _host_country(ctx, tok, origins) if not destinations else None
        destinations = destinations or ([host] if host else [])
    if lemma in RETURNING and not destinations and gcountry and gcountry not in origins:
        destinations = [gcountry]  # "Syrians returning from Lebanon" go home, "repatriated 90 Haitians"
    if how in ("send", "receive") and not destinations and not (how == "send" and lemma in REMOVAL_LEMMAS and origins):
        return []  # "sent to" nowhere said; but "Japan may deport failed asylum seekers" leaves Japan
    if (how == "send" or lemma in SENDING_NOUNS) and not origins:
        origins = _sending_home(ctx, destinations) or _story_origin(ctx, destinations)
    if not origins and gcountry and how not in ("send", "carry") and gcountry not in destinations and (destinations or lemma in LEAVING - LEAVING_ANYWHERE):
        origins = [gcountry]  # "Venezuelans entered Peru", "thousands of Sudanese fled"
    if not origins and gcountry in destinations and ctx.home_country not in (None, gcountry):
        origins = [ctx.home_country]  # people going home leave the country the article is about
    if not origins and not destinations:
        return []
    key = ctx.add(Kind.GROUP, label, group_tok.i, group_tok.i + 1, country=gcountry)
    evidence = ctx.evidence(ctx.sent_of(tok), f"movement.{how}", 0.7)
    return [MovementFact(key, origin, destination, evidence)
            for origin in (origins or [None]) for destination in (destinations or [None]) if origin != destination]


def _join_halves(facts: list) -> list:
    """One group's origins and destinations stated by two verbs of a sentence make whole
    movements: 'Migrants who crossed from X were taken to Y'."""
    halves: dict = {}
    for f in facts:
        if (f.origin is None) != (f.destination is None):
            halves.setdefault((f.group, f.evidence.sentence), []).append(f)
    out = []
    for f in facts:
        half = halves.get((f.group, f.evidence.sentence), [])
        origins = [h.origin for h in half if h.origin]
        destinations = [h.destination for h in half if h.destination]
        if f not in half or not origins or not destinations:
            out.append(f)
        elif f is half[0]:
            out.extend(MovementFact(f.group, o, d, f.evidence) for o in origins for d in destinations if o != d)
    return out


def _drop_partial(facts: list) -> list:
    """Drop a movement that another states more fully: the same origin, now with a destination
    (any group); the same group and destination, now with an origin."""
    def fuller(f, g):
        if f is g:
            return False
        if f.destination is None and g.destination is not None and f.origin == g.origin:
            return True  # any group: "refugees fleeing X" after "people fled X into Y"
        return f.group == g.group and f.origin is None and g.origin is not None and f.destination == g.destination
    return [f for f in facts if not any(fuller(f, g) for g in facts)]


def _list_intro_verb(ctx, item):
    """The verb a bulleted list completes ("Texas has bused:" / "• 500 migrants to X"): the
    list item's line starts with a bullet, and the first line above that is not an item ends
    with a colon; the verb is what that colon hangs on."""
    if not any(t.text in BULLETS for t in ctx.tokens[max(0, item.i - 4):item.i]):
        return None
    window = ctx.span(max(0, item.i - LIST_WINDOW), item.i + 1)
    text, item_at = window.text, item.idx - window.start
    line_start = text.rfind("\n", 0, item_at) + 1
    if not text[line_start:item_at].lstrip().startswith(BULLETS):
        return None
    end = line_start - 1
    for _ in range(MAX_LIST_LINES):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        line_end, end = end, start - 1
        if not line or line.startswith(BULLETS):
            continue
        if not line.endswith(":"):
            return None
        colon = window.start + text.rindex(":", start, line_end)
        span = ctx.doc.char_span(colon, colon + 1)
        return span[0].head if span is not None and span[0].head.pos_ == "VERB" else None
    return None


def _list_item_facts(ctx, tok) -> list:
    """A verbless bulleted item naming a group, under a verb of sending or going."""
    bullet = tok.head if tok.head.text in BULLETS else None
    if tok.dep_ != "ROOT" and bullet is None:
        return []
    verb = _list_intro_verb(ctx, tok)
    if verb is None:
        return []
    lemma = verb.lemma_.lower()
    how = "send" if lemma in SEND_VERBS else "go" if lemma in MOVE_VERBS else None
    if how is None:
        return []
    return _group_movement(ctx, verb, tok, how, item_heads=(tok,) + ((bullet,) if bullet is not None else ()))


def extract_movements(ctx) -> list:
    """Movement facts of an article: verbs and nouns of moving, and bulleted list items."""
    facts = []
    for tok in ctx.tokens:
        if tok.pos_ in ("VERB", "NOUN"):
            facts.extend(_movement_facts(ctx, tok))
        if tok.pos_ == "NOUN" and (tok.dep_ == "ROOT" or tok.head.text in BULLETS):
            facts.extend(_list_item_facts(ctx, tok))
    return _drop_partial(_join_halves(facts))
