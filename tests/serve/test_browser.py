"""The dashboard in a real browser: Playwright driving Debian's chromium against `marsad serve`
over a temporary store (uvicorn in a thread on a free 127.0.0.1 port).

Screenshots of each page go to test-artifacts/ (look at them when changing the dashboard).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, sync_playwright

from marsad.serve.app import create_app
from marsad.store import Store, open_store

from .serve_fixtures import HOSTILE_TITLE, Filled, fill

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
EXAMPLES = ROOT / "examples"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(app: object) -> tuple[str, uvicorn.Server, threading.Thread]:
    """uvicorn in a daemon thread on a free 127.0.0.1 port; returns once it accepts connections."""
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):  # wait for the socket, not for a fixed time
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    return f"http://127.0.0.1:{port}", srv, thread


def _serve(store: Store) -> Iterator[tuple[str, Store]]:
    """The app over `store`, served until the test module is done."""
    base, srv, thread = _start(create_app(store, read_token_required=False))
    yield base, store
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Filled]]:
    filled = fill(tmp_path_factory.mktemp("browser") / "serve.db")
    for base, _ in _serve(filled.store):
        yield base, filled


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    pg = context.new_page()
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))  # type: ignore[attr-defined]
    yield pg
    context.close()


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _markers_after_load(page: Page, loads: int) -> int:
    # selectors, not wait_for_function: the page's CSP (rightly) forbids the eval that would need
    page.wait_for_selector(f"body[data-loaded='{loads}']", state="attached")
    return int(page.evaluate("document.body.dataset.markers"))


def test_browser_map_shows_markers_and_a_filter_changes_them(server, page):
    base, _ = server
    page.goto(base + "/")
    assert _markers_after_load(page, 1) == 4
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.wait_for_selector(".leaflet-overlay-pane path.bm-country")
    page.wait_for_selector(".mk, .cluster")
    assert page.locator(".timeline-svg .bar").count() == 3
    page.wait_for_timeout(500)  # let the cluster animation settle before the screenshot
    _shot(page, "map-ar")

    page.select_option("#f-country", "IQ")
    page.click("#filters button[type=submit]")
    assert _markers_after_load(page, 2) == 2
    assert "country=IQ" in page.url
    # the URL is read back: a fresh load of it shows the same selection
    page.goto(page.url)
    assert _markers_after_load(page, 1) == 2
    assert page.input_value("#f-country") == "IQ"
    assert page.locator("#incident-list li").count() == 2
    # a day of the timeline is a filter too
    page.locator(".timeline-svg .bar[data-date='2019-08-11'] rect").first.click()
    assert _markers_after_load(page, 2) == 1
    assert "since=2019-08-11" in page.url and "until=2019-08-11" in page.url
    assert page.errors == []


def test_browser_english_toggle_switches_direction(server, page):
    base, _ = server
    page.goto(base + "/?contested=true")
    assert _markers_after_load(page, 1) == 1
    page.click("#lang-toggle")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("[data-i18n=filters]").first.text_content() == "Filters"
    _shot(page, "map-en")
    page.reload()
    page.wait_for_selector("body[data-loaded]", state="attached")
    assert page.locator("html").get_attribute("lang") == "en"


def test_browser_incident_page_shows_two_conflicting_claims(server, page):
    base, filled = server
    page.goto(f"{base}/incidents/{filled.incident_ids['strike_a']}")
    page.wait_for_selector("#claims .claim")
    cards = page.locator("#claims .claim")
    assert cards.count() == 2
    text = " ".join(cards.all_text_contents())
    assert "الدفاع المدني السوري" in text and "المرصد السوري لحقوق الإنسان" in text
    figures = sorted(cards.locator(".figure").all_text_contents())
    assert figures == ["15", "على الأقل 12"]
    assert page.locator("#contested-badge").is_visible()
    _shot(page, "incident")
    assert page.errors == []


def test_browser_article_page_highlights_the_evidence(server, page):
    base, filled = server
    page.goto(f"{base}/documents/{filled.doc_ids['baghdad']}")
    page.wait_for_selector("#article-text mark")
    assert page.locator("mark.ev-figure", has_text="ثلاثة أشخاص").count() == 1
    assert page.locator("mark.ev-place", has_text="الكرادة").count() == 1
    assert page.locator("mark.ev-source", has_text="الشرطة العراقية").count() == 1
    assert page.locator("#article-text").text_content() == filled.store.get_document(filled.doc_ids["baghdad"]).text
    _shot(page, "article")
    assert page.errors == []


@pytest.mark.parametrize("target", ["article", "incident", "map"])
def test_browser_hostile_article_runs_nothing(server, page, target):
    base, filled = server
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    csp_blocked: list[str] = []
    page.on("console", lambda m: csp_blocked.append(m.text) if "Content Security Policy" in m.text else None)
    url = {"article": f"/documents/{filled.doc_ids['hostile']}", "incident": f"/incidents/{filled.incident_ids['hostile']}",
           "map": "/?country=IQ"}[target]
    page.goto(base + url)
    page.wait_for_selector("body[data-loaded]", state="attached")
    if target == "map":
        page.locator(".mk").first.click(force=True)  # open the popup, with the hostile place name
    page.wait_for_timeout(300)  # give any injected handler (onerror/onload) a chance to fire
    assert page.evaluate("window.__pwned") is None
    assert page.title() in ("مرصد", "Marsad")
    assert dialogs == []
    # the payload is shown as text, not parsed into elements
    assert page.locator("main script, main img, main svg[onload], main a[href^='javascript']").count() == 0
    if target == "article":
        assert "<script>window.__pwned = 3; alert(1)</script>" in page.locator("#article-text").text_content()
        assert page.locator("h1.article-title").text_content() == HOSTILE_TITLE
        assert page.locator(".meta a").count() == 0  # a javascript: URL is not made a link
        _shot(page, "hostile-article")
    assert page.errors == []



@pytest.fixture(scope="module")
def corpus_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Store]]:
    """The project's sample corpus (examples/corpus.jsonl) ingested with `marsad ingest`, served."""
    from click.testing import CliRunner

    from marsad.cli import main

    db = tmp_path_factory.mktemp("corpus") / "examples.db"
    result = CliRunner().invoke(main, ["ingest", str(EXAMPLES / "corpus.jsonl"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    store = open_store(str(db))
    yield from _serve(store)


def test_browser_sample_corpus_on_the_map(corpus_server, page):
    base, store = corpus_server
    located = [i for i in store.iter_incidents() if i.lat is not None]
    syrian = [i for i in located if i.country == "SY"]
    assert located and 0 < len(syrian) < len(located)
    page.goto(base + "/")
    assert _markers_after_load(page, 1) == len(located)
    page.wait_for_timeout(500)
    _shot(page, "corpus-map")
    page.select_option("#f-country", "SY")
    page.click("#filters button[type=submit]")
    assert _markers_after_load(page, 2) == len(syrian)
    assert page.errors == []


def test_browser_read_token_bar_unlocks_a_closed_server(tmp_path, page):
    filled = fill(tmp_path / "closed.db")
    base, srv, thread = _start(create_app(filled.store, read_token_required=True))
    try:
        page.goto(base + "/")
        page.wait_for_selector("#token-bar")
        assert page.locator("body").get_attribute("data-markers") is None
        page.fill("#token-input", filled.token)
        page.click("#token-bar button")
        assert _markers_after_load(page, 1) == 4
    finally:
        srv.should_exit = True
        thread.join(10)
