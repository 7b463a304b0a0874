"""One live avatar connection: the peer, its two tracks, and the speech fed to them."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass

from aiortc import RTCPeerConnection

from voicecart.engine.avatar.looks import Look, VideoSpec
from voicecart.engine.avatar.peer import answer, rtc_configuration
from voicecart.engine.avatar.service import AvatarService
from voicecart.engine.avatar.timeline import SpeechTimeline, prepare
from voicecart.engine.avatar.tracks import AvatarAudioTrack, AvatarVideoTrack, MediaClock
from voicecart.engine.interfaces import SpeechChunk

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Queued:
    generation: int
    chunk: SpeechChunk


class AvatarStream:
    """Created per ``session.avatar.connect``; ``close`` ends it at once (no waiting for
    ICE consent to expire) and frees its place under the process cap."""

    def __init__(
        self,
        service: AvatarService,
        look: Look,
        video: VideoSpec,
        on_speaking: Callable[[bool], None] | None = None,
    ) -> None:
        self.service = service
        self.video_spec = video
        self.clock = MediaClock()
        self.timeline = SpeechTimeline()
        sheet = service.sheet(look, (video.width, video.height))
        self.audio = AvatarAudioTrack(self.clock, self.timeline, on_speaking)
        self.video = AvatarVideoTrack(self.clock, self.timeline, sheet, fps=video.fps)
        self.pc = RTCPeerConnection(rtc_configuration(service.options.peer))
        self.closed = asyncio.Event()
        self._queue: asyncio.Queue[_Queued] = asyncio.Queue()
        self._generation = 0
        self._feeder: asyncio.Task[None] | None = None
        self._closing = False
        self._watch: set[asyncio.Task[None]] = set()

        @self.pc.on("connectionstatechange")
        def _state() -> None:
            if self.pc.connectionState in ("failed", "closed") and not self._closing:
                task = asyncio.ensure_future(self.close())
                self._watch.add(task)
                task.add_done_callback(self._watch.discard)

    async def start(self, offer_sdp: str) -> str:
        """Take a place under the cap and answer the offer (the answer's SDP)."""
        self.service.reserve(self)
        try:
            sdp = await answer(
                self.pc,
                offer_sdp,
                self.service.options.peer,
                [self.audio, self.video],
                bitrate=self.video_spec.bitrate,
            )
        except BaseException:
            await self.close()
            raise
        self._feeder = asyncio.create_task(self._feed(), name="avatar-feed")
        return sdp

    # -- speech

    def speak(self, chunk: SpeechChunk) -> None:
        """Queue assistant speech; ignored until media flows (nobody would see it)."""
        if self.clock.started.is_set() and not self._closing:
            self._queue.put_nowait(_Queued(self._generation, chunk))

    def interrupt(self) -> None:
        """Barge-in: unplayed speech is dropped, the mouth closes with the sound."""
        self._generation += 1
        while not self._queue.empty():
            self._queue.get_nowait()
        self.timeline.clear()
        self.audio.quiet()

    async def _feed(self) -> None:
        while True:
            item = await self._queue.get()
            chunk = item.chunk
            ready = await asyncio.to_thread(prepare, chunk.pcm16, chunk.sample_rate, chunk.visemes)
            if item.generation == self._generation:
                self.timeline.write(ready)

    # -- ending

    async def close(self) -> None:
        if self._closing:
            await self.closed.wait()
            return
        self._closing = True
        self.service.release(self)  # before the close handshake: the place is free now
        try:
            if self._feeder is not None:
                self._feeder.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await self._feeder
            self.audio.stop()
            self.video.stop()
            await self.pc.close()
        except Exception:
            log.warning("avatar connection did not close cleanly", exc_info=True)
        finally:
            self.closed.set()
