"""Triggers become event drafts: one per PLOVER type per sentence, with arguments attached.

Reads: the document's mentions, a sentence and its clauses, the claim governing the sentence.
Adds: `Draft` objects (the arguments still as mentions); `build.py` turns them into model Events.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from marsad.extraction.attribution import Attribution, governing
from marsad.extraction.figures import NO_FIGURES, Figures, read_figures
from marsad.extraction.mentions import Found, Mentions
from marsad.extraction.roles import Roles, Scene, assign_roles
from marsad.extraction.where import event_places, frame_places

MODE_RANK = ("suicide", "explosive", "aerial", "chemical", "shelling", "grenade", "territory", "firearms",
             "civilians", "abduction", "sexual", "melee", "mob")
# "منذ 26 مارس", "منذ اندلاع الحرب": an ongoing campaign or a running total, not one incident
SINCE = re.compile(r"(?:^|\s)منذ\s+(?!صباح|فجر|مساء|ليل|ظهر|عصر|ساعات|الساعات|ساعة|يوم\s|يومين|أيام|قليل|أمس|الأمس|"
                   r"امس|البارحة|اليوم)")


# "أعنف مواجهات منذ انتهاء الحرب الأهلية", "الأول من نوعه منذ 2015": a comparison, not a period
SUPERLATIVE = re.compile(r"(?:^|\s)(?:ال)?[أا](?:كبر|عنف|سوأ|سوا|شد|خطر|صعب|فدح|وسع|ضخم|برز|دمى)|"
                         r"(?:^|\s)(?:ال)?[أا]كثر(?!\s+من)|(?:^|\s)(?:ال)?(?:أول|اول|أولى|اولى)(?:\s|$)|غير مسبوق")
RECENT_DAYS = 10  # a period that began this recently ("منذ الخميس", "منذ اندلاع القتال في العاشر من مايو") is news


def _since(mentions: Mentions, start: int, end: int) -> bool:
    """Whether text[start:end] tells a period: "منذ" with no comparison before it and a start that is not
    a recent day. The word itself is looked for first (the pattern opens with an alternation, so the
    regex engine would try it at every position)."""
    text = mentions.text
    if "منذ" not in text[start:end]:
        return False
    for m in SINCE.finditer(text, start, end):
        before = " ".join(text[max(start, m.start() - 60):m.start()].split()[-5:])
        if SUPERLATIVE.search(before):
            continue
        if _recent_start(mentions, m.end(), min(end, m.end() + 80)):
            continue
        return True
    return False


def _recent_start(mentions: Mentions, start: int, end: int) -> bool:
    """A day within RECENT_DAYS of publication stands in text[start:end] (what follows "منذ")."""
    published = mentions.published
    for d in mentions.within("date", start, end):
        day = d.value.start_date
        if d.value.precision == "day" and day is not None and published is not None \
                and 0 <= (published - day).days <= RECENT_DAYS:
            return True
    return False


# "عدد قتلى الاشتباكات", "حصيلة الغارات", "هذه الهجمات": a trigger that counts or points back at an
# incident told elsewhere in the article rather than telling a new one.
BACK_REFERENCE = re.compile(r"(?:عدد|حصيلة|حصيله|ضحايا|قتلى|هذه|هذا|تلك|ذلك|غالبية|معظم)\s*(?:قتلى|ضحايا)?\s*$")
DEMONSTRATIVE_AFTER = re.compile(r"^\s*(?:هذه|هذا|تلك|ذلك|الأخيرة|الاخيرة|المذكورة|نفسها|نفسه)(?:\s|$|[.،,])")


# "كما استهدفت الغارات ...": "also" opening a sentence adds a further incident to the one told before
ALSO = re.compile(r"\s*و?كما\s+")


def _also(mentions: Mentions, trigger: Found, sentence: tuple[int, int]) -> bool:
    m = ALSO.match(mentions.text, sentence[0])
    return m is not None and mentions.word_at(trigger.start) - mentions.word_at(m.end()) <= 2


# "عبوة ناسفة ثانية", "غارة أخرى", "هجوم ثالث": a further incident, never the one told before
ANOTHER = re.compile(r"(?:\s+\S+)?\s+(?:ثان|ثانية|ثاني|آخر|أخرى|اخرى|ثالث|ثالثة|رابع|رابعة|جديد|جديدة)(?:\s|[.،,]|$)")


@dataclass(slots=True)
class Draft:
    trigger: Found
    sentence: tuple[int, int]
    clause: tuple[int, int]
    roles: Roles
    figures: Figures
    places: list[Found]
    date: Found | None
    attribution: Attribution | None
    modality: str
    evidence: list[tuple[int, int]] = field(default_factory=list)
    claims: list[tuple[Attribution | None, Figures]] = field(default_factory=list)
    another: bool = False  # "عبوة ثانية", "غارة أخرى": explicitly a further incident
    back_reference: bool = False  # counts or points back at an incident told elsewhere
    headline: bool = False  # read from the article's title line
    counts: frozenset[int] = frozenset()  # the head counts its sentence gives (killed, detained ...)


def _clause_of(clauses: list[tuple[int, int]], pos: int, sentence: tuple[int, int]) -> tuple[int, int]:
    for c in clauses:
        if c[0] <= pos < c[1]:
            return c
    return sentence


# "لدعم", "لتطويق", "لصد": a purpose, not an event; "تعرضت لقصف" is one.
EXPOSED = re.compile(r"(?:تعرض\S*|يتعرض\S*|تتعرض\S*)\s*$")


def _purpose(t: Found, mentions: Mentions, sentence: tuple[int, int], triggers: list[Found]) -> bool:
    """A trigger that is (or is governed by) a purpose noun after ل: "لدعم هجوم الجيش"."""
    text = mentions.text
    if t.prefix.endswith("ل"):
        return not EXPOSED.search(text[max(sentence[0], t.start - 16):t.start - len(t.prefix)])
    return any(o is not t and o.end <= t.start and o.prefix.endswith("ل") and "noun" in o.value.flags
               and mentions.distance(o, t) <= 1 for o in triggers)


QUOTE = re.compile(r"[“«\"]([^”»\"\n]{1,80})[”»\"]")


def _quoted_labels(mentions: Mentions, sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """Short quotations of a sentence ("“العدوان واسع النطاق”", "«انقلاب مسلح»"): a word inside one
    labels; it tells no event."""
    return [(m.start(), m.end()) for m in QUOTE.finditer(mentions.text, sentence[0], sentence[1])
            if len(m.group(1).split()) <= 6]


def _bare_definite(t: Found, mentions: Mentions, candidates: list[Found]) -> bool:
    """"الضربات" with nothing of its own near it points back at strikes told before."""
    return mentions.text.startswith("ال", t.start) and not any(mentions.distance(c, t) <= 1 for c in candidates)


_WEAK_OR_INERT = frozenset({"weak", "inert"})
_WEAK_OR_RESULT = frozenset({"weak", "result"})


# "احتجاجا على الغارات", "ردا على الهجوم", "حدادا على الضحايا": the event a reaction answers, told elsewhere
REASON = re.compile(r"(?:^|\s)(?:احتجاجا|تنديدا|رفضا|ردا|حدادا|تضامنا|انتقاما|ثأرا|استنكارا)\s+(?:على\s+|مع\s+)?")


def _reason_ends(mentions: Mentions, sentence: tuple[int, int]) -> set[int]:
    """Where the reaction phrases of a sentence end ("احتجاجا على |الغارات"): a trigger right there is
    what the reaction answers, not an event of its sentence."""
    return {m.end() for m in REASON.finditer(mentions.text, *sentence)}


def _pick_triggers(triggers: list[Found], mentions: Mentions, sentence: tuple[int, int],
                   candidates: list[Found]) -> list[Found]:
    """One trigger per PLOVER type: the strongest of the sentence's triggers of that type."""
    by_type: dict[str, list[Found]] = {}
    quoted = _quoted_labels(mentions, sentence)
    reasons = _reason_ends(mentions, sentence)
    for t in triggers:
        if "inert" in t.value.flags:  # a name that hides a trigger word ("قوات الدعم السريع")
            continue
        if (_purpose(t, mentions, sentence, triggers) or _habitual(t, mentions, sentence)
                or t.start - len(t.prefix) in reasons
                or any(qs < t.start and t.end <= qe for qs, qe in quoted) or _requested(t, triggers, mentions)):
            continue
        # a march and a riot of one sentence ("تظاهر آلاف ...، واندلعت مواجهات بين الشبان ...") are two protests
        kind = t.value.plover if t.value.plover != "PROTEST" else f"PROTEST/{t.value.mode}"
        by_type.setdefault(kind, []).append(t)
    chosen = []
    any_strong = any(t.value.flags.isdisjoint(_WEAK_OR_INERT) for t in triggers)
    for items in by_type.values():
        strong = [t for t in items if t.value.flags.isdisjoint(_WEAK_OR_RESULT)]
        if not strong:
            results = [t for t in items if "result" in t.value.flags]
            if results:
                strong = results
            elif any_strong:
                continue  # a weak word beside a clear event word of another type is not an event
            else:
                weak = [t for t in items if _corroborated(t, mentions, sentence, candidates)]
                if not weak:
                    continue
                strong = weak
        if len(strong) > 1:
            strong.sort(key=lambda t: (_bare_definite(t, mentions, candidates), _mode_rank(t.value.mode), t.start))
        repelled = [t for t in items if t.value.plover == "ASSAULT" and "weak" in t.value.flags
                    and _after_repel(t, mentions, strong)]
        if repelled:
            strong = repelled  # "صدت هجوما لقوات X": the attack is the event, X its author
        if _bare_definite(strong[0], mentions, candidates):
            # "تنفيذ الضربات بعد أن شن مسلحون هجوما": the weak word with its own actor tells the news
            fresh = [t for t in items if "weak" in t.value.flags and _corroborated(t, mentions, sentence, candidates)]
            strong = fresh or strong
        chosen.append(strong[0])
    # Words of speech (demand, reject, support) after a material event are its reasons or
    # demands ("تظاهروا للمطالبة ب...", "رفضا ل..."), not events of their own; before it they are
    # the main verb ("اتهم X Y بقصف ...").
    material = [t.start for t in chosen if t.value.plover in MATERIAL]
    if material:
        chosen = [t for t in chosen if t.value.plover not in VERBAL or t.start < min(material)]
    return sorted(chosen, key=lambda t: t.start)


