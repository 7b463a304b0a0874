"""The parts the engine drives, how they are found, and the audio formats around them.

``Parts`` holds one of each part, or ``None`` with the reason it is unavailable: the
engine never swaps in a fake on its own. ``build_parts(settings)`` imports the real
implementations (Silero VAD, faster-whisper, piper, the retail dialog manager or the
OpenAI-compatible brain) and constructs them; ``LazyParts`` does that once, in a worker
thread, the first time a connection needs them, so starting the server stays instant.

Contract for a real part module (``voicecart.engine.vad`` …): it exposes one of the class
or factory names listed in ``_CANDIDATES``; it is called with the keyword arguments it
declares among ``settings`` (the ``Settings``) and, for the VAD, ``options``
(``VadOptions``). VADs and brains are built once per connection (they may keep state);
STT and TTS are shared by every connection.

``InputAudio`` and ``OutputAudio`` put the protocol's wire audio (PCM16 at 8/16/24 kHz,
G.711 at 8 kHz; codecs and resampling from ``engine/audio.py``) on the session's timeline
and cut assistant speech into frames; ``split_ready`` cuts brain text into sentences.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import logging
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal, Protocol, cast

from voicecart.config import Settings
from voicecart.engine.audio import OUTPUT_FORMAT_RATES, StreamResampler, decode_input, encode_output
from voicecart.engine.interfaces import (
    Brain,
    SpeechToText,
    StreamingVad,
    TextToSpeech,
    VadOptions,
    Viseme,
)

log = logging.getLogger(__name__)

VadFactory = Callable[[VadOptions, int], StreamingVad]  # (options, input sample rate)
BrainFactory = Callable[[], Brain]

PART_NAMES: Final = ("vad", "stt", "tts", "brain")
_PART_LABELS: Final = {
    "vad": "voice activity detection (server_vad)",
    "stt": "speech-to-text",
    "tts": "text-to-speech",
    "brain": "the dialog brain",
}


@dataclass(frozen=True)
class Parts:
    """One engine's parts; ``problems`` says why a missing one is missing."""

    vad: VadFactory | None = None
    stt: SpeechToText | None = None
    tts: TextToSpeech | None = None
    brain: BrainFactory | None = None
    problems: Mapping[str, str] = field(default_factory=dict)

    def available(self, name: str) -> bool:
        return getattr(self, name) is not None

    def unavailable_message(self, name: str) -> str:
        why = self.problems.get(name) or "not installed"
        return f"The local engine has no {_PART_LABELS.get(name, name)}: {why}."

    def status(self) -> dict[str, str]:
        """``{"vad": "ok", "stt": "unavailable: …", …}`` for health pages."""
        return {
            name: "ok" if self.available(name) else f"unavailable: {self.problems.get(name, '')}"
            for name in PART_NAMES
        }


class PartsProvider(Protocol):
    async def get(self) -> Parts: ...


class StaticParts:
    """Parts given up front (tests, embedding)."""

    def __init__(self, parts: Parts) -> None:
        self._parts = parts

    async def get(self) -> Parts:
        return self._parts


class LazyParts:
    """Builds the real parts once, off the event loop, on first use."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._parts: Parts | None = None
        self._lock = asyncio.Lock()

    @property
    def built(self) -> Parts | None:
        """The parts, once built (without building them)."""
        return self._parts

    async def get(self) -> Parts:
        if self._parts is None:
            async with self._lock:
                if self._parts is None:
                    parts = await asyncio.to_thread(build_parts, self._settings)
                    await warm_up(parts)
                    self._parts = parts
        return self._parts


async def warm_up(parts: Parts) -> None:
    """Run each part's optional ``warmup()`` so the first turn is not the slow one."""
    for part in (parts.stt, parts.tts):
        warmup = getattr(part, "warmup", None)
        if warmup is None:
            continue
        try:
            await warmup()
        except Exception:  # a failed warm-up shows up again, and is reported, on real use
            log.warning("engine part warm-up failed", exc_info=True)


# ---------------------------------------------------------------------- discovery

# Each part's factory; a part whose module or model cannot load is reported by name.
_CANDIDATES: Final[dict[str, tuple[tuple[str, tuple[str, ...]], ...]]] = {
    "vad": (("voicecart.engine.vad", ("create_vad",)),),
    "stt": (("voicecart.engine.stt", ("create_stt",)),),
    "tts": (("voicecart.engine.tts", ("create_tts",)),),
    # create_brain picks the OpenAI-compatible brain when brain_llm_* are set.
    "brain": (("voicecart.engine.brain", ("create_brain",)),),
}


