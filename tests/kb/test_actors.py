"""Tests for marsad.kb.actors: the shipped actor and country files, resolution, and validation errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from marsad.errors import KnowledgeBaseError
from marsad.kb import build_countries
from marsad.kb.actors import (
    ACTOR_COLUMNS,
    CONFLICT_COUNTRIES,
    ActorEntry,
    load_actors,
)
from marsad.model import ACTOR_TYPES
from marsad.text.lexicon import Lexicon, lexicon_key
from marsad.text.normalize import normalize

GENERICS = ("*-MIL", "*-POL", "*-SEC", "*-GOV", "*-CIV", "*-REB", "*-UAG", "*-PRO", "*-RIO", "*-MILITIA")


@pytest.fixture(scope="module")
def kb():
    return load_actors()


@pytest.fixture(scope="module")
def actor_lexicon(kb):
    return Lexicon(kb.alias_pairs())


def _ids(lexicon: Lexicon, text: str) -> list[tuple[str, ...]]:
    return [m.values for m in lexicon.find(normalize(text))]


# --- the shipped files -----------------------------------------------------------------------

def test_actors_shipped_files_load_and_are_cached(kb):
    assert load_actors() is kb
    assert len(kb.countries) >= 240


def test_actors_at_least_400_concrete(kb):
    concrete = [e for e in kb.entries if not e.generic]
    assert len(concrete) >= 400
    assert len({e.id for e in concrete}) == len(concrete)


def test_actors_types_and_countries_valid(kb):
    for e in kb.entries:
        assert e.type in ACTOR_TYPES, e.id
        if e.generic:
            assert e.country == "*" and e.id.startswith("*-") and "{country}" in e.name
        else:
            assert e.country == "XX" or e.country in kb.countries, e.id
            assert re.fullmatch(r"[A-Z][A-Z0-9]*(-[A-Z0-9]+)+", e.id), e.id


def test_actors_every_generic_resolves_in_every_conflict_country(kb):
    assert set(GENERICS) <= {e.id for e in kb.entries if e.generic}
    for generic in GENERICS:
        for iso2 in CONFLICT_COUNTRIES:
            resolved = kb.resolve(generic, iso2)
            assert resolved is not None and resolved.country == iso2, (generic, iso2)
    for iso2 in ("JO", "SA", "AE", "IR", "TR", "IL", "RU", "US", "GB", "FR"):
        assert kb.resolve("*-MIL", iso2) is not None and kb.resolve("*-GOV", iso2) is not None, iso2


def test_actors_no_matcher_key_on_two_actors(kb):
    owner: dict[str, str] = {}
    for e in kb.entries:
        for form in e.surface_forms():
            assert owner.setdefault(lexicon_key(form), e.id) == e.id, (form, e.id, owner[lexicon_key(form)])


@pytest.mark.parametrize("word", [
    "فتح", "حسم", "أمل", "الحرة", "الجزيرة", "القاعدة", "مبارك", "مرسي", "الأهرام", "الحية", "الضيف",
    "مشعل", "أفاد", "النصرة", "الإخوان", "الحزب", "الهيئة", "الحشد", "الصحوة", "المسيرة", "الحدث",
    "الميادين", "المنار", "الدولة", "القوات", "روحاني", "ظريف", "فيتو", "أعماق", "الجماهيرية", "وام",
])
def test_actors_common_words_are_not_concrete_aliases(actor_lexicon, word):
    """Ordinary words (or names that fold into one) must not name a concrete actor."""
    assert all(v.startswith("*-") for v in actor_lexicon.lookup(word)), word


@pytest.mark.parametrize("text,expected", [
    ("قالت قوات سوريا الديمقراطية إن مقاتليها صدوا الهجوم", "SYR-SDF"),
    ("وأعلنت قسد عن اعتقال خلية في ريف دير الزور", "SYR-SDF"),
    ("شنت جماعة أنصار الله هجوما بطائرات مسيرة", "YEM-HOUTHI"),
    ("واستهدفت الميليشيات الحوثية مواقع في مأرب", "YEM-HOUTHI"),
    ("وتقدمت قوات الحشد الشعبي نحو القضاء", "IRQ-PMF"),
    ("تبنى تنظيم داعش الهجوم في بيان", "JIH-ISIS"),
    ("وقال مسؤول إن الدولة الإسلامية خسرت آخر معاقلها", "JIH-ISIS"),
    ("وأفاد المرصد السوري لحقوق الإنسان بسقوط قتلى", "SYR-SOHR"),
    ("وانتشلت فرق الخوذ البيضاء جثث الضحايا", "SYR-WHITEHELMETS"),
    ("وقصفت وحدات من الجيش العربي السوري مواقع المسلحين", "SYR-MIL"),
    ("واندلعت اشتباكات عنيفة مع قوات الدعم السريع في الفاشر", "SDN-RSF"),
    ("وسيطرت هيئة تحرير الشام على البلدة", "SYR-HTS"),
    ("وأعلنت كتائب القسام قصف المستوطنات", "PSE-QASSAM"),
    ("وقالت سرايا القدس إنها استهدفت آلية عسكرية", "PSE-QUDS"),
    ("واقتحمت قوات الاحتلال مخيم جنين فجر اليوم", "ISR-MIL"),
    ("وشنت طائرات الاحتلال غارة على منزل", "ISR-AF"),
    ("وتقدم الجيش الوطني الليبي باتجاه العاصمة", "LBY-LNA"),
    ("وأطلق حزب الله صواريخ على الجليل", "LBN-HEZ"),
    ("وهاجم الحرس الثوري ناقلة نفط", "IRN-IRGC"),
    ("وشن طيران التحالف العربي غارات على صنعاء", "SAU-COAL"),
    ("ونفذ التحالف الدولي ضربة جوية قرب الحدود", "USA-COAL"),
    ("وقالت منظمة الأمم المتحدة للطفولة اليونيسف إن الأطفال يعانون", "UN-UNICEF"),
    ("وأعلن المجلس الانتقالي الجنوبي سيطرته على عدن", "YEM-STC"),
    ("واستهدفت مسيرة تركية سيارة لعناصر حزب العمال الكردستاني", "TUR-PKK"),
    ("وذكرت وكالة الأنباء السورية سانا أن", "SYR-SANA"),
    ("قال الرئيس الروسي فلاديمير بوتين في اتصال", "RUS-PUTIN"),
    ("وصرح عبد الملك الحوثي في خطاب متلفز", "YEM-ABDULMALIK"),
    ("وبحث الأمين العام للأمم المتحدة أنطونيو غوتيريش الوضع", "UN-GUTERRES"),
    ("وتظاهر مستوطنون قرب نابلس", "ISR-SETTLERS"),
    ("وهاجم مستعمرون منازل المواطنين في مسافر يطا", "ISR-SETTLERS"),
    ("واستهدفت مسيرة معادية دراجة نارية في بلدة جنوبية", "ISR-AF"),
    ("وأعلنت الشرطة الاتحادية تفكيك عبوة ناسفة", "IRQ-FEDPOL"),
    ("وقصفت مليشيا آل دقلو الإرهابية الأحياء السكنية", "SDN-RSF"),
    ("وأعلنت ألوية العمالقة الجنوبية تحرير المديرية", "YEM-GIANTS"),
])
def test_actors_real_aliases_found_in_sentences(actor_lexicon, text, expected):
    assert any(expected in values for values in _ids(actor_lexicon, text)), _ids(actor_lexicon, text)


@pytest.mark.parametrize("text", [
    "أفاد مراسلنا بأن الاجتماع عقد في القاعة الكبرى وأن فتح الطريق سيتم الأسبوع المقبل.",
    "نجت عائلة مكونة من أب وأم وثلاثة إخوان من الحادث، ووصل الدعم المالي إلى المدارس.",
    "شهدت الجزيرة العربية موجة حر، وحسم المجلس الأمر بعد نقاش طويل حول الحياة الجديدة.",
    "وأقيمت صلاة المغرب في المسجد الكبير، وعادت الحياة الطبيعية إلى الأسواق والميادين.",
])
def test_actors_ordinary_text_names_no_concrete_actor(actor_lexicon, text):
    found = [v for values in _ids(actor_lexicon, text) for v in values if not v.startswith("*-")]
    assert found == []


@pytest.mark.parametrize("word,generic", [
    ("الجيش", "*-MIL"), ("والحكومة", "*-GOV"), ("مدنيين", "*-CIV"), ("مسلحون مجهولون", "*-UAG"),
    ("المتظاهرين", "*-PRO"), ("فصائل المعارضة", "*-REB"), ("قوات الأمن", "*-SEC"), ("الشرطة", "*-POL"),
    ("اللجان الشعبية", "*-MILITIA"), ("مثيري الشغب", "*-RIO"),
])
def test_actors_context_words_only_on_generic_rows(actor_lexicon, word, generic):
    assert _ids(actor_lexicon, word) == [(generic,)]


# --- resolution ------------------------------------------------------------------------------

@pytest.mark.parametrize("actor_id,country,expected", [
    ("*-MIL", "IQ", "IRQ-MIL"), ("*-MIL", "SY", "SYR-MIL"), ("*-CIV", "SY", "SYR-CIV"),
    ("*-REB", "SY", "SYR-REB"), ("*-UAG", "YE", "YEM-UAG"), ("*-POL", "LB", "LBN-POL"),
    ("*-GOV", "PS", "PSE-GOV"), ("*-MIL", "RU", "RUS-MIL"), ("*-MIL", "iq", "IRQ-MIL"),
    ("SYR-SDF", None, "SYR-SDF"), ("SYR-SDF", "IQ", "SYR-SDF"),
])
def test_actors_resolve(kb, actor_id, country, expected):
    resolved = kb.resolve(actor_id, country)
    assert isinstance(resolved, ActorEntry) and resolved.id == expected
    assert "{country}" not in resolved.name


@pytest.mark.parametrize("actor_id,country", [
    ("*-MIL", None), ("*-MIL", "ZZ"), ("*-CIV", "NZ"), ("NOPE-X", "SY"), ("*-NOPE", "SY"),
])
def test_actors_resolve_none(kb, actor_id, country):
    assert kb.resolve(actor_id, country) is None


def test_actors_alias_pairs_include_name_ar(kb):
    pairs = set(kb.alias_pairs())
    assert ("الجيش السوري", "SYR-MIL") in pairs and ("قسد", "SYR-SDF") in pairs
    assert ("الجيش", "*-MIL") in pairs


# --- countries -------------------------------------------------------------------------------

def test_actors_countries_cover_cldr_with_right_codes(kb):
    codes = build_countries.iso3_codes()
    assert set(build_countries.country_codes()) == set(kb.countries)
    for iso2, country in kb.countries.items():
        assert country.iso3 == codes[iso2], iso2
        assert kb.country_by_iso3[country.iso3] is country


@pytest.mark.parametrize("iso2,adjective,capital", [
    ("SY", "السوري", "دمشق"), ("IQ", "العراقية", "بغداد"), ("YE", "اليمني", "صنعاء"), ("SD", "السودانية", "الخرطوم"),
    ("LY", "الليبي", "طرابلس"), ("LB", "اللبناني", "بيروت"), ("PS", "الفلسطينيين", "رام الله"),
    ("EG", "المصري", "القاهرة"), ("IL", "الإسرائيلية", "تل أبيب"), ("RU", "الروسية", "موسكو"),
    ("IR", "الإيراني", "طهران"), ("TR", "التركي", "أنقرة"), ("US", "الأمريكية", "واشنطن"),
    ("US", "الأميركي", "واشنطن"), ("SA", "السعودي", "الرياض"), ("JO", "الأردني", "عمان"),
])
def test_actors_country_forms(kb, iso2, adjective, capital):
    pairs = set(kb.country_alias_pairs())
    country = kb.countries[iso2]
    assert adjective in country.adjectives and capital in country.capital_ar
    assert (adjective, iso2, "adjective") in pairs and (country.name_ar, iso2, "name") in pairs


def test_actors_country_pairs_keep_ambiguity_and_skip_common_words(kb):
    lexicon = Lexicon([(form, (iso2, kind)) for form, iso2, kind in kb.country_alias_pairs()])
    assert set(lexicon.lookup("عمان")) == {("JO", "capital"), ("OM", "name")}
    assert lexicon.lookup("مالي") == () and lexicon.lookup("جمهورية مالي") == (("ML", "name"),)
    assert lexicon.lookup("بنين") == ()
    assert lexicon.lookup("الكويت") == (("KW", "name"),)


# --- validation errors on bad files -----------------------------------------------------------

def _valid_rows() -> list[str]:
    """A minimal valid actors file: *-MIL and its concrete rows in every conflict country."""
    kb = load_actors()
    rows = ["# test", "\t".join(ACTOR_COLUMNS),
            "*-MIL\tstate_forces\t*\tMilitary Forces of {country}\tالجيش\tالجيش|قوات النظام"]
    for iso2 in CONFLICT_COUNTRIES:
        iso3 = kb.countries[iso2].iso3
        rows.append(f"{iso3}-MIL\tstate_forces\t{iso2}\tMilitary Forces of {iso2}\tالجيش {iso3}\tجيش {iso3} الوطني")
    return rows


def _load(tmp_path: Path, rows: list[str]):
    path = tmp_path / "actors.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path, lambda: load_actors(path)


def test_actors_minimal_valid_file_loads(tmp_path):
    _, load = _load(tmp_path, _valid_rows())
    kb = load()
    assert kb.resolve("*-MIL", "SD").id == "SDN-MIL"
    assert len(kb.entries) == 1 + len(CONFLICT_COUNTRIES)


@pytest.mark.parametrize("bad_row,line,message", [
    ("SYR-X\tstate_forces\tSY\tX\tإكس", 13, "expected 6 tab-separated columns"),
    ("SYR-X\tarmy\tSY\tX\tإكس\t", 13, "unknown type 'army'"),
    ("SYR-X\tstate_forces\tQQ\tX\tإكس\t", 13, "unknown country 'QQ'"),
    ("SYR-MIL\tstate_forces\tSY\tX\tإكس\t", 13, "duplicate id SYR-MIL (first on line 4)"),
    ("SYR-X\tstate_forces\tSY\tX\tإكس\tجيش SYR الوطني", 13, "already an alias of SYR-MIL"),
    ("SYR-X\tstate_forces\tSY\tX\tإكس\tقوات النظام", 13, "already an alias of *-MIL"),
    ("SYR-X\tstate_forces\tSY\tX\tإكس\tواحد||اثنان", 13, "empty alias"),
    ("SYR-X\tstate_forces\tSY\tX\tإكس\tواحد|", 13, "empty alias"),
    ("syr-x\tstate_forces\tSY\tX\tإكس\t", 13, "bad id 'syr-x'"),
    ("*-X\tstate_forces\tSY\tX\tإكس\t", 13, "bad id '*-X'"),
    ("*-POL\tstate_forces\t*\tPolice of {country}\tالشرطة\t", 13, "generic *-POL has no concrete row for SYR-POL"),
])
def test_actors_validation_errors_name_file_and_line(tmp_path, bad_row, line, message):
    path, load = _load(tmp_path, [*_valid_rows(), bad_row])
    with pytest.raises(KnowledgeBaseError) as err:
        load()
    assert f"{path}:{line}:" in str(err.value)
    assert message in str(err.value)


def test_actors_validation_bad_header(tmp_path):
    rows = _valid_rows()
    rows[1] = "id\ttype\tcountry\tname\tname_ar"
    path, load = _load(tmp_path, rows)
    with pytest.raises(KnowledgeBaseError, match=re.escape(f"{path}:2: header must be")):
        load()


def test_actors_validation_missing_file(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="cannot read"):
        load_actors(tmp_path / "nope.tsv")


@pytest.mark.parametrize("bad_row,message", [
    ("SY\tSYR\tSyria again\tسوريا\t\t\t", "duplicate country SY/SYR"),
    ("QQ\tQQQ\tNowhere\tمصر\t\t\t", "name 'مصر' of QQ is already a name of EG"),
    ("Q1\tQQQ\tNowhere\tلامكان\t\t\t", "bad country codes"),
    ("QQ\tQQQ\tNowhere\tلامكان\t|\t\t", "empty alias"),
])
def test_actors_country_validation_errors(tmp_path, bad_row, message):
    shipped = (Path(build_countries.DATA)).read_text(encoding="utf-8").rstrip("\n").split("\n")
    cpath = tmp_path / "countries.tsv"
    cpath.write_text("\n".join([*shipped, bad_row]) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as err:
        load_actors(None, cpath)
    assert f"{cpath}:{len(shipped) + 1}:" in str(err.value) and message in str(err.value)
