"""Write `kb/data/countries.tsv` from CLDR (via babel) plus the hand-curated table below.

Run once: `python -m marsad.kb.build_countries` (adds the countries the file lacks and keeps
every existing row as it is, so hand edits in the TSV survive); `--fresh` rewrites every row
from CLDR and CURATED. In: babel's CLDR territory names (Arabic and English) and its
alpha-3 → alpha-2 aliases. Out: one row per country, columns
`iso2 iso3 name name_ar aliases adjectives capital_ar` (lists separated by `|`).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel import Locale
from babel.core import get_global

from marsad.text.normalize import normalize_text

HEADER = ("iso2", "iso3", "name", "name_ar", "aliases", "adjectives", "capital_ar")
DATA = Path(__file__).parent / "data" / "countries.tsv"

# CLDR "territories" that are not countries: regions, test locales, the EU, the UN, ...
NOT_COUNTRIES = frozenset({"AC", "CP", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"})
# Withdrawn alpha-3 codes CLDR still aliases to a current country (East Germany, Burma, South Yemen ...).
DEPRECATED_ISO3 = frozenset({"ANT", "SCG", "DDR", "BUR", "YMD", "ZAR", "TMP", "YUG", "CSK", "SUN", "FXX"})
# Kosovo has no ISO alpha-3; XKX is the code the EU, the IMF and ACLED-style data use.
ISO3_FALLBACK = {"XK": "XKX"}

# English names as ACLED and news write them where CLDR's differ.
EN_NAMES = {"PS": "Palestine", "CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
            "HK": "Hong Kong", "MO": "Macau", "TR": "Turkey", "CI": "Ivory Coast"}

# iso2: (name_ar or "" for CLDR's, aliases, adjective stems, capitals). Adjective stems are the
# masculine singular nisba without the article; `adjective_forms` expands them; a form written
# "=الأتراك" is taken as it is (broken plurals). Capitals and
# aliases are `|`-separated surface forms as news writes them.
CURATED: dict[str, tuple[str, str, str, str]] = {
    "SY": ("سوريا", "سورية|الجمهورية العربية السورية|الجمهورية السورية", "سوري", "دمشق"),
    "IQ": ("العراق", "جمهورية العراق|بلاد الرافدين", "عراقي", "بغداد"),
    "YE": ("اليمن", "الجمهورية اليمنية", "يمني", "صنعاء"),
    "SD": ("السودان", "جمهورية السودان", "سوداني", "الخرطوم"),
    "SS": ("جنوب السودان", "جمهورية جنوب السودان|دولة جنوب السودان", "جنوب سوداني", "جوبا"),
    "LY": ("ليبيا", "دولة ليبيا|الجماهيرية الليبية|الجماهيرية العربية الليبية", "ليبي", "طرابلس"),
    "LB": ("لبنان", "الجمهورية اللبنانية", "لبناني", "بيروت"),
    "PS": ("فلسطين", "الأراضي الفلسطينية|دولة فلسطين|الأراضي الفلسطينية المحتلة|الأراضي المحتلة",
           "فلسطيني", "رام الله"),
    "IL": ("إسرائيل", "دولة إسرائيل|دولة الاحتلال|الكيان الصهيوني|الكيان الإسرائيلي|دولة الاحتلال الإسرائيلي",
           "إسرائيلي|اسرائيلي", "تل أبيب"),
    "EG": ("مصر", "جمهورية مصر العربية|جمهورية مصر", "مصري", "القاهرة"),
    "JO": ("الأردن", "المملكة الأردنية الهاشمية|المملكة الأردنية", "أردني", "عمان"),
    "SA": ("السعودية", "المملكة العربية السعودية|المملكة السعودية", "سعودي", "الرياض"),
    "AE": ("الإمارات", "الإمارات العربية المتحدة|دولة الإمارات|دولة الإمارات العربية المتحدة", "إماراتي",
           "أبوظبي|أبو ظبي"),
    "QA": ("قطر", "دولة قطر", "قطري", "الدوحة"),
    "KW": ("الكويت", "دولة الكويت", "كويتي", "الكويت"),
    "BH": ("البحرين", "مملكة البحرين", "بحريني", "المنامة"),
    "OM": ("عمان", "سلطنة عمان", "عماني", "مسقط"),
    "IR": ("إيران", "الجمهورية الإسلامية الإيرانية|الجمهورية الإسلامية في إيران", "إيراني", "طهران"),
    "TR": ("تركيا", "الجمهورية التركية|الجمهورية التركية الحديثة", "تركي|=أتراك|=الأتراك", "أنقرة"),
    "RU": ("روسيا", "روسيا الاتحادية|الاتحاد الروسي", "روسي|=الروس", "موسكو|الكرملين"),
    "US": ("الولايات المتحدة", "الولايات المتحدة الأمريكية|الولايات المتحدة الأميركية|أمريكا|أميركا",
           "أمريكي|أميركي|=الأمريكان|=الأميركان", "واشنطن|البيت الأبيض"),
    "GB": ("بريطانيا", "المملكة المتحدة|بريطانيا العظمى", "بريطاني|=الإنجليز|=الإنكليز", "لندن"),
    "FR": ("فرنسا", "الجمهورية الفرنسية", "فرنسي", "باريس|الإليزيه"),
    "DE": ("ألمانيا", "جمهورية ألمانيا الاتحادية", "ألماني|=الألمان", "برلين"),
    "IT": ("إيطاليا", "", "إيطالي", "روما"),
    "ES": ("إسبانيا", "", "إسباني", "مدريد"),
    "CN": ("الصين", "جمهورية الصين الشعبية|الصين الشعبية", "صيني", "بكين"),
    "JP": ("اليابان", "", "ياباني", "طوكيو"),
    "IN": ("الهند", "", "هندي|=الهنود", "نيودلهي|نيو دلهي"),
    "PK": ("باكستان", "", "باكستاني", "إسلام آباد"),
    "AF": ("أفغانستان", "", "أفغاني|=الأفغان", "كابل"),
    "UA": ("أوكرانيا", "", "أوكراني", "كييف"),
    "BY": ("بيلاروس", "روسيا البيضاء|بيلاروسيا", "بيلاروسي", "مينسك"),
    "GR": ("اليونان", "", "يوناني", "أثينا"),
    "CY": ("قبرص", "", "قبرصي", "نيقوسيا"),
    "NL": ("هولندا", "", "هولندي", "أمستردام"),
    "BE": ("بلجيكا", "", "بلجيكي", "بروكسل"),
    "CH": ("سويسرا", "", "سويسري", "برن"),
    "AT": ("النمسا", "", "نمساوي", "فيينا"),
    "SE": ("السويد", "", "سويدي", "ستوكهولم"),
    "NO": ("النرويج", "", "نرويجي", "أوسلو"),
    "DK": ("الدنمارك", "الدانمرك", "دنماركي|دانماركي", "كوبنهاغن"),
    "PL": ("بولندا", "", "بولندي", "وارسو"),
    "CA": ("كندا", "", "كندي", "أوتاوا"),
    "AU": ("أستراليا", "", "أسترالي", "كانبرا"),
    "BR": ("البرازيل", "", "برازيلي", "برازيليا"),
    "KR": ("كوريا الجنوبية", "", "", "سول|سيول"),
    "KP": ("كوريا الشمالية", "", "", "بيونغ يانغ"),
    "AZ": ("أذربيجان", "", "أذربيجاني|أذري", "باكو"),
    "AM": ("أرمينيا", "", "أرميني", "يريفان"),
    "GE": ("جورجيا", "", "جورجي", "تبليسي"),
    "DZ": ("الجزائر", "الجمهورية الجزائرية", "جزائري", "الجزائر العاصمة"),
    "TN": ("تونس", "الجمهورية التونسية", "تونسي", "تونس العاصمة"),
    "MA": ("المغرب", "المملكة المغربية", "مغربي", "الرباط"),
    "MR": ("موريتانيا", "", "موريتاني", "نواكشوط"),
    "SO": ("الصومال", "جمهورية الصومال الفيدرالية", "صومالي", "مقديشو"),
    "DJ": ("جيبوتي", "", "", "جيبوتي"),
    "ER": ("إريتريا", "أرتيريا|إرتريا", "إريتري|إرتري", "أسمرة"),
    "ET": ("إثيوبيا", "", "إثيوبي", "أديس أبابا"),
    "TD": ("تشاد", "", "تشادي", "نجامينا|انجامينا|إنجامينا"),
    "NE": ("النيجر", "", "نيجري", "نيامي"),
    "ML": ("مالي", "دولة مالي|جمهورية مالي", "", "باماكو"),
    "CF": ("جمهورية أفريقيا الوسطى", "أفريقيا الوسطى|إفريقيا الوسطى", "", "بانغي"),
    "KE": ("كينيا", "", "كيني", "نيروبي"),
    "UG": ("أوغندا", "", "أوغندي", "كمبالا"),
    "NG": ("نيجيريا", "", "نيجيري", "أبوجا"),
    "CD": ("الكونغو الديمقراطية", "جمهورية الكونغو الديمقراطية|الكونغو - كينشاسا", "", "كينشاسا"),
    "CG": ("جمهورية الكونغو", "الكونغو - برازافيل|الكونغو برازافيل", "", "برازافيل"),
    "ZA": ("جنوب أفريقيا", "جنوب إفريقيا", "", "بريتوريا"),
    "RS": ("صربيا", "", "صربي", "بلغراد"),
    "HU": ("المجر", "هنغاريا", "مجري|هنغاري", "بودابست"),
    "CZ": ("التشيك", "جمهورية التشيك|تشيكيا", "تشيكي", "براغ"),
    "BG": ("بلغاريا", "", "بلغاري", ""),
    "RO": ("رومانيا", "", "", "بوخارست"),
    "PT": ("البرتغال", "", "برتغالي", "لشبونة"),
    "IE": ("أيرلندا", "إيرلندا|ايرلندا", "أيرلندي|إيرلندي", "دبلن"),
    "FI": ("فنلندا", "", "فنلندي", "هلسنكي"),
    "MX": ("المكسيك", "", "مكسيكي", "مكسيكو سيتي"),
    "VE": ("فنزويلا", "", "فنزويلي", "كاراكاس"),
    "CU": ("كوبا", "", "كوبي", "هافانا"),
    "ID": ("إندونيسيا", "", "إندونيسي", "جاكرتا"),
    "MY": ("ماليزيا", "", "ماليزي", "كوالالمبور|كوالا لمبور"),
    "BD": ("بنغلاديش", "بنجلاديش", "بنغلاديشي", "دكا"),
    "KZ": ("كازاخستان", "", "كازاخستاني", "أستانا"),
    "UZ": ("أوزبكستان", "", "أوزبكي", "طشقند"),
    "TJ": ("طاجيكستان", "", "طاجيكي", "دوشنبه"),
    "KG": ("قيرغيزستان", "قرغيزستان", "", "بيشكيك"),
    "BJ": ("بنين", "جمهورية بنين|دولة بنين", "", "بورتو نوفو"),
    "TM": ("تركمانستان", "", "", "عشق آباد"),  # تركماني names Iraq's and Syria's Turkmen: left out
    "MM": ("ميانمار", "بورما", "", "نايبيداو"),
    "HK": ("هونغ كونغ", "", "", ""),
    "MO": ("ماكاو", "", "", ""),
    "CI": ("ساحل العاج", "كوت ديفوار", "", "ياموسوكرو"),
    "SZ": ("إسواتيني", "سوازيلاند", "", ""),
    "TL": ("تيمور - ليشتي", "تيمور الشرقية", "", ""),
    "NZ": ("نيوزيلندا", "", "نيوزيلندي", "ويلينغتون"),
    "AR": ("الأرجنتين", "", "أرجنتيني", "بوينس آيرس"),
    "CL": ("تشيلي", "", "تشيلي", "سانتياغو"),
    "CO": ("كولومبيا", "", "كولومبي", "بوغوتا"),
    "VA": ("الفاتيكان", "الكرسي الرسولي", "", ""),
    "EH": ("الصحراء الغربية", "الجمهورية العربية الصحراوية", "", ""),  # صحراوي is also "desert" (adj.)
}


def adjective_forms(stem: str) -> list[str]:
    """The forms news uses for a nisba stem: سوري → سوري السوري سورية السورية سوريون ... سوريي."""
    forms: list[str] = []
    for s in (stem, "ال" + stem):
        forms += [s, s + "ة", s + "ون", s + "ين"]
    forms.append(stem + "ي")  # construct plural: جنود سوريي النظام
    return forms


def iso3_codes() -> dict[str, str]:
    """alpha-2 → alpha-3 from CLDR's territory aliases (alpha-3 keys that alias one alpha-2)."""
    out: dict[str, str] = dict(ISO3_FALLBACK)
    for code, targets in get_global("territory_aliases").items():
        if re.fullmatch("[A-Z]{3}", code) and len(targets) == 1 and code not in DEPRECATED_ISO3:
            out.setdefault(targets[0], code)
    return out


