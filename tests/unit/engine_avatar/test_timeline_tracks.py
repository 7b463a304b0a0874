"""Speech on the avatar clock, and the two paced tracks that play it."""

from __future__ import annotations

import math

import numpy as np
import pytest

from voicecart.engine.avatar.looks import resolve_look
from voicecart.engine.avatar.sprites import SpriteSheet
from voicecart.engine.avatar.timeline import RATE, SpeechTimeline, loudness, prepare
from voicecart.engine.avatar.tracks import (
    AUDIO_SAMPLES,
    DRAINED_S,
    AvatarAudioTrack,
    AvatarVideoTrack,
    MediaClock,
)
from voicecart.engine.interfaces import Viseme

pytestmark = pytest.mark.unit


def tone(ms: int, rate: int = 24000, amplitude: int = 8000) -> bytes:
    n = rate * ms // 1000
    wave = amplitude * np.sin(2 * math.pi * 220 * np.arange(n) / rate)
    return wave.astype("<i2").tobytes()


def test_prepare_resamples_and_places_visemes() -> None:
    ready = prepare(tone(500), 24000, [Viseme(0, 21), Viseme(100, 2), Viseme(400, 0)])
    assert ready.samples.size == RATE // 2
    assert ready.visemes == ((0, 21), (4800, 2), (19200, 0))
    assert ready.loudness.size == 50 and float(ready.loudness.min()) > 0.9


def test_chunks_without_visemes_get_them_from_the_envelope() -> None:
    ready = prepare(b"\0\0" * 4800 + tone(400), 24000, [])
    ids = [vid for _, vid in ready.visemes]
    assert ids[0] == 0 and any(vid != 0 for vid in ids)


def test_loudness_attacks_fast_and_releases_slowly() -> None:
    samples = np.concatenate([np.full(4800, 8000, np.int16), np.zeros(4800, np.int16)])
    level = loudness(samples)
    assert level[0] == pytest.approx(1.0) and level[10] < 0.8 and level[12] > 0.2
    assert level[-1] < 0.05


def test_mouth_opens_with_speech_blends_and_rests_in_silence() -> None:
    timeline = SpeechTimeline()
    start = timeline.write(prepare(tone(600), 24000, [Viseme(0, 21), Viseme(200, 2)]))
    assert start == 0 and timeline.end == int(0.6 * RATE)
    assert timeline.mouth(int(0.1 * RATE)).open == 0.0  # p/b/m: lips together
    blending = timeline.mouth(int(0.21 * RATE)).open
    wide = timeline.mouth(int(0.3 * RATE)).open
    assert 0.0 < blending < wide and wide > 0.8
    assert timeline.mouth(int(0.7 * RATE)).open == 0.0  # after the speech


def test_writes_queue_after_each_other_and_after_the_play_head() -> None:
    timeline = SpeechTimeline()
    timeline.write(prepare(tone(100), 24000, [Viseme(0, 2)]))
    second = timeline.write(prepare(tone(100), 24000, [Viseme(0, 2)]))
    assert second == int(0.1 * RATE)
    silence = timeline.read(0, RATE)  # play a whole second
    assert np.count_nonzero(silence[: second * 2]) > 0 and not silence[second * 2 :].any()
    assert timeline.write(prepare(tone(100), 24000, [])) == RATE  # at the play head


def test_barge_in_drops_unplayed_speech_and_closes_the_mouth_at_once() -> None:
    timeline = SpeechTimeline()
    timeline.write(prepare(tone(2000), 24000, [Viseme(0, 2)]))
    played = timeline.read(0, AUDIO_SAMPLES * 10)  # 200 ms played
    assert np.abs(played).max() > 1000
    timeline.clear()
    assert timeline.pending == 0
    assert not timeline.read(AUDIO_SAMPLES * 10, AUDIO_SAMPLES).any()
    assert timeline.mouth(AUDIO_SAMPLES * 10).open == 0.0
    assert timeline.mouth(AUDIO_SAMPLES * 5).open > 0.5  # what was played stays as it was


