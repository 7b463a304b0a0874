"""One shopper's realtime session: browser ⇄ upstream relay, tools, capture, recovery.

The session outlives any one browser socket (reconnects within a grace window
resume it) and any one upstream socket (drops are retried with backoff, the
configuration and conversation restored, and an interrupted answer regenerated).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import secrets
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import orjson

from voicecart.realtime.upstream import Upstream, UpstreamClosed, UpstreamConnection
from voicecart.session import browser_protocol as bp
from voicecart.session.conversation import Conversation
from voicecart.session.sdp import decode_server_sdp, encode_client_sdp
from voicecart.session.translate import ice_servers_of, to_browser
from voicecart.storage.base import utcnow
from voicecart.tools.registry import ToolOutcome, ToolRegistry

log = logging.getLogger(__name__)

Event = dict[str, Any]

RECONNECT_DELAYS = (0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0)


class BrowserSink(Protocol):
    async def send_text(self, data: str) -> None: ...

    async def close(self, code: int = 1000, reason: str | None = None) -> None: ...


class CallSink(Protocol):
    """What the session reports for call capture (implemented by the call recorder)."""

    def user_turn(self, text: str, *, item_id: str | None = None) -> None: ...

    def assistant_turn(
        self, text: str, *, item_id: str | None = None, interrupted: bool = False
    ) -> None: ...

    def tool_call(
        self,
        *,
        fc_call_id: str,
        name: str,
        arguments: dict[str, Any],
        result: dict[str, Any] | None,
        ok: bool,
        error: str | None,
        started_at: datetime,
        duration_ms: int,
    ) -> None: ...

    def link(self, kind: Any, ref: str) -> None: ...

    async def start(self) -> None: ...

    async def close(self, *, reason: str = "ended") -> None: ...


# Avatar refusals whose message is written for the user (Azure's and the engine's): passed
# through, so the browser can say why (e.g. which characters exist). Others stay generic.
AVATAR_ERROR_CODES = frozenset(
    {
        "avatar_capacity_exceeded",
        "avatar_verification_failed",
        "avatar_not_configured",
        "avatar_unavailable",
        "invalid_sdp",
    }
)
MAX_ERROR_MESSAGE = 500


class SessionError(Exception):
    """A session operation failed in a way the caller can report (code + message)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _is_avatar_error(err: dict[str, Any]) -> bool:
    code = str(err.get("code") or "")
    return (
        code in AVATAR_ERROR_CODES
        or "avatar" in code
        or err.get("param") == "client_sdp"
        or "avatar" in str(err.get("message") or "").lower()
    )


def _avatar_refusal(err: dict[str, Any]) -> SessionError:
    """The upstream's avatar error as the caller may show it: known codes keep their code
    and message (one line, bounded), anything else becomes a generic ``avatar_failed``."""
    code = str(err.get("code") or "")
    message = " ".join(str(err.get("message") or "").split())[:MAX_ERROR_MESSAGE]
    if code in AVATAR_ERROR_CODES and message:
        return SessionError(code, message)
    return SessionError("avatar_failed", "the avatar service refused the connection")


@dataclass(frozen=True)
class SessionLimits:
    grace_seconds: float = 30.0
    idle_seconds: float = 600.0
    max_message_bytes: int = 256 * 1024
    # PCM16 bytes per second accepted from the browser: 1.5× real time at 24 kHz.
    audio_bytes_per_second: int = 72_000
    audio_burst_seconds: float = 2.0
    avatar_timeout: float = 20.0
    detached_buffer: int = 200


class _AudioBudget:
    """Token bucket over audio bytes, so a client cannot stream faster than real time."""

    def __init__(self, rate: int, burst_seconds: float) -> None:
        self.rate = rate
        self.capacity = rate * burst_seconds
        self.tokens = self.capacity
        self.stamp = time.monotonic()

    def take(self, n: int) -> bool:
        now = time.monotonic()
        self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if n > self.tokens:
            return False
        self.tokens -= n
        return True


