"""marsad: Arabic conflict news to a geocoded, source-attributed event database."""

__version__ = "0.1.0"
