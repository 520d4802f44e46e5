"""RSS and Atom feeds, from files and URLs; item pages fetched or item content used."""

from __future__ import annotations

from html import escape
from pathlib import Path

from marsad.ingest import IngestedDocument, IngestFailure, iter_documents
from marsad.ingest.records import document_id

from .conftest import (
    ARTICLE_CLASHES,
    ARTICLE_FLOODS,
    ARTICLE_SHELLING,
    LocalServer,
    Route,
    article_text,
    news_page,
)


def rss(items: list[tuple[str, str, str | None, str]], title: str = "أخبار الرصد") -> str:
    """(title, link, pubDate, html content) per item."""
    body = "".join(
        f"<item><title>{t}</title>" + (f"<link>{link}</link>" if link else "")
        + (f"<pubDate>{date}</pubDate>" if date else "")
        + f"<description>{escape(content)}</description></item>"
        for t, link, date, content in items
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>' \
           f"<link>https://rasd.example/</link><description>x</description>{body}</channel></rss>"


def _paragraphs(paragraphs: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs) + "<p>اقرأ أيضا: خبر آخر</p>"


def test_feeds_rss_file_items_from_content(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(rss([
        ("قصف على سوق", "https://rasd.example/news/1?utm_source=rss", "Sun, 12 May 2019 08:00:00 +0000", _paragraphs(ARTICLE_SHELLING)),
        ("سيول في النيل الأزرق", "", "Mon, 02 Sep 2019 21:30:00 +0000", _paragraphs(ARTICLE_FLOODS)),
    ]), encoding="utf-8")
    results = list(iter_documents([str(path)], fetch_pages=False))
    assert all(isinstance(r, IngestedDocument) for r in results)
    first, second = results
    assert first.source == f"{path}#1" and second.source == f"{path}#2"
    assert first.document.text == article_text(ARTICLE_SHELLING)  # "اقرأ أيضا" line gone
    assert (first.document.title, first.document.published, first.document.outlet) == ("قصف على سوق", "2019-05-12", "أخبار الرصد")
    assert first.document.id == document_id(url="https://rasd.example/news/1")
    assert second.document.id.startswith("sha-") and second.document.published == "2019-09-02"


def test_feeds_atom_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    content = escape(_paragraphs(ARTICLE_CLASHES))
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>ليبيا اليوم</title>'
        '<id>urn:x</id><updated>2022-03-01T00:00:00Z</updated>'
        '<entry><title>اشتباكات على الطريق الدولي</title><link href="https://libya.example/a/9"/><id>urn:a9</id>'
        f'<published>2022-03-01T06:00:00Z</published><updated>2022-03-02T06:00:00Z</updated><content type="html">{content}</content></entry></feed>',
        encoding="utf-8")
    [item] = list(iter_documents([str(path)], fetch_pages=False))
    assert isinstance(item, IngestedDocument)
    assert item.document.text == article_text(ARTICLE_CLASHES)
    assert (item.document.published, item.document.outlet, item.document.url) == ("2022-03-01", "ليبيا اليوم", "https://libya.example/a/9")


def test_feeds_malformed_feed_is_a_failure_and_iteration_continues(tmp_path: Path) -> None:
    bad = tmp_path / "bad.rss"
    bad.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>مكسور</title><item><title>بلا إغلاق', encoding="utf-8")
    good = tmp_path / "z.txt"
    good.write_text(article_text(ARTICLE_FLOODS), encoding="utf-8")
    results = list(iter_documents([str(bad), str(good)], fetch_pages=False))
    assert isinstance(results[0], IngestFailure) and results[0].source == str(bad)
    assert results[0].reason.startswith("malformed feed: ")
    # the half item feedparser recovered has no text: a failure of its own, not a document
    assert results[1:-1] == [IngestFailure(f"{bad}#1", "feed item has no content or summary")]
    assert isinstance(results[-1], IngestedDocument) and results[-1].source == str(good)


def test_feeds_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "page.xml"
    path.write_text("<?xml version='1.0'?><catalog><book>نص</book></catalog>", encoding="utf-8")
    assert list(iter_documents([str(path)])) == [IngestFailure(str(path), "malformed feed: not an RSS or Atom document")]


def test_feeds_url_fetches_item_pages(local_server: LocalServer) -> None:
    local_server.routes["/a1"] = Route(body=news_page(ARTICLE_SHELLING, date="2019-05-11").encode())
    local_server.routes["/empty"] = Route(body=b"<html><body><nav>menu</nav></body></html>")
    local_server.routes["/feed"] = Route(content_type="application/rss+xml", body=rss([
        ("عنوان الخلاصة", local_server.url("/a1"), "Sun, 12 May 2019 08:00:00 +0000", "ملخص قصير"),
        ("صفحة مفقودة", local_server.url("/gone"), None, "ملخص"),
        ("صفحة بلا نص", local_server.url("/empty"), None, "ملخص"),
    ]).encode())
    results = list(iter_documents([local_server.url("/feed")], allow_private=True))
    doc, missing, empty = results
    assert isinstance(doc, IngestedDocument)
    assert doc.document.text == article_text(ARTICLE_SHELLING)
    # the item's title and date win over the page's; the page's site name over the feed's title
    assert (doc.document.title, doc.document.published, doc.document.outlet) == ("عنوان الخلاصة", "2019-05-12", "شبكة الرصد")
    assert doc.source == local_server.url("/a1") and doc.document.url == local_server.url("/a1")
    assert missing == IngestFailure(local_server.url("/gone"), "HTTP 404")
    assert empty == IngestFailure(local_server.url("/empty"), "no article text in HTML")


def test_feeds_url_without_fetching_pages(local_server: LocalServer) -> None:
    local_server.routes["/feed.xml"] = Route(content_type="text/xml", body=rss([
        ("سيول", local_server.url("/never"), None, _paragraphs(ARTICLE_FLOODS))]).encode())
    [item] = list(iter_documents([local_server.url("/feed.xml")], allow_private=True, fetch_pages=False))
    assert isinstance(item, IngestedDocument) and item.document.text == article_text(ARTICLE_FLOODS)
    assert [path for path, _ in local_server.requests] == ["/feed.xml"]