def _find(module_name: str, names: tuple[str, ...]) -> Callable[..., Any]:
    module = importlib.import_module(module_name)
    for name in names:
        found = getattr(module, name, None)
        if callable(found):
            return cast(Callable[..., Any], found)
    raise LookupError(f"{module_name} has none of {', '.join(names)}")


def _call(factory: Callable[..., Any], **available: Any) -> Any:
    """Call ``factory`` with the keyword arguments it declares among ``available``."""
    try:
        params = inspect.signature(factory).parameters
    except (TypeError, ValueError):
        return factory()
    return factory(**{k: v for k, v in available.items() if k in params})


def _locate(name: str, settings: Settings) -> Callable[..., Any]:
    candidates = _CANDIDATES[name]
    errors: list[str] = []
    for module_name, names in candidates:
        try:
            return _find(module_name, names)
        except (ImportError, LookupError) as exc:
            errors.append(str(exc))
    raise LookupError("; ".join(errors))


def build_parts(settings: Settings) -> Parts:
    """The real parts that can be imported and constructed here (blocking: loads models)."""
    problems: dict[str, str] = {}
    built: dict[str, Any] = {}
    for name in PART_NAMES:
        try:
            factory = _locate(name, settings)
            if name == "vad":
                _call(factory, settings=settings, options=VadOptions())  # fail now, not later
                built[name] = _vad_factory(factory, settings)
            elif name == "brain":
                _call(factory, settings=settings)
                built[name] = _brain_factory(factory, settings)
            else:
                built[name] = _call(factory, settings=settings)
        except Exception as exc:  # an import or model-loading failure of one part
            problems[name] = f"{type(exc).__name__}: {exc}"
            log.warning("engine part unavailable", extra={"part": name, "reason": problems[name]})
    return Parts(
        vad=built.get("vad"),
        stt=built.get("stt"),
        tts=built.get("tts"),
        brain=built.get("brain"),
        problems=problems,
    )


def _vad_factory(factory: Callable[..., Any], settings: Settings) -> VadFactory:
    def make(options: VadOptions, input_rate: int) -> StreamingVad:
        made = _call(factory, settings=settings, options=options, input_rate=input_rate)
        return cast(StreamingVad, made)

    return make


def _brain_factory(factory: Callable[..., Any], settings: Settings) -> BrainFactory:
    def make() -> Brain:
        return cast(Brain, _call(factory, settings=settings))

    return make


# ---------------------------------------------------------------------- audio formats

INPUT_RATES: Final = (8000, 16000, 24000)
TURN_TAIL_MS: Final = 100  # audio kept after the VAD's stop point, for the STT


def output_width(fmt: str) -> int:
    """Bytes per sample on the wire for an ``output_audio_format``."""
    return 1 if fmt.startswith("g711") else 2


# ---------------------------------------------------------------------- input audio


@dataclass(frozen=True)
class Turn:
    """What the VAD found in the input: speech began (``at_ms`` includes the prefix padding,
    as the VAD reports it), or ended with ``audio`` (the turn's audio at the STT's rate)."""

    kind: Literal["speech_started", "speech_stopped"]
    at_ms: int
    audio: bytes = b""


