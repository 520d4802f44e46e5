"""Which place, which incident, which period: sentence frames, landmarks, means of attack, "منذ" and
listed victims, on short reports written for these tests."""

from __future__ import annotations

import pytest


def _events(result, plover):
    return [e for e in result.events if e.plover.type == plover]


def test_where_a_fronted_place_frames_the_sentence(extract):
    text = ("وفي بلدة بيت أمر شمال الخليل، أصيب ثلاثة شبان برصاص قوات الاحتلال خلال مواجهات "
            "اندلعت احتجاجا على اقتحام مدينة نابلس.")
    events = extract(text, published="2022-11-02").events
    assert events and all([loc.name for loc in e.locations] == ["Bayt Ūmmar"] for e in events)


def test_where_a_landmark_after_a_direction_word_is_no_second_place(extract):
    text = "انفجرت سيارة مفخخة في سوق بلدة المقدادية شمال شرقي بعقوبة صباح اليوم ما أدى إلى مقتل سبعة أشخاص."
    e = _events(extract(text, published="2008-03-04"), "ASSAULT")[0]
    assert [loc.name for loc in e.locations] == ["Miqdadiyah"]


def test_where_a_bomb_and_a_gun_battle_of_one_day_are_two_incidents(extract):
    text = ("قتل ثلاثة جنود في اشتباكات مع مسلحين في مدينة الرمادي صباح الأحد. "
            "وقال مصدر أمني إن عبوة ناسفة انفجرت في الرمادي صباح الأحد لدى مرور دورية للشرطة "
            "ما أدى إلى مقتل شرطيين.")
    modes = sorted(e.plover.mode for e in _events(extract(text, published="2014-01-13"), "ASSAULT"))
    assert modes == ["explosive", "firearms"]


def test_when_a_comparison_with_since_is_no_period(extract):
    text = "خرج آلاف المتظاهرين يوم الجمعة في مدينة درعا في أكبر مظاهرة منذ اندلاع الاحتجاجات."
    assert _events(extract(text, published="2011-04-09"), "PROTEST")


def test_when_a_toll_since_a_recent_day_is_news_and_since_a_war_is_not(extract):
    fresh = "قالت وزارة الصحة إن خمسة عشر شخصا قتلوا في مدينة الفاشر منذ اندلاع القتال يوم الخميس."
    e = _events(extract(fresh, published="2024-05-11"), "ASSAULT")[0]
    assert e.fatalities is not None and e.fatalities.min == 15
    old = "قالت منظمات حقوقية إن أكثر من ألفي مدني قتلوا في مدينة الفاشر منذ اندلاع الحرب."
    assert _events(extract(old, published="2024-05-11"), "ASSAULT") == []


@pytest.mark.parametrize(("text", "killed"), [
    ("قتل ضابط ومجندان في هجوم على حاجز للجيش في العريش اليوم.", 3),
    ("أسفر القصف عن مقتل سيدة وثلاث فتيات من عائلة واحدة في مدينة تعز.", 4),
    ("قتل ثلاثة جنود في هجوم على حاجز للجيش في العريش اليوم.", 3),
    ("أطلق مسلحون النار على سيارة إسعاف في حي الراموسة بحلب ما أدى إلى مقتل متطوع في الدفاع المدني.", 1),
    ("استشهد خمسة مواطنين خلال عدوان شنته قوات الاحتلال على مدينة نابلس فجر اليوم. "
     "ومن بين الشهداء القيادي في المجموعة وديع الحوح.", 5),
])
def test_when_listed_victims_add_up(extract, text, killed):
    e = _events(extract(text, published="2017-02-02"), "ASSAULT")[0]
    assert e.fatalities is not None and e.fatalities.min == killed


