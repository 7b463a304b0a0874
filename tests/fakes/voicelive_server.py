"""A scripted, protocol-faithful stand-in for the Azure Voice Live realtime service.

``FakeVoiceLive`` is a real WebSocket server on 127.0.0.1 (port chosen by the OS) that
speaks the Voice Live realtime protocol the way the official SDK ``azure-ai-voicelive``
1.3.1 expects it (see ``/work/shared/protocol/voicelive-protocol.md``): JSON text frames,
``session.created`` first, every server event with a unique ``event_id``.

Its "model" is a list of :class:`Rule` objects matched against the last user text or
transcript. A rule either speaks a reply (audio deltas of a quiet sine tone plus transcript
deltas, visemes when the session asks for them) or calls a function; after the client sends
the ``function_call_output``, the next ``response.create`` speaks the rule's ``after_tool``.

Everything the client sends is recorded (``received``, ``sessions``, ``conversations``,
``avatar_offers``, ``handshakes``) and :meth:`FakeVoiceLive.wait_for` waits on it without
polling. With ``validate=True`` every server event is checked with the shared strict
validator (``validate.py`` from the protocol directory, imported, never copied).

Failure injection: :meth:`FakeVoiceLive.drop_after` aborts the TCP connection mid-response
(no close frame); :meth:`FakeVoiceLive.pause_after` holds a response after some audio so a
test can send ``response.cancel`` (or barge in) at a deterministic point.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import copy
import hmac
import importlib
import itertools
import json
import math
import os
import re
import sys
import time
import uuid
import warnings
from array import array
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from types import TracebackType
from typing import Any, Final
from urllib.parse import parse_qs, urlsplit

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

Event = dict[str, Any]
Validator = Callable[[Event], tuple[Any, list[str]]]

REALTIME_PATH: Final = "/voice-live/realtime"
DEFAULT_PROTOCOL_DIR: Final = "/work/shared/protocol"
PROTOCOL_DIR_ENV: Final = "VOICECART_PROTOCOL_DIR"
DEFAULT_ICE_SERVERS: Final[list[dict[str, Any]]] = [
    {"urls": ["turn:relay.example.net:3478"], "username": "u", "credential": "c"}
]
DEFAULT_VOICE: Final[dict[str, Any]] = {
    "type": "azure-standard",
    "name": "en-US-Ava:DragonHDLatestNeural",
}
MAX_MESSAGE_BYTES: Final = 4 * 1024 * 1024  # the SDK's aiohttp max_msg_size
TONE_HZ: Final = 440.0
TONE_AMPLITUDE: Final = 1000  # about -30 dBFS: quiet but clearly not silence
SESSION_LIFETIME_S: Final = 30 * 60

# Known, tolerated validate.py complaints (see the protocol doc, §3):
# 1. an OpenAI-style user audio item `{"type": "input_audio", "transcript": ...}` has no `audio`;
# 2. `avatar.model` is documented "Required for photo avatar", which the validator's plain
#    "Required" substring test reads as always required; soft only for non-photo avatars.
_SOFT_AUDIO_PART = re.compile(
    r"^conversation\.item\.(?:created|retrieved)\.item\.content\[\d+\]\.audio: "
    r"required field missing \(RequestAudioContentPart\)$"
)
_SOFT_AVATAR_MODEL = re.compile(
    r"^session\.(?:created|updated)\.session\.avatar\.model: "
    r"required field missing \(AvatarConfig\)$"
)

# Output audio formats: (sample rate, bytes per sample, byte value of silence for G.711).
_OUTPUT_FORMATS: Final[dict[str, tuple[int, int]]] = {
    "pcm16": (24000, 2),
    "pcm16_16000hz": (16000, 2),
    "pcm16_8000hz": (8000, 2),
    "g711_ulaw": (8000, 1),
    "g711_alaw": (8000, 1),
}
_G711_SILENCE: Final = {"g711_ulaw": 0xFF, "g711_alaw": 0xD5}


def is_soft_protocol_complaint(message: str, event: Event | None = None) -> bool:
    """True for a known, tolerated validator complaint about ``event`` (a server event):
    a user ``input_audio`` part without ``audio``, or a video avatar without ``model``."""
    if _SOFT_AUDIO_PART.match(message):
        return True
    if _SOFT_AVATAR_MODEL.match(message):
        session = (event or {}).get("session")
        avatar = session.get("avatar") if isinstance(session, dict) else None
        return isinstance(avatar, dict) and avatar.get("type") != "photo-avatar"
    return False


def _default_protocol_dir() -> str:
    """``shared/protocol`` beside the checkout (as CI lays it out), else the workplace path."""
    beside = Path(__file__).resolve().parents[3] / "shared" / "protocol"
    return str(beside) if (beside / "validate.py").is_file() else DEFAULT_PROTOCOL_DIR


class ProtocolValidatorMissing(RuntimeError):
    """The shared protocol validator (``validate.py``) cannot be imported."""


def _running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


def load_protocol_validator(directory: str | os.PathLike[str] | None = None) -> Validator:
    """Import ``validate.validate`` from the shared protocol directory.

    The directory is ``$VOICECART_PROTOCOL_DIR`` or ``/work/shared/protocol``; it is appended
    to ``sys.path`` and the module is imported from there (never copied).
    Raises :class:`ProtocolValidatorMissing` with a clear message when it is unavailable.
    """
    where = Path(directory or os.environ.get(PROTOCOL_DIR_ENV) or _default_protocol_dir())
    script = where / "validate.py"
    if not script.is_file():
        raise ProtocolValidatorMissing(
            f"protocol validator not found: {script} does not exist "
            f"(set {PROTOCOL_DIR_ENV} to the directory holding validate.py)"
        )
    if str(where) not in sys.path:
        sys.path.append(str(where))
    try:
        module = importlib.import_module("validate")
    except Exception as exc:  # ImportError, or the SDK missing underneath it
        raise ProtocolValidatorMissing(f"cannot import {script}: {exc!r}") from exc
    origin = Path(getattr(module, "__file__", "") or "")
    if not origin.is_file() or origin.resolve() != script.resolve():
        raise ProtocolValidatorMissing(
            f"a different module named 'validate' ({origin}) shadows {script}"
        )
    validate = getattr(module, "validate", None)
    if not callable(validate):
        raise ProtocolValidatorMissing(f"{script} has no validate() function")
    checker: Validator = validate
    return checker


@dataclass
class Rule:
    """How the fake "model" answers a user turn.

    ``pattern`` is a regex searched (case-insensitively) in the last user text/transcript.
    ``reply`` is spoken; ``call`` is a function call ``(name, arguments)``. With both, the
    reply is spoken first and the call follows in the same response. ``after_tool`` is spoken
    once the ``function_call_output`` arrives; ``{output}`` is replaced by the output string.
    """

    pattern: str
    reply: str | None = None
    call: tuple[str, dict[str, Any]] | None = None
    after_tool: str | None = None


@dataclass
class _Plan:
    text: str | None
    call: tuple[str, dict[str, Any]] | None
    rule: Rule | None


@dataclass
class _Response:
    id: str
    record: dict[str, Any]
    modalities: list[str]
    task: asyncio.Task[None] | None = None
    cancel_reason: str | None = None
    hold: bool = False
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    dropped: bool = False
    output: list[Event] = field(default_factory=list)
    audio_deltas: int = 0


@dataclass
class _Connection:
    index: int
    ws: ServerConnection
    session: Event
    items: list[Event]
    received: list[Event]
    conversation_id: str
    audio: bytearray = field(default_factory=bytearray)
    audio_total_bytes: int = 0
    turn_item_id: str | None = None
    turn_start_ms: int = 0
    response: _Response | None = None
    call_rules: dict[str, Rule] = field(default_factory=dict)
    echo_response_id: str = ""
    echo_item_id: str = ""


class _ClientError(Exception):
    """A client event the fake refuses: answered with an ``error`` event."""

    def __init__(self, code: str, message: str, param: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.param = param


Handler = Callable[[_Connection, Event], Awaitable[None]]


class FakeVoiceLive:
    """A scripted Voice Live realtime server on ``127.0.0.1`` (see the module docstring)."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        rules: Sequence[Rule] = (),
        default_reply: str = "Sorry, could you repeat that?",
        transcripts: Sequence[str] | None = None,
        audio_chunk_ms: int = 40,
        echo: bool = False,
        validate: bool = False,
        ice_servers: Sequence[dict[str, Any]] | None = None,
        stream_delay: float = 0.0,
    ) -> None:
        if audio_chunk_ms <= 0:
            raise ValueError("audio_chunk_ms must be positive")
        self.api_key = api_key
        self.rules = list(rules)
        self.default_reply = default_reply
        self.transcripts = list(transcripts or [])
        self.audio_chunk_ms = audio_chunk_ms
        self.echo = echo
        chosen = DEFAULT_ICE_SERVERS if ice_servers is None else ice_servers
        self.ice_servers = [dict(s) for s in chosen]
        self.stream_delay = stream_delay

        # Recordings, for assertions.
        self.received: list[Event] = []
        self.received_per_connection: list[list[Event]] = []
        self.sent: list[Event] = []
        self.sessions: list[Event] = []
        self.conversations: list[list[Event]] = []
        self.connections = 0
        self.handshakes: list[dict[str, Any]] = []
        self.avatar_offers: list[dict[str, Any]] = []
        self.responses: list[dict[str, Any]] = []
        self.invalid_messages: list[str | bytes] = []
        self.drops = 0
        self.protocol_errors: list[str] = []
        self.protocol_soft_errors: list[str] = []

        # Validation (see load_protocol_validator): fail under CI, warn and go on elsewhere.
        self.validating = False
        self.validator_problem: str | None = None
        self._validator: Validator | None = None
        if validate:
            try:
                self._validator = load_protocol_validator()
                self.validating = True
            except ProtocolValidatorMissing as exc:
                self.validator_problem = str(exc)
                if _running_in_ci():
                    raise ProtocolValidatorMissing(
                        f"{exc} -- CI=true: protocol validation must run"
                    ) from exc
                warnings.warn(f"FakeVoiceLive: protocol validation skipped: {exc}", stacklevel=2)

        self._server: Server | None = None
        self._port: int | None = None
        self._cond = asyncio.Condition()
        self._transcript_index = 0
        self._drop_at: int | None = None
        self._pause_at: int | None = None
        self._paused: _Response | None = None
        self._tag = uuid.uuid4().hex[:6]
        self._ids = itertools.count(1)
        self._handlers: dict[str, Handler] = {
            "session.update": self._on_session_update,
            "input_audio_buffer.append": self._on_audio_append,
            "input_audio_buffer.commit": self._on_audio_commit,
            "input_audio_buffer.clear": self._on_audio_clear,
            "conversation.item.create": self._on_item_create,
            "conversation.item.delete": self._on_item_delete,
            "conversation.item.retrieve": self._on_item_retrieve,
            "conversation.item.truncate": self._on_item_truncate,
            "response.create": self._on_response_create,
            "response.cancel": self._on_response_cancel,
            "output_audio_buffer.clear": self._on_output_audio_clear,
            "session.avatar.connect": self._on_avatar_connect,
        }

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> str:
        """Listen on 127.0.0.1 (OS-chosen port); returns the base URL ``http://127.0.0.1:PORT``."""
        if self._server is not None:
            return self.base_url
        self._server = await serve(
            self._serve_connection,
            "127.0.0.1",
            0,
            process_request=self._process_request,
            max_size=MAX_MESSAGE_BYTES,
            ping_interval=None,
        )
        self._port = int(self._server.sockets[0].getsockname()[1])
        return self.base_url

    async def stop(self) -> None:
        """Close every connection (1001 going away) and stop listening."""
        server, self._server = self._server, None
        if server is None:
            return
        if self._paused is not None:
            self.resume()
        server.close()
        await server.wait_closed()

    async def __aenter__(self) -> FakeVoiceLive:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("FakeVoiceLive is not started")
        return self._port

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``: the SDK maps it to ``ws://…/voice-live/realtime``."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}{REALTIME_PATH}"

    # ------------------------------------------------------------------ test controls

    def drop_after(self, n_audio_deltas: int) -> None:
        """Abort the TCP connection (no close frame) after ``n`` audio deltas of the next
        response that streams audio. If that response has fewer deltas, the drop happens
        after its last one, before ``response.audio.done``."""
        if n_audio_deltas < 0:
            raise ValueError("n_audio_deltas must be >= 0")
        self._drop_at = n_audio_deltas

    def pause_after(self, n_audio_deltas: int) -> None:
        """Hold the next audio response after ``n`` audio deltas until :meth:`resume`, a
        ``response.cancel`` or a barge-in (server VAD speech start) releases it."""
        if n_audio_deltas < 0:
            raise ValueError("n_audio_deltas must be >= 0")
        self._pause_at = n_audio_deltas

    def resume(self) -> None:
        """Release a response held by :meth:`pause_after`."""
        paused, self._paused = self._paused, None
        if paused is not None:
            paused.hold = False
            paused.wake.set()

    async def wait_for(
        self,
        predicate: Callable[[Event], bool],
        timeout: float = 5,  # noqa: ASYNC109 - the API the gateway tests use
    ) -> Event:
        """The first received client event (all connections, oldest first) matching
        ``predicate``; waits for new events on a condition, raises ``TimeoutError``.
        A predicate raising KeyError/IndexError/TypeError/AttributeError counts as no match."""
        checked = 0
        try:
            async with asyncio.timeout(timeout), self._cond:
                while True:
                    while checked < len(self.received):
                        event = self.received[checked]
                        checked += 1
                        if _matches(predicate, event):
                            return event
                    await self._cond.wait()
        except TimeoutError:
            kinds = [e.get("type") for e in self.received[-20:]]
            raise TimeoutError(
                f"no client event matched within {timeout}s; last received types: {kinds}"
            ) from None

    # ------------------------------------------------------------------ handshake

    def _process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        url = urlsplit(request.path)
        query = {k: v[-1] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        api_key = request.headers.get("api-key")
        authorization = request.headers.get("Authorization") or ""
        bearer = authorization[7:].strip() if authorization[:7].lower() == "bearer " else None
        record: dict[str, Any] = {
            "path": url.path,
            "query": query,
            "auth": "api-key" if api_key is not None else "bearer" if bearer else None,
            "user_agent": request.headers.get("User-Agent"),
            "status": HTTPStatus.SWITCHING_PROTOCOLS.value,
        }
        self.handshakes.append(record)
        if url.path != REALTIME_PATH:
            record["status"] = HTTPStatus.NOT_FOUND.value
            return connection.respond(HTTPStatus.NOT_FOUND, f"Not Found: {url.path}\n")
        if self.api_key is not None:
            offered = [c for c in (api_key, bearer) if c is not None]
            if not any(hmac.compare_digest(c.encode(), self.api_key.encode()) for c in offered):
                record["status"] = HTTPStatus.UNAUTHORIZED.value
                return connection.respond(
                    HTTPStatus.UNAUTHORIZED,
                    "Access denied due to invalid subscription key or wrong API endpoint.\n",
                )
        return None

    # ------------------------------------------------------------------ connection loop

    async def _serve_connection(self, ws: ServerConnection) -> None:
        index = self.connections
        self.connections += 1
        query: dict[str, str] = {}
        if ws.request is not None:
            query = {k: v[-1] for k, v in parse_qs(urlsplit(ws.request.path).query).items()}
        conn = _Connection(
            index=index,
            ws=ws,
            session=self._default_session(query.get("model")),
            items=[],
            received=[],
            conversation_id=self._id("conv"),
        )
        conn.echo_response_id = f"resp_echo_{self._tag}_{index}"
        conn.echo_item_id = f"item_echo_{self._tag}_{index}"
        self.sessions.append(conn.session)
        self.conversations.append(conn.items)
        self.received_per_connection.append(conn.received)
        try:
            await self._send(conn, {"type": "session.created", "session": _copy(conn.session)})
            async for message in ws:
                await self._on_message(conn, message)
        except ConnectionClosed:
            pass
        finally:
            response = conn.response
            if response is not None and response.task is not None:
                response.task.cancel()
                await asyncio.gather(response.task, return_exceptions=True)

    async def _on_message(self, conn: _Connection, message: str | bytes) -> None:
        if isinstance(message, bytes):
            self.invalid_messages.append(message)
            await self._error(
                conn, "invalid_json", "Binary frames are not supported; send JSON text frames."
            )
            return
        try:
            event = json.loads(message)
        except ValueError as exc:
            self.invalid_messages.append(message)
            await self._error(conn, "invalid_json", f"The message is not valid JSON: {exc}")
            return
        if not isinstance(event, dict):
            self.invalid_messages.append(message)
            await self._error(conn, "invalid_json", "A client event must be a JSON object.")
            return
        conn.received.append(event)
        async with self._cond:
            self.received.append(event)
            self._cond.notify_all()
        event_id = event.get("event_id") if isinstance(event.get("event_id"), str) else None
        kind = event.get("type")
        handler = self._handlers.get(kind) if isinstance(kind, str) else None
        if handler is None:
            await self._error(
                conn,
                "unknown_event",
                f"Unknown or unsupported client event type: {kind!r}.",
                event_id=event_id,
                param="type",
            )
            return
        try:
            await handler(conn, event)
        except _ClientError as exc:
            await self._error(conn, exc.code, exc.message, event_id=event_id, param=exc.param)

    # ------------------------------------------------------------------ sending

    def _id(self, prefix: str) -> str:
        return f"{prefix}_{self._tag}{next(self._ids):08d}"

    async def _send(self, conn: _Connection, event: Event) -> None:
        event.setdefault("event_id", self._id("event"))
        text = json.dumps(event, separators=(",", ":"))
        self.sent.append(event)
        if self._validator is not None:
            _, errors = self._validator(json.loads(text))
            for error in errors:
                if is_soft_protocol_complaint(error, event):
                    self.protocol_soft_errors.append(error)
                else:
                    self.protocol_errors.append(f"{error} [event_id={event['event_id']}]")
        await conn.ws.send(text)

    async def _error(
        self,
        conn: _Connection,
        code: str,
        message: str,
        *,
        event_id: str | None = None,
        param: str | None = None,
    ) -> None:
        error: Event = {
            "type": "invalid_request_error",
            "code": code,
            "message": message,
            "event_id": event_id,
        }
        if param is not None:
            error["param"] = param
        await self._send(conn, {"type": "error", "error": error})

    # ------------------------------------------------------------------ session

    def _default_session(self, model: str | None) -> Event:
        return {
            "id": self._id("sess"),
            "model": model or "gpt-4o-realtime-preview",
            "expires_at": int(time.time()) + SESSION_LIFETIME_S,
            "modalities": ["text", "audio"],
            "instructions": "",
            "voice": dict(DEFAULT_VOICE),
            "input_audio_format": "pcm16",
            "input_audio_sampling_rate": 24000,
            "output_audio_format": "pcm16",
            "turn_detection": {
                "type": "server_vad",
                "threshold": 0.5,
                "prefix_padding_ms": 300,
                "silence_duration_ms": 500,
            },
            "tools": [],
            "tool_choice": "auto",
            "temperature": 0.8,
            "max_response_output_tokens": "inf",
        }

    async def _on_session_update(self, conn: _Connection, event: Event) -> None:
        update = event.get("session")
        if not isinstance(update, dict):
            raise _ClientError(
                "missing_required_parameter", "session.update needs a session object.", "session"
            )
        for key, value in update.items():
            if key in ("id", "expires_at", "agent"):
                continue  # server-owned
            conn.session[key] = copy.deepcopy(value)
        avatar = conn.session.get("avatar")
        if isinstance(avatar, dict) and not avatar.get("ice_servers"):
            avatar["ice_servers"] = _copy(self.ice_servers)
        await self._send(conn, {"type": "session.updated", "session": _copy(conn.session)})

    # ------------------------------------------------------------------ input audio

    def _input_rate(self, conn: _Connection) -> tuple[int, int]:
        fmt = conn.session.get("input_audio_format") or "pcm16"
        if str(fmt).startswith("g711"):
            return 8000, 1
        rate = conn.session.get("input_audio_sampling_rate")
        return (rate if isinstance(rate, int) and rate > 0 else 24000), 2

    def _input_ms(self, conn: _Connection, n_bytes: int) -> int:
        rate, width = self._input_rate(conn)
        return n_bytes * 1000 // (rate * width)

    def _vad(self, conn: _Connection) -> Event | None:
        turn_detection = conn.session.get("turn_detection")
        return turn_detection if isinstance(turn_detection, dict) else None

    async def _on_audio_append(self, conn: _Connection, event: Event) -> None:
        audio = event.get("audio")
        if not isinstance(audio, str):
            raise _ClientError(
                "missing_required_parameter", "input_audio_buffer.append needs audio.", "audio"
            )
        try:
            pcm = base64.b64decode(audio, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise _ClientError(
                "invalid_value", f"audio is not valid base64: {exc}", "audio"
            ) from exc
        if self.echo:
            await self._send(
                conn,
                {
                    "type": "response.audio.delta",
                    "response_id": conn.echo_response_id,
                    "item_id": conn.echo_item_id,
                    "output_index": 0,
                    "content_index": 0,
                    "delta": audio,
                },
            )
            return
        position_ms = self._input_ms(conn, conn.audio_total_bytes)
        conn.audio.extend(pcm)
        conn.audio_total_bytes += len(pcm)
        vad = self._vad(conn)
        if vad is not None and pcm and conn.turn_item_id is None:
            conn.turn_item_id = self._id("item")
            conn.turn_start_ms = position_ms
            await self._send(
                conn,
                {
                    "type": "input_audio_buffer.speech_started",
                    "audio_start_ms": position_ms,
                    "item_id": conn.turn_item_id,
                },
            )
            active = conn.response
            if active is not None and vad.get("interrupt_response", True) is not False:
                self._cancel(active, "turn_detected")

    async def _on_audio_commit(self, conn: _Connection, event: Event) -> None:
        if not conn.audio:
            raise _ClientError(
                "input_audio_buffer_commit_empty",
                "Error committing input audio buffer: the buffer is empty.",
            )
        item_id = conn.turn_item_id or self._id("item")
        end_ms = self._input_ms(conn, conn.audio_total_bytes)
        if conn.turn_item_id is not None:
            await self._send(
                conn,
                {
                    "type": "input_audio_buffer.speech_stopped",
                    "audio_end_ms": end_ms,
                    "item_id": item_id,
                },
            )
        conn.turn_item_id = None
        conn.audio.clear()
        previous = conn.items[-1]["id"] if conn.items else None
        await self._send(
            conn,
            {
                "type": "input_audio_buffer.committed",
                "item_id": item_id,
                "previous_item_id": previous,
            },
        )
        item: Event = {
            "id": item_id,
            "object": "realtime.item",
            "type": "message",
            "role": "user",
            "status": "completed",
            "content": [{"type": "input_audio", "transcript": None}],
        }
        conn.items.append(item)
        await self._send(
            conn,
            {
                "type": "conversation.item.created",
                "previous_item_id": previous,
                "item": _copy(item),
            },
        )
        transcript = self._next_transcript()
        item["content"][0]["transcript"] = transcript
        await self._send(
            conn,
            {
                "type": "conversation.item.input_audio_transcription.completed",
                "item_id": item_id,
                "content_index": 0,
                "transcript": transcript,
            },
        )
        vad = self._vad(conn)
        if vad is not None and vad.get("create_response", True) is not False:
            await self._start_response(conn, {}, event_id=None)

    def _next_transcript(self) -> str:
        if self._transcript_index >= len(self.transcripts):
            return ""
        text = self.transcripts[self._transcript_index]
        self._transcript_index += 1
        return text

    async def _on_audio_clear(self, conn: _Connection, event: Event) -> None:
        conn.audio.clear()
        conn.turn_item_id = None
        await self._send(conn, {"type": "input_audio_buffer.cleared"})

    async def _on_output_audio_clear(self, conn: _Connection, event: Event) -> None:
        await self._send(conn, {"type": "output_audio_buffer.cleared"})

    # ------------------------------------------------------------------ conversation

    def _find(self, conn: _Connection, event: Event) -> int:
        item_id = event.get("item_id")
        if not isinstance(item_id, str):
            raise _ClientError("missing_required_parameter", "item_id is required.", "item_id")
        for i, item in enumerate(conn.items):
            if item.get("id") == item_id:
                return i
        raise _ClientError("item_not_found", f"Item with id {item_id!r} not found.", "item_id")

    async def _on_item_create(self, conn: _Connection, event: Event) -> None:
        item = _normalise_item(event.get("item"))
        item.setdefault("id", self._id("item"))
        if any(existing.get("id") == item["id"] for existing in conn.items):
            raise _ClientError("duplicate_item_id", f"Item id {item['id']!r} already exists.")
        previous = event.get("previous_item_id")
        if previous is None:
            position = len(conn.items)
        elif previous == "root":
            position = 0
        else:
            position = self._find(conn, {"item_id": previous}) + 1
        before = conn.items[position - 1]["id"] if position > 0 else None
        conn.items.insert(position, item)
        await self._send(
            conn,
            {"type": "conversation.item.created", "previous_item_id": before, "item": _view(item)},
        )

    async def _on_item_delete(self, conn: _Connection, event: Event) -> None:
        item = conn.items.pop(self._find(conn, event))
        await self._send(conn, {"type": "conversation.item.deleted", "item_id": item["id"]})

    async def _on_item_retrieve(self, conn: _Connection, event: Event) -> None:
        item = conn.items[self._find(conn, event)]
        await self._send(conn, {"type": "conversation.item.retrieved", "item": _view(item)})

    async def _on_item_truncate(self, conn: _Connection, event: Event) -> None:
        item = conn.items[self._find(conn, event)]
        content_index, audio_end_ms = event.get("content_index"), event.get("audio_end_ms")
        if not isinstance(content_index, int) or not isinstance(audio_end_ms, int):
            raise _ClientError(
                "missing_required_parameter", "content_index and audio_end_ms are required."
            )
        if item.get("role") != "assistant":
            raise _ClientError("invalid_value", "Only assistant messages can be truncated.")
        await self._send(
            conn,
            {
                "type": "conversation.item.truncated",
                "item_id": item["id"],
                "content_index": content_index,
                "audio_end_ms": audio_end_ms,
            },
        )

    def _last_user_text(self, conn: _Connection) -> str:
        for item in reversed(conn.items):
            if item.get("type") == "message" and item.get("role") == "user":
                parts = []
                for part in item.get("content") or []:
                    text = part.get("text") if part.get("type") != "input_audio" else None
                    text = text if text is not None else part.get("transcript")
                    if isinstance(text, str):
                        parts.append(text)
                return " ".join(parts)
        return ""

    # ------------------------------------------------------------------ responses

    def _plan(self, conn: _Connection) -> _Plan:
        latest = conn.items[-1] if conn.items else None
        user_text = self._last_user_text(conn)
        if latest is not None and latest.get("type") == "function_call_output":
            output = str(latest.get("output", ""))
            rule = conn.call_rules.get(str(latest.get("call_id")))
            if rule is None:
                rule = next(
                    (r for r in self.rules if r.after_tool and _search(r.pattern, user_text)),
                    None,
                )
            if rule is not None and rule.after_tool is not None:
                return _Plan(rule.after_tool.replace("{output}", output), None, rule)
            return _Plan(self.default_reply, None, rule)
        for rule in self.rules:
            if _search(rule.pattern, user_text):
                if rule.reply is None and rule.call is None:
                    return _Plan(self.default_reply, None, rule)
                return _Plan(rule.reply, rule.call, rule)
        return _Plan(self.default_reply, None, None)

    async def _on_response_create(self, conn: _Connection, event: Event) -> None:
        params = event.get("response")
        if params is not None and not isinstance(params, dict):
            raise _ClientError("invalid_value", "response must be an object.", "response")
        params = dict(params or {})
        if "additional_instructions" in event:
            params["additional_instructions"] = event["additional_instructions"]
        if params.get("cancel_previous") and conn.response is not None:
            self._cancel(conn.response, "client_cancelled")
        await self._start_response(conn, params, event_id=event.get("event_id"))

    async def _start_response(
        self, conn: _Connection, params: Event, *, event_id: str | None
    ) -> None:
        active = conn.response
        if active is not None and active.cancel_reason is not None and active.task is not None:
            await asyncio.gather(active.task, return_exceptions=True)  # let it finish cancelling
        if conn.response is not None:
            raise _ClientError(
                "conversation_already_has_active_response",
                f"Conversation already has an active response ({conn.response.id}).",
            )
        modalities = params.get("modalities") or conn.session.get("modalities") or ["text"]
        record: dict[str, Any] = {
            "connection": conn.index,
            "id": self._id("resp"),
            "status": "in_progress",
            "instructions": params.get("instructions"),
            "additional_instructions": params.get("additional_instructions"),
            "text": None,
            "call": None,
        }
        self.responses.append(record)
        response = _Response(id=record["id"], record=record, modalities=list(modalities))
        conn.response = response
        response.task = asyncio.create_task(self._run_response(conn, response, self._plan(conn)))

    def _cancel(self, response: _Response, reason: str) -> None:
        if response.cancel_reason is None:
            response.cancel_reason = reason
        if self._paused is response:
            self._paused = None
        response.hold = False
        response.wake.set()

    async def _on_response_cancel(self, conn: _Connection, event: Event) -> None:
        active = conn.response
        wanted = event.get("response_id")
        if active is None or (wanted is not None and wanted != active.id):
            raise _ClientError(
                "response_cancel_not_active", "Cancellation failed: no active response found."
            )
        self._cancel(active, "client_cancelled")

    async def _checkpoint(self, response: _Response) -> bool:
        """Yield to the loop (so a cancel can land); True when the response must stop."""
        await asyncio.sleep(self.stream_delay)
        while response.hold and response.cancel_reason is None:
            response.wake.clear()
            await response.wake.wait()
        return response.cancel_reason is not None

    def _response_object(self, conn: _Connection, response: _Response, status: str) -> Event:
        body: Event = {
            "id": response.id,
            "object": "realtime.response",
            "status": status,
            "output": [_copy(item) for item in response.output],
            "conversation_id": conn.conversation_id,
            "modalities": list(response.modalities),
            "output_audio_format": conn.session.get("output_audio_format", "pcm16"),
        }
        if status == "cancelled":
            body["status_details"] = {"type": "cancelled", "reason": response.cancel_reason}
        if status != "in_progress":
            body["usage"] = self._usage(conn, response)
        return body

    def _usage(self, conn: _Connection, response: _Response) -> Event:
        in_text = sum(len(json.dumps(item).split()) for item in conn.items) // 2
        out_text = sum(len(json.dumps(item).split()) for item in response.output) // 2
        out_audio = response.audio_deltas * max(1, self.audio_chunk_ms // 20)
        return {
            "total_tokens": in_text + out_text + out_audio,
            "input_tokens": in_text,
            "output_tokens": out_text + out_audio,
            "input_token_details": {
                "cached_tokens": 0,
                "text_tokens": in_text,
                "audio_tokens": 0,
                "image_tokens": 0,
                "cached_tokens_details": {"text_tokens": 0, "audio_tokens": 0, "image_tokens": 0},
            },
            "output_token_details": {"text_tokens": out_text, "audio_tokens": out_audio},
        }

    async def _run_response(self, conn: _Connection, response: _Response, plan: _Plan) -> None:
        try:
            await self._send(
                conn,
                {
                    "type": "response.created",
                    "response": self._response_object(conn, response, "in_progress"),
                },
            )
            finished = plan.text is None or await self._stream_message(conn, response, plan.text)
            if finished and plan.call is not None and not await self._checkpoint(response):
                await self._stream_call(conn, response, plan)
            if response.dropped:
                return
            status = "cancelled" if response.cancel_reason is not None else "completed"
            response.record["status"] = status
            await self._send(
                conn,
                {
                    "type": "response.done",
                    "response": self._response_object(conn, response, status),
                },
            )
        except ConnectionClosed:
            response.record["status"] = "disconnected"
        finally:
            if conn.response is response:
                conn.response = None
            if self._paused is response:
                self._paused = None

    async def _stream_message(self, conn: _Connection, response: _Response, text: str) -> bool:
        """Stream one assistant message; False if the response was cancelled or dropped."""
        response.record["text"] = text
        output_index = len(response.output)
        audio = "audio" in response.modalities
        item_id = self._id("item")
        part: Event = {"type": "audio", "transcript": ""} if audio else {"type": "text", "text": ""}
        item: Event = {
            "id": item_id,
            "object": "realtime.item",
            "type": "message",
            "role": "assistant",
            "status": "in_progress",
            "content": [],
        }
        ids = {"response_id": response.id, "item_id": item_id, "output_index": output_index}
        part_ids = {**ids, "content_index": 0}
        response.output.append(item)
        previous = conn.items[-1]["id"] if conn.items else None
        conn.items.append(item)
        await self._send(
            conn,
            {
                "type": "response.output_item.added",
                "response_id": response.id,
                "output_index": output_index,
                "item": _copy(item),
            },
        )
        await self._send(
            conn,
            {
                "type": "conversation.item.created",
                "previous_item_id": previous,
                "item": _copy(item),
            },
        )
        item["content"].append(part)
        await self._send(
            conn, {"type": "response.content_part.added", **part_ids, "part": _copy(part)}
        )

        outputs = _animation_outputs(conn.session)
        timestamps = "word" in (conn.session.get("output_audio_timestamp_types") or [])
        fmt = str(conn.session.get("output_audio_format") or "pcm16")
        rate, width = _OUTPUT_FORMATS.get(fmt, _OUTPUT_FORMATS["pcm16"])
        samples_per_chunk = rate * self.audio_chunk_ms // 1000
        chunks = re.findall(r"\S+\s*", text) or [text]
        spoken = ""
        stopped = False
        drop_at = self._drop_at if audio else None
        pause_at = self._pause_at if audio else None
        if audio:
            self._drop_at = None
            self._pause_at = None
        for index, chunk in enumerate(chunks):
            if drop_at is not None and response.audio_deltas >= drop_at:
                return self._drop(conn, response)
            if pause_at is not None and response.audio_deltas >= pause_at:
                pause_at = None
                response.hold = True
                self._paused = response
            if await self._checkpoint(response):
                stopped = True
                break
            spoken += chunk
            key = "transcript" if audio else "text"
            part[key] = spoken
            if not audio:
                await self._send(conn, {"type": "response.text.delta", **part_ids, "delta": chunk})
                continue
            await self._send(
                conn, {"type": "response.audio_transcript.delta", **part_ids, "delta": chunk}
            )
            pcm = _tone(fmt, samples_per_chunk, index * samples_per_chunk, rate, width)
            await self._send(
                conn,
                {
                    "type": "response.audio.delta",
                    **part_ids,
                    "delta": base64.b64encode(pcm).decode("ascii"),
                },
            )
            response.audio_deltas += 1
            offset_ms = index * self.audio_chunk_ms
            if "viseme_id" in outputs:
                await self._send(
                    conn,
                    {
                        "type": "response.animation_viseme.delta",
                        **part_ids,
                        "audio_offset_ms": offset_ms,
                        "viseme_id": sum(map(ord, chunk.strip())) % 22,
                    },
                )
            if "blendshapes" in outputs:
                await self._send(
                    conn,
                    {
                        "type": "response.animation_blendshapes.delta",
                        **part_ids,
                        "frames": [[round(0.1 * (i % 5), 2) for i in range(52)]],
                        "frame_index": index,
                    },
                )
            if timestamps:
                await self._send(
                    conn,
                    {
                        "type": "response.audio_timestamp.delta",
                        **part_ids,
                        "audio_offset_ms": offset_ms,
                        "audio_duration_ms": self.audio_chunk_ms,
                        "text": chunk.strip(),
                        "timestamp_type": "word",
                    },
                )
        else:
            if drop_at is not None:  # fewer deltas than asked for: drop before audio.done
                return self._drop(conn, response)
        if stopped:
            item["status"] = "incomplete"
            return False
        if audio:
            await self._send(conn, {"type": "response.audio.done", **part_ids})
            if "viseme_id" in outputs:
                await self._send(conn, {"type": "response.animation_viseme.done", **part_ids})
            if "blendshapes" in outputs:
                await self._send(conn, {"type": "response.animation_blendshapes.done", **ids})
            if timestamps:
                await self._send(conn, {"type": "response.audio_timestamp.done", **part_ids})
            await self._send(
                conn, {"type": "response.audio_transcript.done", **part_ids, "transcript": text}
            )
        else:
            await self._send(conn, {"type": "response.text.done", **part_ids, "text": text})
        await self._send(
            conn, {"type": "response.content_part.done", **part_ids, "part": _copy(part)}
        )
        item["status"] = "completed"
        await self._send(
            conn,
            {
                "type": "response.output_item.done",
                "response_id": response.id,
                "output_index": output_index,
                "item": _copy(item),
            },
        )
        return True

    def _drop(self, conn: _Connection, response: _Response) -> bool:
        response.dropped = True
        response.record["status"] = "dropped"
        self.drops += 1
        conn.ws.transport.abort()
        return False

    async def _stream_call(self, conn: _Connection, response: _Response, plan: _Plan) -> bool:
        assert plan.call is not None and plan.rule is not None
        name, arguments = plan.call
        args = json.dumps(arguments)
        call_id = self._id("call")
        item_id = self._id("item")
        output_index = len(response.output)
        response.record["call"] = {"name": name, "call_id": call_id, "arguments": arguments}
        conn.call_rules[call_id] = plan.rule
        item: Event = {
            "id": item_id,
            "object": "realtime.item",
            "type": "function_call",
            "name": name,
            "call_id": call_id,
            "arguments": "",
            "status": "in_progress",
        }
        response.output.append(item)
        await self._send(
            conn,
            {
                "type": "response.output_item.added",
                "response_id": response.id,
                "output_index": output_index,
                "item": _copy(item),
            },
        )
        ids = {
            "response_id": response.id,
            "item_id": item_id,
            "output_index": output_index,
            "call_id": call_id,
        }
        for piece in _split(args, 3):
            if await self._checkpoint(response):
                item["status"] = "incomplete"
                return False
            item["arguments"] += piece
            await self._send(
                conn, {"type": "response.function_call_arguments.delta", **ids, "delta": piece}
            )
        await self._send(
            conn,
            {
                "type": "response.function_call_arguments.done",
                **ids,
                "arguments": args,
                "name": name,
            },
        )
        item["status"] = "completed"
        conn.items.append(item)
        await self._send(
            conn,
            {
                "type": "response.output_item.done",
                "response_id": response.id,
                "output_index": output_index,
                "item": _copy(item),
            },
        )
        return True

    # ------------------------------------------------------------------ avatar

    async def _on_avatar_connect(self, conn: _Connection, event: Event) -> None:
        client_sdp = event.get("client_sdp")
        if not isinstance(client_sdp, str) or not client_sdp:
            raise _ClientError(
                "missing_required_parameter", "client_sdp is required.", "client_sdp"
            )
        if not isinstance(conn.session.get("avatar"), dict):
            raise _ClientError(
                "avatar_not_configured",
                "session.avatar.connect needs an avatar in the session (session.update).",
            )
        try:
            offer = json.loads(base64.b64decode(client_sdp, validate=True))
        except (binascii.Error, ValueError) as exc:
            raise _ClientError(
                "invalid_sdp",
                "client_sdp must be base64 of the JSON session description "
                '{"type": "offer", "sdp": "v=0..."}, not a raw SDP string.',
                "client_sdp",
            ) from exc
        if (
            not isinstance(offer, dict)
            or offer.get("type") != "offer"
            or not str(offer.get("sdp", "")).startswith("v=0")
        ):
            raise _ClientError(
                "invalid_sdp",
                'client_sdp must decode to {"type": "offer", "sdp": "v=0..."}.',
                "client_sdp",
            )
        self.avatar_offers.append(
            {
                "connection": conn.index,
                "offer": offer,
                "rtc_configuration": event.get("rtc_configuration"),
            }
        )
        answer = {"type": "answer", "sdp": _fake_answer_sdp(self._tag)}
        server_sdp = base64.b64encode(json.dumps(answer).encode()).decode("ascii")
        await self._send(conn, {"type": "session.avatar.connecting", "server_sdp": server_sdp})


# ---------------------------------------------------------------------- helpers


def _matches(predicate: Callable[[Event], bool], event: Event) -> bool:
    try:
        return bool(predicate(event))
    except (KeyError, IndexError, TypeError, AttributeError):
        return False


def _search(pattern: str, text: str) -> bool:
    return re.search(pattern, text, re.IGNORECASE) is not None


def _copy(value: Any) -> Any:
    return copy.deepcopy(value)


def _split(text: str, pieces: int) -> list[str]:
    """``text`` in ``pieces`` (at least 2) non-empty chunks when it is long enough."""
    pieces = max(2, min(pieces, len(text)))
    size = math.ceil(len(text) / pieces) if text else 1
    return [text[i : i + size] for i in range(0, len(text), size)] or [text]


def _animation_outputs(session: Event) -> list[str]:
    animation = session.get("animation")
    outputs = animation.get("outputs") if isinstance(animation, dict) else None
    return [str(o) for o in outputs] if isinstance(outputs, list) else []


def _tone(fmt: str, n_samples: int, start: int, rate: int, width: int) -> bytes:
    """A quiet 440 Hz sine (phase-continuous across chunks), or G.711 silence."""
    if width == 1:
        return bytes([_G711_SILENCE.get(fmt, 0xFF)]) * n_samples
    step = 2 * math.pi * TONE_HZ / rate
    samples = array(
        "h", (int(TONE_AMPLITUDE * math.sin(step * (start + i))) for i in range(n_samples))
    )
    if sys.byteorder == "big":
        samples.byteswap()
    return samples.tobytes()


_ITEM_TYPES: Final = ("message", "function_call", "function_call_output")
_ROLES: Final = ("user", "assistant", "system")


def _normalise_item(raw: Any) -> Event:
    """Check a ``conversation.item.create`` item and return the server's stored copy."""
    if not isinstance(raw, dict):
        raise _ClientError("missing_required_parameter", "item is required.", "item")
    item: Event = copy.deepcopy(raw)
    kind = item.get("type")
    if kind not in _ITEM_TYPES:
        raise _ClientError(
            "invalid_value", f"Unsupported item type {kind!r}; expected {_ITEM_TYPES}.", "item.type"
        )
    item["object"] = "realtime.item"
    if kind == "message":
        if item.get("role") not in _ROLES:
            raise _ClientError("invalid_value", f"role must be one of {_ROLES}.", "item.role")
        content = item.get("content")
        if not isinstance(content, list) or not all(
            isinstance(p, dict) and isinstance(p.get("type"), str) for p in content
        ):
            raise _ClientError(
                "invalid_value", "content must be a list of typed parts.", "item.content"
            )
        item["status"] = "completed"
    elif kind == "function_call_output":
        for key in ("call_id", "output"):
            if not isinstance(item.get(key), str):
                raise _ClientError(
                    "missing_required_parameter", f"{key} is required.", f"item.{key}"
                )
    else:
        for key in ("name", "call_id", "arguments"):
            if not isinstance(item.get(key), str):
                raise _ClientError(
                    "missing_required_parameter", f"{key} is required.", f"item.{key}"
                )
        item["status"] = "completed"
    return item


def _view(item: Event) -> Event:
    """An item as the server echoes it: user audio bytes are left out (OpenAI style)."""
    view: Event = copy.deepcopy(item)
    for part in view.get("content") or []:
        if isinstance(part, dict) and part.get("type") == "input_audio":
            part.pop("audio", None)
            part.setdefault("transcript", None)
    return view


def _fake_answer_sdp(tag: str) -> str:
    lines: Iterable[str] = (
        "v=0",
        f"o=- {int(tag, 16)} 2 IN IP4 127.0.0.1",
        "s=voicecart-fake-avatar",
        "t=0 0",
        "a=group:BUNDLE 0 1",
        "a=msid-semantic: WMS avatar",
        "m=audio 9 UDP/TLS/RTP/SAVPF 111",
        "c=IN IP4 0.0.0.0",
        "a=mid:0",
        "a=sendonly",
        "a=rtpmap:111 opus/48000/2",
        "a=ice-ufrag:fake",
        "a=ice-pwd:fakefakefakefakefakefake",
        "a=fingerprint:sha-256 " + ":".join(["00"] * 32),
        "a=setup:passive",
        "m=video 9 UDP/TLS/RTP/SAVPF 96",
        "c=IN IP4 0.0.0.0",
        "a=mid:1",
        "a=sendonly",
        "a=rtpmap:96 H264/90000",
        "a=candidate:1 1 udp 2130706431 127.0.0.1 3478 typ host",
    )
    return "\r\n".join(lines) + "\r\n"