MATERIAL = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"}
VERBAL = {"REQUEST", "REJECT", "SUPPORT", "ACCUSE", "AGREE", "THREATEN", "COOPERATE", "CONCEDE", "AID"}


REQUESTABLE = {"AGREE", "CONSULT", "COOPERATE", "SUPPORT", "AID", "CONCEDE", "RETREAT", "PROTEST"}


def _requested(t: Found, triggers: list[Found], mentions: Mentions) -> bool:
    """"دعت السعودية الطرفين إلى وقف إطلاق النار والحوار": what a call asks for, in the same clause
    a few words on, has not happened."""
    if "verb" in t.value.flags or t.value.plover not in REQUESTABLE:
        return False
    return any(r.value.plover == "REQUEST" and "verb" in r.value.flags and r.end <= t.start
               and mentions.distance(r, t) <= 8 and not CLAUSE_BREAK.search(mentions.text, r.end, t.start)
               for r in triggers)


CLAUSE_BREAK = re.compile(r"[،,؛;.]")


def _habitual(t: Found, mentions: Mentions, sentence: tuple[int, int]) -> bool:
    """"ويقصف النظام بانتظام ...": an imperfect verb with no day in its sentence tells a habit."""
    text = mentions.text
    return ("verb" in t.value.flags and t.value.form.startswith("ي") and text.startswith("ي", t.start)
            and not mentions.within("date", *sentence))