@pytest.mark.parametrize("text", [
    "دعت الأمم المتحدة الطرفين إلى وقف إطلاق النار والحوار في مدينة الحديدة.",
    "ودعا تجمع المهنيين السودانيين إلى مظاهرات حاشدة في الخرطوم يوم الخميس.",
])
def test_rules_what_a_call_asks_for_is_no_event(extract, text):
    types = sorted(e.plover.type for e in extract(text, published="2018-06-20").events)
    assert types == ["REQUEST"]


def test_rules_clashes_of_youths_with_forces_are_a_riot(extract):
    text = "اندلعت مواجهات بين الشبان وقوات الاحتلال عند مدخل بلدة سلواد مساء اليوم."
    e = extract(text, published="2015-10-09").events[0]
    assert (e.plover.type, e.plover.mode) == ("PROTEST", "riot")


def test_rules_analysts_views_are_background(extract):
    text = "ويرى محللون أن المعركة المقبلة ستدور حول مدينة سرت بين قوات الحكومة وقوات حفتر."
    assert extract(text, published="2020-06-06").events == ()


def test_where_the_name_after_a_reporting_verb_is_a_speaker_not_a_place(extract):
    text = "وقال الرفاعي في بيان إن قوات الجيش قتلت ثلاثة مسلحين في مدينة العريش اليوم."
    e = [e for e in extract(text, published="2018-02-10").events if e.plover.type == "ASSAULT"][0]
    assert [loc.name_ar for loc in e.locations] == ["العريش"]


def test_rules_fire_on_protesters_is_the_protest_s_event(extract):
    text = "أطلقت قوات الأمن الرصاص الحي على المحتجين قرب جسر الزيتون في مدينة الناصرية مساء أمس ما أدى إلى مقتل ثلاثة منهم."
    e = extract(text, published="2019-10-05").events[0]
    assert (e.plover.type, e.acled.event_type, e.acled.sub_event_type) == (
        "PROTEST", "Protests", "Excessive force against protesters")
    assert e.actor1.type == "protesters" and e.actor2.id == "IRQ-SEC"
    assert e.fatalities is not None and e.fatalities.min == 3


def test_rules_a_toll_of_battles_does_not_join_an_air_strike(extract):
    text = ("شن الطيران الحربي غارة جوية على مطار معيتيقة في طرابلس ظهر اليوم. "
            "وتواصلت الاشتباكات العنيفة بين قوات حكومة الوفاق وقوات حفتر جنوب طرابلس. "
            "وقالت وزارة الصحة إن حصيلة المعارك بلغت عشرين قتيلا.")
    events = {e.plover.mode: e for e in extract(text, published="2019-04-08").events if e.plover.type == "ASSAULT"}
    assert set(events) == {"aerial", "firearms"}
    assert events["aerial"].fatalities is None
    assert events["firearms"].fatalities is not None and events["firearms"].fatalities.min == 20


def test_rules_also_opens_a_further_incident(extract):
    text = ("شنت طائرات التحالف غارات على معسكر السواد في صنعاء فجر اليوم. "
            "كما استهدفت الغارات قاعدة الديلمي الجوية في مديرية بني الحارث.")
    assaults = [e for e in extract(text, published="2015-03-26").events if e.plover.type == "ASSAULT"]
    assert len(assaults) == 2


def test_rules_what_a_protest_answers_is_no_event_of_its_sentence(extract):
    text = "وتظاهر آلاف الفلسطينيين في مدينة رام الله احتجاجا على الغارات الإسرائيلية على قطاع غزة."
    types = [e.plover.type for e in extract(text, published="2008-12-28").events]
    assert types == ["PROTEST"]


def test_rules_a_march_and_a_riot_of_one_sentence_are_two_protests(extract):
    text = ("وتظاهر آلاف الفلسطينيين في مدينة الخليل، واندلعت مواجهات بين الشبان وقوات الاحتلال "
            "عند مدخل بلدة سلواد.")
    modes = sorted(e.plover.mode for e in extract(text, published="2008-12-28").events if e.plover.type == "PROTEST")
    assert modes == ["demonstration", "riot"]


