"""Helpers for the analysis tests: record finished calls straight into the database."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from voicecart.analysis.transcript import ToolUse, Transcript, Turn
from voicecart.calls.models import Call, CallLink, CallToolCall, CallTurn, new_call_id
from voicecart.calls.recorder import CALL_ENDED_TOPIC
from voicecart.storage.db import Database
from voicecart.storage.outbox import enqueue

T0 = datetime(2026, 11, 25, 9, 0, 0, tzinfo=UTC)


def call(
    *lines: str,
    tools: tuple[ToolUse, ...] = (),
    status: str = "ended",
    links: tuple[tuple[str, str], ...] = (),
) -> Transcript:
    """A transcript from ``"U: ..."`` (shopper) and ``"A: ..."`` (assistant) lines."""
    turns = tuple(
        Turn(seq=i, speaker="user" if line[0] == "U" else "assistant", text=line[3:])
        for i, line in enumerate(lines, start=1)
    )
    return Transcript(call_id="call_t", turns=turns, tools=tools, status=status, links=links)


HAPPY = [
    ("user", "Hi, I'd like to buy the Trailblazer running shoes in size 10."),
    ("assistant", "The Trailblazer Running Shoe is $89. Shall I order one pair?"),
    ("user", "Yes please, that's perfect."),
    ("assistant", "Done: order ORD-1 is placed."),
    ("user", "Great, thank you so much, that was easy!"),
]
ANGRY = [
    ("user", "My instant cold pack arrived broken, there is water inside the bag."),
    ("assistant", "I'm sorry to hear that. Can you give me the order number?"),
    ("user", "This is ridiculous, I already told you everything. Useless."),
    ("assistant", "I understand. I will connect you with a specialist."),
    ("user", "Whatever. Terrible service."),
]


async def record_call(
    db: Database,
    turns: Sequence[tuple[str, str]],
    *,
    tools: Sequence[dict[str, Any]] = (),
    links: Sequence[tuple[str, str]] = (),
    status: str = "ended",
    started_at: datetime = T0,
    enqueue_job: bool = True,
    call_id: str | None = None,
) -> str:
    """A finished call with its turns, tool calls and links (and its ``call.ended`` job)."""
    call_id = call_id or new_call_id()
    async with db.session() as session, session.begin():
        session.add(
            Call(
                id=call_id,
                session_id="sess-" + call_id[-6:],
                channel="voice",
                status=status,
                started_at=started_at,
                ended_at=None if status == "active" else started_at + timedelta(minutes=3),
                end_reason=None if status == "active" else "ended",
                duration_ms=180_000,
                call_metadata={},
                turn_count=len(turns),
            )
        )
        await session.flush()
        for seq, (speaker, text) in enumerate(turns, start=1):
            session.add(
                CallTurn(
                    call_id=call_id,
                    seq=seq,
                    speaker=speaker,
                    text=text,
                    at=started_at + timedelta(seconds=10 * seq),
                    interrupted=False,
                )
            )
        for i, tool in enumerate(tools):
            session.add(
                CallToolCall(
                    call_id=call_id,
                    fc_call_id=f"fc_{i}",
                    name=tool["name"],
                    arguments=tool.get("arguments", {}),
                    result=tool.get("result"),
                    ok=tool.get("ok", True),
                    error=None,
                    started_at=started_at + timedelta(seconds=5 + i),
                    duration_ms=12,
                )
            )
        for kind, ref in links:
            session.add(CallLink(call_id=call_id, kind=kind, ref=ref))
        if enqueue_job and status != "active":
            enqueue(session, topic=CALL_ENDED_TOPIC, key=call_id, payload={"call_id": call_id})
    return call_id
