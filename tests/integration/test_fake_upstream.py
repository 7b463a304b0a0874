"""The test upstream (`FakeVoiceLive`) against the official Voice Live SDK, over real sockets.

These tests pin the fake to what `azure-ai-voicelive` 1.3.1 sends and parses, and check every
server event with the shared strict validator (``/work/shared/protocol/validate.py``). When
that validator is missing, the validation step FAILS under ``CI=true`` and is skipped
(reported by pytest) elsewhere.
"""

from __future__ import annotations

import asyncio
import base64
import json
import math
import os
import struct
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import websockets
from azure.ai.voicelive.aio import ConnectionClosed, ConnectionError, VoiceLiveConnection, connect
from azure.ai.voicelive.models import (
    Animation,
    AvatarConfig,
    AzureStandardVoice,
    FunctionCallOutputItem,
    FunctionTool,
    InputTextContentPart,
    RequestSession,
    ServerVad,
    UserMessageItem,
)
from azure.core.credentials import AccessToken, AzureKeyCredential
from websockets.asyncio.client import ClientConnection

from tests.fakes import (
    FakeVoiceLive,
    ProtocolValidatorMissing,
    Rule,
)

pytestmark = pytest.mark.integration

KEY = "fake-upstream-key"
CHUNK_MS = 40
BYTES_PER_CHUNK = 24_000 * 2 * CHUNK_MS // 1000  # pcm16, 24 kHz, mono
RULES = [
    Rule(
        pattern=r"running shoes",
        call=("search_products", {"query": "running shoes", "limit": 3}),
        after_tool="We have the Trailblazer Running Shoe: {output}.",
    ),
    Rule(pattern=r"\bhello\b", reply="Hello! Welcome to Contoso. How can I help you today?"),
]
SOFT_AUDIO_PART = (
    "conversation.item.created.item.content[0].audio: "
    "required field missing (RequestAudioContentPart)"
)

StartFake = Callable[..., Awaitable[FakeVoiceLive]]


# ---------------------------------------------------------------------- helpers


@pytest.fixture
async def start_fake() -> AsyncIterator[StartFake]:
    """Start fakes (validated, keyed, scripted by default); all are stopped at teardown."""
    started: list[FakeVoiceLive] = []

    async def start(**options: Any) -> FakeVoiceLive:
        options.setdefault("api_key", KEY)
        options.setdefault("rules", RULES)
        options.setdefault("validate", True)
        options.setdefault("audio_chunk_ms", CHUNK_MS)
        fake = FakeVoiceLive(**options)
        await fake.start()
        started.append(fake)
        return fake

    yield start
    for fake in started:
        await fake.stop()


def kind(event: Any) -> str:
    value = event.type
    return str(getattr(value, "value", value))


async def recv(conn: VoiceLiveConnection, seconds: float = 5) -> Any:
    async with asyncio.timeout(seconds):
        return await conn.recv()


async def recv_until(conn: VoiceLiveConnection, last: str, seconds: float = 5) -> list[Any]:
    """Events up to and including the first one of type ``last``."""
    events: list[Any] = []
    async with asyncio.timeout(seconds):
        while True:
            event = await conn.recv()
            events.append(event)
            if kind(event) == last:
                return events


async def raw_recv(ws: ClientConnection, seconds: float = 5) -> dict[str, Any]:
    async with asyncio.timeout(seconds):
        message: dict[str, Any] = json.loads(await ws.recv())
        return message


def sdk(fake: FakeVoiceLive, key: str = KEY) -> Any:
    return connect(endpoint=fake.base_url, credential=AzureKeyCredential(key), model="gpt-4o")


def raw(fake: FakeVoiceLive, key: str = KEY, path: str = "/voice-live/realtime") -> Any:
    url = f"ws://127.0.0.1:{fake.port}{path}?api-version=2026-07-15"
    return websockets.connect(url, additional_headers={"api-key": key})


def user_text(text: str) -> UserMessageItem:
    return UserMessageItem(content=[InputTextContentPart(text=text)])


