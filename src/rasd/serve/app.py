"""The application: the API routes, the web page at `/` with its assets under `/static/`,
problem-detail errors, the body limit and security headers, and the OpenAPI schema."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from rasd import __version__
from rasd.serve import problems
from rasd.serve.guard import CSP, Guard
from rasd.serve.models import ProblemDetails
from rasd.serve.routes import router
from rasd.serve.settings import ServeSettings
from rasd.serve.views import AcledKeys
from rasd.store import Store

DESCRIPTION = """Conflict events extracted from Arabic news by rasd, with the words behind
every field. Reads need nothing; `POST /articles` needs `Authorization: Bearer <RASD_TOKEN>`
and is disabled (403) when the server has no token. Errors are `application/problem+json`."""


def create_app(settings: ServeSettings, store: Store | None = None) -> FastAPI:
    """The ASGI application over the store `settings.db` (or the `store` given)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if store is None:
            app.state.store.close()

    app = FastAPI(
        title="rasd",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = store or Store(settings.db)
    app.state.acled_keys = AcledKeys()
    app.state.write_lock = threading.Lock()
    problems.install(app)
    app.add_middleware(Guard, max_body=settings.max_body)
    app.include_router(router)
    _page(app, settings)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _page(app: FastAPI, settings: ServeSettings) -> None:
    index = settings.static / "index.html"

    @app.get("/", include_in_schema=False)
    def page() -> Response:
        if not index.exists():
            return problems.problem(404, "The web page is not installed.")
        return FileResponse(
            index,
            media_type="text/html; charset=utf-8",
            headers={"Content-Security-Policy": CSP, "Cache-Control": "no-cache"},
        )

    if settings.static.is_dir():
        app.mount("/static", StaticFiles(directory=settings.static), name="static")


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema, with validation errors (422) as the problem details they are."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    comps = schema.setdefault("components", {}).setdefault("schemas", {})
    comps["ProblemDetails"] = ProblemDetails.model_json_schema()
    ref = {"$ref": "#/components/schemas/ProblemDetails"}
    for path in schema.get("paths", {}).values():
        for op in path.values():
            if "422" in op.get("responses", {}):
                op["responses"]["422"] = {
                    "description": "Unprocessable Content",
                    "content": {problems.PROBLEM: {"schema": ref}},
                }
    comps.pop("HTTPValidationError", None)
    comps.pop("ValidationError", None)
    app.openapi_schema = schema
    return schema
