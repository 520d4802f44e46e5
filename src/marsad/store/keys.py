"""Deterministic keys: the same content always gets the same id, whatever the order of arrival."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache

from marsad.model import Actor, Location
from marsad.text.normalize import normalize_text


def _digest(*parts: object) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(b"" if part is None else str(part).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


@lru_cache(maxsize=256)
def content_hash(text: str) -> str:
    """SHA-256 of the normalised text with whitespace runs collapsed (as marsad.ingest computes it),
    so copies that differ only in diacritics, letter variants or spacing are exact copies."""
    return hashlib.sha256(" ".join(normalize_text(text).split()).encode("utf-8")).hexdigest()


def document_key(identity: str | None, outlet: str | None, text_hash: str) -> str:
    """The store's document id: the same document (id, URL or source) from the same outlet with the
    same text is the same document, wherever and whenever it is read again.

    The same text under another identity or outlet is another document (a copy of its original).
    """
    return "d" + _digest(identity or "", outlet or "", text_hash)[:31]


def actor_key(actor: Actor) -> str:
    """The actor's own id, or one derived from its names when the extractor gave none."""
    if actor.id:
        return actor.id
    return "x-" + _digest(actor.name, actor.name_ar, actor.type, actor.country)[:16]


def place_key(loc: Location) -> str:
    """A hash of everything that identifies the place (`g<geonames id>-…` when it has one).

    Every attribute is in the key, so two rows never disagree about one key: merging reads the
    same place values whichever document stored it first.
    """
    digest = _digest(loc.geonames_id, loc.name, loc.name_ar, loc.country, loc.admin1, loc.admin2,
                     None if loc.lat is None else round(loc.lat, 5),
                     None if loc.lon is None else round(loc.lon, 5), loc.precision)[:16]
    return f"g{loc.geonames_id}-{digest}" if loc.geonames_id is not None else f"p-{digest}"


def event_key(document_id: str, local_id: str) -> str:
    return f"{document_id}:{local_id}"


def incident_id(member_keys: Iterable[str]) -> str:
    """An incident's id: a hash of its sorted member event keys (so order of arrival is irrelevant)."""
    return "i" + _digest(*sorted(member_keys))[:23]