class InputAudio:
    """One session's input audio: decoded, placed on the session's timeline (ms since the
    first sample), buffered at the STT's rate and, with server VAD, fed to a VAD.

    While nobody speaks only the newest ``prefix padding + idle_keep_ms`` are kept;
    without server VAD the buffer holds at most ``manual_keep_ms``.
    """

    def __init__(
        self,
        stt_rate: int,
        vad_factory: VadFactory | None,
        *,
        idle_keep_ms: float = 1500,
        manual_keep_ms: float = 10 * 60 * 1000,
    ) -> None:
        self.stt_rate = stt_rate
        self.now_ms = 0.0
        self.in_speech = False
        self._vad_factory = vad_factory
        self._idle_keep_ms = idle_keep_ms
        self._manual_keep_ms = manual_keep_ms
        self._format = "pcm16"
        self._rate = 24000
        self._vad_options: VadOptions | None = None
        self._to_stt = StreamResampler(self._rate, stt_rate)
        self._vad: StreamingVad | None = None
        self._to_vad: StreamResampler | None = None
        self._vad_origin_ms = 0.0
        self._data = bytearray()
        self._start_ms = 0.0  # timeline position of ``_data[0]``
        self._speech_start_ms = 0.0

    @property
    def vad_missing(self) -> bool:
        """Server VAD is on but there is no VAD part."""
        return self._vad_options is not None and self._vad_factory is None

    def configure(self, fmt: str, rate: int, vad: VadOptions | None) -> None:
        """Apply the session's input settings; a change of rate or VAD starts a fresh VAD."""
        self._format = fmt
        restart = vad != self._vad_options
        if rate != self._rate:
            self._data.extend(self._to_stt.flush())
            self._rate = rate
            self._to_stt = StreamResampler(rate, self.stt_rate)
            restart = True
        self._vad_options = vad
        if restart:
            self._restart_vad()

    def append(self, data: bytes) -> list[Turn]:
        """Wire bytes in; the turns the VAD found. ``ValueError`` for a half PCM16 sample."""
        if self._format == "pcm16" and len(data) % 2:
            raise ValueError("PCM16 audio must have an even number of bytes (16-bit samples)")
        pcm = decode_input(data, self._format)
        self.now_ms += len(pcm) / 2 / self._rate * 1000
        self._data.extend(self._to_stt.process(pcm))
        turns: list[Turn] = []
        if self._vad is not None and self._to_vad is not None and self._vad_options is not None:
            for found in self._vad.feed(self._to_vad.process(pcm)):
                at_ms = int(self._vad_origin_ms + found.at_ms)
                if found.kind == "speech_started" and not self.in_speech:
                    self.in_speech = True  # the VAD's start already has the prefix padding
                    self._speech_start_ms = at_ms
                    turns.append(Turn("speech_started", at_ms))
                elif found.kind == "speech_stopped" and self.in_speech:
                    self.in_speech = False
                    audio = self._take(self._speech_start_ms, at_ms + TURN_TAIL_MS)
                    turns.append(Turn("speech_stopped", at_ms, audio))
        if not self.in_speech:
            options = self._vad_options
            keep = options.prefix_padding_ms + self._idle_keep_ms if options else None
            self._keep_last(keep or self._manual_keep_ms)
        return turns

    def settling_turn(self, silent_for_ms: float) -> tuple[int, bytes] | None:
        """The turn the VAD will end if the current silence lasts: ``(stop_ms, audio)``
        once it has lasted ``silent_for_ms``, else None. The audio is exactly what
        ``append`` will hand out with that ``speech_stopped``; nothing is consumed."""
        if not self.in_speech or self._vad is None:
            return None
        since = self._vad.silence_since_ms
        if since is None:
            return None
        stop_ms = int(self._vad_origin_ms + math.floor(since))
        if self.now_ms - stop_ms < max(silent_for_ms, TURN_TAIL_MS + 50):
            return None
        start, end = self._offset(self._speech_start_ms), self._offset(stop_ms + TURN_TAIL_MS)
        return stop_ms, bytes(self._data[start:end])

    def commit(self) -> bytes:
        """Everything buffered (a commit by hand); a turn in progress ends here."""
        self._data.extend(self._to_stt.flush())
        audio = bytes(self._data)
        self._drop_front(len(self._data))
        if self.in_speech:
            self._restart_vad()
        return audio

    def clear(self) -> None:
        self._data.clear()
        self._start_ms = self.now_ms
        self._to_stt = StreamResampler(self._rate, self.stt_rate)
        if self.in_speech:
            self._restart_vad()

    def _restart_vad(self) -> None:
        self.in_speech = False
        self._vad = self._to_vad = None
        if self._vad_options is not None and self._vad_factory is not None:
            self._vad = self._vad_factory(self._vad_options, self._rate)
            self._to_vad = StreamResampler(self._rate, self._vad.sample_rate)
            self._vad_origin_ms = self.now_ms

    def _offset(self, ms: float) -> int:
        samples = int((ms - self._start_ms) * self.stt_rate / 1000)
        return max(0, min(len(self._data), samples * 2))

    def _take(self, start_ms: float, end_ms: float) -> bytes:
        """Audio between two timeline points; everything before ``end_ms`` is dropped."""
        start, end = self._offset(start_ms), self._offset(end_ms)
        audio = bytes(self._data[start:end])
        self._drop_front(end)
        return audio

    def _keep_last(self, keep_ms: float, slack_ms: float = 500) -> None:
        duration_ms = len(self._data) / 2 / self.stt_rate * 1000
        if duration_ms > keep_ms + slack_ms:  # in steps, not on every append
            self._drop_front(self._offset(self._start_ms + duration_ms - keep_ms))

    def _drop_front(self, n_bytes: int) -> None:
        n_bytes -= n_bytes % 2
        if n_bytes > 0:
            del self._data[:n_bytes]
            self._start_ms += n_bytes / 2 / self.stt_rate * 1000


