"""Compile the gazetteer sources into the one shipped file (`marsad kb build-gazetteer`).

In: a SOURCES_DIR laid out like ../shared/data/gazetteer (whosonfirst/wof_CC_places.csv,
ocha_cod_iraq/irq_adm{1,2,3}_*.csv, ocha_cod_yemen/yem_adm{1,2,3}_*.csv,
geonames_cities500/geonames_cities500_mena_with_arabic.tsv, natural_earth/package/countries-50m.json);
every part is optional. Also always read: the CLDR country table (kb/data/countries.tsv) and the
curated camps/crossings/regions in geo/supplement.tsv.
Out: a marshal'd, zlib-compressed columnar table (see gazetteer.py for the layout).
"""

from __future__ import annotations

import csv
import difflib
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from marsad.geo.records import FORMAT, KINDS, write_table
from marsad.text.lexicon import lexicon_key
from marsad.text.normalize import normalize_text

csv.field_size_limit(10**8)
PKG = Path(__file__).resolve().parent
COUNTRIES_TSV = PKG.parent / "kb" / "data" / "countries.tsv"
SUPPLEMENT_TSV = PKG / "supplement.tsv"

# Letters of Persian, Kurdish, Urdu, Pashto... that Arabic does not use: a name containing one is dropped.
NON_ARABIC = re.compile("[پچژگڤۆێڕڵیکەھےۇۈۋېۍڭڠٹڈڑںۀۃٻټډړږښځڅ]")
ARABIC = re.compile("[\u0621-\u064a]")
# Type words written before a name in a variant ("محافظة إدلب"): the bare name is indexed too.
TYPE_WORDS = ("محافظه", "ولايه", "شعبيه", "قضاء", "منطقه", "مديريه", "ناحيه", "مدينه", "بلده", "قريه", "مخيم", "معبر",
              "مركز", "لواء", "امانه")
ADMIN_TYPE_WORDS = ("محافظه", "ولايه", "شعبيه", "شعبيه", "قضاء", "منطقه", "مديريه", "ناحيه", "لواء")
WOF_KINDS = {"country": "country", "region": "governorate", "county": "district", "localadmin": "subdistrict",
             "locality": "locality", "neighbourhood": "neighbourhood", "campus": "site"}
ADMIN_LEVEL = {"country": 0, "region": 1, "governorate": 1, "district": 2, "subdistrict": 3}
MERGE_KM = 6.0
# Known errors in the sources, by WOF id → the right Arabic name (Samawa's county is labelled سامراء).
WOF_ARABIC_FIXES = {421205333: "السماوة"}


@dataclass
class Rec:
    """One place while building; merged records union their names and fill in each other's ids."""

    kind: str
    country: str
    name: str
    name_ar: str
    lat: float
    lon: float
    names_ar: set[str] = field(default_factory=set)
    names_en: set[str] = field(default_factory=set)
    admin1: str = ""
    admin1_ar: str = ""
    admin2: str = ""
    admin2_ar: str = ""
    admin3: str = ""
    geonames_id: int = 0
    wof_id: int = 0
    wikidata: str = ""
    pcode: str = ""
    population: int = 0
    seat: int = 0  # 1: the town a district is named after, 2: a governorate's namesake town
    dropped: int = 0  # variants filtered out as non-Arabic spellings (reported by the build)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(a)))


def clean_en(name: str) -> str:
    """'Homs (Hims)' → 'Homs'; trims."""
    return re.sub(r"\s*\(.*?\)\s*", " ", name).strip()


def arabic_forms(rec: Rec, raw: Iterable[str]) -> None:
    """Add Arabic spellings to rec, dropping non-Arabic (Persian/Kurdish/Urdu) ones."""
    for name in raw:
        name = name.strip().strip("\u200e\u200f")
        if not name or not ARABIC.search(name):
            continue
        if NON_ARABIC.search(name):
            rec.dropped += 1
            continue
        rec.names_ar.add(name)


def _int(value: str) -> int:
    try:
        return int(float(value or 0))
    except ValueError:
        return 0


