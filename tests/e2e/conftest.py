"""One real voicecart server per module, its engine's real parts loaded once, and the voice.

The server runs the whole app (gateway, tools, call capture and, since
``VOICECART_ENGINE_URL`` is unset, its own ``/voice-live/realtime`` engine as the
upstream) under uvicorn in a thread, on a fresh SQLite file. ``VOICECART_PORT`` is the
port it really listens on, so the gateway's default upstream is this same server.

When the engine's parts (Silero VAD, faster-whisper, piper, the retail brain) cannot load
here the tests are skipped, except under ``CI=true`` where they fail.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI
from websockets.sync.client import connect as ws_connect

from tests.e2e.speech import Voice
from tests.support import free_port, make_settings, serving
from voicecart.app import create_app
from voicecart.engine.parts import LazyParts

STARTUP_TIMEOUT = 300.0  # loading whisper, piper and silero on a busy machine


@dataclass(frozen=True)
class Gateway:
    base_url: str
    database_url: str
    app: FastAPI


def unavailable(message: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message} (CI=true: the end-to-end tests must run)")
    pytest.skip(message)


def warm_engine(base_url: str, app: FastAPI) -> None:
    """Open one engine connection: the app builds (and warms up) its real parts on the
    first one. Fails or skips when a part is unavailable."""
    url = base_url.replace("http", "ws", 1) + "/voice-live/realtime?api-version=2026-07-15"
    with ws_connect(url, open_timeout=STARTUP_TIMEOUT, max_size=None) as ws:
        first = json.loads(ws.recv(timeout=STARTUP_TIMEOUT))
        assert first["type"] == "session.created", first
    provider = app.state.engine.parts
    assert isinstance(provider, LazyParts), "the app should build the engine's own parts"
    built = provider.built
    assert built is not None
    status = built.status()
    if any(state != "ok" for state in status.values()):
        unavailable(f"real engine parts unavailable here: {status}")


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gateway]:
    """The real server, engine warmed, on its own SQLite database (shared by the module)."""
    db_path: Path = tmp_path_factory.mktemp("voice") / "voicecart.db"
    database_url = f"sqlite+aiosqlite:///{db_path}"
    port = free_port()
    settings = make_settings(database_url, VOICECART_PORT=port)
    assert settings.engine_url is None and settings.azure_voice_live_endpoint is None
    app = create_app(settings)
    with serving(app, port) as base_url:
        warm_engine(base_url, app)
        yield Gateway(base_url=base_url, database_url=database_url, app=app)


@pytest.fixture(scope="module")
def voice() -> Voice:
    """The shopper's voice (piper), its utterances cached for the module."""
    try:
        return Voice()
    except Exception as exc:  # piper or its voice missing
        unavailable(f"piper TTS unavailable here: {exc}")
        raise
