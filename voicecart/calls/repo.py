"""Reading recorded calls back: one call in full, or a page of calls."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voicecart.calls.models import Call, CallLink, CallToolCall, CallTurn
from voicecart.errors import NotFound


@dataclass(frozen=True)
class CallDetail:
    call: Call
    turns: list[CallTurn]  # by seq
    tool_calls: list[CallToolCall]  # by started_at, then insertion order
    links: list[CallLink]  # by kind, then ref


async def get_call(session: AsyncSession, call_id: str) -> CallDetail:
    """The call with its ordered turns, tool calls and links; ``NotFound`` if unknown."""
    call = await session.get(Call, call_id)
    if call is None:
        raise NotFound("call", call_id)
    turns = await session.scalars(
        select(CallTurn).where(CallTurn.call_id == call_id).order_by(CallTurn.seq)
    )
    tools = await session.scalars(
        select(CallToolCall)
        .where(CallToolCall.call_id == call_id)
        .order_by(CallToolCall.started_at, CallToolCall.id)
    )
    links = await session.scalars(
        select(CallLink).where(CallLink.call_id == call_id).order_by(CallLink.kind, CallLink.ref)
    )
    return CallDetail(call=call, turns=list(turns), tool_calls=list(tools), links=list(links))


async def list_calls(
    session: AsyncSession, *, limit: int = 50, offset: int = 0, status: str | None = None
) -> list[Call]:
    """Calls, newest first (optionally only those with ``status``)."""
    stmt = select(Call).order_by(Call.started_at.desc(), Call.id.desc())
    if status is not None:
        stmt = stmt.where(Call.status == status)
    result = await session.scalars(stmt.limit(max(0, limit)).offset(max(0, offset)))
    return list(result)


__all__ = ["CallDetail", "get_call", "list_calls"]
