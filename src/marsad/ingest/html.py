"""HTML page → article text and metadata, with trafilatura.

`extract_article(html, url=...) -> HtmlArticle | None` (None when the page has no article
text). Steps, and why:
1. scripts, styles, SVG and comments are cut with one regex, then lxml parses the page once;
2. metadata: trafilatura's own `with_metadata` pass spends about half its time on authors and
   licences we never use, so we call its meta-tag, JSON-LD, title and site-name functions and
   htmldate (non-extensive search) directly, on the whole page;
3. navigation-only elements are dropped and layout tables become divs (`_prune`);
4. text: trafilatura favouring precision, first without its fallback extractors (`fast=True`,
   3× faster on 30 KB news pages); only when that finds almost nothing are the fallbacks run,
   which old table-layout pages need;
5. the Arabic furniture trafilatura leaves is removed by `boilerplate.strip_boilerplate`, and a
   publication date printed in a byline ("تاريخ النشر: …") is read when the page had none.
"""

from __future__ import annotations

import logging
import re
from contextlib import suppress
from dataclasses import dataclass
from itertools import islice
from urllib.parse import urlsplit

import trafilatura
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_title
from trafilatura.utils import load_html

from marsad.ingest.boilerplate import strip_boilerplate
from marsad.ingest.pagedate import date_in_text
from marsad.ingest.records import iso_date, tidy_text

# trafilatura and htmldate log every page they find little in; that is our failure to report.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

_MIN_LETTERS = 20  # fewer letters than this is a stub (menu, error page), not an article
_SHORT_LETTERS = 200  # below this the fast extraction may have missed the article: try the slow one
_LETTER = re.compile(r"[^\W\d_]")
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
_TITLE_SEPARATORS = re.compile(r"\s+(?:::|[|\-–—«»:])\s+")
# Scripts, styles, inline SVG and comments carry no text and are often half of a page's bytes;
# removing them before parsing saves lxml and trafilatura the work. JSON-LD scripts stay: they
# hold the publication date and publisher name.
_HEAVY = re.compile(
    r"<script(?![^>]*ld\+json)[^>]*>.*?</script\s*>|<style[^>]*>.*?</style\s*>|<svg[^>]*>.*?</svg\s*>|<!--.*?-->",
    re.I | re.S,
)


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """What a page gives: clean text, and title, publication date, outlet and URL when found."""

    text: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None


def extract_article(html: str, *, url: str | None = None) -> HtmlArticle | None:
    """Main text and metadata of the page `html` (already decoded); `url` is where it was found.
    Returns None when there is no article text."""
    tree = load_html(_HEAVY.sub("", html))
    if tree is None:
        return None
    # metadata first: it reads (never changes) the whole page, JSON-LD and <time> in footers too
    title, published, outlet, page_url = _metadata(tree, url)
    _prune(tree)
    raw = _extract_text(tree, url, fast=True)
    if len(raw) < 4 * _SHORT_LETTERS and not _has_letters(raw, _SHORT_LETTERS):
        # Pages without the usual containers (old table layouts, bare <div>s) defeat the fast
        # path; trafilatura's fallback extractors find them. Only such pages pay for it.
        slow = _extract_text(tree, url, fast=False)
        if len(_LETTER.findall(slow)) > len(_LETTER.findall(raw)):
            raw = slow
    text = tidy_text(strip_boilerplate(raw))
    if not _has_letters(text, _MIN_LETTERS):
        return None
    return HtmlArticle(text=text, title=title, published=published or date_in_text(raw), outlet=outlet,
                       url=page_url)


def _extract_text(tree: HtmlElement, url: str | None, *, fast: bool) -> str:
    result = trafilatura.bare_extraction(
        tree, url=url, fast=fast, favor_precision=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, with_metadata=False, deduplicate=False,
    )
    return (getattr(result, "text", None) if result is not None else None) or ""


_TABLE_TAGS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")
# Never article text, and trafilatura would remove them anyway, but only after running its
# pruning XPaths over them: dropping them first made extraction 1.7× faster on news pages with
# big menus. (<form> stays: ASP.NET sites wrap the whole page in one.)
_DROPPED_TAGS = ("nav", "aside", "footer", "noscript", "iframe", "select", "template")


def _prune(tree: HtmlElement) -> None:
    """Drop navigation-only elements and turn table elements into divs.

    Arabic sites of the 2000s lay pages out in tables; trafilatura then renders the article as
    one "| menu | text |" row with the menu in it. As divs, link-dense cells are pruned like any
    navigation and <br> lines stay lines. A real data table in an article becomes one line per
    cell, which loses nothing we extract."""
    for element in list(tree.iter(*_DROPPED_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in tree.iter(*_TABLE_TAGS):
        element.tag = "div"


def _has_letters(text: str, n: int) -> bool:
    """True when `text` has at least `n` letters (stops counting there: pages are long)."""
    return sum(1 for _ in islice(_LETTER.finditer(text), n)) >= n


def _metadata(tree: HtmlElement, url: str | None) -> tuple[str | None, str | None, str | None, str | None]:
    meta = examine_meta(tree)
    with suppress(Exception):  # trafilatura's JSON-LD parser raises on odd but harmless markup
        meta = extract_meta_json(tree, meta)
    title = meta.title or extract_title(tree)
    outlet = meta.sitename or extract_sitename(tree)
    page_url = url or meta.url
    if outlet:
        outlet = outlet.lstrip("@").strip() or None
    if not outlet and page_url:
        outlet = (urlsplit(page_url).hostname or "").removeprefix("www.") or None
    if title and outlet:
        title = _strip_site_from_title(title, outlet)
    try:
        # htmldate cleans a deep copy of a tree it is given, never the tree itself
        published = iso_date(find_date(tree, url=page_url, **_DATE_PARAMS))
    except Exception:  # htmldate raises on some malformed date markup; a missing date is fine
        published = None
    return (title.strip() if title else None), published, outlet, page_url


def _strip_site_from_title(title: str, outlet: str) -> str:
    """"قصف على البلدة - شبكة الأخبار" → "قصف على البلدة" when the tail or head is the outlet."""
    separators = list(_TITLE_SEPARATORS.finditer(title))
    if not separators:
        return title
    last, first = separators[-1], separators[0]
    if title[last.end():].strip().lower() == outlet.lower():
        return title[: last.start()]
    if title[: first.start()].strip().lower() == outlet.lower():
        return title[first.end():]
    return title