REPEL_FORMS = {"صد", "صدت", "صدوا", "تصدى", "تصدت", "تصدوا", "أحبط", "احبط", "أحبطت", "احبطت", "أفشل", "افشل",
               "أفشلت", "افشلت", "يصد", "تصد"}


def _after_repel(t: Found, mentions: Mentions, strong: list[Found]) -> bool:
    return any(r.value.form in REPEL_FORMS and r.end <= t.start and mentions.distance(r, t) <= 3 for r in strong)


def _mode_rank(mode: str | None) -> int:
    return MODE_RANK.index(mode) if mode in MODE_RANK else len(MODE_RANK)


def _corroborated(t: Found, mentions: Mentions, sentence: tuple[int, int], candidates: list[Found]) -> bool:
    """A weak trigger counts when an actor stands within a few words of it, or a place just after it."""
    if any(mentions.distance(c, t) <= 3 for c in candidates):
        return True
    # "شنوا هجوما من شقين على حلب": the place it struck
    return any(mentions.distance(t, p) <= 4 for p in mentions.within("place", t.end, sentence[1]))


def _modality(mentions: Mentions, trigger: Found, clause: tuple[int, int], attribution: Attribution | None) -> str:
    if attribution is not None and attribution.modality == "denied":
        return "denied"
    for cue in mentions.within("cue", clause[0], trigger.start):
        if cue.value.kind in ("expected", "hypothetical", "denied") and mentions.distance(cue, trigger) <= 6:
            return cue.value.kind
    return "asserted"


def _running_total(trigger: Found, mentions: Mentions, sentence: tuple[int, int]) -> bool:
    """"قتل أكثر من ألف شخص خلال شهر تموز", "منذ مطلع العام": a toll over a period, not an incident."""
    if "result" not in trigger.value.flags:
        return False
    if _since(mentions, *sentence):
        return True
    return any(d.value.precision in ("month", "year") for d in mentions.within("date", *sentence))


