"""A dedicated PostgreSQL connection that ``LISTEN``s for outbox notifications.

It is not taken from the SQLAlchemy pool (a pooled connection is handed to others
and reset), but opened with asyncpg directly, with the arguments SQLAlchemy would
use for the same URL. When the connection drops it is re-opened with exponential
backoff; after every (re)connection ``on_connect`` runs, so the owner can look for
jobs whose notification went out while nobody was listening.

Log lines carry error types only, never payloads or connection details.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from typing import Any, Final

import asyncpg
from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S: Final = 10.0
CHECK_TIMEOUT_S: Final = 5.0
# Options of SQLAlchemy's asyncpg dialect that are not asyncpg.connect() arguments.
_DIALECT_ONLY: Final = (
    "async_creator_fn",
    "prepared_statement_cache_size",
    "prepared_statement_name_func",
)


def asyncpg_connect_args(url: str) -> dict[str, Any]:
    """``asyncpg.connect`` keyword arguments for a ``postgresql+asyncpg://`` URL.

    Derived by SQLAlchemy's own dialect, so host, port, credentials and query
    options (``ssl`` …) match the connections of the engine.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ValueError(f"database_url: LISTEN needs PostgreSQL, not {parsed.get_backend_name()}")
    _args, kwargs = parsed.get_dialect()().create_connect_args(parsed)
    return {k: v for k, v in kwargs.items() if k not in _DIALECT_ONLY}


class PgListener:
    """Keeps one ``LISTEN channel`` connection open until ``run``'s ``stop`` is set."""

    def __init__(
        self,
        connect_args: dict[str, Any],
        channel: str,
        on_notify: Callable[[str], None],
        *,
        on_connect: Callable[[], None] | None = None,
        backoff_seconds: float = 0.2,
        backoff_max_seconds: float = 30.0,
        check_seconds: float = 30.0,
    ) -> None:
        self._connect_args = dict(connect_args)
        self.channel = channel
        self._on_notify = on_notify
        self._on_connect = on_connect
        self.backoff_seconds = backoff_seconds
        self.backoff_max_seconds = backoff_max_seconds
        self.check_seconds = check_seconds
        self.connections = 0  # successful LISTENs so far
        self.server_pid: int | None = None  # backend of the current connection
        self._changed = asyncio.Condition()

    async def wait_connected(self, count: int = 1) -> int:
        """Wait until ``count`` connections have listened; returns the current backend pid."""
        async with self._changed:
            await self._changed.wait_for(
                lambda: self.connections >= count and bool(self.server_pid)
            )
            assert self.server_pid is not None
            return self.server_pid

    async def _set_state(self, pid: int | None, *, new: bool) -> None:
        async with self._changed:
            self.server_pid = pid
            if new:
                self.connections += 1
            self._changed.notify_all()

    def _notification(self, _conn: Any, _pid: int, _channel: str, payload: str) -> None:
        self._on_notify(payload)

    async def run(self, stop: asyncio.Event) -> None:
        delay = self.backoff_seconds
        while not stop.is_set():
            started = time.monotonic()
            try:
                await self._listen_once(stop)
            except Exception as exc:
                log.warning(
                    "outbox listener connection failed",
                    extra={"channel": self.channel, "error_type": type(exc).__name__},
                )
            if stop.is_set():
                return
            if time.monotonic() - started > self.backoff_max_seconds:
                delay = self.backoff_seconds  # it had been up a while: not a flapping server
            log.warning(
                "outbox listener reconnecting",
                extra={"channel": self.channel, "retry_in_s": round(delay, 2)},
            )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=delay)
            delay = min(self.backoff_max_seconds, delay * 2)

    async def _listen_once(self, stop: asyncio.Event) -> None:
        """Connect, LISTEN, and return when the connection is lost or ``stop`` is set."""
        conn = await asyncpg.connect(**self._connect_args, timeout=CONNECT_TIMEOUT_S)
        lost = asyncio.Event()
        conn.add_termination_listener(lambda _c: lost.set())
        try:
            await conn.add_listener(self.channel, self._notification)
            await self._set_state(conn.get_server_pid(), new=True)
            if self._on_connect is not None:
                self._on_connect()
            while not (stop.is_set() or lost.is_set()):
                if not await _first(stop, lost, within=self.check_seconds):
                    # Quiet for a while: make sure the connection is still there (a
                    # half-open TCP connection would never tell us).
                    await conn.fetchval("SELECT 1", timeout=CHECK_TIMEOUT_S)
            if lost.is_set() and not stop.is_set():
                log.warning("outbox listener connection lost", extra={"channel": self.channel})
        finally:
            await self._set_state(None, new=False)
            if not conn.is_closed():
                try:
                    await asyncio.wait_for(conn.close(), timeout=CHECK_TIMEOUT_S)
                except Exception:
                    conn.terminate()


async def _first(*events: asyncio.Event, within: float) -> bool:
    """Wait until one of ``events`` is set; False if ``within`` seconds passed first."""
    waiters = {asyncio.ensure_future(e.wait()) for e in events}
    try:
        done, _ = await asyncio.wait(waiters, timeout=within, return_when=asyncio.FIRST_COMPLETED)
        return bool(done)
    finally:
        for w in waiters:
            w.cancel()


__all__ = ["PgListener", "asyncpg_connect_args"]