class RealtimeSession:
    def __init__(
        self,
        *,
        upstream: Upstream,
        session_config: dict[str, Any],
        tools: ToolRegistry,
        tool_context: Callable[[str], Any],
        recorder: CallSink | None = None,
        limits: SessionLimits | None = None,
        on_closed: Callable[[RealtimeSession], None] | None = None,
        session_id: str | None = None,
        call_id: str | None = None,
    ) -> None:
        self.id = session_id or "sess_" + secrets.token_hex(12)
        self.call_id = call_id or "call_" + secrets.token_hex(12)
        self.token = secrets.token_urlsafe(32)
        self.created_at = utcnow()
        self.upstream = upstream
        self.session_config = session_config
        self.tools = tools
        self._tool_context = tool_context
        self.recorder = recorder
        self.limits = limits or SessionLimits()
        self._on_closed = on_closed

        self._conn: UpstreamConnection | None = None
        self._conn_ready = asyncio.Event()
        self._reader: asyncio.Task[None] | None = None
        self._watchdog: asyncio.Task[None] | None = None
        self._grace_timer: asyncio.Task[None] | None = None
        self._browser: BrowserSink | None = None
        self._detached: deque[Event] = deque(maxlen=self.limits.detached_buffer)
        self._closed = asyncio.Event()
        self._closing = False
        self._last_activity = time.monotonic()
        self._audio_budget = _AudioBudget(
            self.limits.audio_bytes_per_second, self.limits.audio_burst_seconds
        )
        self._rate_error_at = 0.0

        self.conversation = Conversation()
        self.ice_servers: list[dict[str, Any]] = []
        self._avatar_answer: asyncio.Future[str] | None = None
        # response bookkeeping
        self._response_id: str | None = None
        self._response_partial: dict[str, str] = {}
        self._response_calls: list[asyncio.Task[ToolOutcome]] = []
        self._tool_tasks: set[asyncio.Task[Any]] = set()
        self.reconnects = 0

    # ---- lifecycle -------------------------------------------------------

    def check_token(self, token: str | None) -> bool:
        return token is not None and hmac.compare_digest(token, self.token)

    async def start(self) -> None:
        """Connect upstream and configure it; raises ``UpstreamUnavailable`` on failure."""
        conn = await self.upstream.connect()
        await conn.send({"type": "session.update", "session": self.session_config})
        self._conn = conn
        self._conn_ready.set()
        self._reader = asyncio.create_task(self._read_upstream(), name=f"upstream:{self.id}")
        self._watchdog = asyncio.create_task(self._idle_watchdog(), name=f"idle:{self.id}")

    @property
    def closed(self) -> bool:
        return self._closed.is_set()

    async def wait_closed(self) -> None:
        await self._closed.wait()

    async def close(self, reason: str = "ended") -> None:
        if self._closing:
            await self._closed.wait()
            return
        self._closing = True
        current = asyncio.current_task()
        for task in (self._reader, self._watchdog, self._grace_timer, *self._tool_tasks):
            if task is not None and task is not current and not task.done():
                task.cancel()
        if self._avatar_answer is not None and not self._avatar_answer.done():
            self._avatar_answer.set_exception(SessionError("session_closed", "session ended"))
        if self._conn is not None:
            await self._conn.close()
        if self._browser is not None:
            with contextlib.suppress(Exception):
                await self._browser.send_text(
                    orjson.dumps({"type": "session_closed", "reason": reason}).decode()
                )
                await self._browser.close(1000, reason)
            self._browser = None
        if self.recorder is not None:
            try:
                await self.recorder.close(reason=reason)
            except Exception:
                log.exception("call capture failed to close", extra={"session": self.id})
        self._closed.set()
        if self._on_closed is not None:
            self._on_closed(self)
        log.info("session closed", extra={"session": self.id, "reason": reason})

    # ---- browser side ----------------------------------------------------

    async def attach(self, browser: BrowserSink) -> bool:
        """Attach a browser socket (replacing any other). Returns True if this resumed."""
        resumed = self._browser is not None or self._grace_timer is not None
        if self._grace_timer is not None:
            self._grace_timer.cancel()
            self._grace_timer = None
        previous, self._browser = self._browser, browser
        if previous is not None:
            with contextlib.suppress(Exception):
                await previous.close(4000, "replaced by a newer connection")
        await self._to_browser(
            bp.session_ready(
                self.id,
                resumed=resumed,
                call_id=self.call_id,
                ice_servers=self.ice_servers,
            )
        )
        while self._detached and self._browser is browser:
            await self._to_browser(self._detached.popleft())
        self._touch()
        return resumed

    def detach(self, browser: BrowserSink) -> None:
        """The browser socket went away: keep the session for the grace window."""
        if self._browser is not browser or self._closing:
            return
        self._browser = None
        self._grace_timer = asyncio.create_task(self._grace_expiry(), name=f"grace:{self.id}")

    async def _grace_expiry(self) -> None:
        await asyncio.sleep(self.limits.grace_seconds)
        self._grace_timer = None
        await self.close("browser_gone")

    async def handle_browser_text(self, raw: str) -> None:
        """One message from the browser: validated strictly, then relayed or answered."""
        self._touch()
        if len(raw) > self.limits.max_message_bytes:
            await self._to_browser(
                bp.error(
                    f"message larger than {self.limits.max_message_bytes} bytes",
                    code="message_too_large",
                )
            )
            return
        try:
            msg = bp.browser_message.validate_json(raw)
        except ValueError as exc:
            await self._to_browser(bp.validation_error(exc))
            return
        if isinstance(msg, bp.AudioChunk):
            try:
                audio, size = msg.pcm16_base64()
            except ValueError as exc:
                await self._to_browser(bp.error(str(exc), code="invalid_audio", field="data"))
                return
            if not self._audio_budget.take(size):
                now = time.monotonic()
                if now - self._rate_error_at > 1.0:
                    self._rate_error_at = now
                    await self._to_browser(
                        bp.error(
                            "audio arrives faster than real time; chunk dropped",
                            code="audio_rate_exceeded",
                        )
                    )
                return
            await self._send_upstream({"type": "input_audio_buffer.append", "audio": audio})
        elif isinstance(msg, bp.CommitAudio):
            await self.commit_audio()
        elif isinstance(msg, bp.ClearAudio):
            await self._send_upstream({"type": "input_audio_buffer.clear"})
        elif isinstance(msg, bp.UserText):
            await self.send_text(msg.text)
        elif isinstance(msg, bp.RequestResponse):
            await self._send_upstream({"type": "response.create"})
        elif isinstance(msg, bp.CancelResponse):
            await self._send_upstream({"type": "response.cancel"})
        elif isinstance(msg, bp.Ping):
            await self._to_browser({"type": "pong", "id": msg.id})

    async def send_text(self, text: str) -> None:
        """A typed user turn: add it to the conversation and ask for an answer."""
        self._touch()
        self.conversation.user(text)
        if self.recorder is not None:
            self.recorder.user_turn(text)
        await self._send_upstream(
            {
                "type": "conversation.item.create",
                "item": {
                    "type": "message",
                    "role": "user",
                    "content": [{"type": "input_text", "text": text}],
                },
            }
        )
        await self._send_upstream({"type": "response.create"})

    async def commit_audio(self) -> None:
        self._touch()
        await self._send_upstream({"type": "input_audio_buffer.commit"})

    async def avatar_offer(self, sdp: str) -> str:
        """Broker the browser's SDP offer; returns the SDP answer (20 s timeout)."""
        if self._avatar_answer is not None and not self._avatar_answer.done():
            raise SessionError("avatar_busy", "an avatar negotiation is already in progress")
        self._touch()
        loop = asyncio.get_running_loop()
        self._avatar_answer = loop.create_future()
        await self._send_upstream(
            {
                "type": "session.avatar.connect",
                "client_sdp": encode_client_sdp(sdp),
                "rtc_configuration": {"bundle_policy": "max-bundle"},
            }
        )
        try:
            async with asyncio.timeout(self.limits.avatar_timeout):
                return await self._avatar_answer
        except TimeoutError as exc:
            raise SessionError(
                "avatar_timeout",
                f"the avatar service did not answer within {self.limits.avatar_timeout:g} s; "
                "continue with audio only",
            ) from exc
        finally:
            self._avatar_answer = None

    # ---- upstream side ---------------------------------------------------

    async def _send_upstream(self, event: Event) -> None:
        if not self._conn_ready.is_set():
            async with asyncio.timeout(30):
                await self._conn_ready.wait()
        conn = self._conn
        if conn is None:
            raise SessionError("session_closed", "session ended")
        try:
            await conn.send(event)
        except UpstreamClosed:
            # The reader notices the drop and reconnects; this event is lost
            # except for conversation items, which the replay restores.
            log.info("send to a dropped upstream", extra={"session": self.id})

    async def _read_upstream(self) -> None:
        while not self._closing:
            conn = self._conn
            assert conn is not None
            try:
                event = await conn.recv()
            except UpstreamClosed:
                if self._closing:
                    return
                if not await self._reconnect():
                    await self.close("upstream_unavailable")
                    return
                continue
            self._touch()
            await self._on_upstream_event(event)

    async def _on_upstream_event(self, event: Event) -> None:
        kind = event.get("type")
        if kind == "session.updated":
            self.ice_servers = ice_servers_of(event.get("session") or {})
        elif kind == "response.created":
            self._response_id = (event.get("response") or {}).get("id")
            self._response_partial = {}
            self._response_calls = []
        elif kind == "response.audio_transcript.delta":
            item = str(event.get("item_id", ""))
            self._response_partial[item] = self._response_partial.get(item, "") + str(
                event.get("delta", "")
            )
        elif kind in ("response.audio_transcript.done", "response.text.done"):
            text = str(event.get("transcript") or event.get("text") or "")
            self._response_partial.pop(str(event.get("item_id", "")), None)
            if text:
                self.conversation.assistant(text)
                if self.recorder is not None:
                    self.recorder.assistant_turn(text, item_id=event.get("item_id"))
        elif kind == "conversation.item.input_audio_transcription.completed":
            text = str(event.get("transcript") or "").strip()
            if text:
                self.conversation.user(text)
                if self.recorder is not None:
                    self.recorder.user_turn(text, item_id=event.get("item_id"))
        elif kind == "response.function_call_arguments.done":
            self._start_tool(event)
        elif kind == "response.done":
            await self._on_response_done(event)
        elif kind == "session.avatar.connecting":
            answer = self._avatar_answer
            if answer is not None and not answer.done():
                answer.set_result(decode_server_sdp(str(event.get("server_sdp", ""))))
        elif kind == "error":
            err = event.get("error") or {}
            log.warning("upstream error", extra={"session": self.id, "code": err.get("code")})
            answer = self._avatar_answer
            if answer is not None and not answer.done() and _is_avatar_error(err):
                answer.set_exception(_avatar_refusal(err))
        for message in to_browser(event):
            await self._to_browser(message)

    async def _on_response_done(self, event: Event) -> None:
        response = event.get("response") or {}
        self._response_id = None
        for item_id, partial in self._response_partial.items():
            # Cut short (barge-in or cancel): keep what was actually said.
            if partial and self.recorder is not None:
                self.recorder.assistant_turn(partial, item_id=item_id or None, interrupted=True)
            if partial:
                self.conversation.assistant(partial)
        self._response_partial = {}
        calls, self._response_calls = self._response_calls, []
        if calls and response.get("status", "completed") == "completed":
            task = asyncio.create_task(self._continue_after_tools(calls))
            self._tool_tasks.add(task)
            task.add_done_callback(self._tool_tasks.discard)

    def _start_tool(self, event: Event) -> None:
        name = str(event.get("name", ""))
        call_id = str(event.get("call_id", ""))
        arguments = str(event.get("arguments", "{}"))
        self.conversation.function_call(name, call_id, arguments)
        task = asyncio.create_task(self._run_tool(name, call_id, arguments))
        self._tool_tasks.add(task)
        task.add_done_callback(self._tool_tasks.discard)
        self._response_calls.append(task)

    async def _run_tool(self, name: str, call_id: str, arguments: str) -> ToolOutcome:
        started_at = utcnow()
        outcome = await self.tools.run(name, arguments, self._tool_context(call_id))
        output = outcome.output_json()
        self.conversation.function_output(call_id, output)
        if self.recorder is not None:
            self.recorder.tool_call(
                fc_call_id=call_id,
                name=name,
                arguments=outcome.arguments,
                result=outcome.output,
                ok=outcome.ok,
                error=outcome.error,
                started_at=started_at,
                duration_ms=outcome.duration_ms,
            )
            for kind, ref in outcome.links:
                self.recorder.link(kind, ref)
        await self._send_upstream(
            {
                "type": "conversation.item.create",
                "item": {"type": "function_call_output", "call_id": call_id, "output": output},
            }
        )
        await self._to_browser(
            {"type": "function_call_completed", "name": name, "call_id": call_id}
        )
        await self._to_browser(
            {
                "type": "tool_result",
                "name": name,
                "call_id": call_id,
                "ok": outcome.ok,
                "card": outcome.card,
                "error": outcome.error,
            }
        )
        return outcome

    async def _continue_after_tools(self, calls: list[asyncio.Task[ToolOutcome]]) -> None:
        """All function outputs of a response are in: let the model speak about them."""
        await asyncio.gather(*calls, return_exceptions=True)
        if not self._closing:
            await self._send_upstream({"type": "response.create"})

    async def _reconnect(self) -> bool:
        """Reconnect with backoff, restore configuration and conversation, resume the answer."""
        interrupted = self._response_id
        self._conn_ready.clear()
        old, self._conn = self._conn, None
        if old is not None:
            await old.close()
        if interrupted is not None:
            for item_id, partial in self._response_partial.items():
                if partial and self.recorder is not None:
                    self.recorder.assistant_turn(partial, item_id=item_id or None, interrupted=True)
            self._response_partial = {}
            self._response_id = None
            await self._to_browser(
                {"type": "response_status", "status": "interrupted", "response_id": interrupted}
            )
        for attempt, delay in enumerate(RECONNECT_DELAYS, start=1):
            await self._to_browser(
                {"type": "upstream_reconnecting", "attempt": attempt, "delay_s": delay}
            )
            await asyncio.sleep(delay)
            if self._closing:
                return False
            try:
                conn = await self.upstream.connect()
                await conn.send({"type": "session.update", "session": self.session_config})
                for replay in self.conversation.replay_events():
                    await conn.send(replay)
                # A response cut mid-way (or tool results nobody answered) is not
                # dropped silently: ask for the answer again.
                pending_tools = bool(
                    self.conversation.items
                    and self.conversation.items[-1]["type"] == "function_call_output"
                )
                if interrupted is not None or pending_tools:
                    await conn.send({"type": "response.create"})
            except Exception:
                log.info(
                    "upstream reconnect failed", extra={"session": self.id, "attempt": attempt}
                )
                continue
            self._conn = conn
            self._conn_ready.set()
            self.reconnects += 1
            await self._to_browser(
                {
                    "type": "upstream_restored",
                    "attempt": attempt,
                    "replayed_items": len(self.conversation.items),
                    "response_regenerated": interrupted is not None,
                }
            )
            return True
        await self._to_browser(
            bp.error(
                "the voice service is unavailable; please try again later",
                code="upstream_unavailable",
            )
        )
        return False

    # ---- helpers -----------------------------------------------------------

    def _touch(self) -> None:
        self._last_activity = time.monotonic()

    async def _idle_watchdog(self) -> None:
        while not self._closing:
            remaining = self._last_activity + self.limits.idle_seconds - time.monotonic()
            if remaining <= 0:
                await self.close("idle")
                return
            await asyncio.sleep(remaining)

    async def _to_browser(self, message: Event) -> None:
        browser = self._browser
        if browser is None:
            if message.get("type") not in ("assistant_audio_delta", "viseme"):
                self._detached.append(message)
            return
        try:
            await browser.send_text(orjson.dumps(message).decode())
        except Exception:
            # The socket died under us; the WS handler will detach it.
            log.debug("browser send failed", extra={"session": self.id})
