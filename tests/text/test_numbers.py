"""Tests for marsad.text.numbers: digits, number words, qualifiers, kinds and duals."""

from __future__ import annotations

from importlib.resources import files

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.errors import KnowledgeBaseError
from marsad.text._wordlists import NUMBER_TYPES, parse_numbers
from marsad.text.normalize import normalize
from marsad.text.numbers import NumberMention, dual_count, find_numbers, words_value


def _counts(text: str) -> list[tuple[str, int, int | None, str, bool]]:
    return [(m.text, m.value, m.max, m.qualifier, m.vague) for m in find_numbers(text) if m.kind == "count"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # digits, Arabic-Indic digits, separators
        ("قتل 400 شخص في القصف", [("400", 400, None, "exact", False)]),
        ("قتل ٤٠٠ شخص في القصف", [("٤٠٠", 400, None, "exact", False)]),
        ("أصيب ١٢ مدنيا في درعا", [("١٢", 12, None, "exact", False)]),
        ("نزح 1,200 شخص من الفاشر", [("1,200", 1200, None, "exact", False)]),
        ("نزح ١٬٢٠٠ شخص من كادقلي", [("١٬٢٠٠", 1200, None, "exact", False)]),
        ("نزح 1.200 شخص من سنجار", [("1.200", 1200, None, "exact", False)]),
        ("اعتقل 15 متظاهرا في البصرة", [("15", 15, None, "exact", False)]),
        # digits with a scale word
        ("نزوح 3 آلاف شخص من رفح", [("3 آلاف", 3000, None, "exact", False)]),
        ("نزوح 2 مليون سوداني", [("2 مليون", 2000000, None, "exact", False)]),
        ("فر 20 ألف لاجئ إلى تشاد", [("20 ألف", 20000, None, "exact", False)]),
        ("نزوح 1.5 مليون شخص", [("1.5 مليون", 1500000, None, "exact", False)]),
        ("تضرر ٣ ملايين", [("٣ ملايين", 3000000, None, "exact", False)]),
        # number words, all case forms, with clitics
        ("قتل واحد وجرح آخر", [("واحد", 1, None, "exact", False)]),
        ("قتل اثنان من المسلحين", [("اثنان", 2, None, "exact", False)]),
        ("أصيب اثنين من الجنود", [("اثنين", 2, None, "exact", False)]),
        ("قتلت اثنتين من النساء", [("اثنتين", 2, None, "exact", False)]),
        ("قتل ثلاثة عناصر من الشرطة", [("ثلاثة", 3, None, "exact", False)]),
        ("قتلت ثلاث نساء", [("ثلاث", 3, None, "exact", False)]),
        ("سقطت أربع قذائف", [("أربع", 4, None, "exact", False)]),
        ("وخمسة جرحى", [("خمسة", 5, None, "exact", False)]),
        ("بستة صواريخ", [("ستة", 6, None, "exact", False)]),
        ("قتل سبعة أشخاص", [("سبعة", 7, None, "exact", False)]),
        ("أصيب ثمانية مدنيين", [("ثمانية", 8, None, "exact", False)]),
        ("قتلت ثماني نساء", [("ثماني", 8, None, "exact", False)]),
        ("لتسعة أيام", []),  # a duration, not a count
        ("قتل عشرة مسلحين", [("عشرة", 10, None, "exact", False)]),
        ("أصيبت عشر نساء", [("عشر", 10, None, "exact", False)]),
        ("قتل أحد عشر جنديا", [("أحد عشر", 11, None, "exact", False)]),
        ("أصيبت إحدى عشرة امرأة", [("إحدى عشرة", 11, None, "exact", False)]),
        ("قتل اثنا عشر شخصا", [("اثنا عشر", 12, None, "exact", False)]),
        ("مقتل اثني عشر مدنيا", [("اثني عشر", 12, None, "exact", False)]),
        ("قتل ثلاثة عشر مقاتلا", [("ثلاثة عشر", 13, None, "exact", False)]),
        ("قتل تسعة عشر شخصا", [("تسعة عشر", 19, None, "exact", False)]),
        ("قتل عشرون شخصا", [("عشرون", 20, None, "exact", False)]),
        ("مقتل عشرين شخصا", [("عشرين", 20, None, "exact", False)]),
        ("مقتل خمسة وعشرين شخصا", [("خمسة وعشرين", 25, None, "exact", False)]),
        ("مقتل خمسة و عشرين شخصا", [("خمسة و عشرين", 25, None, "exact", False)]),
        ("قتل ثلاثة وثلاثون مسلحا", [("ثلاثة وثلاثون", 33, None, "exact", False)]),
        ("قتل تسعة وتسعين", [("تسعة وتسعين", 99, None, "exact", False)]),
        ("قتل مئة شخص", [("مئة", 100, None, "exact", False)]),
        ("قتل مائة شخص", [("مائة", 100, None, "exact", False)]),
        ("قتل مئتين", [("مئتين", 200, None, "exact", False)]),
        ("قتل مائتين", [("مائتين", 200, None, "exact", False)]),
        ("قتل مئتان", [("مئتان", 200, None, "exact", False)]),
        ("قتل ثلاثمائة", [("ثلاثمائة", 300, None, "exact", False)]),
        ("قتل ثلاثمئة", [("ثلاثمئة", 300, None, "exact", False)]),
        ("قتل ثلاث مئة", [("ثلاث مئة", 300, None, "exact", False)]),
        ("قتل خمسمائة وخمسين", [("خمسمائة وخمسين", 550, None, "exact", False)]),
        ("قتل مئة وخمسة عشر", [("مئة وخمسة عشر", 115, None, "exact", False)]),
        ("قتل ألف شخص", [("ألف", 1000, None, "exact", False)]),
        ("نزح ألفين", [("ألفين", 2000, None, "exact", False)]),
        ("نزح ثلاثة آلاف", [("ثلاثة آلاف", 3000, None, "exact", False)]),
        ("نزح ألف ومئتين", [("ألف ومئتين", 1200, None, "exact", False)]),
        ("نزح مليون شخص", [("مليون", 1000000, None, "exact", False)]),
        ("نزح مليون وثلاثمائة ألف", [("مليون وثلاثمائة ألف", 1300000, None, "exact", False)]),
        # vague quantities: lower bound, at_least
        ("قتل عشرات المدنيين", [("عشرات", 10, None, "at_least", True)]),
        ("أصيب العشرات", [("العشرات", 10, None, "at_least", True)]),
        ("اعتقل مئات المتظاهرين", [("مئات", 100, None, "at_least", True)]),
        ("خرج آلاف المحتجين", [("آلاف", 1000, None, "at_least", True)]),
        ("خرج الآلاف في شوارع الخرطوم", [("الآلاف", 1000, None, "at_least", True)]),
        ("تظاهر عشرات الآلاف", [("عشرات الآلاف", 10000, None, "at_least", True)]),
        ("نزح مئات الآلاف", [("مئات الآلاف", 100000, None, "at_least", True)]),
        ("قتل بضعة جنود", [("بضعة", 3, None, "at_least", True)]),
        ("أصيب عدة أشخاص", [("عدة", 3, None, "at_least", True)]),
        # qualifiers before
        ("قتل ما لا يقل عن 25 شخصا", [("ما لا يقل عن 25", 25, None, "at_least", False)]),
        ("قتل لا يقل عن 25 شخصا", [("لا يقل عن 25", 25, None, "at_least", False)]),
        ("قتل على الأقل 25 شخصا", [("على الأقل 25", 25, None, "at_least", False)]),
        ("قتل أكثر من 50 مدنيا", [("أكثر من 50", 50, None, "more_than", False)]),
        ("قتل ما يزيد عن 50 مدنيا", [("ما يزيد عن 50", 50, None, "more_than", False)]),
        ("قتل ما يزيد على خمسين", [("ما يزيد على خمسين", 50, None, "more_than", False)]),
        ("قتل أزيد من 50", [("أزيد من 50", 50, None, "more_than", False)]),
        ("بلغ عدد القتلى ما يربو على 70", [("ما يربو على 70", 70, None, "more_than", False)]),
        ("قتل نحو 30 مسلحا", [("نحو 30", 30, None, "about", False)]),
        ("قتل قرابة ثلاثين", [("قرابة ثلاثين", 30, None, "about", False)]),
        ("قتل حوالي 30", [("حوالي 30", 30, None, "about", False)]),
        ("قتل حوالى 30", [("حوالى 30", 30, None, "about", False)]),
        ("قتل زهاء 30", [("زهاء 30", 30, None, "about", False)]),
        ("قتل ما يقارب 30", [("ما يقارب 30", 30, None, "about", False)]),
        ("قدر عدد الضحايا بنحو 30", [("نحو 30", 30, None, "about", False)]),
        ("قتل ما يصل إلى 40 شخصا", [("ما يصل إلى 40", 40, None, "up_to", False)]),
        ("قد يرتفع العدد حتى 40", [("حتى 40", 40, None, "up_to", False)]),
        ("ارتفع عدد القتلى إلى 40", [("40", 40, None, "exact", False)]),
        # qualifiers after the number or its noun
        ("قتل 25 شخصا على الأقل في غارة", [("25 شخصا على الأقل", 25, None, "at_least", False)]),
        ("قتل 25 على الأقل", [("25 على الأقل", 25, None, "at_least", False)]),
        ("قتل خمسة مدنيين على الأقل", [("خمسة مدنيين على الأقل", 5, None, "at_least", False)]),
        ("قتل 7 أشخاص تقريبا", [("7 أشخاص تقريبا", 7, None, "about", False)]),
        ("قتل عشرون ونيف", [("عشرون ونيف", 20, None, "more_than", False)]),
        ("قتل 25 شخصا، وأصيب آخرون على الأقل", [("25", 25, None, "exact", False)]),
        # ranges
        ("قتل بين 10 و15 شخصا", [("بين 10 و15", 10, 15, "exact", False)]),
        ("قتل ما بين 10 و 15 شخصا", [("ما بين 10 و 15", 10, 15, "exact", False)]),
        ("قتل بين عشرة وعشرين", [("بين عشرة وعشرين", 10, 20, "exact", False)]),
        ("قتل 20-25 شخصا", [("20-25", 20, 25, "exact", False)]),
        # ordinals and non-counts
        ("الفرقة الثانية والكتيبة الثالثة", []),
        ("في القرن التاسع عشر", []),
        ("الدورة الحادية عشرة", []),
        ("قتل أحد المسلحين", []),
        ("لم يصب أحد", []),
        ("لست أدري", []),
        ("نسبة 3.5 من السكان", []),
        ("وصل 3.5 الفاشر", []),
        ("تضرر 2.5 مليونا", [("2.5 مليونا", 2500000, None, "exact", False)]),
        ("في الفاشر والتحالف", []),
    ],
)
def test_numbers_counts(text: str, expected: list[tuple[str, int, int | None, str, bool]]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("في عام 2024 قتل", 2024, "year"),
        ("منذ 2011", 2011, "year"),
        ("في ديسمبر 2024", 2024, "year"),
        ("في كانون الأول/ديسمبر 2023", 2023, "year"),
        ("عام 1446 هـ", 1446, "year"),
        ("في 1445 هـ", 1445, "year"),
        ("اندلعت الاحتجاجات في 2019.", 2019, "year"),
        ("قتل 2000 شخص", 2000, "count"),
        ("في 3 كانون الأول", 3, "date"),
        ("في 3 ديسمبر", 3, "date"),
        ("في 15 من شهر رمضان", 15, "date"),
        ("بتاريخ 12/3/2024", 12, "date"),
        ("بتاريخ 2024-12-03", 2024, "date"),
        ("بتاريخ 2024.12.02", 2024, "date"),
        ("عند الساعة 10:30", 10, "other"),
        ("عند الساعة 10 صباحا", 10, "other"),
        ("نسبة 40% من السكان", 40, "percent"),
        ("نسبة ٤٠٪ من السكان", 40, "percent"),
        ("نسبة 40 بالمئة", 40, "percent"),
        ("نسبة 40 في المائة", 40, "percent"),
        ("بقيمة 5 ملايين دولار", 5000000, "money"),
        ("بقيمة 500 دولار", 500, "money"),
        ("غرامة 200 جنيه", 200, "money"),
        ("بقيمة 3 مليارات ريال", 3000000000, "money"),
        ("بتكلفة 2 مليار", 2000000000, "money"),
        ("خلال الـ24 ساعة الماضية", 24, "other"),
        ("منذ ثلاثة أيام", 3, "other"),
        ("طفل يبلغ 12 عاما", 12, "other"),
        ("على بعد 5 كلم", 5, "other"),
        ("على بعد 5 كيلومترات", 5, "other"),
        ("طائرة F-16", 16, "other"),
        ("من اللواء 93", 93, "other"),
        ("القرار 2254", 2254, "other"),
        ("قتل 7 جنود", 7, "count"),
        ("- 10 غارات على قاعدة الديلمي", 10, "count"),
    ],
)
def test_numbers_kinds(text: str, value: int, kind: str) -> None:
    ms = find_numbers(text)
    assert len(ms) >= 1
    assert (ms[0].value, ms[0].kind) == (value, kind)