def tone_100ms(freq: float = 300.0) -> bytes:
    return struct.pack(
        "<2400h", *(int(8000 * math.sin(2 * math.pi * freq * i / 24_000)) for i in range(2400))
    )


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def protocol_check(fake: FakeVoiceLive, soft: list[str] | None = None) -> None:
    """The validation step: no protocol errors; the soft complaints are exactly ``soft``."""
    if not fake.validating:
        problem = fake.validator_problem or "validation was not requested"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"protocol validation must run under CI=true: {problem}")
        pytest.skip(f"protocol validation step skipped: {problem}")
    assert fake.protocol_errors == []
    assert fake.protocol_soft_errors == (soft or [])


# ---------------------------------------------------------------------- tests


async def test_full_conversation_through_the_official_sdk(start_fake: StartFake) -> None:
    fake = await start_fake(transcripts=["I need running shoes please"])
    silence, tone = b"\0\0" * 2400, tone_100ms()
    chunks = [silence, tone, tone, tone, silence, tone, tone, silence, silence, silence]
    async with sdk(fake) as conn:
        created = await recv(conn)
        assert kind(created) == "session.created"
        assert created.session.id.startswith("sess_")
        assert isinstance(created.session.expires_at, datetime)
        assert created.session.expires_at.timestamp() > time.time()

        await conn.session.update(
            session=RequestSession(
                modalities=["text", "audio"],
                instructions="You are the Contoso store assistant.",
                voice=AzureStandardVoice(name="en-US-Ava:DragonHDLatestNeural"),
                input_audio_format="pcm16",
                output_audio_format="pcm16",
                turn_detection=ServerVad(threshold=0.5, prefix_padding_ms=300),
                tools=[
                    FunctionTool(
                        name="search_products",
                        description="Search the catalog",
                        parameters={"type": "object", "properties": {"query": {"type": "string"}}},
                    )
                ],
                tool_choice="auto",
                animation=Animation(outputs=["viseme_id"]),
            )
        )
        updated = await recv(conn)
        assert kind(updated) == "session.updated"
        assert updated.session.id == created.session.id
        assert [t.name for t in updated.session.tools] == ["search_products"]
        assert updated.session.turn_detection.type == "server_vad"
        assert updated.session.animation.outputs == ["viseme_id"]
        assert updated.session.instructions == "You are the Contoso store assistant."

        for chunk in chunks:
            await conn.input_audio_buffer.append(audio=b64(chunk))
        await conn.input_audio_buffer.commit()

        # Turn 1: VAD events, transcription, then the scripted function call (auto response).
        turn = await recv_until(conn, "response.done")
        types = [kind(e) for e in turn]
        n_arg_deltas = types.count("response.function_call_arguments.delta")
        assert n_arg_deltas >= 2
        assert types == [
            "input_audio_buffer.speech_started",
            "input_audio_buffer.speech_stopped",
            "input_audio_buffer.committed",
            "conversation.item.created",
            "conversation.item.input_audio_transcription.completed",
            "response.created",
            "response.output_item.added",
            *["response.function_call_arguments.delta"] * n_arg_deltas,
            "response.function_call_arguments.done",
            "response.output_item.done",
            "response.done",
        ]
        started, stopped, committed, user_item, transcription = turn[:5]
        assert started.audio_start_ms == 0
        assert stopped.audio_end_ms == 1000  # 10 x 100 ms
        assert started.item_id == stopped.item_id == committed.item_id == user_item.item.id
        assert user_item.item.role == "user"
        assert user_item.item.content[0].type == "input_audio"
        assert transcription.transcript == "I need running shoes please"
        assert transcription.item_id == committed.item_id

        response_id = turn[5].response.id
        deltas = [e for e in turn if kind(e) == "response.function_call_arguments.delta"]
        call = turn[-3]
        assert "".join(d.delta for d in deltas) == call.arguments
        assert json.loads(call.arguments) == {"query": "running shoes", "limit": 3}
        assert call.name == "search_products"
        assert {d.call_id for d in deltas} == {call.call_id}
        assert {e.response_id for e in [*deltas, call]} == {response_id}
        first_done = turn[-1].response
        assert first_done.id == response_id and first_done.status == "completed"
        assert [o.type for o in first_done.output] == ["function_call"]
        assert first_done.output[0].call_id == call.call_id
        assert first_done.usage.total_tokens > 0

        # The tool result goes back; the next response speaks after_tool with the output.
        output = json.dumps({"items": ["Trailblazer Running Shoe"]})
        await conn.conversation.item.create(
            item=FunctionCallOutputItem(call_id=call.call_id, output=output)
        )
        ack = await recv(conn)
        assert kind(ack) == "conversation.item.created"
        assert ack.item.type == "function_call_output" and ack.item.call_id == call.call_id

        await conn.response.create()
        reply = await recv_until(conn, "response.done")
    expected = f"We have the Trailblazer Running Shoe: {output}."
    n_chunks = len(expected.split())
    types = [kind(e) for e in reply]
    assert types == [
        "response.created",
        "response.output_item.added",
        "conversation.item.created",
        "response.content_part.added",
        *[
            "response.audio_transcript.delta",
            "response.audio.delta",
            "response.animation_viseme.delta",
        ]
        * n_chunks,
        "response.audio.done",
        "response.animation_viseme.done",
        "response.audio_transcript.done",
        "response.content_part.done",
        "response.output_item.done",
        "response.done",
    ]
    rid = reply[0].response.id
    item_id = reply[1].item.id
    assert rid != response_id
    streamed = [e for e in reply if kind(e).startswith(("response.audio", "response.animation"))]
    assert {(e.response_id, e.item_id) for e in streamed} == {(rid, item_id)}

    transcript = "".join(e.delta for e in reply if kind(e) == "response.audio_transcript.delta")
    assert transcript == expected
    assert (
        next(e for e in reply if kind(e) == "response.audio_transcript.done").transcript == expected
    )

    audio = b"".join(e.delta for e in reply if kind(e) == "response.audio.delta")
    assert len(audio) == n_chunks * BYTES_PER_CHUNK
    samples = struct.unpack(f"<{len(audio) // 2}h", audio)
    assert 0 < max(abs(s) for s in samples) < 32767 // 10  # a quiet tone, not silence

    visemes = [e for e in reply if kind(e) == "response.animation_viseme.delta"]
    assert [v.audio_offset_ms for v in visemes] == [i * CHUNK_MS for i in range(n_chunks)]
    assert all(isinstance(v.viseme_id, int) and 0 <= v.viseme_id < 22 for v in visemes)

    done = reply[-1].response
    assert done.id == rid and done.status == "completed"
    assert [(o.type, o.role) for o in done.output] == [("message", "assistant")]
    assert done.output[0].content[0].transcript == expected

    # What the fake recorded.
    assert [e["type"] for e in fake.received] == [
        "session.update",
        *["input_audio_buffer.append"] * len(chunks),
        "input_audio_buffer.commit",
        "conversation.item.create",
        "response.create",
    ]
    assert fake.connections == 1
    assert fake.sessions[0]["tools"][0]["name"] == "search_products"
    conversation = fake.conversations[0]
    assert [i["type"] for i in conversation] == [
        "message",
        "function_call",
        "function_call_output",
        "message",
    ]
    assert conversation[0]["content"][0]["transcript"] == "I need running shoes please"
    assert conversation[3]["content"][0]["transcript"] == expected
    handshake = fake.handshakes[0]
    assert handshake["path"] == "/voice-live/realtime" and handshake["auth"] == "api-key"
    assert handshake["query"]["model"] == "gpt-4o" and handshake["query"]["api-version"]
    event_ids = [e["event_id"] for e in fake.sent]
    assert len(set(event_ids)) == len(event_ids)
    protocol_check(fake, soft=[SOFT_AUDIO_PART])


