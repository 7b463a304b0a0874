"""Every bad input becomes an ``error`` event (with the offending event_id); the session
goes on. Also: conversation item bookkeeping and missing parts."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.unit.engine_server.harness import Harness, b64, tone
from voicecart.engine.fakes import fake_parts
from voicecart.engine.parts import Parts
from voicecart.engine.session import MAX_MESSAGE_BYTES

pytestmark = pytest.mark.unit

USER_TEXT = {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "hi"}]}


@pytest.mark.parametrize(
    ("event", "code", "param"),
    [
        ({"type": "no.such.event"}, "unknown_event", "type"),
        ({"type": "input_text.delta", "id": "x", "delta": "y"}, "unsupported_event", "type"),
        (
            {"type": "input_audio_buffer.append", "audio": "***not base64***"},
            "invalid_value",
            "audio",
        ),
        (
            {"type": "input_audio_buffer.append", "audio": b64(b"\x01\x02\x03")},
            "invalid_value",
            "audio",
        ),
        ({"type": "input_audio_buffer.append"}, "missing_required_parameter", "audio"),
        ({"type": "input_audio_buffer.append", "audio": 12}, "invalid_value", "audio"),
        ({"type": "input_audio_buffer.commit", "surprise": 1}, "invalid_value", "surprise"),
        ({"type": "session.update"}, "missing_required_parameter", "session"),
        (
            {"type": "session.update", "session": {"output_audio_format": "mp3"}},
            "invalid_value",
            "session.output_audio_format",
        ),
        (
            {"type": "session.update", "session": {"input_audio_sampling_rate": 44100}},
            "invalid_value",
            "session.input_audio_sampling_rate",
        ),
        (
            {
                "type": "session.update",
                "session": {"input_audio_format": "g711_ulaw", "input_audio_sampling_rate": 16000},
            },
            "invalid_value",
            "session.input_audio_sampling_rate",
        ),
        (
            {
                "type": "session.update",
                "session": {"turn_detection": {"type": "server_vad", "threshold": 2}},
            },
            "invalid_value",
            "session.turn_detection.server_vad.threshold",
        ),
        (
            {"type": "session.update", "session": {"tools": [{"type": "function"}]}},
            "missing_required_parameter",
            "session.tools.0.name",
        ),
        (
            {"type": "session.update", "session": {"temperature": "hot"}},
            "invalid_value",
            "session.temperature",
        ),
        ({"type": "conversation.item.create", "item": {"type": "banana"}}, "invalid_value", "item"),
        (
            {"type": "conversation.item.create", "item": {**USER_TEXT, "role": "robot"}},
            "invalid_value",
            "item.message.role",
        ),
        ({"type": "conversation.item.delete", "item_id": "nope"}, "item_not_found", "item_id"),
        ({"type": "conversation.item.retrieve", "item_id": "nope"}, "item_not_found", "item_id"),
        (
            {
                "type": "conversation.item.truncate",
                "item_id": "x",
                "content_index": -1,
                "audio_end_ms": 0,
            },
            "invalid_value",
            "content_index",
        ),
        (
            {"type": "response.create", "response": {"modalities": []}},
            "invalid_value",
            "response.modalities",
        ),
        ({"type": "response.cancel"}, "response_cancel_not_active", None),
        (
            {"type": "session.avatar.connect", "client_sdp": "e30="},
            "avatar_unavailable",
            "client_sdp",
        ),
        ({"type": "input_audio_buffer.commit"}, "input_audio_buffer_commit_empty", None),
    ],
)
async def test_bad_event_gets_error_with_event_id(
    event: dict[str, Any], code: str, param: str | None
) -> None:
    async with Harness(fake_parts()) as h:
        await h.send({**event, "event_id": "evt_bad"})
        error = await h.error()
        assert error["code"] == code, error
        assert error["param"] == param, error
        assert error["event_id"] == "evt_bad"
        assert error["type"] == "invalid_request_error" and error["message"]
        # the session is still alive
        await h.send({"type": "input_audio_buffer.clear"})
        await h.next("input_audio_buffer.cleared")


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("{not json", "invalid_json"),
        ("[1, 2]", "invalid_json"),
        ('"text"', "invalid_json"),
        ('{"no_type": 1}', "missing_required_parameter"),
        (b'{"type": "nope"}', "unknown_event"),
    ],
)
async def test_undecodable_messages(message: str | bytes, code: str) -> None:
    async with Harness(fake_parts()) as h:
        await h.session.handle_text(message)
        error = await h.error()
        assert error["code"] == code and error["event_id"] is None


async def test_oversize_message() -> None:
    async with Harness(fake_parts()) as h:
        big = json.dumps({"type": "input_audio_buffer.append", "audio": "A" * MAX_MESSAGE_BYTES})
        await h.session.handle_text(big)
        assert (await h.error())["code"] == "message_too_large"
        await h.session.handle_text(json.dumps({"type": "input_audio_buffer.clear"}))
        await h.next("input_audio_buffer.cleared")


async def test_item_create_delete_retrieve_and_order() -> None:
    async with Harness(fake_parts()) as h:
        await h.send({"type": "conversation.item.create", "item": {**USER_TEXT, "id": "a"}})
        first = await h.next("conversation.item.created")
        assert first["previous_item_id"] is None and first["item"]["status"] == "completed"
        await h.send({"type": "conversation.item.create", "item": {**USER_TEXT, "id": "b"}})
        assert (await h.next("conversation.item.created"))["previous_item_id"] == "a"
        await h.send(
            {
                "type": "conversation.item.create",
                "previous_item_id": "root",
                "item": {**USER_TEXT, "id": "c"},
            }
        )
        assert (await h.next("conversation.item.created"))["previous_item_id"] is None
        assert [i["id"] for i in h.session.items] == ["c", "a", "b"]
        await h.send(
            {"type": "conversation.item.create", "item": {**USER_TEXT, "id": "a"}, "event_id": "d"}
        )
        error = await h.error()
        assert error["code"] == "duplicate_item_id" and error["event_id"] == "d"
        await h.send(
            {"type": "conversation.item.create", "previous_item_id": "zzz", "item": USER_TEXT}
        )
        assert (await h.error())["code"] == "item_not_found"
        await h.send({"type": "conversation.item.delete", "item_id": "a"})
        assert (await h.next("conversation.item.deleted"))["item_id"] == "a"
        await h.send({"type": "conversation.item.retrieve", "item_id": "b"})
        assert (await h.next("conversation.item.retrieved"))["item"]["id"] == "b"
        assert [i["id"] for i in h.session.items] == ["c", "b"]


async def test_replayed_items_of_every_kind_are_accepted() -> None:
    items: list[dict[str, Any]] = [
        USER_TEXT,
        {"type": "message", "role": "assistant", "content": [{"type": "text", "text": "Hello"}]},
        {"type": "message", "role": "system", "content": [{"type": "input_text", "text": "Rules"}]},
        {"type": "function_call", "name": "f", "call_id": "c1", "arguments": "{}"},
        {"type": "function_call_output", "call_id": "c1", "output": "{}"},
        {
            "type": "message",
            "role": "user",
            "content": [{"type": "input_audio", "audio": b64(b"\0\0"), "transcript": "hey"}],
        },
    ]
    async with Harness(fake_parts()) as h:
        for item in items:
            await h.send({"type": "conversation.item.create", "item": item})
            created = (await h.next("conversation.item.created"))["item"]
            assert created["type"] == item["type"]
        audio_part = h.session.items[-1]["content"][0]
        assert audio_part["transcript"] == "hey"
        assert h.of("conversation.item.created")[-1]["item"]["content"][0]["audio"] is None


async def test_truncate_refuses_user_items() -> None:
    async with Harness(fake_parts()) as h:
        await h.send({"type": "conversation.item.create", "item": {**USER_TEXT, "id": "u"}})
        await h.send(
            {
                "type": "conversation.item.truncate",
                "item_id": "u",
                "content_index": 0,
                "audio_end_ms": 0,
            }
        )
        assert (await h.error())["code"] == "invalid_value"


async def test_missing_parts_are_named() -> None:
    parts = Parts(problems={"stt": "ImportError: faster_whisper"})
    async with Harness(parts) as h:
        await h.send({"type": "session.update", "event_id": "u1", "session": {"instructions": "x"}})
        await h.next("session.updated")
        error = await h.error()
        assert error["code"] == "engine_part_unavailable" and error["type"] == "server_error"
        assert error["param"] == "brain,tts,vad,stt" and error["event_id"] == "u1"
        assert "faster_whisper" in error["message"] and "speech-to-text" in error["message"]
        await h.send({"type": "response.create", "event_id": "r1"})
        error = await h.error()
        assert error["code"] == "engine_part_unavailable" and error["param"] == "brain,tts"
        await h.send({"type": "input_audio_buffer.append", "audio": b64(tone(100))})
        assert (await h.error())["param"] == "vad"  # once
        await h.send({"type": "input_audio_buffer.append", "audio": b64(tone(100))})
        await h.send({"type": "input_audio_buffer.commit"})
        failed = await h.next("conversation.item.input_audio_transcription.failed")
        assert "faster_whisper" in failed["error"]["message"]
        assert not h.of("response.created")
        assert len(h.of("error")) == 3


async def test_text_only_session_needs_only_the_brain() -> None:
    full = fake_parts()
    parts = Parts(brain=full.brain)
    async with Harness(parts) as h:
        await h.send(
            {"type": "session.update", "session": {"modalities": ["text"], "turn_detection": None}}
        )
        await h.next("session.updated")
        await h.send({"type": "response.create"})
        assert (await h.next("response.done"))["response"]["status"] == "completed"
        assert not h.of("error")
