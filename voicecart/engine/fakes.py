"""Simple, deterministic stand-ins for the engine's parts (tests and development only).

The engine never picks these on its own: tests pass them in (``fake_parts()``). They are
small but honest implementations of the interfaces: the VAD measures energy, the STT
returns preset transcripts, the TTS makes a tone as long as the text with a viseme per
word, and the brain follows a short script of rules.
"""

from __future__ import annotations

import asyncio
import json
import math
import re
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from voicecart.engine.audio import pcm16_to_array
from voicecart.engine.interfaces import (
    BrainOutput,
    BrainRequest,
    FunctionCall,
    SpeechChunk,
    TextDelta,
    VadEvent,
    VadOptions,
    Viseme,
)
from voicecart.engine.parts import Parts


class EnergyVad:
    """Speech = 20 ms frames whose RMS is above ``level``; ends after the silence duration.

    Like the real VAD, ``speech_started`` is reported ``prefix_padding_ms`` early (the start
    of the audio the turn keeps) and ``speech_stopped`` at the end of the last loud frame.
    """

    def __init__(
        self, options: VadOptions, *, sample_rate: int = 16000, level: float = 500.0
    ) -> None:
        self.sample_rate = sample_rate
        self.options = options
        # threshold 0.5 -> level; a higher threshold asks for louder speech.
        self.level = level * (0.5 + options.threshold)
        self._frame = sample_rate // 50
        self._pending = b""
        self._ms = 0
        self._speaking = False
        self._last_voice_ms = 0
        self._stopped_ms = 0

    @property
    def silence_since_ms(self) -> float | None:
        """Where the silence after the last loud frame began, while a turn is open."""
        if not self._speaking or self._ms == self._last_voice_ms:
            return None
        return float(self._last_voice_ms)

    def reset(self) -> None:
        self._pending = b""
        self._speaking = False

    def feed(self, pcm16: bytes) -> list[VadEvent]:
        events: list[VadEvent] = []
        data = self._pending + pcm16
        step = self._frame * 2
        whole = len(data) - len(data) % step
        self._pending = data[whole:]
        for start in range(0, whole, step):
            samples = pcm16_to_array(data[start : start + step]).astype(np.float64)
            loud = math.sqrt(float(np.mean(samples * samples))) > self.level
            begin = self._ms
            self._ms += 20
            if loud:
                self._last_voice_ms = self._ms
                if not self._speaking:
                    self._speaking = True
                    start = max(0, begin - self.options.prefix_padding_ms, self._stopped_ms)
                    events.append(VadEvent("speech_started", start))
            elif (
                self._speaking
                and self._ms - self._last_voice_ms >= self.options.silence_duration_ms
            ):
                self._speaking = False
                self._stopped_ms = self._last_voice_ms
                events.append(VadEvent("speech_stopped", self._last_voice_ms))
        return events


class ScriptedStt:
    """Returns the preset transcripts in order (then ``default``) after ``delay`` seconds;
    records what it heard."""

    def __init__(
        self, transcripts: Sequence[str] = (), *, default: str = "", delay: float = 0.0
    ) -> None:
        self.sample_rate = 16000
        self.delay = delay
        self.transcripts = list(transcripts)
        self.default = default
        self.heard: list[bytes] = []
        self.languages: list[str | None] = []

    async def transcribe(self, pcm16: bytes, *, language: str | None = None) -> str:
        await asyncio.sleep(self.delay)
        self.heard.append(pcm16)
        self.languages.append(language)
        return self.transcripts.pop(0) if self.transcripts else self.default


