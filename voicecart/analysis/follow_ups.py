"""Following up calls: the escalated and unresolved calls somebody has to call back.

A call needs a follow-up when its analysis says it was escalated or left unresolved;
staff close it with a short note once done, and may reopen it. Closing twice keeps
the first time and takes the newer note.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from voicecart.analysis.models import CallAnalysis, CallFollowUp
from voicecart.analysis.schema import Resolution
from voicecart.calls.models import Call
from voicecart.errors import Conflict, NotFound
from voicecart.storage.base import utcnow

NEEDS_FOLLOW_UP: Final = (Resolution.ESCALATED.value, Resolution.UNRESOLVED.value)
NOTE_MAX: Final = 500


def needs_follow_up(resolution: str | None) -> bool:
    """Whether a call whose analysis gave ``resolution`` (None: not analysed) needs one."""
    return resolution in NEEDS_FOLLOW_UP


async def close_follow_up(
    session: AsyncSession, call_id: str, note: str, *, now: datetime | None = None
) -> CallFollowUp:
    """Mark ``call_id`` as followed up. ``NotFound`` for an unknown call, ``Conflict``
    when its analysis asks for no follow-up (or it has none yet)."""
    if await session.get(Call, call_id) is None:
        raise NotFound("call", call_id)
    resolution = await session.scalar(
        select(CallAnalysis.resolution).where(CallAnalysis.call_id == call_id)
    )
    if resolution is None:
        raise Conflict(f"call {call_id} is not analysed yet, so it has no follow-up")
    if not needs_follow_up(resolution):
        raise Conflict(f"call {call_id} was {resolution}: it needs no follow-up")
    done = await session.get(CallFollowUp, call_id)
    if done is None:
        session.add(CallFollowUp(call_id=call_id, done_at=now or utcnow(), note=note))
        try:
            await session.commit()
        except IntegrityError:  # closed at the same moment by someone else: keep theirs
            await session.rollback()
        done = await session.get(CallFollowUp, call_id, populate_existing=True)
        if done is None:  # pragma: no cover - the row was just written
            raise Conflict(f"call {call_id}: the follow-up could not be saved")
    if done.note != note:
        done.note = note
        await session.commit()
    return done


async def reopen_follow_up(session: AsyncSession, call_id: str) -> None:
    """Put ``call_id`` back on the follow-up list (nothing to do if it is there)."""
    if await session.get(Call, call_id) is None:
        raise NotFound("call", call_id)
    done = await session.get(CallFollowUp, call_id)
    if done is not None:
        await session.delete(done)
        await session.commit()


async def follow_up_of(session: AsyncSession, call_id: str) -> CallFollowUp | None:
    return await session.get(CallFollowUp, call_id)


__all__ = [
    "NEEDS_FOLLOW_UP",
    "NOTE_MAX",
    "close_follow_up",
    "follow_up_of",
    "needs_follow_up",
    "reopen_follow_up",
]
