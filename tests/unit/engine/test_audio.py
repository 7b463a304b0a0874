"""Engine audio helpers: resampling, sample formats, G.711 and the protocol's formats."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import numpy as np
import pytest

from voicecart.engine import audio
from voicecart.engine.audio import (
    StreamResampler,
    alaw_decode,
    alaw_encode,
    convert_input,
    convert_output,
    float32_to_pcm16,
    pcm16_to_float32,
    resample,
    rms_dbfs,
    ulaw_decode,
    ulaw_encode,
)

pytestmark = pytest.mark.unit

ALL_PCM = np.arange(-32768, 32768, dtype="<i2").tobytes()


def tone(freq: float, rate: int, seconds: float = 1.0, amp: float = 0.5) -> bytes:
    t = np.arange(int(rate * seconds)) / rate
    return float32_to_pcm16(amp * np.sin(2 * np.pi * freq * t))


def samples(pcm16: bytes) -> np.ndarray:
    return np.frombuffer(pcm16, dtype="<i2").astype(np.float64)


def peak_hz(pcm16: bytes, rate: int) -> float:
    x = samples(pcm16) * np.hanning(len(pcm16) // 2)
    spectrum = np.abs(np.fft.rfft(x))
    return float(np.argmax(spectrum) * rate / len(x))


@pytest.fixture(params=["soxr", "numpy"])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run a test with soxr (when installed) and with the numpy fallback."""
    if request.param == "numpy":
        monkeypatch.setattr(audio, "_soxr", None)
    elif not audio.HAVE_SOXR:
        pytest.skip("soxr is not installed")
    yield request.param


RATE_PAIRS = [(24000, 16000), (22050, 24000), (24000, 8000), (8000, 24000), (16000, 24000)]


@pytest.mark.parametrize(("src", "dst"), RATE_PAIRS)
def test_resample_keeps_duration_energy_and_pitch(backend: str, src: int, dst: int) -> None:
    pcm = tone(1000, src)
    out = resample(pcm, src, dst)
    assert len(out) // 2 == round(len(pcm) // 2 * dst / src)
    # same level (edges excluded: the filter rings in from silence)
    edge = dst // 50
    assert rms_dbfs(out[2 * edge : -2 * edge]) == pytest.approx(rms_dbfs(pcm), abs=0.2)
    assert peak_hz(out, dst) == pytest.approx(1000, abs=2)


def test_resample_removes_content_above_the_new_nyquist(backend: str) -> None:
    pcm = tone(6000, 24000)  # above 4 kHz: must not alias into the 8 kHz output
    assert rms_dbfs(resample(pcm, 24000, 8000)) < rms_dbfs(pcm) - 40


def test_resample_edge_cases(backend: str) -> None:
    assert resample(b"", 24000, 16000) == b""
    pcm = tone(440, 16000, 0.1)
    assert resample(pcm, 16000, 16000) == pcm
    assert resample(pcm + b"\x01", 16000, 16000) == pcm  # a stray odd byte is dropped
    with pytest.raises(ValueError):
        resample(pcm, 0, 16000)


