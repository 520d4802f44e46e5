"""HTML page → IngestedDocument throughput on one core, for generated ~30 KB news pages.

Run: .venv/bin/python benchmarks/ingest_html.py [N]
Prints pages per second for the HTML step alone (`extract_article`) and for the whole
document step (decode bytes, extract, language, content hash, id), which is what
`marsad ingest` pays per page before the store.
"""

from __future__ import annotations

import random
import sys
import time

from marsad.ingest.documents import document_from_html_bytes
from marsad.ingest.html import extract_article

SENTENCES = [
    "قال مصدر محلي إن قصفا مدفعيا استهدف أطراف البلدة صباح اليوم، ما أدى إلى مقتل ثلاثة مدنيين وإصابة آخرين.",
    "وأضاف المصدر أن فرق الدفاع المدني عملت على إخلاء الجرحى إلى المستشفى الميداني في المنطقة المجاورة.",
    "من جهتها، نفت وزارة الدفاع مسؤوليتها عن القصف، وقالت في بيان إن قواتها ردت على مصادر النيران فقط.",
    "وتشهد المنطقة منذ أسابيع تصعيدا عسكريا متقطعا بين الطرفين رغم الاتفاق على وقف إطلاق النار.",
    "وأفاد ناشطون بأن عشرات العائلات نزحت من القرى القريبة باتجاه المخيمات الحدودية خشية تجدد الاشتباكات.",
    "ودعت منظمات إنسانية إلى فتح ممرات آمنة لإيصال المساعدات الغذائية والطبية إلى السكان المحاصرين.",
]


def page(i: int) -> bytes:
    """A news page shaped like the outlets' (menus, inline script, sidebar, footer), about 30 KB."""
    rnd = random.Random(i)
    menu = "".join(f'<li class="menu-item"><a href="/section/{k}">قسم الأخبار {k}</a></li>' for k in range(60))
    paragraphs = "".join(f"<p>{rnd.choice(SENTENCES)} {rnd.choice(SENTENCES)}</p>" for _ in range(12))
    related = "".join(
        f'<li><a href="/news/{i}-{k}"><img src="/img/{k}.jpg" alt=""><span>تطورات ميدانية جديدة في المنطقة رقم {k}</span></a></li>'
        for k in range(30)
    )
    script = "<script>window.__cfg = {" + ",".join(f'"k{k}": "{"x" * 60}"' for k in range(120)) + "};</script>"
    day = 1 + i % 28
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>قصف على أطراف البلدة يقتل ثلاثة مدنيين - شبكة الأخبار</title>
<meta property="og:site_name" content="شبكة الأخبار"><meta property="article:published_time" content="2019-05-{day:02d}T08:00:00Z">
{script}<style>.a{{margin:0}} .b{{padding:0}}</style></head><body>
<header><nav><ul>{menu}</ul></nav></header>
<main><article><h1>قصف على أطراف البلدة يقتل ثلاثة مدنيين</h1>
<div class="share"><a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a></div>
<div class="entry-content">{paragraphs}<p>اقرأ أيضا: <a href="/x">تصعيد جديد في الشمال</a></p></div>
<div class="tags">الوسوم: <a href="/tag/1" rel="tag">قصف</a> <a href="/tag/2" rel="tag">نزوح</a></div></article>
<aside><h3>اقرأ المزيد</h3><ul>{related}</ul></aside></main>
<footer><ul>{menu}</ul><p>اشترك للحصول على أحدث التدوينات</p><p>جميع الحقوق محفوظة © 2019</p></footer>
{script}</body></html>""".encode()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    pages = [page(i) for i in range(n)]
    print(f"{n} pages, mean size {sum(map(len, pages)) / n / 1024:.1f} KB")
    texts = [p.decode("utf-8") for p in pages]
    extract_article(texts[0])  # load trafilatura's and our lazy data outside the timing
    # CPU time of this process is the one-core figure even when other work shares the machine;
    # wall time is printed too.
    wall, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        extract_article(text)
    html_wall, html_cpu = time.perf_counter() - wall, time.process_time() - cpu
    wall, cpu = time.perf_counter(), time.process_time()
    for k, data in enumerate(pages):
        document_from_html_bytes(data, source=f"page{k}.html", url=None)
    doc_wall, doc_cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"extract_article: {n / html_cpu:.0f} pages/s per CPU second ({n / html_wall:.0f} pages/s wall)")
    print(f"bytes -> IngestedDocument: {n / doc_cpu:.0f} pages/s per CPU second ({n / doc_wall:.0f} pages/s wall)")


if __name__ == "__main__":
    main()
