"""Part discovery, the input/output audio plumbing and sentence splitting."""

from __future__ import annotations

import asyncio
import sys
import types

import numpy as np
import pytest

from tests.unit.engine_server.harness import silence, tone
from voicecart.config import load_settings
from voicecart.engine.fakes import EnergyVad
from voicecart.engine.interfaces import VadOptions, Viseme
from voicecart.engine.parts import (
    InputAudio,
    LazyParts,
    OutputAudio,
    Parts,
    build_parts,
    split_ready,
)

pytestmark = pytest.mark.unit


def vad_factory(options: VadOptions, input_rate: int) -> EnergyVad:
    return EnergyVad(options, sample_rate=input_rate)


def test_input_audio_turns_and_padding() -> None:
    audio = InputAudio(16000, vad_factory)
    audio.configure("pcm16", 24000, VadOptions(prefix_padding_ms=300, silence_duration_ms=500))
    turns = []
    pcm = silence(1000) + tone(600) + silence(900)
    for start in range(0, len(pcm), 4800):
        turns += audio.append(pcm[start : start + 4800])
    assert [t.kind for t in turns] == ["speech_started", "speech_stopped"]
    assert 680 <= turns[0].at_ms <= 720  # speech at 1 s, less the 300 ms prefix padding
    assert 1580 <= turns[1].at_ms <= 1620
    seconds = len(turns[1].audio) / 2 / 16000
    assert abs(seconds - (0.3 + 0.6 + 0.1)) < 0.03  # padding + speech + 100 ms tail
    assert audio.now_ms == pytest.approx(2500)


def test_input_audio_idle_buffer_is_bounded_and_manual_commit_takes_all() -> None:
    audio = InputAudio(16000, vad_factory, idle_keep_ms=1000)
    audio.configure("pcm16", 24000, VadOptions())
    for _ in range(100):  # 10 s of silence
        audio.append(silence(100))
    kept = audio.commit()
    assert len(kept) / 2 / 16000 <= 1.3 + 0.5 + 0.01
    audio.configure("pcm16", 24000, None)
    for _ in range(30):
        audio.append(silence(100))
    assert abs(len(audio.commit()) / 2 / 16000 - 3.0) < 0.01
    assert audio.commit() == b""


def test_input_audio_rejects_half_samples_and_reports_missing_vad() -> None:
    audio = InputAudio(16000, None)
    audio.configure("pcm16", 24000, VadOptions())
    assert audio.vad_missing
    with pytest.raises(ValueError):
        audio.append(b"\x00\x01\x02")
    audio.configure("g711_ulaw", 8000, None)
    assert not audio.vad_missing
    assert audio.append(b"\xff") == []  # one G.711 byte is a whole sample


def test_output_audio_frames_and_visemes() -> None:
    out = OutputAudio("pcm16", chunk_ms=100)
    pcm = tone(250, rate=22050)
    out.add(pcm, 22050, [Viseme(0, 1), Viseme(120, 2), Viseme(240, 3)])
    frames = out.frames()
    assert [len(f[0]) for f in frames] == [4800, 4800]
    assert frames[0][1] == [(0, 1)] and frames[1][1] == [(120, 2)]
    out.add(pcm, 22050, [Viseme(10, 4)])
    rest = out.frames(final=True) + out.finish()
    total = sum(len(f[0]) for f in frames + rest)
    assert abs(total - 2 * 0.25 * 48000) <= 4
    assert [v for f in frames + rest for v in f[1]] == [(0, 1), (120, 2), (240, 3), (260, 4)]
    assert out.produced_ms == pytest.approx(500, abs=0.1)


def test_output_audio_g711_bytes() -> None:
    out = OutputAudio("g711_alaw", chunk_ms=100)
    out.add(silence(300, 24000), 24000)
    frames = out.frames(final=True) + out.finish()
    data = b"".join(f[0] for f in frames)
    assert abs(len(data) - 2400) <= 2 and set(data) <= {0xD5, 0x55}


@pytest.mark.parametrize(
    ("text", "ready", "rest"),
    [
        ("Hello there. How are", ["Hello there. "], "How are"),
        ("One! Two? Three.", ["One! ", "Two? "], "Three."),
        ("Line one\nLine two", ["Line one\n"], "Line two"),
        ('He said "yes." Then', ['He said "yes." '], "Then"),
        ("no end yet", [], "no end yet"),
    ],
)
def test_split_ready(text: str, ready: list[str], rest: str) -> None:
    assert split_ready(text) == (ready, rest)


def test_split_ready_cuts_run_ons() -> None:
    text = "word " * 60
    pieces, rest = split_ready(text)
    assert pieces and all(len(p) <= 161 for p in pieces)
    assert "".join(pieces) + rest == text


def _module(name: str, **attrs: object) -> types.ModuleType:
    module = types.ModuleType(name)
    for key, value in attrs.items():
        setattr(module, key, value)
    return module


def test_build_parts_finds_factories_and_reports_failures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made: list[object] = []

    def create_vad(
        options: VadOptions | None = None, *, input_rate: int = 24000, settings: object = None
    ) -> EnergyVad:
        made.append((options, input_rate))
        return EnergyVad(options or VadOptions(), sample_rate=input_rate)

    class Stt:
        sample_rate = 16000

        def __init__(self, settings: object) -> None:
            self.settings = settings

    def create_stt(settings: object) -> Stt:
        return Stt(settings)

    def create_tts() -> object:
        raise RuntimeError("voice file missing")

    monkeypatch.setitem(sys.modules, "voicecart.engine.vad", _module("v", create_vad=create_vad))
    monkeypatch.setitem(sys.modules, "voicecart.engine.stt", _module("s", create_stt=create_stt))
    monkeypatch.setitem(sys.modules, "voicecart.engine.tts", _module("t", create_tts=create_tts))
    monkeypatch.setitem(sys.modules, "voicecart.engine.brain", _module("b"))
    settings = load_settings(_env_file=None)
    parts = build_parts(settings)
    assert parts.vad is not None and parts.stt is not None
    assert parts.stt.settings is settings  # type: ignore[attr-defined]
    assert parts.tts is None and "voice file missing" in parts.problems["tts"]
    assert parts.brain is None and "create_brain" in parts.problems["brain"]
    vad = parts.vad(VadOptions(threshold=0.9), 16000)
    assert isinstance(vad, EnergyVad) and vad.sample_rate == 16000
    assert made[-1] == (VadOptions(threshold=0.9), 16000)
    assert parts.status()["vad"] == "ok" and parts.status()["tts"].startswith("unavailable")
    assert "voice file missing" in parts.unavailable_message("tts")


async def test_lazy_parts_build_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def fake_build(settings: object) -> Parts:
        calls.append(1)
        return Parts()

    monkeypatch.setattr("voicecart.engine.parts.build_parts", fake_build)
    lazy = LazyParts(load_settings(_env_file=None))
    assert lazy.built is None
    first, second = await asyncio.gather(lazy.get(), lazy.get())
    assert first is second and calls == [1] and lazy.built is first


def test_energy_vad_fake() -> None:
    vad = EnergyVad(VadOptions(silence_duration_ms=300))
    rate = 16000
    quiet = np.zeros(rate // 2, dtype="<i2").tobytes()
    loud = (8000 * np.sin(np.arange(rate // 2) / 5)).astype("<i2").tobytes()
    events = vad.feed(quiet + loud + quiet)
    assert [(e.kind, e.at_ms) for e in events] == [
        ("speech_started", 200),  # 500 ms less the default 300 ms prefix padding
        ("speech_stopped", 1000),
    ]
