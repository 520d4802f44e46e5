"""Tests for marsad.text.dates: relative, weekday, absolute (Gregorian, Levantine, Maghrebi, Hijri) and periods."""

from __future__ import annotations

from datetime import date
from importlib.resources import files

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.errors import KnowledgeBaseError
from marsad.text._wordlists import parse_months
from marsad.text.dates import DateMention, _hijri_to_gregorian, find_dates
from marsad.text.normalize import normalize

THU = date(2024, 12, 5)  # a Thursday
D = date.fromisoformat


def _one(text: str, published: date | None = THU) -> tuple[str, date | None, date | None, str, str]:
    ms = find_dates(text, published)
    assert len(ms) == 1, ms
    m = ms[0]
    return m.text, m.start_date, m.end_date, m.precision, m.kind


@pytest.mark.parametrize(
    ("text", "mention", "start", "end", "precision", "kind"),
    [
        # relative days
        ("قتل ثلاثة مدنيين أمس في قصف على دير الزور", "أمس", "2024-12-04", "2024-12-04", "day", "relative"),
        ("شنت الطائرات غارات بالأمس على صعدة", "الأمس", "2024-12-04", "2024-12-04", "day", "relative"),
        ("اندلعت اشتباكات البارحة في طرابلس", "البارحة", "2024-12-04", "2024-12-04", "day", "relative"),
        ("وأعلن الجيش اليوم السيطرة على البلدة", "اليوم", "2024-12-05", "2024-12-05", "day", "relative"),
        ("قصفت المدفعية صباح اليوم حي الشجاعية", "صباح اليوم", "2024-12-05", "2024-12-05", "day", "relative"),
        ("تظاهر المئات مساء اليوم في السويداء", "مساء اليوم", "2024-12-05", "2024-12-05", "day", "relative"),
        ("وقع الانفجار فجر اليوم في الحديدة", "فجر اليوم", "2024-12-05", "2024-12-05", "day", "relative"),
        ("وقالت الوزارة اليوم الخميس إن", "اليوم الخميس", "2024-12-05", "2024-12-05", "day", "relative"),
        ("قتل جنديان أول أمس في كمين", "أول أمس", "2024-12-03", "2024-12-03", "day", "relative"),
        ("قتل جنديان أول من أمس في كمين", "أول من أمس", "2024-12-03", "2024-12-03", "day", "relative"),
        ("قتل جنديان أمس الأول في كمين", "أمس الأول", "2024-12-03", "2024-12-03", "day", "relative"),
        ("سمعت انفجارات الليلة الماضية في بيروت", "الليلة الماضية", "2024-12-04", "2024-12-04", "day",
         "relative"),
        ("استهدفت مسيرة سيارة ليل أمس في صور", "ليل أمس", "2024-12-04", "2024-12-04", "day", "relative"),
        ("قصف فجر أمس على خان يونس", "فجر أمس", "2024-12-04", "2024-12-04", "day", "relative"),
        ("هاجم مسلحون مساء أمس حاجزا في العريش", "مساء أمس", "2024-12-04", "2024-12-04", "day", "relative"),
        ("وقع التفجير صباح أمس الأربعاء", "صباح أمس الأربعاء", "2024-12-04", "2024-12-04", "day", "relative"),
        ("قتل مسلحون منذ ثلاثة أيام راعيا", "منذ ثلاثة أيام", "2024-12-02", "2024-12-02", "day", "relative"),
        ("اعتقل ناشط قبل يومين في عدن", "قبل يومين", "2024-12-03", "2024-12-03", "day", "relative"),
        ("قبل 3 أيام هاجم مسلحون قرية", "قبل 3 أيام", "2024-12-02", "2024-12-02", "day", "relative"),
        ("انفجرت سيارة قبل أسبوع في الموصل", "قبل أسبوع", "2024-11-28", "2024-11-28", "day", "relative"),
        ("منذ خمسة عشر يوما والحصار مستمر", "منذ خمسة عشر يوما", "2024-11-20", "2024-11-20", "day", "relative"),
        ("اختطف قبل شهرين في سرت", "قبل شهرين", "2024-10-01", "2024-10-31", "month", "relative"),
        # periods
        ("قتل 12 شخصا خلال الـ 24 ساعة الماضية", "خلال الـ 24 ساعة الماضية", "2024-12-04", "2024-12-05", "range",
         "period"),
        ("قتل 12 شخصا خلال الـ24 ساعة الماضية", "خلال الـ24 ساعة الماضية", "2024-12-04", "2024-12-05", "range",
         "period"),
        ("قتل 12 شخصا خلال الساعات الـ24 الماضية", "خلال الساعات الـ24 الماضية", "2024-12-04", "2024-12-05",
         "range", "period"),
        ("قتل 12 شخصا خلال الـ48 ساعة الماضية", "خلال الـ48 ساعة الماضية", "2024-12-03", "2024-12-05", "range",
         "period"),
        ("تصاعد القصف في الساعات الأخيرة", "في الساعات الأخيرة", "2024-12-04", "2024-12-05", "range", "period"),
        ("قتل 40 شخصا الأسبوع الماضي", "الأسبوع الماضي", "2024-11-28", "2024-12-04", "range", "period"),
        ("قتل 40 شخصا خلال الأسبوع الماضي", "خلال الأسبوع الماضي", "2024-11-28", "2024-12-05", "range",
         "period"),
        ("تكررت الهجمات خلال الأيام الماضية", "خلال الأيام الماضية", "2024-11-28", "2024-12-05", "range",
         "period"),
        ("اعتقل 300 شخص الشهر الماضي", "الشهر الماضي", "2024-11-01", "2024-11-30", "month", "period"),
        ("قتل 300 شخص العام الماضي", "العام الماضي", "2023-01-01", "2023-12-31", "year", "period"),
        ("قتل 300 شخص منذ بداية هذا العام", "هذا العام", "2024-01-01", "2024-12-05", "year", "period"),
        ("قتل 30 شخصا خلال الشهر الجاري", "الشهر الجاري", "2024-12-01", "2024-12-05", "month", "period"),
        ("قتل 30 شخصا في الثالث من الشهر الجاري", "الثالث من الشهر الجاري", "2024-12-03", "2024-12-03", "day",
         "relative"),
        ("اعتقل في 20 من الشهر الماضي", "20 من الشهر الماضي", "2024-11-20", "2024-11-20", "day", "relative"),
        ("وصل يوم أمس إلى مأرب", "يوم أمس", "2024-12-04", "2024-12-04", "day", "relative"),
        # weekdays
        ("قصفت الطائرات يوم السبت مدينة أريحا", "يوم السبت", "2024-11-30", "2024-11-30", "day", "weekday"),
        ("وقع الهجوم السبت في مأرب", "السبت", "2024-11-30", "2024-11-30", "day", "weekday"),
        ("تظاهر الآلاف الخميس في الخرطوم", "الخميس", "2024-12-05", "2024-12-05", "day", "weekday"),
        ("تظاهر الآلاف الخميس الماضي في الخرطوم", "الخميس الماضي", "2024-11-28", "2024-11-28", "day", "weekday"),
        ("تظاهر الآلاف الاثنين الماضي في بغداد", "الاثنين الماضي", "2024-12-02", "2024-12-02", "day", "weekday"),
        ("اشتباكات مساء الجمعة في درعا", "مساء الجمعة", "2024-11-29", "2024-11-29", "day", "weekday"),
        ("غارات فجر الأحد على النبطية", "فجر الأحد", "2024-12-01", "2024-12-01", "day", "weekday"),
        ("اعتقالات يوم الاثنين في القاهرة", "يوم الاثنين", "2024-12-02", "2024-12-02", "day", "weekday"),
        ("اعتقالات يوم الإثنين في القاهرة", "يوم الإثنين", "2024-12-02", "2024-12-02", "day", "weekday"),
        ("غارات ليلة الثلاثاء على حلب", "ليلة الثلاثاء", "2024-12-03", "2024-12-03", "day", "weekday"),
        ("والأربعاء قتل جندي", "الأربعاء", "2024-12-04", "2024-12-04", "day", "weekday"),
        ("تعقد الجلسة يوم الأحد المقبل", "يوم الأحد المقبل", "2024-12-08", "2024-12-08", "day", "weekday"),
        # absolute, Levantine/Iraqi month names
        ("قتل 5 في 3 كانون الأول 2024 في حمص", "3 كانون الأول 2024", "2024-12-03", "2024-12-03", "day",
         "absolute"),
        ("في 14 شباط 2005 اغتيل الحريري", "14 شباط 2005", "2005-02-14", "2005-02-14", "day", "absolute"),
        ("في 15 آذار 2011 خرجت أول مظاهرة", "15 آذار 2011", "2011-03-15", "2011-03-15", "day", "absolute"),
        ("في 9 نيسان 2003 سقطت بغداد", "9 نيسان 2003", "2003-04-09", "2003-04-09", "day", "absolute"),
        ("في 25 أيار 2000", "25 أيار 2000", "2000-05-25", "2000-05-25", "day", "absolute"),
        ("في 10 حزيران 2014 سيطر التنظيم على الموصل", "10 حزيران 2014", "2014-06-10", "2014-06-10", "day",
         "absolute"),
        ("في 12 تموز 2006", "12 تموز 2006", "2006-07-12", "2006-07-12", "day", "absolute"),
        ("في 4 آب 2020 انفجر مرفأ بيروت", "4 آب 2020", "2020-08-04", "2020-08-04", "day", "absolute"),
        ("في 29 أيلول 2024", "29 أيلول 2024", "2024-09-29", "2024-09-29", "day", "absolute"),
        ("في 7 تشرين الأول 2023", "7 تشرين الأول 2023", "2023-10-07", "2023-10-07", "day", "absolute"),
        ("في 27 تشرين الثاني 2024", "27 تشرين الثاني 2024", "2024-11-27", "2024-11-27", "day", "absolute"),
        ("في 8 كانون الثاني 2024", "8 كانون الثاني 2024", "2024-01-08", "2024-01-08", "day", "absolute"),
        # Egyptian/Gulf names
        ("في 25 يناير 2011", "25 يناير 2011", "2011-01-25", "2011-01-25", "day", "absolute"),
        ("في 30 يونيو 2013", "30 يونيو 2013", "2013-06-30", "2013-06-30", "day", "absolute"),
        ("في 30 يونيه 2013", "30 يونيه 2013", "2013-06-30", "2013-06-30", "day", "absolute"),
        ("في 3 يوليو 2013", "3 يوليو 2013", "2013-07-03", "2013-07-03", "day", "absolute"),
        ("في 14 أغسطس 2013 فضت الاعتصامات", "14 أغسطس 2013", "2013-08-14", "2013-08-14", "day", "absolute"),
        ("في 15 ابريل 2023 اندلعت الحرب", "15 ابريل 2023", "2023-04-15", "2023-04-15", "day", "absolute"),
        ("في 21 سبتمبر 2014", "21 سبتمبر 2014", "2014-09-21", "2014-09-21", "day", "absolute"),
        # Maghrebi names
        ("في 17 فيفري 2011 انطلقت الثورة", "17 فيفري 2011", "2011-02-17", "2011-02-17", "day", "absolute"),
        ("في 14 جانفي 2011", "14 جانفي 2011", "2011-01-14", "2011-01-14", "day", "absolute"),
        ("في 4 أفريل 2019 هاجم حفتر طرابلس", "4 أفريل 2019", "2019-04-04", "2019-04-04", "day", "absolute"),
        ("في 20 جويلية 2022", "20 جويلية 2022", "2022-07-20", "2022-07-20", "day", "absolute"),
        ("في 5 جوان 2019", "5 جوان 2019", "2019-06-05", "2019-06-05", "day", "absolute"),
        ("في 10 أوت 2023", "10 أوت 2023", "2023-08-10", "2023-08-10", "day", "absolute"),
        # double month names, ordinals, years inferred
        ("في 3 ديسمبر/كانون الأول", "3 ديسمبر/كانون الأول", "2024-12-03", "2024-12-03", "day", "absolute"),
        ("في 3 ديسمبر (كانون الأول) 2023", "3 ديسمبر (كانون الأول) 2023", "2023-12-03", "2023-12-03", "day",
         "absolute"),
        ("منذ الرابع من أبريل نيسان", "الرابع من أبريل نيسان", "2024-04-04", "2024-04-04", "day", "absolute"),
        ("منذ ديسمبر/كانون الأول الماضي", "ديسمبر/كانون الأول الماضي", "2023-12-01", "2023-12-31", "month",
         "absolute"),
        ("في 2 كانون الأول الجاري", "2 كانون الأول الجاري", "2024-12-02", "2024-12-02", "day", "absolute"),
        ("في الثالث من ديسمبر قتل", "الثالث من ديسمبر", "2024-12-03", "2024-12-03", "day", "absolute"),
        ("في الحادي والعشرين من شهر نوفمبر", "الحادي والعشرين من شهر نوفمبر", "2024-11-21", "2024-11-21", "day",
         "absolute"),
        ("في 20 ديسمبر وقع الهجوم", "20 ديسمبر", "2023-12-20", "2023-12-20", "day", "absolute"),
        ("في 5 ديسمبر وقع الهجوم", "5 ديسمبر", "2024-12-05", "2024-12-05", "day", "absolute"),
        ("في مارس 2011", "مارس 2011", "2011-03-01", "2011-03-31", "month", "absolute"),
        ("في شباط قتل", "شباط", "2024-02-01", "2024-02-29", "month", "absolute"),
        ("في ديسمبر قتل", "ديسمبر", "2024-12-01", "2024-12-05", "month", "absolute"),
        ("في آذار الماضي", "آذار الماضي", "2024-03-01", "2024-03-31", "month", "absolute"),
        ("في شهر آب", "شهر آب", "2024-08-01", "2024-08-31", "month", "absolute"),
        ("في عام 2014", "عام 2014", "2014-01-01", "2014-12-31", "year", "absolute"),
        ("يوم الخميس 28 نوفمبر", "يوم الخميس 28 نوفمبر", "2024-11-28", "2024-11-28", "day", "absolute"),
        # digit dates
        ("بتاريخ 12/3/2024", "12/3/2024", "2024-03-12", "2024-03-12", "day", "absolute"),
        ("بتاريخ 3/25/2024", "3/25/2024", "2024-03-25", "2024-03-25", "day", "absolute"),
        ("بتاريخ 2024-12-03", "2024-12-03", "2024-12-03", "2024-12-03", "day", "absolute"),
        ("بتاريخ 2024.12.02", "2024.12.02", "2024-12-02", "2024-12-02", "day", "absolute"),
        ("بتاريخ ٢٠٢٤/١٢/٠٣", "٢٠٢٤/١٢/٠٣", "2024-12-03", "2024-12-03", "day", "absolute"),
        # Hijri, tabular calendar
        ("في 15 رمضان 1445 هـ", "15 رمضان 1445 هـ", "2024-03-25", "2024-03-25", "day", "absolute"),
        ("في محرم 1446 هـ", "محرم 1446 هـ", "2024-07-08", "2024-08-06", "month", "absolute"),
        ("في 10 ذو الحجة 1445 هـ", "10 ذو الحجة 1445 هـ", "2024-06-17", "2024-06-17", "day", "absolute"),
        ("في 1 ربيع الأول 1446", "1 ربيع الأول 1446", "2024-09-05", "2024-09-05", "day", "absolute"),
        ("عام 1446 هـ", "عام 1446 هـ", "2024-07-08", "2025-06-26", "year", "absolute"),
    ],
)
def test_dates_resolve(text: str, mention: str, start: str, end: str, precision: str, kind: str) -> None:
    assert _one(text) == (mention, D(start), D(end), precision, kind)


