"""Security of the server: response headers on every answer and bearer-token checks.

Article text is hostile input, so the browser is told to run nothing it did not get from us:
scripts and styles from 'self' only (no 'unsafe-inline'), no framing, no plugins.
Tokens are checked by the store, which keeps only their hashes.
"""

from __future__ import annotations

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class SecurityHeaders:
    """Adds the CSP and the other hardening headers to every response.

    A plain ASGI middleware: Starlette's BaseHTTPMiddleware costs a task and a stream per request.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [(b"content-security-policy", CSP.encode())] + [
            (k.lower().encode(), v.encode()) for k, v in HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + self.headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def bearer_token(request: Request) -> str | None:
    """The token of an `Authorization: Bearer …` header, or None."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def check_token(request: Request, store: object) -> None:
    """Raise 401 unless the request carries a token the store knows."""
    token = bearer_token(request)
    if token is None or not store.verify_token(token):  # type: ignore[attr-defined]
        raise HTTPException(status_code=401, detail="a valid token is needed: send 'Authorization: Bearer <token>' "
                            "(create one with `marsad token create NAME`)",
                            headers={"WWW-Authenticate": "Bearer"})
