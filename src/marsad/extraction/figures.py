"""Fatality and injury figures of one sentence: numbers tied to "killed" or "injured" words.

Reads: the sentence's number and casualty mentions. Adds: a `Figures` with the killed and injured
figures (qualifier, group, children) and the spans they were read from. Wounded and missing are
never fatalities; "25 rebels and 9 soldiers killed" adds up to 34 (codebook 2a).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.extraction.mentions import AND_GAP, Found, Mentions
from marsad.model import Figure, Span
from marsad.text.normalize import normalize_text

WINDOW = 6  # words between a number and its casualty word
SUBSET = re.compile(r"(?:^|\s)(?:و?من\s*بينهم|و?بينهم|و?منهم|و?بينهن|و?منهن)\s*$")
AMONG_WOUNDED = re.compile(r"\s*(?:آخرين\s+)?من\s+(?:بين\s+)?(?:ال)?(?:جرحى|مصابين|المصابين|جرحي)")


@dataclass(frozen=True, slots=True)
class Figures:
    killed: Figure | None
    injured: Figure | None
    victim_terms: tuple[Found, ...]  # the counted nouns ("متمرد", "مدنيين") read with the figures


NO_FIGURES = Figures(None, None, ())


def _counts(mentions: Mentions, start: int, end: int) -> list[Found]:
    return [n for n in mentions.within("number", start, end) if getattr(n.value, "kind", "count") == "count"
            and not getattr(n.value, "vague", False)]


OF = re.compile(r"\s+(?:من\s+|منهم\s+)")


def _counted_noun(mentions: Mentions, number: Found, end: int) -> Found | None:
    """The person word right after a number ("400 متمرد", "25 شخصا", "7 من مقاتلي جيش الإسلام")."""
    of = OF.match(mentions.text, number.end)
    reach = 2 if of else 1
    for term in mentions.within("casualty", number.end, end):
        if term.value.kind in ("person", "children") and mentions.distance(number, term) <= reach:
            return term
        break
    for actor in mentions.within("actor", number.end, end):
        if mentions.distance(number, actor) <= reach - 1:
            return actor
        break
    return None


SINGULAR = re.compile(
    r"(?:ال)?(?:شخص|شخصا|طفل|طفلا|طفلة|صبي|صبيا|شاب|شابا|فتى|فتاة|امرأة|سيدة|رجل|رجلا|مدني|مدنيا|جندي|جنديا|"
    r"عنصر|عنصرا|مسلح|مسلحا|ضابط|ضابطا|شرطي|شرطيا|مواطن|مواطنا|فلسطيني|فلسطينيا|متظاهر|متظاهرا|صحفي|صحفيا|"
    r"قيادي|قياديا|مستوطن|مستوطنا|مزارع|مزارعا|راع|راعيا|عامل|عاملا|مسعف|مسعفا|طالب|طالبا|متطوع|متطوعا|"
    r"ممرض|ممرضا|ممرضة|طبيب|طبيبا|طبيبة|موظف|موظفا|سائق|سائقا|صياد|صيادا|حارس|حارسا|مقاتل|مقاتلا|"
    r"إسرائيلي|إسرائيليا|اسرائيلي|اسرائيليا|سوري|عراقي|عراقيا|يمني|يمنيا|مصري|مصريا|لبناني|لبنانيا|"
    r"سوداني|سودانيا|ليبي|أمريكي|أمريكيا|تركي|إيراني|إيرانيا)(?:\s|$|[.،,])"
)


KIN = re.compile(r"\s+و(?:ابن|ابنة|زوج|زوجة|شقيق|شقيقة|أخ|اخ|أخت|اخت|طفل|طفلة|والد|والدة|أم|ام)(?:ه|ها)(?:\s|$|[.،,])")


AMONG = re.compile(r"(?:^|\s)(?:و?من\s+)?بين\s*$")


def _one_or_two(mentions: Mentions, term: Found, end: int) -> tuple[int, Found] | None:
    """"استشهاد الشاب ...", "قتل طفل فلسطيني", "مقتل جنديين": a person named without a number."""
    from marsad.text.numbers import dual_count

    text = mentions.text
    if AMONG.search(text, max(0, term.start - 12), term.start):
        return None  # "ومن بين الشهداء القيادي ...": one of the dead counted elsewhere, not a toll
    after = text[term.end:min(end, term.end + 40)].lstrip(" ")
    offset = term.end + (len(text[term.end:min(end, term.end + 40)]) - len(after))
    word = after.split(" ", 1)[0].strip(".،,")
    if not word:
        return None
    two = dual_count(word.removeprefix("ال"))
    if two == 2:
        return 2, Found(offset, offset + len(word), "casualty", None)
    if SINGULAR.match(after):
        # "مقتل رجل وابنه": a person and one relative are two
        kin = KIN.match(after, len(word))
        if kin:
            return 2, Found(offset, offset + kin.end(), "casualty", None)
        return 1, Found(offset, offset + len(word), "casualty", None)
    return None


LIST_JOIN = re.compile(r"\s*(?:،\s*)?و\s*|\s*،\s*")
# Person nouns beyond SINGULAR's, for lists: their dual in ان is two people ("ومجندان")
PERSON_STEMS = frozenset({"مجند", "متطوع", "مريض", "ممرض", "طبيب", "معلم", "مدرس", "موظف", "حارس", "مقاتل",
                          "عسكري", "ناشط", "سائق", "صياد", "راع", "لاجئ", "نازح", "اسير", "معتقل"})
NEXT_WORD = re.compile(r"\s*([^\s.،,]+)")


@lru_cache(maxsize=65536)  # a pure function of the word, asked for the same words all the time
def _person_count(word: str) -> int | None:
    """1 for one person ("ضابط", "مجند"), 2 for two ("جنديين", "مجندان"), else None."""
    from marsad.text.numbers import dual_count

    w = normalize_text(word)
    bare = w[2:] if w.startswith("ال") else w
    if dual_count(w) == 2 or (bare.endswith("ان") and bare[:-2] in PERSON_STEMS):
        return 2
    if SINGULAR.fullmatch(word + " ") or bare in PERSON_STEMS or bare.rstrip("ا") in PERSON_STEMS:
        return 1
    return None


def _people_listed(mentions: Mentions, term: Found, end: int) -> tuple[int, int] | None:
    """"مقتل سيدة وثلاث فتيات" (4), "قتل ضابط ومجندان" (3): the people a killed word lists after it,
    each a number with its noun, a dual or one person. (total, end of the list), or None when the list
    holds no singular or dual (plain numbers are read by read_figures)."""
    text = mentions.text
    numbers = {n.start: n for n in mentions.within("number", term.end, end)}
    pos, total, items, worded = term.end, 0, 0, False
    while pos < end:
        at = pos
        if items:
            join = LIST_JOIN.match(text, pos, end)
            if join is None or join.end() == pos:
                break
            at = join.end()
        number = numbers.get(at) or numbers.get(at - 1) or numbers.get(at + 1)
        if number is not None and number.value.kind == "count" and not number.value.vague:
            noun = NEXT_WORD.match(text, number.end, end)  # the counted noun ("فتيات")
            if noun is None:
                break
            total, pos = total + number.value.value, noun.end()
        else:
            word = NEXT_WORD.match(text, at, end)
            count = _person_count(word.group(1).removeprefix("و") if items else word.group(1)) if word else None
            if count is None:
                break
            total, worded, pos = total + count, True, word.end()
        items += 1
    return (total, pos) if worded and items > 1 else None


def _group_of(noun: Found | None) -> str:
    if noun is None:
        return "unknown"
    if noun.kind == "casualty":
        return {"civilians": "civilians", "combatants": "combatants"}.get(noun.value.group, "unknown")
    actor_id = noun.value if isinstance(noun.value, str) else ""
    return "civilians" if actor_id.endswith("-CIV") else "combatants"


def read_figures(mentions: Mentions, start: int, end: int) -> Figures:
    """The killed and injured figures stated in text[start:end]."""
    text = mentions.text
    terms = [t for t in mentions.within("casualty", start, end) if t.value.kind in ("killed", "injured")]
    numbers = _counts(mentions, start, end)
    if not terms:
        return NO_FIGURES
    assigned: dict[str, list[tuple[Found, Found | None]]] = {"killed": [], "injured": []}
    children: dict[str, int] = {}
    for number in numbers:
        if AMONG_WOUNDED.match(text, number.end):
            continue  # "وفاة ثلاثة من الجرحى": some of the wounded, already counted elsewhere
        before = text[max(start, number.start - 20):number.start]
        noun = _counted_noun(mentions, number, end)
        if SUBSET.search(before):
            if noun is not None and noun.kind == "casualty" and noun.value.kind == "children":
                nearest = _nearest(mentions, number, terms)
                if nearest is not None:
                    children.setdefault(nearest.value.kind, number.value.value)
            continue
        nearest = _nearest(mentions, number, terms)
        if nearest is not None:
            assigned[nearest.value.kind].append((number, noun))
    for term in terms:  # "مقتل سيدة وثلاث فتيات": a list of people counts them all
        if term.value.kind == "killed" and (listed := _people_listed(mentions, term, end)):
            value, list_end = listed
            first = assigned["killed"][0][0] if assigned["killed"] else None
            if value > 1 and (first is None or term.end <= first.start < list_end):
                span = Span(term.end, list_end, text[term.end:list_end])
                # the listed people are the victims: the numbers inside the list are read with them
                return Figures(Figure(value, None, "exact", "unknown", None, span), _figure(
                    mentions, assigned["injured"], children.get("injured")), ())
            break
    if not assigned["killed"]:
        for term in terms:
            if term.value.kind == "killed" and (single := _one_or_two(mentions, term, end)):
                value, noun = single
                span = Span(noun.start, noun.end, text[noun.start:noun.end])
                return Figures(Figure(value, None, "exact", "unknown", None, span), _figure(
                    mentions, assigned["injured"], children.get("injured")), ())
    assigned["killed"] = _with_other_side(mentions, assigned["killed"], numbers, end)
    killed = _figure(mentions, assigned["killed"], children.get("killed"))
    injured = _figure(mentions, assigned["injured"], children.get("injured"))
    victims = tuple(n for pairs in assigned.values() for _, n in pairs if n is not None)
    return Figures(killed, injured, victims)


def _nearest(mentions: Mentions, number: Found, terms: list[Found]) -> Found | None:
    best, best_d = None, WINDOW + 1
    for t in terms:
        d = mentions.distance(number, t)
        if t.start > number.end:
            d += 1  # a following casualty word is slightly less certain than "مقتل N"
        if d < best_d:
            best, best_d = t, d
    return best


# "12 عنصرا من قوات النظام و7 من مقاتلي X": after the first side's noun and its "من ...", a "و"
SIDE_GAP = re.compile(r"^\s*(?:من\s+)?(?:[^\s0-9٠-٩.،,]+\s+){0,5}و\s*$")


def _with_other_side(mentions: Mentions, pairs: list[tuple[Found, Found | None]], numbers: list[Found],
                     end: int) -> list[tuple[Found, Found | None]]:
    """The dead of the other side of one battle, counted right after the first side's."""
    if len(pairs) != 1 or pairs[0][1] is None:
        return pairs
    first, noun = pairs[0]
    following = [n for n in numbers if n.start > noun.end]
    if not following:
        return pairs
    other = following[0]
    other_noun = _counted_noun(mentions, other, end)
    if other_noun is not None and SIDE_GAP.match(mentions.text[noun.end:other.start]):
        return [(first, noun), (other, other_noun)]
    return pairs


def _figure(mentions: Mentions, pairs: list[tuple[Found, Found | None]], children: int | None) -> Figure | None:
    if not pairs:
        return None
    text = mentions.text
    first_num, first_noun = pairs[0]
    total, group = first_num.value.value, _group_of(first_noun)
    end = first_num.end
    # "25 متمردا و9 جنود": figures joined by "و" with different counted nouns add up.
    for num, noun in pairs[1:]:
        gap = text[end if first_noun is None else max(end, first_noun.end):num.start]
        if (AND_GAP.match(gap) or SIDE_GAP.match(gap)) and noun is not None:
            total += num.value.value
            if _group_of(noun) != group:
                group = "mixed"
            end = num.end
            first_noun = noun
        else:
            break
    n = first_num.value
    span = Span(first_num.start, end, text[first_num.start:end])
    qualifier = getattr(n, "qualifier", "exact") or "exact"
    maximum = getattr(n, "max", None)
    return Figure(total, maximum, qualifier, group, children, span)