@pytest.mark.parametrize(
    "text",
    [
        "في اليوم التالي انسحبت القوات",
        "لا يزال القتال مستمرا حتى اليوم",
        "يحتفل العالم في اليوم العالمي لحقوق الإنسان",
        "وفي اليوم الثالث من المعارك",
        "قالت إن الأب قتل في القصف",  # آب-like word without a day or year
        "مارس الضغط على الحكومة",  # مارس is a verb here
        "قتل قائد كتيبة رمضان",
        "منذ أيام والقصف مستمر",
        "قبل يومين من الانتخابات",
        "صفر من الإصابات",
        "في رمضان الماضي",  # Hijri without a year
        "وقع 3 جرحى",
        "",
    ],
)
def test_dates_no_mention(text: str) -> None:
    assert find_dates(text, THU) == []


@pytest.mark.parametrize(
    ("published", "text", "expected"),
    [
        (date(2024, 12, 7), "يوم السبت", "2024-12-07"),  # published on a Saturday: that day
        (date(2024, 12, 7), "السبت الماضي", "2024-11-30"),  # الماضي on the same weekday: a week earlier
        (date(2024, 12, 7), "الجمعة الماضية", "2024-12-06"),
        (date(2024, 12, 7), "الجمعة", "2024-12-06"),
        (date(2025, 1, 2), "في 28 ديسمبر", "2024-12-28"),  # year that is not after publication
        (date(2025, 1, 2), "أمس", "2025-01-01"),
        (date(2024, 3, 1), "أمس", "2024-02-29"),
        (date(2024, 3, 1), "منذ ثلاثة أيام", "2024-02-27"),
    ],
)
def test_dates_resolution_edges(published: date, text: str, expected: str) -> None:
    (m,) = find_dates(text, published)
    assert m.start_date == D(expected)


