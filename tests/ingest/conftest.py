"""Fixtures for the ingest tests: articles the project wrote, a page builder, a local HTTP server."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

# Our own short reports (invented events, real places), one per paragraph list.
ARTICLE_SHELLING = [
    "قال مصدر طبي في مدينة إدلب إن خمسة مدنيين قتلوا وأصيب أحد عشر آخرون جراء قصف مدفعي استهدف سوقا شعبيا في ساعات الصباح الأولى.",
    "وأوضح المصدر أن بين القتلى طفلين وامرأة، وأن فرق الإسعاف نقلت المصابين إلى مستشفى المدينة الوطني الذي يعاني من نقص في الأدوية.",
    "وأفاد ناشطون محليون بأن القذائف أطلقت من مواقع تتمركز فيها القوات الحكومية جنوب المدينة، في حين لم يصدر أي تعليق رسمي على الحادثة.",
    "وتأتي هذه الحادثة بعد أيام من تجدد المعارك على خطوط التماس رغم الهدنة التي أعلن عنها الشهر الماضي بوساطة إقليمية.",
]
ARTICLE_FLOODS = [
    "أعلنت السلطات المحلية في ولاية النيل الأزرق أن السيول الناجمة عن الأمطار الغزيرة جرفت عشرات المنازل الطينية في ثلاث قرى خلال الليل.",
    "وقال مسؤول في الدفاع المدني إن فرق الإنقاذ تمكنت من إجلاء مئات الأسر إلى مدارس حكومية حولت إلى مراكز إيواء مؤقتة.",
    "وطالب سكان المنطقة بتوفير الخيام والمياه النظيفة، محذرين من انتشار الأمراض بعد اختلاط مياه السيول بمياه الشرب.",
]
ARTICLE_CLASHES = [
    "اندلعت اشتباكات عنيفة فجر اليوم بين قوات الأمن ومسلحين مجهولين على الطريق الدولي الرابط بين مدينتي مصراتة وسرت.",
    "وذكرت مصادر أمنية أن عنصرين من قوات الأمن قتلا وأصيب ثلاثة آخرون، فيما تمكن المهاجمون من الفرار باتجاه الصحراء.",
    "وأغلقت السلطات الطريق أمام حركة المرور لساعات، قبل أن تعيد فتحه بعد تمشيط المنطقة بالكامل.",
]
ARTICLE_SAME_TOPIC = [
    "شهدت مدينة إدلب قصفا جديدا طال أحياءها الشرقية بعد ظهر أمس، وقالت فرق الدفاع المدني إنها انتشلت جثث ثلاثة أشخاص من تحت الأنقاض.",
    "وأكد شهود عيان أن الطائرات حلقت فوق المدينة لساعات قبل أن تستهدف مبنى سكنيا قرب الساحة الرئيسية، ما أثار حالة من الذعر بين السكان.",
    "ويعيش في المدينة مئات الآلاف من النازحين الذين فروا من مناطق أخرى خلال سنوات الحرب، ويعتمد معظمهم على المساعدات الإنسانية.",
]
ENGLISH = (
    "The health ministry said on Monday that four people were killed and several injured when a car bomb exploded "
    "near a checkpoint at the entrance of the city. Security forces closed the area and began an investigation."
)
FRENCH = (
    "Le ministère de la santé a annoncé lundi que quatre personnes ont été tuées et plusieurs blessées lorsqu'une "
    "voiture piégée a explosé près d'un point de contrôle à l'entrée de la ville. Les forces de sécurité ont bouclé le quartier."
)
PERSIAN = (
    "وزارت بهداشت روز دوشنبه اعلام کرد که در انفجار یک خودروی بمب‌گذاری شده در نزدیکی یک ایست بازرسی در ورودی شهر "
    "چهار نفر کشته و چند نفر زخمی شدند. نیروهای امنیتی منطقه را بستند و تحقیقات را آغاز کردند."
)
URDU = (
    "وزارت صحت نے پیر کے روز بتایا کہ شہر کے داخلی راستے پر ایک چیک پوسٹ کے قریب کار بم دھماکے میں چار افراد ہلاک "
    "اور کئی زخمی ہو گئے ہیں۔ سیکیورٹی فورسز نے علاقے کو گھیرے میں لے لیا ہے اور تحقیقات شروع کر دی ہیں۔"
)


def article_text(paragraphs: list[str]) -> str:
    return "\n".join(paragraphs)


def news_page(paragraphs: list[str], *, title: str = "قصف على سوق شعبي في إدلب", site: str = "شبكة الرصد",
              date: str | None = "2019-05-12", charset: str = "utf-8", extra_body: str = "") -> str:
    """A news page with the furniture outlets wrap articles in: menu, share bar, read-also link,
    tags, related list, subscription footer."""
    menu = "".join(f'<li><a href="/section/{k}">قسم {k}</a></li>' for k in ("سياسة", "اقتصاد", "رياضة", "منوعات"))
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    related = "".join(f'<li><a href="/news/{k}">خبر متعلق رقم {k} عن تطورات المنطقة</a></li>' for k in range(6))
    date_meta = f'<meta property="article:published_time" content="{date}T09:30:00+03:00">' if date else ""
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="{charset}">
<title>{title} - {site}</title><meta property="og:site_name" content="{site}">{date_meta}
<script>var tracking = {{"id": 12345}};</script><style>body {{ font-family: serif; }}</style></head>
<body><header><nav><ul>{menu}</ul></nav></header>
<main><article><h1>{title}</h1>
<div class="share-bar"><span>شارك</span> <a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a></div>
<div class="article-body">{body}
<p>اقرأ أيضا: <a href="/news/99">هدنة هشة في الشمال</a></p></div>
<div class="tags">الوسوم: <a rel="tag" href="/tag/1">إدلب</a> <a rel="tag" href="/tag/2">قصف</a></div>
{extra_body}</article>
<aside><h3>أخبار ذات صلة</h3><ul>{related}</ul></aside></main>
<footer><div class="newsletter"><p>اشترك للحصول على أحدث التدوينات</p></div><p>جميع الحقوق محفوظة © 2019</p></footer>
</body></html>"""


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class LocalServer:
    """A http.server on 127.0.0.1 serving `routes`; it records the requests it saw."""

    base: str
    routes: dict[str, Route]
    requests: list[tuple[str, str]]  # (path, user agent)

    def url(self, path: str) -> str:
        return self.base + path


MAX_REQUESTS = 200  # a runaway loop in the code under test ends with 503s, not a hung test


@pytest.fixture
def local_server() -> Iterator[LocalServer]:
    routes: dict[str, Route] = {}
    seen: list[tuple[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        timeout = 5

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            seen.append((self.path, self.headers.get("User-Agent", "")))
            route = routes.get(self.path) if len(seen) <= MAX_REQUESTS else Route(status=503)
            if route is None:
                route = Route(status=404, body=b"<html><body>not found</body></html>")
            if route.delay:
                time.sleep(route.delay)
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            for key, value in route.headers.items():
                self.send_header(key, value)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
                self.wfile.write(route.body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield LocalServer(f"http://127.0.0.1:{server.server_address[1]}", routes, seen)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
