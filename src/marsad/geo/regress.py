"""Regression check for find_places: run it over the project's own texts, save or compare the results.

    python -m marsad.geo.regress save before.jsonl      # with the old code
    python -m marsad.geo.regress compare before.jsonl   # with the new code: prints every difference

Texts: examples/corpus.jsonl and tests/data/eval/documents.jsonl (whole documents) plus the 2.5 KB pieces
that benchmarks/throughput.py cuts from the corpus, plus 300 news texts of ~2.5 KB rebuilt from the
NewsFANE tokens in ../shared/data/ner when present. Each text runs twice: without a country hint and with
the hint saved in the file (the country most often matched in the first run), so that a later run asks the
same questions. One JSON line per (text, hint): id, hint, text hash and the mentions (span, text, matched
place, precision, confidence).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

from marsad.text.normalize import normalize

ROOT = Path(__file__).resolve().parents[3]
SOURCES = ("examples/corpus.jsonl", "tests/data/eval/documents.jsonl")
# News text in one-token-a-line NER format, when the shared data is there: more text for the comparison.
NEWSFANE = ROOT.parent / "shared/data/ner/newsfane/Finegrained__WikiFANE_2014_Gold_standard__NewsFANE_Gold_2014_170K.txt"


def news_pieces(limit: int = 300, size: int = 2500) -> list[str]:
    """Up to `limit` texts of about `size` bytes rebuilt from the NewsFANE tokens (sentences kept whole)."""
    if not NEWSFANE.exists():
        return []
    out: list[str] = []
    current: list[str] = []
    for sentence in NEWSFANE.read_text("utf-8").replace("\r", "").replace("\n\t\n", "\n\n").split("\n\n"):
        words = [ln.split("\t")[0].strip("\ufeff\u200e ") for ln in sentence.splitlines() if ln.strip()]
        current.append(" ".join(w for w in words if w))
        if len(" ".join(current).encode("utf-8")) >= size:
            out.append(" ".join(current))
            current = []
            if len(out) >= limit:
                break
    return out


def texts(pieces: int = 400, size: int = 2500, news: int = 300) -> list[tuple[str, str]]:
    """(id, text) of the project's own documents and of `pieces` benchmark pieces (distinct texts only)."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    corpus: list[dict] = []
    for name in SOURCES:
        path = ROOT / name
        if not path.exists():
            continue
        records = [json.loads(ln) for ln in path.read_text("utf-8").splitlines() if ln.strip()]
        if name.startswith("examples"):
            corpus = records
        for r in records:
            if r["text"] not in seen:
                seen.add(r["text"])
                out.append((f"{name}:{r['id']}", r["text"]))
    for i in range(pieces if corpus else 0):  # the cutting rule of benchmarks/throughput.py
        text = corpus[i % len(corpus)]["text"]
        while len(text.encode("utf-8")) < size:
            text += "\n\n" + corpus[(i + len(text)) % len(corpus)]["text"]
        cut = text.encode("utf-8")[:size].decode("utf-8", "ignore")
        if cut not in seen:
            seen.add(cut)
            out.append((f"piece:{i}", cut))
    out.extend((f"newsfane:{i}", t) for i, t in enumerate(news_pieces(news)))
    return out


def describe(text: str, hint: str | None) -> list[list]:
    """The mentions of one run as plain lists (comparable, JSON-ready)."""
    from marsad.geo import find_places

    out = []
    for m in find_places(text, country_hint=hint, norm=normalize(text)):
        p = m.result.match
        out.append([m.start, m.end, m.text, p.name, p.country, p.kind, round(p.lat, 3), round(p.lon, 3),
                    m.result.precision, m.result.confidence])
    return out


def run(hints: dict[str, str | None] | None = None) -> list[dict]:
    """Results over every text; `hints` (id → hint) replays the hints of a saved run."""
    rows = []
    for tid, text in texts():
        first = describe(text, None)
        if hints is not None:
            hint = hints.get(tid)
        else:
            votes = Counter(m[4] for m in first)
            hint = votes.most_common(1)[0][0] if votes else None
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
        rows.append({"id": tid, "run": 0, "sha": digest, "hint": None, "mentions": first})
        rows.append({"id": tid, "run": 1, "sha": digest, "hint": hint, "mentions": describe(text, hint)})
    return rows


def compare(before: list[dict], after: list[dict]) -> list[str]:
    """Human-readable differences (mentions lost, gained or matched differently)."""
    old = {(r["id"], r["sha"], r["run"]): r for r in before}
    lines = []
    for r in after:
        b = old.get((r["id"], r["sha"], r["run"]))
        if b is None:
            lines.append(f"{r['id']}: not in the saved run (text changed?)")
            continue
        bm = {tuple(m[:2]): m for m in b["mentions"]}
        am = {tuple(m[:2]): m for m in r["mentions"]}
        for span in sorted(bm.keys() | am.keys()):
            x, y = bm.get(span), am.get(span)
            if x != y:
                lines.append(f"{r['id']} hint={r['hint']}: {x} -> {y}")
    return lines


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("save", "compare"):
        print(__doc__)
        return 2
    path = Path(argv[1])
    if argv[0] == "save":
        rows = run()
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
        print(f"{len(rows)} runs, {sum(len(r['mentions']) for r in rows)} mentions saved to {path}")
        return 0
    before = [json.loads(ln) for ln in path.read_text("utf-8").splitlines() if ln.strip()]
    after = run({r["id"]: r["hint"] for r in before if r["run"] == 1})
    diffs = compare(before, after)
    print("\n".join(diffs))
    print(f"{len(after)} runs, {sum(len(r['mentions']) for r in after)} mentions, {len(diffs)} differences")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
