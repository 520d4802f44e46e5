"""The extraction stages in order: Document in, DocumentResult (schema marsad.document/1) out.

1. check the input (text, language, publication date)
2. normalise a copy (offsets map back to the raw text)
3. find every mention once (mentions.py), the document's country from them
4. per sentence: skip boilerplate and background, attribute claims (attribution.py),
   draft events from triggers with their arguments (events.py, roles.py, figures.py)
5. merge drafts of the same incident and build the Events (build.py)

Pure: no I/O beyond loading the knowledge base once per process, so the same function serves
the CLI, the server, a process pool and Spark.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date

from marsad.errors import InputError
from marsad.extraction.attribution import Attribution, attributions
from marsad.extraction.build import PLACE_BOUND, Context, build_event, force_on_protesters, merge_drafts
from marsad.extraction.events import Draft, draft_events
from marsad.extraction.knowledge import Knowledge, load_knowledge
from marsad.extraction.mentions import Found, Mentions, find_mentions, is_adjective
from marsad.model import Document, DocumentResult
from marsad.text.normalize import normalize
from marsad.text.segment import clauses, sentences

MAX_CHARS = 2_000_000
# Counting letters one match at a time costs ~0.2 ms an article: count runs of Arabic letters and, only
# when needed, the (few) other letters. Every Arabic letter is a letter, so the two add up to all letters.
ARABIC_RUN = re.compile(r"[\u0621-\u064a]+")
OTHER_LETTER = re.compile(r"[^\W\d_\u0621-\u064a]")
BOILERPLATE = re.compile(
    r"^\s*(?:اقرأ|إقرأ|اقرا|شاهد|شارك|اشترك|تابعونا|تابعنا|للمزيد|اكتشاف المزيد|المزيد من|مواضيع ذات صلة|"
    r"أخبار ذات صلة|اخبار ذات صلة|اقرأ أيضا|كلمات مفتاحية|الوسوم|حقوق النشر|جميع الحقوق)"
)
NON_ROLE_TYPES = {"media"}


def check_document(doc: Document) -> date | None:
    """The publication date; InputError when the document cannot be extracted."""
    name = doc.id or "document"
    if not isinstance(doc.text, str) or not doc.text.strip():
        raise InputError(f"{name}: the text is empty; give the article's text")
    if len(doc.text) > MAX_CHARS:
        raise InputError(f"{name}: the text has {len(doc.text):,} characters, more than the {MAX_CHARS:,} "
                         "an article may have; split the file into articles (one JSONL line each)")
    sample = doc.text[:5000]  # the opening decides the language; counting more costs time, not accuracy
    arabic = len(sample) - len(ARABIC_RUN.sub("", sample))
    # there are no more letters than characters: other letters need counting only in a text that
    # is less than 30% Arabic letters
    if arabic < 0.3 * len(sample):
        letters = arabic + len(OTHER_LETTER.findall(sample))
        if not letters or arabic < 0.3 * letters:
            share = arabic / letters if letters else 0.0
            raise InputError(f"{name}: the text is not Arabic ({share:.0%} of its letters are Arabic); "
                             "marsad extracts events from Arabic news only")
    if doc.published in (None, ""):
        return None
    try:
        return date.fromisoformat(str(doc.published)[:10])
    except ValueError:
        raise InputError(f"{name}: published {doc.published!r} is not a real date; use YYYY-MM-DD") from None


def document_country(mentions: Mentions) -> str | None:
    """The country most of the document is about: places first, then names and actors."""
    votes = Counter(mentions.name_votes)  # counted once, by find_mentions
    for p in mentions.by_kind.get("place", []):
        match = p.value.result.match
        if match is not None:
            votes[match.country] += 3 if (p.value.result.precision or 4) < 4 else 1
    return votes.most_common(1)[0][0] if votes else None


LOCATIVE = re.compile(r"(?:^|\s)(?:في|إلى|الى|من|داخل|نحو|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي|عبر|حدود|أراضي|"
                      r"اراضي|مدن|أنحاء|انحاء|عاصمة|بلدات|مناطق|محافظات|ريف|وسط|أرض|ارض|سماء|أجواء|اجواء)\s*$")


TOPIC = re.compile(r"\s*(?:\.\.|:|–|-|\|)")


def _country_actors(mentions: Mentions, kn: Knowledge, start: int, end: int, actors: list[Found]) -> list[Found]:
    """Country names standing as actors ("مع روسيا", "اتهم الولايات المتحدة"), not as places
    ("في سوريا", "بسوريا", "شمال سوريا")."""
    text = mentions.text
    out = []
    for f in mentions.within("country", start, end):
        if f.value[1] != "name" or any(a.start < f.end and f.start < a.end for a in actors):
            continue
        before = text[max(start, f.start - 16):f.start - len(f.prefix)]
        if f.prefix.endswith("ب") or LOCATIVE.search(before) or is_adjective(f, text):
            continue
        if not text[start:f.start].strip() and TOPIC.match(text, f.end):
            continue  # "اليمن.. قذيفة حوثية تقتل": the country a headline is about
        if any(t.value.plover in ("MOBILIZE", "RETREAT", "ASSAULT") and text[t.end:f.start].strip() == ""
               for t in mentions.within("trigger", start, f.start)):
            continue  # "دخلت سوريا", "اجتاحت لبنان": the country is where they went
        country = kn.countries.get(f.value[0])
        if country is None:
            continue
        for role in ("GOV", "MIL"):  # a state named by its country is its government
            if f"{country.iso3}-{role}" in kn.actors:
                out.append(Found(f.start, f.end, "actor", f"{country.iso3}-{role}", f.prefix))
                break
    return out


def _drop_foreign_localities(mentions: Mentions, country: str | None) -> None:
    """A village or quarter abroad ("حي الأمل" read as Āmol in Iran in a Gaza report) is kept only
    when the text names its country; the article's own places and countries always stay."""
    if country is None:
        return
    named = {f.value[0] for f in mentions.by_kind.get("country", []) if f.value[1] == "name"}
    places = mentions.by_kind.get("place", [])
    mentions.by_kind["place"] = [
        p for p in places
        if p.value.result.match is None or (p.value.result.precision or 4) > 2
        or p.value.result.match.country in (country, *named)
    ]


