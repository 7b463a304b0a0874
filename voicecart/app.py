"""FastAPI application factory: routers, error mapping, lifespan, static client."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

from fastapi import Depends, FastAPI, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.routing import APIRoute

from voicecart import __version__
from voicecart.analysis.runner import InProcessWorker
from voicecart.api import errors, health, knowledge, orders, products, sessions, shipments
from voicecart.api.admin import warn_if_unprotected
from voicecart.api.analytics import router as analytics_router
from voicecart.api.calls import router as calls_router
from voicecart.api.query_guard import no_repeated_query_params
from voicecart.calls.recorder import CallRecorder, abandon_stale
from voicecart.commerce.catalog import CategoryDirectory, build_index
from voicecart.commerce.catalog_data import seed_catalog, shipped_categories
from voicecart.config import Settings, get_settings
from voicecart.engine.server import mount_engine
from voicecart.knowledge.factory import knowledge_from_settings
from voicecart.runtime import Runtime
from voicecart.session.manager import SessionManager, upstream_from_settings
from voicecart.storage import migrate
from voicecart.storage.db import Database
from voicecart.tools.backends import close_http_clients
from voicecart.tools.context import ToolContext
from voicecart.tools.knowledge_tools import register_knowledge_tools
from voicecart.tools.registry import ToolRegistry
from voicecart.tools.store_tools import register_store_tools

log = logging.getLogger("voicecart")

WEB_DIST = Path(__file__).with_name("web_dist")


def _operation_id(route: APIRoute) -> str:
    return route.name


async def start_runtime(settings: Settings) -> Runtime:
    """Open the database, bring it to the newest schema, seed the catalog, build the index."""
    db = Database(settings.database_url, echo=settings.database_echo)
    if settings.auto_migrate:
        await migrate.upgrade(settings.database_url)
    async with db.session() as session:
        if settings.seed_on_start:
            report = await seed_catalog(session)
            if report.products_added:
                log.info("catalog seeded", extra={"products_added": report.products_added})
        synonyms = {c.slug: c.synonyms for c in shipped_categories()}
        index = await build_index(session, synonyms)
        categories = await CategoryDirectory.load(session)
    runtime = Runtime(settings=settings, db=db, catalog_index=index, categories=categories)
    # Policies and manuals: opens the index; a stale built-in corpus re-indexes in the background.
    runtime.knowledge = knowledge_from_settings(settings)
    await runtime.knowledge.start()
    runtime.sessions = _session_manager(runtime)
    # Calls left "active" by a crash or restart are closed and queued for analysis.
    stale_after = timedelta(
        seconds=settings.session_idle_seconds + settings.session_grace_seconds + 60
    )
    abandoned = await abandon_stale(db, older_than=stale_after)
    if abandoned:
        log.info("stale calls closed", extra={"calls": abandoned})
    return runtime


def _session_manager(runtime: Runtime) -> SessionManager:
    settings, db = runtime.settings, runtime.db
    tools = ToolRegistry(default_timeout=settings.tool_timeout_seconds)
    register_store_tools(tools)
    register_knowledge_tools(tools)

    def tool_context(call_id: str | None, fc_call_id: str) -> ToolContext:
        return ToolContext(
            db=db,
            settings=settings,
            index=runtime.catalog_index,
            call_id=call_id,
            fc_call_id=fc_call_id,
            knowledge=runtime.knowledge,
        )

    def recorder(call_id: str, session_id: str) -> CallRecorder:
        return CallRecorder(db, call_id=call_id, session_id=session_id, channel="voice")

    return SessionManager(
        settings=settings,
        upstream=upstream_from_settings(settings),
        tools=tools,
        tool_context=tool_context,
        recorder_factory=recorder,
    )


def _warm_avatar(app: FastAPI, settings: Settings) -> None:
    """When this app's own engine is the upstream, start drawing the configured avatar
    look's sprites in a worker thread (returns at once), so the first offer's first frame
    does not wait for them."""
    engine = getattr(app.state, "engine", None)
    own_engine = settings.engine_url is None and settings.azure_voice_live_endpoint is None
    if engine is not None and engine.avatar is not None and own_engine and settings.avatar_enabled:
        engine.avatar.warm(settings)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runtime = await start_runtime(settings)
        app.state.runtime = runtime
        warn_if_unprotected(settings)
        # Call analysis jobs: in-process by default, or `voicecart worker` processes.
        analysis_worker = (
            await InProcessWorker.start(settings, runtime.db) if settings.analysis_worker else None
        )
        app.state.analysis_worker = analysis_worker
        _warm_avatar(app, settings)
        try:
            yield
        finally:
            if analysis_worker is not None:
                await analysis_worker.stop()
            if runtime.sessions is not None:
                await runtime.sessions.shutdown()
            await close_http_clients()
            if runtime.knowledge is not None:
                await runtime.knowledge.close()
            await runtime.db.dispose()

    app = FastAPI(
        title="voicecart",
        version=__version__,
        description="Contoso retail voice agent: catalog, orders, shipments, sessions.",
        lifespan=lifespan,
        generate_unique_id_function=_operation_id,
        dependencies=[Depends(no_repeated_query_params)],
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "Authorization", "Idempotency-Key"],
        )
    errors.install(app)
    app.include_router(health.router)
    app.include_router(products.router)
    app.include_router(orders.router)
    app.include_router(shipments.router)
    app.include_router(sessions.router)
    app.include_router(calls_router)
    app.include_router(analytics_router)
    app.include_router(knowledge.router)
    # The local realtime engine (/voice-live/realtime): the gateway's default upstream.
    mount_engine(app, settings)
    _mount_client(app)
    return app


_PLACEHOLDER = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>voicecart</title><meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body style="font-family:system-ui;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>voicecart — Contoso store</h1>
<p>The backend is running. The web client has not been built into this install.</p>
<ul><li><a href="/docs">API documentation</a></li>
<li><a href="/api/categories">Categories</a></li>
<li><a href="/api/products?q=running%20shoes%20under%20fifty">Search: running shoes under
fifty</a></li></ul></body></html>"""


_NOT_SPA = ("/api/", "/sessions", "/ws/", "/health", "/ready", "/docs", "/openapi", "/redoc")


def _mount_client(app: FastAPI) -> None:
    """Serve the built web client: static files, and index.html for client-side routes.

    The fallback is a 404 handler rather than a catch-all route, so API paths keep
    their real answers (404, 405) and only browser navigations get the app.
    """
    index = WEB_DIST / "index.html"

    @app.get("/", include_in_schema=False, response_model=None)
    async def root() -> FileResponse | HTMLResponse:
        return FileResponse(index) if index.exists() else HTMLResponse(_PLACEHOLDER)

    async def not_found(request: Request, exc: Exception) -> Response:
        path = request.url.path
        if request.method == "GET" and not path.startswith(_NOT_SPA):
            candidate = (WEB_DIST / path.lstrip("/")).resolve()
            if candidate.is_file() and WEB_DIST.resolve() in candidate.parents:
                return FileResponse(candidate)
            if "text/html" in request.headers.get("accept", ""):
                return FileResponse(index) if index.exists() else HTMLResponse(_PLACEHOLDER)
        detail = getattr(exc, "detail", "Not Found")
        return JSONResponse({"detail": detail, "code": "not_found"}, status_code=404)

    app.add_exception_handler(404, not_found)
