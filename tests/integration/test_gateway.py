"""The session gateway end to end: real server, real sockets, a protocol-speaking test upstream.

Browser side: a `websockets` client on `WS /ws/sessions/{id}` plus HTTP calls.
Upstream side: `FakeVoiceLive`, a scripted Voice Live–compatible server.
"""

from __future__ import annotations

import asyncio
import base64
import json
import struct
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets
from websockets.asyncio.client import ClientConnection

from tests.fakes.voicelive_server import FakeVoiceLive, Rule
from tests.support import make_settings, running_server

pytestmark = pytest.mark.integration

ENGINE_KEY = "test-engine-key"
ALLOWED_TO_BROWSER = {
    "session_ready",
    "assistant_audio_delta",
    "assistant_audio_done",
    "assistant_transcript_delta",
    "assistant_transcript_done",
    "assistant_text_delta",
    "assistant_text_done",
    "user_transcript_delta",
    "user_transcript_completed",
    "speech_started",
    "speech_stopped",
    "input_audio_committed",
    "avatar_connecting",
    "response_status",
    "function_call_completed",
    "tool_result",
    "viseme",
    "event",
    "ice_servers",
    "error",
    "pong",
    "upstream_reconnecting",
    "upstream_restored",
    "session_closed",
}

RULES = [
    Rule(
        pattern=r"running shoes",
        call=("search_products", {"query": "running shoes"}),
        after_tool="We have the Trailblazer Running Shoe.",
    ),
    Rule(pattern=r"hello", reply="Hello! Welcome to Contoso. How can I help you today?"),
    Rule(
        pattern=r"buy one",
        call=("create_order", {"lines": [{"product_id": 1, "quantity": 1}]}),
        after_tool="Your order is placed.",
    ),
]


