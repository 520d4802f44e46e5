"""A publication date printed in an Arabic page's text ("تاريخ النشر: 12/05/2008").

Older Arabic sites (table layouts, no meta tags) print the date only as text, where htmldate's
non-extensive search does not look. This reads it from a short line that starts with a
publication label, in the normalised text (so Arabic-Indic digits and hamza variants need no
special case). Dates without such a label are not taken: in an article they are usually the
event's date, not the publication's.
"""

from __future__ import annotations

import re
from datetime import date

from marsad.text.normalize import normalize_text

_LABEL = r"(?:تاريخ النشر|تاريخ الاضافه|تاريخ الخبر|نشر في|نشر بتاريخ|تم النشر في|تم النشر بتاريخ)"
_WEEKDAY = r"(?:يوم\s*)?(?:ال)?(?:سبت|احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه)\s*[،,-]?\s*"
_MONTHS = {
    # Egyptian/Gulf, Levantine/Iraqi and Maghrebi names, in normalised spelling
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليو": 7,
    "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8,
    "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    "جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8,
}
_MONTH_ALT = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_DMY = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_YMD = re.compile(r"\b(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\b")
_NAMED = re.compile(rf"\b(\d{{1,2}})\s+(?:{_MONTH_ALT})\b\s*[،,]?\s*(\d{{4}})\b")
# the date must follow the label directly (after punctuation and a weekday): "نشر في المنطقة
# 300 جندي يوم 12/05/2008" is news, not a byline
_LINE = re.compile(rf"^\W*{_LABEL}\s*[:：-]?\s*(?:{_WEEKDAY})?(.{{0,80}})$")
_MAX_LINE = 100


def date_in_text(text: str) -> str | None:
    """"YYYY-MM-DD" from the first short labelled publication-date line of `text`, else None."""
    for line in text.split("\n"):
        if len(line) > _MAX_LINE:
            continue
        m = _LINE.match(normalize_text(line.strip()))
        if m:
            found = _parse(m.group(1))
            if found:
                return found
    return None


def _parse(fragment: str) -> str | None:
    for pattern, order in ((_YMD, "ymd"), (_DMY, "dmy")):
        m = pattern.match(fragment)
        if m:
            a, b, c = (int(g) for g in m.groups())
            return _valid(a, b, c) if order == "ymd" else _valid(c, b, a)
    m = _NAMED.match(fragment)
    if m:
        month_name = re.search(_MONTH_ALT, fragment[m.start():m.end()])
        if month_name:
            return _valid(int(m.group(2)), _MONTHS[month_name.group(0)], int(m.group(1)))
    return None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    return value.isoformat() if 1990 <= year <= 2100 else None
