"""The actor knowledge base: who can act in an event, by id, and every spelling news uses for them.

In: `kb/data/actors.tsv` (one actor a line) and `kb/data/countries.tsv` (one country a line),
both hand-edited, tab-separated UTF-8 with `#` comment lines; see docs/knowledge-base-actors.md.
Out: `load_actors()` → an `ActorKB` with the actors by id, (alias, id) pairs for the matcher,
the generic-to-concrete resolution (`*-MIL` in a Syrian text is `SYR-MIL`) and the countries
with their Arabic names, adjectives and capitals. Both files are validated on load; every
problem raises `KnowledgeBaseError` naming the file, the line and the fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from marsad.errors import KnowledgeBaseError
from marsad.model import ACTOR_TYPES
from marsad.text.lexicon import lexicon_key
from marsad.text.normalize import normalize_text

ACTOR_COLUMNS = ("id", "type", "country", "name", "name_ar", "aliases")
COUNTRY_COLUMNS = ("iso2", "iso3", "name", "name_ar", "aliases", "adjectives", "capital_ar")
INTERNATIONAL = "XX"  # country of bodies that belong to no one state (UN, ICRC, ISIS ...)
GENERIC_COUNTRY = "*"
# Every generic row must resolve in these countries: the conflicts marsad is measured on.
CONFLICT_COUNTRIES = ("SY", "IQ", "YE", "SD", "SS", "LY", "LB", "PS", "EG")
# Country names that are also ordinary words (مالي "financial", بنين "boys") or a region of
# another country (الصحراء الغربية is also Iraq's and Egypt's Western Desert): kept in the
# file, but not offered to the matcher; their unambiguous aliases (جمهورية مالي) are.
AMBIGUOUS_COUNTRY_FORMS = frozenset({"مالي", "بنين", "الصحراء الغربيه"})

_CONCRETE_ID = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+")
_GENERIC_ID = re.compile(r"\*-[A-Z0-9]+")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor: id like SYR-MIL (or *-MIL for a generic one), ACLED-style names, and aliases."""

    id: str
    type: str
    country: str  # ISO 3166 alpha-2, "XX" for international bodies, "*" for generic rows
    name: str
    name_ar: str
    aliases: tuple[str, ...]

    @property
    def generic(self) -> bool:
        """True for a context-dependent row (`*-MIL`) that names no actor until resolved."""
        return self.country == GENERIC_COUNTRY

    def surface_forms(self) -> tuple[str, ...]:
        """name_ar then the aliases, without repeats."""
        return tuple(dict.fromkeys((self.name_ar, *self.aliases)))


@dataclass(frozen=True, slots=True)
class Country:
    """One country: codes, English and Arabic names, and the forms news uses for it."""

    iso2: str
    iso3: str
    name: str
    name_ar: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    capital_ar: tuple[str, ...]


@dataclass(frozen=True)
class ActorKB:
    """The loaded, validated knowledge base (build it with `load_actors`)."""

    entries: tuple[ActorEntry, ...]
    countries: dict[str, Country]
    by_id: dict[str, ActorEntry] = field(init=False)
    country_by_iso3: dict[str, Country] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {e.id: e for e in self.entries})
        object.__setattr__(self, "country_by_iso3", {c.iso3: c for c in self.countries.values()})

    def alias_pairs(self) -> list[tuple[str, str]]:
        """(surface form, actor id) for every name_ar and alias, generic rows included."""
        return [(form, e.id) for e in self.entries for form in e.surface_forms()]

    def country_alias_pairs(self) -> list[tuple[str, str, str]]:
        """(surface form, iso2, kind) with kind "name", "adjective" or "capital".

        Names include the aliases. A form that is both a name and a capital of one country
        (الكويت) is given once, as a name; forms in AMBIGUOUS_COUNTRY_FORMS are left out.
        """
        out: list[tuple[str, str, str]] = []
        for c in self.countries.values():
            kind_of: dict[str, str] = {}  # matcher key → the first kind it was given for this country
            for kind, forms in (("name", (c.name_ar, *c.aliases)), ("adjective", c.adjectives),
                                ("capital", c.capital_ar)):
                for form in forms:
                    if kind_of.setdefault(lexicon_key(form), kind) != kind:
                        continue
                    if normalize_text(form) not in AMBIGUOUS_COUNTRY_FORMS:
                        out.append((form, c.iso2, kind))
        return out

    def resolve(self, actor_id: str, country_iso2: str | None) -> ActorEntry | None:
        """The concrete actor for `actor_id` in a text about `country_iso2`.

        A concrete id is returned as it is; a generic `*-MIL` becomes `<ISO3>-MIL` of the
        country (`*-MIL`, "IQ" → IRQ-MIL). None for an unknown id, a generic id without a
        country, or a country with no such concrete row.
        """
        entry = self.by_id.get(actor_id)
        if entry is None or not entry.generic:
            return entry
        country = self.countries.get((country_iso2 or "").upper())
        if country is None:
            return None
        concrete = self.by_id.get(f"{country.iso3}{actor_id[1:]}")
        if concrete is None or "{country}" not in concrete.name:
            return concrete
        return ActorEntry(concrete.id, concrete.type, concrete.country,
                          concrete.name.format(country=country.name), concrete.name_ar, concrete.aliases)


