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
from functools import cache

from marsad.text._wordlists import alternation, calendar_words, number_words
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


@dataclass(frozen=True, slots=True)
class _Atom:
    s: int  # normalised offsets of the number itself (clitics excluded)
    e: int
    pre: str  # proclitic letters before it
    type: str  # a numbers.tsv type or "digits"
    value: int
    scale_follows: bool = False


_WORD_TYPES = ("unit", "teen_unit", "ten", "tens", "hundred", "hundreds", "scale", "scale_plural", "vague")
_DIGITS = r"(?<![0-9a-z])[0-9]+(?:[.,٫٬:/\-][0-9]+)*"

_Q = r"(?<!\w)[وفبل]{0,2}"
_PRE_QUAL = [
    ("at_least", re.compile(_Q + r"(?:علي الاقل|(?:ما )?لا (?:يقل|تقل) (?:عددهم )?(?:عن|من))\s*$")),
    ("more_than", re.compile(_Q + r"(?:اكثر من|ازيد من|(?:ما )?(?:يزيد|يربو) (?:عن|علي)|(?:ما )?يفوق)\s*$")),
    ("about", re.compile(_Q + r"(?:نحو|قرابه|حوالي|زهاء|تقريبا|(?:ما )?يقارب|(?:ما )?يقرب من)\s*$")),
    ("up_to", re.compile(_Q + r"(?:(?:ما )?(?:يصل|تصل) الي|حتي)\s*$")),
]
_POST_QUAL = [
    ("at_least", re.compile(r"(?:\s+[^\s\d.,،؛:!?؟\"()]+){0,2}?\s+علي الاقل(?!\w)")),
    ("about", re.compile(r"(?:\s+[^\s\d.,،؛:!?؟\"()]+){0,2}?\s+تقريبا(?!\w)")),
    ("more_than", re.compile(r"\s+و\s*نيف(?!\w)")),
]
_BETWEEN = re.compile(r"(?<!\w)(?:ما )?بين\s*$")
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
_OTHER_BEFORE = re.compile(
    r"(?:(?<!\w)(?:الساعه|رقم|الرقم|القرار|قرار|الماده|البند|الفقره|الطريق|طريق|عيار|طراز|اللواء|الفرقه"
    r"|الكتيبه|الصفحه|العدد|المرحله|الدوره|الجوله|الطائره|الموديل|النسخه)|[-$#])\s*$"
)
_YEAR_BEFORE = re.compile(
    r"(?<!\w)[وفبل]{0,2}(?:عام|العام|سنه|السنه|منذ|مطلع|اواخر|اوائل|منتصف|نهايه|بدايه|ربيع|صيف|خريف|شتاء)\s*$"
)
_YEAR_AFTER = re.compile(r"\s*(?:(?:م|ه|ميلادي\w*|هجري\w*)(?!\w)|[.,،؛:!?؟)\"]|$)")
_HIJRI_AFTER = re.compile(r"\s*(?:ه|هجري\w*)(?!\w)")
_SCALE_AFTER = re.compile(r"\s*(?:مليون|مليار|بليون|الف)")


@cache
def _regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = {f for f, w in number_words().items() if w.type in _WORD_TYPES}
    atoms = re.compile(rf"(?P<d>{_DIGITS})|(?<!\w)(?P<p>[وف]?[بلك]?)(?P<w>{alternation(words)})(?!\w)")
    cal = calendar_words()
    months = alternation({f for f, c in cal.items() if c.kind != "weekday"})
    month_after = re.compile(rf"\s*(?:من\s+)?(?:شهر\s+)?(?:{months})(?!\w)")
    month_before = re.compile(rf"(?<!\w)(?:{months})\s*[/(]?\s*$")
    return atoms, month_after, month_before


def _digits_value(s: str, scale_follows: bool) -> tuple[int | None, int | None, str]:
    """(value, max, kind) of a digit string; value None when it is not a whole number."""
    if ":" in s:
        return int(s.split(":")[0]), None, "other"
    parts = re.split(r"[.,٫٬/\-]", s)
    seps = re.findall(r"[.,٫٬/\-]", s)
    if not seps:
        return int(s), None, "count"
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
            f = float(kind.split(":")[1])
            total, cur = 0, 0.0
            cur = f
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


