"""End-to-end extraction on short reports written for these tests."""

from __future__ import annotations

import pytest

from marsad.errors import InputError

STRIKE = (
    "قال الجيش السوري يوم الأحد إن غاراته الجوية المشتركة مع روسيا على مواقع المتمردين في ريف إدلب "
    "أسفرت عن مقتل ما لا يقل عن 120 مسلحا خلال الـ 24 ساعة الماضية."
)


def _types(result):
    return [e.plover.type for e in result.events]


def test_pipeline_air_strike_arguments(extract):
    result = extract(STRIKE, published="2024-03-10")
    assert _types(result) == ["ASSAULT"]
    e = result.events[0]
    assert e.plover.mode == "aerial"
    assert e.acled.sub_event_type == "Air/drone strike"
    assert e.actor1.id == "SYR-MIL"
    assert "RUS-MIL" in [a.id for a in e.assoc_actor1] or "RUS-GOV" in [a.id for a in e.assoc_actor1]
    assert e.fatalities.min == 120 and e.fatalities.qualifier == "at_least"
    assert e.date.start == "2024-03-09" and e.date.end == "2024-03-10"
    assert e.locations and e.locations[0].country == "SY"
    assert e.claims and e.claims[0].source.id == "SYR-MIL"


def test_pipeline_two_sources_two_figures_are_one_contested_event(extract):
    text = (
        "أفاد المرصد السوري لحقوق الإنسان بمقتل 14 مدنيا في غارة جوية روسية على بلدة سراقب شرق إدلب أمس. "
        "وقال الدفاع المدني السوري إن 17 مدنيا قتلوا في الغارة الروسية على سراقب."
    )
    result = extract(text, published="2019-05-20")
    assault = [e for e in result.events if e.plover.type == "ASSAULT"]
    assert len(assault) == 1
    e = assault[0]
    assert e.contested is True
    assert e.fatalities.min == 14
    assert sorted(c.fatalities.min for c in e.claims if c.fatalities) == [14, 17]
    assert e.actor2 is not None and e.actor2.type == "civilians"


def test_pipeline_clitics_and_word_numbers(extract):
    text = "وقتل خمسة وعشرون مدنيا بقصف مدفعي لقوات النظام على بلدة كفرنبل بريف إدلب الجنوبي يوم الجمعة."
    result = extract(text, published="2018-02-12")
    e = result.events[0]
    assert e.plover.type == "ASSAULT"
    assert e.fatalities.min == 25
    assert e.date.start == "2018-02-09"


def test_pipeline_protest_and_arrests_are_two_events(extract):
    text = (
        "خرج آلاف المتظاهرين في مظاهرة وسط بغداد يوم الجمعة للمطالبة بإسقاط الحكومة، "
        "فيما اعتقلت قوات الأمن العراقية عشرين محتجا."
    )
    result = extract(text, published="2019-10-05")
    assert set(_types(result)) >= {"PROTEST", "COERCE"}


def test_pipeline_phone_call_between_leaders(extract):
    text = "بحث الرئيس التركي رجب طيب أردوغان مع نظيره الروسي فلاديمير بوتين في اتصال هاتفي اليوم الوضع في إدلب."
    result = extract(text, published="2020-03-01")
    consult = [e for e in result.events if e.plover.type == "CONSULT"]
    assert consult
    ids = {consult[0].actor1 and consult[0].actor1.id, consult[0].actor2 and consult[0].actor2.id}
    assert len(ids - {None}) == 2


def test_pipeline_denial_is_denied(extract):
    text = "ونفت وزارة الدفاع الروسية أن تكون طائراتها قد شنت غارات على مستشفى في بلدة معرة النعمان."
    result = extract(text, published="2019-08-01")
    assert result.events and result.events[0].modality == "denied"


def test_pipeline_background_makes_no_event(extract):
    text = "ويذكر أن الحرب في سوريا أسفرت منذ اندلاعها عام 2011 عن مقتل أكثر من نصف مليون شخص."
    assert extract(text, published="2020-01-01").events == ()


@pytest.mark.parametrize("text", ["", "   \n\t", "The army said on Sunday that its strikes killed 40 militants."])
def test_pipeline_rejects_empty_and_non_arabic(text):
    import marsad

    with pytest.raises(InputError):
        marsad.extract(text, published="2024-01-01")


def test_pipeline_rejects_impossible_date():
    import marsad

    with pytest.raises(InputError, match="not a real date"):
        marsad.extract(STRIKE, published="2024-02-30")


def test_pipeline_without_published_date_keeps_relative_dates_unresolved(extract):
    result = extract(STRIKE, published=None)
    e = result.events[0]
    assert e.date is None or e.date.start is None


def test_pipeline_spans_always_match_the_text(extract):
    text = "\u200f" + STRIKE.replace("الجيش", "الجيشُ") + "\u200d ـــ قصفٌ"
    result = extract(text)
    data = result.to_dict()
    from marsad.validate import iter_spans

    assert list(iter_spans(data))
