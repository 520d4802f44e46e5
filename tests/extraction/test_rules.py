"""The extraction's rules, one behaviour each, on short reports written for these tests."""

from __future__ import annotations


def _assaults(result):
    return [e for e in result.events if e.plover.type == "ASSAULT"]


def test_rules_repelled_attack_keeps_the_attacker_as_actor1(extract):
    text = "وقال الجيش السوداني إن قواته صدت هجوما لقوات الدعم السريع على مدينة الأبيض فجر اليوم."
    e = _assaults(extract(text, published="2023-06-10"))[0]
    assert e.actor1.id == "SDN-RSF"
    assert e.actor2 is not None and e.actor2.id == "SDN-MIL"


def test_rules_a_second_bomb_is_a_second_incident(extract):
    text = (
        "قتل تسعة أشخاص بانفجار سيارة مفخخة في سوق شعبي بمدينة كركوك صباح اليوم. "
        "وانفجرت عبوة ناسفة ثانية قرب دورية للشرطة في قضاء الحويجة ما أسفر عن مقتل شرطيين اثنين."
    )
    figures = sorted(e.fatalities.min for e in _assaults(extract(text, published="2016-04-02")) if e.fatalities)
    assert figures == [2, 9]


def test_rules_running_totals_make_no_event(extract):
    text = "وتقول منظمات حقوقية إن أكثر من ثلاثة آلاف شخص قتلوا منذ اندلاع الحرب في البلاد."
    assert _assaults(extract(text, published="2016-04-02")) == []


def test_rules_undated_follow_up_takes_the_story_date(extract):
    text = (
        "قصفت طائرات حربية بلدة كفرنبل في ريف إدلب أمس. "
        "وأفاد ناشطون بأن القصف استهدف مستشفى البلدة ومركزا للدفاع المدني."
    )
    result = extract(text, published="2019-05-06")
    assert all(e.date is not None and e.date.start == "2019-05-05" for e in result.events)


def test_rules_purpose_words_are_no_events(extract):
    text = "وصلت تعزيزات عسكرية تركية إلى ريف إدلب اليوم لدعم فصائل المعارضة ولصد أي هجوم محتمل."
    types = {e.plover.type for e in extract(text, published="2020-02-10").events}
    assert "MOBILIZE" in types
    assert "SUPPORT" not in types and "ASSAULT" not in types


def test_rules_short_quoted_labels_are_no_events(extract):
    text = "وبحث الوزيران في اتصال هاتفي اليوم ما وصفاه بـ“العدوان الغاشم” على المدنيين."
    types = [e.plover.type for e in extract(text, published="2021-05-12").events]
    assert types == ["CONSULT"]


def test_rules_title_and_name_are_one_person(extract):
    text = "استقبل الرئيس اللبناني ميشال عون في بعبدا اليوم المبعوث الأممي يان كوبيتش."
    e = extract(text, published="2021-03-03").events[0]
    assert e.plover.type == "CONSULT"
    assert e.actor1.type == "person" and e.actor1.mention.text.startswith("الرئيس")


def test_rules_title_line_joins_the_body_telling(extract):
    text = (
        "مقتل 7 مدنيين بقصف على حي في مدينة حلب\n"
        "قتل سبعة مدنيين اليوم الأحد بقصف صاروخي على حي الشعار في مدينة حلب، وفق المرصد السوري لحقوق الإنسان."
    )
    assaults = _assaults(extract(text, published="2016-05-01"))
    assert len(assaults) == 1 and len(assaults[0].evidence) == 2 and assaults[0].fatalities.min == 7


def test_rules_each_reporting_verb_governs_what_follows_it(extract):
    text = ("قالت حركة حماس إن مقاتليها قصفوا مستوطنة سديروت بالصواريخ، فيما أعلن الجيش الإسرائيلي "
            "أنه شن غارات على مواقع في خان يونس.")
    result = extract(text, published="2014-07-10")
    sources = {e.plover.mode: {c.source.id for c in e.claims if c.source} for e in _assaults(result)}
    assert sources.get("aerial") == {"ISR-MIL"}


def test_rules_the_named_repeller_is_the_target(extract):
    text = "وصدت قوات الجيش السوداني أمس هجوما شنته قوات الدعم السريع على مدينة الفاشر."
    e = _assaults(extract(text, published="2024-05-12"))[0]
    assert (e.actor1.id, e.actor2 and e.actor2.id) == ("SDN-RSF", "SDN-MIL")


