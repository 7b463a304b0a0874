"""Turn detection timing, on synthetic audio with the energy VAD (same rules as Silero's)."""

from __future__ import annotations

import numpy as np
import pytest

from voicecart.engine.interfaces import StreamingVad, VadEvent, VadOptions
from voicecart.engine.vad import EnergyVad

pytestmark = pytest.mark.unit

RATE = 24000


def silence(ms: int, *, noise_dbfs: float = -75.0, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return rng.normal(0.0, 10 ** (noise_dbfs / 20), RATE * ms // 1000)


def speechlike(ms: int, *, dbfs: float = -20.0, seed: int = 1, steady: bool = False) -> np.ndarray:
    """A voiced-speech stand-in: 120 Hz harmonics with a 4 Hz syllable envelope (never silent).

    ``steady`` drops the envelope, so every frame sits at ``dbfs``.
    """
    n = RATE * ms // 1000
    t = np.arange(n) / RATE
    rng = np.random.default_rng(seed)
    f0 = 120 * (1 + 0.05 * np.sin(2 * np.pi * 0.7 * t))
    phase = 2 * np.pi * np.cumsum(f0) / RATE
    voiced = sum(np.sin(k * phase) / k for k in range(1, 12))
    envelope = 1.0 if steady else 0.6 + 0.4 * np.sin(2 * np.pi * 4 * t + rng.uniform(0, 6))
    x = voiced * envelope
    rms = float(np.sqrt(np.mean(x * x)))
    return np.asarray(x / rms * 10 ** (dbfs / 20))


def pcm(*parts: np.ndarray) -> bytes:
    x = np.concatenate(parts)
    return bytes(np.clip(np.rint(x * 32767), -32768, 32767).astype("<i2").tobytes())


def feed_all(vad: StreamingVad, data: bytes, chunk: int = 960) -> list[VadEvent]:
    events: list[VadEvent] = []
    for i in range(0, len(data), chunk):
        events += vad.feed(data[i : i + chunk])
    return events


def started(at: int) -> VadEvent:
    return VadEvent("speech_started", at)


def stopped(at: int) -> VadEvent:
    return VadEvent("speech_stopped", at)


def test_silence_gives_no_events() -> None:
    vad = EnergyVad(VadOptions(), input_rate=RATE)
    assert feed_all(vad, pcm(silence(5000))) == []
    assert feed_all(vad, bytes(RATE * 2)) == []  # digital zero too
    assert not vad.in_speech


def test_burst_gives_one_pair_with_prefix_padding_and_speech_edges() -> None:
    vad = EnergyVad(VadOptions(threshold=0.5, prefix_padding_ms=300, silence_duration_ms=500))
    audio = pcm(silence(1000), speechlike(1500), silence(1500))
    assert feed_all(vad, audio) == [started(1000 - 300), stopped(2500)]


@pytest.mark.parametrize("chunk", [2, 322, 961, 4801, 48000])
def test_events_do_not_depend_on_how_audio_is_chunked(chunk: int) -> None:
    vad = EnergyVad(VadOptions(), input_rate=RATE)
    audio = pcm(silence(1000), speechlike(1500), silence(1500))
    assert feed_all(vad, audio, chunk) == [started(700), stopped(2500)]


def test_stop_is_reported_only_after_the_silence_duration() -> None:
    vad = EnergyVad(VadOptions(silence_duration_ms=500), input_rate=RATE)
    bytes_per_ms = RATE * 2 // 1000
    audio = pcm(silence(1000), speechlike(1000), silence(2000))
    assert vad.feed(audio[: 1500 * bytes_per_ms]) == [started(700)]
    assert vad.silence_since_ms is None  # speaking
    # speech ends at 2000 ms; 20 ms before the 500 ms silence is complete nothing is reported
    assert vad.feed(audio[1500 * bytes_per_ms : 2480 * bytes_per_ms]) == []
    assert vad.in_speech
    assert vad.silence_since_ms == 2000  # where the stop will be, known before it is reported
    assert vad.feed(audio[2480 * bytes_per_ms : 2500 * bytes_per_ms]) == [stopped(2000)]
    assert not vad.in_speech
    assert vad.silence_since_ms is None  # no open turn


def test_prefix_padding_never_goes_below_zero() -> None:
    vad = EnergyVad(VadOptions(prefix_padding_ms=300), input_rate=RATE)
    assert feed_all(vad, pcm(silence(100), speechlike(800), silence(800))) == [
        started(0),
        stopped(900),
    ]


def test_short_pause_inside_an_utterance_does_not_end_the_turn() -> None:
    vad = EnergyVad(VadOptions(silence_duration_ms=500), input_rate=RATE)
    audio = pcm(silence(500), speechlike(700), silence(300), speechlike(700), silence(1000))
    assert feed_all(vad, audio) == [started(200), stopped(2200)]


def test_long_pause_splits_turns_and_padding_never_reaches_back_past_a_stop() -> None:
    vad = EnergyVad(VadOptions(prefix_padding_ms=300, silence_duration_ms=500), input_rate=RATE)
    audio = pcm(silence(500), speechlike(700), silence(700), speechlike(700), silence(1000))
    assert feed_all(vad, audio) == [started(200), stopped(1200), started(1600), stopped(2600)]
    # with more padding than the gap, the second start is clamped to the first stop
    vad = EnergyVad(VadOptions(prefix_padding_ms=1000, silence_duration_ms=500), input_rate=RATE)
    assert feed_all(vad, audio) == [started(0), stopped(1200), started(1200), stopped(2600)]


@pytest.mark.parametrize(("threshold", "expected"), [(0.5, 0), (0.4, 2)])
def test_threshold_is_honoured(threshold: float, expected: int) -> None:
    # -43 dBFS scores 0.425 on the default -60..-20 dBFS scale
    vad = EnergyVad(VadOptions(threshold=threshold), input_rate=RATE)
    events = feed_all(
        vad, pcm(silence(500), speechlike(1000, dbfs=-43.0, steady=True), silence(1000))
    )
    assert len(events) == expected


def test_between_the_two_thresholds_the_turn_neither_starts_nor_ends() -> None:
    # loud speech, then 1 s at a level between threshold-0.15 and threshold, then silence:
    # the in-between part does not start the silence count, so the stop is at the real silence
    vad = EnergyVad(VadOptions(threshold=0.5, silence_duration_ms=500), input_rate=RATE)
    quiet = speechlike(1000, dbfs=-43.0, steady=True)
    audio = pcm(silence(500), speechlike(500), quiet, silence(1000))
    assert feed_all(vad, audio) == [started(200), stopped(2000)]
    # and the same in-between level never starts a turn on its own
    vad = EnergyVad(VadOptions(threshold=0.5), input_rate=RATE)
    assert feed_all(vad, pcm(silence(500), quiet, silence(1000))) == []


def test_options_can_change_mid_stream() -> None:
    vad = EnergyVad(VadOptions(silence_duration_ms=500), input_rate=RATE)
    assert feed_all(vad, pcm(silence(500), speechlike(500))) == [started(200)]
    vad.options = VadOptions(silence_duration_ms=1500)
    assert feed_all(vad, pcm(silence(1000))) == []
    assert feed_all(vad, pcm(silence(600))) == [stopped(1000)]


def test_reset_forgets_speech_but_keeps_the_timeline() -> None:
    vad = EnergyVad(VadOptions(), input_rate=RATE)
    assert feed_all(vad, pcm(silence(500), speechlike(500))) == [started(200)]
    vad.reset()
    assert not vad.in_speech
    # audio keeps going: the next turn's times are on the same timeline
    assert feed_all(vad, pcm(silence(1000), speechlike(500), silence(600))) == [
        started(1700),
        stopped(2500),
    ]


@pytest.mark.parametrize("rate", [8000, 16000, 22050, 48000])
def test_other_input_rates(rate: int) -> None:
    vad = EnergyVad(VadOptions(), input_rate=rate)
    assert vad.sample_rate == rate
    t = np.arange(rate * 3) / rate
    x = np.where((t >= 1.0) & (t < 2.0), 0.1 * np.sin(2 * np.pi * 200 * t), 0.0)
    data = np.rint(x * 32767).astype("<i2").tobytes()
    events = feed_all(vad, data, chunk=rate // 50 * 2)
    assert [e.kind for e in events] == ["speech_started", "speech_stopped"]
    assert events[0].at_ms == pytest.approx(700, abs=20)
    assert events[1].at_ms == pytest.approx(2000, abs=20)


def test_energy_scale_is_validated() -> None:
    with pytest.raises(ValueError):
        EnergyVad(floor_dbfs=-20.0, ceiling_dbfs=-60.0)
