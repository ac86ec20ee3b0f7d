"""Vocabulary of general knowledge the rules use: offices, orientations, media cues, event and
measure triggers. None of it names a particular article's people, places or facts."""
from __future__ import annotations

# Office and role nouns (lower case). Multi-word first so the longest wins.
OFFICES = [
    "prime minister", "deputy prime minister", "foreign minister", "interior minister", "defense minister",
    "defence minister", "home secretary", "foreign secretary", "secretary of state", "attorney general",
    "vice president", "president-elect", "presidential candidate", "presidential hopeful", "candidate",
    "president", "premier", "chancellor", "king", "queen", "emir", "sultan", "governor", "gov.",
    "lieutenant governor", "mayor", "senator", "sen.", "congressman", "congresswoman", "representative",
    "rep.", "lawmaker", "minister", "secretary", "commissioner", "director", "director general",
    "director-general", "chief", "head", "spokesperson", "spokesman", "spokeswoman", "ambassador",
    "envoy", "official", "leader", "opposition leader", "party leader", "chairman", "chairwoman",
    "chair", "judge", "attorney", "lawyer", "prosecutor", "general", "commander", "mp", "mep",
    "deputy", "advisor", "adviser", "coordinator", "administrator", "czar", "rapporteur",
    "prefect", "justice", "counterpart", "pm", "high commissioner", "secretary-general", "secretary general",
    "councillor", "councilor", "councilman", "councilwoman", "taoiseach", "tánaiste", "tanaiste",
]
OFFICE_WORDS = {w for o in OFFICES for w in o.split()} - {"of", "state", "general"}
# Forms of address and ranks written before a name ("Mr.", "Dr.", "Gen. Ana Ruiz"): part of no name
# and no office of their own.
HONORIFICS = {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "gen.", "col.", "maj.",
              "capt.", "lt.", "adm.", "sgt."}
# Role words that only count as an office when a name follows them directly.
WEAK_OFFICES = {"head", "chief", "general", "deputy", "chair", "representative", "rep.", "leader", "official"}
CANDIDATE_WORDS = {"candidate", "hopeful", "challenger", "contender", "rival", "nominee", "runner-up"}
PAST_MARKERS = {"former", "ex", "ex-", "outgoing", "late", "then"}
ROLE_MODIFIERS = {
    "regional", "interim", "acting", "deputy", "vice", "chief", "federal", "state", "national",
    "provincial", "local", "top", "senior", "leading", "presidential", "migration", "immigration",
    "border", "foreign", "interior", "home", "defense", "defence", "justice", "security", "police",
    "european", "opposition", "party", "labour", "labor", "conservative", "outgoing", "former",
    "incoming", "new", "current", "sitting", "district", "county", "city", "assistant", "executive",
    "general", "commission", "council", "ministry", "department", "army", "military",
}

# Political orientation and party words (lower case) -> label as written in lower case.
ORIENTATIONS = {
    "leftist", "left-wing", "far-left", "hard-left", "centre-left", "center-left", "left-leaning",
    "rightist", "right-wing", "far-right", "hard-right", "centre-right", "center-right", "right-leaning",
    "conservative", "arch-conservative", "ultraconservative", "ultra-conservative", "liberal",
    "progressive", "socialist", "communist", "marxist", "populist", "nationalist", "centrist",
    "moderate", "libertarian", "green", "social democrat", "social democratic", "christian democrat",
    "islamist", "hardline", "hard-line", "hardliner", "reformist", "anti-immigration", "anti-immigrant",
}
PARTY_WORDS = {
    "republican": "Republican", "democrat": "Democrat", "democratic": "Democratic", "labour": "Labour",
    "labor": "Labor", "tory": "Tory", "tories": "Tory", "gop": "Republican", "conservative": "Conservative",
    "liberal democrat": "Liberal Democrat", "opposition": "opposition", "independent": "Independent",
}

