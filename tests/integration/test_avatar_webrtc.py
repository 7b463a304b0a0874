"""The local avatar end to end, without a browser: an aiortc client in its place.

The whole app runs under uvicorn (gateway, its own engine with the real parts: piper
speaks, the retail brain answers). The client posts its recvonly offer to the real
``POST /sessions/{id}/avatar-offer``, receives VP8 video and Opus audio over real UDP
sockets, and checks what a viewer would: frames keep coming, the mouth is shut while the
assistant is silent and moves while it speaks, and the speech is audible.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import dataclasses
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import aioice.ice
import httpx
import pytest
from aiortc import RTCConfiguration, RTCPeerConnection
from fastapi import FastAPI

from tests.avatar_client import AvatarReceiver
from tests.e2e.speech import (
    CHUNK_BYTES,
    CHUNK_MS,
    Browser,
    Message,
    Voice,
    browser,
    end_session,
)
from tests.support import free_port, make_settings, serving
from voicecart.app import create_app
from voicecart.engine.avatar.service import AvatarService

pytestmark = [pytest.mark.integration, pytest.mark.slow]

OPEN = 30  # dark pixels in the mouth box: clearly open
SHUT = 6  # at most this many: shut (codec noise allowance)
LOUD = 500.0  # audio RMS of speech
QUIET = 50.0  # audio RMS of silence after Opus


@dataclass(frozen=True)
class Server:
    base_url: str
    app: FastAPI

    @property
    def avatars(self) -> AvatarService:
        service = self.app.state.engine.avatar
        assert isinstance(service, AvatarService)
        return service


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The real app on VOICECART_PORT (so the gateway's upstream is its own engine)."""
    port = free_port()
    overrides: dict[str, object] = {"VOICECART_PORT": port}
    if not aioice.ice.get_host_addresses(use_ipv4=True, use_ipv6=False):
        overrides["VOICECART_AVATAR_ICE_LOOPBACK"] = True  # a box with only ``lo``
    db = tmp_path_factory.mktemp("avatar") / "voicecart.db"
    app = create_app(make_settings(f"sqlite+aiosqlite:///{db}", **overrides))
    with serving(app, port) as base_url:
        yield Server(base_url, app)


async def _session(http: httpx.AsyncClient) -> tuple[str, dict[str, str]]:
    r = await http.post("/sessions")
    if r.status_code != 200 and os.environ.get("CI", "").lower() != "true":
        pytest.skip(f"the local engine could not start here: {r.text}")
    assert r.status_code == 200, r.text
    body = r.json()
    return body["session_id"], {"Authorization": f"Bearer {body['token']}"}


