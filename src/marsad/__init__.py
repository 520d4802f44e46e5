"""marsad: Arabic conflict news to a geocoded, source-attributed event database.

    >>> import marsad
    >>> result = marsad.extract("قال الجيش ...", published="2024-12-02")
    >>> result.to_dict()["events"]
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["extract", "extract_many", "extract_document"]


def __getattr__(name: str):
    # The knowledge base loads on first use, not on `import marsad`.
    if name in __all__:
        from marsad.extraction import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
