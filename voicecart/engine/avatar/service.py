"""Per-process avatar state: options from settings, the stream cap, the sprite cache."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from voicecart.config import Settings
from voicecart.engine.avatar.looks import AvatarError, Look, resolve_look, video_spec
from voicecart.engine.avatar.peer import IceServer, PeerOptions, allow_loopback
from voicecart.engine.avatar.sprites import SpriteCache, SpriteSheet

if TYPE_CHECKING:
    from voicecart.engine.avatar.stream import AvatarStream

log = logging.getLogger(__name__)

STREAMS_PER_CORE: Final = 6  # ≈ 0.7 of a core / 0.12 of a core per 360p stream


@dataclass(frozen=True)
class AvatarOptions:
    peer: PeerOptions = field(default_factory=PeerOptions)
    max_streams: int = 4
    fps: int = 25

    @classmethod
    def from_settings(cls, settings: Settings) -> AvatarOptions:
        servers: tuple[IceServer, ...] = ()
        if settings.avatar_ice_urls:
            urls = tuple(u.strip() for u in settings.avatar_ice_urls.split(",") if u.strip())
            credential = (
                settings.avatar_ice_credential.get_secret_value()
                if settings.avatar_ice_credential
                else None
            )
            servers = (IceServer(urls, settings.avatar_ice_username, credential),)
        limit = settings.avatar_max_streams
        if limit is None:
            limit = STREAMS_PER_CORE * (os.cpu_count() or 1)
        public_ip = settings.avatar_public_ip
        if public_ip is not None:
            ipaddress.IPv4Address(public_ip)  # validated in Settings too
        return cls(
            peer=PeerOptions(
                ice_servers=servers, public_ip=public_ip, loopback=settings.avatar_ice_loopback
            ),
            max_streams=limit,
        )


class AvatarService:
    """Shared by every engine session of this process."""

    def __init__(self, options: AvatarOptions, sprites: SpriteCache | None = None) -> None:
        self.options = options
        self.sprites = sprites or SpriteCache()
        self.streams: set[AvatarStream] = set()
        self._builds: set[asyncio.Future[None]] = set()
        if options.peer.loopback:
            allow_loopback()

    def reserve(self, stream: AvatarStream) -> None:
        if len(self.streams) >= self.options.max_streams:
            raise AvatarError(
                "avatar_capacity_exceeded",
                f"The local engine is already streaming {len(self.streams)} avatars, its limit; "
                "continue with audio only or try again later.",
                param="client_sdp",
            )
        self.streams.add(stream)

    def release(self, stream: AvatarStream) -> None:
        self.streams.discard(stream)

    def sheet(self, look: Look, size: tuple[int, int]) -> SpriteSheet:
        """The sprites for ``look`` at ``size``; a new sheet starts building in a worker."""
        sheet, new = self.sprites.sheet(look, size)
        if new:
            future = asyncio.get_running_loop().run_in_executor(None, _build, sheet)
            self._builds.add(future)
            future.add_done_callback(self._built)
        return sheet

    def warm(self, settings: Settings) -> None:
        """Start drawing the configured look at the configured (or default) size, so the
        first session's first frame does not wait for it. Unknown looks are left alone:
        the session that asks for one gets the error."""
        width, height = settings.avatar_width, settings.avatar_height
        asked = {"width": width, "height": height} if width and height else None
        try:
            look = resolve_look(settings.avatar_character, settings.avatar_style)
            video = video_spec({"resolution": asked} if asked else None)
        except AvatarError:
            return
        self.sheet(look, (video.width, video.height))

    def _built(self, future: asyncio.Future[None]) -> None:
        self._builds.discard(future)
        if not future.cancelled() and future.exception() is not None:
            log.error("avatar sprites failed to render", exc_info=future.exception())

    async def close(self) -> None:
        for stream in list(self.streams):
            await stream.close()


def _build(sheet: SpriteSheet) -> None:
    sheet.build_first()
    sheet.build_rest()