PLATFORMS = {"x", "twitter", "facebook", "instagram", "tiktok", "telegram", "youtube", "whatsapp", "truth social", "threads", "social media", "weibo"}
MEDIA_WORDS = {
    "news", "noticias", "tv", "television", "radio", "times", "post", "journal", "herald", "tribune",
    "gazette", "press", "agency", "channel", "broadcaster", "newspaper", "daily", "reuters", "bbc",
    "cnn", "afp", "ap", "efe", "bloomberg", "al jazeera", "guardian", "telegraph", "le monde",
    "el país", "el pais", "rfe/rl", "anadolu", "dpa", "ansa", "xinhua", "npr", "fox", "msnbc", "abc",
    "nbc", "cbs", "sky", "euronews", "politico", "axios",
}
GOVERNMENT_WORDS = {
    "ministry", "department", "government", "commission", "council", "court", "administration",
    "congress", "parliament", "senate", "cabinet", "police", "patrol", "office", "agency",
    "authority", "authorities", "prosecutor", "prosecutors", "presidency", "guard", "service",
    "directorate", "bureau", "coast guard", "navy", "army", "immigration", "migration", "state",
    "customs", "protection", "security", "homeland", "border", "interior", "defense", "defence",
}
ARMED_FORCES_WORDS = {"armed forces", "army", "military", "navy", "national guard", "guard", "troops", "air force", "marines", "coast guard"}

SAY_VERBS = {
    "say", "tell", "add", "write", "post", "state", "declare", "announce", "warn", "insist", "note",
    "explain", "tweet", "claim", "argue", "stress", "emphasize", "emphasise", "vow", "promise",
    "pledge", "ask", "urge", "reply", "respond", "acknowledge", "admit", "recall", "continue",
    "conclude", "allege", "assert", "charge", "complain", "contend", "predict", "repeat", "report",
}

# Nouns for groups of people on the move (lemma, lower case).
GROUP_NOUNS = {
    "migrant", "immigrant", "emigrant", "refugee", "asylum-seeker", "asylum seeker", "seeker", "foreigner",
    "deportee", "returnee", "national", "citizen", "people", "family", "worker", "traveler", "traveller",
    "evacuee", "displaced", "arrival", "crosser", "exile", "person", "resident", "child", "minor",
    "survivor", "passenger",
}
MIGRANT_MODIFIERS = {"undocumented", "irregular", "illegal", "clandestine", "unauthorized", "stranded", "potential"}

# What a verb must act on to count: "close the border", "deploy troops" (not "close the deal").
BORDER_OBJECTS = {"border", "borders", "crossing", "crossings", "frontier", "port", "bridge"}
FORCE_OBJECTS = {"troop", "soldier", "force", "police", "military", "army", "guard", "officer"}

# Event triggers: lemma -> (event type, label). A trigger counts when it heads a clause or noun phrase.
EVENT_VERBS = {
    "block": ("blockade", "blockade"),
    "blockade": ("blockade", "blockade"),
    "barricade": ("blockade", "blockade"),
    "convene": ("meeting", "meeting"),
    "meet": ("meeting", "meeting"),
    "deploy": ("deployment", "troop deployment"),
    "visit": ("visit", "visit"),
    "travel": ("visit", "visit"),
    "close": ("closure", "border closure"),
    "shut": ("closure", "border closure"),
    "seal": ("closure", "border closure"),
    "reopen": ("reopening", "border reopening"),
    "expel": ("expulsion", "expulsion"),
    "deport": ("deportation", "deportation"),
    "sue": ("lawsuit", "lawsuit"),
    "rule": ("ruling", "court ruling"),
    "suspend": ("suspension", "suspension"),
    "deliver": ("delivery", "delivery"),
    "arrest": ("arrest", "arrests"),
    "detain": ("detention", "detention"),
    "sign": ("signing", "treaty signing"),
    "cross": ("crossing", "crossing"),
    "pour": ("crossing", "crossing"),
    "protest": ("protest", "protest"),
    "rescue": ("rescue", "rescue operation"),
    "install": ("installation", "installation"),
    "announce": ("announcement", "announcement"),
    "capsize": ("shipwreck", "shipwreck"),
    "die": ("death", "death"),
    "drown": ("death", "death"),
    "find": ("death", "death"),  # only "found dead"
    "take": ("taking office", "assumption of office"),  # only "took office/power"
    "pass": ("legislation", "passage of legislation"),  # only with a law as object
    "sink": ("shipwreck", "shipwreck"),
}
# Verbs that govern a proposal or wish, not something that happened.
PROPOSAL_VERBS = {"call", "help", "want", "seek", "propose", "urge", "demand", "plan", "threaten", "ask", "promise", "vow", "pledge", "push", "consider", "request",
                  "curb", "stem", "stop", "prevent", "tackle", "reduce", "fight", "deter"}
