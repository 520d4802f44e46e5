"""Tests for marsad.kb.lexicons: the shipped trigger, reporting-verb, casualty and cue files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from marsad.errors import KnowledgeBaseError
from marsad.kb.lexicons import (
    ACLED_PAIRS,
    CASUALTIES_HEADER,
    CUES_HEADER,
    PLOVER_TYPES,
    REPORTING_HEADER,
    TRIGGERS_HEADER,
    Trigger,
    load_casualty_terms,
    load_cues,
    load_reporting_verbs,
    load_triggers,
)
from marsad.text.lexicon import Lexicon, lexicon_key
from marsad.text.normalize import normalize

ERV = "Explosions/Remote violence"
ARABIC_FORM = re.compile(r"^[\u0621-\u064a\u064b-\u0652\u0670]+( [\u0621-\u064a\u064b-\u0652\u0670]+)*$")


def _by_key(rows):
    return {lexicon_key(r.form): r for r in rows}


@pytest.fixture(scope="module")
def triggers() -> dict[str, Trigger]:
    return _by_key(load_triggers())


@pytest.fixture(scope="module")
def trigger_lexicon() -> Lexicon[Trigger]:
    return Lexicon((t.form, t) for t in load_triggers())


# --- the shipped files -------------------------------------------------------------------------


def test_lexicons_shipped_files_load_and_are_cached():
    assert load_triggers() is load_triggers()
    assert len(load_reporting_verbs()) >= 60
    assert len(load_casualty_terms()) >= 100
    assert len(load_cues()) >= 50


def test_lexicons_at_least_300_triggers():
    assert len(load_triggers()) >= 300


@pytest.mark.parametrize("plover", PLOVER_TYPES)
def test_lexicons_every_plover_type_has_triggers(plover):
    assert any(t.plover == plover for t in load_triggers())


@pytest.mark.parametrize(
    ("event_type", "sub_event_type"),
    [
        (ERV, "Air/drone strike"),
        (ERV, "Shelling/artillery/missile attack"),
        (ERV, "Remote explosive/landmine/IED"),
        (ERV, "Suicide bomb"),
        (ERV, "Grenade"),
        ("Battles", "Armed clash"),
        ("Battles", "Government regains territory"),
        ("Battles", "Non-state actor overtakes territory"),
        ("Violence against civilians", "Attack"),
        ("Violence against civilians", "Abduction/forced disappearance"),
        ("Protests", "Peaceful protest"),
        ("Protests", "Protest with intervention"),
        ("Riots", "Violent demonstration"),
        ("Strategic developments", "Arrests"),
        ("Strategic developments", "Looting/property destruction"),
        ("Strategic developments", "Disrupted weapons use"),
        ("Strategic developments", "Headquarters or base established"),
    ],
)
def test_lexicons_every_codebook_acled_pair_has_triggers(event_type, sub_event_type):
    assert any(
        (t.acled_event_type, t.acled_sub_event_type) == (event_type, sub_event_type) for t in load_triggers()
    )


@pytest.mark.parametrize("loader", [load_triggers, load_reporting_verbs, load_casualty_terms, load_cues])
def test_lexicons_forms_are_clean_arabic(loader):
    bad = [r.form for r in loader() if not ARABIC_FORM.match(r.form)]
    assert bad == []


@pytest.mark.parametrize(
    ("form", "plover", "mode", "acled"),
    [
        ("غارة", "ASSAULT", "aerial", (ERV, "Air/drone strike")),
        ("الغارة", "ASSAULT", "aerial", (ERV, "Air/drone strike")),
        ("غارات جوية", "ASSAULT", "aerial", (ERV, "Air/drone strike")),
        ("طائرة مسيّرة", "ASSAULT", "aerial", (ERV, "Air/drone strike")),
        ("براميل متفجرة", "ASSAULT", "aerial", (ERV, "Air/drone strike")),
        ("قصف مدفعي", "ASSAULT", "shelling", (ERV, "Shelling/artillery/missile attack")),
        ("قذائف هاون", "ASSAULT", "shelling", (ERV, "Shelling/artillery/missile attack")),
        ("صاروخ باليستي", "ASSAULT", "shelling", (ERV, "Shelling/artillery/missile attack")),
        ("عبوة ناسفة", "ASSAULT", "explosive", (ERV, "Remote explosive/landmine/IED")),
        ("سيارة مفخخة", "ASSAULT", "explosive", (ERV, "Remote explosive/landmine/IED")),
        ("حزام ناسف", "ASSAULT", "suicide", (ERV, "Suicide bomb")),
        ("انغماسي", "ASSAULT", "suicide", (ERV, "Suicide bomb")),
        ("اشتباكات", "ASSAULT", "firearms", ("Battles", "Armed clash")),
        ("كمين", "ASSAULT", "firearms", ("Battles", "Armed clash")),
        ("إعدام", "ASSAULT", "civilians", ("Violence against civilians", "Attack")),
        ("اختطاف", "ASSAULT", "abduction", ("Violence against civilians", "Abduction/forced disappearance")),
        ("اعتقال", "COERCE", "arrest", ("Strategic developments", "Arrests")),
        ("حملة مداهمات", "COERCE", "raid", ("Strategic developments", "Arrests")),
        ("حظر تجول", "COERCE", "curfew", None),
        ("مظاهرة", "PROTEST", "demonstration", ("Protests", "Peaceful protest")),
        ("وقفة احتجاجية", "PROTEST", "demonstration", ("Protests", "Peaceful protest")),
        ("أعمال شغب", "PROTEST", "riot", ("Riots", "Violent demonstration")),
        ("تعزيزات", "MOBILIZE", "deploy", None),
        ("سيطرت", "ASSAULT", "territory", ("Battles", "Non-state actor overtakes territory")),
        ("استعادت", "ASSAULT", "territory", ("Battles", "Government regains territory")),
        ("انسحاب", "RETREAT", "withdraw", None),
        ("اتصال هاتفي", "CONSULT", "phone", None),
        ("التقى", "CONSULT", "meeting", None),
        ("زيارة", "CONSULT", "visit", None),
        ("قافلة مساعدات", "AID", "aid", None),
        ("وقف إطلاق النار", "AGREE", "ceasefire", None),
        ("رفضت", "REJECT", None, None),
        ("اتهم", "ACCUSE", None, None),
        ("توعد", "THREATEN", None, None),
        ("تجميد أصول", "SANCTION", None, None),
        ("ناشد", "REQUEST", None, None),
        ("إطلاق سراح", "CONCEDE", "release", None),
        ("تنسيق", "COOPERATE", None, None),
    ],
)
def test_lexicons_trigger_spot_checks(triggers, form, plover, mode, acled):
    t = triggers[lexicon_key(form)]
    assert (t.plover, t.mode) == (plover, mode)
    assert ((t.acled_event_type, t.acled_sub_event_type) if t.acled_event_type else None) == acled
    assert t.to_plover().type == plover
    assert (t.to_acled() is None) == (acled is None)


@pytest.mark.parametrize(
    ("form", "flag"),
    [
        ("هجوم", "weak"), ("دعم", "weak"), ("عبر", "weak"), ("دخل", "weak"), ("تقدم", "weak"),
        ("نشر", "weak"), ("مسيرة", "weak"), ("تحرير", "weak"), ("حشد", "weak"),
        ("مقتل", "result"), ("قتل", "result"), ("مصرع", "result"),
        ("إعدام", "civilian_target"), ("اغتيال", "civilian_target"), ("خطف", "civilian_target"),
        ("سيطرة", "territory"), ("استعادة", "territory"), ("انسحاب", "territory"),
        ("غارة", "noun"), ("قصفت", "verb"),
    ],
)
def test_lexicons_trigger_flags(triggers, form, flag):
    assert flag in triggers[lexicon_key(form)].flags


def test_lexicons_result_triggers_have_no_mode():
    assert all(t.mode is None for t in load_triggers() if "result" in t.flags)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("شنت الطائرات الحربية غارة جوية على القرية", {"غارة جوية": "aerial", "الطائرات الحربية": "aerial"}),
        ("أعلن الطرفان وقف إطلاق النار صباح اليوم", {"وقف إطلاق النار": "ceasefire"}),
        ("فرضت السلطات حظر التجول في المدينة", {"حظر التجول": "curfew"}),
        ("انفجرت دراجة نارية مفخخة في السوق", {"دراجة نارية مفخخة": "explosive"}),
        ("نفذت الطائرات غارات وهمية فوق بيروت", {"غارات وهمية": "show_of_force"}),
        ("وبالقصف المدفعي استهدفت القوات الحي", {"القصف المدفعي": "shelling"}),
    ],
)
def test_lexicons_longest_trigger_wins_in_lexicon(trigger_lexicon, sentence, expected):
    found = {m.text: m.values[0].mode for m in trigger_lexicon.find(normalize(sentence))}
    for text, mode in expected.items():
        assert found.get(text) == mode, found


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("هاجمت قوات الدعم السريع المدينة", "الدعم السريع"),
        ("أعلنت هيئة تحرير الشام النفير", "تحرير الشام"),
        ("تجمع المحتجون في ميدان التحرير", "ميدان التحرير"),
        ("قصفت الطائرات المناطق الخاضعة لسيطرتهم", "الخاضعة لسيطرتهم"),
        ("وصل وفد من الحشد الشعبي إلى الموصل", "الحشد الشعبي"),
        ("اجتمع وزراء مجلس التعاون الخليجي", "مجلس التعاون"),
    ],
)
def test_lexicons_inert_phrases_hide_the_trigger_inside(trigger_lexicon, sentence, word):
    found = {m.text: m.values[0] for m in trigger_lexicon.find(normalize(sentence))}
    assert found[word].inert and found[word].weak


def test_lexicons_every_trigger_form_is_found_by_the_matcher(trigger_lexicon):
    missed = []
    for t in load_triggers():
        sentence = f"قال المصدر إن {t.form} حصل أمس"
        spans = [(m.norm_start, m.norm_end) for m in trigger_lexicon.find(normalize(sentence))]
        start = len(normalize("قال المصدر إن ").text)
        end = start + len(normalize(t.form).text)
        if not any(s <= start and e >= end for s, e in spans):
            missed.append(t.form)
    assert missed == []


@pytest.mark.parametrize(
    ("form", "kind", "modality"),
    [
        ("قال", "say", "asserted"), ("أفادت", "say", "asserted"), ("أعلن", "say", "asserted"),
        ("وفقا", "according_to", "asserted"), ("بحسب", "according_to", "asserted"),
        ("نقلا عن", "according_to", "asserted"), ("أضاف", "continue", "asserted"),
        ("مضيفا", "continue", "asserted"), ("نفى", "deny", "denied"), ("نفت", "deny", "denied"),
        ("توقع", "say", "expected"),
    ],
)
def test_lexicons_reporting_verb_spot_checks(form, kind, modality):
    lex = Lexicon((v.form, v) for v in load_reporting_verbs())
    (match,) = lex.find(normalize(form))  # "بحسب" is found as ب + "حسب"
    (verb,) = match.values
    assert (verb.kind, verb.modality) == (kind, modality)


@pytest.mark.parametrize(
    ("form", "kind", "group"),
    [
        ("مقتل", "killed", None), ("لقوا حتفهم", "killed", None), ("استشهد", "killed", None),
        ("أصيب", "injured", None), ("جرحى", "injured", None), ("مفقودين", "missing", None),
        ("أسرى", "captured", None), ("قتلى وجرحى", "killed_or_injured", None),
        ("مقتل وإصابة", "killed_or_injured", None),
        ("مدنيين", "person", "civilians"), ("نساء", "person", "civilians"),
        ("جنود", "person", "combatants"), ("مسلحين", "person", "combatants"), ("عنصرا", "person", "combatants"),
        ("شخصا", "person", "unknown"), ("أشخاص", "person", "unknown"),
        ("أطفال", "children", "civilians"), ("طفلا", "children", "civilians"),
    ],
)
def test_lexicons_casualty_spot_checks(form, kind, group):
    term = _by_key(load_casualty_terms())[lexicon_key(form)]
    assert (term.kind, term.group) == (kind, group)


@pytest.mark.parametrize(
    ("form", "kind"),
    [
        ("من المتوقع أن", "expected"), ("سيتم", "expected"), ("من المقرر", "expected"),
        ("في حال", "hypothetical"), ("إذا", "hypothetical"), ("لا صحة", "denied"), ("لم تقصف", "denied"),
        ("يذكر أن", "background"), ("وكان", "background"), ("منذ اندلاع", "background"),
        ("لا يزال", "ongoing"), ("تتواصل", "ongoing"),
    ],
)
def test_lexicons_cue_spot_checks(form, kind):
    assert _by_key(load_cues())[lexicon_key(form)].kind == kind


def test_lexicons_bare_negation_is_no_denial_cue():
    # "ولم تعلن أي جهة مسؤوليتها عن الهجوم" follows most bombing reports: it denies nothing.
    lex = Lexicon((c.form, c) for c in load_cues())
    assert lex.find(normalize("ولم تعلن أي جهة مسؤوليتها عن الهجوم")) == []
    assert [m.values[0].kind for m in lex.find(normalize("وقال إن الطيران لم يقصف البلدة"))] == ["denied"]


def test_lexicons_background_cue_keeps_its_conjunction():
    lex = Lexicon((c.form, c) for c in load_cues())
    found = {m.text: m.values[0].kind for m in lex.find(normalize("وكانت القوات قد انسحبت من البلدة"))}
    assert found.get("وكانت") == "background"
    assert "كانت" not in found


# --- validation errors ---------------------------------------------------------------------------


def _write(tmp_path: Path, header: tuple[str, ...], *rows: str) -> Path:
    path = tmp_path / "lex.tsv"
    path.write_text("\t".join(header) + "\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


GOOD = "غارة\tASSAULT\taerial\tExplosions/Remote violence\tAir/drone strike\tnoun"


@pytest.mark.parametrize(
    ("rows", "line", "needle"),
    [
        (("غارة\tASSAULT\taerial",), 2, "expected 6 tab-separated columns"),
        ((GOOD, "هجوم\tATTACK\t\t\t\t"), 3, "unknown PLOVER type 'ATTACK'"),
        (("قصف\tASSAULT\tshelling\tBattles\tAir/drone strike\t",), 2, "unknown ACLED sub-event type"),
        (("قصف\tASSAULT\tshelling\tExplosions\tShelling/artillery/missile attack\t",), 2, "unknown ACLED event type"),
        (("قصف\tASSAULT\tshelling\tBattles\t\t",), 2, "give both acled_event_type and acled_sub_event_type"),
        (("قصف\tASSAULT\tbombing\t\t\t",), 2, "unknown mode 'bombing'"),
        (("قصف\tASSAULT\tshelling\t\t\tstrong",), 2, "unknown flag 'strong'"),
        (("مقتل\tASSAULT\tfirearms\t\t\tresult",), 2, "has no mode"),
        ((GOOD, "# a comment", "", "الغارة\tCONSULT\tphone\t\t\t"), 5, "repeats line 2"),
        ((GOOD, "\tASSAULT\taerial\t\t\t"), 3, "empty form"),
        (("الدعم السريع\tSUPPORT\t\t\t\tinert",), 2, "must also be 'weak'"),
    ],
)
def test_lexicons_trigger_errors_name_file_and_line(tmp_path, rows, line, needle):
    path = _write(tmp_path, TRIGGERS_HEADER, *rows)
    with pytest.raises(KnowledgeBaseError) as err:
        load_triggers(path)
    assert f"{path}:{line}:" in str(err.value)
    assert needle in str(err.value)


def test_lexicons_trigger_bad_header_is_an_error(tmp_path):
    path = tmp_path / "lex.tsv"
    path.write_text("form\tplover\n" + GOOD + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r":1: the first row must be the header"):
        load_triggers(path)


def test_lexicons_identical_repeat_is_dropped_not_an_error(tmp_path):
    path = _write(tmp_path, TRIGGERS_HEADER, GOOD, GOOD.replace("غارة", "غارَة"))
    assert [t.form for t in load_triggers(path)] == ["غارة"]


def test_lexicons_custom_trigger_file_loads(tmp_path):
    path = _write(tmp_path, TRIGGERS_HEADER, GOOD, "مكالمة\tCONSULT\tphone\t\t\tnoun,weak")
    loaded = load_triggers(path)
    assert loaded[1] == Trigger("مكالمة", "CONSULT", "phone", None, None, frozenset({"noun", "weak"}))
    assert loaded[0].to_acled().sub_event_type == "Air/drone strike"


@pytest.mark.parametrize(
    ("loader", "header", "row", "needle"),
    [
        (load_reporting_verbs, REPORTING_HEADER, "قال\tspeak\tasserted", "unknown kind 'speak'"),
        (load_reporting_verbs, REPORTING_HEADER, "قال\tsay\tcertain", "unknown modality 'certain'"),
        (load_reporting_verbs, REPORTING_HEADER, "قال\tsay", "expected 3 tab-separated columns"),
        (load_casualty_terms, CASUALTIES_HEADER, "قتلى\tdead\t-", "unknown kind 'dead'"),
        (load_casualty_terms, CASUALTIES_HEADER, "مدنيين\tperson\tpeople", "unknown group 'people'"),
        (load_casualty_terms, CASUALTIES_HEADER, "مدنيين\tperson\t-", "needs a group"),
        (load_cues, CUES_HEADER, "سوف\tfuture", "unknown kind 'future'"),
        (load_cues, CUES_HEADER, "\texpected", "empty form"),
    ],
)
def test_lexicons_other_file_errors_name_file_and_line(tmp_path, loader, header, row, needle):
    path = _write(tmp_path, header, row)
    with pytest.raises(KnowledgeBaseError) as err:
        loader(path)
    assert f"{path}:2:" in str(err.value)
    assert needle in str(err.value)


def test_lexicons_conflicting_cue_repeat_is_an_error(tmp_path):
    path = _write(tmp_path, CUES_HEADER, "في حال\thypothetical", "في حال\texpected")
    with pytest.raises(KnowledgeBaseError, match=r":3: form 'في حال' repeats line 2"):
        load_cues(path)


def test_lexicons_acled_list_matches_the_codebook_spelling():
    assert "Air/drone strike" in ACLED_PAIRS["Explosions/Remote violence"]
    assert "Abduction/forced disappearance" in ACLED_PAIRS["Violence against civilians"]
    assert "Shelling/artillery/missile attack" in ACLED_PAIRS["Explosions/Remote violence"]