class _Token:
    """A minimal async token credential (the SDK then sends ``Authorization: Bearer``)."""

    def __init__(self, token: str) -> None:
        self.token = token

    async def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        return AccessToken(self.token, int(time.time()) + 3600)

    async def close(self) -> None:
        return None

    async def __aenter__(self) -> _Token:
        return self

    async def __aexit__(self, *args: object) -> None:
        return None


async def test_auth_and_routing(start_fake: StartFake) -> None:
    fake = await start_fake()
    with pytest.raises(ConnectionError) as refused:
        async with sdk(fake, key="wrong-key"):
            pass
    cause = refused.value.__cause__
    assert isinstance(cause, aiohttp.WSServerHandshakeError) and cause.status == 401
    assert fake.connections == 0 and fake.handshakes[-1]["status"] == 401

    async with connect(endpoint=fake.base_url, credential=_Token(KEY)) as conn:
        assert kind(await recv(conn)) == "session.created"
    assert fake.handshakes[-1]["auth"] == "bearer" and fake.connections == 1
    with pytest.raises(ConnectionError):
        async with connect(endpoint=fake.base_url, credential=_Token("nope")):
            pass

    with pytest.raises(websockets.InvalidStatus) as not_found:
        async with raw(fake, path="/openai/realtime"):
            pass
    assert not_found.value.response.status_code == 404
    assert fake.connections == 1

    open_fake = await start_fake(api_key=None)
    async with raw(open_fake, key="anything") as ws:
        assert (await raw_recv(ws))["type"] == "session.created"


