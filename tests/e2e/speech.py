"""Helpers for the spoken end-to-end journeys: the shopper's voice, a paced microphone and a
browser that collects every gateway message and waits on conditions (never on sleeps).

The shopper's voice is the project's own TTS (piper, 22050 Hz) resampled to the gateway's
24 kHz PCM16. Audio goes out in 40 ms ``audio_chunk`` messages paced in real time (the
gateway refuses audio faster than 1.5x real time), with a short lead-in of silence and a
trailing second of silence so the engine's server VAD ends the turn by itself.
"""

from __future__ import annotations

import asyncio
import base64
import json
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx
import websockets
from websockets.asyncio.client import ClientConnection

from voicecart.engine.audio import resample
from voicecart.engine.tts import PiperTts
from voicecart.spoken import spoken_digits

__all__ = ["Answer", "Browser", "Voice", "browser", "end_session", "spoken_digits", "words"]

RATE = 24_000
CHUNK_MS = 40
CHUNK_BYTES = RATE * CHUNK_MS // 1000 * 2  # 960 samples of PCM16
LEAD_MS = 200
TAIL_MS = 1_000
TIMEOUT = 60.0  # per wait: generous for a loaded two-core machine

Message = dict[str, Any]
T = TypeVar("T")


def silence(ms: int) -> bytes:
    return bytes(RATE * ms // 1000 * 2)


def seconds(pcm: bytes) -> float:
    return len(pcm) / 2 / RATE


class Voice:
    """The shopper's voice: one piper instance, each utterance synthesized once."""

    def __init__(self) -> None:
        self.tts = PiperTts(noise_scale=0.0, noise_w_scale=0.0)  # the same audio every run
        self._cache: dict[str, bytes] = {}

    async def say(self, text: str, lead_ms: int = LEAD_MS) -> bytes:
        """``text`` spoken: PCM16 at 24 kHz after ``lead_ms`` of silence, none after."""
        speech = self._cache.get(text)
        if speech is None:
            pieces: list[bytes] = []
            rate = self.tts.sample_rate
            async for chunk in self.tts.synthesize(text):
                pieces.append(chunk.pcm16)
                rate = chunk.sample_rate
            assert pieces, f"piper produced no audio for {text!r}"
            speech = resample(b"".join(pieces), rate, RATE)
            self._cache[text] = speech
        return silence(lead_ms) + speech

    async def prepare(self, *texts: str) -> None:
        """Synthesize ahead, so no synthesis competes with the engine during a turn."""
        for text in texts:
            await self.say(text)


# ------------------------------------------------------------------------- browser


@dataclass
class Answer:
    """One user turn as the browser saw it."""

    heard: str  # the user's transcript
    said: str  # what the assistant said in its final response
    response_id: str
    tools: list[Message] = field(default_factory=list)  # tool_result messages, in order
    start: int = 0  # index of the turn's first message in Browser.messages

    @property
    def card_kinds(self) -> list[str]:
        return [str((t.get("card") or {}).get("kind")) for t in self.tools]


class Browser:
    """A test browser on ``WS /ws/sessions/{id}``: collects every message and waits on
    conditions over them, woken by each new message."""

    def __init__(self, ws: ClientConnection, session: Message) -> None:
        self.ws = ws
        self.session = session
        self.messages: list[Message] = []
        self.arrived: list[float] = []  # loop time each message arrived
        self._cond = asyncio.Condition()
        self._task = asyncio.create_task(self._pump())

    @property
    def session_id(self) -> str:
        return str(self.session["session_id"])

    async def _pump(self) -> None:
        try:
            async for raw in self.ws:
                message = json.loads(raw)
                async with self._cond:
                    self.messages.append(message)
                    self.arrived.append(asyncio.get_running_loop().time())
                    self._cond.notify_all()
        except websockets.ConnectionClosed:
            pass

    async def send(self, message: Message | str) -> None:
        await self.ws.send(message if isinstance(message, str) else json.dumps(message))

    def mark(self) -> int:
        """The index the next message will get."""
        return len(self.messages)

    async def until(self, check: Callable[[], T | None], within: float = TIMEOUT) -> T:
        """Wait until ``check()`` returns something other than None, and return it."""
        try:
            async with asyncio.timeout(within), self._cond:
                while True:
                    found = check()
                    if found is not None:
                        return found
                    if self._task.done():
                        raise AssertionError("the gateway closed the socket")
                    await self._cond.wait()
        except TimeoutError as exc:
            tail = [_brief(m) for m in self.messages[-25:]]
            raise AssertionError(
                f"nothing matched within {within:g} s; last messages: {tail}"
            ) from exc

    def find(
        self, predicate: Callable[[Message], bool], since: int = 0
    ) -> tuple[int, Message] | None:
        for index in range(since, len(self.messages)):
            if predicate(self.messages[index]):
                return index, self.messages[index]
        return None

    async def wait_for(
        self, predicate: Callable[[Message], bool], since: int = 0, within: float = TIMEOUT
    ) -> tuple[int, Message]:
        """The first message at or after ``since`` matching ``predicate``, and its index."""
        return await self.until(lambda: self.find(predicate, since), within)

    def since(self, index: int, kind: str | None = None) -> list[Message]:
        return [m for m in self.messages[index:] if kind is None or m.get("type") == kind]

    async def microphone(self, pcm: bytes, tail_ms: int = TAIL_MS) -> None:
        """Stream ``pcm`` and ``tail_ms`` of silence as 40 ms pcm16 chunks, in real time."""
        audio = pcm + silence(tail_ms)
        loop = asyncio.get_running_loop()
        start = loop.time()
        for n, offset in enumerate(range(0, len(audio), CHUNK_BYTES)):
            due = start + n * CHUNK_MS / 1000
            if due > loop.time():
                await asyncio.sleep(due - loop.time())
            chunk = audio[offset : offset + CHUNK_BYTES]
            await self.send(
                {
                    "type": "audio_chunk",
                    "data": base64.b64encode(chunk).decode("ascii"),
                    "encoding": "pcm16",
                }
            )

    async def answer(self, since: int, tools: int = 0, within: float = TIMEOUT) -> Answer:
        """The turn that began at ``since``: the user's transcript, ``tools`` tool results,
        then the assistant's final response (the one created after the last tool result),
        once it has completed."""
        heard_at, heard = await self.wait_for(
            lambda m: m["type"] == "user_transcript_completed", since, within
        )
        after = heard_at
        results: list[Message] = []
        for _ in range(tools):
            after, result = await self.wait_for(
                lambda m: m["type"] == "tool_result", after + 1, within
            )
            results.append(result)
        _, created = await self.wait_for(
            lambda m: m["type"] == "response_status" and m["status"] == "in_progress",
            after + 1,
            within,
        )
        response_id = created["response_id"]
        _, done = await self.wait_for(
            lambda m: (
                m["type"] == "response_status"
                and m["response_id"] == response_id
                and m["status"] != "in_progress"
            ),
            after + 1,
            within,
        )
        assert done["status"] == "completed", f"response ended {done['status']}: {done}"
        said = " ".join(
            m["transcript"]
            for m in self.since(after + 1, "assistant_transcript_done")
            if m.get("response_id") == response_id
        )
        return Answer(
            heard=str(heard["transcript"]),
            said=said,
            response_id=str(response_id),
            tools=results,
            start=since,
        )

    async def turn(self, voice: Voice, text: str, tools: int = 0) -> Answer:
        """Say ``text`` and wait for the complete answer."""
        pcm = await voice.say(text)
        since = self.mark()
        await self.microphone(pcm)
        return await self.answer(since, tools)

    async def close(self) -> None:
        await self.ws.close()
        await self._task


def _brief(message: Message) -> Message:
    """A message without its bulky fields, for failure reports."""
    return {k: ("…" if k in ("delta", "card", "payload") else v) for k, v in message.items()}


@asynccontextmanager
async def browser(base_url: str) -> AsyncIterator[Browser]:
    """A new session (``POST /sessions``) and its socket, ready (``session_ready`` seen)."""
    async with httpx.AsyncClient(base_url=base_url, timeout=TIMEOUT) as http:
        created = await http.post("/sessions")
    assert created.status_code == 200, created.text
    session: Message = created.json()
    ws = await websockets.connect(
        base_url.replace("http", "ws", 1) + session["ws_path"],
        subprotocols=["voicecart", session["ws_subprotocol"]],  # type: ignore[list-item]
        open_timeout=TIMEOUT,
        max_size=None,
    )
    client = Browser(ws, session)
    try:
        await client.wait_for(lambda m: m["type"] == "session_ready")
        yield client
    finally:
        await client.close()


async def end_session(base_url: str, session: Message) -> None:
    async with httpx.AsyncClient(base_url=base_url, timeout=TIMEOUT) as http:
        r = await http.delete(
            f"/sessions/{session['session_id']}",
            headers={"Authorization": f"Bearer {session['token']}"},
        )
    assert r.status_code == 200, r.text


# ------------------------------------------------------------------ spoken numbers


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))
