"""Who says so: reporting verbs, their sources and their scope.

Reads: a sentence's verb and actor mentions. Adds: an `Attribution` (source actor mention or a
phrase, the verb, the span it covers, its modality). "وأضاف/وتابع" with no source of its own
continue the previous sentence's source (codebook: a reporting verb governs the sentences that
continue it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from marsad.extraction.knowledge import load_knowledge
from marsad.extraction.mentions import WORD, Found, Mentions

# The source phrase ends at the reported clause or a time word; "مصدر في وزارة الداخلية" runs on
# to the actor it belongs to.
_CLAUSE_END = re.compile(r"\s(?:إن|إنه|إنها|إنهم|أن|أنه|أنها|أنهم|ان|انه|بأن|بان|بأنه|بأنها)\s|[،,:؛]|"
                         r"\s(?:يوم|صباح|مساء|اليوم|أمس|السبت|الأحد|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة)\s")
MAX_SOURCE_WORDS = 7
_ABOUT = re.compile(r"\sعن\s")
SAME = re.compile(r"(?:ال)?(?:مصدر|مصادر|مسؤول|المسؤول|متحدث)\S*\s+(?:نفسه|نفسها|ذاته|ذاتها|عينه)")
REPORTED = re.compile(r"\s(?:[إأا]ن|[إأا]نه|[إأا]نها|[إأا]نهم|ب[أا]ن)\s|:|“|«|\"")


@dataclass(frozen=True, slots=True)
class Attribution:
    verb: Found
    source: Found | None  # an actor mention
    phrase: tuple[int, int] | None  # raw span of the source phrase when no actor is known
    span: tuple[int, int]  # the claim's evidence: verb to sentence end (or sentence start to verb)
    modality: str


def _source_after(mentions: Mentions, verb: Found, end: int) -> tuple[Found | None, tuple[int, int] | None]:
    """The source named after a verb: the first actor before the clause break, else the phrase."""
    text = mentions.text
    # "أفاد مصدر ...": a verb entry that names its source noun starts the phrase at that noun
    begin = verb.end
    space = text.find(" ", verb.start, verb.end)
    if space > 0:
        begin = space + 1
    m = _CLAUSE_END.search(text, verb.end, end)
    stop = m.start() if m else end
    # "بحسب ما أفاد X": a second reporting verb right after the first is part of the frame, not the name
    for inner in mentions.within("verb", begin, stop):
        if len(WORD.findall(text, begin, inner.start)) <= 1:
            begin = inner.end
    # the reported content (an event word, a figure) is never part of the source's name, unless it
    # stands inside a name ("الدفاع المدني السوري")
    names = mentions.within("actor", verb.end, stop)
    content = [f.start for kind in ("trigger", "number", "casualty") for f in mentions.within(kind, begin, stop)
               if not any(a.start <= f.start < a.end for a in names)]
    stop = min([stop, *content])
    words = list(islice(WORD.finditer(text, begin, stop), MAX_SOURCE_WORDS))  # no need to read further
    if not words:
        return None, None
    stop = words[-1].end()
    actors = [a for a in mentions.within("actor", verb.end, stop + 1)]
    # "نقلت وكالة X عن Y": the source is Y, not the agency
    about = _ABOUT.search(text[verb.end:stop])
    if about:
        after = verb.end + about.end()
        later = [a for a in actors if a.start >= after]
        if later:
            return later[0], None
        return None, (after, stop)
    for a in actors:
        if load_knowledge().type_of(a.value) != "media" or len(actors) == 1:
            return a, None
    return None, (words[0].start(), stop)


def _one(mentions: Mentions, verb: Found, start: int, end: int, previous: Attribution | None) -> Attribution | None:
    """The claim one reporting verb makes, its span running to `end`."""
    text = mentions.text
    kind = verb.value.kind
    modality = verb.value.modality or "asserted"
    if kind == "continue":
        if previous is None:
            return None
        own, _phrase = _source_after(mentions, verb, end)
        if own is None or text[verb.end:own.start].strip():  # "وأضاف" then straight to the content
            return Attribution(verb, previous.source, previous.phrase, (verb.start, end), previous.modality)
        return Attribution(verb, own, None, (verb.start, end), modality)
    if kind == "according_to":
        source, phrase = _source_after(mentions, verb, end)
        if source is None and phrase is None:
            return None
        return Attribution(verb, source, phrase, (start, end), modality)
    if kind in ("say", "deny"):
        source, phrase = _source_after(mentions, verb, end)
        if phrase is not None and previous is not None and SAME.match(text, phrase[0]):
            source, phrase = previous.source, previous.phrase  # "وقال المصدر نفسه"
        if source is None:
            # "X قال": the actor just before the verb
            before = [a for a in mentions.within("actor", start, verb.start) if mentions.distance(a, verb) <= 1]
            if before:
                source, phrase = before[-1], None
        if source is None and phrase is None:
            return None
        return Attribution(verb, source, phrase, (verb.start, end), "denied" if kind == "deny" else modality)
    return None


def attributions(mentions: Mentions, start: int, end: int, previous: Attribution | None) -> list[Attribution]:
    """Every claim made in sentence text[start:end], in order. A reporting verb governs what follows
    it up to the next one ("قالت X إن ...، فيما أعلن Y أن ..."); "بحسب X" governs its whole sentence."""
    verbs = mentions.within("verb", start, end)
    out: list[Attribution] = []
    headline = _colon_claim(mentions, start, end)
    if headline is not None:
        out.append(headline)
    for i, verb in enumerate(verbs):
        stop = verbs[i + 1].start if i + 1 < len(verbs) and verbs[i + 1].value.kind != "according_to" else end
        if out and verb.value.kind in ("say", "deny") and not REPORTED.search(mentions.text, verb.end,
                                                                              min(stop, verb.end + 50)):
            continue  # later in a sentence "تحدث فيه بوتين" without "إن ..." reports nothing
        found = _one(mentions, verb, start, stop if verb.value.kind != "according_to" else end,
                     out[-1] if out else previous)
        if found is not None:
            out.append(found)
    return out


def _colon_claim(mentions: Mentions, start: int, end: int) -> Attribution | None:
    """"نادي الأسير: اعتقال 40 فلسطينيا": a name and a colon open a headline in the name's voice."""
    text = mentions.text
    colon = text.find(":", start, min(end, start + 60))
    if colon < 0:
        return None
    named = [a for a in mentions.within("actor", start, colon) if not text[a.end:colon].strip()]
    if not named or len(WORD.findall(text, start, named[0].start)) > 1:
        return None
    from marsad.kb.lexicons import ReportingVerb

    verb = Found(colon, colon + 1, "verb", ReportingVerb(":", "say", "asserted"))
    return Attribution(verb, named[-1], None, (colon, end), "asserted")


def governing(claims: list[Attribution], position: int) -> Attribution | None:
    """The claim that reports what stands at `position`: the reporting verb before it whose span
    holds it, else an "according to" of the sentence, else the sentence's first claim."""
    for a in reversed(claims):
        if a.span[0] <= position < a.span[1] and a.verb.value.kind != "according_to":
            return a
    for a in claims:
        if a.verb.value.kind == "according_to":
            return a
    return claims[0] if claims else None
