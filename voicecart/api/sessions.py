"""Realtime session endpoints (the seed's, kept): create, text, commit, avatar offer, WS."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Request, WebSocket
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.websockets import WebSocketDisconnect, WebSocketState

from voicecart.api.deps import RuntimeDep
from voicecart.api.errors import error_responses
from voicecart.realtime.upstream import UpstreamUnavailable
from voicecart.session import browser_protocol as bp
from voicecart.session.manager import SessionManager
from voicecart.session.realtime_session import RealtimeSession, SessionError
from voicecart.session.registry import SessionsBusy

log = logging.getLogger(__name__)
router = APIRouter(tags=["sessions"])

TOKEN_PROTOCOL_PREFIX = "voicecart.token."
SessionIdPath = Annotated[str, Path(pattern=r"^sess_[0-9a-f]{24}$", description="Session id")]


class AvatarInfo(BaseModel):
    enabled: bool
    character: str | None
    style: str | None


class SessionCreated(BaseModel):
    session_id: str
    token: str = Field(description="Send as 'Authorization: Bearer …' or WS subprotocol")
    call_id: str
    ws_path: str
    ws_subprotocol: str
    sample_rate: int
    chunk_ms: int
    chunk_samples: int
    input_encodings: list[str]
    avatar: AvatarInfo


class TextTurn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=4000)


class SdpBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sdp: str = Field(min_length=10, max_length=100_000, pattern=r"^v=0")


class SdpAnswer(BaseModel):
    sdp: str


class Ack(BaseModel):
    ok: bool = True


def _manager(runtime: RuntimeDep) -> SessionManager:
    manager = runtime.sessions
    if manager is None:
        raise HTTPException(503, "realtime sessions are not enabled")
    return manager


ManagerDep = Annotated[SessionManager, Depends(_manager)]


def _bearer(authorization: str | None, x_session_token: str | None) -> str | None:
    if x_session_token:
        return x_session_token
    if authorization and authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    return None


def authorised_session(
    manager: ManagerDep,
    session_id: SessionIdPath,
    authorization: Annotated[str | None, Header()] = None,
    x_session_token: Annotated[str | None, Header()] = None,
) -> RealtimeSession:
    session = manager.get(session_id)
    if session is None or session.closed:
        raise HTTPException(404, f"session {session_id} was not found")
    token = _bearer(authorization, x_session_token)
    if token is None and manager.settings.allow_tokenless_sessions:
        return session
    if not session.check_token(token):
        raise HTTPException(
            401, "missing or wrong session token", headers={"WWW-Authenticate": "Bearer"}
        )
    return session


SessionDep = Annotated[RealtimeSession, Depends(authorised_session)]


@router.post(
    "/sessions",
    operation_id="create_session",
    responses={
        **error_responses(503),
        502: {"description": "The realtime service could not be reached"},
    },
)
async def create_session(request: Request, manager: ManagerDep) -> SessionCreated:
    """Start a realtime session: connects the voice service and returns the session token."""
    try:
        session = await manager.create()
    except SessionsBusy as exc:
        raise HTTPException(
            503, f"busy: {exc}; try again shortly", headers={"Retry-After": "5"}
        ) from exc
    except UpstreamUnavailable as exc:
        log.warning("upstream unavailable", extra={"upstream": manager.upstream.description})
        raise HTTPException(502, "the voice service is unavailable; try again later") from exc
    settings = manager.settings
    return SessionCreated(
        session_id=session.id,
        token=session.token,
        call_id=session.call_id,
        ws_path=f"/ws/sessions/{session.id}",
        ws_subprotocol=TOKEN_PROTOCOL_PREFIX + session.token,
        sample_rate=bp.SAMPLE_RATE,
        chunk_ms=40,
        chunk_samples=bp.SAMPLE_RATE * 40 // 1000,
        input_encodings=["pcm16", "float32"],
        avatar=AvatarInfo(
            enabled=settings.avatar_enabled,
            character=settings.avatar_character if settings.avatar_enabled else None,
            style=settings.avatar_style if settings.avatar_enabled else None,
        ),
    )


@router.post(
    "/sessions/{session_id}/text",
    operation_id="send_text",
    responses=error_responses(400, 401, 404, 422),
)
async def send_text(session: SessionDep, body: TextTurn) -> Ack:
    """A typed user turn; the assistant answers on the session's WebSocket."""
    await session.send_text(body.text)
    return Ack()


