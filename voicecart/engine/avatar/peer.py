"""The WebRTC side: read the client's offer, answer it with aiortc, stream both tracks.

``session.avatar.connect`` carries the offer as base64 of ``{"type": "offer", "sdp": …}``
(what Azure's samples send) or as plain SDP; the answer goes back in the same form.
The answer is complete (non-trickle): aiortc gathers before ``setLocalDescription``
returns. With no ICE servers configured aiortc is given an empty list, because left to
itself it asks Google's public STUN server and waits up to 5 s for it.

Deployment knobs (``PeerOptions``): STUN/TURN servers; a public IP added as a candidate for
hosts behind a 1:1 NAT (same port as the host candidate); loopback candidates for boxes
whose only interface is ``lo`` (aioice leaves 127.0.0.1 out; see ``allow_loopback``).
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, Literal

import aioice.ice
from aiortc import (
    RTCConfiguration,
    RTCIceServer,
    RTCPeerConnection,
    RTCRtpCodecCapability,
    RTCRtpSender,
    RTCSessionDescription,
)
from aiortc.codecs import vpx
from aiortc.mediastreams import MediaStreamTrack

from voicecart.engine.avatar.looks import AvatarError

log = logging.getLogger(__name__)

Encoding = Literal["json-base64", "sdp"]
MAX_SDP_CHARS: Final = 100_000


@dataclass(frozen=True)
class IceServer:
    urls: tuple[str, ...]
    username: str | None = None
    credential: str | None = None

    def wire(self) -> dict[str, Any]:
        """As the session shows it to clients (``session.updated`` → ``avatar.ice_servers``)."""
        out: dict[str, Any] = {"urls": list(self.urls)}
        if self.username is not None:
            out["username"] = self.username
        if self.credential is not None:
            out["credential"] = self.credential
        return out


@dataclass(frozen=True)
class PeerOptions:
    ice_servers: tuple[IceServer, ...] = ()
    public_ip: str | None = None
    loopback: bool = False


# ---------------------------------------------------------------------- the offer


def decode_offer(client_sdp: str) -> tuple[str, Encoding]:
    """The offer's SDP and how it was wrapped, or ``AvatarError`` (``invalid_sdp``)."""
    if len(client_sdp) > MAX_SDP_CHARS * 2:
        raise AvatarError("invalid_sdp", "client_sdp is too large.", param="client_sdp")
    if client_sdp.startswith("v=0"):
        sdp, encoding = client_sdp, "sdp"
    else:
        try:
            payload = json.loads(base64.b64decode(client_sdp, validate=True))
        except (binascii.Error, ValueError) as exc:
            raise AvatarError(
                "invalid_sdp",
                'client_sdp must be base64 of {"type": "offer", "sdp": "v=0..."} '
                "or a plain SDP offer.",
                param="client_sdp",
            ) from exc
        if not isinstance(payload, dict) or payload.get("type") != "offer":
            raise AvatarError(
                "invalid_sdp",
                'client_sdp must decode to {"type": "offer", "sdp": "v=0..."}.',
                param="client_sdp",
            )
        sdp, encoding = str(payload.get("sdp") or ""), "json-base64"
    if not sdp.startswith("v=0") or len(sdp) > MAX_SDP_CHARS:
        raise AvatarError("invalid_sdp", "The offer is not an SDP description.", param="client_sdp")
    kinds = set(re.findall(r"^m=(\w+) ", sdp, flags=re.MULTILINE))
    if "video" not in kinds:
        raise AvatarError(
            "invalid_sdp",
            "The offer has no video; offer to receive video (and audio) from the avatar.",
            param="client_sdp",
        )
    return sdp, encoding  # type: ignore[return-value]


def encode_answer(sdp: str, encoding: Encoding) -> str:
    if encoding == "sdp":
        return sdp
    return base64.b64encode(json.dumps({"type": "answer", "sdp": sdp}).encode()).decode("ascii")


# ---------------------------------------------------------------------- ICE


def rtc_configuration(options: PeerOptions) -> RTCConfiguration:
    servers = [
        RTCIceServer(urls=list(s.urls), username=s.username, credential=s.credential)
        for s in options.ice_servers
    ]
    return RTCConfiguration(iceServers=servers)  # [] — never aiortc's public default


_original_host_addresses: Callable[[bool, bool], list[str]] | None = None


