"""The upstream client (official SDK) against the protocol-speaking test upstream."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from azure.core.credentials import AccessToken

from tests.fakes.voicelive_server import FakeVoiceLive
from voicecart.realtime.upstream import (
    UpstreamClosed,
    UpstreamOptions,
    UpstreamUnavailable,
    VoiceLiveUpstream,
)

pytestmark = pytest.mark.integration

KEY = "upstream-secret"


class CountingTokenCredential:
    """An async TokenCredential whose tokens expire at once, so every connect fetches anew."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[tuple[str, ...]] = []

    async def get_token(self, *scopes: str, **_: Any) -> AccessToken:
        self.calls.append(scopes)
        return AccessToken(self.token, int(time.time()) + 60)

    async def close(self) -> None:
        return None

    async def __aenter__(self) -> CountingTokenCredential:
        return self

    async def __aexit__(self, *_: object) -> None:
        return None


@pytest.fixture
async def fake() -> AsyncIterator[FakeVoiceLive]:
    async with FakeVoiceLive(api_key=KEY) as server:
        yield server


async def test_api_key_connects_and_relays(fake: FakeVoiceLive) -> None:
    upstream = VoiceLiveUpstream(UpstreamOptions(endpoint=fake.base_url, model="m", api_key=KEY))
    conn = await upstream.connect()
    try:
        created = await conn.recv()
        assert created["type"] == "session.created"
        await conn.send({"type": "session.update", "session": {"instructions": "hi"}})
        updated = await conn.recv()
        assert updated["type"] == "session.updated"
        assert updated["session"]["instructions"] == "hi"
    finally:
        await conn.close()
    assert fake.handshakes[-1]["auth"] == "api-key"
    assert fake.handshakes[-1]["query"]["model"] == "m"
    assert "api-version" in fake.handshakes[-1]["query"]


async def test_wrong_key_is_unavailable(fake: FakeVoiceLive) -> None:
    upstream = VoiceLiveUpstream(
        UpstreamOptions(endpoint=fake.base_url, model="m", api_key="wrong")
    )
    with pytest.raises(UpstreamUnavailable) as info:
        await upstream.connect()
    assert "wrong" not in str(info.value)


async def test_entra_token_is_fetched_for_every_connect(fake: FakeVoiceLive) -> None:
    credential = CountingTokenCredential(KEY)
    upstream = VoiceLiveUpstream(
        UpstreamOptions(endpoint=fake.base_url, model="m", credential=credential)
    )
    for _ in range(2):
        conn = await upstream.connect()
        assert (await conn.recv())["type"] == "session.created"
        await conn.close()
    assert len(credential.calls) == 2
    assert credential.calls[0] == ("https://ai.azure.com/.default",)
    assert [h["auth"] for h in fake.handshakes] == ["bearer", "bearer"]


async def test_drop_surfaces_as_upstream_closed(fake: FakeVoiceLive) -> None:
    upstream = VoiceLiveUpstream(UpstreamOptions(endpoint=fake.base_url, model="m", api_key=KEY))
    conn = await upstream.connect()
    await conn.recv()
    fake.drop_after(1)
    await conn.send(
        {
            "type": "conversation.item.create",
            "item": {
                "type": "message",
                "role": "user",
                "content": [{"type": "input_text", "text": "hello"}],
            },
        }
    )
    await conn.send({"type": "response.create"})
    with pytest.raises(UpstreamClosed):
        for _ in range(100):
            await conn.recv()
    await conn.close()