async def test_bad_input_gets_error_events_and_the_connection_survives(
    start_fake: StartFake,
) -> None:
    fake = await start_fake()
    async with raw(fake) as ws:
        assert (await raw_recv(ws))["type"] == "session.created"
        await ws.send("{not json")
        error = await raw_recv(ws)
        assert error["type"] == "error"
        assert error["error"]["type"] == "invalid_request_error"
        assert error["error"]["code"] == "invalid_json" and error["error"]["message"]

        await ws.send(json.dumps({"type": "launch.rockets", "event_id": "evt_rockets"}))
        error = (await raw_recv(ws))["error"]
        assert (error["code"], error["event_id"]) == ("unknown_event", "evt_rockets")

        bad_audio = {"type": "input_audio_buffer.append", "audio": "***", "event_id": "evt_b64"}
        await ws.send(json.dumps(bad_audio))
        error = (await raw_recv(ws))["error"]
        assert error["type"] == "invalid_request_error"
        assert error["event_id"] == "evt_b64" and error["code"] and error["message"]

        # Still a working session: a text turn gets the scripted reply.
        item = {
            "type": "message",
            "role": "user",
            "content": [{"type": "input_text", "text": "hello"}],
        }
        await ws.send(json.dumps({"type": "conversation.item.create", "item": item}))
        assert (await raw_recv(ws))["type"] == "conversation.item.created"
        await ws.send(json.dumps({"type": "response.create"}))
        events = [await raw_recv(ws)]
        while events[-1]["type"] != "response.done":
            events.append(await raw_recv(ws))
    assert events[-1]["response"]["status"] == "completed"
    transcript = next(e for e in events if e["type"] == "response.audio_transcript.done")
    assert transcript["transcript"] == "Hello! Welcome to Contoso. How can I help you today?"
    assert fake.invalid_messages == ["{not json"]
    assert fake.received[0]["type"] == "launch.rockets"  # parsed events are all recorded
    protocol_check(fake)


async def test_drop_after_aborts_mid_response(start_fake: StartFake) -> None:
    fake = await start_fake()
    async with sdk(fake) as conn:
        assert kind(await recv(conn)) == "session.created"
        await conn.conversation.item.create(item=user_text("hello"))
        assert kind(await recv(conn)) == "conversation.item.created"
        fake.drop_after(2)
        await conn.response.create()
        seen: list[str] = []
        with pytest.raises(ConnectionClosed):
            async with asyncio.timeout(5):
                while True:
                    seen.append(kind(await conn.recv()))
    assert seen.count("response.audio.delta") == 2
    assert "response.audio.done" not in seen and "response.done" not in seen
    assert fake.drops == 1 and fake.responses[-1]["status"] == "dropped"

    # No close frame was sent (abnormal closure), seen from a plain websockets client.
    fake.drop_after(0)
    async with raw(fake) as ws:
        assert (await raw_recv(ws))["type"] == "session.created"
        item = {
            "type": "message",
            "role": "user",
            "content": [{"type": "input_text", "text": "hello"}],
        }
        await ws.send(json.dumps({"type": "conversation.item.create", "item": item}))
        await ws.send(json.dumps({"type": "response.create"}))
        with pytest.raises(websockets.ConnectionClosedError) as closed:
            async with asyncio.timeout(5):
                while True:
                    assert (await raw_recv(ws))["type"] != "response.audio.delta"
        assert closed.value.rcvd is None  # no close frame from the server

    # The drop is used up: the next connection gets a whole reply, on a fresh conversation.
    async with sdk(fake) as conn:
        assert kind(await recv(conn)) == "session.created"
        await conn.conversation.item.create(item=user_text("hello"))
        await conn.response.create()
        events = await recv_until(conn, "response.done")
    assert events[-1].response.status == "completed"
    assert fake.connections == 3 and fake.drops == 2
    assert [i["role"] for i in fake.conversations[-1]] == ["user", "assistant"]
    protocol_check(fake)


