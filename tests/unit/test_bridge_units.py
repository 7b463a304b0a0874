"""Pure parts of the bridge: SDP codec, upstream→browser allowlist, audio conversion."""

from __future__ import annotations

import base64
import json
import struct

import pytest

from voicecart.session import browser_protocol as bp
from voicecart.session.sdp import decode_server_sdp, encode_client_sdp
from voicecart.session.translate import ice_servers_of, to_browser

pytestmark = pytest.mark.unit

SDP = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n"


def test_client_sdp_is_base64_json_offer() -> None:
    assert json.loads(base64.b64decode(encode_client_sdp(SDP))) == {"type": "offer", "sdp": SDP}


@pytest.mark.parametrize(
    "raw",
    [
        SDP,
        base64.b64encode(json.dumps({"type": "answer", "sdp": SDP}).encode()).decode(),
        base64.b64encode(SDP.encode()).decode(),
    ],
)
def test_server_sdp_plain_or_base64(raw: str) -> None:
    assert decode_server_sdp(raw) == SDP


def test_allowlist_drops_internal_events() -> None:
    for internal in (
        {"type": "session.created", "session": {"instructions": "secret"}},
        {"type": "response.function_call_arguments.done", "arguments": "{}"},
        {"type": "conversation.item.created", "item": {}},
        {"type": "rate_limits.updated"},
        {"type": "something.new.from.the.service"},
    ):
        assert to_browser(internal) == []


def test_session_updated_is_sanitised() -> None:
    event = {
        "type": "session.updated",
        "session": {
            "instructions": "secret persona",
            "tools": [{"name": "x"}],
            "modalities": ["audio"],
            "avatar": {
                "character": "lisa",
                "ice_servers": [
                    {"urls": "turn:t.example:3478", "username": "u", "credential": "c"},
                    "stun:s.example:3478",
                ],
            },
        },
    }
    out = to_browser(event)
    assert "secret" not in json.dumps(out)
    assert out[1] == {
        "type": "ice_servers",
        "ice_servers": [
            {"urls": ["turn:t.example:3478"], "username": "u", "credential": "c"},
            {"urls": ["stun:s.example:3478"]},
        ],
    }


def test_upstream_error_messages_are_not_echoed() -> None:
    raw = {"type": "error", "error": {"code": "internal", "message": "key abc123 leaked"}}
    (msg,) = to_browser(raw)
    assert "abc123" not in msg["message"] and msg["code"] == "internal"
    safe = {
        "type": "error",
        "error": {"code": "input_audio_buffer_commit_empty", "message": "buffer too small"},
    }
    assert to_browser(safe)[0]["message"] == "buffer too small"


def test_ice_servers_found_in_any_seed_location() -> None:
    assert ice_servers_of({"rtc": {"ice_servers": ["stun:a"]}}) == [{"urls": ["stun:a"]}]
    assert ice_servers_of({"ice_servers": [{"urls": ["turn:b"]}]}) == [{"urls": ["turn:b"]}]
    assert ice_servers_of({}) == []


def test_float32_to_pcm16_clips_and_scales() -> None:
    raw = struct.pack("<4f", 0.0, 0.5, 2.0, -2.0)
    assert struct.unpack("<4h", bp.float32_to_pcm16(raw)) == (0, 16383, 32767, -32767)
    with pytest.raises(ValueError):
        bp.float32_to_pcm16(struct.pack("<f", float("nan")))
    with pytest.raises(ValueError):
        bp.float32_to_pcm16(b"\0\0\0")