EVENT_NOUNS = {
    "blockade": "blockade", "roadblock": "blockade", "meeting": "meeting", "summit": "summit",
    "talks": "meeting", "election": "election", "runoff": "election", "run-off": "election",
    "referendum": "referendum", "vote": "election", "deployment": "deployment", "visit": "visit",
    "trip": "visit", "deadline": "deadline", "ultimatum": "deadline", "closure": "closure",
    "shutdown": "closure", "expulsion": "expulsion", "deportation": "deportation", "lawsuit": "lawsuit",
    "ruling": "ruling", "protest": "protest", "strike": "strike", "raid": "raid", "clash": "clash",
    "attack": "attack", "agreement": "agreement", "deal": "agreement", "treaty": "treaty",
    "arrest": "arrest", "arrests": "arrest", "crossing": "crossing", "surge": "arrival",
    "influx": "arrival", "arrivals": "arrival", "rescue": "rescue", "shipwreck": "shipwreck",
    "announcement": "announcement", "letter": "letter", "declaration": "declaration",
}
ELECTION_NOUNS = {"election", "runoff", "run-off", "referendum", "vote", "poll", "ballot", "primary", "primaries", "elections"}
ELECTION_MODIFIERS = {"presidential", "general", "snap", "parliamentary", "legislative", "gubernatorial", "regional", "local", "municipal", "midterm", "national", "federal", "second-round", "first-round"}

# Measures: key phrase (lower case, matched on lemmas or text) -> measure type.
MEASURE_PHRASES = {
    "state of emergency": "state of emergency",
    "state of siege": "state of emergency",
    "emergency declaration": "state of emergency",
    "disaster declaration": "disaster declaration",
    "martial law": "martial law",
    "crackdown": "crackdown",
    "identity check": "identity checks",
    "id check": "identity checks",
    "border check": "border controls",
    "border control": "border controls",
    "surveillance": "surveillance",
    "deportation plan": "deportation",
    "deportation scheme": "deportation",
    "deportation flight": "deportation",
    "deportation": "deportation",
    "repatriation": "deportation",
    "detention center": "detention",
    "detention centre": "detention",
    "expulsion": "expulsion",
    "curfew": "curfew",
    "visa": "visa restrictions",
    "barrier": "barrier",
    "wall": "barrier",
    "fence": "barrier",
    "fencing": "barrier",
    "buoy": "barrier",
    "container": "barrier",
    "checkpoint": "checkpoints",
    "travel ban": "travel ban",
    "ban": "ban",
    "quota": "quota",
    "treaty": "treaty",
    "legislation": "legislation",
    "law": "legislation",
    "bill": "legislation",
    "lawsuit": "lawsuit",
    "naval blockade": "naval blockade",
    "blockade": "blockade",
    "mission": "mission",
    "operation": "operation",
    "deal": "agreement",
    "agreement": "agreement",
    "amnesty": "regularisation",
    "regularization": "regularisation",
    "regularisation": "regularisation",
    "suspension": "suspension",
    "pushback": "pushbacks",
    "detention": "detention",
    "arrest": "arrests",
    "troop": "troop deployment",
    "soldier": "troop deployment",
    "measure": "measures",
}
MEASURE_VERBS = {
    # verb lemma -> (measure type, label) when the verb itself is the measure
    "deploy": ("troop deployment", "troop deployment"),
    "close": ("border closure", "border closure"),
    "shut": ("border closure", "border closure"),
    "suspend": ("suspension", "suspension"),
    "expel": ("expulsion", "expulsion"),
    "deport": ("deportation", "deportation"),
    "criminalize": ("criminalization", "criminalizing"),
    "criminalise": ("criminalization", "criminalizing"),
    "sue": ("lawsuit", "lawsuit"),
    "detain": ("detention", "detention"),
    "arrest": ("arrests", "arrests"),
    "scrap": ("repeal", "scrap"),
    "trash": ("repeal", "scrap"),
    "repeal": ("repeal", "repeal"),
    "install": ("barrier", "installation"),
    "deliver": ("delivery", "delivery"),
    "send": ("troop deployment", "troop deployment"),
    "break": ("severing of relations", "broke off relations"),
    "sever": ("severing of relations", "severed relations"),
}
MODALITY_VERBS = {
    "declare": "declared", "announce": "announced", "pledge": "pledged", "promise": "pledged",
    "vow": "pledged", "order": "ordered", "decree": "ordered", "impose": "carried out",
    "deploy": "carried out", "implement": "carried out", "introduce": "carried out",
    "close": "carried out", "suspend": "carried out", "install": "carried out", "set": "carried out",
    "sign": "carried out", "pass": "carried out", "launch": "carried out", "expel": "carried out",
    "deport": "carried out", "sue": "carried out", "threaten": "threatened", "warn": "threatened",
    "plan": "planned", "propose": "proposed", "seek": "proposed", "call": "proposed",
    "request": "proposed", "push": "planned", "step": "carried out", "reinforce": "carried out",
    "criminalize": "pledged", "scrap": "pledged", "trash": "pledged", "take": "carried out",
    "approve": "carried out", "adopt": "carried out", "extend": "carried out", "break": "carried out",
    "sever": "carried out", "help": "proposed", "use": "carried out", "build": "carried out",
}

