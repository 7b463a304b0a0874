"""A finished call as the analysers see it: turns, tool uses and links, nothing of storage."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from voicecart.analysis.language import detect_language
from voicecart.calls import repo


@dataclass(frozen=True)
class Turn:
    seq: int
    speaker: str  # user | assistant | system
    text: str
    interrupted: bool = False
    at: datetime | None = None


@dataclass(frozen=True)
class ToolUse:
    name: str
    arguments: dict[str, Any]
    result: dict[str, Any] | None
    ok: bool
    at: datetime | None = None


@dataclass(frozen=True)
class Transcript:
    call_id: str
    turns: tuple[Turn, ...]
    tools: tuple[ToolUse, ...] = ()
    links: tuple[tuple[str, str], ...] = ()  # (kind, ref): orders and shipments created
    channel: str = "voice"
    status: str = "ended"  # ended | abandoned
    end_reason: str | None = None
    language: str | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def user_turns(self) -> list[Turn]:
        return [t for t in self.turns if t.speaker == "user" and t.text.strip()]

    def turn(self, seq: int) -> Turn | None:
        return next((t for t in self.turns if t.seq == seq), None)


async def load_transcript(session: AsyncSession, call_id: str) -> Transcript:
    """The recorded call ``call_id``; ``NotFound`` if there is none.

    A call that recorded no language gets the one its shopper's turns are in (``en``
    when they say too little to tell); the classifier runs in a thread, as its first
    use loads the model.
    """
    detail = await repo.get_call(session, call_id)
    call = detail.call
    language = call.language
    if not language:
        shopper = [t.text for t in detail.turns if t.speaker == "user" and t.text.strip()]
        language = await asyncio.to_thread(detect_language, shopper)
    return Transcript(
        call_id=call.id,
        turns=tuple(
            Turn(seq=t.seq, speaker=t.speaker, text=t.text, interrupted=t.interrupted, at=t.at)
            for t in detail.turns
        ),
        tools=tuple(
            ToolUse(name=c.name, arguments=c.arguments, result=c.result, ok=c.ok, at=c.started_at)
            for c in detail.tool_calls
        ),
        links=tuple((link.kind, link.ref) for link in detail.links),
        channel=call.channel,
        status=call.status,
        end_reason=call.end_reason,
        language=language,
        started_at=call.started_at,
        ended_at=call.ended_at,
    )


__all__ = ["ToolUse", "Transcript", "Turn", "load_transcript"]