async def test_audio_track_plays_the_timeline_in_20_ms_frames() -> None:
    clock, timeline = MediaClock(), SpeechTimeline()
    timeline.write(prepare(tone(100), 24000, []))
    track = AvatarAudioTrack(clock, timeline)
    frames = [await track.recv() for _ in range(6)]
    assert [f.pts for f in frames] == [i * AUDIO_SAMPLES for i in range(6)]
    assert all(f.sample_rate == RATE and f.samples == AUDIO_SAMPLES for f in frames)
    levels = [int(np.abs(f.to_ndarray()).max()) for f in frames]
    assert min(levels[:5]) > 1000 and levels[5] == 0  # 100 ms of tone, then silence
    assert clock.now() >= 0.1  # paced in real time, not as fast as possible


async def test_audio_track_reports_when_the_avatar_starts_and_stops_speaking() -> None:
    """Started with the first speech frame; a short gap between sentences is no end;
    stopped once nothing has been queued for DRAINED_S; a barge-in stops it at once."""
    clock, timeline, said = MediaClock(), SpeechTimeline(), []
    track = AvatarAudioTrack(clock, timeline, said.append)
    await track.recv()
    assert said == []  # silence is not speech
    timeline.write(prepare(tone(60), 24000, []))
    frames = 1
    while timeline.read_pos < timeline.end:
        await track.recv()
        frames += 1
    assert said == [True]
    for _ in range(5):  # a 100 ms pause, then the next sentence
        await track.recv()
    timeline.write(prepare(tone(40), 24000, []))
    while said == [True]:
        await track.recv()
        frames += 1
        assert frames < 100
    assert said == [True, False]
    assert clock.now() >= (timeline.end / RATE) + DRAINED_S - 0.03

    timeline.write(prepare(tone(2000), 24000, []))
    await track.recv()
    assert said == [True, False, True]
    timeline.clear()
    track.quiet()  # what AvatarStream.interrupt does
    assert said == [True, False, True, False]
    await track.recv()
    assert said == [True, False, True, False]


@pytest.fixture(scope="module")
def small_sheet() -> SpriteSheet:
    sheet = SpriteSheet(resolve_look("michelle", None), (320, 180))
    sheet.build_first()
    sheet.build_rest()
    return sheet


async def test_video_track_paces_and_drops_late_frames(small_sheet: SpriteSheet) -> None:
    clock, timeline = MediaClock(), SpeechTimeline()
    track = AvatarVideoTrack(clock, timeline, small_sheet, fps=25)
    first = await track.recv()
    second = await track.recv()
    assert (first.width, first.height) == (320, 180)
    assert (first.pts, second.pts) == (0, 3600)
    assert clock.now() >= 0.04
    # A consumer that stalls for 5 frame times gets the frame due now, not a backlog.
    await clock.until(clock.now() + 0.2)
    late = await track.recv()
    assert late.pts >= 3600 * 6 and track.stats.dropped >= 4
    assert track.stats.frames == 3


async def test_video_mouth_follows_the_timeline(small_sheet: SpriteSheet) -> None:
    clock, timeline = MediaClock(), SpeechTimeline()
    timeline.write(prepare(b"\0\0" * 4800 + tone(400), 24000, [Viseme(0, 0), Viseme(200, 2)]))
    track = AvatarVideoTrack(clock, timeline, small_sheet, fps=25)
    x0, y0, x1, y1 = small_sheet.mouth_box
    dark = []
    for _ in range(15):  # 0.6 s: silence, then "ah"
        frame = await track.recv()
        luma = frame.to_ndarray(format="yuv420p")[:180]
        dark.append(int(np.count_nonzero(luma[y0:y1, x0:x1] < 85)))
    assert max(dark[:4]) == 0 and max(dark[7:14]) > 10
