"""Extraction throughput, memory and knowledge-base load time (prints figures; not a test).

    .venv/bin/python benchmarks/throughput.py [--articles 2000]

Articles of ~2.5 KB are cut from the project's own sample corpus (examples/corpus.jsonl). The first pass
runs with cold per-process caches (words met, places resolved); later passes show the steady state of a long
corpus run, where those caches are warm. Both are printed.
Goals (issue 2): ≥ 500 articles/s on one core, peak RSS ≤ 500 MB, knowledge base loaded ≤ 1 s.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Everything an extraction needs before its first document: lexicons, actors, gazetteer and its scanner.
LOAD = "import time; t=time.perf_counter(); from marsad.extraction.knowledge import load_knowledge; " \
       "from marsad.geo import find_places; load_knowledge(); find_places('قصف على حلب'); " \
       "print(time.perf_counter()-t)"


def articles(n: int, size: int = 2500) -> list[dict]:
    """n articles of about `size` bytes of UTF-8 (Arabic letters take two bytes each)."""
    records = [json.loads(line) for line in (ROOT / "examples/corpus.jsonl").read_text("utf-8").splitlines()
               if line.strip()]
    out = []
    for i in range(n):
        r = records[i % len(records)]
        text = r["text"]
        while len(text.encode("utf-8")) < size:
            text += "\n\n" + records[(i + len(text)) % len(records)]["text"]
        cut = text.encode("utf-8")[:size].decode("utf-8", "ignore")
        out.append({"id": f"b{i}", "published": r["published"], "text": cut})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--passes", type=int, default=3,
                    help="passes over the articles; the first warms the per-process caches (words, places)")
    args = ap.parse_args()
    load = float(subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True, check=True)
                 .stdout.strip())
    print(f"knowledge base, gazetteer and scanners loaded (fresh process): {load:.3f} s  (goal ≤ 1 s)")
    from marsad.extraction.pipeline import document_from_dict, extract_document

    docs = [document_from_dict(a) for a in articles(args.articles)]
    extract_document(docs[0])  # warm: loads the knowledge base
    kb = sum(len(d.text.encode("utf-8")) for d in docs) / len(docs) / 1024
    rates = []
    for n in range(args.passes):
        t, cpu = time.perf_counter(), time.process_time()
        events = sum(len(extract_document(d).events) for d in docs)
        elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
        rates.append(len(docs) / cpu)
        label = "first pass (caches cold)" if n == 0 else f"pass {n + 1} (caches warm, as in a long run)"
        print(f"{label}: {len(docs)} articles of {kb:.1f} KB, {events} events: {len(docs) / cpu:.0f} articles per "
              f"CPU second on one core, {len(docs) / elapsed:.0f} per wall second")
    if len(rates) > 1:
        print(f"steady state (best warm pass): {max(rates[1:]):.0f} articles per CPU second; first pass "
              f"{rates[0]:.0f}  (goal ≥ 500/s)")
    else:
        print(f"{rates[0]:.0f} articles per CPU second  (goal ≥ 500/s)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss:.0f} MB  (goal ≤ 500 MB)")


if __name__ == "__main__":
    main()