def read_wof(src: Path) -> Iterator[Rec]:
    """Who's On First places (current or unknown-currency only)."""
    for path in sorted(src.glob("whosonfirst/wof_*_places.csv")):
        country = path.name.split("_")[1].upper()
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                kind = WOF_KINDS.get(row["placetype"])
                if kind is None or row["is_current"] == "0" or not row["lat"]:
                    continue
                if kind == "governorate" and "Disengagement" in row["name"]:
                    continue
                rec = Rec(kind, country, clean_en(row["name"]), "", float(row["lat"]), float(row["lon"]),
                          admin1=clean_en(row["region_name"]), admin1_ar=row["region_name_ar"],
                          admin2=clean_en(row["county_name"]) if kind not in ("district",) else "",
                          admin2_ar=row["county_name_ar"] if kind != "district" else "",
                          geonames_id=_int(row["geonames_id"]), wof_id=_int(row["wof_id"]),
                          wikidata=row["wikidata_id"], population=_int(row["population"]))
                if kind == "governorate":
                    rec.admin1, rec.admin1_ar = rec.name, row["name_ar"]
                if kind == "country":
                    rec.admin1 = rec.admin1_ar = ""
                if _int(row["wof_id"]) in WOF_ARABIC_FIXES:
                    row["name_ar"] = row["county_name_ar"] = WOF_ARABIC_FIXES[_int(row["wof_id"])]
                first_ar = row["name_ar"].split("|")[0].strip().strip("\u200e")
                arabic_forms(rec, [*row["name_ar"].split("|"), *row["name_ar_variants"].split("|")])
                rec.name_ar = first_ar if first_ar in rec.names_ar else ""
                rec.names_en.update(x for x in [rec.name, *row["name_en_variants"].split("|")] if x)
                yield rec


def read_ocha(src: Path) -> Iterator[Rec]:
    """OCHA COD admin levels 1-3 for Iraq and Yemen, with p-codes."""
    for folder, prefix, country in (("ocha_cod_iraq", "irq", "IQ"), ("ocha_cod_yemen", "yem", "YE")):
        for level, kind in ((1, "governorate"), (2, "district"), (3, "subdistrict")):
            for path in sorted((src / folder).glob(f"{prefix}_adm{level}_*.csv")):
                with path.open(encoding="utf-8-sig") as fh:
                    for row in csv.DictReader(fh):
                        lat = row.get("inside_lat") or row.get("centroid_lat")
                        lon = row.get("inside_lon") or row.get("centroid_lon")
                        rec = Rec(kind, country, row[f"ADM{level}_EN"], row[f"ADM{level}_AR"], float(lat), float(lon),
                                  pcode=row[f"ADM{level}_PCODE"])
                        arabic_forms(rec, [row[f"ADM{level}_AR"], row.get(f"ADM{level}ALT1AR", ""),
                                           row.get(f"ADM{level}ALT2AR", "")])
                        rec.names_en.update(x for x in (rec.name, row.get(f"ADM{level}ALT1EN"),
                                                        row.get(f"ADM{level}ALT2EN")) if x)
                        rec.admin1, rec.admin1_ar = row.get("ADM1_EN", ""), row.get("ADM1_AR", "")
                        if level >= 2:
                            rec.admin2, rec.admin2_ar = row.get("ADM2_EN", ""), row.get("ADM2_AR", "")
                        if level == 3:
                            rec.admin3 = rec.name
                        yield rec


def read_geonames(src: Path) -> Iterator[Rec]:
    """GeoNames cities500 with Arabic-script names (admin1 filled in later from WOF)."""
    path = src / "geonames_cities500" / "geonames_cities500_mena_with_arabic.tsv"
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            rec = Rec("locality", row["countrycode"], row["name"], "", float(row["latitude"]), float(row["longitude"]),
                      geonames_id=_int(row["geonameid"]), population=_int(row["population"]),
                      admin3="gn:" + row["admin1code"])
            arabic_forms(rec, row["arabic_names"].split("|"))
            rec.names_en.add(row["name"])
            if rec.names_ar:
                rec.name_ar = min(rec.names_ar, key=lambda n: (len(n.split()) > 2, len(n)))
                yield rec


def read_countries(natural_earth: dict[str, tuple[float, float]]) -> Iterator[Rec]:
    """Every country of the world (CLDR names + curated aliases from kb/data/countries.tsv)."""
    with COUNTRIES_TSV.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        lat, lon = natural_earth.get(row["iso2"], (0.0, 0.0))
        rec = Rec("country", row["iso2"], row["name"], row["name_ar"], lat, lon)
        arabic_forms(rec, [row["name_ar"], *row["aliases"].split("|")])
        rec.names_en.add(row["name"])
        yield rec


