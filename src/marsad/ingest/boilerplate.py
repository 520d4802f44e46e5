"""A light post-filter for Arabic page furniture that trafilatura leaves in the text.

Patterns live in `data/boilerplate_ar.txt` (one regex per line, written in the normalised
form) and are matched against each normalised line of up to 200 characters; a matching line is
dropped. Long lines are never dropped: article paragraphs are long, furniture is short.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from marsad.text.normalize import normalize_text

_MAX_LINE = 200


class _Patterns:
    """The list split in two: patterns anchored with ^ are tried once at the line start
    (re.match), the others anywhere (re.search). One big alternation searched at every
    position was 10× slower."""

    def __init__(self, alternatives: list[str]) -> None:
        anchored = [alt[1:] for alt in alternatives if alt.startswith("^")]
        floating = [alt for alt in alternatives if not alt.startswith("^")]
        self._anchored = re.compile("|".join(f"(?:{alt})" for alt in anchored)) if anchored else None
        self._floating = re.compile("|".join(f"(?:{alt})" for alt in floating)) if floating else None

    def search(self, line: str) -> bool:
        return bool(
            (self._anchored is not None and self._anchored.match(line))
            or (self._floating is not None and self._floating.search(line))
        )


@cache
def _pattern() -> _Patterns:
    path = resources.files("marsad.ingest") / "data" / "boilerplate_ar.txt"
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    alternatives = [ln for ln in lines if ln and not ln.startswith("#")]
    for alt in alternatives:
        re.compile(alt)  # a bad pattern fails here with its own text in the error
    return _Patterns(alternatives)


def is_boilerplate(line: str) -> bool:
    """True when `line` (raw text) is page furniture by the pattern list."""
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_LINE:
        return False
    return _pattern().search(normalize_text(stripped))


def strip_boilerplate(text: str) -> str:
    """`text` without its boilerplate lines (other lines untouched, order kept)."""
    lines = text.split("\n")
    # Only short lines can be furniture; normalising them in one call (the normaliser keeps
    # newlines) is several times faster than normalising the whole text or each line.
    short = [i for i, line in enumerate(lines) if line.strip() and len(line.strip()) <= _MAX_LINE]
    if not short:
        return text
    normalised = normalize_text("\n".join(lines[i] for i in short)).split("\n")
    if len(normalised) != len(short):  # the normaliser dropped a newline: fall back to one by one
        return "\n".join(line for line in lines if not is_boilerplate(line))
    search = _pattern().search
    drop = {i for i, norm in zip(short, normalised, strict=True) if search(norm.strip())}
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)