@pytest.mark.parametrize(
    ("text", "precision", "start"),
    [
        ("قتل ثلاثة أمس", "unknown", None),
        ("يوم السبت", "unknown", None),
        ("خلال الـ24 ساعة الماضية", "unknown", None),
        ("في 5 ديسمبر", "unknown", None),
        ("في 3 كانون الأول 2024", "day", "2024-12-03"),
        ("في 15 رمضان 1445 هـ", "day", "2024-03-25"),
        ("بتاريخ 2024-12-03", "day", "2024-12-03"),
        ("في عام 2014", "year", "2014-01-01"),
    ],
)
def test_dates_without_publication_date(text: str, precision: str, start: str | None) -> None:
    (m,) = find_dates(text, None)
    assert m.precision == precision
    assert m.start_date == (D(start) if start else None)
    if precision == "unknown":
        assert m.end_date is None


def test_dates_several_in_a_sentence_and_raw_offsets() -> None:
    text = "وقال المرصد إن الغارات التي بدأت مساء الجمعةِ استمرت حتى فجر اليوم، وقتلت منذ 3 كانون الأول 2024 نحو 40."
    got = find_dates(text, THU)
    assert [m.text for m in got] == ["مساء الجمعةِ", "فجر اليوم", "3 كانون الأول 2024"]
    assert got[1].start_date == THU
    for m in got:
        assert text[m.start:m.end] == m.text