async def test_cancel_and_barge_in_stop_a_response(start_fake: StartFake) -> None:
    fake = await start_fake(transcripts=["hello"])
    async with sdk(fake) as conn:
        assert kind(await recv(conn)) == "session.created"
        await conn.conversation.item.create(item=user_text("hello"))
        assert kind(await recv(conn)) == "conversation.item.created"

        fake.pause_after(1)
        await conn.response.create()
        head = await recv_until(conn, "response.audio.delta")
        rid = head[0].response.id
        await conn.response.cancel(response_id=rid)
        tail = await recv_until(conn, "response.done")
        done = tail[-1].response
        assert (done.id, done.status) == (rid, "cancelled")
        assert done.status_details.reason == "client_cancelled"
        assert done.output[0].status == "incomplete"
        assert [kind(e) for e in tail].count("response.audio.delta") == 0

        # Barge-in: user speech under server VAD cancels the speaking response.
        fake.pause_after(1)
        await conn.response.create()
        await recv_until(conn, "response.audio.delta")
        await conn.input_audio_buffer.append(audio=b64(tone_100ms()))
        tail = await recv_until(conn, "response.done")
        assert [kind(e) for e in tail] == ["input_audio_buffer.speech_started", "response.done"]
        assert tail[-1].response.status == "cancelled"
        assert tail[-1].response.status_details.reason == "turn_detected"

        # Nothing is left active: a cancel now is refused, a new response completes.
        await conn.response.cancel()
        assert (await recv(conn)).error.code == "response_cancel_not_active"
        await conn.input_audio_buffer.commit()
        turn = await recv_until(conn, "response.done")
    assert turn[-1].response.status == "completed"
    assert [r["status"] for r in fake.responses] == ["cancelled", "cancelled", "completed"]
    protocol_check(fake, soft=[SOFT_AUDIO_PART])


@pytest.mark.parametrize(
    "configured",
    [
        None,
        [
            {
                "urls": ["turn:turn.contoso.test:443?transport=tcp"],
                "username": "a",
                "credential": "b",
            }
        ],
    ],
    ids=["default-ice", "configured-ice"],
)
async def test_avatar_connect_round_trip(
    start_fake: StartFake, configured: list[dict[str, Any]] | None
) -> None:
    fake = await start_fake(ice_servers=configured)
    offer = {"type": "offer", "sdp": "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"}
    connect_event = {
        "type": "session.avatar.connect",
        "client_sdp": b64(json.dumps(offer).encode()),
        "rtc_configuration": {"bundle_policy": "max-bundle"},
    }
    async with sdk(fake) as conn:
        assert kind(await recv(conn)) == "session.created"
        await conn.send(connect_event)
        assert (await recv(conn)).error.code == "avatar_not_configured"

        await conn.session.update(
            session=RequestSession(
                avatar=AvatarConfig(character="lisa", style="casual-sitting", customized=False)
            )
        )
        updated = await recv(conn)
        assert kind(updated) == "session.updated"
        expected_ice = configured or [
            {"urls": ["turn:relay.example.net:3478"], "username": "u", "credential": "c"}
        ]
        ice = [
            {"urls": s.urls, "username": s.username, "credential": s.credential}
            for s in updated.session.avatar.ice_servers
        ]
        assert ice == expected_ice
        assert updated.session.avatar.character == "lisa"

        await conn.send(connect_event)
        connecting = await recv(conn)
        assert kind(connecting) == "session.avatar.connecting"
        answer = json.loads(base64.b64decode(connecting.server_sdp))
        assert answer["type"] == "answer" and answer["sdp"].startswith("v=0\r\n")
        assert answer["sdp"].endswith("\r\n")

        await conn.send({"type": "session.avatar.connect", "client_sdp": offer["sdp"]})
        error = await recv(conn)
        assert kind(error) == "error" and error.error.code == "invalid_sdp"
    assert fake.avatar_offers == [
        {"connection": 0, "offer": offer, "rtc_configuration": {"bundle_policy": "max-bundle"}}
    ]
    soft = ["session.updated.session.avatar.model: required field missing (AvatarConfig)"]
    protocol_check(fake, soft=soft)


