"""Creates, finds and ends realtime sessions; picks the upstream from configuration."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from typing import Any

from voicecart.config import Settings
from voicecart.realtime.upstream import Upstream, UpstreamOptions, VoiceLiveUpstream
from voicecart.session.persona import build_session_config
from voicecart.session.realtime_session import CallSink, RealtimeSession, SessionLimits
from voicecart.session.registry import SessionRegistry
from voicecart.tools.registry import ToolRegistry

log = logging.getLogger(__name__)

RecorderFactory = Callable[[str, str], CallSink | None]  # (call_id, session_id) -> recorder


def upstream_from_settings(settings: Settings) -> Upstream:
    """Azure Voice Live when its endpoint is set; otherwise the local engine (same client)."""
    if settings.azure_voice_live_endpoint:
        key = settings.azure_openai_api_key
        return VoiceLiveUpstream(
            UpstreamOptions(
                endpoint=settings.azure_voice_live_endpoint,
                model=settings.voice_live_model,
                api_key=key.get_secret_value() if key else None,
            )
        )
    endpoint = settings.engine_url or f"http://127.0.0.1:{settings.port}"
    key = settings.engine_api_key
    return VoiceLiveUpstream(
        UpstreamOptions(
            endpoint=endpoint,
            model=settings.voice_live_model,
            # The local engine accepts loopback clients without a key; the SDK
            # still wants a credential, so send a placeholder.
            api_key=key.get_secret_value() if key else "local",
        )
    )


class SessionManager:
    def __init__(
        self,
        *,
        settings: Settings,
        upstream: Upstream,
        tools: ToolRegistry,
        tool_context: Callable[[str | None, str], Any],
        recorder_factory: RecorderFactory | None = None,
        limits: SessionLimits | None = None,
    ) -> None:
        self.settings = settings
        self.upstream = upstream
        self.tools = tools
        self._tool_context = tool_context
        self._recorder_factory = recorder_factory
        self.limits = limits or SessionLimits(
            grace_seconds=settings.session_grace_seconds,
            idle_seconds=settings.session_idle_seconds,
        )
        self.registry = SessionRegistry(settings.max_sessions)
        self._config = build_session_config(settings, tools.definitions()).wire()

    async def create(self) -> RealtimeSession:
        """Reserve a slot, connect upstream, register. Raises SessionsBusy / UpstreamUnavailable."""
        await self.registry.reserve()
        session_id = "sess_" + secrets.token_hex(12)
        call_id = "call_" + secrets.token_hex(12)
        try:
            recorder = (
                self._recorder_factory(call_id, session_id) if self._recorder_factory else None
            )
            session = RealtimeSession(
                upstream=self.upstream,
                session_config=self._config,
                tools=self.tools,
                tool_context=lambda fc_call_id: self._tool_context(call_id, fc_call_id),
                recorder=recorder,
                limits=self.limits,
                on_closed=lambda s: self.registry.remove(s.id),
                session_id=session_id,
                call_id=call_id,
            )
            if recorder is not None:
                await recorder.start()
            try:
                await session.start()
            except BaseException:
                if recorder is not None:
                    await recorder.close(reason="upstream_unavailable")
                raise
        except BaseException:
            self.registry.release()
            raise
        self.registry.add(session)
        log.info("session created", extra={"session": session.id})
        return session

    def get(self, session_id: str) -> RealtimeSession | None:
        return self.registry.get(session_id)

    async def shutdown(self) -> None:
        await self.registry.close_all("shutdown")