def country_codes() -> list[str]:
    """Every CLDR alpha-2 territory that is a country or dependency."""
    ar = Locale("ar").territories
    return sorted(k for k in Locale("en").territories
                  if re.fullmatch("[A-Z]{2}", k) and k not in NOT_COUNTRIES and k in ar)


def _clean(name: str) -> str:
    # CLDR adds qualifiers in parentheses ("ميانمار (بورما)"); news does not.
    return re.sub(r"\s*\(.*?\)", "", name).strip()


def build_rows() -> list[tuple[str, ...]]:
    """One row per country, in iso2 order, from CLDR and CURATED."""
    ar, en, iso3 = Locale("ar").territories, Locale("en").territories, iso3_codes()
    rows = []
    for code in country_codes():
        name_ar, aliases, stems, capital = CURATED.get(code, ("", "", "", ""))
        cldr_ar = _clean(ar[code])
        name_ar = name_ar or cldr_ar
        alias_list = [a for a in aliases.split("|") if a]
        seen = {normalize_text(a) for a in [name_ar, *alias_list]}
        if normalize_text(cldr_ar) not in seen:
            alias_list.append(cldr_ar)
        adjectives = [f for s in stems.split("|") if s
                      for f in ([s[1:]] if s.startswith("=") else adjective_forms(s))]
        rows.append((code, iso3[code], EN_NAMES.get(code) or _clean(en[code]), name_ar, "|".join(alias_list), "|".join(adjectives), capital))
    return rows


def read_rows(path: Path) -> dict[str, tuple[str, ...]]:
    """The existing rows of `path` by iso2 (empty when the file does not exist)."""
    if not path.exists():
        return {}
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return {ln.split("\t")[0]: tuple(ln.split("\t")) for ln in lines[1:]}


def write(path: Path = DATA, fresh: bool = False) -> int:
    """Write the file, keeping existing rows unless `fresh`; returns the number of rows."""
    existing = {} if fresh else read_rows(path)
    rows = [existing.get(row[0], row) for row in build_rows()]
    body = "\n".join("\t".join(r) for r in [HEADER, *rows]) + "\n"
    path.write_text("# Countries: CLDR names (babel) + hand-curated aliases, adjectives, capitals.\n" + body,
                    encoding="utf-8")
    return len(rows)


if __name__ == "__main__":
    print(write(fresh="--fresh" in sys.argv[1:]), "countries written to", DATA)
