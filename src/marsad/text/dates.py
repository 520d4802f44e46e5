"""Date expressions in Arabic news text, resolved against the publication date.

`find_dates(text, published)` -> [DateMention] in text order, never overlapping (the longest
expression wins: "يوم الخميس 5 كانون الأول" is one absolute mention).

- relative: أمس/الأمس/البارحة (and صباح/مساء/ليل/فجر أمس, الليلة الماضية) = published - 1;
  اليوم/صباح اليوم/فجر اليوم/الليلة = published; أول أمس/أول من أمس/أمس الأول = published - 2;
  "منذ ثلاثة أيام"، "قبل يومين"، "قبل أسبوع" = published - n days (day precision); months and
  years ago give month or year precision; "الثالث من الشهر الجاري/الماضي" is that day of this or
  last month.
- weekday: السبت، يوم الاثنين، مساء الجمعة، فجر الأحد = the last such day on or before published;
  "الخميس الماضي" is a week earlier only when published is itself a Thursday; "المقبل/القادم"
  is the next such day after published.
- absolute: "3 كانون الأول 2024"، "الثالث من ديسمبر"، "3 ديسمبر/كانون الأول"، "12/3/2024"
  (day first; read month first when the middle number cannot be a month), "2024-12-03",
  "ديسمبر 2024" (month), "عام 2024" (year). A missing year is the one that puts the date on or
  before published (after it with المقبل/القادم). Hijri dates need their year ("15 رمضان 1445 هـ")
  and are converted with the arithmetic (tabular) Islamic calendar, which can be one or two days
  off the calendar announced by sighting in a given country.
- period: "خلال الـ24 ساعة الماضية"، "في الساعات الأخيرة" = [published - 1, published];
  "الأسبوع الماضي" = [published - 7, published - 1]; "خلال الأسبوع الماضي"/"الأيام الماضية" =
  [published - 7, published]; "الشهر الماضي" = the previous calendar month; "العام الماضي" = the
  previous year; "هذا الشهر"/"هذا العام" = from its first day to published.

Without a publication date relative, weekday and period mentions get precision "unknown" and null
dates; absolute ones resolve when they give a year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import ahocorasick

from marsad.text._wordlists import alternation, calendar_words, extend_over_marks, norm_range, number_words
from marsad.text.normalize import Normalized, normalize
from marsad.text.numbers import words_value

PRECISIONS = ("day", "range", "month", "year", "unknown")
KINDS = ("relative", "weekday", "absolute", "period")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    start_date: date | None
    end_date: date | None
    precision: str
    kind: str


_CL = r"(?<!\w)(?P<cl>[وف]?[بل]?)"  # proclitics before the first word (left out of the span)
_PART = r"(?:صباح|مساء|ليل|ليله|فجر|ظهر|عصر|ظهيره|ضحي|منتصف ليل|منتصف ليله)"
_PAST = r"(?:الماضي|الماضيه|المنصرم|المنصرمه|الفائت|الفائته|السابق)"
_NEXT = r"(?:المقبل|المقبله|القادم|القادمه)"
_UNITS = {
    "يوم": (1, "d"), "يوما": (1, "d"), "ايام": (1, "d"), "يومين": (2, "d"), "يومان": (2, "d"),
    "اسبوع": (7, "d"), "اسبوعا": (7, "d"), "اسابيع": (7, "d"), "اسبوعين": (14, "d"), "اسبوعان": (14, "d"),
    "شهر": (1, "m"), "شهرا": (1, "m"), "اشهر": (1, "m"), "شهور": (1, "m"), "شهرين": (2, "m"),
    "عام": (1, "y"), "عاما": (1, "y"), "اعوام": (1, "y"), "عامين": (2, "y"), "سنه": (1, "y"), "سنوات": (1, "y"),
    "سنتين": (2, "y"),
}


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    cal = calendar_words()
    wd = alternation({f[2:] for f, c in cal.items() if c.kind == "weekday"})  # forms without ال
    weekday = rf"(?:(?:يوم|{_PART})\s+)?(?:ال|لل|بال)(?P<wd>{wd})"
    months = alternation({f for f, c in cal.items() if c.kind != "weekday"})
    ords = alternation({f for f, w in number_words().items() if w.type == "day_ordinal"})
    units = alternation(set(_UNITS))
    return [
        ("digits", re.compile(r"(?<![0-9./-])(?P<a>[0-9]{1,4})(?P<sep>[/.\-])(?P<b>[0-9]{1,2})(?P=sep)"
                              r"(?P<c>[0-9]{1,4})(?![0-9]|\.[0-9])")),
        ("absolute", re.compile(
            rf"{_CL}(?:{weekday}\s*[،,]?\s*(?:الموافق\s+)?)?"
            rf"(?:(?:(?P<dd>[0-9]{{1,2}})|(?P<do>{ords})(?:\s+من)?)\s*(?:من\s+)?)?"
            rf"(?P<sh>شهر\s+)?(?P<mon>{months})(?!\w)(?:\s*[/(-]?\s*(?:{months})(?!\w)(?:\s*\))?)?"
            rf"(?:\s*[،,]?\s*(?:من\s+)?(?:عام|العام|سنه)?\s*(?P<y>[0-9]{{4}})(?![0-9])(?:\s*(?P<h>ه(?!\w)|هجري\w*))?)?"
            rf"(?:\s+(?:(?P<dir>{_PAST}|{_NEXT})|الجاري|الحالي)(?!\w))?"
        )),
        ("year", re.compile(
            rf"{_CL}(?:عام|العام|سنه|السنه)\s+(?P<y>[0-9]{{4}})(?![0-9])(?:\s*(?P<h>ه(?!\w)|هجري\w*))?")),
        ("two_days", re.compile(rf"{_CL}(?:اول من امس|اول امس|امس الاول)(?!\w)")),
        ("yesterday", re.compile(
            rf"{_CL}(?:(?:(?:{_PART}|يوم)\s+)?(?:امس|البارحه)|الامس|الليله الماضيه|خلال الليل|ليله امس)(?!\w)(?:\s+(?:ال)(?P<wd>{wd}))?")),
        ("today", re.compile(
            rf"{_CL}(?:(?:{_PART}\s+)?(?:هذا اليوم|اليوم)|هذا الصباح|هذا المساء|الليله(?!\s+{_PAST}))(?!\w)"
            rf"(?P<tail>\s+ال(?:(?P<wd>{wd})(?!\w)|(?!ي(?!\w))\w+))?")),
        ("hours", re.compile(
            rf"{_CL}(?:خلال|في|طيله|علي مدي|علي مدار)\s+(?:ال\s*)?(?:(?P<n>[0-9]+)\s+ساعه\s+|الساعات\s+"
            rf"(?:ال\s*(?P<n2>[0-9]+)\s+)?)(?:الماضيه|الاخيره|المنصرمه|الفائته)(?!\w)")),
        ("days", re.compile(
            rf"{_CL}(?P<during>(?:خلال|طيله|علي مدي|علي مدار|في)\s+)?(?:ال)?(?:(?P<n>[0-9]+)\s+)?(?P<u>ايام|اسبوع|اسبوعين)"
            rf"\s+(?:ال\s*(?P<n2>[0-9]+)\s+)?(?:الماضي|الماضيه|الماضيين|الاخيره|الاخير|الاخيرين|المنصرم|المنصرمه|الفائت)(?!\w)")),
        ("month_year", re.compile(
            rf"{_CL}(?:(?:(?:(?P<dd>[0-9]{{1,2}})|(?P<do>{ords}))\s+(?:من\s+)?)?"
            rf"(?:(?P<m>الشهر)|(?P<y>العام|السنه))\s+(?:(?P<past>{_PAST})|الجاري|الحالي|الحاليه|الجاريه)"
            rf"|هذ(?:ا|ه)\s+(?:(?P<m2>الشهر)|(?P<y2>العام|السنه)))(?!\w)")),
        ("ago", re.compile(
            rf"{_CL}(?:منذ|قبل)\s+(?:(?P<n>[0-9]+|[^\s0-9]+(?: عشر)?)\s+)?(?P<u>{units})(?!\w)"
            rf"(?!\s+من(?!\w))(?!\s*[0-9])(?!\s+(?:{months})(?!\w))")),
        ("weekday", re.compile(rf"{_CL}{weekday}(?!\w)(?:\s+(?P<dir>{_PAST}|{_NEXT}))?")),
    ]


def _hijri_to_gregorian(y: int, m: int, d: int) -> date:
    """Tabular (arithmetic) Islamic calendar, civil epoch 16 July 622: may differ by 1-2 days."""
    jd = d + -(-(295 * (m - 1)) // 10) + (y - 1) * 354 + (3 + 11 * y) // 30 + 1948439.5 - 1
    return date.fromordinal(int(jd - 1721425.5) + 1)


def _hijri_month_length(y: int, m: int) -> int:
    if m % 2 == 1 or (m == 12 and (14 + 11 * y) % 30 < 11):
        return 30
    return 29


def _month_range(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _last_weekday(published: date, weekday: int, direction: str | None) -> date:
    back = (published.weekday() - weekday) % 7
    if direction == "next":
        return published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    if direction == "past" and back == 0:
        back = 7
    return published - timedelta(days=back)


def _direction(word: str | None) -> str | None:
    if not word:
        return None
    return "next" if re.fullmatch(_NEXT, word) else "past"


_NOT_TODAY = re.compile(
    r"ال(?:تالي|سابق|ذي|اخير|اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|عالمي|وطني|دولي|موعود|نفسه|ذاته)(?!\w)"
)
_MONTH_CUE = re.compile(r"(?<!\w)(?:في|خلال|منذ|مطلع|اوائل|اواخر|اواسط|منتصف|نهايه|بدايه|حتي)\s+$")
_Res = tuple[date | None, date | None, str, str] | None


def _resolve(name: str, m: re.Match[str], p: date | None) -> _Res:
    """(start, end, precision, kind) of a match, or None to drop it."""
    cal = calendar_words()
    g = m.groupdict()
    if name == "digits":
        a, b, c = int(g["a"]), int(g["b"]), int(g["c"])
        if len(g["a"]) == 4:
            y, mo, d = a, b, c
        elif len(g["c"]) in (2, 4) and len(g["a"]) <= 2:
            y, mo, d = (c + 2000 if c < 100 else c), b, a
            if mo > 12 >= d:
                mo, d = d, mo
        else:
            return None
        try:
            day = date(y, mo, d)
        except ValueError:
            return None
        return day, day, "day", "absolute"
    if name == "absolute":
        cw = cal[re.sub(r"\s+", " ", g["mon"])]
        has_day = bool(g["dd"] or g["do"])
        if cw.ambiguous and not (has_day or g["y"] or g["sh"] or g["dir"] or _MONTH_CUE.search(
                m.string, max(0, m.start() - 8), m.start())):
            return None
        day_n = int(g["dd"]) if g["dd"] else (number_words()[re.sub(r"\s+", " ", g["do"])].value if g["do"] else None)
        if day_n is not None and not 1 <= day_n <= 31:
            return None
        if cw.kind == "hijri_month":
            if not g["y"] or not 1300 <= int(g["y"]) <= 1500:
                return None
            hy = int(g["y"])
            if day_n:
                d0 = _hijri_to_gregorian(hy, cw.index, day_n)
                return d0, d0, "day", "absolute"
            d0 = _hijri_to_gregorian(hy, cw.index, 1)
            return d0, d0 + timedelta(days=_hijri_month_length(hy, cw.index) - 1), "month", "absolute"
        if g["y"]:
            y = int(g["y"])
        elif p is None:
            return None, None, "unknown", "absolute"
        else:
            direction = _direction(g["dir"])
            probe = day_n or 1
            y = p.year
            try:
                if direction == "next":
                    if (cw.index, probe) <= (p.month, p.day if day_n else 0):
                        y += 1
                elif (cw.index, probe) > (p.month, p.day) or (direction == "past" and cw.index == p.month
                                                              and not day_n):
                    y -= 1
            except ValueError:
                return None
        try:
            if day_n:
                d0 = date(y, cw.index, day_n)
                return d0, d0, "day", "absolute"
        except ValueError:
            return None
        s0, e0 = _month_range(y, cw.index)
        if p is not None and s0 <= p < e0 and _direction(g["dir"]) != "next":
            e0 = p
        return s0, e0, "month", "absolute"
    if name == "year":
        y = int(g["y"])
        if g["h"]:
            if not 1300 <= y <= 1500:
                return None
            s0 = _hijri_to_gregorian(y, 1, 1)
            return s0, _hijri_to_gregorian(y + 1, 1, 1) - timedelta(days=1), "year", "absolute"
        if not 1900 <= y <= 2100:
            return None
        return date(y, 1, 1), date(y, 12, 31), "year", "absolute"
    if name == "weekday":
        if p is None:
            return None, None, "unknown", "weekday"
        d0 = _last_weekday(p, cal["ال" + g["wd"]].index, _direction(g["dir"]))
        return d0, d0, "day", "weekday"
    kind = "period" if name in ("hours", "days", "month_year") else "relative"
    if name == "today" and g["tail"] and not g["wd"] and _NOT_TODAY.match(g["tail"].strip()):
        return None  # اليوم التالي، اليوم الأول، اليوم العالمي: a day, not today
    if name == "today" and m.group().lstrip("وفبل").startswith("اليوم") and re.search(
            r"(?:حتي|الي|لغايه)\s+$", m.string[max(0, m.start() - 8):m.start()]):
        return None  # "حتى اليوم" counts up to today; it does not date an event
    if p is None:
        return None, None, "unknown", kind
    if name == "today":
        return p, p, "day", kind
    if name == "yesterday":
        return p - timedelta(days=1), p - timedelta(days=1), "day", kind
    if name == "two_days":
        return p - timedelta(days=2), p - timedelta(days=2), "day", kind
    if name == "hours":
        hours = int(g["n"] or g["n2"] or 24)
        return p - timedelta(days=max(1, -(-hours // 24))), p, "range", kind
    if name == "days":
        n = int(g["n"] or g["n2"] or 0)
        span = {"ايام": n or 7, "اسبوع": 7 * (n or 1), "اسبوعين": 14}[g["u"]]
        if g["u"] == "اسبوع" and not g["during"]:
            return p - timedelta(days=7), p - timedelta(days=1), "range", kind
        return p - timedelta(days=span), p, "range", kind
    if name == "month_year":
        past = bool(g["past"])
        if g["dd"] or g["do"]:  # "في الثالث من الشهر الجاري": a day of this or last month
            if not g["m"]:
                return None
            day_n = int(g["dd"]) if g["dd"] else number_words()[re.sub(r"\s+", " ", g["do"])].value
            first = date(p.year, p.month, 1)
            if past:
                first = (first - timedelta(days=1)).replace(day=1)
            try:
                d0 = first.replace(day=day_n)
            except ValueError:
                return None
            return d0, d0, "day", "relative"
        if g["m"] or g["m2"]:
            if past:
                prev = date(p.year, p.month, 1) - timedelta(days=1)
                return (*_month_range(prev.year, prev.month), "month", kind)
            return date(p.year, p.month, 1), p, "month", kind
        if past:
            return date(p.year - 1, 1, 1), date(p.year - 1, 12, 31), "year", kind
        return date(p.year, 1, 1), p, "year", kind
    if name == "ago":
        mult, unit = _UNITS[g["u"]]
        if g["n"]:
            n = int(g["n"]) if g["n"].isdigit() else words_value(g["n"])
            if n is None or g["u"] in ("يومين", "يومان", "اسبوعين", "اسبوعان", "شهرين", "عامين", "سنتين"):
                return None
        elif g["u"] in ("ايام", "اسابيع", "اشهر", "شهور", "اعوام", "سنوات"):
            return None  # منذ أيام: vague
        else:
            n = 1
        try:
            if unit == "d":
                d0 = p - timedelta(days=n * mult)
                return d0, d0, "day", kind
            months_back = n * mult * (12 if unit == "y" else 1)
            total = p.year * 12 + p.month - 1 - months_back
            y, mo = divmod(total, 12)
            if unit == "y":
                return date(y, 1, 1), date(y, 12, 31), "year", kind
            return (*_month_range(y, mo + 1), "month", kind)
        except (ValueError, OverflowError):
            return None  # "قبل 5000 عام": before year 1, not a date of the news
    return None  # pragma: no cover


@cache
def _pattern_table() -> dict[str, re.Pattern[str]]:
    return dict(_patterns())


@cache
def _anchors() -> ahocorasick.Automaton:
    """Words every date expression contains -> the patterns to try around them.

    Running each pattern over the whole text costs ~2 ms per 2.5 KB (a regex is tried at every
    position); one Aho-Corasick pass and the patterns on small windows around its hits cost ~10x less."""
    names: dict[str, set[str]] = {}
    for key, pats in (
        ("امس", ("yesterday", "two_days")), ("البارحه", ("yesterday",)), ("اليوم", ("today",)),
        ("الليله", ("today", "yesterday")), ("الليل", ("yesterday",)), ("الصباح", ("today",)), ("المساء", ("today",)),
        ("ساعه", ("hours",)), ("الساعات", ("hours",)), ("الشهر", ("month_year",)),
        ("عام", ("year", "month_year")), ("سنه", ("year", "month_year")), ("ايام", ("days",)),
        ("اسبوع", ("days",)),
    ):
        names.setdefault(key, set()).update(pats)
    for unit in _UNITS:
        names.setdefault(unit, set()).add("ago")
    for form, c in calendar_words().items():
        if c.kind == "weekday":
            names.setdefault(form[2:], set()).update(("weekday", "absolute_wd"))
        else:
            names.setdefault(form, set()).add("absolute")
    table = _pattern_table()
    ids = {name: i for i, name in enumerate(table)}
    auto = ahocorasick.Automaton()
    for key, pats in names.items():
        # per anchor: its length, the furthest reach back, and (name, id, pattern, reach) of each name,
        # in name order; the id keys the (pattern, start) pairs already tried as one int
        tries = []
        for n in sorted(pats):
            name = "absolute" if n == "absolute_wd" else n
            tries.append((name, ids[name], table[name], _REACH[n], _NEEDS.get(name)))
        auto.add_word(key, (len(key), max(t[3] for t in tries), tuple(tries)))
    auto.make_automaton()
    return auto


# How many words before its anchor word a pattern may start ("يوم الخميس الحادي والعشرين من شهر" = 6).
# From a weekday, an absolute date starts at most one word back (يوم الخميس 28 نوفمبر); from a
# month name, four (الحادي والعشرين من شهر نوفمبر).
_REACH = {"yesterday": 1, "two_days": 2, "today": 2, "hours": 4, "days": 4, "month_year": 4, "year": 0,
          "ago": 3, "weekday": 2, "absolute": 4, "absolute_wd": 1}
# Words one of which a match of these patterns has near its start (after at most two clitic letters):
# منذ/قبل open "ago"; اول is in all three forms of "two_days", 11 characters in at most (وبامس الاول).
# Without one near the anchor, the tries at its word starts cannot match.
_NEEDS = {"ago": ("منذ", "قبل"), "two_days": ("اول",)}
_DIGIT_RUN = re.compile(r"[0-9][0-9./\-]*")


# Up to `count` whitespace-separated pieces read backwards on the reversed text, never across a line break.
_BACK = [re.compile("")] + [
    re.compile(r"[^\S\n]*(\S+)" + r"(?:[^\S\n]+(\S+)" * (c - 1) + ")?" * (c - 1)) for c in range(1, 6)
]


def _word_starts_before(t: str, r: str, pos: int, count: int) -> list[int]:
    """The start of the word containing pos and of up to `count` words before it (same line, at most
    90 characters back); r is t reversed.

    A word is a whitespace-separated piece, starting at its first letter or digit ("(أمس"); one regex
    match on the reversed text finds the pieces (a character loop, then split/rfind, were slower)."""
    j = pos
    while j > 0 and t[j - 1].isalnum():
        j -= 1
    starts = [j]
    if count == 0:
        return starts
    n = len(t)
    m = _BACK[count].match(r, n - j, n - j + 90 if j > 90 else n)
    if m is None:
        return starts
    for g in range(1, count + 1):
        a = m.end(g)
        if a < 0:
            break
        st = n - a
        if t[st].isalnum():
            starts.append(st)  # the usual case
            continue
        end = n - m.start(g)
        while st < end and not t[st].isalnum():
            st += 1  # a word glued to punctuation: "(أمس"
        if st < end:
            starts.append(st)
    return starts


def _candidates(t: str, ns: int, ne: int) -> list[tuple[int, int, re.Match[str], str]]:
    """Matches of the patterns tried only at word starts near an anchor word (one Aho-Corasick pass)."""
    n = len(t)
    tried: set[int] = set()
    found = []
    r = None
    for last, (length, reach, tries) in _anchors().iter(t, ns, ne):
        if length <= 3 and last + 1 < n and t[last + 1].isalnum():
            continue  # a short anchor inside a longer word (عام in عامل)
        if r is None:
            r = t[::-1]
        starts = _word_starts_before(t, r, last + 1 - length, reach)
        for name, pid, rx, name_reach, needs in tries:
            if needs is not None:
                # the pattern holds one of these words within 11 characters of where it starts
                window = t[starts[-1]:starts[0] + 12]
                for word in needs:
                    if word in window:
                        break
                else:
                    continue
            for st in starts if name_reach >= reach else starts[: name_reach + 1]:
                key = st * 16 + pid
                if st < ns or key in tried:
                    continue
                tried.add(key)
                m = rx.match(t, st, ne)
                if m and m.end() > st:
                    found.append((st, m.end(), m, name))
    if _has_digit_separator(t, ns, ne):
        rx = _pattern_table()["digits"]
        for d in _DIGIT_RUN.finditer(t, ns, ne):
            if d.end() - d.start() >= 6:
                m = rx.match(t, d.start(), ne)
                if m:
                    found.append((m.start(), m.end(), m, "digits"))
    return found


def _has_digit_separator(t: str, ns: int, ne: int) -> bool:
    """Whether t[ns:ne] has a / . or - between two digits, as every "digits" date does.

    str.find over the few separators is cheaper than scanning every character for digits."""
    for sep in "/.-":
        i = t.find(sep, ns + 1, ne - 1)
        while i >= 0:
            if t[i - 1] in _DIGIT_CHARS and t[i + 1] in _DIGIT_CHARS:
                return True
            i = t.find(sep, i + 1, ne - 1)
    return False


_DIGIT_CHARS = frozenset("0123456789")


def find_dates(
    text: str | Normalized, published: date | None, start: int = 0, end: int | None = None
) -> list[DateMention]:
    """Date expressions of `text` (raw str or its `normalize()` result), resolved against `published`.

    With start/end (raw offsets) only expressions inside that range are read, e.g. one sentence of
    a document normalised once; offsets stay offsets into the whole text."""
    norm = text if isinstance(text, Normalized) else normalize(text)
    t = norm.text
    found = _candidates(t, *norm_range(norm, start, end))
    if not found:
        return []
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    out: list[DateMention] = []
    last_end = -1
    for s, e, m, name in found:
        if s < last_end:
            continue
        res = _resolve(name, m, published)
        if res is None:
            continue
        if name == "today" and m.group("tail") and not m.group("wd"):
            e = m.start("tail")  # "اليوم السيطرة": the noun after اليوم is not part of the date
        if "cl" in m.re.groupindex and m.group("cl"):
            s = m.end("cl")  # the span starts at the word, not at a glued و/ف/ب/ل
        rs, re_ = norm.raw_span(s, e)
        if re_ < len(norm.raw) and not norm.raw[re_].isspace():
            re_ = extend_over_marks(norm.raw, re_)
        out.append(DateMention(rs, re_, norm.raw[rs:re_], *res))
        last_end = e
    return out
