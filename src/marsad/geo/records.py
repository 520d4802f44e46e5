"""The on-disk layout of the compiled gazetteer: one zlib-compressed marshal of plain columns.

marshal of lists/dicts of str/int/float loads in a few tens of ms and cannot run code, unlike pickle.
Layout: {"format": FORMAT, "columns": {name: list}, "index_ar": {key: [row, ...]}, "index_en": {...}}
where keys are marsad.text.lexicon.lexicon_key forms (normalised, first article dropped).
"""

from __future__ import annotations

import marshal
import re
import zlib
from pathlib import Path

from marsad.text.lexicon import lexicon_key

FORMAT = "marsad.gazetteer/2"
_PUNCT = re.compile(r"[^\w\s]|_")
KINDS = ("country", "region", "governorate", "district", "subdistrict", "locality", "camp", "crossing",
         "neighbourhood", "site")
COLUMNS = ("kind", "country", "name", "name_ar", "admin1", "admin1_ar", "admin2", "admin2_ar", "admin3",
           "lat", "lon", "geonames_id", "wof_id", "wikidata", "pcode", "population", "seat")
# A name written with its first word apart or joined: البوكمال / البو كمال, كفرنبل / كفر نبل.
SPLIT_HEADS = ("ابو", "بو", "ام", "كفر", "دير", "تل", "عين", "بيت", "بني", "راس", "جسر", "خان", "بير", "عين")


def variant_keys(name: str) -> set[str]:
    """Every lookup key of one Arabic name: itself, without a type word, joined and split variants."""
    key = lexicon_key(name).strip()
    if name.lstrip().startswith(("آل ", "ال ")):  # "آل الدولة" (a family seat): key "دوله", like "الدولة"
        key = lexicon_key(key)
    keys = {key}
    bare = " ".join(_PUNCT.sub(" ", key).split())  # "بعلبك - الهرمل" is also "بعلبك الهرمل"
    if bare and bare != key:
        keys.add(bare)
    head, _, rest = key.partition(" ")
    if rest and head in ("محافظه", "ولايه", "شعبيه", "قضاء", "منطقه", "مديريه", "ناحيه", "مدينه", "بلده", "قريه",
                         "مخيم", "معبر", "مركز", "لواء"):
        keys.add(lexicon_key(rest).strip())
    for k in list(keys):
        if " " in k:
            h, _, r = k.partition(" ")
            if h in SPLIT_HEADS and " " not in r:
                keys.add(h + r)
        else:
            for h in SPLIT_HEADS:
                if k.startswith(h) and len(k) - len(h) >= 3:
                    keys.add(h + " " + k[len(h):])
                    break
    return {k for k in keys if len(k.replace(" ", "")) >= 2}


def write_table(recs: list, out: Path) -> None:
    """Serialise build records (objects with the COLUMNS attributes, names_ar, names_en) to `out`."""
    columns: dict[str, list] = {c: [] for c in COLUMNS}
    index_ar: dict[str, list[int]] = {}
    index_en: dict[str, list[int]] = {}
    for row, rec in enumerate(recs):
        for c in COLUMNS:
            value = getattr(rec, c)
            columns[c].append(round(value, 5) if isinstance(value, float) else value)
        for name in rec.names_ar | ({rec.name_ar} if rec.name_ar else set()):
            for key in variant_keys(name):
                rows = index_ar.setdefault(key, [])
                if row not in rows:
                    rows.append(row)
        for name in rec.names_en:
            key = " ".join(name.lower().replace("-", " ").replace("'", "").replace("`", "").split())
            if key:
                rows = index_en.setdefault(key, [])
                if row not in rows:
                    rows.append(row)
    blob = marshal.dumps({"format": FORMAT, "columns": columns, "index_ar": index_ar, "index_en": index_en})
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".tmp")
    tmp.write_bytes(zlib.compress(blob, 9))
    tmp.replace(out)


def read_table(path: Path) -> dict:
    """The raw table; raises OSError/ValueError/EOFError/zlib.error/KeyError on a bad file."""
    data = marshal.loads(zlib.decompress(path.read_bytes()))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} file")
    return data
