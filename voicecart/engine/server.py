"""The local engine's WebSocket endpoint, ``/voice-live/realtime``, and its own server.

The endpoint speaks the Azure Voice Live realtime protocol (``engine/session.py``), so the
gateway and the official ``azure-ai-voicelive`` SDK reach it exactly as they reach Azure.
The query string (``api-version``, ``model``, …) is accepted and otherwise ignored.

Auth: when ``settings.engine_api_key`` is set, the ``api-key`` header or
``Authorization: Bearer`` must equal it; with no key configured only loopback clients
(127.0.0.0/8, ::1) are served. Refused clients are closed with 4401 before the handshake
completes, which the client sees as HTTP 403.

``mount_engine`` adds the endpoint to an app (the main server mounts it, so the gateway's
default upstream ``http://127.0.0.1:<port>`` is this same process); ``create_engine_app``
and ``run_engine`` serve the engine alone (``voicecart engine --port 8765``).
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Final

import orjson
from fastapi import APIRouter, FastAPI, WebSocket
from pydantic import BaseModel
from starlette.websockets import WebSocketDisconnect

from voicecart import __version__
from voicecart.config import Settings
from voicecart.engine.avatar.service import AvatarOptions, AvatarService
from voicecart.engine.events import Event
from voicecart.engine.parts import LazyParts, Parts, PartsProvider, StaticParts
from voicecart.engine.session import EngineSession

log = logging.getLogger(__name__)

REALTIME_PATH: Final = "/voice-live/realtime"
CLOSE_UNAUTHORIZED: Final = 4401
CLOSE_UNAVAILABLE: Final = 1011
# Above the protocol's 4 MiB so oversize messages get an ``error`` event, not a close.
WS_MAX_SIZE: Final = 16 * 1024 * 1024

router = APIRouter(tags=["engine"])


@dataclass(frozen=True)
class Engine:
    """What the endpoint needs, kept on ``app.state.engine``."""

    settings: Settings
    parts: PartsProvider
    avatar: AvatarService | None = None


def mount_engine(
    app: FastAPI, settings: Settings, parts: Parts | PartsProvider | None = None
) -> None:
    """Serve ``/voice-live/realtime`` from ``app`` (real parts, built on first use, unless
    ``parts`` are given)."""
    if parts is None:
        provider: PartsProvider = LazyParts(settings)
    elif isinstance(parts, Parts):
        provider = StaticParts(parts)
    else:
        provider = parts
    avatar = AvatarService(AvatarOptions.from_settings(settings))
    app.state.engine = Engine(settings=settings, parts=provider, avatar=avatar)
    app.include_router(router)


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    return bool(address.is_loopback or (mapped is not None and mapped.is_loopback))


def authorised(websocket: WebSocket, settings: Settings) -> bool:
    key = settings.engine_api_key
    if key is None:
        return is_loopback(websocket.client.host if websocket.client else None)
    authorization = websocket.headers.get("authorization") or ""
    offered = [websocket.headers.get("api-key")]
    if authorization[:7].lower() == "bearer ":
        offered.append(authorization[7:].strip())
    expected = key.get_secret_value().encode()
    return any(o is not None and hmac.compare_digest(o.encode(), expected) for o in offered)


@router.websocket(REALTIME_PATH)
async def realtime(websocket: WebSocket) -> None:
    """One realtime session (Voice Live protocol, JSON text frames)."""
    engine: Engine | None = getattr(websocket.app.state, "engine", None)
    if engine is None:
        await websocket.close(code=CLOSE_UNAVAILABLE, reason="engine not configured")
        return
    if not authorised(websocket, engine.settings):
        log.info("engine connection refused", extra={"client": _client(websocket)})
        await websocket.close(code=CLOSE_UNAUTHORIZED, reason="unauthorized")
        return
    try:
        parts = await engine.parts.get()
    except Exception:  # build_parts reports per part; this is the unexpected rest
        log.exception("engine parts could not be built")
        await websocket.close(code=CLOSE_UNAVAILABLE, reason="engine unavailable")
        return
    await websocket.accept()

    async def send(event: Event) -> None:
        await websocket.send_text(orjson.dumps(event).decode())

    session = EngineSession(
        parts,
        send,
        model=websocket.query_params.get("model"),
        avatar=engine.avatar,
        audio_lead_ms=engine.settings.engine_audio_lead_ms,
    )
    log.info("engine session opened", extra={"session": session.session["id"]})
    await session.start()
    try:
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                break
            data = message.get("text")
            await session.handle_text(data if data is not None else message.get("bytes") or b"")
    except WebSocketDisconnect:
        pass
    finally:
        await session.close()
        log.info("engine session closed", extra={"session": session.session["id"]})


def _client(websocket: WebSocket) -> str | None:
    return websocket.client.host if websocket.client else None


class EngineHealth(BaseModel):
    status: str
    parts: dict[str, str] | None = None


def create_engine_app(
    settings: Settings, parts: Parts | PartsProvider | None = None, *, warm: bool = False
) -> FastAPI:
    """An app serving only the engine and ``/health``; ``warm`` builds the parts at start."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if warm:
            await app.state.engine.parts.get()
            if app.state.engine.avatar is not None:
                app.state.engine.avatar.warm(settings)
        yield

    app = FastAPI(
        title="voicecart engine",
        version=__version__,
        description="Local Voice Live-compatible realtime engine.",
        lifespan=lifespan,
    )
    mount_engine(app, settings, parts)

    @app.get("/health", operation_id="engine_health")
    async def health() -> EngineHealth:
        """Liveness, and which parts are available once they have been built."""
        provider = app.state.engine.parts
        built = provider.built if isinstance(provider, LazyParts) else await provider.get()
        return EngineHealth(status="ok", parts=built.status() if built else None)

    return app


def run_engine(settings: Settings, host: str, port: int) -> None:
    """Serve the engine alone (blocking), with the real parts loaded at start."""
    import uvicorn

    uvicorn.run(
        create_engine_app(settings, warm=True),
        host=host,
        port=port,
        log_level=settings.log_level,
        ws_max_size=WS_MAX_SIZE,
    )