# More measures, found through the parse (objects of verbs of deciding or doing) rather than a
# closed list of events: legal instruments, enforcement operations, restrictions and aid.
MEASURE_PHRASES.update({
    "decree": "decree", "executive order": "decree", "directive": "decree",
    "sanction": "sanctions", "tariff": "tariffs", "embargo": "sanctions",
    "raid": "raid", "evacuation": "evacuation", "eviction": "eviction", "closure": "closure",
    "search and rescue operation": "rescue operation", "rescue operation": "rescue operation",
    "search-and-rescue operation": "rescue operation", "rescue mission": "rescue operation",
    "temporary protection status": "protection status", "temporary protected status": "protection status",
    "protection status": "protection status", "temporary protection": "protection status",
    "transit zone": "reception facility", "transit facility": "reception facility",
    "reception centre": "reception facility", "reception center": "reception facility",
    "razor wire": "barrier", "barbed wire": "barrier", "tear gas": "use of force",
    "national mourning": "national mourning", "mourning": "national mourning",
    "reform": "reform", "overhaul": "reform", "package": "policy", "policy": "policy", "plan": "policy",
    "scheme": "policy", "program": "programme", "programme": "programme", "initiative": "programme",
    "roadmap": "agreement", "pact": "agreement", "accord": "agreement", "memorandum": "agreement",
    "partnership": "agreement", "investigation": "investigation", "inquiry": "investigation",
    "removal": "deportation", "restriction": "restrictions", "requirement": "requirements",
    "checks": "border controls", "control": "border controls", "patrol": "patrols",
    "funding": "funding", "aid": "aid", "order": "decree", "injunction": "court ruling",
    "appeal": "appeal", "exemption": "exemption", "waiver": "exemption",
    "permit": "permits", "resettlement": "resettlement", "relocation": "transfer", "transfer": "transfer",
    "airlift": "evacuation", "repatriation flight": "deportation", "asylum ban": "ban",
})
# Generic measure nouns that say something only with a modifier ("deportation plan", "asylum
# package", "specific program", "plan to fence the border"), not bare ("the plan", "its policy").
GENERIC_MEASURE_NOUNS = {"package", "policy", "plan", "scheme", "program", "programme", "initiative", "order",
                         "control", "requirement", "restriction", "aid", "funding", "reform", "investigation",
                         "inquiry", "measure", "appeal", "permit", "transfer", "removal", "closure", "patrol",
                         "checks", "operation", "mission", "relocation"}
# Proper names of legal instruments and operations: "the Illegal Migration Bill", "Operation Lone Star".
LEGAL_NAME_HEADS = {"act", "bill", "law", "agreement", "treaty", "decree", "accord", "pact", "convention",
                    "protocol", "directive", "regulation", "order", "program", "programme", "plan", "scheme",
                    "status", "partnership", "deal", "compact", "operation", "initiative", "policy"}