def read_supplement() -> Iterator[Rec]:
    """Curated camps, crossings and named regions missing from the sources (supplement.tsv)."""
    with SUPPLEMENT_TSV.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        names = row["names_ar"].split("|")
        rec = Rec(row["kind"], row["country"], row["name"], names[0], float(row["lat"]), float(row["lon"]),
                  admin1=row["admin1"], admin1_ar=row["admin1_ar"], population=_int(row["population"]))
        arabic_forms(rec, names)
        rec.names_en.add(row["name"])
        yield rec


def natural_earth_centres(src: Path) -> dict[str, tuple[float, float]]:
    """ISO2 → (lat, lon) of the centre of each country's largest ring in Natural Earth 50m."""
    topo_path = src / "natural_earth" / "package" / "countries-50m.json"
    codes_path = src / "geonames_cities500" / "geonames_countries.json"
    if not topo_path.exists() or not codes_path.exists():
        return {}
    numeric = {str(v["isonumeric"]).zfill(3): k for k, v in json.loads(codes_path.read_text()).items()}
    topo = json.loads(topo_path.read_text())
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    out = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        iso = numeric.get(str(geom.get("id", "")).zfill(3))
        if not iso or "arcs" not in geom:
            continue
        polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        best = None
        for poly in polys:
            pts = [p for i in poly[0] for p in (arcs[i] if i >= 0 else arcs[~i])]
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            area = (max(xs) - min(xs)) * (max(ys) - min(ys))
            if best is None or area > best[0]:
                best = (area, sum(ys) / len(ys), sum(xs) / len(xs))
        if best:
            out[iso] = (round(best[1], 4), round(best[2], 4))
    return out


def strip_type(form: str) -> str:
    """'محافظه ادلب' → 'ادلب' (normalised in and out); the form itself when it has no type word."""
    head, _, rest = form.partition(" ")
    return rest if head in TYPE_WORDS and rest else form


def _group_key(rec: Rec) -> tuple[str, str, int]:
    # camps, crossings and bases from the supplement never swallow the town they are named after
    name = normalize_text(rec.name_ar) if rec.name_ar else rec.name.lower()
    level = ADMIN_LEVEL.get(rec.kind, 8 if rec.kind in ("camp", "crossing", "site") or name.startswith(
        ("مخيم ", "معبر ")) else 9)
    head, _, rest = name.partition(" ")
    if head in ADMIN_TYPE_WORDS and rest:  # "محافظة إدلب" groups with "إدلب"; "مخيم جنين" does not
        name = rest
    return rec.country, name.removeprefix("ال").replace(" ", ""), level  # كفر نبل = كفرنبل


def _absorb(into: Rec, other: Rec) -> None:
    into.names_ar |= other.names_ar
    into.names_en |= other.names_en
    into.dropped += other.dropped
    into.population = max(into.population, other.population)
    for attr in ("admin1", "admin1_ar", "admin2", "admin2_ar", "admin3", "wikidata", "pcode", "name_ar"):
        if not getattr(into, attr) and getattr(other, attr):
            setattr(into, attr, getattr(other, attr))
    into.geonames_id = into.geonames_id or other.geonames_id
    into.wof_id = into.wof_id or other.wof_id


def merge(recs: list[Rec]) -> list[Rec]:
    """Merge duplicates: same GeoNames id, or same normalised Arabic name + level within MERGE_KM (admin: 80 km)."""
    by_gid: dict[int, Rec] = {}
    out: list[Rec] = []
    for rec in recs:
        if rec.geonames_id and rec.kind not in ("country",) and rec.geonames_id in by_gid:
            first = by_gid[rec.geonames_id]
            if ADMIN_LEVEL.get(first.kind, 9) == ADMIN_LEVEL.get(rec.kind, 9):
                _absorb(first, rec)
                continue
        if rec.geonames_id:
            by_gid.setdefault(rec.geonames_id, rec)
        out.append(rec)
    groups: dict[tuple, list[Rec]] = defaultdict(list)
    merged: list[Rec] = []
    for rec in out:
        key = _group_key(rec)
        radius = MERGE_KM if key[2] >= 8 else (10000 if key[2] == 0 else 80)
        for other in groups[key]:
            if km(rec.lat, rec.lon, other.lat, other.lon) <= radius:
                _absorb(other, rec)
                break
        else:
            groups[key].append(rec)
            merged.append(rec)
    return merged


