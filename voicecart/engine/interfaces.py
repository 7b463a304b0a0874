"""The engine's replaceable parts, each behind a small interface.

The protocol server (``engine/server.py``) drives these; it never knows which
implementation runs. Audio inside the engine is 16-bit little-endian mono PCM;
each part states the sample rate it takes or gives, and the server resamples.
CPU-heavy work (STT, TTS) must run off the event loop: implementations do that
themselves (``asyncio.to_thread`` or a shared executor), so callers just await.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol


@dataclass(frozen=True)
class VadEvent:
    """Speech began or ended, at ``at_ms`` of the session's input audio timeline."""

    kind: Literal["speech_started", "speech_stopped"]
    at_ms: int


@dataclass(frozen=True)
class VadOptions:
    threshold: float = 0.5
    prefix_padding_ms: int = 300
    silence_duration_ms: int = 500


class StreamingVad(Protocol):
    """Fed the session's input audio as it arrives; reports turn boundaries."""

    sample_rate: int  # the rate ``feed`` expects

    def feed(self, pcm16: bytes) -> list[VadEvent]: ...

    @property
    def silence_since_ms(self) -> float | None:
        """While a turn is open: where the silence that may end it began (None: speaking)."""
        ...

    def reset(self) -> None: ...


class SpeechToText(Protocol):
    sample_rate: int  # the rate ``transcribe`` expects

    async def transcribe(self, pcm16: bytes, *, language: str | None = None) -> str: ...


@dataclass(frozen=True)
class Viseme:
    """Mouth shape ``viseme_id`` (Azure's 0–21 set) starting ``offset_ms`` into the chunk."""

    offset_ms: int
    viseme_id: int


@dataclass(frozen=True)
class SpeechChunk:
    """A piece of synthesized speech: audio plus the mouth shapes that go with it."""

    pcm16: bytes
    sample_rate: int
    text: str = ""
    visemes: Sequence[Viseme] = ()


class TextToSpeech(Protocol):
    def voices(self) -> list[str]: ...

    def synthesize(self, text: str, *, voice: str | None = None) -> AsyncIterator[SpeechChunk]:
        """Stream speech for ``text`` (one sentence or clause at a time)."""
        ...


@dataclass(frozen=True)
class TextDelta:
    text: str


@dataclass(frozen=True)
class FunctionCall:
    name: str
    arguments: str  # JSON object text
    call_id: str = ""


BrainOutput = TextDelta | FunctionCall


@dataclass(frozen=True)
class BrainRequest:
    """Everything a dialog policy may look at to produce the next response.

    ``items`` are conversation items in wire shape (``message`` with ``content``
    parts, ``function_call``, ``function_call_output``), oldest first.
    """

    items: Sequence[dict[str, Any]]
    instructions: str = ""
    tools: Sequence[dict[str, Any]] = ()
    tool_choice: str | dict[str, Any] = "auto"
    temperature: float | None = None
    max_output_tokens: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class Brain(Protocol):
    """Decides what the assistant says or which function it calls next."""

    def respond(self, request: BrainRequest) -> AsyncIterator[BrainOutput]: ...
