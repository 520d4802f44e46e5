"""The geocoder's value types: a gazetteer Place, a GeoResult, a PlaceMention found in text."""

from __future__ import annotations

from dataclasses import dataclass, field

# precision codes (codebook): 1 town/village, 2 part of a district or near/countryside of a town,
# 3 governorate only, 4 country only.
PRECISION_BY_KIND = {"locality": 1, "camp": 1, "crossing": 1, "neighbourhood": 1, "site": 1,
                     "subdistrict": 2, "district": 2, "region": 3, "governorate": 3, "country": 4}


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. `row` is its index in the loaded table; ids are None when unknown."""

    row: int
    name: str
    name_ar: str | None
    country: str
    kind: str
    lat: float
    lon: float
    admin1: str | None = None
    admin1_ar: str | None = None
    admin2: str | None = None
    admin2_ar: str | None = None
    admin3: str | None = None
    geonames_id: int | None = None
    wof_id: int | None = None
    wikidata: str | None = None
    pcode: str | None = None
    population: int = 0

    def as_dict(self) -> dict:
        """JSON-ready fields (no row)."""
        return {k: getattr(self, k) for k in self.__slots__ if k != "row"}


@dataclass(frozen=True, slots=True)
class GeoResult:
    """The geocoder's answer: the best match or None, how precise the phrase is, how sure we are."""

    match: Place | None
    precision: int | None = None
    confidence: float = 0.0
    alternatives: tuple[Place, ...] = field(default=())

    def as_dict(self) -> dict:
        """JSON-ready: the match fields flattened, plus precision, confidence and alternatives."""
        out: dict = {"match": self.match.as_dict() if self.match else None, "precision": self.precision,
                     "confidence": round(self.confidence, 3)}
        out["alternatives"] = [a.as_dict() for a in self.alternatives]
        return out


NO_MATCH = GeoResult(None, None, 0.0, ())


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a raw text: raw offsets (text[start:end] == self.text) and its geocoding."""

    start: int
    end: int
    text: str
    result: GeoResult