@pytest.mark.parametrize("text", ["12/3/202410:30", "3.510:30", "2024-12-0310:30١٢", "10:30:15", ":5", "5:"])
def test_numbers_glued_digit_runs_do_not_crash(text: str) -> None:
    for m in find_numbers(text):
        assert text[m.start:m.end] == m.text


def test_numbers_qualifier_only_for_counts() -> None:
    (m,) = find_numbers("استمر القتال حتى 2024")
    assert m.kind == "year" and m.qualifier == "exact"


@pytest.mark.parametrize(
    "text",
    [
        "قُتل ٢٥ شخصاً على الأقلّ وأُصيب العشراتُ في قصفٍ على بلدة سرمين بريف إدلب",
        "\u200fقتل\u200f 25\u200f شخصا\u200f على الأقل",
        "أعلنت الأمم المتحدة نزوح أكثر من ثلاثة ملايين سوداني منذ نيسان",
        "وقتل ثلاثة من عناصر الأمن وجرح اثنان آخران في هجوم على حاجز في العريش",
    ],
)
def test_numbers_spans_slice_raw_text(text: str) -> None:
    for m in find_numbers(text):
        assert text[m.start:m.end] == m.text


def test_numbers_span_keeps_final_mark() -> None:
    (m,) = find_numbers("قتل خمسةُ أشخاص")
    assert m.text == "خمسةُ"