def allow_loopback() -> None:
    """Let aioice offer 127.0.0.1 too (process-wide; for machines with only ``lo``).

    aioice has no per-connection switch for this, so its address lookup is wrapped once.
    Off by default: a deployment should advertise addresses a browser elsewhere can reach.
    """
    global _original_host_addresses
    if _original_host_addresses is not None:
        return
    original = aioice.ice.get_host_addresses
    _original_host_addresses = original

    def with_loopback(use_ipv4: bool, use_ipv6: bool) -> list[str]:
        found = original(use_ipv4, use_ipv6)
        return [*found, "127.0.0.1"] if use_ipv4 and "127.0.0.1" not in found else found

    aioice.ice.get_host_addresses = with_loopback


_CANDIDATE = re.compile(
    r"^a=candidate:(?P<foundation>\S+) (?P<component>\d+) (?P<transport>\S+) (?P<priority>\d+) "
    r"(?P<ip>[0-9.]+) (?P<port>\d+) typ host(?P<rest>.*)$"
)


def add_public_ip(sdp: str, public_ip: str) -> str:
    """Add a candidate at ``public_ip`` beside each IPv4 host candidate (1:1 NAT)."""
    lines = sdp.split("\r\n")
    out: list[str] = []
    for line in lines:
        out.append(line)
        match = _CANDIDATE.match(line)
        if match and match["ip"] != public_ip:
            priority = max(1, int(match["priority"]) - 1)
            out.append(
                f"a=candidate:{match['foundation']}p {match['component']} {match['transport']} "
                f"{priority} {public_ip} {match['port']} typ host{match['rest']}"
            )
    return "\r\n".join(out)


# ---------------------------------------------------------------------- bitrate


class CappedVp8Encoder(vpx.Vp8Encoder):
    """aiortc's VP8 encoder with the receiver's bandwidth estimates capped at ``cap``."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        super().__init__()
        self.target_bitrate = min(vpx.DEFAULT_BITRATE, cap)

    @property
    def target_bitrate(self) -> int:
        return self._target

    @target_bitrate.setter
    def target_bitrate(self, bitrate: int) -> None:
        self._target = max(min(vpx.MIN_BITRATE, self.cap), min(bitrate, self.cap, vpx.MAX_BITRATE))
        # The base class keeps its own copy for the encoder's buffer size.
        self._Vp8Encoder__target_bitrate = self._target


def cap_video_bitrate(sender: RTCRtpSender, cap: int) -> bool:
    """Make ``sender`` encode with a :class:`CappedVp8Encoder` (set before media flows).

    aiortc creates its encoder lazily and offers no bitrate setting; the sender's private
    slot is filled in advance. Returns False (and logs) if this aiortc lays it out otherwise.
    """
    slot = "_RTCRtpSender__encoder"
    if getattr(sender, slot, "missing") is not None:
        log.warning("cannot cap the avatar bitrate with this aiortc version")
        return False
    setattr(sender, slot, CappedVp8Encoder(cap))
    return True


# ---------------------------------------------------------------------- answering


def _preferred(kind: str) -> list[RTCRtpCodecCapability]:
    """VP8 for video and Opus for audio (with RTX where offered)."""
    wanted = "video/VP8" if kind == "video" else "audio/opus"
    codecs = RTCRtpSender.getCapabilities(kind).codecs
    return [c for c in codecs if c.mimeType in (wanted, f"{kind}/rtx")]


async def answer(
    pc: RTCPeerConnection,
    offer_sdp: str,
    options: PeerOptions,
    tracks: list[MediaStreamTrack],
    *,
    bitrate: int | None = None,
) -> str:
    """Answer the offer, sending ``tracks`` (one stream) in its media sections.

    The transceivers exist before the offer is applied, so aiortc matches them to the
    offer's sections and negotiates only the codecs preferred here.
    """
    for track in tracks:
        transceiver = pc.addTransceiver(track, direction="sendonly")
        transceiver.setCodecPreferences(_preferred(track.kind))
        if track.kind == "video" and bitrate is not None:
            cap_video_bitrate(transceiver.sender, bitrate)
    await pc.setRemoteDescription(RTCSessionDescription(sdp=offer_sdp, type="offer"))
    await pc.setLocalDescription(await pc.createAnswer())
    sdp = pc.localDescription.sdp
    if options.public_ip:
        sdp = add_public_ip(sdp, options.public_ip)
    return sdp
