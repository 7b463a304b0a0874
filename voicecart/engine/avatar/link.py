"""What an engine session knows of its avatar: the configured look, the live stream.

``EngineSession`` calls ``configure`` on ``session.update``, ``connect`` on
``session.avatar.connect``, ``speak`` with each piece of synthesized speech, ``interrupt``
on barge-in and ``close`` when the connection ends. Refusals are ``ClientError``s, so they
reach the client as ``error`` events naming the field.

The avatar plays speech in real time, long after the response that made it is done;
``on_playback(True/False, response_id)`` tells the session when the avatar audibly
starts and stops speaking (played out or cut), so a client knows when the assistant is
really quiet. Nothing here is awaited by the input path: ``speak`` and ``interrupt``
only queue or drop.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from aiortc.exceptions import OperationError

from voicecart.engine.avatar.looks import AvatarError, Look, VideoSpec, resolve_look, video_spec
from voicecart.engine.avatar.peer import decode_offer, encode_answer
from voicecart.engine.avatar.service import AvatarService
from voicecart.engine.avatar.stream import AvatarStream
from voicecart.engine.events import ClientError
from voicecart.engine.interfaces import SpeechChunk

log = logging.getLogger(__name__)
T = TypeVar("T")


def _client_error(exc: AvatarError) -> ClientError:
    return ClientError(exc.code, exc.message, param=exc.param)


Playback = Callable[[bool, str | None], None]


class AvatarLink:
    def __init__(self, service: AvatarService | None, on_playback: Playback | None = None) -> None:
        self.service = service
        self.look: Look | None = None
        self.video = VideoSpec()
        self.stream: AvatarStream | None = None
        self._on_playback = on_playback
        self._response_id: str | None = None  # whose speech the avatar is playing
        self._refused: ClientError | None = None  # why the session's avatar was refused

    def configure(self, avatar: dict[str, Any] | None) -> dict[str, Any] | None:
        """Check ``session.avatar``; returns it as ``session.updated`` shows it, with the
        ICE servers the client should use (this engine's, unless the client set its own)."""
        if avatar is None:
            self.look, self._refused = None, None
            return None
        try:
            look = resolve_look(str(avatar.get("character", "")), avatar.get("style"))
            fps = self.service.options.fps if self.service else VideoSpec.fps
            video = video_spec(avatar.get("video"), fps=fps)
        except AvatarError as exc:
            # A later connect says why again (a gateway may only see the connect's answer).
            self._refused = _client_error(exc)
            raise self._refused from exc
        self.look, self.video, self._refused = look, video, None
        shown = dict(avatar)
        if not shown.get("ice_servers"):
            servers = self.service.options.peer.ice_servers if self.service else ()
            shown["ice_servers"] = [s.wire() for s in servers]
        return shown

    async def connect(self, client_sdp: str) -> str:
        """Answer the client's offer (``server_sdp``, encoded as the offer was)."""
        if self.service is None:
            raise ClientError(
                "avatar_unavailable",
                "This engine does not stream avatar video; animate the avatar in the client "
                "from the viseme_id animation output instead.",
                param="client_sdp",
            )
        if self.look is None and self._refused is not None:
            raise ClientError(self._refused.code, self._refused.message, param=self._refused.param)
        if self.look is None:
            raise ClientError(
                "avatar_not_configured",
                "session.avatar.connect needs an avatar in the session "
                "(session.update with avatar.character).",
                param="client_sdp",
            )
        sdp, encoding = _checked(decode_offer, client_sdp)
        await self.close()  # a new offer replaces the previous connection
        stream = AvatarStream(self.service, self.look, self.video, self._speaking)
        try:
            answer = await _checked_async(stream.start, sdp)
        except (ValueError, OperationError) as exc:  # aiortc's SDP parser and negotiation
            raise ClientError(
                "invalid_sdp", f"The offer was refused: {exc}", param="client_sdp"
            ) from exc
        self.stream = stream
        log.info(
            "avatar connected",
            extra={"look": self.look.key, "size": f"{self.video.width}x{self.video.height}"},
        )
        return encode_answer(answer, encoding)

    def speak(self, chunk: SpeechChunk, response_id: str | None = None) -> None:
        if self.stream is not None:
            self._response_id = response_id
            self.stream.speak(chunk)

    def _speaking(self, speaking: bool) -> None:
        if self._on_playback is not None:
            self._on_playback(speaking, self._response_id)

    def interrupt(self) -> None:
        if self.stream is not None:
            self.stream.interrupt()

    async def close(self) -> None:
        stream, self.stream = self.stream, None
        if stream is not None:
            await stream.close()


def _checked(fn: Callable[[str], T], arg: str) -> T:
    try:
        return fn(arg)
    except AvatarError as exc:
        raise _client_error(exc) from exc


async def _checked_async(fn: Callable[[str], Awaitable[T]], arg: str) -> T:
    try:
        return await fn(arg)
    except AvatarError as exc:
        raise _client_error(exc) from exc
