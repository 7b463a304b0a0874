"""Drive an ``EngineSession`` directly: send client events, wait for server events.

Every server event is checked with the shared strict validator when it can be imported
(``$VOICECART_PROTOCOL_DIR`` or ``/work/shared/protocol``); the integration suite is the
one that insists on it.
"""

from __future__ import annotations

import asyncio
import base64
import json
import math
from collections.abc import Callable
from typing import Any

import numpy as np

from tests.fakes.voicelive_server import (
    ProtocolValidatorMissing,
    Validator,
    is_soft_protocol_complaint,
    load_protocol_validator,
)
from voicecart.engine.parts import Parts
from voicecart.engine.session import EngineSession

Event = dict[str, Any]

try:
    _VALIDATOR: Validator | None = load_protocol_validator()
except ProtocolValidatorMissing:
    _VALIDATOR = None


def tone(ms: int, rate: int = 24000, amplitude: int = 8000, hz: float = 300.0) -> bytes:
    n = rate * ms // 1000
    wave = amplitude * np.sin(2 * math.pi * hz * np.arange(n) / rate)
    return wave.astype("<i2").tobytes()


def silence(ms: int, rate: int = 24000) -> bytes:
    return b"\0\0" * (rate * ms // 1000)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class Harness:
    """One ``EngineSession`` wired to a list of received events."""

    def __init__(self, parts: Parts, *, chunk_ms: int = 100) -> None:
        self.events: list[Event] = []
        self.protocol_errors: list[str] = []
        self._changed = asyncio.Event()
        self.session = EngineSession(parts, self._receive, chunk_ms=chunk_ms)
        self._cursor = 0

    async def _receive(self, event: Event) -> None:
        wire = json.loads(json.dumps(event))
        if _VALIDATOR is not None:
            _, errors = _VALIDATOR(wire)
            self.protocol_errors += [e for e in errors if not is_soft_protocol_complaint(e, wire)]
        self.events.append(wire)
        self._changed.set()

    async def __aenter__(self) -> Harness:
        await self.session.start()
        await self.next("session.created")
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.session.close()
        assert not self.protocol_errors, self.protocol_errors

    async def send(self, event: Event) -> None:
        await self.session.handle(event)

    async def append(self, pcm: bytes, chunk_ms: int = 100, rate: int = 24000) -> None:
        step = rate * chunk_ms // 1000 * 2
        for start in range(0, len(pcm), step):
            await self.send(
                {"type": "input_audio_buffer.append", "audio": b64(pcm[start : start + step])}
            )

    async def speak(self, speech_ms: int = 600, pause_ms: int = 800, rate: int = 24000) -> None:
        """Speech then silence, in 100 ms appends (server VAD ends the turn)."""
        await self.append(tone(speech_ms, rate) + silence(pause_ms, rate), rate=rate)

    async def wait(self, match: Callable[[Event], bool], within: float = 5.0) -> Event:
        """The first event at or after the cursor that matches; moves the cursor past it."""
        async with asyncio.timeout(within):
            while True:
                for index in range(self._cursor, len(self.events)):
                    if match(self.events[index]):
                        self._cursor = index + 1
                        return self.events[index]
                self._changed.clear()
                await self._changed.wait()

    async def next(self, kind: str, within: float = 5.0) -> Event:
        return await self.wait(lambda e: e["type"] == kind, within)

    async def error(self, within: float = 5.0) -> Event:
        error: Event = (await self.next("error", within))["error"]
        return error

    async def settle(self, seconds: float = 0.05) -> None:
        await asyncio.sleep(seconds)

    def types(self, start: int = 0) -> list[str]:
        return [e["type"] for e in self.events[start:]]

    def of(self, kind: str) -> list[Event]:
        return [e for e in self.events if e["type"] == kind]