@pytest.mark.parametrize(("src", "dst"), RATE_PAIRS)
def test_stream_resampler_matches_one_shot(backend: str, src: int, dst: int) -> None:
    pcm = tone(700, src, 0.5) + tone(1500, src, 0.5)
    stream = StreamResampler(src, dst)
    pieces = [stream.process(pcm[i : i + 331]) for i in range(0, len(pcm), 331)]  # odd sizes
    out = b"".join(pieces) + stream.flush()
    one_shot = resample(pcm, src, dst)
    assert len(out) == len(one_shot)
    diff = np.abs(samples(out) - samples(one_shot))
    assert diff[dst // 100 : -dst // 100].max() <= 40  # same signal, not re-framed noise


def test_numpy_fallback_close_to_soxr() -> None:
    if not audio.HAVE_SOXR:
        pytest.skip("soxr is not installed")
    t = np.arange(24000) / 24000
    pcm = float32_to_pcm16(0.3 * np.sin(2 * np.pi * 1000 * t) + 0.3 * np.sin(2 * np.pi * 3000 * t))
    a = samples(resample(pcm, 24000, 16000))
    b = audio.resample_array(np.frombuffer(pcm, "<i2").astype(np.int16), 24000, 16000)
    c = audio._resample_numpy(np.frombuffer(pcm, "<i2").astype(np.int16), 24000, 16000)
    assert np.array_equal(a, b.astype(np.float64))
    assert np.abs(a[200:-200] - c[200:-200].astype(np.float64)).max() <= 8


def test_float_conversions_round_trip() -> None:
    x = np.array([0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -2.0], dtype=np.float32)
    pcm = float32_to_pcm16(x)
    assert np.frombuffer(pcm, "<i2").tolist() == [0, 16384, -16384, 32767, -32767, 32767, -32768]
    back = pcm16_to_float32(pcm)
    assert back.dtype == np.float32
    assert back[:5] == pytest.approx([0.0, 0.5, -0.5, 32767 / 32768, -32767 / 32768], abs=1e-4)


def test_rms_dbfs() -> None:
    assert rms_dbfs(b"") == audio.SILENCE_DBFS
    assert rms_dbfs(bytes(1000)) == audio.SILENCE_DBFS
    full_square = np.array([32767, -32768] * 100, dtype="<i2").tobytes()
    assert rms_dbfs(full_square) == pytest.approx(0.0, abs=0.01)
    assert rms_dbfs(tone(1000, 16000, amp=1.0)) == pytest.approx(-3.01, abs=0.05)
    assert rms_dbfs(tone(1000, 16000, amp=0.1)) == pytest.approx(-23.01, abs=0.05)


# ------------------------------------------------------------------------------ G.711

# (linear sample, μ-law code, decoded value) from the ITU-T G.711 μ-law table (G.191 g711.c)
ULAW_KNOWN = [
    (0, 0xFF, 0),
    (3, 0xFF, 0),
    (-1, 0x7E, -8),  # negative inputs never reach the negative-zero code 0x7F
    (-8, 0x7E, -8),
    (100, 0xF2, 104),
    (1000, 0xCE, 988),
    (-1000, 0x4E, -988),
    (32767, 0x80, 32124),
    (-32768, 0x00, -32124),
]
# (linear sample, A-law code, decoded value) from the ITU-T G.711 A-law table
ALAW_KNOWN = [
    (0, 0xD5, 8),
    (-1, 0x55, -8),
    (1000, 0xFA, 1008),
    (-1000, 0x7A, -1008),
    (32767, 0xAA, 32256),
    (-32768, 0x2A, -32256),
]


def _pcm(values: list[int]) -> bytes:
    return np.array(values, dtype="<i2").tobytes()


def test_ulaw_known_codes() -> None:
    lin = [v for v, _, _ in ULAW_KNOWN]
    assert list(ulaw_encode(_pcm(lin))) == [c for _, c, _ in ULAW_KNOWN]
    decoded = np.frombuffer(ulaw_decode(bytes(c for _, c, _ in ULAW_KNOWN)), "<i2").tolist()
    assert decoded == [d for _, _, d in ULAW_KNOWN]


def test_alaw_known_codes() -> None:
    lin = [v for v, _, _ in ALAW_KNOWN]
    assert list(alaw_encode(_pcm(lin))) == [c for _, c, _ in ALAW_KNOWN]
    decoded = np.frombuffer(alaw_decode(bytes(c for _, c, _ in ALAW_KNOWN)), "<i2").tolist()
    assert decoded == [d for _, _, d in ALAW_KNOWN]


@pytest.mark.parametrize(
    ("encode", "decode"), [(ulaw_encode, ulaw_decode), (alaw_encode, alaw_decode)]
)
def test_g711_round_trips(encode: object, decode: object) -> None:
    assert callable(encode) and callable(decode)
    codes = bytes(range(256))
    # every code decodes to a value that encodes back to the same code (except μ-law's two
    # zeros: 0x7F decodes to 0, which encodes as 0xFF)
    again = encode(decode(codes))
    mismatches = [c for c, d in zip(codes, again, strict=True) if c != d]
    assert mismatches in ([], [0x7F])
    # and linear -> code -> linear stays within the quantization step (relative error < 7%)
    x = np.frombuffer(ALL_PCM, "<i2").astype(np.float64)
    y = np.frombuffer(decode(encode(ALL_PCM)), "<i2").astype(np.float64)
    err = np.abs(x - y)
    assert np.all(err <= np.maximum(np.abs(x) * 0.07, 33))
    # a codec output is one byte per sample
    assert len(encode(ALL_PCM)) == len(ALL_PCM) // 2


def test_g711_bit_exact_with_audioop_reference() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            import audioop
        except ImportError:  # Python >= 3.13
            pytest.skip("audioop (the reference implementation) is gone in this Python")
    codes = bytes(range(256))
    assert ulaw_encode(ALL_PCM) == audioop.lin2ulaw(ALL_PCM, 2)
    assert alaw_encode(ALL_PCM) == audioop.lin2alaw(ALL_PCM, 2)
    assert ulaw_decode(codes) == audioop.ulaw2lin(codes, 2)
    assert alaw_decode(codes) == audioop.alaw2lin(codes, 2)


# ------------------------------------------------------------------------------ protocol formats


@pytest.mark.parametrize(
    ("fmt", "bytes_per_second"),
    [
        ("pcm16", 48000),
        ("pcm16_16000hz", 32000),
        ("pcm16_8000hz", 16000),
        ("g711_ulaw", 8000),
        ("g711_alaw", 8000),
    ],
)
def test_convert_output_lengths(fmt: str, bytes_per_second: int) -> None:
    one_second = tone(440, 24000)
    out = convert_output(one_second, fmt)
    assert len(out) == bytes_per_second
    assert audio.output_rate(fmt) == {48000: 24000, 32000: 16000}.get(bytes_per_second, 8000)


def test_convert_output_pcm16_is_unchanged_and_g711_decodes_to_the_tone() -> None:
    pcm = tone(440, 24000)
    assert convert_output(pcm, "pcm16") == pcm
    decoded = ulaw_decode(convert_output(pcm, "g711_ulaw"))
    assert peak_hz(decoded, 8000) == pytest.approx(440, abs=2)
    assert rms_dbfs(decoded) == pytest.approx(rms_dbfs(pcm), abs=0.3)


def test_convert_input_to_24k() -> None:
    pcm8k = tone(440, 8000)
    assert len(convert_input(ulaw_encode(pcm8k), "g711_ulaw")) == 48000
    assert len(convert_input(alaw_encode(pcm8k), "g711_alaw")) == 48000
    pcm24 = tone(440, 24000)
    assert convert_input(pcm24, "pcm16") == pcm24


def test_unknown_formats_are_rejected() -> None:
    with pytest.raises(ValueError, match="output_audio_format"):
        convert_output(b"", "mp3")
    with pytest.raises(ValueError, match="input_audio_format"):
        convert_input(b"", "pcm16_16000hz")
