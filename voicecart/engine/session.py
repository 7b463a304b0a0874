"""One realtime connection of the local engine: the Voice Live state machine.

``EngineSession`` takes client events (``handle_text``/``handle``), keeps the session
config, the input audio (``parts.InputAudio``), the conversation and at most one
response, and emits server events into an outbox that one writer task drains in order:
nothing here waits on the socket, and cancelling a response never cuts an event in half.

The VAD's turns become ``speech_started``/``speech_stopped``, auto-commit and barge-in.
A response (``Responder``) runs as a task: brain output streams to the client, and text
is spoken sentence by sentence, so the first audio leaves as soon as the first sentence
is synthesized. CPU-heavy work happens inside the parts, off the event loop.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import copy
import logging
import math
from collections.abc import AsyncGenerator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Final

import orjson

from voicecart.engine import events as ev
from voicecart.engine.avatar.link import AvatarLink
from voicecart.engine.avatar.service import AvatarService
from voicecart.engine.early_stt import EarlyTranscripts
from voicecart.engine.events import ClientError, Event
from voicecart.engine.interfaces import (
    BrainOutput,
    BrainRequest,
    FunctionCall,
    TextDelta,
    VadOptions,
)
from voicecart.engine.parts import Frame, InputAudio, Mark, OutputAudio, Parts, heard, split_ready

log = logging.getLogger(__name__)

Send = Callable[[Event], Awaitable[None]]

MAX_MESSAGE_BYTES: Final = 4 * 1024 * 1024  # the SDK's aiohttp max_msg_size
AUDIO_MS_PER_TOKEN: Final = 50  # usage estimate


def tokens(text: str) -> int:
    """A token estimate (the engine has no tokenizer): four characters a token."""
    return math.ceil(len(text) / 4)


class EngineSession:
    """The state of one realtime connection (see the module docstring)."""

    def __init__(
        self,
        parts: Parts,
        send: Send,
        *,
        model: str | None = None,
        chunk_ms: int = 100,
        avatar: AvatarService | None = None,
        audio_lead_ms: float | None = None,
    ) -> None:
        self.parts = parts
        # WebRTC video; wiring in engine/avatar/link.py
        self.avatar = AvatarLink(avatar, on_playback=self._avatar_playback)
        self._send = send
        voice = next(iter(parts.tts.voices()), "default") if parts.tts else "default"
        self.session: Event = ev.default_session(model or "voicecart-local", voice)
        self.items: list[Event] = []
        self.conversation_id = ev.new_id("conv")
        self.responder = Responder(self, chunk_ms=chunk_ms, audio_lead_ms=audio_lead_ms)
        self.input = InputAudio(parts.stt.sample_rate if parts.stt else 16000, parts.vad)
        self.turn_task: asyncio.Task[None] | None = None  # the newest transcription
        self._speech_item: str | None = None
        self.early = EarlyTranscripts()
        self._vad_reported = False
        self._outbox: asyncio.Queue[Event] = asyncio.Queue()
        self._writer: asyncio.Task[None] | None = None
        self._closed = False
        self._tasks: set[asyncio.Task[None]] = set()
        self._configure_input()

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        self._writer = asyncio.create_task(self._write(), name="engine-writer")
        self.emit(ev.session_event("session.created", copy.deepcopy(self.session)))

    async def close(self) -> None:
        """Stop at once: running work is cancelled, unsent events are dropped."""
        self._closed = True
        self.early.drop()
        await self.avatar.close()
        tasks = [t for t in self._tasks if not t.done()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._writer is not None:
            self._writer.cancel()
            await asyncio.gather(self._writer, return_exceptions=True)

    def emit(self, event: Event) -> None:
        if not self._closed:
            self._outbox.put_nowait(event)

    async def _write(self) -> None:
        while True:
            event = await self._outbox.get()
            try:
                await self._send(event)
            except Exception:  # the peer went away; the receive loop ends the session
                log.debug("engine send failed", exc_info=True)
                self._closed = True
                return

    def _avatar_playback(self, speaking: bool, response_id: str | None) -> None:
        """The avatar started or stopped audibly speaking (as in realtime's WebRTC mode)."""
        kind = "output_audio_buffer.started" if speaking else "output_audio_buffer.stopped"
        self.emit(ev.server_event(kind, response_id=response_id))

    def spawn(self, coro: Awaitable[None], name: str) -> asyncio.Task[None]:
        task: asyncio.Task[None] = asyncio.ensure_future(coro)
        task.set_name(name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    # ------------------------------------------------------------------ dispatch

    async def handle_text(self, message: str | bytes) -> None:
        """One WebSocket message: size check, JSON decode, dispatch."""
        data = message if isinstance(message, bytes) or message.isascii() else message.encode()
        size = len(data)
        if size > MAX_MESSAGE_BYTES:
            text = f"The message has {size} bytes; the limit is {MAX_MESSAGE_BYTES}."
            self.emit(ev.error_event("message_too_large", text))
            return
        try:
            raw = orjson.loads(message)
        except orjson.JSONDecodeError as exc:
            self.emit(ev.error_event("invalid_json", f"The message is not valid JSON: {exc}"))
            return
        await self.handle(raw)

    async def handle(self, raw: Any) -> None:
        """One decoded client event; a refusal becomes an ``error`` event."""
        event_id = ev.event_id_of(raw)
        try:
            await self._dispatch(ev.parse_client_event(raw), event_id)
        except ClientError as exc:
            self.emit(
                ev.error_event(
                    exc.code, exc.message, kind=exc.kind, param=exc.param, event_id=event_id
                )
            )

    async def _dispatch(self, event: ev.ClientEvent, event_id: str | None) -> None:
        match event:
            case ev.SessionUpdate():
                self._update_session(event.session, event_id)
            case ev.AudioAppend():
                self._append(event.audio)
            case ev.AudioCommit():
                self._manual_commit()
            case ev.AudioClear():
                self.input.clear()
                self.early.drop()
                self._speech_item = None
                self.emit(ev.server_event("input_audio_buffer.cleared"))
            case ev.ItemCreate():
                self.add_item(event.item, event.previous_item_id)
            case ev.ItemDelete():
                item = self.items.pop(self._find(event.item_id))
                self.emit(ev.server_event("conversation.item.deleted", item_id=item["id"]))
            case ev.ItemRetrieve():
                item = self.items[self._find(event.item_id)]
                self.emit(ev.server_event("conversation.item.retrieved", item=ev.view(item)))
            case ev.ItemTruncate():
                self._truncate(event)
            case ev.ResponseCreate():
                await self.responder.create(event.response, event.additional_instructions)
            case ev.ResponseCancel():
                self.responder.cancel_by_client(event.response_id)
            case ev.OutputAudioClear():
                self.avatar.interrupt()
                self.emit(ev.server_event("output_audio_buffer.cleared"))
            case ev.AvatarConnect():
                server_sdp = await self.avatar.connect(event.client_sdp)
                self.emit(ev.server_event("session.avatar.connecting", server_sdp=server_sdp))

    # ------------------------------------------------------------------ session.update

    def _update_session(self, update: ev.SessionConfig, event_id: str | None) -> None:
        changes = update.model_dump(mode="json", exclude_unset=True)
        for server_owned in ("id", "object", "expires_at", "agent"):
            changes.pop(server_owned, None)
        if "turn_detection" in update.model_fields_set:
            td = update.turn_detection
            vad = td.model_dump(mode="json") if isinstance(td, ev.ServerVadConfig) else None
            changes["turn_detection"] = vad
        fmt = str(changes.get("input_audio_format", self.session["input_audio_format"]))
        if fmt.startswith("g711"):
            if changes.get("input_audio_sampling_rate", 8000) != 8000:
                raise ClientError(
                    "invalid_value",
                    "G.711 input audio is 8000 Hz; input_audio_sampling_rate must be 8000.",
                    param="session.input_audio_sampling_rate",
                )
            changes["input_audio_sampling_rate"] = 8000
        if "avatar" in changes:
            changes["avatar"] = self.avatar.configure(changes["avatar"])
        self.session.update(changes)
        self._configure_input()
        self.emit(ev.session_event("session.updated", copy.deepcopy(self.session)))
        needed = ["brain"]
        if "audio" in (self.session.get("modalities") or []):
            needed.append("tts")
        if self.session.get("turn_detection") is not None:
            needed += ["vad", "stt"]
        elif self.session.get("input_audio_transcription") is not None:
            needed.append("stt")
        self.report_missing(needed, event_id)

    def _configure_input(self) -> None:
        td = self.session.get("turn_detection")
        options = None
        if td is not None:
            options = VadOptions(
                threshold=float(td["threshold"]),
                prefix_padding_ms=int(td["prefix_padding_ms"]),
                silence_duration_ms=int(td["silence_duration_ms"]),
            )
        fmt, rate = self.session["input_audio_format"], self.session["input_audio_sampling_rate"]
        self.input.configure(str(fmt), int(rate), options)
        if not self.input.in_speech:
            self._speech_item = None

    def report_missing(self, needed: list[str], event_id: str | None = None) -> bool:
        """Emit one ``error`` naming the unavailable parts among ``needed``; True if any."""
        missing = [name for name in needed if not self.parts.available(name)]
        if missing:
            self.emit(
                ev.error_event(
                    "engine_part_unavailable",
                    " ".join(self.parts.unavailable_message(name) for name in missing),
                    kind="server_error",
                    param=",".join(missing),
                    event_id=event_id,
                )
            )
        return bool(missing)

    # ------------------------------------------------------------------ input audio

    def _append(self, audio: str) -> None:
        try:
            data = base64.b64decode(audio, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ClientError(
                "invalid_value", f"audio is not valid base64: {exc}", param="audio"
            ) from exc
        try:
            turns = self.input.append(data)
        except ValueError as exc:
            raise ClientError("invalid_value", f"{exc}.", param="audio") from exc
        if self.input.vad_missing and not self._vad_reported:
            self._vad_reported = self.report_missing(["vad"])
        td: Event = self.session.get("turn_detection") or {}
        for turn in turns:
            if turn.kind == "speech_started":
                self._speech_item = ev.new_id("item")
                self.emit(ev.speech_started(turn.at_ms, self._speech_item))
                if td.get("interrupt_response", True) is not False:
                    self.responder.cancel_active("turn_detected")
                    self.avatar.interrupt()
            elif self._speech_item is not None:
                item_id, self._speech_item = self._speech_item, None
                self.emit(ev.speech_stopped(turn.at_ms, item_id))
                respond = td.get("create_response", True) is not False
                early = self.early.take(item_id, turn.at_ms, turn.audio)
                self._commit(item_id, turn.audio, respond=respond, early=early)
        if self._speech_item is not None and td:
            self.early.consider(
                self._speech_item,
                self.input,
                self.parts.stt,
                float(td.get("silence_duration_ms") or 0),
                self._language(),
            )

    def _language(self) -> str | None:
        language: str | None = (self.session.get("input_audio_transcription") or {}).get("language")
        return language

    def _manual_commit(self) -> None:
        self.early.drop()
        item_id = self._speech_item or ev.new_id("item")
        if self._speech_item is not None:  # committed by hand in the middle of speech
            self.emit(ev.speech_stopped(int(self.input.now_ms), item_id))
            self._speech_item = None
        audio = self.input.commit()
        if not audio:
            raise ClientError(
                "input_audio_buffer_commit_empty",
                "Error committing input audio buffer: the buffer is empty.",
            )
        self._commit(item_id, audio, respond=False)

    def _commit(
        self, item_id: str, audio: bytes, *, respond: bool, early: asyncio.Task[str] | None = None
    ) -> None:
        previous = self.items[-1]["id"] if self.items else None
        self.emit(ev.committed(item_id, previous))
        item: Event = {
            "id": item_id,
            "object": "realtime.item",
            "type": "message",
            "role": "user",
            "status": "completed",
            "content": [{"type": "input_audio", "audio": None, "transcript": None}],
        }
        self.items.append(item)
        self.emit(ev.item_created(ev.view(item), previous))
        self.turn_task = self.spawn(
            self._transcribe(item, audio, self.turn_task, respond, early), f"stt:{item_id}"
        )

    async def _transcribe(
        self,
        item: Event,
        audio: bytes,
        previous: asyncio.Task[None] | None,
        respond: bool,
        early: asyncio.Task[str] | None = None,
    ) -> None:
        """Transcribe a committed turn (or take its early transcript, see early_stt.py)."""
        if previous is not None:  # transcripts come out in turn order
            await asyncio.wait([previous])
        stt = self.parts.stt
        if stt is None:
            self.emit(ev.transcription_failed(item["id"], self.parts.unavailable_message("stt")))
            return
        try:
            if early is not None:
                transcript = (await early).strip()
            else:
                transcript = (await stt.transcribe(audio, language=self._language())).strip()
        except Exception as exc:
            log.warning("transcription failed", exc_info=True)
            self.emit(ev.transcription_failed(item["id"], f"Transcription failed: {exc}"))
            return
        item["content"][0]["transcript"] = transcript
        self.emit(ev.transcription_completed(item["id"], transcript))
        if respond and transcript:  # noise that transcribes to nothing gets no answer
            await self.responder.auto_respond()

    # ------------------------------------------------------------------ conversation

    def _find(self, item_id: str) -> int:
        for index, item in enumerate(self.items):
            if item["id"] == item_id:
                return index
        raise ClientError("item_not_found", f"Item with id {item_id!r} not found.", param="item_id")

    def add_item(self, raw: ev.Item, previous_item_id: str | None = None) -> Event:
        """Store a client item (``previous_item_id``: None = last, "root" = first)."""
        item = ev.stored_item(raw)
        if any(existing["id"] == item["id"] for existing in self.items):
            raise ClientError(
                "duplicate_item_id", f"Item id {item['id']!r} already exists.", param="item.id"
            )
        if previous_item_id is None:
            position = len(self.items)
        elif previous_item_id == "root":
            position = 0
        else:
            position = self._find(previous_item_id) + 1
        self.items.insert(position, item)
        previous = self.items[position - 1]["id"] if position else None
        self.emit(ev.item_created(ev.view(item), previous))
        return item

    def _truncate(self, event: ev.ItemTruncate) -> None:
        item = self.items[self._find(event.item_id)]
        content = item.get("content") or []
        if item["type"] != "message" or item.get("role") != "assistant":
            raise ClientError(
                "invalid_value", "Only assistant messages can be truncated.", param="item_id"
            )
        if event.content_index >= len(content) or content[event.content_index]["type"] != "audio":
            raise ClientError(
                "invalid_value", "content_index does not point to audio.", param="content_index"
            )
        marks = self.responder.audio_marks.get(item["id"], [])
        total_ms = marks[-1][0] if marks else 0
        if event.audio_end_ms > total_ms:
            raise ClientError(
                "invalid_value",
                f"audio_end_ms {event.audio_end_ms} is past the end of the audio ({total_ms} ms).",
                param="audio_end_ms",
            )
        content[event.content_index]["transcript"] = heard(marks, event.audio_end_ms)
        self.emit(
            ev.server_event(
                "conversation.item.truncated",
                item_id=item["id"],
                content_index=event.content_index,
                audio_end_ms=event.audio_end_ms,
            )
        )


# ---------------------------------------------------------------------- responses
# ---------------------------------------------------------------------- responses


@dataclass
class _Message:
    item: Event
    ids: Event  # response_id, item_id, output_index, content_index
    audio: OutputAudio | None  # None: a text-only message
    pending: str = ""  # brain text not yet spoken
    said: str = ""


@dataclass
class Response:
    id: str
    plan: ev.ResponsePlan
    after: asyncio.Task[None] | None  # the transcription this response waits for
    output: list[Event] = field(default_factory=list)
    task: asyncio.Task[None] | None = None
    cancel_reason: str | None = None
    message: _Message | None = None
    text_tokens: int = 0
    audio_ms: float = 0.0
    first_audio_at: float | None = None  # loop time of the first audio frame sent
    finished: asyncio.Event = field(default_factory=asyncio.Event)


class Responder:
    """Creates, streams and cancels the responses of one ``EngineSession``."""

    def __init__(
        self, session: EngineSession, *, chunk_ms: int, audio_lead_ms: float | None = None
    ) -> None:
        self.s = session
        self.chunk_ms = chunk_ms
        # Audio may run this far ahead of real time (None/0: as fast as it is made).
        self.audio_lead_ms = audio_lead_ms or None
        self.active: Response | None = None
        self.audio_marks: dict[str, list[Mark]] = {}  # assistant item id -> spoken sentences

    # -- starting and stopping

    async def create(self, params: ev.ResponseParams | None, additional: str | None) -> None:
        params = params or ev.ResponseParams()
        if self.active is not None and params.cancel_previous:
            self._cancel(self.active, "client_cancelled")
        if self.active is not None and self.active.cancel_reason is not None:
            await self.active.finished.wait()  # a cancelled response is closing: let it
        if self.active is not None:
            raise ClientError(
                "conversation_already_has_active_response",
                f"Conversation already has an active response in progress: {self.active.id}. "
                "Wait until the response is finished before creating a new one.",
            )
        plan = ev.plan_response(params, self.s.session, additional)
        needed = ["brain"] if plan.spoken_text is None else []
        if self.s.report_missing([*needed, "tts"] if plan.audio else needed):
            return
        for raw in params.append_input_items or []:
            self.s.add_item(raw)
        turn = self.s.turn_task
        after = turn if turn is not asyncio.current_task() else None
        response = Response(ev.new_id("resp"), plan, after)
        self.active = response
        response.task = self.s.spawn(self._run(response), f"response:{response.id}")

    async def auto_respond(self) -> None:
        """The server-VAD response after a user turn (waits for a running one to end)."""
        while self.active is not None:
            await self.active.finished.wait()
        await self.create(None, None)

    def cancel_active(self, reason: str) -> None:
        if self.active is not None:
            self._cancel(self.active, reason)

    def cancel_by_client(self, response_id: str | None) -> None:
        r = self.active
        if r is None or r.cancel_reason is not None or response_id not in (None, r.id):
            raise ClientError(
                "response_cancel_not_active", "Cancellation failed: no active response found."
            )
        self._cancel(r, "client_cancelled")

    @staticmethod
    def _cancel(response: Response, reason: str) -> None:
        if response.cancel_reason is None:
            response.cancel_reason = reason
            if response.task is not None:
                response.task.cancel()

    # -- running

    async def _run(self, r: Response) -> None:
        self.s.emit(ev.response_event("response.created", self._body(r, "in_progress")))
        status: str = "completed"
        details: Event | None = None
        try:
            if r.after is not None:
                await asyncio.wait([r.after])  # unlike gather, a cancel here spares it
            async with contextlib.aclosing(self._outputs(r)) as outputs:
                async for output in outputs:
                    if isinstance(output, TextDelta):
                        await self._text(r, output.text)
                    else:
                        await self._close_message(r)
                        self._call(r, output)
                    limit = r.plan.max_output_tokens
                    if limit is not None and r.text_tokens > limit:
                        status = "incomplete"
                        details = {"type": "incomplete", "reason": "max_output_tokens"}
                        break
            await self._close_message(r)
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is not None:
                task.uncancel()
            self.s.avatar.interrupt()
            if r.message is not None:
                r.message.item["status"] = "incomplete"
            status, details = "cancelled", {"type": "cancelled", "reason": r.cancel_reason}
        except Exception as exc:
            log.exception("response failed", extra={"response": r.id})
            error = {"type": "server_error", "code": "response_failed", "message": str(exc)}
            status, details = "failed", {"type": "failed", "error": error}
        finally:
            self.s.emit(ev.response_event("response.done", self._body(r, status, details)))
            if self.active is r:
                self.active = None
            r.finished.set()

    async def _outputs(self, r: Response) -> AsyncGenerator[BrainOutput, None]:
        plan = r.plan
        if plan.spoken_text is not None:
            yield TextDelta(plan.spoken_text)
            return
        assert self.s.parts.brain is not None
        request = BrainRequest(
            items=[ev.view(i) for i in (plan.input_items or self.s.items)],
            instructions=plan.instructions,
            tools=plan.tools,
            tool_choice=plan.tool_choice,
            temperature=plan.temperature,
            max_output_tokens=plan.max_output_tokens,
            extra={"response_id": r.id, "modalities": plan.modalities, "voice": plan.voice},
        )
        stream = self.s.parts.brain().respond(request)
        try:
            async for output in stream:
                yield output
        finally:
            closer = getattr(stream, "aclose", None)
            if closer is not None:
                await closer()

    # -- assistant messages

    async def _text(self, r: Response, text: str) -> None:
        if not text:
            return
        r.text_tokens += tokens(text)
        m = r.message or self._open_message(r)
        if m.audio is None:
            m.said += text
            m.item["content"][0]["text"] = m.said
            self.s.emit(ev.part_event("response.text.delta", m.ids, delta=text))
            return
        m.pending += text
        sentences, m.pending = split_ready(m.pending)
        for sentence in sentences:
            await self._speak(r, m, sentence)

    def _open_message(self, r: Response) -> _Message:
        item: Event = {
            "id": ev.new_id("item"),
            "object": "realtime.item",
            "type": "message",
            "role": "assistant",
            "status": "in_progress",
            "content": [],
        }
        output_index = len(r.output)
        r.output.append(item)
        self.s.emit(ev.output_item("response.output_item.added", r.id, output_index, ev.view(item)))
        self._remember(r, item)
        part: Event = {"type": "audio", "transcript": ""}
        if not r.plan.audio:
            part = {"type": "text", "text": ""}
        item["content"].append(part)
        ids = {"response_id": r.id, "item_id": item["id"], "output_index": output_index}
        ids["content_index"] = 0
        self.s.emit(ev.part_event("response.content_part.added", ids, part=dict(part)))
        audio = OutputAudio(r.plan.output_audio_format, self.chunk_ms) if r.plan.audio else None
        r.message = _Message(item=item, ids=ids, audio=audio)
        return r.message

    def _remember(self, r: Response, item: Event) -> None:
        """Add an output item to the conversation (unless the response has commit=false)."""
        if r.plan.commit:
            previous = self.s.items[-1]["id"] if self.s.items else None
            self.s.items.append(item)
            self.s.emit(ev.item_created(ev.view(item), previous))

    async def _speak(self, r: Response, m: _Message, text: str) -> None:
        """Synthesize one sentence and stream it: transcript, audio frames, visemes."""
        spoken = text.strip()
        tts = self.s.parts.tts
        if not spoken or m.audio is None or tts is None:
            return
        delta = f" {spoken}" if m.said else spoken
        m.said += delta
        m.item["content"][0]["transcript"] = m.said
        voice = r.plan.voice if r.plan.voice in tts.voices() else None
        first = True
        async for chunk in tts.synthesize(spoken, voice=voice):
            if first:
                self.s.emit(ev.part_event("response.audio_transcript.delta", m.ids, delta=delta))
                first = False
            m.audio.add(chunk.pcm16, chunk.sample_rate, chunk.visemes)
            self.s.avatar.speak(chunk, r.id)
            self._frames(r, m, m.audio.frames())
            await self._pace(r)
        if first:
            self.s.emit(ev.part_event("response.audio_transcript.delta", m.ids, delta=delta))
        self._frames(r, m, m.audio.frames(final=True))  # nothing waits for the next sentence
        marks = self.audio_marks.setdefault(m.item["id"], [])
        marks.append((int(m.audio.produced_ms), m.said, spoken))

    async def _pace(self, r: Response) -> None:
        """Wait while the audio sent runs more than ``audio_lead_ms`` ahead of real time
        (from the first frame on): the response stays in progress while it is heard, so
        a barge-in cancels it and its output is cut to what was sent."""
        if self.audio_lead_ms is None or r.first_audio_at is None:
            return
        played_ms = (asyncio.get_running_loop().time() - r.first_audio_at) * 1000
        ahead_ms = r.audio_ms - played_ms - self.audio_lead_ms
        if ahead_ms > 0:
            await asyncio.sleep(ahead_ms / 1000)

    def _frames(self, r: Response, m: _Message, frames: list[Frame]) -> None:
        assert m.audio is not None
        for data, visemes in frames:
            for offset_ms, viseme_id in visemes if r.plan.visemes else ():
                self.s.emit(
                    ev.part_event(
                        "response.animation_viseme.delta",
                        m.ids,
                        audio_offset_ms=offset_ms,
                        viseme_id=viseme_id,
                    )
                )
            if data:
                if r.first_audio_at is None:
                    r.first_audio_at = asyncio.get_running_loop().time()
                r.audio_ms += len(data) / m.audio.width / m.audio.rate * 1000
                delta = base64.b64encode(data).decode("ascii")
                self.s.emit(ev.part_event("response.audio.delta", m.ids, delta=delta))

    async def _close_message(self, r: Response) -> None:
        m = r.message
        if m is None:
            return
        ids, part = m.ids, m.item["content"][0]
        if m.audio is None:
            self.s.emit(ev.part_event("response.text.done", ids, text=m.said))
        else:
            await self._speak(r, m, m.pending)
            m.pending = ""
            self._frames(r, m, m.audio.finish())
            self.s.emit(ev.part_event("response.audio.done", ids))
            if r.plan.visemes:
                self.s.emit(ev.part_event("response.animation_viseme.done", ids))
            self.s.emit(ev.part_event("response.audio_transcript.done", ids, transcript=m.said))
        r.message = None
        self.s.emit(ev.part_event("response.content_part.done", ids, part=dict(part)))
        m.item["status"] = "completed"
        index = ids["output_index"]
        self.s.emit(ev.output_item("response.output_item.done", r.id, index, ev.view(m.item)))

    # -- function calls

    def _call(self, r: Response, call: FunctionCall) -> None:
        if r.plan.tool_choice == "none" or call.name not in r.plan.tool_names:
            log.warning(
                "the brain called a tool the session does not offer", extra={"tool": call.name}
            )
            return
        r.text_tokens += tokens(call.arguments)
        call_id = call.call_id or ev.new_id("call")
        item: Event = {
            "id": ev.new_id("item"),
            "object": "realtime.item",
            "type": "function_call",
            "name": call.name,
            "call_id": call_id,
            "arguments": "",
            "status": "in_progress",
        }
        index = len(r.output)
        r.output.append(item)
        self.s.emit(ev.output_item("response.output_item.added", r.id, index, ev.view(item)))
        ids = {"response_id": r.id, "item_id": item["id"], "output_index": index}
        ids["call_id"] = call_id
        args = call.arguments
        self.s.emit(ev.part_event("response.function_call_arguments.delta", ids, delta=args))
        self.s.emit(
            ev.part_event(
                "response.function_call_arguments.done", ids, arguments=args, name=call.name
            )
        )
        item.update(arguments=args, status="completed")
        self._remember(r, item)
        self.s.emit(ev.output_item("response.output_item.done", r.id, index, ev.view(item)))

    def _body(self, r: Response, status: str, details: Event | None = None) -> Event:
        usage = None
        if status != "in_progress":
            context = sum(tokens(orjson.dumps(i).decode()) for i in self.s.items) // 2
            usage = ev.usage(context, r.text_tokens, int(r.audio_ms) // AUDIO_MS_PER_TOKEN)
        return ev.response_body(
            r.id,
            r.plan,
            status,
            output=r.output,
            conversation_id=self.s.conversation_id,
            details=details,
            token_usage=usage,
        )