def _fold_titles(text: str, actors: list[Found], kn: Knowledge) -> list[Found]:
    """"رئيس الحكومة فؤاد السنيورة": a title and a name side by side are one actor, the named one; so are
    unnamed gunmen and the group they are "of"."""
    out: list[Found] = []
    for a in actors:
        if out and text[out[-1].end:a.start].strip() == "" and not a.prefix and kn.type_of(a.value) == "person":
            prev = out[-1]
            if str(prev.value).startswith("*-") or TITLE.match(text, prev.start):
                out[-1] = Found(prev.start, a.end, "actor", a.value, prev.prefix)
                continue
        # "مسلحين من الدعم السريع", "عناصر من حزب الله": unnamed men of a named group are the group
        if (out and str(out[-1].value) in PARTITIVE_GENERICS and not str(a.value).startswith("*-")
                and OF_GROUP.fullmatch(text, out[-1].end, a.start - len(a.prefix))):
            prev = out[-1]
            out[-1] = Found(prev.start, a.end, "actor", a.value, prev.prefix)
            continue
        out.append(a)
    return out


PARTITIVE_GENERICS = {"*-UAG", "*-REB"}
OF_GROUP = re.compile(r"\s+من\s+(?:عناصر\s+|مقاتلي\s+|مسلحي\s+)?")


# Words that make a name a title ("الرئيس المصري", "وزير الخارجية"), not an organisation
# ("حكومة الوفاق" before "قوات حفتر" is two actors).
TITLE = re.compile(r"(?:ال)?(?:رئيس|وزير|متحدث|مستشار|قائد|زعيم|أمين|امين|مبعوث|عميد|لواء|فريق|عقيد|شيخ|ملك|"
                   r"أمير|امير|ولي العهد|نائب|سفير|مندوب|مدير|محافظ|المرشد|مرشد|المرجع|السيد|العاهل)")


