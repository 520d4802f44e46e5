"""HTML pages → article text and metadata, boilerplate gone."""

from __future__ import annotations

import pytest

from marsad.ingest.html import extract_article

from .conftest import ARTICLE_CLASHES, ARTICLE_FLOODS, ARTICLE_SHELLING, news_page

FURNITURE = ["اقرأ أيضا", "شارك", "فيسبوك", "الوسوم", "أخبار ذات صلة", "خبر متعلق", "اشترك للحصول", "جميع الحقوق", "قسم سياسة"]


@pytest.mark.parametrize("paragraphs", [ARTICLE_SHELLING, ARTICLE_FLOODS, ARTICLE_CLASHES])
def test_html_article_text_kept_furniture_gone(paragraphs: list[str]) -> None:
    article = extract_article(news_page(paragraphs))
    assert article is not None
    assert article.text.split("\n") == paragraphs
    for word in FURNITURE:
        assert word not in article.text


def test_html_metadata_title_date_outlet() -> None:
    article = extract_article(news_page(ARTICLE_SHELLING, title="اشتباكات قرب سرت", site="وكالة الأنباء المحلية",
                                        date="2021-11-03"), url="https://news.example.org/a/1")
    assert article is not None
    assert (article.title, article.published, article.outlet) == ("اشتباكات قرب سرت", "2021-11-03", "وكالة الأنباء المحلية")
    assert article.url == "https://news.example.org/a/1"


def test_html_outlet_falls_back_to_host_when_page_names_none() -> None:
    page = "<html><head><title>عنوان</title></head><body><article>" + "".join(
        f"<p>{p}</p>" for p in ARTICLE_FLOODS) + "</article></body></html>"
    article = extract_article(page, url="https://www.sudan-news.example/item/7")
    assert article is not None
    assert article.outlet == "sudan-news.example"
    assert article.published is None


def test_html_json_ld_date_used() -> None:
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2016-08-21T10:00:00Z", "headline": "سيول"}</script>'
    page = news_page(ARTICLE_FLOODS, date=None).replace("</head>", ld + "</head>")
    article = extract_article(page)
    assert article is not None and article.published == "2016-08-21"


@pytest.mark.parametrize("page", [
    "<html><head><title>الصفحة الرئيسية</title></head><body><nav><a href='/'>الرئيسية</a> <a href='/a'>من نحن</a></nav></body></html>",
    "<html><body></body></html>",
    "<html><head><script>var a = 1;</script></head><body><div class='share'>شارك</div></body></html>",
    "",
])
def test_html_without_article_text_is_none(page: str) -> None:
    assert extract_article(page) is None


@pytest.mark.parametrize("line", [
    "اقرأ أيضاً: هدنة جديدة في الجنوب",
    "إقرأ المزيد",
    "شارك هذا الخبر",
    "اشترك في النشرة البريدية لتصلك آخر الأخبار",
    "تابعونا على تلغرام",
    "كلمات مفتاحية: اليمن، تعز",
])
def test_html_arabic_furniture_line_removed(line: str) -> None:
    page = news_page(ARTICLE_CLASHES).replace("<p>اقرأ أيضا:", f"<p>{line}</p><p>اقرأ أيضا:")
    article = extract_article(page)
    assert article is not None
    assert line not in article.text
    assert article.text.split("\n") == ARTICLE_CLASHES


def _table_page(paragraphs: list[str], byline: str) -> str:
    """A 2000s-style page: layout tables, <br>-separated lines, <font>, no meta tags."""
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<title>اشتباكات على الطريق الدولي :: موقع الأخبار</title></head>
<body><table width="100%"><tr><td class="menu"><a href="/">الرئيسية</a><br><a href="/arab">أخبار عربية</a><br>
<a href="/sport">رياضة</a><br><a href="/eco">اقتصاد</a></td>
<td><font size="4"><b>اشتباكات على الطريق الدولي</b></font><br><font size="2">{"<br>".join(paragraphs)}</font>
<br><br>{byline}</td></tr></table><table><tr><td>جميع الحقوق محفوظة لموقع الأخبار 2008</td></tr></table></body></html>"""


def test_html_table_layout_page_lines_without_menu() -> None:
    article = extract_article(_table_page(ARTICLE_CLASHES, "تاريخ النشر: 12/05/2008"))
    assert article is not None
    assert article.text.split("\n") == ["اشتباكات على الطريق الدولي", *ARTICLE_CLASHES]
    assert article.published == "2008-05-12"  # from the byline, which is then dropped from the text
    # no site name anywhere on the page, so the title keeps its tail (stripped only when known)
    assert article.title == "اشتباكات على الطريق الدولي :: موقع الأخبار"


@pytest.mark.parametrize(("byline", "date"), [
    ("نشر في ١٢ أيار ٢٠١٣", "2013-05-12"),
    ("تاريخ الإضافة : 2010-03-04", "2010-03-04"),
    ("نشر بتاريخ الاثنين 3 تشرين الأول، 2016", "2016-10-03"),
    ("تاريخ النشر: 5 جوان 2019 - 10:30", "2019-06-05"),
    ("تاريخ النشر: الخميس، 2 مارس 2017", "2017-03-02"),
    ("نشر في: 31/02/2010", None),  # no such day
    ("وقعت الاشتباكات في 12/05/2008", None),  # a date in the news is not the publication date
])
def test_html_publication_date_from_arabic_byline(byline: str, date: str | None) -> None:
    article = extract_article(_table_page(ARTICLE_FLOODS, byline))
    assert article is not None and article.published == date


def test_html_aspnet_form_wrapping_page_kept() -> None:
    page = news_page(ARTICLE_FLOODS).replace("<body>", '<body><form id="form1" method="post" action="./news.aspx">').replace(
        "</body>", "</form></body>")
    article = extract_article(page)
    assert article is not None and article.text.split("\n") == ARTICLE_FLOODS


def test_html_date_in_article_footer_time_element() -> None:
    page = news_page(ARTICLE_CLASHES, date=None).replace(
        "</article>", '<footer class="meta"><time datetime="2014-07-09T11:00:00+02:00" pubdate>9 يوليو 2014</time></footer></article>')
    article = extract_article(page)
    assert article is not None and article.published == "2014-07-09"