def _rows(path: Path, text: str, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of every data line; checks the header and the column count."""
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(c.strip() for c in cells) != columns:
                raise KnowledgeBaseError(
                    f"{path}:{number}: header must be the tab-separated columns {' '.join(columns)}; "
                    f"found {line!r}")
            header_seen = True
            continue
        if len(cells) != len(columns):
            raise KnowledgeBaseError(
                f"{path}:{number}: expected {len(columns)} tab-separated columns "
                f"({' '.join(columns)}), found {len(cells)}; check for a missing or extra tab")
        yield number, [c.strip() for c in cells]
    if not header_seen:
        raise KnowledgeBaseError(f"{path}: no header line; start the file with: {chr(9).join(columns)}")


def _split(path: Path, number: int, column: str, cell: str) -> tuple[str, ...]:
    """The `|`-separated list of a cell; an empty item is an error (a stray or doubled `|`)."""
    if not cell:
        return ()
    items = tuple(item.strip() for item in cell.split("|"))
    if not all(items):
        raise KnowledgeBaseError(
            f"{path}:{number}: empty alias in column {column} ({cell!r}); remove the stray '|'")
    return tuple(dict.fromkeys(items))


def parse_countries(path: Path, text: str) -> dict[str, Country]:
    """Countries by iso2 from the text of countries.tsv (`path` is for messages only)."""
    countries: dict[str, Country] = {}
    form_owner: dict[tuple[str, str], tuple[str, int]] = {}
    iso3_seen: dict[str, int] = {}
    for number, (iso2, iso3, name, name_ar, aliases, adjectives, capital) in _rows(path, text, COUNTRY_COLUMNS):
        if not re.fullmatch("[A-Z]{2}", iso2) or not re.fullmatch("[A-Z]{3}", iso3):
            raise KnowledgeBaseError(
                f"{path}:{number}: bad country codes {iso2!r}/{iso3!r}; use ISO 3166 alpha-2 and alpha-3 capitals")
        if iso2 in countries or iso3 in iso3_seen:
            raise KnowledgeBaseError(f"{path}:{number}: duplicate country {iso2}/{iso3}; keep one row per country")
        if not name or not name_ar:
            raise KnowledgeBaseError(f"{path}:{number}: country {iso2} needs an English and an Arabic name")
        iso3_seen[iso3] = number
        country = Country(iso2, iso3, name, name_ar, _split(path, number, "aliases", aliases),
                          _split(path, number, "adjectives", adjectives),
                          _split(path, number, "capital_ar", capital))
        for kind, forms in (("name", (name_ar, *country.aliases)), ("adjective", country.adjectives),
                            ("capital", country.capital_ar)):
            for form in forms:
                key = (kind, lexicon_key(form))
                owner = form_owner.setdefault(key, (iso2, number))
                if owner[0] != iso2:
                    raise KnowledgeBaseError(
                        f"{path}:{number}: {kind} {form!r} of {iso2} is already a {kind} of {owner[0]} "
                        f"(line {owner[1]}); keep it on one country")
        countries[iso2] = country
    return countries


def parse_actors(path: Path, text: str, countries: dict[str, Country]) -> tuple[ActorEntry, ...]:
    """Validated actors from the text of actors.tsv (`path` is for messages only)."""
    entries: list[ActorEntry] = []
    lines: dict[str, int] = {}
    alias_owner: dict[str, tuple[str, int]] = {}
    for number, (actor_id, kind, country, name, name_ar, aliases) in _rows(path, text, ACTOR_COLUMNS):
        generic = country == GENERIC_COUNTRY
        if generic != actor_id.startswith("*-") or not (_GENERIC_ID if generic else _CONCRETE_ID).fullmatch(actor_id):
            raise KnowledgeBaseError(
                f"{path}:{number}: bad id {actor_id!r} for country {country!r}; use <ISO3 or ORG>-<SHORT> "
                f"in capitals (SYR-MIL) for a concrete actor, and *-<SHORT> with country * for a generic one")
        if actor_id in lines:
            raise KnowledgeBaseError(
                f"{path}:{number}: duplicate id {actor_id} (first on line {lines[actor_id]}); rename one")
        if kind not in ACTOR_TYPES:
            raise KnowledgeBaseError(
                f"{path}:{number}: unknown type {kind!r} for {actor_id}; use one of {', '.join(ACTOR_TYPES)}")
        if not generic and country != INTERNATIONAL and country not in countries:
            raise KnowledgeBaseError(
                f"{path}:{number}: unknown country {country!r} for {actor_id}; use an ISO 3166 alpha-2 code "
                f"from countries.tsv, {INTERNATIONAL} for an international body or * for a generic row")
        if not name or not name_ar:
            raise KnowledgeBaseError(f"{path}:{number}: {actor_id} needs a name and a name_ar")
        entry = ActorEntry(actor_id, kind, country, name, name_ar, _split(path, number, "aliases", aliases))
        for form in entry.surface_forms():
            key = lexicon_key(form)  # the matcher's key: folded, and without the first article
            owner_id, owner_line = alias_owner.setdefault(key, (actor_id, number))
            if owner_id != actor_id:
                where = "generic rows are the only place for words like الجيش" if generic or owner_id.startswith("*") \
                    else "if it truly is ambiguous, leave it out or put it on a generic row"
                raise KnowledgeBaseError(
                    f"{path}:{number}: alias {form!r} of {actor_id} is already an alias of {owner_id} "
                    f"(line {owner_line}); keep it on one actor ({where})")
        lines[actor_id] = number
        entries.append(entry)
    _check_generics(path, entries, lines, countries)
    return tuple(entries)


def _check_generics(path: Path, entries: list[ActorEntry], lines: dict[str, int],
                    countries: dict[str, Country]) -> None:
    """Every generic row needs its concrete row in each of CONFLICT_COUNTRIES."""
    for entry in entries:
        if not entry.generic:
            continue
        missing = [f"{countries[c].iso3}{entry.id[1:]}" for c in CONFLICT_COUNTRIES
                   if c in countries and f"{countries[c].iso3}{entry.id[1:]}" not in lines]
        if missing:
            raise KnowledgeBaseError(
                f"{path}:{lines[entry.id]}: generic {entry.id} has no concrete row for "
                f"{', '.join(missing)}; add those rows (the conflict countries {', '.join(CONFLICT_COUNTRIES)} "
                f"must all resolve)")


def _read(path: Path | None, name: str) -> tuple[Path, str]:
    if path is None:
        resource = resources.files("marsad.kb") / "data" / name
        return Path(str(resource)), resource.read_text(encoding="utf-8")
    try:
        return path, Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeBaseError(f"{path}: cannot read the {name} file ({exc}); check the path and that it is UTF-8") from exc


@cache
def load_actors(path: Path | None = None, countries_path: Path | None = None) -> ActorKB:
    """The actor knowledge base, read once per process and per path pair.

    `path` / `countries_path` default to the shipped `kb/data/actors.tsv` and
    `kb/data/countries.tsv`; tests point them at other files. Raises KnowledgeBaseError.
    """
    cpath, ctext = _read(countries_path, "countries.tsv")
    countries = parse_countries(cpath, ctext)
    apath, atext = _read(path, "actors.tsv")
    return ActorKB(parse_actors(apath, atext, countries), countries)