MEASURE_VERBS.update({
    "raid": ("raid", "raid"),
    "evacuate": ("evacuation", "evacuation"),
    "evict": ("eviction", "eviction"),
    "rescue": ("rescue operation", "rescue"),
    "seal": ("border closure", "border closure"),
    "repatriate": ("deportation", "repatriation"),
    "transport": ("transfer", "transport"),
    "transfer": ("transfer", "transfer"),
    "relocate": ("transfer", "relocation"),
    "bus": ("transfer", "busing migrants"),
    "cut": ("aid cut", "cut"),
    "tighten": ("restrictions", "tighten"),
    "ban": ("ban", "ban"),
    "bar": ("ban", "bar"),
    "turn": ("pushbacks", "turned away"),
    "return": ("deportation", "return"),
    "secure": ("border security", "secure"),
    "crack": ("crackdown", "crack down"),
    # decisions of courts and judges (the rule checks the subject is one)
    "rule": ("court ruling", "ruling"),
    "reverse": ("court ruling", "reverse"),
    "overturn": ("court ruling", "overturn"),
    "uphold": ("court ruling", "uphold"),
    "reject": ("court ruling", "reject"),
    "block": ("court ruling", "block"),
    "offer": ("funding", "offer"),
    "order": ("expulsion", "ordered to leave"),  # only "ordered X to leave/depart"
    "stop": ("migration control", "stop"),  # only as the content of a pledge: "pledge to stop the boats"
    "curb": ("migration control", "curb"),
    "stem": ("migration control", "stem"),
    "halt": ("migration control", "halt"),
})
MODALITY_VERBS.update({
    "issue": "ordered", "enact": "carried out", "amend": "carried out", "unveil": "announced",
    "offer": "pledged", "provide": "carried out", "form": "carried out", "organize": "carried out",
    "organise": "carried out", "negotiate": "carried out", "strike": "carried out", "reach": "carried out",
    "enforce": "carried out", "grant": "carried out", "tighten": "carried out", "begin": "carried out",
    "start": "carried out", "conduct": "carried out", "carry": "carried out", "mount": "carried out",
    "file": "carried out", "lodge": "carried out", "award": "carried out", "establish": "carried out",
    "attach": "carried out", "erect": "carried out", "construct": "carried out",
})
# Events named by a noun or verb that news reports only as a dated occurrence ("held a news
# conference on Thursday", "a raid on Tuesday", "died on Sunday"): without a date of their own
# these words are too often generic ("deportations are rising") to count as an event.
# Nouns (lemma -> event type): nominalisations of the verb classes of communication, law,
# enforcement, protest, displacement, accident and politics.
DATED_EVENT_NOUNS = {
    "conference": "press conference", "briefing": "briefing", "interview": "interview",
    "statement": "statement", "speech": "speech", "remarks": "statement",
    "decree": "decree", "decision": "decision", "verdict": "ruling", "judgment": "ruling",
    "injunction": "ruling", "appeal": "appeal", "hearing": "hearing", "debate": "debate",
    "raid": "raid", "operation": "operation", "crackdown": "crackdown", "evacuation": "evacuation",
    "eviction": "eviction", "repatriation": "repatriation", "deportation": "deportation",
    "expulsion": "expulsion", "deployment": "deployment", "closure": "closure",
    "reopening": "reopening", "protest": "protest", "demonstration": "protest", "rally": "rally",
    "march": "march", "strike": "strike", "riot": "riot", "clash": "clash", "attack": "attack",
    "shooting": "shooting", "explosion": "explosion", "crash": "accident", "accident": "accident",
    "collapse": "collapse", "surrender": "surrender", "inauguration": "inauguration",
    "ceremony": "ceremony", "sanction": "sanctions", "arrival": "arrival", "landing": "arrival",
    "departure": "departure", "transfer": "transfer", "rescue": "rescue", "shipwreck": "shipwreck",
    "sinking": "shipwreck", "capsizing": "shipwreck", "mourning": "mourning", "surge": "arrival",
    "influx": "arrival", "request": "request", "petition": "petition", "death": "death", "killing": "killing",
    "coup": "coup", "overthrow": "overthrow", "circular": "circular",
}
# Verbs (lemma -> (event type, label)) of the same classes, reported as events when dated.
DATED_EVENT_VERBS = {
    "protest": ("protest", "protest"), "rescue": ("rescue", "rescue"), "die": ("death", "death"),
    "drown": ("death", "death"), "evacuate": ("evacuation", "evacuation"),
    "evict": ("eviction", "eviction"), "raid": ("raid", "raid"),
    "repatriate": ("repatriation", "repatriation"), "clash": ("clash", "clashes"),
    "surrender": ("surrender", "surrender"), "resign": ("resignation", "resignation"),
    "arrive": ("arrival", "arrival"), "shoot": ("shooting", "shooting"),
    "collapse": ("collapse", "government collapse"), "riot": ("riot", "riot"), "march": ("march", "march"),
    "inaugurate": ("inauguration", "inauguration"), "storm": ("storming", "storming"),
    "debate": ("debate", "debate"), "fall": ("collapse", "government collapse"),
}
# Nouns that name an event only with a modifier of their kind: "news conference".
EVENT_NOUN_MODIFIERS = {"conference": {"news", "press"}}
# What can fall or collapse as a political event (not numbers, prices or arrivals).
GOVERNMENT_NOUNS = {"government", "cabinet", "coalition", "regime", "administration"}