def test_dates_accept_normalized() -> None:
    text = "قُتل ثلاثةٌ أمسِ في إدلبَ"
    assert find_dates(normalize(text), THU) == find_dates(text, THU)


def test_dates_mention_is_frozen() -> None:
    (m,) = find_dates("أمس", THU)
    assert isinstance(m, DateMention)
    with pytest.raises(AttributeError):
        m.precision = "day"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("hijri", "gregorian"),
    [((1445, 9, 1), "2024-03-11"), ((1446, 1, 1), "2024-07-08"), ((1400, 1, 1), "1979-11-21"),
     ((1430, 10, 1), "2009-09-21")],  # Eid al-Fitr 1430 was sighted on 20 September: one day off
)
def test_dates_hijri_tabular(hijri: tuple[int, int, int], gregorian: str) -> None:
    assert _hijri_to_gregorian(*hijri) == D(gregorian)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["أمس", " ", "يوم", "السبت", "الماضي", "3", "ديسمبر", "كانون الأول", "2024", "/",
                              "رمضان", "1445", "هـ", "منذ", "ثلاثة", "أيام", "خلال", "الـ24", "ساعة", "الماضية",
                              "\u200f", "ـ", "اليوم", "فجر", "و", "،", "12/3/2024"]), max_size=20).map("".join),
    st.one_of(st.none(), st.dates(min_value=date(2005, 1, 1), max_value=date(2026, 12, 31))),
)
def test_dates_never_crash_and_spans_round_trip(text: str, published: date | None) -> None:
    last = -1
    for m in find_dates(text, published):
        assert text[m.start:m.end] == m.text
        assert m.start >= last
        assert m.precision in ("day", "range", "month", "year", "unknown")
        assert (m.start_date is None) == (m.end_date is None)
        if m.start_date is not None:
            assert m.start_date <= m.end_date
        last = m.end


