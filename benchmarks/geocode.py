"""Geocoder speed and footprint: load time, RSS, geocode lookups/s, find_places ms per 2.5 KB article.

Run: .venv/bin/python benchmarks/geocode.py   (prints figures; goals: load ≤ 0.5 s including the text
scanner, RSS ≤ 200 MB, ≥ 100,000 cached lookups/s, find_places ≤ 0.4 ms CPU per 2.5 KB article).
The find_places figure is CPU time (time.process_time) over the 2.5 KB pieces that benchmarks/throughput.py
cuts from examples/corpus.jsonl, best of 5 passes, each call given its Normalized as the extractor does.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import articles  # noqa: E402

# In a fresh process: the gazetteer file and the scanner (key tables, stop lists) that find_places needs.
LOAD = ("import time; t=time.perf_counter(); from marsad.geo import load_gazetteer; "
        "from marsad.geo.scanner import scanner; g=load_gazetteer(); t1=time.perf_counter(); scanner(g); "
        "t2=time.perf_counter(); print(t1-t, t2-t1)")

ARTICLE = (
    "قال المرصد السوري لحقوق الإنسان إن الطائرات الحربية الروسية شنت صباح اليوم الثلاثاء غارات على بلدة كفرنبل "
    "ومدينة معرة النعمان في ريف إدلب الجنوبي، ما أدى إلى مقتل سبعة مدنيين بينهم طفلان وإصابة آخرين. وأضاف أن "
    "قوات النظام استهدفت بالمدفعية الثقيلة قرى الهبيط وعابدين في ريف حماة الشمالي، فيما دارت اشتباكات عنيفة على "
    "محور تل ملح والجبين. وفي سياق متصل، قالت مصادر محلية إن رتلا عسكريا تركيا دخل عبر معبر كفرلوسين الحدودي "
    "متجها إلى نقاط المراقبة في محافظتي إدلب وحماة. ويشهد شمال غرب سوريا تصعيدا منذ أسابيع رغم اتفاق وقف إطلاق "
    "النار الذي أعلنته موسكو وأنقرة. وفي دير الزور، قتل عنصران من قوات سوريا الديمقراطية بهجوم لخلايا تنظيم "
    "الدولة قرب بلدة الشحيل في الريف الشرقي، بينما شهدت مدينة الرقة احتجاجات على تردي الخدمات. وفي العراق، أعلنت "
    "خلية الإعلام الأمني مقتل ثلاثة من عناصر الحشد الشعبي بانفجار عبوة ناسفة قرب قضاء الطارمية شمال بغداد. "
)

# A more usual report: few places, much else (about 2.5 KB).
TYPICAL = (
    "أعلنت وزارة الصحة في قطاع غزة أن حصيلة القصف الإسرائيلي خلال الساعات الأربع والعشرين الماضية ارتفعت إلى "
    "اثنين وثلاثين قتيلا وأكثر من مئة جريح، بينهم نساء وأطفال، مشيرة إلى أن فرق الإسعاف لا تزال تواجه صعوبات كبيرة "
    "في الوصول إلى المصابين بسبب استمرار الغارات ونقص الوقود. وقال المتحدث باسم الوزارة في مؤتمر صحفي إن المستشفيات "
    "تعمل بأقل من ربع طاقتها، وإن عددا من الجرحى نقلوا إلى مستشفى ناصر في خان يونس. من جهته، قال الجيش الإسرائيلي "
    "في بيان إنه استهدف مواقع لحركة حماس، وإن جنديين أصيبا بجروح خلال اشتباكات في محيط مخيم جباليا شمالي القطاع. "
    "وأضاف البيان أن قواته عثرت على أنفاق ومخازن أسلحة، دون أن يقدم تفاصيل إضافية. وفي الضفة الغربية، اعتقلت القوات "
    "الإسرائيلية خلال حملة مداهمات فجر اليوم خمسة عشر فلسطينيا، بحسب نادي الأسير، الذي أشار إلى أن عدد المعتقلين منذ "
    "بداية الشهر تجاوز ثلاثمئة. وفي سياق آخر، دعت الأمم المتحدة إلى فتح المعابر بشكل عاجل لإدخال المساعدات الإنسانية، "
    "محذرة من أن الوضع الإنساني بلغ مستوى كارثيا، وأن مئات الآلاف من السكان يعانون من نقص حاد في الغذاء والمياه النظيفة."
)


def best_of(fn, runs: int, repeats: int = 5) -> float:
    """Seconds per call, best of `repeats` batches (other processes on the machine inflate the mean)."""
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        for _ in range(runs):
            fn()
        best = min(best, (time.perf_counter() - t) / runs)
    return best


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def corpus_figures(find_places, n: int = 400) -> None:
    """find_places CPU ms per 2.5 KB corpus piece, without and with a country hint (best of 5 passes)."""
    from marsad.text.normalize import normalize

    texts = [a["text"] for a in articles(n)]
    norms = [normalize(t) for t in texts]
    for hint in (None, "SY"):
        best = float("inf")
        for _ in range(5):
            cpu = time.process_time()
            found = sum(len(find_places(t, country_hint=hint, norm=m)) for t, m in zip(texts, norms, strict=True))
            best = min(best, (time.process_time() - cpu) / len(texts))
        print(f"find_places over {len(texts)} corpus pieces of 2.5 KB, hint {hint}: {best * 1e3:.3f} ms CPU per "
              f"piece ({found / len(texts):.1f} mentions each)")


def main() -> None:
    out = subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True, check=True).stdout.split()
    load, build = float(out[0]), float(out[1])
    print(f"fresh process: load_gazetteer {load:.3f} s + scanner build {build:.3f} s = {load + build:.3f} s "
          "(goal ≤ 0.5 s)")
    base = rss_mb()
    t0 = time.perf_counter()
    from marsad.geo import find_places, geocode, load_gazetteer

    t1 = time.perf_counter()
    gaz = load_gazetteer()
    t2 = time.perf_counter()
    print(f"import {t1 - t0:.3f} s, load_gazetteer {t2 - t1:.3f} s ({len(gaz)} places), RSS {rss_mb():.0f} MB "
          f"(interpreter {base:.0f} MB)")
    phrases = ["حلب", "ريف إدلب الجنوبي", "بإدلب", "كفرنبل", "البو كمال", "محافظة الأنبار", "مخيم الهول",
               "جنوب لبنان", "الفاشر", "صنعاء", "طرابلس", "شمال غرب سوريا", "xyz", "الحديدة", "بنغازي", "غزة"]
    t = time.perf_counter()
    for p in phrases:
        geocode(p, "SY")
    cold = (time.perf_counter() - t) / len(phrases)
    n = 0
    t = time.perf_counter()
    while time.perf_counter() - t < 1.0:
        for p in phrases:
            geocode(p, "SY")
        n += len(phrases)
    rate = n / (time.perf_counter() - t)
    print(f"geocode: first call {cold * 1e3:.2f} ms/phrase, cached {rate:,.0f} lookups/s")
    distinct = list(gaz.index_ar)[:20000]
    t = time.perf_counter()
    for key in distinct:
        geocode(key, "IQ")
    print(f"geocode: {len(distinct) / (time.perf_counter() - t):,.0f} uncached lookups/s over {len(distinct)} "
          "distinct names")
    t = time.perf_counter()
    find_places("بدء", "SY")
    print(f"scanner (word tables) built on first find_places: {time.perf_counter() - t:.2f} s, RSS {rss_mb():.0f} MB")
    corpus_figures(find_places)
    article = ARTICLE * max(1, 2500 // len(ARTICLE.encode("utf-8")) + 1)
    article = article[: 1400]  # about 2.5 KB of UTF-8 Arabic
    runs = 200
    per = best_of(lambda: find_places(article, "SY"), runs)
    found = find_places(article, "SY")
    print(f"find_places: {per * 1e3:.2f} ms per {len(article.encode('utf-8'))}-byte article, "
          f"{len(found)} mentions: " + "، ".join(m.text for m in found))
    per = best_of(lambda: find_places(TYPICAL, "PS"), runs)
    found = find_places(TYPICAL, "PS")
    print(f"find_places: {per * 1e3:.2f} ms per usual {len(TYPICAL.encode('utf-8'))}-byte report, "
          f"{len(found)} mentions: " + "، ".join(m.text for m in found))
    print(f"peak RSS {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
