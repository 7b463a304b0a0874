"""The engine's real speech parts together: piper TTS, Whisper STT, Silero VAD.

Models load once per module (about a second each) and nothing downloads: every model comes
from an installed wheel.
"""

from __future__ import annotations

import asyncio
import os
import re
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from text_to_num import alpha2digit

from voicecart.engine import stt as stt_module
from voicecart.engine import tts as tts_module
from voicecart.engine import vad as vad_module
from voicecart.engine.audio import pcm16_to_array, resample, ulaw_decode, ulaw_encode
from voicecart.engine.interfaces import SpeechChunk, VadEvent, VadOptions
from voicecart.engine.stt import WhisperStt
from voicecart.engine.tts import EspeakTts, PiperTts
from voicecart.engine.vad import EnergyVad, SileroVad

pytestmark = [pytest.mark.integration]

os.environ.setdefault("HF_HUB_OFFLINE", "1")

SENTENCE = "I would like to buy running shoes under fifty dollars."
STORY = (
    "Thanks for calling Contoso. I found three pairs of running shoes under fifty dollars. "
    "The first one costs $44.99 and comes in blue. Shall I add it to your cart?"
)


@pytest.fixture(scope="module")
def tts() -> PiperTts:
    engine = PiperTts(noise_scale=0.0, noise_w_scale=0.0)  # repeatable: the same audio every run
    engine.load()
    return engine


@pytest.fixture(scope="module")
def stt() -> WhisperStt:
    engine = WhisperStt()
    engine.load()
    engine._warmup_sync()  # first inference allocates buffers; keep it out of the timings
    return engine


@pytest.fixture(scope="module")
def sentence_audio(tts: PiperTts) -> SpeechChunk:
    """SENTENCE spoken by piper (22,050 Hz), synthesized once for the module."""
    return tts.synthesize_piece(SENTENCE)


def words(text: str) -> list[str]:
    text = re.sub(r"\$(\d+(?:\.\d+)?)", r"\1 dollars", text)
    text = alpha2digit(text.lower(), "en")
    return re.findall(r"[a-z0-9']+", text)


def word_error_rate(reference: str, hypothesis: str) -> float:
    ref, hyp = words(reference), words(hypothesis)
    dist = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, dist[0] = dist[0], i
        for j, h in enumerate(hyp, 1):
            prev, dist[j] = dist[j], min(dist[j] + 1, dist[j - 1] + 1, prev + (r != h))
    return dist[len(hyp)] / max(1, len(ref))


def test_wer_helper() -> None:
    assert word_error_rate("under fifty dollars", "Under $50.") == 0.0
    assert word_error_rate("a b c d e", "a x c d") == pytest.approx(0.4)


# ------------------------------------------------------------------------------ TTS -> STT


async def test_tts_then_stt_round_trip(tts: PiperTts, stt: WhisperStt) -> None:
    chunks = [chunk async for chunk in tts.synthesize(SENTENCE, voice="en-US-AvaNeural")]
    assert chunks and all(c.sample_rate == tts.sample_rate == 22050 for c in chunks)
    speech = b"".join(c.pcm16 for c in chunks)
    assert 1.5 < len(speech) / 2 / 22050 < 5.0
    assert stt.sample_rate == 16000
    text = await stt.transcribe(resample(speech, 22050, 16000), language="en")
    assert text == text.strip() and text
    assert word_error_rate(SENTENCE, text) <= 0.2, text


async def test_stt_returns_nothing_for_silence_and_tiny_input(stt: WhisperStt) -> None:
    assert await stt.transcribe(b"") == ""
    assert await stt.transcribe(bytes(32000 * 2)) == ""  # 2 s of digital silence
    assert await stt.transcribe(bytes(100)) == ""


async def test_stt_through_telephone_quality_audio(
    stt: WhisperStt, sentence_audio: SpeechChunk
) -> None:
    # g711 μ-law at 8 kHz in, as a phone caller would send it
    wire = ulaw_encode(resample(sentence_audio.pcm16, 22050, 8000))
    text = await stt.transcribe(resample(ulaw_decode(wire), 8000, 16000))
    assert word_error_rate(SENTENCE, text) <= 0.3, text