def test_dates_range_of_a_normalized_document() -> None:
    text = "قصفت الطائرات أمسِ بلدة سرمين. وفي 3 كانون الأول 2024 قتل خمسة. واعتقل ناشط يوم السبت."
    norm = normalize(text)
    a, b = text.index("وفي"), text.index("واعتقل")
    got = find_dates(norm, THU, a, b)
    assert [(m.text, m.start_date) for m in got] == [("3 كانون الأول 2024", D("2024-12-03"))]
    assert [m.text for m in find_dates(norm, THU, b)] == ["يوم السبت"]
    assert find_dates(norm, THU, 0, len(text)) == find_dates(text, THU)


def test_dates_shipped_month_list_loads() -> None:
    months = parse_months((files("marsad.kb") / "data" / "months.tsv").read_text(encoding="utf-8"))
    assert months["كانون الاول"].index == 12 and months["كانون الاول"].kind == "month"
    assert months["جمادي الاولي"].kind == "hijri_month"
    assert sorted(c.index for c in months.values() if c.kind == "weekday") == list(range(7))
    for kind in ("month", "hijri_month"):
        assert {c.index for c in months.values() if c.kind == kind} == set(range(1, 13))


@pytest.mark.parametrize(
    ("tsv", "message"),
    [
        ("أيار\tmonth\t5\t0\nايار\tmonth\t5\t0\n", "months.tsv:2: 'ايار' duplicates"),
        ("أيار\tmois\t5\t0\n", "months.tsv:1: unknown kind 'mois'"),
        ("أيار\tmonth\t13\t0\n", "months.tsv:1: index 13 out of range"),
        ("السبت\tweekday\t7\t0\n", "months.tsv:1: index 7 out of range"),
        ("أيار\tmonth\t5\tyes\n", "months.tsv:1: ambiguous must be 0 or 1"),
    ],
)
def test_dates_month_list_errors_name_the_line(tsv: str, message: str) -> None:
    with pytest.raises(KnowledgeBaseError, match=message):
        parse_months(tsv)


