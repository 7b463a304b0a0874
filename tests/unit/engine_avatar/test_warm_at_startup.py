"""The main app, serving its own engine, starts drawing the configured avatar at start-up."""

from __future__ import annotations

import asyncio
import time

import pytest

from tests.support import make_settings
from voicecart.app import create_app
from voicecart.engine.avatar.looks import resolve_look
from voicecart.engine.avatar.service import AvatarService

pytestmark = pytest.mark.unit


async def test_start_up_warms_the_configured_look_without_waiting(tmp_path: object) -> None:
    app = create_app(
        make_settings(
            f"sqlite+aiosqlite:///{tmp_path}/w.db",
            AZURE_VOICE_AVATAR_CHARACTER="james",
            AZURE_VOICE_AVATAR_WIDTH=320,
            AZURE_VOICE_AVATAR_HEIGHT=180,
        )
    )
    async with app.router.lifespan_context(app):
        service = app.state.engine.avatar
        assert isinstance(service, AvatarService)
        sheet, new = service.sprites.sheet(resolve_look("james", None), (320, 180))
        assert not new  # start-up asked for it already
        started = time.monotonic()
        assert await asyncio.to_thread(sheet.first.wait, 30)  # drawn in a worker thread
        assert time.monotonic() - started < 30


async def test_no_warming_when_the_upstream_is_elsewhere(tmp_path: object) -> None:
    app = create_app(
        make_settings(
            f"sqlite+aiosqlite:///{tmp_path}/w.db",
            VOICECART_ENGINE_URL="ws://127.0.0.1:9/voice-live/realtime",
            AZURE_VOICE_AVATAR_CHARACTER="james",
        )
    )
    async with app.router.lifespan_context(app):
        service = app.state.engine.avatar
        assert isinstance(service, AvatarService)
        _, new = service.sprites.sheet(resolve_look("james", None), (640, 360))
        assert new
