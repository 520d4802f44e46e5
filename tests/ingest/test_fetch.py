"""Pages by URL: user agent, redirects, 404, timeouts, and refusing non-public addresses."""

from __future__ import annotations

import pytest

from marsad.ingest import IngestedDocument, IngestFailure, iter_documents
from marsad.ingest import fetch as fetch_module
from marsad.ingest.fetch import USER_AGENT, Fetcher, FetchError, check_host

from .conftest import ARTICLE_CLASHES, ARTICLE_SHELLING, LocalServer, Route, article_text, news_page


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
    "240.0.0.1", "224.0.0.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "::",
])
def test_fetch_non_public_address_refused(address: str) -> None:
    assert fetch_module._forbidden(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "2001:4860:4860::8888"])
def test_fetch_public_address_allowed(address: str) -> None:
    assert not fetch_module._forbidden(address)


def test_fetch_every_resolved_address_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    # a host with one public and one private address is refused
    def fake_getaddrinfo(host: str, port: int, type: int = 0) -> list:  # noqa: A002
        return [(2, 1, 6, "", ("93.184.216.34", port)), (2, 1, 6, "", ("10.0.0.5", port))]

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", fake_getaddrinfo)
    with pytest.raises(FetchError, match="10.0.0.5"):
        check_host("mixed.example", 80)


def test_fetch_loopback_refused_without_allow_private(local_server: LocalServer) -> None:
    local_server.routes["/page"] = Route(body=news_page(ARTICLE_SHELLING).encode())
    for url in (local_server.url("/page"), local_server.url("/page").replace("127.0.0.1", "localhost")):
        [failure] = list(iter_documents([url]))
        assert isinstance(failure, IngestFailure) and failure.source == url
        assert failure.reason.startswith("refused: ") and "allow-private" in failure.reason
    assert local_server.requests == []  # refused before connecting


def test_fetch_allow_private_page_with_user_agent(local_server: LocalServer) -> None:
    local_server.routes["/page"] = Route(body=news_page(ARTICLE_SHELLING).encode())
    [item] = list(iter_documents([local_server.url("/page")], allow_private=True))
    assert isinstance(item, IngestedDocument)
    assert item.document.text == article_text(ARTICLE_SHELLING)
    assert item.document.url == item.source == local_server.url("/page")
    assert local_server.requests == [("/page", USER_AGENT)]


def test_fetch_redirects_followed(local_server: LocalServer) -> None:
    local_server.routes["/old"] = Route(status=301, headers={"Location": "/older"})
    local_server.routes["/older"] = Route(status=302, headers={"Location": local_server.url("/page")})
    local_server.routes["/page"] = Route(body=news_page(ARTICLE_CLASHES).encode("cp1256"),
                                         content_type="text/html; charset=windows-1256")
    [item] = list(iter_documents([local_server.url("/old")], allow_private=True))
    assert isinstance(item, IngestedDocument)
    assert item.document.text == article_text(ARTICLE_CLASHES) and item.encoding == "windows-1256"
    assert [p for p, _ in local_server.requests] == ["/old", "/older", "/page"]


def test_fetch_redirect_loop_limited(local_server: LocalServer) -> None:
    local_server.routes["/loop"] = Route(status=302, headers={"Location": "/loop"})
    [failure] = list(iter_documents([local_server.url("/loop")], allow_private=True))
    assert failure == IngestFailure(local_server.url("/loop"), "too many redirects (more than 5)")
    assert len(local_server.requests) == 6


def test_fetch_redirect_into_private_network_refused(local_server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    # the local test server stands in for a public site; its redirect target is checked for real
    real_check = fetch_module.check_host
    monkeypatch.setattr(fetch_module, "check_host", lambda host, port: None if host == "127.0.0.1" else real_check(host, port))
    local_server.routes["/go"] = Route(status=302, headers={"Location": "http://10.20.30.40/admin"})
    [failure] = list(iter_documents([local_server.url("/go")]))
    assert isinstance(failure, IngestFailure)
    assert failure.reason.startswith("refused: 10.20.30.40 resolves to the non-public address 10.20.30.40")


def test_fetch_404_and_timeout_do_not_stop_iteration(local_server: LocalServer) -> None:
    local_server.routes["/slow"] = Route(body=news_page(ARTICLE_SHELLING).encode(), delay=1.5)
    local_server.routes["/page"] = Route(body=news_page(ARTICLE_CLASHES).encode())
    urls = [local_server.url(p) for p in ("/nothing", "/slow", "/page")]
    results = list(iter_documents(urls, allow_private=True, timeout=0.3))
    assert results[0] == IngestFailure(urls[0], "HTTP 404")
    assert results[1] == IngestFailure(urls[1], "timed out after 0.3 s")
    assert isinstance(results[2], IngestedDocument)


def test_fetch_connection_refused_reason(local_server: LocalServer) -> None:
    with Fetcher(timeout=2, allow_private=True) as fetcher, pytest.raises(FetchError, match="connection failed"):
        fetcher.fetch("http://127.0.0.1:9/")  # the discard port: nothing listens


def test_fetch_plain_text_url(local_server: LocalServer) -> None:
    local_server.routes["/t.txt"] = Route(body=article_text(ARTICLE_CLASHES).encode("cp1256"),
                                          content_type="text/plain; charset=windows-1256")
    [item] = list(iter_documents([local_server.url("/t.txt")], allow_private=True))
    assert isinstance(item, IngestedDocument)
    assert item.document.text == article_text(ARTICLE_CLASHES) and item.encoding == "windows-1256"
