"""Normalise date expressions against the article's publication date.

News prose dates things relative to the day it was written: "on Friday" is the Friday of the
publication week (or the coming one when the verb is in the future), "Dec. 14" is the Dec. 14
nearest to publication, "you have 103 days left" counts from publication. The anchoring rules are written here rather than left to dateparser, whose
relative rules get these wrong (for a Friday article "on Friday" comes out as the week before,
"Dec. 14" as the past year); each rule has a test.

>>> resolve_date("on Friday", "2025-11-28")
'2025-11-28'
>>> resolve_date("Dec. 14", "2025-11-28")
'2025-12-14'
>>> resolve_date("in 2023", "2025-11-28")
'2023'
>>> resolve_date("next month", "2025-12-10")
'2026-01'
>>> resolve_date("last week", "2025-12-03")
'2025-11'
>>> days_after("2025-11-28", 103)
'2026-03-11'
"""
from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
FUTURE_CUES = re.compile(r"\b(will|'ll|shall|tomorrow|next|coming (?:days|weeks?|months?|years?|weekend)|upcoming|is set to|are set to|plans? to|scheduled|due to|would)\b", re.I)


def _month(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")[:4] if token.lower().startswith("sept") else token.lower().rstrip(".")[:3]]


def _nearest_year(month: int, day: int, anchor: date, future: bool | None) -> date | None:
    """The month/day in the year that puts it nearest the anchor (within ±6 months)."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    if future is True:
        later = [d for d in options if d >= anchor]
        return min(later, key=lambda d: d - anchor) if later else None
    if future is False:
        earlier = [d for d in options if d <= anchor]
        return min(earlier, key=lambda d: anchor - d) if earlier else None
    return min(options, key=lambda d: abs(d - anchor))


def _weekday(name: str, anchor: date, future: bool) -> date:
    target = WEEKDAYS.index(name.lower())
    delta = (target - anchor.weekday()) % 7
    if future:
        return anchor + timedelta(days=delta or 0)
    return anchor - timedelta(days=(anchor.weekday() - target) % 7)


def days_after(published: str, days: int) -> str:
    return (date.fromisoformat(published) + timedelta(days=days)).isoformat()


SPAN_UNITS = {"day": 1, "week": 7}
SPAN_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}
SPAN = re.compile(r"^(?:exactly |nearly |almost |about |some |just )?(a|an|one|two|three|four|five|six|ten|\d+) (day|week|month|year)s?$")


def span_before(expression: str, anchor: str) -> str | None:
    """'(exactly) one year' before ``anchor`` (ISO day): the date of what happened that long
    before ('one year after the elections' -> the elections are a year before the clause's day)."""
    m = SPAN.match(expression.lower().strip())
    if not m:
        return None
    n = int(m.group(1)) if m.group(1).isdigit() else SPAN_COUNTS[m.group(1)]
    day = date.fromisoformat(anchor)
    if m.group(2) in SPAN_UNITS:
        return (day - timedelta(days=n * SPAN_UNITS[m.group(2)])).isoformat()
    months = day.year * 12 + day.month - 1 - (n * 12 if m.group(2) == "year" else n)
    try:
        return day.replace(year=months // 12, month=months % 12 + 1).isoformat()
    except ValueError:  # 31 March minus one month
        return f"{months // 12:04d}-{months % 12 + 1:02d}"


def resolve_date(expression: str, published: str | None, context: str = "", tense: str | None = None) -> str | None:
    """ISO date (YYYY-MM-DD, YYYY-MM or YYYY) for an expression, or None if it names no time.

    ``tense`` ("past", "future" or None) is the tense of the verb the expression attaches to;
    without it, future cues in ``context`` (usually the sentence) decide for bare weekdays and months.
    """
    text = " ".join(expression.split())
    low = text.lower()
    anchor = date.fromisoformat(published) if published else None
    future = tense == "future" if tense else bool(FUTURE_CUES.search(context or text))
    if anchor is not None and re.search(r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b", low):
        return _with_dateparser(text, anchor)
    m = re.search(r"\b(1[89]\d\d|20\d\d)\b(?!\s*(?:gmt|utc|hrs|hours|local)\b)", low)  # '(1830 GMT)' is a clock time
    year = int(m.group(1)) if m else None
    md = re.search(MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b", low)
    dm = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH_RE, low)
    if md or dm:
        month_token, day = (md.group(1), int(md.group(2))) if md else (dm.group(2), int(dm.group(1)))
        month = _month(month_token)
        if year:
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                return None
        if anchor is None:
            return None
        explicit_past = bool(re.search(r"\blast\b", low))
        found = _nearest_year(month, day, anchor, False if explicit_past else None)
        return found.isoformat() if found else None
    mo = re.search(r"\b" + MONTH_RE + r"(?=\W|$)", low)
    if mo and not (mo.group(1) == "may" and not re.search(r"\b(in|of|since|until|by|last|next|this)\s+may\b", low)):
        month = _month(mo.group(1))
        if year:
            return f"{year:04d}-{month:02d}"
        if anchor is None:
            return None
        if month == anchor.month:
            return f"{anchor.year:04d}-{month:02d}"
        if future or re.search(r"\b(next|for|until|by)\s", low):
            y = anchor.year if month > anchor.month else anchor.year + 1
        elif tense == "past" or re.search(r"\b(last|since|in)\s", low) and tense != "present":
            y = anchor.year if month < anchor.month else anchor.year - 1
        else:  # no tense to go by: the nearest such month
            y = min((anchor.year - 1, anchor.year, anchor.year + 1), key=lambda yy: abs((yy - anchor.year) * 12 + month - anchor.month))
        return f"{y:04d}-{month:02d}"
    if year:
        return str(year)
    if anchor is None:
        return None
    if re.search(r"\btoday|tonight|this morning|this afternoon|this evening\b", low):
        return anchor.isoformat()
    if re.search(r"\blast (night|evening)\b", low):  # the evening before the day of writing
        return (anchor - timedelta(days=1)).isoformat()
    if "tomorrow" in low:
        return (anchor + timedelta(days=1)).isoformat()
    if "yesterday" in low:
        return (anchor - timedelta(days=1)).isoformat()
    if re.search(r"\b(this|earlier this|later this)\s+(month|week)\b", low):
        return anchor.strftime("%Y-%m")
    if re.search(r"\b(last|past|previous) week\b", low):
        return (anchor - timedelta(days=7)).strftime("%Y-%m")
    if re.search(r"\b(next|coming) week\b", low):
        return (anchor + timedelta(days=7)).strftime("%Y-%m")
    if re.search(r"\b(next|coming) month\b", low):
        return (anchor.replace(day=28) + timedelta(days=4)).strftime("%Y-%m")
    if re.search(r"\b(next|coming) year\b", low):
        return str(anchor.year + 1)
    if re.search(r"\blast month\b", low):
        prev = anchor.replace(day=1) - timedelta(days=1)
        return prev.strftime("%Y-%m")
    if re.search(r"\b(this|so far this|earlier this)\s+year\b", low):
        return str(anchor.year)
    if re.search(r"\blast year\b", low):
        return str(anchor.year - 1)
    wd = re.search(r"\b(" + "|".join(WEEKDAYS) + r")\b", low)
    if wd:
        explicit_next = bool(re.search(r"\b(next|coming)\s+" + wd.group(1), low))
        explicit_last = bool(re.search(r"\blast\s+" + wd.group(1), low))
        return _weekday(wd.group(1), anchor, (future or explicit_next) and not explicit_last).isoformat()
    if re.search(r"\bago\b", low):
        return _with_dateparser(text, anchor)
    return None


def _with_dateparser(text: str, anchor: date) -> str | None:
    """Numeric dates ("2023-10-03", "10/03/2023") and counted offsets ("two weeks ago"): dateparser
    reads these well, relative to the publication date."""
    if not re.search(r"\d|\bago\b", text, re.I):
        return None
    import dateparser
    from datetime import datetime

    found = dateparser.parse(text, languages=["en"], settings={
        "RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day), "STRICT_PARSING": False,
        "REQUIRE_PARTS": ["day", "month", "year"] if not re.search(r"\bago\b", text, re.I) else []})
    return found.date().isoformat() if found else None


# Counted from the day of writing: "you have 103 days left", "they have been given 30 days".
DEADLINE_RE = re.compile(r"\b(?:have|has|given|get|gets)\s+(?:only\s+|just\s+)?(\d{1,4})\s+(day|week|month)s?\b(?:\s+left)?", re.I)


def deadline_date(sentence: str, published: str | None) -> tuple[str, int, str] | None:
    """'you have 103 days left to leave' -> (date, 103, 'days') counted from publication."""
    if not published:
        return None
    m = DEADLINE_RE.search(sentence)
    if not m or not re.search(r"\b(left|leave|deadline|or be|or face|ultimatum|to go)\b", sentence, re.I):
        return None
    n, unit = int(m.group(1)), m.group(2).lower()
    days = n * {"day": 1, "week": 7, "month": 30}[unit]
    return days_after(published, days), n, unit + "s"
