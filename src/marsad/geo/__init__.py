"""Gazetteer and geocoder: Arabic place names → coordinates and admin chain, to the village.

    from marsad.geo import load_gazetteer, geocode, find_places
    geocode("ريف إدلب الجنوبي", country="SY")   # GeoResult(match=Place(Idlib...), precision=2, ...)
    find_places(text, country_hint="SY")         # [PlaceMention(start, end, text, result), ...]
"""

from marsad.geo.find import find_places
from marsad.geo.gazetteer import DEFAULT_PATH, Gazetteer, load_gazetteer
from marsad.geo.geocode import geocode
from marsad.geo.places import NO_MATCH, GeoResult, Place, PlaceMention

__all__ = ["DEFAULT_PATH", "NO_MATCH", "Gazetteer", "GeoResult", "Place", "PlaceMention", "find_places", "geocode",
           "load_gazetteer"]