def test_numbers_accepts_normalized() -> None:
    text = "قُتل ٢٥ شخصاً على الأقل"
    assert find_numbers(normalize(text)) == find_numbers(text)


def test_numbers_several_in_one_sentence() -> None:
    text = "قتل 12 مدنيا بينهم ثلاثة أطفال وأصيب أكثر من 40 آخرين في غارات على خان يونس"
    got = [(m.text, m.value, m.qualifier) for m in find_numbers(text)]
    assert got == [("12", 12, "exact"), ("ثلاثة", 3, "exact"), ("أكثر من 40", 40, "more_than")]


def test_numbers_mention_is_frozen() -> None:
    (m,) = find_numbers("قتل 5")
    assert isinstance(m, NumberMention)
    with pytest.raises(AttributeError):
        m.value = 6  # type: ignore[misc]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("جنديين", 2),
        ("جنديان", 2),
        ("طفلين", 2),
        ("طفلتين", 2),
        ("والطفلين", 2),
        ("شخصين", 2),
        ("امرأتين", 2),
        ("غارتين", 2),
        ("بقذيفتين", 2),
        ("صاروخين", 2),
        ("يومين", 2),
        ("قتيلين", 2),
        ("مسلحين", None),  # dual and sound plural are spelled alike
        ("مسلحان", 2),  # the nominative dual is not
        ("فلسطينيان", 2),
        ("مدنيان", 2),
        ("عسكريين", None),
        ("بيان", None),
        ("عصيان", None),
        ("سودان", None),
        ("مدنيين", None),
        ("متظاهرين", None),
        ("فلسطين", None),
        ("لبنان", None),
        ("جندي", None),
    ],
)
def test_numbers_dual_count(word: str, expected: int | None) -> None:
    assert dual_count(word) == expected