async def test_echo_mode_returns_the_same_audio(start_fake: StartFake) -> None:
    fake = await start_fake(echo=True)
    chunks = [bytes([i]) * 4800 for i in range(1, 6)]
    async with sdk(fake) as conn:
        assert kind(await recv(conn)) == "session.created"
        echoes = []
        for chunk in chunks:
            await conn.input_audio_buffer.append(audio=b64(chunk))
            echo = await recv(conn)
            assert kind(echo) == "response.audio.delta"
            assert echo.delta == chunk
            echoes.append(echo)
        await conn.input_audio_buffer.clear()
        assert kind(await recv(conn)) == "input_audio_buffer.cleared"  # nothing in between
    assert len({(e.response_id, e.item_id) for e in echoes}) == 1
    assert [e["type"] for e in fake.sent] == [
        "session.created",
        *["response.audio.delta"] * len(chunks),
        "input_audio_buffer.cleared",
    ]
    protocol_check(fake)


@pytest.mark.parametrize("mode", ["vad-off", "vad-no-auto-response"])
async def test_turn_detection_settings(start_fake: StartFake, mode: str) -> None:
    fake = await start_fake(transcripts=["hello there"])
    turn_detection = None if mode == "vad-off" else ServerVad(create_response=False)
    async with sdk(fake) as conn:
        assert kind(await recv(conn)) == "session.created"
        await conn.session.update(
            session=RequestSession(modalities=["text"], turn_detection=turn_detection)
        )
        assert kind(await recv(conn)) == "session.updated"
        for _ in range(3):
            await conn.input_audio_buffer.append(audio=b64(tone_100ms()))
        await conn.input_audio_buffer.commit()
        events = await recv_until(conn, "conversation.item.input_audio_transcription.completed")
        await conn.input_audio_buffer.clear()
        assert kind(await recv(conn)) == "input_audio_buffer.cleared"  # no auto response
        vad_events = ["input_audio_buffer.speech_started", "input_audio_buffer.speech_stopped"]
        assert [kind(e) for e in events] == [
            *(vad_events if mode != "vad-off" else []),
            "input_audio_buffer.committed",
            "conversation.item.created",
            "conversation.item.input_audio_transcription.completed",
        ]
        await conn.response.create(additional_instructions="be brief")
        reply = await recv_until(conn, "response.done")
    types = [kind(e) for e in reply]
    assert "response.audio.delta" not in types and "response.text.done" in types
    text = "".join(e.delta for e in reply if kind(e) == "response.text.delta")
    assert text == "Hello! Welcome to Contoso. How can I help you today?"
    assert fake.responses[-1]["additional_instructions"] == "be brief"
    protocol_check(fake, soft=[SOFT_AUDIO_PART])


async def test_wait_for_is_event_driven_and_times_out(start_fake: StartFake) -> None:
    fake = await start_fake()
    waiter = asyncio.create_task(
        fake.wait_for(lambda e: e["type"] == "response.create" and e["response"]["instructions"])
    )
    async with sdk(fake) as conn:
        await recv(conn)
        await conn.response.create(response={"instructions": "greet"})
        found = await asyncio.wait_for(waiter, 5)
        await recv_until(conn, "response.done")
    assert found["response"]["instructions"] == "greet"
    with pytest.raises(TimeoutError, match="no client event matched"):
        await fake.wait_for(lambda e: e["type"] == "never", timeout=0.05)


def test_missing_validator_fails_under_ci_and_is_skipped_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VOICECART_PROTOCOL_DIR", str(tmp_path / "nowhere"))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(ProtocolValidatorMissing, match=r"validate\.py"):
        FakeVoiceLive(validate=True)
    monkeypatch.setenv("CI", "false")
    with pytest.warns(UserWarning, match="protocol validation skipped"):
        fake = FakeVoiceLive(validate=True)
    assert not fake.validating and fake.validator_problem
    assert "nowhere" in fake.validator_problem