def extract_document(doc: Document) -> DocumentResult:
    """Events of one document (see the module docstring)."""
    published = check_document(doc)
    kn = load_knowledge()
    norm = normalize(doc.text)
    mentions = find_mentions(norm, kn, published, None)
    ctx = Context(mentions, kn, document_country(mentions))
    _drop_foreign_localities(mentions, ctx.country)

    def type_of(f: Found) -> str | None:  # an actor mention's type, before it is resolved
        return kn.type_of(f.value)

    drafts: list[Draft] = []
    previous = None
    after_boilerplate = False
    for s, e in sentences(doc.text):
        sentence_text = doc.text[s:e]
        if BOILERPLATE.match(sentence_text):
            after_boilerplate = True
            continue
        if after_boilerplate and len(sentence_text.split()) < 14:
            continue
        triggers = mentions.within("trigger", s, e)
        if not triggers and not mentions.within("verb", s, e) and ":" not in sentence_text[:60]:
            continue  # neither an event word nor a claim ("X قال", "X:") for later sentences to continue
        if _is_background(mentions, s, e, published):
            continue
        claims = attributions(mentions, s, e, previous)
        if claims:
            previous = claims[-1]
        if not triggers:
            continue  # no event word: only its claims matter, for the sentences that continue them
        if any(c.value.kind == "offtopic" for c in mentions.within("cue", s, e)):
            continue  # sport or culture: "هجوم" on goal, "تقدم" in the score
        actors = [a for a in mentions.within("actor", s, e) if kn.type_of(a.value) not in NON_ROLE_TYPES]
        for claim in claims:
            actors = _without_source(actors, claim)
        actors += _country_actors(mentions, kn, s, e, actors)
        actors.sort(key=lambda f: f.start)
        actors = _fold_titles(doc.text, actors, kn)
        drafts.extend(draft_events(mentions, (s, e), clauses(doc.text, s, e, norm), actors, claims,
                                   type_of, headline=_in_title(doc.text, s)))
    force_on_protesters(drafts, type_of)
    kept = [d for d in merge_drafts(drafts) if _informative(d) and not _recalled(d, published)]
    inherit_dates(kept, mentions, published)
    inherit_places(kept, mentions, ctx.country)
    events = tuple(build_event(ctx, d, i + 1) for i, d in enumerate(kept))
    return DocumentResult(doc, events)


RECALL_DAYS = 10  # an event dated this long before publication is recalled, not reported


def _recalled(d: Draft, published: date | None) -> bool:
    """"وبدأت الفصائل هجومها في 27 تشرين الثاني الماضي": an event whose own date ended well before
    the article was published is background (codebook 2a), not news."""
    if published is None or d.date is None or d.date.value.end_date is None:
        return False
    return (published - d.date.value.end_date).days > RECALL_DAYS


def inherit_places(drafts: list[Draft], mentions: Mentions, country: str | None) -> None:
    """Events told without a place of their own happened where the story did: the article's first
    town, district or governorate in its own country."""
    story = next((p for p in mentions.by_kind.get("place", [])
                  if p.value.result.match is not None and (p.value.result.precision or 4) <= 3
                  and p.value.result.match.kind != "country" and p.value.result.match.country == country), None)
    if story is None:
        return
    for d in drafts:
        if not d.places and d.trigger.value.plover in PLACE_BOUND:
            d.places = [story]


STORY_WINDOW = 7  # days before publication in which the article's own news happens