@router.post(
    "/sessions/{session_id}/commit-audio",
    operation_id="commit_audio",
    responses=error_responses(401, 404, 422),
)
async def commit_audio(session: SessionDep) -> Ack:
    """End the user's audio turn by hand (for clients without server VAD)."""
    await session.commit_audio()
    return Ack()


# How each avatar refusal (ours, the engine's or Azure's) answers the browser's offer.
AVATAR_STATUS = {
    "avatar_timeout": 504,
    "avatar_busy": 409,
    "avatar_failed": 502,
    "avatar_capacity_exceeded": 503,
    "avatar_unavailable": 503,
    "avatar_verification_failed": 422,
    "avatar_not_configured": 409,
    "invalid_sdp": 400,
}


@router.post(
    "/sessions/{session_id}/avatar-offer",
    operation_id="avatar_offer",
    responses={
        **error_responses(400, 401, 404, 409, 422),
        502: {"description": "The avatar service refused"},
        503: {"description": "The avatar service is at capacity or has no avatar"},
        504: {"description": "The avatar service did not answer within 20 s"},
    },
)
async def avatar_offer(session: SessionDep, body: SdpBody) -> SdpAnswer:
    """Broker the browser's WebRTC offer to the avatar service; returns its SDP answer."""
    try:
        answer = await session.avatar_offer(body.sdp)
    except SessionError as exc:
        status = AVATAR_STATUS.get(exc.code, 409)
        return JSONResponse({"detail": exc.message, "code": exc.code}, status_code=status)  # type: ignore[return-value]
    return SdpAnswer(sdp=answer)


@router.delete(
    "/sessions/{session_id}",
    operation_id="end_session",
    responses=error_responses(401, 404, 422),
)
async def end_session(session: SessionDep) -> Ack:
    """End the session now (the call is finalised for analysis)."""
    await session.close("ended_by_client")
    return Ack()


class _Sink:
    def __init__(self, ws: WebSocket) -> None:
        self.ws = ws

    async def send_text(self, data: str) -> None:
        if self.ws.application_state == WebSocketState.CONNECTED:
            await self.ws.send_text(data)

    async def close(self, code: int = 1000, reason: str | None = None) -> None:
        if self.ws.application_state == WebSocketState.CONNECTED:
            await self.ws.close(code, reason)


@router.websocket("/ws/sessions/{session_id}")
async def session_socket(websocket: WebSocket, session_id: str) -> None:
    """The browser's channel: audio and commands in, audio, transcripts and cards out."""
    runtime = websocket.app.state.runtime
    manager: SessionManager | None = runtime.sessions
    session = manager.get(session_id) if manager else None
    if manager is None or session is None or session.closed:
        await websocket.close(code=4404, reason="unknown session")
        return
    offered = [p.strip() for p in websocket.headers.get("sec-websocket-protocol", "").split(",")]
    token = next(
        (p[len(TOKEN_PROTOCOL_PREFIX) :] for p in offered if p.startswith(TOKEN_PROTOCOL_PREFIX)),
        None,
    ) or _bearer(websocket.headers.get("authorization"), websocket.headers.get("x-session-token"))
    if not session.check_token(token) and not (
        token is None and manager.settings.allow_tokenless_sessions
    ):
        await websocket.close(code=4401, reason="missing or wrong session token")
        return
    # A browser that offered subprotocols must get one of them back.
    subprotocol = (
        "voicecart"
        if "voicecart" in offered
        else next((p for p in offered if p.startswith(TOKEN_PROTOCOL_PREFIX)), None)
    )
    await websocket.accept(subprotocol=subprotocol)
    sink = _Sink(websocket)
    await session.attach(sink)
    try:
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                break
            text = message.get("text")
            if text is None:
                await sink.send_text(
                    '{"type":"error","code":"binary_not_supported",'
                    '"message":"send JSON text frames"}'
                )
                continue
            await session.handle_browser_text(text)
            if session.closed:
                break
    except WebSocketDisconnect:
        pass
    finally:
        session.detach(sink)
