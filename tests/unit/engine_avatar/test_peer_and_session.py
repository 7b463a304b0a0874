"""Offer/answer, ICE settings, the stream cap and clean-up, and the engine session's wiring.

Negotiations here are real aiortc peers in one process (no media needs to flow).
"""

from __future__ import annotations

import asyncio
import base64
import json
import time
from typing import Any

import aioice.ice
import pytest
from aiortc import RTCConfiguration, RTCPeerConnection, RTCRtpSender

from tests.unit.engine_server.harness import Harness
from voicecart.config import load_settings
from voicecart.engine.avatar import peer
from voicecart.engine.avatar.looks import AvatarError, VideoSpec, resolve_look
from voicecart.engine.avatar.peer import (
    IceServer,
    PeerOptions,
    add_public_ip,
    decode_offer,
    encode_answer,
    rtc_configuration,
)
from voicecart.engine.avatar.service import AvatarOptions, AvatarService
from voicecart.engine.avatar.stream import AvatarStream
from voicecart.engine.fakes import fake_parts
from voicecart.engine.session import EngineSession

pytestmark = pytest.mark.unit

TURN = IceServer(("turn:turn.example.net:3478",), "user", "secret")


async def browser_offer() -> tuple[RTCPeerConnection, str]:
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    pc.addTransceiver("audio", direction="recvonly")
    pc.addTransceiver("video", direction="recvonly")
    await pc.setLocalDescription(await pc.createOffer())
    return pc, pc.localDescription.sdp


def wrapped(sdp: str) -> str:
    return base64.b64encode(json.dumps({"type": "offer", "sdp": sdp}).encode()).decode()


# ---------------------------------------------------------------------- SDP and ICE


def test_offers_are_read_in_either_encoding_and_answered_in_the_same() -> None:
    sdp = "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n"
    assert decode_offer(sdp) == (sdp, "sdp")
    assert decode_offer(wrapped(sdp)) == (sdp, "json-base64")
    assert encode_answer("v=0 a", "sdp") == "v=0 a"
    assert json.loads(base64.b64decode(encode_answer("v=0 a", "json-base64"))) == {
        "type": "answer",
        "sdp": "v=0 a",
    }


@pytest.mark.parametrize(
    "client_sdp",
    [
        "e30=",  # base64 of {}
        "not base64!",
        base64.b64encode(b'{"type": "answer", "sdp": "v=0"}').decode(),
        wrapped("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"),  # no video
    ],
)
def test_bad_offers_are_refused(client_sdp: str) -> None:
    with pytest.raises(AvatarError) as info:
        decode_offer(client_sdp)
    assert info.value.code == "invalid_sdp" and info.value.param == "client_sdp"


def test_no_ice_servers_means_none_not_public_stun() -> None:
    assert rtc_configuration(PeerOptions()).iceServers == []
    servers = rtc_configuration(PeerOptions(ice_servers=(TURN,))).iceServers
    assert servers is not None and servers[0].urls == ["turn:turn.example.net:3478"]
    assert servers[0].credential == "secret"


def test_public_ip_is_offered_beside_host_candidates() -> None:
    sdp = "a=mid:0\r\na=candidate:abc 1 udp 2130706431 10.0.0.5 40000 typ host\r\na=end"
    lines = add_public_ip(sdp, "203.0.113.7").split("\r\n")
    assert "a=candidate:abcp 1 udp 2130706430 203.0.113.7 40000 typ host" in lines
    assert len(lines) == 4


def test_options_from_settings() -> None:
    settings = load_settings(
        _env_file=None,
        AZURE_VOICE_AVATAR_ICE_URLS="stun:stun.example.net:3478, turn:turn.example.net:3478",
        AZURE_VOICE_AVATAR_ICE_USERNAME="user",
        AZURE_VOICE_AVATAR_ICE_CREDENTIAL="secret",
        VOICECART_AVATAR_PUBLIC_IP="203.0.113.7",
        VOICECART_AVATAR_MAX_STREAMS=3,
    )
    options = AvatarOptions.from_settings(settings)
    assert options.max_streams == 3 and options.peer.public_ip == "203.0.113.7"
    assert options.peer.ice_servers[0].urls == (
        "stun:stun.example.net:3478",
        "turn:turn.example.net:3478",
    )
    assert AvatarOptions.from_settings(load_settings(_env_file=None)).max_streams >= 6


def test_loopback_candidates_can_be_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aioice.ice, "get_host_addresses", lambda v4, v6: ["192.0.2.9"])
    monkeypatch.setattr(peer, "_original_host_addresses", None)
    peer.allow_loopback()
    assert aioice.ice.get_host_addresses(True, False) == ["192.0.2.9", "127.0.0.1"]


# ---------------------------------------------------------------------- streams


async def test_answer_is_quick_vp8_opus_and_asks_no_stun_server() -> None:
    service = AvatarService(AvatarOptions(max_streams=2))
    client, offer = await browser_offer()
    stream = AvatarStream(service, resolve_look("lisa", None), VideoSpec(bitrate=300_000))
    started = time.perf_counter()
    answer = await stream.start(offer)
    assert time.perf_counter() - started < 2.0  # no 5 s wait on an unreachable STUN server
    assert "VP8/90000" in answer and "opus/48000" in answer
    assert "H264" not in answer and " typ srflx " not in answer
    assert answer.count("a=msid:") == 2  # audio and video in one stream
    msids = {line.split()[0] for line in answer.split("\r\n") if line.startswith("a=msid:")}
    assert len(msids) == 1
    await stream.close()
    await client.close()


