"""RSS and Atom feeds → documents, with feedparser.

Each item becomes one document. With `fetch_pages` and a link, the item's page is fetched and
extracted (its title and date from the item win: feeds carry clean titles and exact dates);
otherwise the item's own content or summary is the text. A feed that is not well-formed XML
is one failure ("malformed feed: …") followed by whatever items feedparser still recovered
(real feeds are often slightly broken).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import feedparser
import lxml.html
from lxml.etree import ParserError

from marsad.ingest.boilerplate import strip_boilerplate
from marsad.ingest.documents import document_from_html_bytes, document_from_text
from marsad.ingest.fetch import Fetcher, FetchError
from marsad.ingest.records import IngestedDocument, IngestFailure

_FEED_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<(rss|feed|rdf:RDF)\b", re.S | re.I)
_BLOCK_END = re.compile(r"(<br\s*/?>|</(p|div|li|h[1-6]|blockquote|tr)>)", re.I)

Result = IngestedDocument | IngestFailure
# feedparser flags these but reads the feed correctly; not worth a failure
_HARMLESS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def looks_like_feed(data: bytes) -> bool:
    """True when `data` starts (after an XML declaration, comments or doctype) with an RSS or
    Atom root element."""
    return _FEED_START.match(data[:2048].lstrip(b"\xef\xbb\xbf")) is not None


def iter_feed(data: bytes, *, source: str, fetcher: Fetcher | None, fetch_pages: bool) -> Iterator[Result]:
    """Documents (or failures) for the items of the feed `data`; `source` names the feed ("feed.xml"
    or its URL). `fetcher` is needed only to fetch item pages."""
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    error = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if error is not None and not isinstance(error, _HARMLESS):
        # Reported, but the items feedparser's lenient parser recovered are still read: a bare
        # "&" makes a feed malformed XML, yet its items are usually fine.
        yield IngestFailure(source, f"malformed feed: {error}")
    elif not entries and not parsed.get("version"):
        yield IngestFailure(source, "malformed feed: not an RSS or Atom document")
    outlet = (parsed.get("feed") or {}).get("title") or None
    encoding = parsed.get("encoding") or None
    for number, entry in enumerate(entries, 1):
        yield _item(entry, number, source=source, outlet=outlet, encoding=encoding, fetcher=fetcher,
                    fetch_pages=fetch_pages)


def _item(entry: Any, number: int, *, source: str, outlet: str | None, encoding: str | None,
          fetcher: Fetcher | None, fetch_pages: bool) -> Result:
    link = entry.get("link") or None
    title = (entry.get("title") or "").strip() or None
    published = _entry_date(entry)
    if fetch_pages and link and fetcher is not None:
        try:
            page = fetcher.fetch(link)
        except FetchError as err:
            return IngestFailure(link, str(err))
        return document_from_html_bytes(page.content, source=link, url=link, declared=page.charset,
                                        title=title, published=published, outlet=outlet)
    item_source = f"{source}#{number}"
    html = _item_html(entry)
    if not html:
        return IngestFailure(item_source, "feed item has no content or summary")
    text = strip_boilerplate(html_fragment_text(html))
    result = document_from_text(text, source=item_source, encoding=encoding, url=link, title=title,
                                published=published, outlet=outlet)
    if isinstance(result, IngestFailure):
        return IngestFailure(item_source, "feed item has no text")
    return result


def _item_html(entry: Any) -> str:
    """The longest of the item's content blocks and its summary (some feeds put the article in
    content:encoded and a teaser in the description, others the reverse)."""
    candidates = [c.get("value") or "" for c in entry.get("content") or []]
    candidates.append(entry.get("summary") or "")
    return max(candidates, key=len).strip()


def html_fragment_text(fragment: str) -> str:
    """Text of an HTML fragment, one line per block element; plain text passes through."""
    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(_BLOCK_END.sub(r"\1\n", fragment), create_parent="div")
    except (ParserError, ValueError):
        return fragment
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    return root.text_content()


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    return None
