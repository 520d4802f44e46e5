"""Fetching pages and feeds over HTTP(S) with httpx, refusing private addresses.

`Fetcher(timeout=..., allow_private=...)` is a context manager; `fetch(url) -> Fetched` or
raises `FetchError` whose message is the failure reason ("HTTP 404", "timed out after 10 s",
"refused: … resolves to a private address …"). Redirects are followed by hand, at most
`MAX_REDIRECTS`, so that every hop's host is checked: a public page must not be able to
redirect us into the local network. Every address the host resolves to is checked, not just
the first. (A host that changes its DNS answer between our check and httpx's own lookup
could still slip through; closing that needs connecting to the checked address itself.)
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx

USER_AGENT = "marsad/0.1 (+https://github.com/marsad)"
MAX_REDIRECTS = 5
MAX_BYTES = 20 * 1024 * 1024  # a news page or feed is far smaller; stop a runaway download


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful response: final URL after redirects, body, content type and charset if sent."""

    url: str
    content: bytes
    content_type: str | None
    charset: str | None


class FetchError(Exception):
    """A URL that could not be fetched; `str(err)` is the reason."""


def is_url(source: str) -> bool:
    """True for http:// and https:// sources."""
    return source.lower().startswith(("http://", "https://"))


def _forbidden(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast
        or ip.is_unspecified or not ip.is_global
    )


def check_host(host: str, port: int) -> None:
    """Raise FetchError unless every address `host` resolves to is public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(f"cannot resolve host {host!r}: {err}") from None
    for info in infos:
        address = str(info[4][0])
        if _forbidden(address):
            raise FetchError(
                f"refused: {host} resolves to the non-public address {address} (pass allow_private / --allow-private to fetch it)"
            )


class Fetcher:
    """One HTTP client for a whole ingest run (connection reuse); see the module docstring."""

    def __init__(self, *, timeout: float = 10.0, allow_private: bool = False) -> None:
        self.timeout = timeout
        self.allow_private = allow_private
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout), follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str) -> Fetched:
        """GET `url`, following up to MAX_REDIRECTS redirects; raise FetchError with the reason."""
        try:
            return self._fetch(url)
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.timeout:g} s") from None
        except httpx.TooManyRedirects:
            raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})") from None
        except httpx.HTTPError as err:
            raise FetchError(f"connection failed: {type(err).__name__}: {err}") from None

    def _fetch(self, url: str) -> Fetched:
        deadline = time.monotonic() + 3 * self.timeout  # a server dripping bytes must end too
        for _ in range(MAX_REDIRECTS + 1):
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError(f"not an http(s) URL: {url}")
            if not self.allow_private:
                check_host(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
            with self._client.stream("GET", url) as response:
                if response.is_redirect and "location" in response.headers:
                    url = urljoin(url, response.headers["location"])
                    continue
                if response.status_code >= 400:
                    raise FetchError(f"HTTP {response.status_code}")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > MAX_BYTES:
                        raise FetchError(f"response larger than {MAX_BYTES // (1024 * 1024)} MB")
                    if time.monotonic() > deadline:
                        raise FetchError(f"timed out after {self.timeout:g} s")
                content_type = response.headers.get("content-type")
                charset = response.charset_encoding
                return Fetched(url=str(response.url), content=b"".join(chunks),
                               content_type=content_type.split(";")[0].strip().lower() if content_type else None,
                               charset=charset)
        raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})")