def test_when_the_date_a_period_began_is_not_the_event_s(extract):
    text = ("خرج عشرات الآلاف من المتظاهرين اليوم الجمعة في مدينة حماة، في أكبر تظاهرة منذ اندلاع "
            "الاحتجاجات في آذار الماضي.")
    e = [e for e in extract(text, published="2011-07-01").events if e.plover.type == "PROTEST"][0]
    assert e.date is not None and e.date.start == "2011-07-01"


def test_rules_who_a_fight_is_with_is_the_other_side(extract):
    text = "وقال الجيش الإسرائيلي إن 13 من جنوده قتلوا في معارك مع مقاتلي حماس في حي الشجاعية."
    e = [e for e in extract(text, published="2014-07-21").events if e.plover.type == "ASSAULT"][0]
    assert e.actor2 is not None and e.actor2.id == "PSE-HAMAS"
    assert not e.assoc_actor1


def test_where_the_dateline_is_no_event_place(extract):
    text = "دمشق - سيطرت فصائل المعارضة المسلحة، أمس الخميس، على مدينة حماة وسط سوريا بعد معارك عنيفة."
    e = [e for e in extract(text, published="2024-12-06").events if e.plover.type == "ASSAULT"][0]
    assert [loc.name_ar for loc in e.locations] == ["حماة"]


def test_where_a_foreign_army_s_story_keeps_the_places_of_the_land_it_fights_in(extract):
    text = ("أنقرة – أعلنت وزارة الدفاع التركية أن الجيش التركي والفصائل الموالية له سيطرت على مدينة تل أبيض في شمال شرقي سوريا. "
            "وقالت قوات سوريا الديمقراطية إن مقاتليها صدوا هجوما واسعا شنته القوات التركية على مدينة رأس العين.")
    places = {loc.name_ar for e in extract(text, published="2019-10-13").events for loc in e.locations}
    assert "رأس العين" in places


@pytest.mark.parametrize(("text", "published", "actor1"), [
    pytest.param('قال الجيش الإسرائيلي إن قواته قتلت خمسة مسلحين من حركة الجهاد الإسلامي في اشتباك قرب بلدة طمون.', '2024-01-08', 'ISR-MIL', id="a source's own forces (قواته) are the source"),
    pytest.param('قال المتحدث العسكري إن القوات الجوية نفذت ضربات على مواقع للمسلحين في جبل الحلال بشمال سيناء اليوم.', '2018-02-10', 'EGY-MIL', id="an air force without a nationality is the country's military"),
    pytest.param('أعلن الدفاع المدني ارتفاع عدد قتلى الغارات الروسية على بلدة كفرنبل في ريف إدلب إلى اثني عشر قتيلا.', '2019-05-06', 'RUS-MIL', id='a toll of named strikes keeps their author'),
    pytest.param('وأفاد شهود بأن مسلحين من الدعم السريع اختطفوا 12 شخصا من قرية قرب مدينة الحصاحيصا.', '2024-01-10', 'SDN-RSF', id='unnamed gunmen of a named group are the group'),
    pytest.param('أصيب ثلاثة فلسطينيين خلال هجوم واسع شنه مئات المستوطنين على بلدة حوارة جنوب نابلس.', '2023-02-27', 'ISR-SETTLERS', id='a crowd that attacks is no victim'),
])
def test_rules_actor1_of_an_attack(extract, text, published, actor1):
    e = [e for e in extract(text, published=published).events if e.plover.type == "ASSAULT"][0]
    assert e.actor1 is not None and e.actor1.id == actor1


def test_rules_the_occupation_in_a_palestinian_story_is_the_israeli_army(extract):
    text = "وقصف الاحتلال منزلا لعائلة أبو شمالة في مدينة رفح جنوب قطاع غزة فجر اليوم ما أدى إلى استشهاد خمسة مواطنين."
    e = extract(text, published="2023-11-01").events[0]
    assert e.actor1 is not None and e.actor1.id == "ISR-MIL"
