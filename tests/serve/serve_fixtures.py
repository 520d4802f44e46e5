"""Hand-annotated results (marsad.document/1) of short articles the project wrote for these tests.

They do not depend on the extractor: each field's span is found in the text by `_span`, so the
dashboard can be checked against known evidence. Two articles report the same air strike with
different death tolls (one contested incident with two claims); one article is hostile.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from marsad.model import (
    Acled,
    Actor,
    Claim,
    DateSpan,
    Document,
    DocumentResult,
    Event,
    Figure,
    Location,
    Plover,
    Span,
)
from marsad.store import Store, open_store


def _span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


STRIKE_A = (
    "إدلب – شبكة الشمال\n\n"
    "قتل 12 مدنيا على الأقل في غارات جوية شنها الجيش السوري على سوق بلدة خان شيخون في ريف إدلب الجنوبي صباح أمس السبت، "
    "بحسب ما أفاد الدفاع المدني السوري. وأضاف الدفاع المدني أن فرقه انتشلت الجثث من تحت الأنقاض."
)
STRIKE_B = (
    "بيروت – وكالة المشرق\n\n"
    "قال المرصد السوري لحقوق الإنسان إن 15 مدنيا قتلوا في غارات جوية للجيش السوري استهدفت سوق خان شيخون أمس السبت. "
    "ونفت وزارة الدفاع السورية استهداف المدنيين."
)
PROTEST_TAIZ = (
    "تعز – اليمن اليوم\n\n"
    "تظاهر مئات المحتجين في مدينة تعز يوم الاثنين للمطالبة بصرف الرواتب وفتح الطرق المغلقة، وفق ما ذكر منظمو المظاهرة."
)
BOMB_BAGHDAD = (
    "بغداد – الرافدين\n\n"
    "قتل ثلاثة أشخاص وأصيب سبعة آخرون بانفجار عبوة ناسفة في منطقة الكرادة وسط بغداد مساء الأحد، حسبما أعلنت الشرطة العراقية."
)
HOSTILE_TITLE = 'خبر <script>window.__pwned = 1; document.title = "pwned"</script><img src=x onerror="window.__pwned=2">'
HOSTILE = (
    "الموصل – موقع مجهول\n\n"
    "قتل أربعة أشخاص في اشتباكات بالموصل <script>window.__pwned = 3; alert(1)</script> "
    '<img src=x onerror="window.__pwned=4;alert(2)"> '
    '<a href="javascript:window.__pwned=5">اضغط هنا</a> و <svg onload="window.__pwned=6"></svg> '
    "بحسب ما قالت مصادر محلية."
)

SYR_MIL = ("SYR-MIL", "Military Forces of Syria", "الجيش السوري", "state_forces", "SY")
SY_CIV = ("SYR-CIV", "Civilians (Syria)", "مدنيون سوريون", "civilians", "SY")
KHAN_SHAYKHUN = dict(name="Khan Shaykhun", name_ar="خان شيخون", country="SY", admin1="Idlib", admin2="Maarrat al-Nu'man",
                     lat=35.44, lon=36.65, precision=1)


def _actor(spec: tuple[str, str, str, str, str], mention: Span | None = None) -> Actor:
    return Actor(*spec, mention=mention)


def strike_a() -> DocumentResult:
    t = STRIKE_A
    doc = Document("fx-strike-a", t, "2019-08-11", "https://north.example/strike", "شبكة الشمال",
                   "مقتل 12 مدنيا بغارات على خان شيخون")
    source = Actor("SYR-CD", "Syrian Civil Defence", "الدفاع المدني السوري", "organization", "SY",
                   _span(t, "الدفاع المدني السوري"))
    fig = Figure(12, None, "at_least", "civilians", None, _span(t, "12 مدنيا على الأقل"))
    event = Event(
        id="e1", plover=Plover("ASSAULT", "aerial"), evidence=(_span(t, t[t.index("قتل"):t.index("السوري.") + 7]),),
        acled=Acled("Explosions/Remote violence", "Air/drone strike"),
        date=DateSpan("2019-08-10", "2019-08-10", "day", _span(t, "أمس السبت")),
        actor1=_actor(SYR_MIL, _span(t, "الجيش السوري")), actor2=_actor(SY_CIV),
        locations=(Location(**KHAN_SHAYKHUN, mention=_span(t, "خان شيخون")),),
        fatalities=fig,
        claims=(Claim(source, "أفاد", _span(t, "بحسب ما أفاد الدفاع المدني السوري"), fig),),
        confidence=0.9)
    return DocumentResult(doc, (event,))


def strike_b() -> DocumentResult:
    t = STRIKE_B
    doc = Document("fx-strike-b", t, "2019-08-11", "https://mashreq.example/a/1", "وكالة المشرق",
                   "المرصد: 15 قتيلا في خان شيخون")
    source = Actor("SOHR", "Syrian Observatory for Human Rights", "المرصد السوري لحقوق الإنسان", "organization",
                   "GB", _span(t, "المرصد السوري لحقوق الإنسان"))
    fig = Figure(15, None, "exact", "civilians", None, _span(t, "15 مدنيا"))
    event = Event(
        id="e1", plover=Plover("ASSAULT", "aerial"), evidence=(_span(t, t[t.index("قال"):t.index("السبت.") + 6]),),
        acled=Acled("Explosions/Remote violence", "Air/drone strike"),
        date=DateSpan("2019-08-10", "2019-08-10", "day", _span(t, "أمس السبت")),
        actor1=_actor(SYR_MIL, _span(t, "جيش السوري")), actor2=_actor(SY_CIV),
        locations=(Location(**KHAN_SHAYKHUN, mention=_span(t, "خان شيخون")),),
        fatalities=fig,
        claims=(Claim(source, "قال", _span(t, t[t.index("قال"):t.index("السبت.") + 6]), fig),),
        confidence=0.9)
    return DocumentResult(doc, (event,))


def protest_taiz() -> DocumentResult:
    t = PROTEST_TAIZ
    doc = Document("fx-taiz", t, "2019-08-13", "https://yemen.example/taiz", "اليمن اليوم", "مظاهرة في تعز")
    event = Event(
        id="e1", plover=Plover("PROTEST"), evidence=(_span(t, t[t.index("تظاهر"):]),),
        acled=Acled("Protests", "Peaceful protest"),
        date=DateSpan("2019-08-12", "2019-08-12", "day", _span(t, "يوم الاثنين")),
        actor1=Actor("YEM-PROT", "Protesters (Yemen)", "محتجون يمنيون", "protesters", "YE", _span(t, "المحتجين")),
        locations=(Location("Taiz", "تعز", "YE", "Taizz", None, 13.58, 44.02, None, 1, _span(t, "تعز", 1)),),
        claims=(Claim(Actor(None, "Organisers", "منظمو المظاهرة", "other", "YE", _span(t, "منظمو المظاهرة")),
                      "ذكر", _span(t, "وفق ما ذكر منظمو المظاهرة")),),
        confidence=0.8)
    return DocumentResult(doc, (event,))


def bomb_baghdad() -> DocumentResult:
    t = BOMB_BAGHDAD
    doc = Document("fx-baghdad", t, "2019-08-12", "https://rafidain.example/k", "الرافدين", "انفجار في الكرادة")
    police = Actor("IRQ-POL", "Police Forces of Iraq", "الشرطة العراقية", "state_forces", "IQ",
                   _span(t, "الشرطة العراقية"))
    fig = Figure(3, None, "exact", "unknown", None, _span(t, "ثلاثة أشخاص"))
    injured = Figure(7, None, "exact", "unknown", None, _span(t, "سبعة آخرون"))
    event = Event(
        id="e1", plover=Plover("ASSAULT", "explosive"), evidence=(_span(t, t[t.index("قتل"):]),),
        acled=Acled("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        date=DateSpan("2019-08-11", "2019-08-11", "day", _span(t, "مساء الأحد")),
        actor2=Actor("IRQ-CIV", "Civilians (Iraq)", "مدنيون عراقيون", "civilians", "IQ"),
        locations=(Location("Karrada", "الكرادة", "IQ", "Baghdad", "Al-Karrada", 33.31, 44.43, None, 1,
                            _span(t, "الكرادة")),),
        fatalities=fig, injured=injured,
        claims=(Claim(police, "أعلن", _span(t, "حسبما أعلنت الشرطة العراقية"), fig, injured),),
        confidence=0.85)
    return DocumentResult(doc, (event,))


def hostile() -> DocumentResult:
    t = HOSTILE
    doc = Document("fx-hostile", t, "2019-08-12", "javascript:window.__pwned=7", '<b onmouseover="alert(3)">x</b>',
                   HOSTILE_TITLE)
    event = Event(
        id="e1", plover=Plover("ASSAULT", "firearms"), evidence=(_span(t, t[t.index("قتل"):]),),
        acled=Acled("Battles", "Armed clash"),
        date=DateSpan("2019-08-12", "2019-08-12", "day", None),
        locations=(Location("Mosul <script>window.__pwned=8</script>", '<img src=x onerror="window.__pwned=9">',
                            "IQ", "Nineveh", None, 36.34, 43.13, None, 1, _span(t, "بالموصل")),),
        fatalities=Figure(4, None, "exact", "unknown", None, _span(t, "أربعة أشخاص")),
        claims=(Claim(Actor("LOCAL", '<script>window.__pwned=10</script>', '<img src=x onerror="window.__pwned=11">',
                            "other", "IQ", _span(t, "مصادر محلية")), "قالت",
                      _span(t, "<script>window.__pwned = 3; alert(1)</script>"), None),),
        confidence=0.5)
    return DocumentResult(doc, (event,))


def all_results() -> list[DocumentResult]:
    return [strike_a(), strike_b(), protest_taiz(), bomb_baghdad(), hostile()]


@dataclass(frozen=True)
class Filled:
    store: Store
    url: str
    token: str
    doc_ids: dict[str, str]  # fixture name -> stored document id
    incident_ids: dict[str, str]  # fixture name -> incident id


def fill(path: Path) -> Filled:
    url = f"sqlite:///{path}"
    store = open_store(url)
    doc_ids, incident_ids = {}, {}
    for name, make in (("strike_a", strike_a), ("strike_b", strike_b),
                       ("taiz", protest_taiz), ("baghdad", bomb_baghdad),
                       ("hostile", hostile)):
        result = make()
        outcome = store.save(result.document, result)
        doc_ids[name] = outcome.document_id
        incident_ids[name] = outcome.incident_ids[0]
    # The second report of the strike joins the first one's incident: read it back.
    incident_ids["strike_a"] = incident_ids["strike_b"] = store.get_document(doc_ids["strike_a"]).incident_ids[0]
    return Filled(store, url, store.create_token("tests"), doc_ids, incident_ids)