# ---------------------------------------------------------------------- output audio


Frame = tuple[bytes, list[tuple[int, int]]]  # wire bytes, [(audio_offset_ms, viseme_id)]


class OutputAudio:
    """Assistant speech -> wire frames: resampled to the output format's rate, encoded,
    cut into ``chunk_ms`` pieces, each with the visemes that start inside it."""

    def __init__(self, fmt: str, chunk_ms: int = 100) -> None:
        self.format = fmt if fmt in OUTPUT_FORMAT_RATES else "pcm16"
        self.rate, self.width = OUTPUT_FORMAT_RATES[self.format], output_width(self.format)
        self.frame_bytes = self.rate * chunk_ms // 1000 * self.width
        self.produced_ms = 0.0  # audio received from the TTS
        self.sent_ms = 0.0  # audio handed out as frames
        self._pending = bytearray()
        self._resampler: StreamResampler | None = None
        self._visemes: list[tuple[int, int]] = []

    def add(self, pcm16: bytes, sample_rate: int, visemes: Sequence[Viseme] = ()) -> None:
        base = self.produced_ms
        self._visemes.extend((round(base + v.offset_ms), v.viseme_id) for v in visemes)
        self.produced_ms += len(pcm16) / 2 / sample_rate * 1000
        if self._resampler is None or self._resampler.src_rate != sample_rate:
            self._pending.extend(self._encode(self._resampler.flush() if self._resampler else b""))
            self._resampler = StreamResampler(sample_rate, self.rate)
        self._pending.extend(self._encode(self._resampler.process(pcm16)))

    def frames(self, *, final: bool = False) -> list[Frame]:
        """Whole frames ready now; with ``final`` also the remainder (and late visemes)."""
        out: list[Frame] = []
        while len(self._pending) >= self.frame_bytes or (final and self._pending):
            data = bytes(self._pending[: self.frame_bytes])
            del self._pending[: len(data)]
            end_ms = self.sent_ms + len(data) / self.width / self.rate * 1000
            out.append((data, self._take_visemes(end_ms)))
            self.sent_ms = end_ms
        if final and self._visemes:
            if out:
                out[-1][1].extend(self._take_visemes(float("inf")))
            else:
                out.append((b"", self._take_visemes(float("inf"))))
        return out

    def finish(self) -> list[Frame]:
        if self._resampler is not None:
            self._pending.extend(self._encode(self._resampler.flush()))
            self._resampler = None
        return self.frames(final=True)

    def _take_visemes(self, before_ms: float) -> list[tuple[int, int]]:
        ready = [v for v in self._visemes if v[0] < before_ms]
        self._visemes = [v for v in self._visemes if v[0] >= before_ms]
        return ready

    def _encode(self, pcm16: bytes) -> bytes:
        return encode_output(pcm16, self.format) if pcm16 else b""


# ---------------------------------------------------------------------- text for speech

_SENTENCE_END = re.compile(r"(?<=[.!?…:;])[\"')\]]*\s+|\n+")
MAX_CLAUSE_CHARS: Final = 160


def split_ready(text: str) -> tuple[list[str], str]:
    """Complete sentences at the start of ``text`` (each with its trailing space) and the
    unfinished rest. A run-on longer than ``MAX_CLAUSE_CHARS`` is cut at a comma or space,
    so speech can start before the brain finishes a long sentence."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        pieces.append(text[start : match.end()])
        start = match.end()
    rest = text[start:]
    while len(rest) > MAX_CLAUSE_CHARS:
        cut = max(rest.rfind(", ", 0, MAX_CLAUSE_CHARS), rest.rfind(" ", 0, MAX_CLAUSE_CHARS))
        if cut <= 0:
            break
        pieces.append(rest[: cut + 1])
        rest = rest[cut + 1 :]
    return pieces, rest


Mark = tuple[int, str, str]  # (audio end ms, transcript so far, this sentence)


def heard(marks: list[Mark], audio_end_ms: int) -> str:
    """What was heard by ``audio_end_ms``: whole sentences, then the same share of the
    words of the sentence playing at that moment."""
    said, start = "", 0
    for end_ms, so_far, sentence in marks:
        if end_ms <= audio_end_ms:
            said, start = so_far, end_ms
            continue
        words = sentence.split()
        spoken = words[: int(len(words) * (audio_end_ms - start) / max(1, end_ms - start))]
        return " ".join([said, *spoken]).strip()
    return said