async def test_avatar_speaks_through_the_gateway(server: Server) -> None:
    receiver = AvatarReceiver()
    async with httpx.AsyncClient(base_url=server.base_url, timeout=60) as http:
        session_id, auth = await _session(http)
        try:
            r = await http.post(
                f"/sessions/{session_id}/avatar-offer",
                json={"sdp": await receiver.offer()},
                headers=auth,
            )
            assert r.status_code == 200, r.text
            answer = r.json()["sdp"]
            assert "VP8/90000" in answer and "opus/48000" in answer
            assert " typ srflx " not in answer  # no STUN server was asked
            await receiver.accept(answer)

            # Idle: a second of frames, the mouth shut, the sound silent.
            async with asyncio.timeout(15):
                await receiver.wait_for(lambda: len(receiver.video) >= 25)
            first = receiver.video[0]
            assert (first.width, first.height) == (640, 360)
            assert first.at - receiver.offered_at < 2.0
            assert all(v.mouth_dark <= SHUT for v in receiver.video)
            assert all(a.rms < QUIET for a in receiver.audio)

            spoken = await http.post(
                f"/sessions/{session_id}/text",
                json={"text": "Hello! What can you help me with?"},
                headers=auth,
            )
            assert spoken.status_code == 200, spoken.text

            def loud_at() -> list[float]:
                return [a.at for a in receiver.audio if a.rms > LOUD]

            def finished() -> bool:  # spoke, then 1.5 s without speech
                loud = loud_at()
                return bool(loud) and receiver.audio[-1].at - loud[-1] > 1.5

            async with asyncio.timeout(60):
                await receiver.wait_for(finished)
        finally:
            end = await http.delete(f"/sessions/{session_id}", headers=auth)
            assert end.status_code == 200, end.text

    loud = loud_at()
    start, stop = loud[0], loud[-1]
    assert stop - start > 0.8  # a real answer, not a click
    speaking = [v for v in receiver.video if start + 0.1 <= v.at <= stop - 0.1]
    after = [v for v in receiver.video if v.at > stop + 0.5]
    opened = [v for v in speaking if v.mouth_dark >= OPEN]
    assert len(opened) >= 0.25 * len(speaking), [v.mouth_dark for v in speaking]
    assert len({v.mouth_dark // 20 for v in speaking}) >= 4  # it moves, not just opens
    assert after and all(v.mouth_dark <= SHUT for v in after), [v.mouth_dark for v in after]
    duration = receiver.video[-1].at - receiver.video[0].at
    assert len(receiver.video) / duration > 20  # ~25 fps kept up

    # Ending the session closed the peer at once, not after ICE consent expiry (~30 s).
    async with asyncio.timeout(5):
        await receiver.ended.wait()
    assert not server.avatars.streams  # its place under the cap is free again
    await receiver.close()


# ---------------------------------------------------------------------- spoken turns


@pytest.fixture(scope="module")
def voice() -> Voice:
    try:
        return Voice()
    except Exception as exc:  # piper or its voice missing
        if os.environ.get("CI", "").lower() == "true":
            raise
        pytest.skip(f"piper TTS unavailable here: {exc}")


class OpenMicrophone:
    """A browser's microphone left on: a 40 ms chunk every 40 ms, the queued speech or
    silence, for the whole conversation (the shopper never switches it off)."""

    def __init__(self, shopper: Browser) -> None:
        self.shopper = shopper
        self.sent = 0
        self._queued = bytearray()
        self._drained = asyncio.Event()
        self._task = asyncio.create_task(self._run())

    async def say(self, pcm: bytes) -> None:
        """Queue ``pcm`` and return once its last chunk has gone out."""
        self._drained.clear()
        self._queued += pcm
        await self._drained.wait()

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        start = loop.time()
        while True:
            due = start + self.sent * CHUNK_MS / 1000
            if due > loop.time():
                await asyncio.sleep(due - loop.time())
            chunk = bytes(self._queued[:CHUNK_BYTES]).ljust(CHUNK_BYTES, b"\0")
            del self._queued[:CHUNK_BYTES]
            if not self._queued:
                self._drained.set()
            await self.shopper.send(
                {
                    "type": "audio_chunk",
                    "data": base64.b64encode(chunk).decode("ascii"),
                    "encoding": "pcm16",
                }
            )
            self.sent += 1

    async def close(self) -> None:
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task


def _loud(receiver: AvatarReceiver, since: int) -> list[float]:
    return [a.at for a in receiver.audio[since:] if a.rms > LOUD]


async def _connect(shopper: Browser, base_url: str, receiver: AvatarReceiver) -> None:
    auth = {"Authorization": f"Bearer {shopper.session['token']}"}
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:
        r = await http.post(
            f"/sessions/{shopper.session_id}/avatar-offer",
            json={"sdp": await receiver.offer()},
            headers=auth,
        )
    assert r.status_code == 200, r.text
    await receiver.accept(r.json()["sdp"])
    async with asyncio.timeout(15):
        await receiver.wait_for(lambda: len(receiver.video) >= 25)


def _playback(status: str, response_id: str) -> Callable[[Message], bool]:
    return lambda m: (
        m["type"] == "assistant_playback"
        and m["status"] == status
        and m["response_id"] == response_id
    )


async def test_spoken_turns_with_the_avatar_connected(server: Server, voice: Voice) -> None:
    """A conversation by voice while the avatar streams, the microphone open throughout as
    a browser keeps it: every turn is heard (``speech_started``), transcribed and answered,
    the avatar's mouth moves with every answer, and the browser is told when the avatar
    really starts and stops speaking (it plays the answer long after ``response.done``)."""
    lines = ("Do you have running shoes?", "Tell me about the first one.", "Do you have tents?")
    await voice.prepare(*lines)
    receiver = AvatarReceiver()
    async with browser(server.base_url) as shopper:
        mic = OpenMicrophone(shopper)
        try:
            await _connect(shopper, server.base_url, receiver)
            for line in lines:
                video_from, audio_from = len(receiver.video), len(receiver.audio)
                since = shopper.mark()
                await mic.say(await voice.say(line))
                await shopper.wait_for(lambda m: m["type"] == "speech_started", since, within=20)
                answer = await shopper.answer(since, tools=1)
                assert answer.heard and answer.said, answer
                # The shopper speaks again when the avatar has finished, as a person would.
                await shopper.wait_for(_playback("started", answer.response_id), since)
                await shopper.wait_for(_playback("stopped", answer.response_id), since)
                stopped_at = time.perf_counter()
                loud = _loud(receiver, audio_from)
                assert loud and stopped_at - loud[-1] < 1.5, "stopped long after the speech"
                async with asyncio.timeout(5):  # and no speech is heard after it
                    await receiver.wait_for(lambda t=stopped_at: receiver.audio[-1].at > t + 0.5)
                assert _loud(receiver, audio_from)[-1] < stopped_at
                assert loud[-1] - loud[0] > 1.0  # the whole answer was spoken
                speaking = [v for v in receiver.video[video_from:] if loud[0] <= v.at <= loud[-1]]
                opened = [v for v in speaking if v.mouth_dark >= OPEN]
                assert len(opened) >= 0.2 * len(speaking), (line, [v.mouth_dark for v in speaking])
            assert not shopper.since(0, "error"), shopper.since(0, "error")
        finally:
            await mic.close()
        await end_session(server.base_url, shopper.session)
    await receiver.close()


async def test_speaking_over_the_avatar_stops_it_at_once(server: Server, voice: Voice) -> None:
    """Barge-in with the avatar on: the shopper's speech during the avatar's answer is heard,
    the avatar's voice stops and its mouth closes at once, and the interruption is answered."""
    question, interruption = "Do you have running shoes?", "Do you have tents?"
    await voice.prepare(question, interruption)
    receiver = AvatarReceiver()
    async with browser(server.base_url) as shopper:
        mic = OpenMicrophone(shopper)
        try:
            await _connect(shopper, server.base_url, receiver)
            since = shopper.mark()
            await mic.say(await voice.say(question))
            first = await shopper.answer(since, tools=1)
            audio_from = len(receiver.audio)
            await shopper.wait_for(_playback("started", first.response_id), since)
            async with asyncio.timeout(30):  # the avatar is audibly speaking the answer
                await receiver.wait_for(lambda: len(_loud(receiver, audio_from)) >= 10)

            barge = shopper.mark()
            saying = asyncio.create_task(mic.say(await voice.say(interruption, lead_ms=0)))
            await shopper.wait_for(lambda m: m["type"] == "speech_started", barge, within=20)
            heard_at = time.perf_counter()
            await shopper.wait_for(_playback("stopped", first.response_id), barge, within=5)
            async with asyncio.timeout(5):
                await receiver.wait_for(lambda: receiver.audio[-1].at > heard_at + 1.0)
            await saying
            # Cut, not played out (the answer had seconds left); the window ends before
            # the interruption itself can have been answered.
            window = (heard_at + 0.4, heard_at + 1.0)
            assert not [t for t in _loud(receiver, audio_from) if window[0] < t < window[1]]
            shut = [v for v in receiver.video if window[0] < v.at < window[1]]
            assert shut and all(v.mouth_dark <= SHUT for v in shut), [v.mouth_dark for v in shut]

            second = await shopper.answer(barge, tools=1)
            assert "tent" in second.heard.lower(), second
            assert "Summit" in second.said, second
        finally:
            await mic.close()
        await end_session(server.base_url, shopper.session)
    await receiver.close()


async def test_refusals_reach_the_browser_with_their_reason(server: Server) -> None:
    """The engine's refusal of an offer comes back from the real endpoint with its own code,
    message and a fitting status, not as a generic 502."""
    async with httpx.AsyncClient(base_url=server.base_url, timeout=60) as http:
        session_id, auth = await _session(http)
        url = f"/sessions/{session_id}/avatar-offer"
        try:
            audio_only = RTCPeerConnection(RTCConfiguration(iceServers=[]))
            audio_only.addTransceiver("audio", direction="recvonly")
            await audio_only.setLocalDescription(await audio_only.createOffer())
            r = await http.post(url, json={"sdp": audio_only.localDescription.sdp}, headers=auth)
            await audio_only.close()
            assert r.status_code == 400, r.text
            assert r.json()["code"] == "invalid_sdp"
            assert "no video" in r.json()["detail"]

            options = server.avatars.options
            server.avatars.options = dataclasses.replace(options, max_streams=0)
            try:
                receiver = AvatarReceiver()
                r = await http.post(url, json={"sdp": await receiver.offer()}, headers=auth)
                await receiver.close()
            finally:
                server.avatars.options = options
            assert r.status_code == 503, r.text
            assert r.json()["code"] == "avatar_capacity_exceeded"
            assert "its limit" in r.json()["detail"]
        finally:
            await http.delete(f"/sessions/{session_id}", headers=auth)
