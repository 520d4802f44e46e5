"""Validation of results against the shipped JSON Schema of marsad.document/1."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema


@cache
def document_schema() -> dict[str, Any]:
    """The JSON Schema shipped in marsad/schema/document.schema.json."""
    return json.loads(resources.files("marsad.schema").joinpath("document.schema.json").read_text("utf-8"))


def validate_result(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when `data` is not a valid marsad.document/1 result, or when
    a span's text is not the document text at its offsets."""
    jsonschema.validate(data, document_schema())
    text = data["document"]["text"]
    for span in iter_spans(data):
        if text[span["start"]:span["end"]] != span["text"]:
            raise jsonschema.ValidationError(f"span {span} does not match the document text")


def iter_spans(value: Any):
    """Every {"start","end","text"} object inside a result."""
    if isinstance(value, dict):
        if set(value) == {"start", "end", "text"}:
            yield value
            return
        for v in value.values():
            yield from iter_spans(v)
    elif isinstance(value, list):
        for v in value:
            yield from iter_spans(v)