class Browser:
    """A test browser: collects every message, waits on predicates without sleeping."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.messages: list[dict[str, Any]] = []
        self._cond = asyncio.Condition()
        self._task = asyncio.create_task(self._pump())

    async def _pump(self) -> None:
        try:
            async for raw in self.ws:
                msg = json.loads(raw)
                async with self._cond:
                    self.messages.append(msg)
                    self._cond.notify_all()
        except websockets.ConnectionClosed:
            pass

    async def send(self, message: dict[str, Any] | str) -> None:
        await self.ws.send(message if isinstance(message, str) else json.dumps(message))

    async def wait_for(
        self, predicate: Callable[[dict[str, Any]], bool], within: float = 10
    ) -> dict[str, Any]:
        async with asyncio.timeout(within), self._cond:
            while True:
                for msg in self.messages:
                    if predicate(msg):
                        return msg
                await self._cond.wait()

    def of_type(self, kind: str) -> list[dict[str, Any]]:
        return [m for m in self.messages if m.get("type") == kind]

    async def close(self) -> None:
        await self.ws.close()
        await self._task


@pytest.fixture
async def fake() -> AsyncIterator[FakeVoiceLive]:
    server = FakeVoiceLive(api_key=ENGINE_KEY, rules=RULES, validate=True)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@contextmanager
def gateway(tmp_path: Path, fake_url: str, **overrides: Any) -> Iterator[str]:
    settings = make_settings(
        f"sqlite+aiosqlite:///{tmp_path / 'gw.db'}",
        VOICECART_ENGINE_URL=fake_url,
        VOICECART_ENGINE_API_KEY=ENGINE_KEY,
        **overrides,
    )
    with running_server(settings) as base:
        yield base


@pytest.fixture
async def base_url(tmp_path: Path, fake: FakeVoiceLive) -> AsyncIterator[str]:
    with gateway(tmp_path, fake.base_url) as base:
        yield base


async def _create(http: httpx.AsyncClient) -> dict[str, Any]:
    r = await http.post("/sessions")
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


@asynccontextmanager
async def _browser(
    base: str, session: dict[str, Any], token: str | None = "use"
) -> AsyncIterator[Browser]:
    protocols = ["voicecart"]
    if token == "use":
        protocols.append(session["ws_subprotocol"])
    elif token is not None:
        protocols.append("voicecart.token." + token)
    ws = await websockets.connect(
        base.replace("http", "ws") + session["ws_path"],
        subprotocols=protocols,  # type: ignore[arg-type]
    )
    browser = Browser(ws)
    try:
        yield browser
    finally:
        await browser.close()


async def test_create_session_configures_upstream(base_url: str, fake: FakeVoiceLive) -> None:
    async with httpx.AsyncClient(base_url=base_url) as http:
        created = await _create(http)
    assert created["session_id"].startswith("sess_") and len(created["token"]) >= 32
    assert created["sample_rate"] == 24000
    update = await fake.wait_for(lambda e: e["type"] == "session.update")
    session = update["session"]
    names = {t["name"] for t in session["tools"]}
    assert {"search_products", "create_order", "create_shipment", "track_shipment"} <= names
    assert "Contoso" in session["instructions"]
    assert session["turn_detection"]["type"] == "server_vad"
    assert session["avatar"]["character"]
    assert session["input_audio_echo_cancellation"]["type"] == "server_echo_cancellation"
    assert fake.protocol_errors == []


async def test_tokens_are_required(base_url: str) -> None:
    async with httpx.AsyncClient(base_url=base_url) as http:
        created = await _create(http)
        sid = created["session_id"]
        assert (await http.post(f"/sessions/{sid}/text", json={"text": "hi"})).status_code == 401
        wrong = {"Authorization": "Bearer " + "x" * 43}
        r = await http.post(f"/sessions/{sid}/text", json={"text": "hi"}, headers=wrong)
        assert r.status_code == 401
        r = await http.post(
            "/sessions/sess_000000000000000000000000/commit-audio",
            headers={"Authorization": f"Bearer {created['token']}"},
        )
        assert r.status_code == 404
    with pytest.raises(websockets.InvalidStatus):
        async with _browser(base_url, created, token=None):
            pass
    with pytest.raises(websockets.InvalidStatus):
        async with _browser(base_url, created, token="nope" * 10):
            pass


async def test_tool_round_trip_and_allowlist(base_url: str, fake: FakeVoiceLive) -> None:
    async with httpx.AsyncClient(base_url=base_url) as http:
        created = await _create(http)
        async with _browser(base_url, created) as browser:
            ready = await browser.wait_for(lambda m: m["type"] == "session_ready")
            assert ready["resumed"] is False
            await browser.send({"type": "user_text", "text": "I need running shoes"})
            card = await browser.wait_for(lambda m: m["type"] == "tool_result")
            assert card["name"] == "search_products" and card["ok"] is True
            assert card["card"]["kind"] == "products"
            assert any(i["name"] == "Trailblazer Running Shoe" for i in card["card"]["items"])
            done = await browser.wait_for(lambda m: m["type"] == "assistant_transcript_done")
            assert "Trailblazer" in done["transcript"]
            audio = browser.of_type("assistant_audio_delta")
            assert audio and all(base64.b64decode(a["delta"]) for a in audio)
            await browser.wait_for(
                lambda m: (
                    m["type"] == "response_status"
                    and m["status"] == "completed"
                    and m["response_id"] is not None
                    and any(a.get("response_id") == m["response_id"] for a in audio)
                )
            )
            # The function output went upstream before the follow-up response.create.
            output = await fake.wait_for(
                lambda e: (
                    e["type"] == "conversation.item.create"
                    and e["item"]["type"] == "function_call_output"
                )
            )
            assert "Trailblazer" in output["item"]["output"]
            assert {m["type"] for m in browser.messages} <= ALLOWED_TO_BROWSER
            # Raw upstream envelopes never leak: the sanitised session has no instructions.
            for envelope in browser.of_type("event"):
                assert "instructions" not in envelope["payload"]["session"]
                assert "tools" not in envelope["payload"]["session"]
    assert fake.protocol_errors == []


async def test_bad_browser_messages_get_clear_errors(base_url: str) -> None:
    async with httpx.AsyncClient(base_url=base_url) as http:
        created = await _create(http)
    async with _browser(base_url, created) as browser:
        await browser.wait_for(lambda m: m["type"] == "session_ready")
        await browser.send("{not json")
        await browser.wait_for(lambda m: m.get("code") == "invalid_json")
        await browser.send({"type": "launch_rockets"})
        err = await browser.wait_for(lambda m: m.get("code") == "unknown_type")
        assert "user_text" in err["message"]
        await browser.send({"type": "user_text", "text": "hi", "admin": True})
        err = await browser.wait_for(lambda m: m.get("code") == "invalid_message")
        assert err["field"] == "admin"
        await browser.send({"type": "audio_chunk", "data": "***"})
        err = await browser.wait_for(
            lambda m: m.get("code") == "invalid_message" and m.get("field") == "data"
        )
        await browser.send({"type": "user_text", "text": "x" * 300_000})
        await browser.wait_for(lambda m: m.get("code") == "message_too_large")
        await browser.send({"type": "ping", "id": "still-alive"})
        pong = await browser.wait_for(lambda m: m["type"] == "pong")
        assert pong["id"] == "still-alive"


async def test_audio_is_relayed_as_pcm16(base_url: str, fake: FakeVoiceLive) -> None:
    async with httpx.AsyncClient(base_url=base_url) as http:
        created = await _create(http)
    samples = [0.5, -0.5, 1.0, -1.0] * 240  # 960 samples = 40 ms
    f32 = struct.pack(f"<{len(samples)}f", *samples)
    async with _browser(base_url, created) as browser:
        await browser.wait_for(lambda m: m["type"] == "session_ready")
        await browser.send(
            {"type": "audio_chunk", "data": base64.b64encode(f32).decode(), "encoding": "float32"}
        )
        append = await fake.wait_for(lambda e: e["type"] == "input_audio_buffer.append")
        pcm = base64.b64decode(append["audio"])
        assert len(pcm) == 2 * len(samples)
        first = struct.unpack("<4h", pcm[:8])
        assert first == (16383, -16383, 32767, -32767)
        await browser.send({"type": "commit_audio"})
        await fake.wait_for(lambda e: e["type"] == "input_audio_buffer.commit")
        await browser.wait_for(lambda m: m["type"] == "input_audio_committed")


async def test_audio_faster_than_real_time_is_refused(base_url: str, fake: FakeVoiceLive) -> None:
    async with httpx.AsyncClient(base_url=base_url) as http:
        created = await _create(http)
    chunk = base64.b64encode(b"\0\0" * 12_000).decode()  # 500 ms of pcm16
    async with _browser(base_url, created) as browser:
        await browser.wait_for(lambda m: m["type"] == "session_ready")
        for _ in range(20):  # 10 s of audio at once: far above the 2 s burst allowance
            await browser.send({"type": "audio_chunk", "data": chunk, "encoding": "pcm16"})
        await browser.wait_for(lambda m: m.get("code") == "audio_rate_exceeded")
        await browser.send({"type": "ping"})
        await browser.wait_for(lambda m: m["type"] == "pong")
    appended = [e for e in fake.received if e["type"] == "input_audio_buffer.append"]
    assert 1 <= len(appended) < 20


async def test_avatar_sdp_brokering(base_url: str, fake: FakeVoiceLive) -> None:
    offer = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        created = await _create(http)
        auth = {"Authorization": f"Bearer {created['token']}"}
        r = await http.post(
            f"/sessions/{created['session_id']}/avatar-offer", json={"sdp": offer}, headers=auth
        )
        assert r.status_code == 200, r.text
        assert r.json()["sdp"].startswith("v=0")
        bad = await http.post(
            f"/sessions/{created['session_id']}/avatar-offer", json={"sdp": "hello"}, headers=auth
        )
        assert bad.status_code == 422
    connect = await fake.wait_for(lambda e: e["type"] == "session.avatar.connect")
    decoded = json.loads(base64.b64decode(connect["client_sdp"]))
    assert decoded == {"type": "offer", "sdp": offer}
    assert connect["rtc_configuration"] == {"bundle_policy": "max-bundle"}


async def test_upstream_drop_mid_response_recovers(base_url: str, fake: FakeVoiceLive) -> None:
    async with httpx.AsyncClient(base_url=base_url) as http:
        created = await _create(http)
    async with _browser(base_url, created) as browser:
        await browser.wait_for(lambda m: m["type"] == "session_ready")
        await browser.send({"type": "user_text", "text": "hello there"})
        await browser.wait_for(lambda m: m["type"] == "assistant_transcript_done")
        fake.drop_after(2)
        await browser.send({"type": "user_text", "text": "hello again"})
        await browser.wait_for(
            lambda m: m["type"] == "response_status" and m["status"] == "interrupted"
        )
        restored = await browser.wait_for(lambda m: m["type"] == "upstream_restored", within=20)
        assert restored["response_regenerated"] is True
        # The regenerated answer arrives in full after the restore.
        await browser.wait_for(
            lambda m: (
                m["type"] == "assistant_transcript_done"
                and browser.messages.index(m) > browser.messages.index(restored)
            ),
            within=20,
        )
    assert fake.connections == 2
    replayed = fake.conversations[-1]
    texts = [c.get("text") for item in replayed for c in item.get("content", [])]
    assert "hello there" in texts and "hello again" in texts
    assert any(item.get("role") == "assistant" for item in replayed)


async def test_browser_reconnect_resumes_the_same_session(base_url: str) -> None:
    async with httpx.AsyncClient(base_url=base_url) as http:
        created = await _create(http)
    async with _browser(base_url, created) as first:
        await first.wait_for(lambda m: m["type"] == "session_ready")
    async with _browser(base_url, created) as second:
        ready = await second.wait_for(lambda m: m["type"] == "session_ready")
        assert ready["resumed"] is True
        assert ready["session_id"] == created["session_id"]
        await second.send({"type": "user_text", "text": "hello"})
        await second.wait_for(lambda m: m["type"] == "assistant_transcript_done")


async def test_session_cap_answers_busy(tmp_path: Path, fake: FakeVoiceLive) -> None:
    with gateway(tmp_path, fake.base_url, VOICECART_MAX_SESSIONS=1) as base:
        async with httpx.AsyncClient(base_url=base) as http:
            await _create(http)
            r = await http.post("/sessions")
            assert r.status_code == 503
            assert "busy" in r.json()["detail"]
            assert r.headers["retry-after"]


async def test_tokenless_sessions_only_when_allowed(tmp_path: Path, fake: FakeVoiceLive) -> None:
    with gateway(tmp_path, fake.base_url, VOICECART_ALLOW_TOKENLESS_SESSIONS=True) as base:
        async with httpx.AsyncClient(base_url=base) as http:
            created = await _create(http)
            r = await http.post(f"/sessions/{created['session_id']}/text", json={"text": "hello"})
            assert r.status_code == 200
        async with _browser(base, created, token=None) as browser:
            await browser.wait_for(lambda m: m["type"] == "session_ready")


async def test_unreachable_upstream_is_a_clear_502(tmp_path: Path) -> None:
    with gateway(tmp_path, "http://127.0.0.1:9") as base:
        async with httpx.AsyncClient(base_url=base) as http:
            r = await http.post("/sessions")
            assert r.status_code == 502
            assert "unavailable" in r.json()["detail"]
            assert ENGINE_KEY not in r.text


async def test_call_is_captured_and_queued_for_analysis(
    tmp_path: Path, fake: FakeVoiceLive
) -> None:
    from sqlalchemy import select

    from voicecart.calls.models import Call
    from voicecart.calls.repo import get_call
    from voicecart.commerce.models import Order
    from voicecart.storage.db import Database
    from voicecart.storage.outbox import OutboxMessage

    with gateway(tmp_path, fake.base_url) as base:
        async with httpx.AsyncClient(base_url=base) as http:
            created = await _create(http)
            async with _browser(base, created) as browser:
                await browser.wait_for(lambda m: m["type"] == "session_ready")
                await browser.send({"type": "user_text", "text": "hello"})
                await browser.wait_for(lambda m: m["type"] == "assistant_transcript_done")
                await browser.send({"type": "user_text", "text": "I want to buy one"})
                card = await browser.wait_for(lambda m: m["type"] == "tool_result")
                assert card["card"]["kind"] == "order"
                await browser.wait_for(
                    lambda m: (
                        m["type"] == "assistant_transcript_done" and "order" in m["transcript"]
                    )
                )
            auth = {"Authorization": f"Bearer {created['token']}"}
            r = await http.delete(f"/sessions/{created['session_id']}", headers=auth)
            assert r.status_code == 200
        db = Database(f"sqlite+aiosqlite:///{tmp_path / 'gw.db'}")
        try:
            async with db.session() as s:
                detail = await get_call(s, created["call_id"])
                outbox = (
                    await s.scalars(
                        select(OutboxMessage).where(OutboxMessage.topic == "call.ended")
                    )
                ).all()
                order = await s.scalar(select(Order).where(Order.call_id == created["call_id"]))
                status = await s.scalar(select(Call.status).where(Call.id == created["call_id"]))
        finally:
            await db.dispose()
    texts = [(t.speaker, t.text) for t in detail.turns]
    assert ("user", "hello") in texts
    assert ("user", "I want to buy one") in texts
    assert any(sp == "assistant" and "Welcome" in tx for sp, tx in texts)
    assert [tc.name for tc in detail.tool_calls] == ["create_order"]
    assert detail.tool_calls[0].ok
    assert order is not None
    assert ("order", order.id) in {(ln.kind, ln.ref) for ln in detail.links}
    assert status == "ended"
    assert [m.key for m in outbox] == [created["call_id"]]
