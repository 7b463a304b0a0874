"""The local avatar end to end, without a browser: an aiortc client in its place.

The whole app runs under uvicorn (gateway, its own engine with the real parts: piper
speaks, the retail brain answers). The client posts its recvonly offer to the real
``POST /sessions/{id}/avatar-offer``, receives VP8 video and Opus audio over real UDP
sockets, and checks what a viewer would: frames keep coming, the mouth is shut while the
assistant is silent and moves while it speaks, and the speech is audible.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import aioice.ice
import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from tests.avatar_client import AvatarReceiver
from tests.support import free_port, make_settings
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
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, name="avatar-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not uv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the voicecart server failed to start")
        time.sleep(0.02)
    try:
        yield Server(f"http://127.0.0.1:{port}", app)
    finally:
        uv.should_exit = True
        thread.join(timeout=30)


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
