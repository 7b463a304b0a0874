"""Upstream realtime connections: Azure Voice Live or the local engine, one code path.

Both are reached through the official ``azure-ai-voicelive`` SDK connection,
which owns the URL shape (``…/voice-live/realtime``), the api-version and the
auth headers. We read raw frames (``recv_bytes``) and decode them ourselves, so
unknown events and fields pass through untouched and no time is spent building
SDK models for events we only forward.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from typing import Any, Protocol

import orjson

log = logging.getLogger(__name__)

# The SDK logs every frame at DEBUG, transcripts and audio included: keep it quiet.
logging.getLogger("azure.ai.voicelive").setLevel(logging.WARNING)


class UpstreamClosed(Exception):
    """The upstream connection ended (cleanly or not)."""


class UpstreamUnavailable(Exception):
    """Could not connect to the upstream (refused, auth, timeout)."""


class UpstreamConnection(Protocol):
    async def send(self, event: dict[str, Any]) -> None: ...

    async def recv(self) -> dict[str, Any]: ...

    async def close(self) -> None: ...


class Upstream(Protocol):
    """Something that opens realtime connections."""

    description: str

    async def connect(self) -> UpstreamConnection: ...


@dataclass(frozen=True)
class UpstreamOptions:
    endpoint: str
    model: str
    api_key: str | None = None
    use_entra_id: bool = False
    open_timeout: float = 10.0
    max_message_bytes: int = 8 << 20
    # An azure-core (async) TokenCredential to use instead of an API key; when
    # neither is given, DefaultAzureCredential (Entra ID) is created.
    credential: Any = field(default=None, compare=False, repr=False)


class _SdkConnection:
    def __init__(self, stack: AsyncExitStack, conn: Any) -> None:
        self._stack = stack
        self._conn = conn
        self._closed = False

    async def send(self, event: dict[str, Any]) -> None:
        if self._closed:
            raise UpstreamClosed("connection closed")
        try:
            await self._conn.send(event)
        except Exception as exc:  # the SDK wraps transport errors in several types
            raise UpstreamClosed(str(exc)) from exc

    async def recv(self) -> dict[str, Any]:
        from azure.ai.voicelive.aio import ConnectionClosed

        try:
            raw = await self._conn.recv_bytes()
        except ConnectionClosed as exc:
            raise UpstreamClosed(f"closed with code {exc.code}") from exc
        except Exception as exc:
            raise UpstreamClosed(str(exc)) from exc
        if not raw:
            raise UpstreamClosed("empty frame")
        event = orjson.loads(raw)
        if not isinstance(event, dict):
            raise UpstreamClosed("upstream sent a non-object frame")
        return event

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            await self._stack.aclose()
        except Exception:  # closing a dead socket can fail; nothing to do
            log.debug("upstream close raised", exc_info=True)


class VoiceLiveUpstream:
    """Azure Voice Live, or any Voice Live–compatible engine, through the official SDK."""

    def __init__(self, options: UpstreamOptions) -> None:
        self.options = options
        self.description = f"voice-live at {options.endpoint}"
        self._credential: Any = None

    def _make_credential(self) -> Any:
        if self._credential is None:
            if self.options.credential is not None:
                self._credential = self.options.credential
            elif self.options.api_key is not None:
                from azure.core.credentials import AzureKeyCredential

                self._credential = AzureKeyCredential(self.options.api_key)
            else:
                # Entra ID: the credential caches its token and fetches a new one
                # before expiry, so every (re)connect presents a valid token.
                from azure.identity.aio import DefaultAzureCredential

                self._credential = DefaultAzureCredential()
        return self._credential

    async def connect(self) -> UpstreamConnection:
        from azure.ai.voicelive.aio import connect

        stack = AsyncExitStack()
        try:
            async with asyncio.timeout(self.options.open_timeout):
                conn = await stack.enter_async_context(
                    connect(
                        endpoint=self.options.endpoint,
                        credential=self._make_credential(),
                        model=self.options.model,
                        connection_options={"max_msg_size": self.options.max_message_bytes},
                    )
                )
        except Exception as exc:
            await stack.aclose()
            raise UpstreamUnavailable(f"{self.description}: {type(exc).__name__}") from exc
        return _SdkConnection(stack, conn)
