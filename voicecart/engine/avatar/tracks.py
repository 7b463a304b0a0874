"""The avatar's two aiortc tracks, paced by one shared media clock.

Audio: 20 ms Opus-bound frames of the timeline at 48 kHz, position = pts. Video: frame
``n`` is due at ``n / fps`` seconds; its mouth is the timeline's at the same moment, so the
picture and the sound of one instant carry the same clock time. A video frame that is
already late when asked for is skipped (never queued): the track jumps to the frame that
is due now. Composing a frame (a copy of pre-rendered sprites) runs in the default
executor, as aiortc's encoders do.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Final

from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from av import AudioFrame, VideoFrame

from voicecart.engine.avatar.drawing import EyeState
from voicecart.engine.avatar.presenter import IdleLife
from voicecart.engine.avatar.sprites import SpriteSheet, mouth_key
from voicecart.engine.avatar.timeline import RATE, SpeechTimeline

AUDIO_SAMPLES: Final = RATE // 50  # 20 ms
VIDEO_CLOCK: Final = 90_000
MAX_AUDIO_LAG_S: Final = 0.5  # audio further behind than this skips ahead
SHEET_WAIT_S: Final = 30.0
DRAINED_S: Final = 0.3  # speech counts as finished after this long with nothing queued


class MediaClock:
    """Seconds since the first track asked for media; shared by both tracks."""

    def __init__(self) -> None:
        self._start: float | None = None
        self.started = asyncio.Event()

    def start(self) -> None:
        if self._start is None:
            self._start = time.monotonic()
            self.started.set()

    def now(self) -> float:
        return 0.0 if self._start is None else time.monotonic() - self._start

    async def until(self, t: float) -> None:
        delay = t - self.now()
        if delay > 0:
            await asyncio.sleep(delay)


@dataclass
class VideoStats:
    frames: int = 0
    dropped: int = 0
    first_frame_at: float | None = None  # time.monotonic() of the first frame handed out


class AvatarAudioTrack(MediaStreamTrack):
    """The assistant's voice on the avatar clock (silence between answers).

    ``on_speaking(True)`` when queued speech starts playing, ``on_speaking(False)`` once
    nothing has been queued for ``DRAINED_S`` (a pause between sentences is not an end).
    """

    kind = "audio"

    def __init__(
        self,
        clock: MediaClock,
        timeline: SpeechTimeline,
        on_speaking: Callable[[bool], None] | None = None,
    ) -> None:
        super().__init__()
        self._clock = clock
        self._timeline = timeline
        self._pos = 0
        self._on_speaking = on_speaking
        self.speaking = False
        self._drained_at: int | None = None

    def _report(self, pos: int) -> None:
        """After playing up to ``pos``: tell whether the assistant is audibly speaking."""
        if self._timeline.end > pos - AUDIO_SAMPLES:  # this frame carried queued speech
            self._drained_at = None
            if not self.speaking:
                self.speaking = True
                if self._on_speaking is not None:
                    self._on_speaking(True)
            return
        if not self.speaking:
            return
        if self._drained_at is None:
            self._drained_at = pos
        if pos - self._drained_at >= DRAINED_S * RATE:
            self.quiet()

    def quiet(self) -> None:
        """The speech has ended (played out, or cut by barge-in)."""
        self._drained_at = None
        if self.speaking:
            self.speaking = False
            if self._on_speaking is not None:
                self._on_speaking(False)

    async def recv(self) -> AudioFrame:
        if self.readyState != "live":
            raise MediaStreamError
        self._clock.start()
        behind = self._clock.now() - self._pos / RATE
        if behind > MAX_AUDIO_LAG_S:  # the loop stalled: resume at the present
            self._pos = int(self._clock.now() * RATE) // AUDIO_SAMPLES * AUDIO_SAMPLES
        pos = self._pos
        await self._clock.until(pos / RATE)
        samples = self._timeline.read(pos, AUDIO_SAMPLES)
        frame = AudioFrame(format="s16", layout="mono", samples=AUDIO_SAMPLES)
        frame.planes[0].update(samples.tobytes())
        frame.sample_rate = RATE
        frame.pts = pos
        frame.time_base = Fraction(1, RATE)
        self._pos = pos + AUDIO_SAMPLES
        self._report(self._pos)
        return frame


class AvatarVideoTrack(MediaStreamTrack):
    """The presenter: idle life always, the mouth from the timeline."""

    kind = "video"

    def __init__(
        self,
        clock: MediaClock,
        timeline: SpeechTimeline,
        sheet: SpriteSheet,
        *,
        fps: int = 25,
        life: IdleLife | None = None,
    ) -> None:
        super().__init__()
        self._clock = clock
        self._timeline = timeline
        self._sheet = sheet
        self.fps = fps
        self._life = life or IdleLife(sheet.offsets)
        self._next = 0
        self.stats = VideoStats()

    async def recv(self) -> VideoFrame:
        if self.readyState != "live":
            raise MediaStreamError
        if not self._sheet.first.is_set():
            ready = await asyncio.to_thread(self._sheet.first.wait, SHEET_WAIT_S)
            if not ready:
                raise MediaStreamError
        self._clock.start()
        n = self._next
        due_now = int(self._clock.now() * self.fps)
        if due_now > n:  # behind: drop the late frames, show the one due now
            self.stats.dropped += due_now - n
            n = due_now
        t = n / self.fps
        await self._clock.until(t)
        mouth = mouth_key(self._timeline.mouth(int(t * RATE)))
        eyes, lift = self._life.eyes(t), self._life.breath(t)
        loop = asyncio.get_running_loop()
        frame = await loop.run_in_executor(None, self._frame, lift, eyes, mouth)
        frame.pts = n * VIDEO_CLOCK // self.fps
        frame.time_base = Fraction(1, VIDEO_CLOCK)
        self._next = n + 1
        self.stats.frames += 1
        if self.stats.first_frame_at is None:
            self.stats.first_frame_at = time.monotonic()
        return frame

    def _frame(self, lift: int, eyes: EyeState, mouth: tuple[int, int]) -> VideoFrame:
        array = self._sheet.compose(lift, eyes, mouth)
        return VideoFrame.from_ndarray(array, format="yuv420p")
