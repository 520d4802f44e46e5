"""find_places over sentences the project wrote: spans, lists and duals, cues, and the words it must skip."""

from __future__ import annotations

import pytest

from marsad.geo import find_places


def _found(text: str, hint: str | None = "SY") -> list[tuple[str, str, int]]:
    out = []
    for m in find_places(text, hint):
        assert text[m.start:m.end] == m.text
        out.append((m.text, m.result.match.country, m.result.precision))
    return out


@pytest.mark.parametrize(("text", "hint", "expected"), [
    ("قصفت الطائرات بلدة كفرنبل في ريف إدلب الجنوبي صباح اليوم.", "SY",
     [("بلدة كفرنبل", "SY", 1), ("ريف إدلب الجنوبي", "SY", 2)]),
    ("شهدت محافظتي إدلب وحماة تصعيدا عسكريا.", "SY", [("محافظتي إدلب", "SY", 3), ("حماة", "SY", 3)]),
    ("تعرضت مدن حلب وحماة وحمص لقصف صاروخي.", "SY", [("مدن حلب", "SY", 1), ("حماة", "SY", 1), ("حمص", "SY", 1)]),
    ("أصيب جنديان في جنوب لبنان بنيران إسرائيلية.", "LB", [("جنوب لبنان", "LB", 3)]),
    ("تتواصل الغارات على شمال غرب سوريا منذ أسبوع.", "SY", [("شمال غرب سوريا", "SY", 4)]),
    ("قتل خمسة أشخاص بانفجار في الفلوجة بمحافظة الأنبار.", "IQ",
     [("الفلوجة", "IQ", 1), ("محافظة الأنبار", "IQ", 3)]),
    ("سيطرت قوات الدعم السريع على مدينة الفاشر في ولاية شمال دارفور.", "SD",
     [("مدينة الفاشر", "SD", 1), ("ولاية شمال دارفور", "SD", 3)]),
    ("اقتحمت القوات مخيم جنين ومخيم نور شمس في الضفة الغربية.", "PS",
     [("مخيم جنين", "PS", 1), ("مخيم نور شمس", "PS", 1), ("الضفة الغربية", "PS", 3)]),
    ("عبرت الشاحنات معبر باب الهوى صباحا.", "SY", [("معبر باب الهوى", "SY", 1)]),
    ("سقطت قذائف على البو كمال والميادين في ريف دير الزور الشرقي.", "SY",
     [("البو كمال", "SY", 1), ("الميادين", "SY", 1), ("ريف دير الزور الشرقي", "SY", 2)]),
    ("وصل الوفد إلى بغداد ثم توجه إلى أربيل.", "IQ", [("بغداد", "IQ", 3), ("أربيل", "IQ", 3)]),
    ("استهدفت غارة قرية الشيخ مسكين بالقرب من مدينة درعا.", "SY",
     [("قرية الشيخ مسكين", "SY", 1), ("بالقرب من مدينة درعا", "SY", 2)]),
    ("وبإدلب قتل مدنيان، ولدمشق وصلت تعزيزات.", "SY", [("إدلب", "SY", 3), ("دمشق", "SY", 3)]),
])
def test_find_places_mentions(text, hint, expected):
    assert _found(text, hint) == expected


@pytest.mark.parametrize("text", [
    "اجتمع الرئيس عمر مع أحمد في قاعة السلام لبحث الحرية والنصر.",
    "قالت القوات إن الجيش والدولة يعملان من أجل المدينة اليوم.",
    "أعلن المتحدث باسم الحكومة السورية أن الوفد العراقي سيصل غدا.",
    "نشرت الجزيرة تقريرا عن الثورة في شهر نيسان.",
    "",
])
def test_find_places_skips_common_words_names_and_adjectives(text):
    assert _found(text, None) == []


def test_find_places_small_village_needs_a_cue():
    bare = _found("قال عبد الكريم إن الأمور هادئة.")
    assert bare == []


def test_find_places_country_inferred_without_hint():
    found = find_places("قصفت الطائرات مدينة سراقب شرق إدلب.")
    assert [m.result.match.country for m in found] == ["SY", "SY"]
    assert found[0].result.match.name_ar == "سراقب"


def test_find_places_offsets_survive_diacritics_and_tatweel():
    text = "قُصِفَت مدينـة حَلَب مساءً"
    found = find_places(text, "SY")
    assert [text[m.start:m.end] for m in found] == ["مدينـة حَلَب"]
