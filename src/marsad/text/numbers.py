"""Numbers in Arabic news text: digits, Arabic-Indic digits and number words, with qualifiers.

`find_numbers(text)` -> [NumberMention] in text order. Each mention has raw offsets, an integer
`value` (the lower bound for ranges and vague words), `max` for ranges (بين 10 و15, 20-25),
a `qualifier` (exact, at_least, more_than, about, up_to), `vague` for عشرات/مئات/آلاف/بضعة/عدة,
and a `kind` so callers can keep only counts:

- count: anything not recognised as one of the others;
- year: 1900-2100 after عام/منذ/a month, or before م/هـ/punctuation; 1300-1500 before هـ;
- date: numbers inside 12/3/2024, 2024-12-03, 2024.12.02, or a day before a month name;
- percent: before % ٪ بالمئة في المائة; money: before a currency or مليار, after $;
- other: times (10:30), durations, ages and measures (24 ساعة، 12 عاما، 5 كلم), model and unit
  numbers (اللواء 93، F-16، القرار 2254).

Decisions (following ACLED's conservative reading): vague words take their lower bound with
qualifier at_least: عشرات = 10, مئات = 100, آلاف = 1000, بضعة/عدة = 3; "عشرات الآلاف" = 10000.
A decimal (3.5) is not a count and is skipped unless a scale word follows (3.5 مليون). "1.200"
(dot and exactly three digits) is read as 1200. Ordinals (الثاني، الثالثة) are not numbers.
Duals of counted nouns (جنديين = 2) are not mentions; `dual_count(word)` answers them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import ahocorasick

from marsad.text._wordlists import (
    NumberWord,
    alternation,
    calendar_words,
    extend_over_marks,
    norm_range,
    number_words,
)
from marsad.text.normalize import Normalized, normalize, normalize_text

KINDS = ("count", "year", "date", "percent", "money", "other")


@dataclass(frozen=True, slots=True)
class NumberMention:
    start: int
    end: int
    text: str
    value: int
    max: int | None
    qualifier: str
    vague: bool
    kind: str = "count"


@dataclass(slots=True, unsafe_hash=True)  # not frozen only for speed (one per number word); never assign
class _Atom:
    s: int  # normalised offsets of the number itself (clitics excluded)
    e: int
    pre: str  # proclitic letters before it
    type: str  # a numbers.tsv type or "digits"
    value: int
    scale_follows: bool = False


_WORD_TYPES = ("unit", "teen_unit", "ten", "tens", "hundred", "hundreds", "scale", "scale_plural", "vague")
_DIGITS = r"(?<![0-9a-z])[0-9]+(?:[.,٫٬:/\-][0-9]+)*"

# Phrases read just before a number (normalised, single-spaced); a و/ف/ب/ل may be glued to them.
_PRE_QUAL = {
    **dict.fromkeys(("علي الاقل", "ما لا يقل عن", "لا يقل عن", "ما لا تقل عن", "لا تقل عن", "ما لا يقل عن",
                     "لا يقل عددهم عن", "ما لا يقل عددهم عن"), "at_least"),
    **dict.fromkeys(("اكثر من", "ازيد من", "ما يزيد عن", "ما يزيد علي", "يزيد عن", "يزيد علي", "ما يربو علي",
                     "يربو علي", "ما يفوق", "يفوق"), "more_than"),
    **dict.fromkeys(("نحو", "قرابه", "حوالي", "زهاء", "تقريبا", "ما يقارب", "يقارب", "ما يقرب من", "يقرب من"),
                    "about"),
    **dict.fromkeys(("ما يصل الي", "يصل الي", "ما تصل الي", "تصل الي", "حتي"), "up_to"),
}
_PRE_QUAL_KEYS = tuple(sorted(_PRE_QUAL, key=len, reverse=True))
_BETWEEN_KEYS = ("ما بين", "بين")
_YEAR_CUES = ("عام", "العام", "سنه", "السنه", "منذ", "مطلع", "اواخر", "اوائل", "منتصف", "نهايه", "بدايه", "ربيع",
              "صيف", "خريف", "شتاء")
_OTHER_CUES = ("الساعه", "رقم", "الرقم", "القرار", "قرار", "الماده", "البند", "الفقره", "الطريق", "طريق", "عيار",
               "طراز", "اللواء", "الفرقه", "الكتيبه", "الصفحه", "العدد", "المرحله", "الدوره", "الجوله", "الطائره",
               "الموديل", "النسخه")


def _tail_before(t: str, s: int) -> str:
    """The text read by _phrase_before for a number at s (one slice shared by its phrase lists)."""
    return t[max(0, s - 32):s].rstrip()


def _phrase_before(t: str, s: int, phrases: tuple[str, ...], tail: str | None = None) -> int:
    """Start of the phrase (longest first) that ends right before t[s] (spaces between), or -1.

    The phrase must begin a word, possibly after one or two glued clitics (بنحو، وأكثر من).
    `tail` is _tail_before(t, s) when the caller has it."""
    base = max(0, s - 32)
    w = t[base:s].rstrip() if tail is None else tail
    if not w.endswith(phrases):
        return -1
    for p in phrases:
        if w.endswith(p):
            ps = base + len(w) - len(p)
            j = ps
            while j > 0 and ps - j < 2 and t[j - 1] in "وفبل":
                j -= 1
            for k in range(ps, j - 1, -1):
                if k == 0 or not t[k - 1].isalnum():
                    return ps
    return -1


_POST_QUAL = [
    ("at_least", re.compile(r"(?:\s+[^\s\d.,،؛:!?؟\"()]+){0,2}?\s+علي الاقل(?!\w)")),
    ("about", re.compile(r"(?:\s+[^\s\d.,،؛:!?؟\"()]+){0,2}?\s+تقريبا(?!\w)")),
    ("more_than", re.compile(r"\s+و\s*نيف(?!\w)")),
]
_POST_HINT = re.compile(r"الاقل|تقريبا|نيف")
_AND = re.compile(r"\s*و\s*")
_PERCENT = re.compile(r"\s*(?:%|٪|بالمئه|بالمائه|في المئه|في المائه)")
_MONEY = re.compile(
    r"\s*(?:(?:مليون|مليار)\w*\s+)?(?:دولار|ريال|جنيه|دينار|دنانير|ليره|ليرات|يورو|درهم|دراهم|شيكل|شيقل|تومان"
    r"|فرنك|مليار)"
)
_MEASURE = re.compile(
    r"\s*(?:ساعه|ساعات|دقيقه|دقائق|ثانيه|ثوان|يوما|يوم|ايام|اسبوعا|اسبوع|اسابيع|شهرا|شهر|اشهر|شهور|سنه|سنوات"
    r"|سنين|عاما|عام|اعوام|كيلومتر\w*|كيلو|كلم|كم|متر\w*|امتار|ميل|طن|اطنان|درجه|كغ|كيلوغرام\w*|هكتار\w*"
    r"|دونم\w*|ميغاواط|برميل|ملم|ملليمتر)(?!\w)"
)
_YEAR_AFTER = re.compile(r"\s*(?:(?:م|ه|ميلادي\w*|هجري\w*)(?!\w)|[.,،؛:!?؟)\"]|$)")
_SCALE_AFTER = re.compile(r"\s*(?:مليون|مليار|بليون|الف|ملايين|مليارات|الاف)ا?(?!\w)")


@cache
def _matchers() -> tuple[ahocorasick.Automaton, re.Pattern[str], tuple[str, ...]]:
    """Number words as one Aho-Corasick automaton (a regex alternation tried at every word start
    was 10x slower), and the month-name context patterns."""
    auto = ahocorasick.Automaton()
    for f, w in number_words().items():
        if w.type in _WORD_TYPES:
            auto.add_word(f, (f, w))
    auto.make_automaton()
    cal = calendar_words()
    months = alternation({f for f, c in cal.items() if c.kind != "weekday"})
    # What follows a number decides its kind; one match with named branches (was five matches).
    after = re.compile(
        rf"\s*(?:(?P<percent>{_PERCENT.pattern[3:]})|(?P<money>{_MONEY.pattern[3:]})|(?P<hijri>ه(?!\w)|هجري\w*)"
        rf"|(?P<month>(?:من\s+)?(?:شهر\s+)?(?:{months})(?!\w))|(?P<measure>{_MEASURE.pattern[3:]}))"
    )
    month_before = tuple(f for f, c in cal.items() if c.kind != "weekday")
    return auto, after, month_before


_PREFIXES = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})
_DIGIT_RUN = re.compile(r"[0-9][0-9.,٫٬:/\-]*")
_DIGITS_STRICT = re.compile(_DIGITS)


def _atoms(t: str, ns: int, ne: int) -> list[_Atom]:
    """Digit runs and number words (with their proclitics) of normalised text t, in order."""
    auto = _matchers()[0]
    n = len(t)
    best: dict[int, tuple[int, str, NumberWord]] = {}  # word end -> (start, form, word), longest form
    for last, (form, nw) in auto.iter(t, ns, ne):
        e = last + 1
        if e < n and t[e].isalnum():
            continue
        s = e - len(form)
        ws = s
        while ws > 0 and t[ws - 1].isalnum() and s - ws <= 2:
            ws -= 1
        if ws > 0 and t[ws - 1].isalnum():
            continue
        prev = best.get(e)
        if prev is None or prev[0] > ws:  # a longer form (واحد over و + احد) starts earlier
            best[e] = (ws, form, nw)
    atoms: list[_Atom] = []
    for e, (ws, form, nw) in best.items():
        s = e - len(form)
        pre = t[ws:s]
        if pre not in _PREFIXES or (form == "ست" and "ل" in pre):
            continue  # لست "I am not"
        if nw.type == "ten" and _ordinal_before(t, ws):
            continue  # التاسع عشر is an ordinal
        atoms.append(_Atom(s, e, pre, nw.type, nw.value))
    if _ANY_DIGIT.search(t, ns, ne):
        for m in _DIGIT_RUN.finditer(t, ns, ne):
            d = _DIGITS_STRICT.match(t, m.start(), ne)
            if d is None:
                continue
            s, e = d.span()
            atoms.append(_Atom(s, e, "", "digits", 0, bool(_SCALE_AFTER.match(t, e))))
    atoms.sort(key=lambda a: a.s)
    return atoms


_ANY_DIGIT = re.compile(r"[0-9]")


_SEP = re.compile(r"[.,٫٬/\-]")


@lru_cache(maxsize=4096)
def _digits_value(s: str, scale_follows: bool) -> tuple[int | None, int | None, str]:
    """(value, max, kind) of a digit string; value None when it is not a whole number."""
    if s.isdigit():
        return int(s), None, "count"
    if ":" in s:
        return int(_SEP.split(s.split(":")[0])[0]), None, "other"  # 10:30 (and glued oddities)
    parts = _SEP.split(s)
    seps = _SEP.findall(s)
    if len(parts) == 3 and len(set(seps)) == 1 and seps[0] in "/-." and len(parts[1]) <= 2 and (
        len(parts[0]) == 4 or len(parts[2]) in (2, 4)
    ):
        return int(parts[0]), None, "date"
    if seps == ["-"] and len(parts) == 2:
        a, b = int(parts[0]), int(parts[1])
        return (a, b, "count") if a < b else (a, None, "other")
    if "/" in seps or "-" in seps:
        return int(parts[0]), None, "other"
    if all(x in ",٬" for x in seps) and all(len(p) == 3 for p in parts[1:]):
        return int("".join(parts)), None, "count"
    if seps == ["."] * len(seps) and all(len(p) == 3 for p in parts[1:]) and not scale_follows:
        return int("".join(parts)), None, "count"  # 1.200 is twelve hundred in much of the region
    if len(seps) == 1 and seps[0] in ".٫" and scale_follows:
        return None, None, "decimal:" + parts[0] + "." + parts[1]
    return None, None, "other"


def _multiplier(scale_value: int) -> int:
    """ألف/آلاف -> 1000; the dual forms (ألفين = 2000) multiply by their base too."""
    return scale_value if str(scale_value).startswith("1") else scale_value // 2


def _combine(atoms: list[_Atom], i: int, text: str) -> tuple[int, int, bool, int | None]:
    """Read one number starting at atoms[i]: (atoms used, value, vague, max); used 0 = no number."""
    a = atoms[i]
    vague = False
    if a.type == "digits":
        value, mx, kind = _digits_value(text[a.s:a.e], a.scale_follows)
        if kind.startswith("decimal:"):
            nxt = atoms[i + 1] if i + 1 < len(atoms) else None
            if nxt is None or nxt.type not in ("scale", "scale_plural") or text[a.e:nxt.s].strip():
                return 0, 0, False, None  # 3.5 alone is not a count
            total, cur = 0, float(kind.split(":")[1])
        elif value is None:
            return 0, 0, False, None
        else:
            if mx is not None or kind != "count":
                return 1, value, False, mx
            total, cur = 0, float(value)
    elif a.type == "teen_unit":
        total, cur = 0, float(a.value)
    elif a.type in ("scale", "scale_plural"):
        if a.type == "scale_plural":
            vague = True
        total, cur = a.value, 0.0
    else:
        total, cur = 0, float(a.value)
        vague = a.type == "vague"
    prev = a
    used = 1
    j = i + 1
    while j < len(atoms):
        b = atoms[j]
        gap = text[prev.e:b.s - len(b.pre)].strip()
        conj = b.pre == "و" or gap == "و"
        if gap not in ("", "و") or b.pre not in ("", "و") or (gap == "و" and b.pre):
            break
        t, pt = b.type, prev.type
        if not conj and t == "ten" and pt in ("unit", "teen_unit"):
            cur += 10
        elif not conj and t == "hundred" and b.value == 100 and pt == "unit":
            cur = cur * 100
        elif not conj and t in ("scale", "scale_plural") and pt != "scale" and pt != "scale_plural":
            if cur == 0 and t == "scale":
                total += b.value
            else:
                total += int(round(cur * _multiplier(b.value)))
            cur = 0
        elif not conj and t in ("vague", "scale_plural") and pt == "vague":
            cur *= b.value
        elif conj and pt == "unit" and t == "tens":
            cur += b.value
        elif conj and pt in ("hundred", "hundreds", "scale", "scale_plural") and t in (
            "unit", "teen_unit", "ten", "tens", "hundred", "hundreds"
        ):
            if pt in ("hundred", "hundreds") and t in ("hundred", "hundreds"):
                break
            total += int(cur)
            cur = float(b.value)
        else:
            break
        prev = b
        used += 1
        j += 1
    if prev.type == "teen_unit":
        return 0, 0, False, None  # أحد / إحدى alone is "one of", not a count
    return used, total + int(round(cur)), vague, None


def find_numbers(text: str | Normalized, start: int = 0, end: int | None = None) -> list[NumberMention]:
    """Every number in `text` (raw str, or its `normalize()` result to save a pass), in order.

    With start/end (raw offsets) only numbers inside that range are read, e.g. one sentence of a
    document normalised once; offsets stay offsets into the whole text."""
    norm = text if isinstance(text, Normalized) else normalize(text)
    ns, ne = norm_range(norm, start, end)
    raw, t = norm.raw, norm.text
    _, after, month_before = _matchers()
    atoms = _atoms(t, ns, ne)
    out: list[NumberMention] = []
    i = 0
    while i < len(atoms):
        used, value, vague, mx = _combine(atoms, i, t)
        if not used:
            i += 1
            continue
        first, last = atoms[i], atoms[i + used - 1]
        s, e = first.s, last.e
        i += used
        tail = _tail_before(t, s)
        kind = _kind(t, s, e, value, first, used, after, month_before, tail)
        qualifier = "at_least" if vague else "exact"
        # بين X و Y
        between = _phrase_before(t, s, _BETWEEN_KEYS, tail) if i < len(atoms) else -1
        if between >= 0:
            nxt_used, nxt_val, _, _ = _combine(atoms, i, t)
            am = _AND.match(t, e)
            if nxt_used and am and am.end() == atoms[i].s and nxt_val > value:
                mx = nxt_val
                e = atoms[i + nxt_used - 1].e
                i += nxt_used
            s = between
        else:
            ps = _phrase_before(t, s, _PRE_QUAL_KEYS, tail)
            if ps >= 0 and out and norm.raw_span(ps, ps + 1)[0] < out[-1].end:
                ps = -1  # "خمسة على الأقل خمسة": the qualifier already belongs to the number before
            if ps >= 0:
                qualifier = _PRE_QUAL[" ".join(t[ps:s].split())]
                s = ps
            elif _POST_HINT.search(t, e, e + 48):
                for q, rx in _POST_QUAL:
                    m = rx.match(t, e)
                    # the words it skips hold no punctuation and no further number ("آلاف عشر على الأقل")
                    if m and not any(ch in t[e:m.end()] for ch in ".،,؛") and (
                            i >= len(atoms) or m.end() <= atoms[i].s):
                        qualifier, e = q, m.end()
                        break
        rs, re_ = norm.raw_span(s, e)
        if re_ < len(raw) and not raw[re_].isspace():
            re_ = extend_over_marks(raw, re_)
        if kind not in ("count", "percent", "money"):
            qualifier = "exact"  # "حتى 2024" is a year, not "up to 2024"
        out.append(NumberMention(rs, re_, raw[rs:re_], value, mx, qualifier, vague, kind))
    return out


def _ordinal_before(t: str, s: int) -> bool:
    """Whether the word before s is a definite ordinal (التاسع عشر, الحادية عشرة)."""
    m = re.search(r"(?<!\w)ال(?:حادي|حاديه|ثاني|ثانيه|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع)\w?\s+$", t[max(0, s - 12):s])
    return m is not None


def _kind(t: str, s: int, e: int, value: int, first: _Atom, used: int, after: re.Pattern[str],
          month_before: tuple[str, ...], tail: str) -> str:
    if first.type == "digits":
        d = t[first.s:first.e]
        _, _, k = _digits_value(d, first.scale_follows)
        if k in ("date", "other") and used == 1:
            return k
    am = after.match(t, e)
    nxt = am.lastgroup if am else None
    if nxt == "percent":
        return "percent"
    if nxt == "money" or (s and t[s - 1] == "$") or t.endswith("مليار", 0, e):
        return "money"
    if first.type == "digits" and used == 1 and e - s == 4:
        if nxt == "hijri" and 1300 <= value <= 1500:
            return "year"
        if 1900 <= value <= 2100 and (
            _phrase_before(t, s, _YEAR_CUES, tail) >= 0 or _YEAR_AFTER.match(t, e)
            or t[max(0, s - 24):s].rstrip(" /(").endswith(month_before)
        ):
            return "year"
    if value <= 31 and nxt == "month":
        return "date"
    if nxt == "measure" or _phrase_before(t, s, _OTHER_CUES, tail) >= 0:
        return "other"
    if s and (t[s - 1] == "-" or t[max(0, s - 2):s].rstrip()[-1:] in ("$", "#")):
        return "other"  # F-16, T-72, #5 (a bullet "- 10 غارات" has a space and stays a count)
    return "count"


@cache
def _counted_nouns() -> tuple[frozenset[str], frozenset[str]]:
    words = number_words().items()
    return (frozenset(f for f, w in words if w.type == "counted_noun"),
            frozenset(f for f, w in words if w.type == "counted_noun_sound"))


def dual_count(word_norm: str, singulars: frozenset[str] | set[str] | None = None) -> int | None:
    """2 when the word is the dual of a counted noun (جنديين، طفلان، غارتين، بقذيفتين، مسلحان), else None.

    Without `singulars`, numbers.tsv decides. A dual in ين is only read for nouns with a broken
    plural (counted_noun: جندي، طفل، غارة), since for مسلح or مدني the dual and the sound plural
    are spelled alike (مسلحين). The nominative dual in ان is unambiguous, so it is also read for
    counted_noun_sound rows (مسلحان، متظاهران) and for nisba adjectives of 4+ letters
    (فلسطينيان، مدنيان). Proclitics و ف ب ل ك and ال are skipped. `singulars`, when given,
    replaces both lists (any suffix).
    """
    if singulars is None:
        broken, sound = _counted_nouns()
    else:
        broken, sound = frozenset(normalize_text(s) for s in singulars), frozenset()
    w = normalize_text(word_norm)
    for pre in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "ال", "وال", "بال", "لل", "فال", "ولل", "وبال"):
        if not w.startswith(pre):
            continue
        rest = w[len(pre):]
        for suf in ("ين", "ان"):
            if not (rest.endswith(suf) and len(rest) > len(suf) + 1):
                continue
            base = rest[: -len(suf)]
            if base.endswith("ت") and base[:-1] + "ه" in broken:
                return 2  # غارتين from غارة
            if base in broken:
                return 2
            if suf == "ان" and (base in sound or (base.endswith("ي") and len(base) >= 4)):
                return 2
    return None


def words_value(phrase: str) -> int | None:
    """The value of a phrase that is exactly one exact number (digits or words): "خمسة عشر" -> 15.

    None for anything else, vague words (عدة، بضعة) included."""
    ms = find_numbers(phrase.strip())
    if len(ms) == 1 and ms[0].start == 0 and ms[0].end == len(phrase.strip()) and not ms[0].vague:
        return ms[0].value
    return None
