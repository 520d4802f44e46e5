"""Decoded text or HTML bytes → `IngestedDocument` (or `IngestFailure`): the step every source shares.

Language, content hash and id are set here, once, the same way for every source.
"""

from __future__ import annotations

import re

from marsad.ingest.encoding import DecodeError, decode_bytes, html_declared_charset
from marsad.ingest.html import extract_article
from marsad.ingest.language import detect_language
from marsad.ingest.records import IngestedDocument, IngestFailure, content_hash, document_id, tidy_text
from marsad.model import Document

_LETTER = re.compile(r"[^\W\d_]")


def make_document(
    text: str, *, source: str, encoding: str | None, given_id: str | None = None, url: str | None = None,
    published: str | None = None, outlet: str | None = None, title: str | None = None,
    language: str | None = None, id_from_url: bool = True,
) -> IngestedDocument:
    """An IngestedDocument for clean `text`: hash, id (given, else from `url` unless
    `id_from_url` is False, else from the hash) and language (`language` when the source
    states it, else detected)."""
    digest = content_hash(text)
    lang = language or detect_language(text)
    doc = Document(
        id=document_id(given=given_id, url=url if id_from_url else None, text_hash=digest), text=text, published=published, url=url,
        outlet=outlet or None, title=title or None, language=lang,
    )
    return IngestedDocument(document=doc, source=source, encoding=encoding, content_hash=digest, language=lang)


def document_from_text(text: str, *, source: str, encoding: str | None, url: str | None = None,
                       title: str | None = None, published: str | None = None,
                       outlet: str | None = None) -> IngestedDocument | IngestFailure:
    """A plain-text document, or a failure when it holds no letters."""
    clean = tidy_text(text)
    if not _LETTER.search(clean):
        return IngestFailure(source, "no text in file")
    return make_document(clean, source=source, encoding=encoding, url=url, title=title, published=published,
                         outlet=outlet)


def document_from_text_bytes(data: bytes, *, source: str, url: str | None = None,
                             declared: str | None = None) -> IngestedDocument | IngestFailure:
    """A plain-text file's bytes → document (encoding detected), or a failure naming `source`."""
    try:
        text, encoding = decode_bytes(data, declared=declared)
    except DecodeError as err:
        return IngestFailure(source, str(err))
    return document_from_text(text, source=source, encoding=encoding, url=url)


def document_from_html(
    html: str, *, source: str, encoding: str | None, url: str | None = None, title: str | None = None,
    published: str | None = None, outlet: str | None = None,
) -> IngestedDocument | IngestFailure:
    """A page's HTML (decoded) → document. `title`, `published` and `outlet` come from a feed item
    when there is one: its title and date win over the page's, the page's site name over the feed's."""
    try:
        article = extract_article(html, url=url)
    except Exception as err:  # lxml/trafilatura on pathological markup; one page must not stop a run
        return IngestFailure(source, f"HTML extraction failed: {type(err).__name__}: {err}")
    if article is None:
        return IngestFailure(source, "no article text in HTML")
    # The id comes from the URL we fetched, never from the URL a page declares about itself
    # (og:url, canonical): some sites declare their home page on every article, and one id for
    # many articles would make the store skip all but the first.
    return make_document(
        article.text, source=source, encoding=encoding, url=url or article.url,
        published=published or article.published, outlet=article.outlet or outlet,
        title=title or article.title, id_from_url=url is not None,
    )


def document_from_html_bytes(
    data: bytes, *, source: str, url: str | None = None, declared: str | None = None,
    title: str | None = None, published: str | None = None, outlet: str | None = None,
) -> IngestedDocument | IngestFailure:
    """A page's bytes → document; `declared` is the HTTP header's charset (the page's own <meta>
    charset is read here). A binary or undecodable page is a failure naming `source`."""
    try:
        html, encoding = decode_bytes(data, declared=declared or html_declared_charset(data))
    except DecodeError as err:
        return IngestFailure(source, str(err))
    return document_from_html(html, source=source, encoding=encoding, url=url, title=title,
                              published=published, outlet=outlet)
