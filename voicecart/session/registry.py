"""Sessions of this process, with a cap on how many run at once."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from voicecart.session.realtime_session import RealtimeSession


class SessionsBusy(Exception):
    """The process runs as many sessions as it is allowed to."""


class SessionRegistry:
    def __init__(self, max_sessions: int) -> None:
        self.max_sessions = max_sessions
        self._sessions: dict[str, RealtimeSession] = {}
        self._reserved = 0
        self._lock = asyncio.Lock()

    def __len__(self) -> int:
        return len(self._sessions)

    def __iter__(self) -> Iterator[RealtimeSession]:
        return iter(list(self._sessions.values()))

    async def reserve(self) -> None:
        """Claim a slot before the (slow) upstream connect; release() if it fails."""
        async with self._lock:
            if len(self._sessions) + self._reserved >= self.max_sessions:
                raise SessionsBusy(f"all {self.max_sessions} session slots are in use")
            self._reserved += 1

    def release(self) -> None:
        self._reserved = max(0, self._reserved - 1)

    def add(self, session: RealtimeSession) -> None:
        self._reserved = max(0, self._reserved - 1)
        self._sessions[session.id] = session

    def get(self, session_id: str) -> RealtimeSession | None:
        return self._sessions.get(session_id)

    def remove(self, session_id: str) -> None:
        self._sessions.pop(session_id, None)

    async def close_all(self, reason: str = "shutdown") -> None:
        await asyncio.gather(*(s.close(reason) for s in list(self._sessions.values())))
