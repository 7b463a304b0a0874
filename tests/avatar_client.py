"""A receive-only aiortc client of the avatar, as a browser would be (tests and bench/).

It offers recvonly audio + video (non-trickle, no ICE servers), and records for every
decoded frame when it arrived and what it showed: for video, how many pixels of the
mouth box are dark (the open mouth's inside; closed lips and skin are far lighter); for
audio, the RMS level.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from aiortc import (
    RTCConfiguration,
    RTCPeerConnection,
    RTCSessionDescription,
)
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from av import AudioFrame, VideoFrame

from voicecart.engine.avatar.looks import resolve_look
from voicecart.engine.avatar.sprites import SpriteSheet

DARK_Y = 85  # luma below this inside the mouth box = the open mouth's inside


@dataclass(frozen=True)
class VideoSample:
    at: float  # time.perf_counter() when decoded
    width: int
    height: int
    mouth_dark: int  # dark pixels in the mouth box
    eye_mean: float  # mean luma of the eye box (blinks darken/lighten it)


@dataclass(frozen=True)
class AudioSample:
    at: float
    rms: float


@dataclass
class AvatarReceiver:
    character: str = "lisa"
    style: str | None = None
    size: tuple[int, int] = (640, 360)
    video: list[VideoSample] = field(default_factory=list)
    audio: list[AudioSample] = field(default_factory=list)
    on_video: Callable[[VideoSample], None] | None = None

    def __post_init__(self) -> None:
        sheet = SpriteSheet(resolve_look(self.character, self.style), self.size)
        self.mouth_box, self.eye_box = sheet.mouth_box, sheet.eye_box
        self.pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        self.pc.addTransceiver("audio", direction="recvonly")
        self.pc.addTransceiver("video", direction="recvonly")
        self._tasks: list[asyncio.Task[None]] = []
        self.pc.on("track", self._on_track)
        self.ended = asyncio.Event()  # the server closed the connection (or it failed)
        self.pc.on("connectionstatechange", self._on_state)
        self.offered_at = 0.0
        self._changed = asyncio.Event()

    def _on_state(self) -> None:
        if self.pc.connectionState in ("closed", "failed"):
            self.ended.set()

    def _on_track(self, track: MediaStreamTrack) -> None:
        self._tasks.append(asyncio.ensure_future(self._pull(track)))

    async def _pull(self, track: MediaStreamTrack) -> None:
        with contextlib.suppress(MediaStreamError):
            while True:
                frame = await track.recv()
                now = time.perf_counter()
                if isinstance(frame, VideoFrame):
                    self.video.append(self._measure(frame, now))
                elif isinstance(frame, AudioFrame):
                    samples = frame.to_ndarray().astype(np.float64)
                    self.audio.append(AudioSample(now, float(np.sqrt(np.mean(samples**2)))))
                self._changed.set()

    def _measure(self, frame: VideoFrame, now: float) -> VideoSample:
        luma = frame.to_ndarray(format="yuv420p")[: frame.height]
        x0, y0, x1, y1 = self.mouth_box
        ex0, ey0, ex1, ey1 = self.eye_box
        sample = VideoSample(
            at=now,
            width=frame.width,
            height=frame.height,
            mouth_dark=int(np.count_nonzero(luma[y0:y1, x0:x1] < DARK_Y)),
            eye_mean=float(luma[ey0:ey1, ex0:ex1].mean()),
        )
        if self.on_video is not None:
            self.on_video(sample)
        return sample

    async def offer(self) -> str:
        await self.pc.setLocalDescription(await self.pc.createOffer())
        self.offered_at = time.perf_counter()
        return str(self.pc.localDescription.sdp)

    async def accept(self, answer_sdp: str) -> None:
        await self.pc.setRemoteDescription(RTCSessionDescription(answer_sdp, "answer"))

    async def wait_for(self, condition: Callable[[], bool]) -> None:
        """Wait until ``condition`` holds, checking it after every received frame (callers
        bound the wait with ``asyncio.timeout``)."""
        while not condition():
            self._changed.clear()
            await self._changed.wait()

    async def close(self) -> None:
        await self.pc.close()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