def test_numbers_dual_count_with_own_singulars() -> None:
    assert dual_count("حارسين", {"حارس"}) == 2
    assert dual_count("جنديين", {"حارس"}) is None


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("خمسة عشر", 15), ("ثلاثة", 3), ("12", 12), ("عدة", None), ("قتل", None), ("خمسة أيام", None)],
)
def test_numbers_words_value(phrase: str, value: int | None) -> None:
    assert words_value(phrase) == value


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["قتل", " ", "خمسة", "و", "عشرين", "25", "١٢", "على الأقل", "ألف", "آلاف",
                                 "بين", "نحو", "،", ".", "ـ", "\u064b", "3.5", "1,200", "مليون", "عشر", "ديسمبر",
                                 "%", "\u200f", "ما لا يقل عن", "2024", "10:30", ":", "/", "-", "12/3/2024"]),
                        max_size=25).map("".join))
def test_numbers_never_crash_and_spans_round_trip(text: str) -> None:
    last = -1
    for m in find_numbers(text):
        assert text[m.start:m.end] == m.text
        assert m.start >= last
        assert m.kind in ("count", "year", "date", "percent", "money", "other")
        assert m.qualifier in ("exact", "at_least", "about", "more_than", "up_to")
        assert m.max is None or m.max > m.value
        last = m.end