def find_numbers(text: str | Normalized) -> list[NumberMention]:
    """Every number in `text` (raw str, or its `normalize()` result to save a pass), in order."""
    norm = text if isinstance(text, Normalized) else normalize(text)
    raw, t = norm.raw, norm.text
    atom_re, month_after, month_before = _regexes()
    words = number_words()
    atoms: list[_Atom] = []
    for m in atom_re.finditer(t):
        if m.group("d"):
            s, e = m.span("d")
            atoms.append(_Atom(s, e, "", "digits", 0, bool(_SCALE_AFTER.match(t, e))))
        else:
            w = m.group("w")
            p = m.group("p")
            if p and p[-1] + w in words:
                p, w = p[:-1], p[-1] + w  # واحد is a word, not و + أحد
            nw = words[w]
            if (w == "ست" and "ل" in p) or (nw.type == "ten" and _ordinal_before(t, m.start())):
                continue  # لست "I am not"; التاسع عشر is an ordinal
            atoms.append(_Atom(m.end("w") - len(w), m.end("w"), p, nw.type, nw.value))
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
        kind = _kind(t, s, e, value, first, used, month_after, month_before)
        qualifier = "at_least" if vague else "exact"
        # بين X و Y
        if i < len(atoms) and _BETWEEN.search(t, max(0, s - 12), s):
            nxt_used, nxt_val, _, _ = _combine(atoms, i, t)
            am = _AND.match(t, e)
            if nxt_used and am and am.end() == atoms[i].s and nxt_val > value:
                mx = nxt_val
                e = atoms[i + nxt_used - 1].e
                i += nxt_used
            s = _BETWEEN.search(t, max(0, s - 12), s).start()
        else:
            for q, rx in _PRE_QUAL:
                m = rx.search(t, max(0, s - 24), s)
                if m:
                    qualifier, s = q, m.start()
                    break
            else:
                for q, rx in _POST_QUAL:
                    m = rx.match(t, e)
                    if m and not any(ch in t[e:m.end()] for ch in ".،,؛"):
                        qualifier, e = q, m.end()
                        break
        rs, re_ = norm.raw_span(s, e)
        out.append(NumberMention(rs, re_, raw[rs:re_], value, mx, qualifier, vague, kind))
    return out


def _ordinal_before(t: str, s: int) -> bool:
    """Whether the word before s is a definite ordinal (التاسع عشر, الحادية عشرة)."""
    m = re.search(r"(?<!\w)ال(?:حادي|حاديه|ثاني|ثانيه|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع)\w?\s+$", t[max(0, s - 12):s])
    return m is not None


def _kind(t: str, s: int, e: int, value: int, first: _Atom, used: int, month_after: re.Pattern[str],
          month_before: re.Pattern[str]) -> str:
    if first.type == "digits":
        d = t[first.s:first.e]
        _, _, k = _digits_value(d, first.scale_follows)
        if k in ("date", "other") and used == 1:
            return k
    if _PERCENT.match(t, e):
        return "percent"
    if _MONEY.match(t, e) or (s and t[s - 1] == "$"):
        return "money"
    if t.endswith("مليار", 0, e):
        return "money"
    before_start = max(0, s - 20)
    if first.type == "digits" and used == 1 and e - s == 4:
        if _HIJRI_AFTER.match(t, e) and 1300 <= value <= 1500:
            return "year"
        if 1900 <= value <= 2100 and (
            _YEAR_BEFORE.search(t, before_start, s) or month_before.search(t, before_start, s)
            or _YEAR_AFTER.match(t, e)
        ):
            return "year"
    if value <= 31 and month_after.match(t, e):
        return "date"
    if _MEASURE.match(t, e) or _OTHER_BEFORE.search(t, before_start, s):
        return "other"
    return "count"


@cache
def _counted_nouns() -> frozenset[str]:
    return frozenset(f for f, w in number_words().items() if w.type == "counted_noun")


def dual_count(word_norm: str, singulars: frozenset[str] | set[str] | None = None) -> int | None:
    """2 when the normalised word is the dual of a counted noun (جنديين، طفلان، غارتين، بقذيفتين), else None.

    The singulars are numbers.tsv's counted_noun rows unless given. Only nouns with a broken
    plural belong there: for مسلح or مدني the dual and the sound plural are spelled alike
    (مسلحين), so they are never read as two. Proclitics و ف ب ل ك and ال are skipped.
    """
    nouns = _counted_nouns() if singulars is None else frozenset(normalize_text(s) for s in singulars)
    w = normalize_text(word_norm)
    for pre in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "ال", "وال", "بال", "لل", "فال", "ولل", "وبال"):
        if not w.startswith(pre):
            continue
        rest = w[len(pre):]
        for suf in ("ين", "ان"):
            if rest.endswith(suf) and len(rest) > len(suf) + 1:
                base = rest[: -len(suf)]
                if base in nouns:
                    return 2
                if base.endswith("ت") and base[:-1] + "ه" in nouns:
                    return 2  # غارتين from غارة
                if base.endswith("ا") and base[:-1] + "ه" in nouns:
                    return None
    return None


def words_value(phrase: str) -> int | None:
    """The value of a phrase that is exactly one number (digits or words): "خمسة عشر" -> 15."""
    ms = find_numbers(phrase.strip())
    if len(ms) == 1 and ms[0].start == 0 and ms[0].end == len(phrase.strip()):
        return ms[0].value
    return None
