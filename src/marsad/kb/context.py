"""Names whose actor depends on the country a text is about (kb/data/context_actors.tsv).

"التحالف" is the Saudi-led coalition in news about Yemen and the US-led coalition in news
about Syria or Iraq; a bare "الجيش" in news about Palestine is Israel's army. One line per
(form, country): `form<TAB>country<TAB>actor_id`; a form "*-XXX" overrides a generic row.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from marsad.errors import KnowledgeBaseError
from marsad.kb.actors import load_actors

HEADER = ("form", "country", "actor_id")


@dataclass(frozen=True, slots=True)
class ContextActors:
    by_form: dict[str, dict[str, str]]  # form → {country: actor id}
    overrides: dict[tuple[str, str], str]  # (generic id, country) → actor id


@cache
def load_context_actors(path: Path | None = None) -> ContextActors:
    """The shipped table (or `path`), checked against the actor and country files."""
    label = str(path) if path else "context_actors.tsv"
    text = (path.read_text("utf-8") if path else
            resources.files("marsad.kb").joinpath("data/context_actors.tsv").read_text("utf-8"))
    kb = load_actors()
    by_form: dict[str, dict[str, str]] = {}
    overrides: dict[tuple[str, str], str] = {}
    header_seen = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header_seen:
            if tuple(cols) != HEADER:
                raise KnowledgeBaseError(f"{label}:{n}: the header must be {' '.join(HEADER)} (tab-separated)")
            header_seen = True
            continue
        if len(cols) != 3 or not all(c.strip() for c in cols):
            raise KnowledgeBaseError(f"{label}:{n}: expected 3 tab-separated columns: form, country, actor_id")
        form, country, actor_id = (c.strip() for c in cols)
        if country not in kb.countries:
            raise KnowledgeBaseError(f"{label}:{n}: unknown country {country!r}; use an ISO2 code of countries.tsv")
        if actor_id not in kb.by_id:
            raise KnowledgeBaseError(f"{label}:{n}: unknown actor id {actor_id!r}; add it to actors.tsv or fix the id")
        if form.startswith("*-"):
            overrides[(form, country)] = actor_id
        elif by_form.setdefault(form, {}).setdefault(country, actor_id) != actor_id:
            raise KnowledgeBaseError(f"{label}:{n}: {form!r} in {country} is given two actors; keep one line")
    return ContextActors(by_form, overrides)