def test_rules_one_person_named_without_a_number_is_one_death(extract):
    text = "استشهد الشاب محمد سالم برصاص قوات الاحتلال خلال مواجهات في بلدة بيتا جنوب نابلس اليوم."
    e = _assaults(extract(text, published="2021-06-11"))[0]
    assert e.fatalities.min == 1


def test_rules_both_sides_of_a_battle_add_up(extract):
    text = "قتل 14 عنصرا من قوات النظام و9 من مقاتلي هيئة تحرير الشام في اشتباكات عنيفة قرب بلدة سراقب أمس."
    e = _assaults(extract(text, published="2020-02-06"))[0]
    assert e.fatalities.min == 23 and e.fatalities.group == "combatants"


def test_rules_a_name_and_a_colon_is_the_source(extract):
    text = "نادي الأسير: اعتقال 25 فلسطينيا في حملة دهم إسرائيلية بالضفة الغربية\nاعتقلت قوات الاحتلال فجر اليوم 25 فلسطينيا."
    e = [e for e in extract(text, published="2022-03-01").events if e.plover.type == "COERCE"][0]
    assert "PSE-PPS" in {c.source.id for c in e.claims if c.source}


def test_rules_the_same_source_again(extract):
    text = ("قال مصدر في وزارة الداخلية العراقية إن سيارة مفخخة انفجرت في سوق الشورجة ببغداد اليوم. "
            "وقال المصدر نفسه إن عبوة ناسفة ثانية انفجرت في حي الأمين ما أسفر عن مقتل ثلاثة أشخاص.")
    events = _assaults(extract(text, published="2014-01-05"))
    sources = [c.source for e in events for c in e.claims]
    assert len(events) == 2 and all(s is not None and s.id == "IRQ-GOV" for s in sources)


def test_rules_an_unclaimed_bombing_is_an_unidentified_groups(extract):
    text = "قتل ستة أشخاص بانفجار سيارة مفخخة في سوق مدينة الرمادي مساء أمس."
    e = _assaults(extract(text, published="2013-09-02"))[0]
    assert e.actor1.id == "IRQ-UAG" and e.actor2.id == "IRQ-CIV"


def test_rules_a_headline_topic_country_is_no_actor(extract):
    text = "اليمن.. قذيفة حوثية تقتل 3 أطفال في تعز\nقتل ثلاثة أطفال بقذيفة أطلقها الحوثيون على حي سكني في تعز أمس."
    e = _assaults(extract(text, published="2021-10-30"))[0]
    assert e.actor1 is not None and e.actor1.id != "YEM-GOV"


def test_rules_sport_makes_no_event(extract):
    text = "وشن المنتخب العراقي هجوما قويا في الشوط الثاني من المباراة وتقدم بهدفين على منتخب سوريا."
    assert extract(text, published="2019-01-10").events == ()


def test_rules_an_incident_recalled_from_weeks_ago_is_background(extract):
    text = ("قتل أربعة جنود بهجوم على حاجز في ريف درعا أمس. "
            "وكانت فصائل المعارضة قد شنت هجوما واسعا على مدينة درعا في الثالث من آذار الماضي.")
    dates = [e.date.start for e in _assaults(extract(text, published="2018-04-20"))]
    assert dates == ["2018-04-19"]


def test_rules_a_man_and_his_son_are_two(extract):
    text = "وأسفرت غارة جوية على أطراف بلدة كفرنبل عن مقتل رجل وابنه بعد الظهر."
    assert _assaults(extract(text, published="2019-07-22"))[0].fatalities.min == 2


def test_rules_the_source_in_according_to_what_x_reported_is_no_actor(extract):
    text = ("قتل 9 مدنيين على الأقل اليوم في غارات جوية على سوق مدينة أريحا، "
            "بحسب ما أفاد الدفاع المدني السوري (الخوذ البيضاء).")
    e = _assaults(extract(text, published="2019-06-03"))[0]
    assert e.actor1 is None or e.actor1.id != "SYR-WHITEHELMETS"
    assert [c.source.id for c in e.claims] == ["SYR-WHITEHELMETS"]
