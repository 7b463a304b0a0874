"""Early transcription: the STT starts on a turn's final audio while the VAD is still
waiting out its silence window, and a guess the shopper talks over is thrown away."""

from __future__ import annotations

import asyncio

import pytest

from tests.unit.engine_server.harness import Harness, b64, silence, tone
from voicecart.engine.fakes import fake_parts

pytestmark = pytest.mark.unit


class WatchingStt:
    """Records, for every call, the audio and whether the VAD had already ended the turn."""

    sample_rate = 16000

    def __init__(self) -> None:
        self.events: list[dict[str, object]] = []  # the harness's, once it exists
        self.calls: list[tuple[bytes, bool]] = []

    async def transcribe(self, pcm16: bytes, *, language: str | None = None) -> str:
        stopped = any(e["type"] == "input_audio_buffer.speech_stopped" for e in self.events)
        self.calls.append((pcm16, stopped))
        await asyncio.sleep(0)
        return f"call {len(self.calls)}"


async def paced(h: Harness, pcm: bytes) -> None:
    """100 ms appends, letting other tasks run in between (as a real-time stream does)."""
    step = 24000 * 100 // 1000 * 2
    for start in range(0, len(pcm), step):
        await h.send({"type": "input_audio_buffer.append", "audio": b64(pcm[start : start + step])})
        await asyncio.sleep(0.001)


async def test_the_turn_is_transcribed_before_the_silence_window_closes() -> None:
    stt = WatchingStt()
    async with Harness(fake_parts(stt=stt)) as h:  # type: ignore[arg-type]
        stt.events = h.events
        await paced(h, tone(600) + silence(800))
        stopped = await h.next("input_audio_buffer.speech_stopped")
        done = await h.next("conversation.item.input_audio_transcription.completed")
        assert done["item_id"] == stopped["item_id"]
        assert done["transcript"] == "call 1"
        assert len(stt.calls) == 1  # the early run was used, not repeated
        audio, after_stop = stt.calls[0]
        assert after_stop is False  # it started while the VAD was still waiting
        # the turn's audio: 600 ms of speech and the 100 ms tail, at 16 kHz
        assert 650 <= len(audio) / 2 / 16 <= 800
        assert h.session.early.used == 1 and h.session.early.dropped == 0


async def test_a_pause_shorter_than_the_window_drops_the_guess() -> None:
    stt = WatchingStt()
    async with Harness(fake_parts(stt=stt)) as h:  # type: ignore[arg-type]
        stt.events = h.events
        # 300 ms pause: long enough to start a guess (200 ms), too short to end the turn
        await paced(h, tone(600) + silence(300) + tone(600) + silence(800))
        await h.next("input_audio_buffer.speech_stopped")
        done = await h.next("conversation.item.input_audio_transcription.completed")
        assert len(h.of("input_audio_buffer.speech_started")) == 1  # one turn
        assert len(stt.calls) == 2
        first, second = stt.calls
        assert len(second[0]) > len(first[0]) + 16 * 2 * 800  # the whole turn, both parts
        assert done["transcript"] == "call 2"  # the guess on half a turn is not used
        assert h.session.early.dropped == 1 and h.session.early.used == 1


async def test_manual_commit_mode_makes_no_guesses() -> None:
    stt = WatchingStt()
    async with Harness(fake_parts(stt=stt)) as h:  # type: ignore[arg-type]
        stt.events = h.events
        await h.send({"type": "session.update", "session": {"turn_detection": None}})
        await h.next("session.updated")
        await h.append(tone(600) + silence(800))
        await h.settle()
        assert stt.calls == []
        await h.send({"type": "input_audio_buffer.commit"})
        done = await h.next("conversation.item.input_audio_transcription.completed")
        assert done["transcript"] == "call 1" and len(stt.calls) == 1
