"""A readable, fixed-width table of extracted events for terminals."""

from __future__ import annotations

from marsad.model import DocumentResult, Event

COLUMNS = (("doc", 10), ("type", 9), ("date", 10), ("actor1", 26), ("actor2", 22), ("place", 18),
           ("killed", 7), ("source", 22), ("mod", 8))


def _actor(a) -> str:
    if a is None:
        return ""
    return a.name or a.name_ar or ""


def _row(doc_id: str, e: Event) -> list[str]:
    place = ", ".join(loc.name or loc.name_ar or "" for loc in e.locations)
    killed = ""
    if e.fatalities is not None and e.fatalities.min is not None:
        killed = str(e.fatalities.min) + ("*" if e.contested else "")
    source = "; ".join(_actor(c.source) for c in e.claims if c.source is not None)
    return [doc_id, e.plover.type, e.date.start if e.date and e.date.start else "", _actor(e.actor1),
            _actor(e.actor2), place, killed, source, e.modality]


def format_table(results: list[DocumentResult]) -> str:
    """One line per event; * marks a contested figure."""
    lines = ["  ".join(name.ljust(width) for name, width in COLUMNS)]
    lines.append("  ".join("-" * width for _, width in COLUMNS))
    for r in results:
        for e in r.events:
            cells = _row(r.document.id or "", e)
            lines.append("  ".join(c[:w].ljust(w) for c, (_, w) in zip(cells, COLUMNS, strict=True)))
    total = sum(len(r.events) for r in results)
    lines.append(f"{total} events from {len(results)} documents (* = sources disagree on the figure)")
    return "\n".join(lines)