def inherit_dates(drafts: list[Draft], mentions: Mentions, published: date | None) -> None:
    """Events told without a day of their own happened when the story did: the first date of the
    article that falls in the week before publication (the lead's "أمس", "يوم السبت")."""
    if published is None:
        return
    recent = [d for d in mentions.by_kind.get("date", [])
              if d.value.start_date is not None and 0 <= (published - d.value.start_date).days <= STORY_WINDOW
              and d.value.precision in ("day", "range")]
    if not recent:
        return
    for d in drafts:
        if d.date is None:
            d.date = recent[0]


def _without_source(actors: list[Found], claim: Attribution) -> list[Found]:
    """The source tells; it does not act: drop it, the same source named again nearby ("الدفاع
    المدني (الخوذ البيضاء)"), and any name inside a source phrase ("مصدر في وزارة الداخلية")."""
    if claim.source is not None:
        source = claim.source
        actors = [a for a in actors if a is not source and not (a.value == source.value
                                                                 and abs(a.start - source.end) < 40)]
    if claim.phrase is not None:
        ps, pe = claim.phrase
        actors = [a for a in actors if not (ps <= a.start < pe)]
    return actors


def _in_title(text: str, start: int) -> bool:
    """A sentence of the first line, when that line is a title: it ends without a full stop and a
    line break follows ("نادي الأسير: اعتقال 40 فلسطينيا في حملة إسرائيلية")."""
    lead = text.lstrip()
    first_end = text.find("\n", len(text) - len(lead))
    if first_end < 0 or start >= first_end:
        return False
    return text[:first_end].rstrip()[-1:] not in (".", "؟", "!", ":")


def _is_background(mentions: Mentions, start: int, end: int, published: date | None) -> bool:
    """A sentence that recalls the past or analyses: it opens with a background cue ("وكان",
    "يذكر أن") and names no day of the week of the story ("وكانت القوات شنت عملية صباح الخميس"
    is the story itself)."""
    for cue in mentions.within("cue", start, end):
        if cue.value.kind == "background" and mentions.word_at(cue.start) - mentions.word_at(start) <= 1:
            return not _recent_date(mentions, start, end, published)
    return False


def _recent_date(mentions: Mentions, start: int, end: int, published: date | None) -> bool:
    if published is None:
        return False
    return any(d.value.start_date is not None and d.value.precision in ("day", "range")
               and 0 <= (published - d.value.start_date).days <= STORY_WINDOW
               for d in mentions.within("date", start, end))


def _informative(d: Draft) -> bool:
    """A bare trigger with no actor, place, date or figure tells no incident ("the strikes"); a
    wish or a condition ("تمنى أن يزور") is no event either."""
    if d.modality == "hypothetical":
        return False
    r = d.roles
    return bool(r.actor1 or r.actor2 or d.places or d.date or d.figures.killed or d.figures.injured)


def extract(text: str, published: str | date | None = None, *, id: str | None = None, url: str | None = None,
            outlet: str | None = None, title: str | None = None) -> DocumentResult:
    """Events of an Arabic news text, its dates resolved against `published` (YYYY-MM-DD)."""
    if isinstance(published, date):
        published = published.isoformat()
    return extract_document(Document(id, text, published, url, outlet, title, "ar"))


def document_from_dict(d: dict) -> Document:
    """A Document from a JSONL record {"id","published","outlet","url","title","text"}."""
    if not isinstance(d, dict):
        raise InputError("a document must be a JSON object with a 'text' field")
    if "text" not in d:
        raise InputError(f"{d.get('id') or 'document'}: no 'text' field; each record needs the article text")
    return Document(d.get("id"), d["text"], d.get("published"), d.get("url"), d.get("outlet"), d.get("title"),
                    d.get("language") or "ar")


def _as_document(item: Document | dict) -> Document:
    return item if isinstance(item, Document) else document_from_dict(item)


def extract_many(items: Iterable[Document | dict], workers: int = 1) -> Iterator[DocumentResult]:
    """Results in input order; `workers` > 1 runs a process pool. Bad documents raise InputError."""
    docs = (_as_document(i) for i in items)
    if workers <= 1:
        for d in docs:
            yield extract_document(d)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(extract_document, docs, chunksize=8)
