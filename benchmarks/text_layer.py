"""Throughput of the Arabic text layer on a generated ~2.5 KB news text.

Run: .venv/bin/python benchmarks/text_layer.py [--seconds 1.0]
Prints calls per second and microseconds per call for normalize, sentences, clauses, tokens,
find_numbers and find_dates (raw text, and with a Normalized passed in). The extractor's budget is
500 articles/s for everything, so find_numbers and find_dates should each stay well under 300 µs.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from datetime import date

from marsad.text.dates import find_dates
from marsad.text.normalize import normalize
from marsad.text.numbers import find_numbers
from marsad.text.segment import clauses, sentences, tokens

_SENTENCES = [
    "قتل 25 شخصا على الأقل وأصيب العشرات بجروح في غارات جوية استهدفت بلدة سرمين بريف إدلب أمس الأربعاء.",
    "وقال المرصد السوري لحقوق الإنسان إن من بين القتلى خمسة أطفال وامرأتين، فيما لا يزال عدد من الجرحى في حالة خطرة.",
    "وأفادت مصادر محلية بأن اشتباكات عنيفة اندلعت فجر اليوم بين قوات الجيش ومسلحين في محيط مدينة الفاشر.",
    "وذكرت وكالة الأنباء الرسمية (سانا) أن وحدات الجيش تصدت لهجوم شنه نحو 200 مسلح على نقاط عسكرية.",
    "من جهتها، أعلنت وزارة الصحة في غزة ارتفاع حصيلة القتلى إلى 1,200 شخص منذ 3 كانون الأول 2024.",
    "وخرج آلاف المتظاهرين في ساحة التحرير ببغداد يوم الجمعة للمطالبة بإصلاحات سياسية وتحسين الخدمات.",
    "وأكد المتحدث باسم التحالف أن الدفاعات الجوية اعترضت صاروخين باليستيين أطلقهما الحوثيون باتجاه جازان.",
    "وفي سياق متصل، قتل ثلاثة عناصر من الشرطة بانفجار عبوة ناسفة في مدينة العريش خلال الـ24 ساعة الماضية.",
    "وأشار البيان إلى أن ما لا يقل عن 40 في المئة من سكان المنطقة نزحوا خلال الأسبوع الماضي.",
    "وقال د. أحمد الحسن، مدير المستشفى، إن الطواقم الطبية استقبلت بين 10 و15 جريحا الليلة الماضية.",
]


def _text(target: int = 2500, seed: int = 7) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    while sum(len(p) + 1 for p in parts) < target:
        parts.append(rng.choice(_SENTENCES))
    return " ".join(parts)


def _rate(fn: Callable[[], object], seconds: float) -> tuple[float, float]:
    """Calls per second and µs per call, in process CPU time (other jobs on the machine skew wall time)."""
    fn()  # warm caches (word lists, compiled patterns)
    n, t0 = 0, time.process_time()
    while (elapsed := time.process_time() - t0) < seconds:
        fn()
        n += 1
    return n / elapsed, 1e6 * elapsed / n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=1.0, help="time spent on each function")
    args = ap.parse_args()
    text = _text()
    norm = normalize(text)
    published = date(2024, 12, 5)
    spans = sentences(text)
    first = spans[0]
    cases: list[tuple[str, Callable[[], object]]] = [
        ("normalize", lambda: normalize(text)),
        ("sentences", lambda: sentences(text)),
        ("clauses (all sentences)", lambda: [clauses(text, a, b) for a, b in spans]),
        ("tokens", lambda: tokens(text)),
        ("find_numbers(raw)", lambda: find_numbers(text)),
        ("find_numbers(Normalized)", lambda: find_numbers(norm)),
        ("find_numbers(per sentence)", lambda: [find_numbers(text[a:b]) for a, b in spans]),
        ("find_numbers(Normalized, per sentence)", lambda: [find_numbers(norm, a, b) for a, b in spans]),
        ("find_dates(raw)", lambda: find_dates(text, published)),
        ("find_dates(Normalized)", lambda: find_dates(norm, published)),
        ("find_dates(per sentence)", lambda: [find_dates(text[a:b], published) for a, b in spans]),
        ("find_dates(Normalized, per sentence)", lambda: [find_dates(norm, published, a, b) for a, b in spans]),
    ]
    print(f"text: {len(text)} characters, {len(spans)} sentences, first sentence {first[1] - first[0]} chars, "
          f"{len(find_numbers(norm))} numbers, {len(find_dates(norm, published))} dates (CPU time)")
    print(f"{'function':40} {'calls/s':>10} {'µs/call':>10}")
    for name, fn in cases:
        rate, us = _rate(fn, args.seconds)
        print(f"{name:40} {rate:10.0f} {us:10.1f}")


if __name__ == "__main__":
    main()