def fill_geonames_admin(recs: list[Rec]) -> None:
    """GeoNames-only places get the governorate most common among WOF places sharing their admin1 code."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for rec in recs:
        if rec.admin3.startswith("gn:") and rec.admin1:
            votes[rec.country + rec.admin3].update([(rec.admin1, rec.admin1_ar)])
    for rec in recs:
        if rec.admin3.startswith("gn:"):
            if not rec.admin1 and votes.get(rec.country + rec.admin3):
                rec.admin1, rec.admin1_ar = votes[rec.country + rec.admin3].most_common(1)[0][0]
            rec.admin3 = ""


def tidy_variants(recs: list[Rec]) -> None:
    """Drop variants that are another place's own name (WOF lists 'الرمادي' under Anbar) or an admin title
    on a non-admin place ('محافظة إدلب' under the city)."""
    primaries: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, rec in enumerate(recs):
        if rec.name_ar:
            primaries[(rec.country, strip_type(normalize_text(rec.name_ar)))].add(i)
    for i, rec in enumerate(recs):
        own = strip_type(normalize_text(rec.name_ar)) if rec.name_ar else None
        keep = set()
        for name in rec.names_ar:
            form = normalize_text(name)
            bare = strip_type(form)
            if rec.kind in ("locality", "neighbourhood", "camp", "crossing", "site") and bare != form \
                    and form.split(" ", 1)[0] in ADMIN_TYPE_WORDS:
                continue
            if bare != own and primaries.get((rec.country, bare), {i}) - {i}:
                continue
            keep.add(name)
        rec.names_ar = keep
        if rec.name_ar not in keep and keep:
            rec.name_ar = min(keep, key=len)


def classify(rec: Rec) -> None:
    """Camps and crossings are localities in the sources: recognise them by name."""
    if rec.kind not in ("locality", "neighbourhood", "site"):
        return
    forms = [normalize_text(rec.name_ar), rec.name.lower()]  # the preferred names only: towns have camp variants
    if any(f.startswith("مخيم ") for f in forms) or any(f.endswith(" camp") for f in forms):
        rec.kind = "camp"
    elif any(f.startswith("معبر ") for f in forms) or any("crossing" in f for f in forms):
        rec.kind = "crossing"


def _similar(a: str, b: str) -> bool:
    a, b = (re.sub(r"[^a-z]", "", x.lower()) for x in (a, b))
    return bool(a and b) and (a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.8)


def _capitals() -> set[tuple[str, str]]:
    """(ISO2, key) of every national capital in kb/data/countries.tsv."""
    with COUNTRIES_TSV.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    return {(row["iso2"], lexicon_key(name)) for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
            for name in (row.get("capital_ar") or "").split("|") if name}


def mark_seats(recs: list[Rec]) -> None:
    """Flag the town a governorate or district is named after (رأس العين the town among ten villages),
    and national capitals (الرياض the city, not the Egyptian district)."""
    capitals = _capitals()
    for rec in recs:
        if rec.kind != "locality":
            continue
        if rec.population >= 50_000 and any((rec.country, lexicon_key(n)) in capitals for n in rec.names_ar):
            rec.seat = 3
            continue
        ar = strip_type(normalize_text(rec.name_ar)).removeprefix("ال") if rec.name_ar else ""

        def same(en: str, ar_admin: str, ar: str = ar, rec: Rec = rec) -> bool:
            if ar and ar_admin and strip_type(normalize_text(ar_admin)).removeprefix("ال") == ar:
                return True
            return _similar(rec.name, en)

        if same(rec.admin1, rec.admin1_ar):
            rec.seat = 2
        elif same(rec.admin2, rec.admin2_ar):
            rec.seat = 1


def build(src: Path, out: Path) -> dict[str, int]:
    """Compile SOURCES_DIR `src` into `out`; returns counts for the report."""
    recs = list(read_countries(natural_earth_centres(src)))
    recs += list(read_supplement())
    recs += list(read_wof(src))
    recs += list(read_ocha(src))
    recs += list(read_geonames(src))
    n_in = len(recs)
    dropped = sum(r.dropped for r in recs)
    recs = merge(recs)
    fill_geonames_admin(recs)
    tidy_variants(recs)
    for rec in recs:
        classify(rec)
    recs = [r for r in recs if r.names_ar or r.kind == "country"]
    for rec in recs:  # some sources put the Arabic name in the English slot
        if ARABIC.search(rec.name):
            latin = sorted((n for n in rec.names_en if not ARABIC.search(n) and n.isascii()), key=len)
            rec.name = latin[0] if latin else rec.name
    mark_seats(recs)
    recs.sort(key=lambda r: (KINDS.index(r.kind) if r.kind in KINDS else 99, -r.population, r.country, r.name))
    write_table(recs, out)
    return {"read": n_in, "places": len(recs), "dropped_spellings": dropped, "format": FORMAT}