def test_numbers_range_of_a_normalized_document() -> None:
    text = "قُتل ٥ أشخاص في حلب. وأصيب عشرةٌ آخرون في إدلب. ونزح 3 آلاف."
    norm = normalize(text)
    second = text.index("وأصيب"), text.index("ونزح") - 1
    got = find_numbers(norm, *second)
    assert [(m.text, m.value) for m in got] == [("عشرةٌ", 10)]
    assert text[got[0].start:got[0].end] == "عشرةٌ"
    assert [m.value for m in find_numbers(norm, text.index("ونزح"))] == [3000]
    assert find_numbers(norm, 0, len(text)) == find_numbers(text)


def test_numbers_shipped_word_list_loads() -> None:
    words = parse_numbers((files("marsad.kb") / "data" / "numbers.tsv").read_text(encoding="utf-8"))
    assert words["عشرين"].value == 20 and words["ثلاثمائه"].value == 300
    assert {w.type for w in words.values()} <= set(NUMBER_TYPES)


@pytest.mark.parametrize(
    ("tsv", "message"),
    [
        ("خمسة\t5\tunit\nخمسه\t5\tunit\n", "numbers.tsv:2: 'خمسه' duplicates"),
        ("خمسة\t5\tcardinal\n", "numbers.tsv:1: unknown type 'cardinal'"),
        ("خمسة\tfive\tunit\n", "numbers.tsv:1: 'five' is not an integer"),
        ("# comment\nخمسة\t5\n", "numbers.tsv:2: expected 3 tab-separated columns, got 2"),
    ],
)
def test_numbers_word_list_errors_name_the_line(tsv: str, message: str) -> None:
    with pytest.raises(KnowledgeBaseError, match=message):
        parse_numbers(tsv)


def test_numbers_shared_qualifier_between_two_numbers_does_not_overlap():
    found = find_numbers("خمسة على الأقل خمسة")
    assert [m.text for m in found] == ["خمسة على الأقل", "خمسة"]


def test_numbers_a_post_qualifier_never_reaches_over_the_next_number() -> None:
    """Found by the property test above: "آلاف عشر على الأقل" gave "آلاف … على الأقل" over "عشر"."""
    found = find_numbers("-آلاف عشر\u200f على الأقل-قتل")
    assert [m.text for m in found] == ["آلاف", "عشر\u200f على الأقل"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
