"""Test helpers: run the real app under uvicorn on a free loopback port."""

from __future__ import annotations

import atexit
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
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


_SESSION_DIR: Path | None = None


def session_knowledge_index() -> Path:
    """The knowledge index of this test process: a temporary file, so tests neither read
    nor write the developer's ``var/``. The first app that starts indexes the built-in
    corpus into it (about a second: the passage vectors ship with the package); later
    apps find it current. Removed when the process exits."""
    global _SESSION_DIR
    if _SESSION_DIR is None:
        _SESSION_DIR = Path(tempfile.mkdtemp(prefix="voicecart-tests-"))
        atexit.register(shutil.rmtree, _SESSION_DIR, ignore_errors=True)
    return _SESSION_DIR / "knowledge.sqlite3"


def make_settings(database_url: str, **overrides: object) -> Settings:
    """Settings for a test: the given database, the session's knowledge index, no .env
    file read."""
    overrides.setdefault("VOICECART_KNOWLEDGE_INDEX_PATH", str(session_knowledge_index()))
    return load_settings(VOICECART_DATABASE_URL=database_url, _env_file=None, **overrides)