async def test_cap_refuses_extra_streams_and_close_frees_a_place() -> None:
    service = AvatarService(AvatarOptions(max_streams=1))
    look = resolve_look("lisa", None)
    client, offer = await browser_offer()
    first = AvatarStream(service, look, VideoSpec())
    await first.start(offer)
    other, offer2 = await browser_offer()
    second = AvatarStream(service, look, VideoSpec())
    with pytest.raises(AvatarError) as info:
        await second.start(offer2)
    assert info.value.code == "avatar_capacity_exceeded"
    assert "already streaming 1 avatars" in info.value.message
    assert service.streams == {first}
    await first.close()
    assert not service.streams and first.pc.connectionState == "closed"
    third = AvatarStream(service, look, VideoSpec())
    await third.start(offer2)
    assert service.streams == {third}
    await third.close()
    await client.close()
    await other.close()


# ---------------------------------------------------------------------- engine session


def engine_harness(service: AvatarService | None) -> Harness:
    harness = Harness(fake_parts())
    harness.session = EngineSession(fake_parts(), harness._receive, avatar=service)
    return harness


AVATAR = {"character": "lisa", "style": "technical-sitting", "customized": False}


async def test_session_update_checks_the_avatar_and_shows_ice_servers() -> None:
    service = AvatarService(AvatarOptions(peer=PeerOptions(ice_servers=(TURN,))))
    async with engine_harness(service) as h:
        await h.send({"type": "session.update", "session": {"avatar": {"character": "bob"}}})
        error = await h.error()
        assert error["code"] == "avatar_verification_failed"
        assert "james, lisa, michelle" in error["message"]
        # Connecting anyway repeats why (a gateway may only see the connect's answer).
        await h.send({"type": "session.avatar.connect", "client_sdp": "v=0"})
        again = await h.error()
        assert again["code"] == "avatar_verification_failed"
        assert "james, lisa, michelle" in again["message"]
        await h.send({"type": "session.update", "session": {"avatar": AVATAR}})
        updated = (await h.next("session.updated"))["session"]
        assert updated["avatar"]["ice_servers"] == [TURN.wire()]
        own = [{"urls": ["stun:own.example.net"]}]
        await h.send(
            {"type": "session.update", "session": {"avatar": {**AVATAR, "ice_servers": own}}}
        )
        assert (await h.next("session.updated"))["session"]["avatar"]["ice_servers"] == own


async def test_connect_needs_an_avatar_then_answers_in_the_offer_encoding() -> None:
    service = AvatarService(AvatarOptions())
    client, offer = await browser_offer()
    async with engine_harness(service) as h:
        await h.send({"type": "session.avatar.connect", "client_sdp": wrapped(offer)})
        assert (await h.error())["code"] == "avatar_not_configured"
        await h.send({"type": "session.update", "session": {"avatar": AVATAR}})
        await h.next("session.updated")
        await h.send({"type": "session.avatar.connect", "client_sdp": wrapped(offer)})
        connecting = await h.next("session.avatar.connecting")
        answer: dict[str, Any] = json.loads(base64.b64decode(connecting["server_sdp"]))
        assert answer["type"] == "answer" and "VP8/90000" in answer["sdp"]
        stream = h.session.avatar.stream
        assert stream is not None and service.streams == {stream}
    # Closing the engine session closed the peer and freed its place at once.
    assert stream.pc.connectionState == "closed" and not service.streams
    await client.close()


async def test_an_offer_without_vp8_is_refused_by_name() -> None:
    client = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    video = client.addTransceiver("video", direction="recvonly")
    h264 = [c for c in RTCRtpSender.getCapabilities("video").codecs if "H264" in c.mimeType]
    video.setCodecPreferences(h264)
    await client.setLocalDescription(await client.createOffer())
    service = AvatarService(AvatarOptions())
    async with engine_harness(service) as h:
        await h.send({"type": "session.update", "session": {"avatar": AVATAR}})
        await h.next("session.updated")
        sdp = client.localDescription.sdp
        await h.send({"type": "session.avatar.connect", "client_sdp": wrapped(sdp)})
        error = await h.error()
        assert error["code"] == "invalid_sdp" and error["param"] == "client_sdp"
        assert not service.streams  # the refused attempt gave its place back
    await client.close()


async def test_barge_in_and_output_clear_interrupt_the_avatar() -> None:
    calls: list[str] = []

    class Recorder:
        def interrupt(self) -> None:
            calls.append("interrupt")

        def speak(self, chunk: object) -> None:
            calls.append("speak")

        async def close(self) -> None:
            calls.append("close")

    async with engine_harness(AvatarService(AvatarOptions())) as h:
        h.session.avatar.stream = Recorder()  # type: ignore[assignment]
        await h.send({"type": "output_audio_buffer.clear"})
        await h.next("output_audio_buffer.cleared")
        assert calls == ["interrupt"]
        await h.speak()  # the user talks: server VAD reports speech and interrupts
        await h.next("input_audio_buffer.speech_started")
        assert calls.count("interrupt") == 2
    assert calls[-1] == "close"


async def test_warm_starts_drawing_the_configured_look() -> None:
    service = AvatarService(AvatarOptions())
    service.warm(load_settings(_env_file=None, AZURE_VOICE_AVATAR_CHARACTER="james"))
    sheet, new = service.sprites.sheet(resolve_look("james", None), (640, 360))
    assert not new  # already there
    service.warm(load_settings(_env_file=None, AZURE_VOICE_AVATAR_CHARACTER="meg"))  # no error
    await asyncio.to_thread(sheet.complete.wait, 30)
    assert sheet.complete.is_set()