def _points_back(text: str, trigger: Found, clause: tuple[int, int]) -> bool:
    if "result" in trigger.value.flags:
        return True
    before = text[max(clause[0], trigger.start - 20):trigger.start]
    return bool(BACK_REFERENCE.search(before) or DEMONSTRATIVE_AFTER.match(text[trigger.end:trigger.end + 12]))


COMPLEMENTIZER = re.compile(r"(?:^|\s)(?:[إأا]ن|[إأا]نه|[إأا]نها|[إأا]نهم|ب[أا]ن)(?:\s|$)|:")


def _statement_head(mentions: Mentions, attribution: Attribution | None) -> tuple[int, int]:
    """"قال الجيش يوم الأحد إن": the words between a reporting verb and what it reports."""
    if attribution is None:
        return (0, 0)
    v = attribution.verb
    m = COMPLEMENTIZER.search(mentions.text, v.end, attribution.span[1])
    return (v.start, m.end() if m else v.end)


def _date(mentions: Mentions, clause: tuple[int, int], sentence: tuple[int, int],
          attribution: Attribution | None) -> Found | None:
    """The event's date: in its clause, else its sentence; the day a statement was made
    ("قال ... يوم الأحد إن") only when nothing else dates the event."""
    head = _statement_head(mentions, attribution)
    fallback = None
    for span in (clause, sentence):
        for d in mentions.within("date", *span):
            if d.value.start_date is None:
                continue
            if head[0] <= d.start < head[1] or SINCE_DATE.search(mentions.text, max(0, d.start - 60), d.start):
                fallback = fallback or d  # the day of the statement, or where a period began ("منذ ... في آذار")
                continue
            return d
    return fallback


# A date that opens a period: "منذ اندلاع الاحتجاجات في آذار الماضي" (a few words after منذ, no comma)
SINCE_DATE = re.compile(r"منذ(?:\s+[^\s،,.]+){0,5}\s+$")


def draft_events(
    mentions: Mentions,
    sentence: tuple[int, int],
    clauses: list[tuple[int, int]],
    candidates: list[Found],
    claims: list[Attribution],
    type_of: Callable[[Found], str | None],
    headline: bool = False,
) -> list[Draft]:
    """The event drafts of one sentence."""
    triggers = mentions.within("trigger", *sentence)
    if not triggers:
        return []
    excluded = [(a.start, a.end) for a in candidates]
    for claim in claims:
        if claim.phrase:
            excluded.append(claim.phrase)
        if claim.source is not None:
            excluded.append((claim.source.start, claim.source.end))
    drafts = []
    # read once: every event of the sentence shares its figures, numbers and casualty words
    sentence_figures = None
    numbers = tuple(mentions.within("number", *sentence))
    casualties = tuple(mentions.within("casualty", *sentence))
    frame = frame_places(mentions, sentence)
    counts = frozenset(n.value.value for n in numbers
                       if n.value.kind == "count" and not n.value.vague and n.value.value >= 2)
    for trigger in _pick_triggers(triggers, mentions, sentence, candidates):
        attribution = governing(claims, trigger.start)
        clause = _clause_of(clauses, trigger.start, sentence)
        if _since(mentions, *clause) or _running_total(trigger, mentions, sentence):
            continue
        if trigger.value.plover == "ASSAULT":
            if sentence_figures is None:
                sentence_figures = read_figures(mentions, *sentence)
            figures = sentence_figures
        else:
            figures = NO_FIGURES
        victims = tuple((v.start, v.end) for v in figures.victim_terms)
        scene = Scene(mentions, trigger, clause, sentence, attribution, victims, type_of, numbers, casualties)
        roles = assign_roles(scene, candidates)
        drafts.append(Draft(
            trigger=trigger,
            sentence=sentence,
            clause=clause,
            roles=roles,
            figures=figures,
            places=event_places(mentions, clause, sentence, excluded, frame),
            date=_date(mentions, clause, sentence, attribution),
            attribution=attribution,
            modality=_modality(mentions, trigger, clause, attribution),
            evidence=[sentence],
            claims=[(attribution, figures)],
            back_reference=(_points_back(mentions.text, trigger, clause)
                            or (_bare_definite(trigger, mentions, candidates) and figures.killed is None)),
            headline=headline,
            another=bool(ANOTHER.match(mentions.text, trigger.end)) or _also(mentions, trigger, sentence),
            counts=counts,
        ))
    return drafts