def test_dates_overnight_is_the_night_before_publication():
    from datetime import date

    from marsad.text.dates import find_dates

    found = find_dates("عبر نحو مئتي مقاتل الحدود خلال الليل", date(2021, 5, 9))
    assert [(d.text, d.start_date) for d in found] == [("خلال الليل", date(2021, 5, 8))]


def _starts_reference(t: str, pos: int, count: int) -> list[int]:
    """The split/rfind reading of word starts that _word_starts_before must reproduce."""
    j = pos
    while j > 0 and t[j - 1].isalnum():
        j -= 1
    starts = [j]
    if count == 0:
        return starts
    lo = max(0, j - 90)
    nl = t.rfind("\n", lo, j)
    if nl >= 0:
        lo = nl + 1
    k = j
    for piece in reversed(t[lo:j].split()[-count:]):
        k = t.rfind(piece, lo, k)
        st, end = k, k + len(piece)
        while st < end and not t[st].isalnum():
            st += 1
        if st < end:
            starts.append(st)
    return starts


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=" \n\r\t.(،ab1_ـ\u064e\u00a0والخميس", max_size=130), st.data())
def test_dates_word_starts_before_matches_split_reading(t: str, data) -> None:
    from marsad.text.dates import _word_starts_before

    pos = data.draw(st.integers(0, len(t)))
    count = data.draw(st.integers(0, 5))
    assert _word_starts_before(t, t[::-1], pos, count) == _starts_reference(t, pos, count)


@pytest.mark.parametrize(("text", "pos", "count", "expected"), [
    ("قتل امس", 4, 1, [4, 0]),
    ("قال (امس", 5, 2, [5, 0]),  # "(" is a piece without a letter: counted, not kept
    ("سطر\nوقع امس", 8, 3, [8, 4]),
])
def test_dates_word_starts_before_examples(text: str, pos: int, count: int, expected: list[int]) -> None:
    from marsad.text.dates import _word_starts_before

    assert _word_starts_before(text, text[::-1], pos, count) == expected


@pytest.mark.parametrize("text", ["بنيت المدينة قبل 5000 عام", "منذ 900000 يوم", "قبل 2000000 شهر"])
def test_dates_ago_before_year_one_is_dropped(text: str) -> None:
    assert find_dates(text, date(2024, 1, 1)) == []


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789/.- اx", max_size=40), st.data())
def test_dates_digit_dates_only_where_a_separator_sits_between_digits(t: str, data) -> None:
    from marsad.text.dates import _has_digit_separator, _pattern_table

    ns = data.draw(st.integers(0, len(t)))
    ne = data.draw(st.integers(ns, len(t)))
    rx = _pattern_table()["digits"]
    if any(rx.match(t, i, ne) for i in range(ns, ne)):
        assert _has_digit_separator(t, ns, ne)
