"""Shared fixtures for the marsad test suite."""

from __future__ import annotations

import pytest

from marsad.model import DocumentResult
from marsad.validate import validate_result


@pytest.fixture(scope="session")
def extract():
    """marsad.extract that also checks every result against the JSON Schema and its spans."""
    import marsad

    def run(text: str, published: str | None = "2024-03-10", **kw) -> DocumentResult:
        result = marsad.extract(text, published=published, **kw)
        validate_result(result.to_dict())
        return result

    return run