async def test_two_transcriptions_queue_off_the_event_loop(
    stt: WhisperStt, sentence_audio: SpeechChunk
) -> None:
    audio16k = resample(sentence_audio.pcm16, 22050, 16000)
    gaps: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        last = time.perf_counter()
        while not done.is_set():
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    ticking = asyncio.create_task(ticker())
    await asyncio.sleep(0.05)
    started = time.perf_counter()
    first, second = await asyncio.gather(stt.transcribe(audio16k), stt.transcribe(audio16k))
    elapsed = time.perf_counter() - started
    done.set()
    await ticking
    assert first == second and word_error_rate(SENTENCE, first) <= 0.2
    assert len(gaps) >= 10, "the ticker hardly ran"
    assert max(gaps) < 0.1, f"event loop blocked for {max(gaps) * 1000:.0f} ms"
    print(f"two queued transcriptions: {elapsed:.2f} s; longest loop gap {max(gaps) * 1000:.0f} ms")


async def test_warmup_coroutines(tts: PiperTts, stt: WhisperStt) -> None:
    await stt.warmup()
    await tts.warmup()


# ------------------------------------------------------------------------------ TTS streaming


async def test_tts_yields_the_first_chunk_before_the_rest_is_synthesized(
    tts: PiperTts, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real = tts.synthesize_piece

    def traced(text: str) -> SpeechChunk:
        events.append(f"start {text.strip()[:12]}")
        chunk = real(text)
        events.append(f"done {text.strip()[:12]}")
        return chunk

    monkeypatch.setattr(tts, "synthesize_piece", traced)
    chunks: list[SpeechChunk] = []
    async for chunk in tts.synthesize(STORY):
        events.append(f"yield {chunk.text.strip()[:12]}")
        chunks.append(chunk)

    assert len(chunks) == 4
    assert "".join(c.text for c in chunks) == STORY
    assert "$44.99" in chunks[2].text
    first_yield = events.index(f"yield {chunks[0].text.strip()[:12]}")
    last_done = events.index(f"done {chunks[-1].text.strip()[:12]}")
    assert first_yield < last_done, events
    # never more than one piece ahead: piece 3 starts only after piece 1 was handed out
    assert events.index(f"start {chunks[2].text.strip()[:12]}") > first_yield, events


async def test_tts_stops_when_the_consumer_stops(
    tts: PiperTts, monkeypatch: pytest.MonkeyPatch
) -> None:
    spoken: list[str] = []
    real = tts.synthesize_piece

    def traced(text: str) -> SpeechChunk:
        spoken.append(text)
        return real(text)

    monkeypatch.setattr(tts, "synthesize_piece", traced)
    stream = tts.synthesize(STORY)
    async for _ in stream:
        break  # barge-in after the first chunk
    await stream.aclose()  # type: ignore[attr-defined]
    await asyncio.sleep(0.5)
    assert len(spoken) <= 2  # the first, and at most the one already queued


async def test_visemes_present_and_within_the_audio(tts: PiperTts) -> None:
    async for chunk in tts.synthesize(STORY):
        duration_ms = len(chunk.pcm16) / 2 / chunk.sample_rate * 1000
        assert chunk.visemes, chunk.text
        offsets = [v.offset_ms for v in chunk.visemes]
        assert offsets[0] == 0 and offsets == sorted(set(offsets))
        assert offsets[-1] < duration_ms
        assert all(0 <= v.viseme_id <= 21 for v in chunk.visemes)
        spoken = [v for v in chunk.visemes if v.viseme_id != 0]
        assert len(spoken) >= duration_ms / 1000 * 4, "too few mouth shapes for the speech"
        # the mouth moves only where there is sound
        samples = pcm16_to_array(chunk.pcm16)
        first_loud_ms = np.nonzero(np.abs(samples) > 1000)[0][0] * 1000 / chunk.sample_rate
        assert spoken[0].offset_ms >= first_loud_ms - 60


def test_voices(tts: PiperTts) -> None:
    voices = tts.voices()
    assert voices[0] == "en-US-joe"
    assert {"alloy", "en-US-AvaNeural"} <= set(voices)


# ------------------------------------------------------------------------------ VAD


def _speech_edges_ms(pcm16: bytes, rate: int) -> tuple[float, float]:
    x = np.abs(pcm16_to_array(pcm16).astype(np.int32))
    loud = np.nonzero(x > 0.02 * 32768)[0]
    return loud[0] * 1000 / rate, loud[-1] * 1000 / rate


def _padded(sentence_audio: SpeechChunk, rate: int) -> tuple[bytes, float, float]:
    speech = pcm16_to_array(resample(sentence_audio.pcm16, 22050, rate)).astype(np.float64)
    pad = np.zeros(rate)
    rng = np.random.default_rng(7)
    full = np.concatenate([pad, speech, pad]) + rng.normal(0, 20, speech.size + 2 * rate)
    data = np.clip(np.rint(full), -32768, 32767).astype("<i2").tobytes()
    start, end = _speech_edges_ms(data, rate)
    return data, start, end


@pytest.mark.parametrize("rate", [24000, 16000, 8000])
def test_silero_vad_finds_the_spoken_sentence(sentence_audio: SpeechChunk, rate: int) -> None:
    data, start, end = _padded(sentence_audio, rate)
    options = VadOptions(threshold=0.5, prefix_padding_ms=300, silence_duration_ms=500)
    vad = SileroVad(options, input_rate=rate)
    assert vad.sample_rate == rate
    chunk = rate // 50 * 2  # 20 ms packets
    events: list[VadEvent] = []
    for i in range(0, len(data), chunk):
        events += vad.feed(data[i : i + chunk])
    assert [e.kind for e in events] == ["speech_started", "speech_stopped"], events
    assert events[0].at_ms + options.prefix_padding_ms == pytest.approx(start, abs=150)
    assert events[1].at_ms == pytest.approx(end, abs=150)
    assert vad.position_ms == len(data) // 2 * 1000 // rate


def test_silero_sessions_are_shared_but_streams_are_separate(sentence_audio: SpeechChunk) -> None:
    data, _, _ = _padded(sentence_audio, 24000)
    talking, quiet = SileroVad(), SileroVad()
    assert talking._session is quiet._session is vad_module.silero_session()
    heard: list[VadEvent] = []
    for i in range(0, len(data), 960):
        heard += talking.feed(data[i : i + 960])
        assert quiet.feed(bytes(960)) == []
    assert len(heard) == 2 and not quiet.in_speech


def test_silero_on_silence_and_reset(sentence_audio: SpeechChunk) -> None:
    vad = SileroVad(VadOptions(), input_rate=24000)
    assert vad.feed(bytes(24000 * 2 * 3)) == []
    data, start, _ = _padded(sentence_audio, 24000)
    half = len(data) // 2 // 2 * 2
    events = vad.feed(data[:half])
    assert [e.kind for e in events] == ["speech_started"]
    vad.reset()  # e.g. input_audio_buffer.clear mid-utterance
    assert not vad.in_speech
    later = vad.feed(data[half:])
    # the rest of the sentence starts a new turn, on the same timeline (3 s of silence first)
    assert later and later[0].kind == "speech_started" and later[0].at_ms > 3000 + start


def test_vad_factory_and_energy_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(vad_module.create_vad(VadOptions()), SileroVad)

    def broken(model_path: object = None) -> object:
        raise ImportError("no onnxruntime")

    monkeypatch.setattr(vad_module, "silero_session", broken)
    fallback = vad_module.create_vad(VadOptions(), input_rate=16000)
    assert isinstance(fallback, EnergyVad) and fallback.sample_rate == 16000


def test_stt_and_tts_factories() -> None:
    assert isinstance(stt_module.create_stt(settings=None), WhisperStt)
    assert isinstance(tts_module.create_tts(settings=None), PiperTts)


# ------------------------------------------------------------------------------ espeak-ng


@pytest.fixture
def fake_espeak(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An ``espeak-ng`` on PATH that writes a streamed WAV of a 0.5 s tone, like the real one."""
    script = tmp_path / "espeak-ng"
    script.write_text(
        f"#!{sys.executable}\n"
        "import math, struct, sys\n"
        "rate = 22050\n"
        "pcm = b''.join(struct.pack('<h', int(8000 * math.sin(2 * math.pi * 200 * i / rate)))"
        " for i in range(rate // 2))\n"
        "fmt = struct.pack('<HHIIHH', 1, 1, rate, rate * 2, 2, 16)\n"
        "head = b'RIFF' + struct.pack('<I', 0x7FFFFFFF) + b'WAVE' + b'fmt ' + struct.pack('<I', 16)"
        " + fmt + b'data' + struct.pack('<I', 0x7FFFFFFF)\n"
        "sys.stdout.buffer.write(head + pcm)\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}")
    yield script


async def test_espeak_fallback_plumbing(fake_espeak: Path) -> None:
    assert EspeakTts.available()
    engine = EspeakTts()
    chunks = [c async for c in engine.synthesize("Hello there. How are you?")]
    assert [c.text for c in chunks] == ["Hello there. ", "How are you?"]
    for chunk in chunks:
        assert chunk.sample_rate == 22050 and len(chunk.pcm16) == 22050
        assert chunk.visemes and chunk.visemes[0].offset_ms == 0
