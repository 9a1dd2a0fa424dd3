"""The server's guards: the bearer token of write endpoints, the size of request bodies,
and the security headers of every answer."""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import HTTPException, Request

from rasd.serve.problems import PROBLEM, Problem
from rasd.serve.settings import ServeSettings

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https: http:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)


def require_token(request: Request) -> None:
    """Write endpoints: 403 while the server has no token, 401 without the right one."""
    settings: ServeSettings = request.app.state.settings
    if not settings.token:
        raise Problem(403, "Writing is disabled: start the server with RASD_TOKEN set.")
    given = request.headers.get("authorization", "")
    scheme, _, token = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        token.strip().encode("utf-8"), settings.token.encode("utf-8")
    ):
        raise Problem(
            401,
            "A valid 'Authorization: Bearer <token>' header is required.",
            {"WWW-Authenticate": 'Bearer realm="rasd"'},
        )


class Guard:
    """ASGI middleware: refuses bodies over `max_body` bytes (413, also when the body comes
    in chunks without a length) and adds security headers to every response."""

    def __init__(self, app: Any, max_body: int) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        # the header is bytes: bytes.isdigit is ASCII digits only, so int() cannot refuse it
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await _refuse(send, self.max_body)
            return
        seen = 0
        started = False

        async def limited_receive() -> dict[str, Any]:
            nonlocal seen
            msg: dict[str, Any] = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.max_body:
                    raise _TooLarge()
            return msg

        async def send_with_headers(msg: dict[str, Any]) -> None:
            nonlocal started
            if msg["type"] == "http.response.start":
                started = True
                msg["headers"] = [*msg.get("headers", []), *_SECURITY]
            await send(msg)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except _TooLarge:
            if not started:
                await _refuse(send, self.max_body)


class _TooLarge(HTTPException):
    """Raised while a body is read; FastAPI passes HTTP exceptions on to the handlers."""

    def __init__(self) -> None:
        super().__init__(413, "The request body is too large.")


_SECURITY = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


async def _refuse(send: Any, limit: int) -> None:
    import json

    body = json.dumps(
        {
            "type": "about:blank",
            "title": "Content Too Large",
            "status": 413,
            "detail": f"The request body is larger than {limit} bytes.",
        }
    ).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", PROBLEM.encode()),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *_SECURITY,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
