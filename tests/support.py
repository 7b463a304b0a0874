"""Test helpers: run the real app under uvicorn on a free loopback port."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn

from voicecart.app import create_app
from voicecart.config import Settings, load_settings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def serving(app: Any, port: int | None = None, **config: Any) -> Iterator[str]:
    """Serve ``app`` under uvicorn in a thread (its own event loop) on ``port`` (a free one by
    default); yields ``http://127.0.0.1:P`` once it accepts connections. ``config`` goes to
    ``uvicorn.Config`` (``ws_max_size``...)."""
    port = port or free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", **config)
    )
    thread = threading.Thread(target=server.run, name=f"uvicorn:{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("test server failed to start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@contextmanager
def running_server(settings: Settings) -> Iterator[str]:
    """Serve ``create_app(settings)`` in a thread; yields the base URL once it accepts requests."""
    with serving(create_app(settings), lifespan="on") as base_url:
        yield base_url


def make_settings(database_url: str, **overrides: object) -> Settings:
    """Settings for a test: the given database, no .env file read."""
    return load_settings(VOICECART_DATABASE_URL=database_url, _env_file=None, **overrides)