class ToneTts:
    """A quiet sine tone ``ms_per_word`` long per word, one viseme per word.

    ``chunks`` pieces per call; ``delay`` seconds of "synthesis" before each piece, so a
    test can cancel mid-sentence.
    """

    def __init__(
        self,
        *,
        sample_rate: int = 22050,
        ms_per_word: int = 200,
        chunks: int = 1,
        delay: float = 0.0,
        amplitude: int = 3000,
    ) -> None:
        self.sample_rate = sample_rate
        self.ms_per_word = ms_per_word
        self.chunks = max(1, chunks)
        self.delay = delay
        self.amplitude = amplitude
        self.spoken: list[tuple[str, str | None]] = []

    def voices(self) -> list[str]:
        return ["tone", "tone-low"]

    async def synthesize(
        self, text: str, *, voice: str | None = None
    ) -> AsyncIterator[SpeechChunk]:
        self.spoken.append((text, voice))
        words = text.split() or [""]
        per_chunk = math.ceil(len(words) / self.chunks)
        hz = 220.0 if voice == "tone-low" else 440.0
        done = 0
        for first in range(0, len(words), per_chunk):
            if self.delay:
                await asyncio.sleep(self.delay)
            group = words[first : first + per_chunk]
            n = self.sample_rate * self.ms_per_word * len(group) // 1000
            t = (np.arange(n) + done) / self.sample_rate
            done += n
            wave = (self.amplitude * np.sin(2 * math.pi * hz * t)).astype(np.int16)
            visemes = [
                Viseme(offset_ms=i * self.ms_per_word, viseme_id=sum(map(ord, w)) % 22)
                for i, w in enumerate(group)
            ]
            yield SpeechChunk(
                wave.astype("<i2").tobytes(), self.sample_rate, " ".join(group), visemes
            )


@dataclass
class Rule:
    """``pattern`` (regex, case-insensitive) on the last user text; say ``reply`` and/or
    call ``call`` = (name, arguments); after the call's output, say ``after_tool``
    (``{output}`` is replaced by the output)."""

    pattern: str
    reply: str | None = None
    call: tuple[str, dict[str, Any]] | None = None
    after_tool: str | None = None


@dataclass
class ScriptedBrain:
    """Follows ``rules``; streams replies word by word (``delay`` s apart)."""

    rules: list[Rule] = field(default_factory=list)
    default_reply: str = "Sorry, could you say that again?"
    delay: float = 0.0
    requests: list[BrainRequest] = field(default_factory=list)

    async def respond(self, request: BrainRequest) -> AsyncIterator[BrainOutput]:
        self.requests.append(request)
        latest = request.items[-1] if request.items else {}
        user = last_user_text(request.items)
        if latest.get("type") == "function_call_output":
            output = str(latest.get("output", ""))
            rule = next((r for r in self.rules if r.after_tool and _hit(r, user)), None)
            reply = rule.after_tool.replace("{output}", output) if rule and rule.after_tool else ""
            async for delta in self._say(reply or self.default_reply):
                yield delta
            return
        rule = next((r for r in self.rules if _hit(r, user)), None)
        if rule is None:
            async for delta in self._say(self.default_reply):
                yield delta
            return
        if rule.reply:
            async for delta in self._say(rule.reply):
                yield delta
        if rule.call is not None:
            name, arguments = rule.call
            yield FunctionCall(name=name, arguments=json.dumps(arguments))

    async def _say(self, text: str) -> AsyncIterator[TextDelta]:
        for piece in re.findall(r"\S+\s*", text):
            if self.delay:
                await asyncio.sleep(self.delay)
            yield TextDelta(piece)


def _hit(rule: Rule, text: str) -> bool:
    return re.search(rule.pattern, text, re.IGNORECASE) is not None


def last_user_text(items: Sequence[dict[str, Any]]) -> str:
    """The text (or transcript) of the newest user message."""
    for item in reversed(items):
        if item.get("type") == "message" and item.get("role") == "user":
            texts = [
                p.get("text") if p.get("type") == "input_text" else p.get("transcript")
                for p in item.get("content") or []
            ]
            return " ".join(t for t in texts if isinstance(t, str))
    return ""


def fake_parts(
    *,
    transcripts: Sequence[str] = (),
    rules: Sequence[Rule] = (),
    tts: ToneTts | None = None,
    brain: ScriptedBrain | None = None,
    stt: ScriptedStt | None = None,
    vad_level: float = 500.0,
) -> Parts:
    """A full set of fakes; pass your own instances to inspect them afterwards."""
    the_brain = brain or ScriptedBrain(rules=list(rules))

    def vad(options: VadOptions, input_rate: int) -> EnergyVad:
        return EnergyVad(options, sample_rate=input_rate, level=vad_level)

    return Parts(
        vad=vad,
        stt=stt or ScriptedStt(transcripts),
        tts=tts or ToneTts(),
        brain=lambda: the_brain,
    )
