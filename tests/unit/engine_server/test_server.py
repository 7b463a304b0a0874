"""The engine endpoint in-process (Starlette TestClient): auth, routing, first message."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from voicecart.config import load_settings
from voicecart.engine.fakes import fake_parts
from voicecart.engine.server import REALTIME_PATH, create_engine_app, is_loopback

pytestmark = pytest.mark.unit

PATH = REALTIME_PATH + "?api-version=2026-07-15&model=gpt-realtime&x-ms-client-sdk=test"


def client(key: str | None = "secret") -> TestClient:
    settings = load_settings(_env_file=None, VOICECART_ENGINE_API_KEY=key)
    return TestClient(create_engine_app(settings, fake_parts()))


@pytest.mark.parametrize("headers", [{"api-key": "secret"}, {"Authorization": "Bearer secret"}])
def test_key_accepted_and_session_created_first(headers: dict[str, str]) -> None:
    with client() as http, http.websocket_connect(PATH, headers=headers) as ws:
        first = ws.receive_json()
        assert first["type"] == "session.created"
        assert first["session"]["model"] == "gpt-realtime"
        ws.send_json({"type": "input_audio_buffer.clear"})
        assert ws.receive_json()["type"] == "input_audio_buffer.cleared"


@pytest.mark.parametrize(
    "headers", [{}, {"api-key": "wrong"}, {"Authorization": "Bearer wrong"}, {"api-key": ""}]
)
def test_wrong_or_missing_key_is_refused(headers: dict[str, str]) -> None:
    with (
        client() as http,
        pytest.raises(WebSocketDisconnect) as info,
        http.websocket_connect(PATH, headers=headers),
    ):
        pass
    assert info.value.code == 4401


def test_without_a_key_only_loopback_clients() -> None:
    # TestClient's peer is "testclient", which is not a loopback address.
    with (
        client(None) as http,
        pytest.raises(WebSocketDisconnect) as info,
        http.websocket_connect(PATH, headers={"api-key": "anything"}),
    ):
        pass
    assert info.value.code == 4401


@pytest.mark.parametrize(
    ("host", "ok"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("::ffff:127.0.0.1", True),
        ("10.0.0.1", False),
        ("192.168.1.2", False),
        ("::2", False),
        ("localhost", False),
        ("testclient", False),
        (None, False),
    ],
)
def test_is_loopback(host: str | None, ok: bool) -> None:
    assert is_loopback(host) is ok


def test_health_lists_parts() -> None:
    with client() as http:
        body = http.get("/health").json()
        assert body["status"] == "ok" and body["parts"]["brain"] == "ok"


def test_bad_frames_keep_the_connection() -> None:
    with client() as http, http.websocket_connect(PATH, headers={"api-key": "secret"}) as ws:
        ws.receive_json()
        ws.send_text("{oops")
        assert ws.receive_json()["error"]["code"] == "invalid_json"
        ws.send_bytes(b'{"type": "input_audio_buffer.clear", "event_id": "b"}')
        assert ws.receive_json()["type"] == "input_audio_buffer.cleared"
