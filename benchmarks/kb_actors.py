"""Load time of the actor knowledge base and match speed of its aliases.

Run: .venv/bin/python benchmarks/kb_actors.py
Prints the cold parse time of actors.tsv + countries.tsv (budget: well under 0.3 s), the size of
the data, the time to build a Lexicon over all alias pairs, and microseconds per find() on a
generated ~2 KB Arabic news text.
"""

from __future__ import annotations

import time

from marsad.kb.actors import load_actors
from marsad.text.lexicon import Lexicon
from marsad.text.normalize import normalize, normalize_text

SENTENCES = [
    "قالت قوات سوريا الديمقراطية إن مقاتليها صدوا هجوما لتنظيم داعش في ريف دير الزور.",
    "وأفاد المرصد السوري لحقوق الإنسان بمقتل خمسة مدنيين بغارات للطيران الروسي.",
    "وأعلنت جماعة أنصار الله استهداف سفينة في البحر الأحمر، فيما شن التحالف العربي غارات.",
    "واقتحمت قوات الاحتلال مخيم جنين، واندلعت اشتباكات مع مقاتلي كتيبة جنين.",
    "وقال المتحدث باسم الحكومة إن الأجهزة الأمنية اعتقلت مسلحين مجهولين.",
]


def main() -> None:
    normalize_text("تهيئة")  # the folding table is shared with every other module: not ours to count
    t0 = time.perf_counter()
    kb = load_actors.__wrapped__()
    load = time.perf_counter() - t0
    pairs = kb.alias_pairs()
    t0 = time.perf_counter()
    lexicon = Lexicon(pairs)
    build = time.perf_counter() - t0
    norm = normalize(" ".join(SENTENCES * 4))
    runs = 200
    t0 = time.perf_counter()
    for _ in range(runs):
        found = lexicon.find(norm)
    per_find = (time.perf_counter() - t0) / runs
    concrete = sum(1 for e in kb.entries if not e.generic)
    print(f"load_actors (cold parse + validation): {load * 1000:.1f} ms")
    print(f"actors: {len(kb.entries)} ({concrete} concrete), alias pairs: {len(pairs)}, "
          f"countries: {len(kb.countries)}, country pairs: {len(kb.country_alias_pairs())}")
    print(f"Lexicon build over alias pairs: {build * 1000:.1f} ms")
    print(f"find() on {len(norm.text)} chars: {per_find * 1e6:.0f} µs, {len(found)} matches")


if __name__ == "__main__":
    main()
