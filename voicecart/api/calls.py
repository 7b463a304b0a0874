"""Admin endpoints for recorded calls: a filtered list, and one call in full."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from voicecart.analysis import follow_ups, queries
from voicecart.analysis.follow_ups import NOTE_MAX, follow_up_of, needs_follow_up
from voicecart.analysis.models import CallFollowUp
from voicecart.analysis.schema import AnalysisDocument, Reason, Resolution, Satisfaction, Sentiment
from voicecart.analysis.store import get_document
from voicecart.api.admin import AdminDep
from voicecart.api.day_range import FromDay, ToDay, day_range
from voicecart.api.deps import SessionDep
from voicecart.api.errors import error_responses
from voicecart.calls import repo

router = APIRouter(prefix="/api/calls", tags=["calls"], dependencies=[AdminDep])

CallId = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{1,32}$", description="Call id")]


class AnalysisBrief(BaseModel):
    call_reason: str
    reason_category: Reason
    customer_sentiment: Sentiment
    customer_satisfaction: Satisfaction
    rating: int
    resolution: Resolution
    products: list[int]


class FollowUpOut(BaseModel):
    done_at: datetime
    note: str


class FollowUpIn(BaseModel):
    done: bool = Field(True, description="false puts the call back on the follow-up list")
    note: str = Field(
        "", max_length=NOTE_MAX, description="What was done (callback made, refund sent, …)"
    )


class FollowUpState(BaseModel):
    done: bool
    done_at: datetime | None
    note: str


class CallOut(BaseModel):
    id: str
    channel: str
    status: str
    started_at: datetime
    ended_at: datetime | None
    end_reason: str | None
    duration_ms: int | None
    turn_count: int
    language: str | None
    analysis: AnalysisBrief | None
    needs_follow_up: bool = False  # escalated or unresolved
    follow_up: FollowUpOut | None = None  # set once somebody followed it up


class CallPage(BaseModel):
    items: list[CallOut]
    total: int
    limit: int
    offset: int


class TurnOut(BaseModel):
    seq: int
    speaker: str
    text: str
    at: datetime
    interrupted: bool


class ToolCallOut(BaseModel):
    name: str
    arguments: dict[str, Any]
    result: dict[str, Any] | None
    ok: bool
    error: str | None
    started_at: datetime
    duration_ms: int


class LinkOut(BaseModel):
    kind: str
    ref: str


class CallDetailOut(CallOut):
    turns: list[TurnOut]
    tool_calls: list[ToolCallOut]
    links: list[LinkOut]
    analysis_document: AnalysisDocument | None


def _follow_up_out(done: CallFollowUp | None) -> FollowUpOut | None:
    return None if done is None else FollowUpOut(done_at=done.done_at, note=done.note)


def _call_out(row: queries.CallRow) -> CallOut:
    c, a = row.call, row.analysis
    brief = (
        AnalysisBrief(
            call_reason=a.call_reason,
            reason_category=Reason(a.reason_category),
            customer_sentiment=Sentiment(a.customer_sentiment),
            customer_satisfaction=Satisfaction(a.customer_satisfaction),
            rating=a.rating,
            resolution=Resolution(a.resolution),
            products=list(a.products),
        )
        if a is not None
        else None
    )
    return CallOut(
        id=c.id,
        channel=c.channel,
        status=c.status,
        started_at=c.started_at,
        ended_at=c.ended_at,
        end_reason=c.end_reason,
        duration_ms=c.duration_ms,
        turn_count=c.turn_count,
        language=c.language,
        analysis=brief,
        needs_follow_up=needs_follow_up(a.resolution if a is not None else None),
        follow_up=_follow_up_out(row.follow_up),
    )


@router.get("", responses=error_responses(401, 422))
async def list_calls(
    session: SessionDep,
    from_: FromDay = None,
    to: ToDay = None,
    sentiment: Sentiment | None = None,
    satisfaction: Satisfaction | None = None,
    resolution: Annotated[
        Resolution | None, Query(description="escalated and unresolved calls need a follow-up")
    ] = None,
    rating: Annotated[int | None, Query(ge=1, le=5)] = None,
    min_rating: Annotated[int | None, Query(ge=1, le=5)] = None,
    reason: Reason | None = None,
    product: Annotated[int | None, Query(ge=1, le=2_147_483_647, description="Catalog id")] = None,
    status: Literal["active", "ended", "abandoned"] | None = None,
    follow_up: Annotated[
        Literal["open", "done"] | None,
        Query(description="open: escalated or unresolved, not yet followed up; done"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> CallPage:
    """Calls, newest first, with their analysis verdicts (admin)."""
    since, until = day_range(from_, to)
    filters = queries.CallFilters(
        since=since,
        until=until,
        sentiment=sentiment,
        satisfaction=satisfaction,
        resolution=resolution,
        rating=rating,
        min_rating=min_rating,
        reason=reason,
        product=product,
        status=status,
        follow_up=follow_up,
    )
    rows, total = await queries.list_calls(session, filters, limit=limit, offset=offset)
    return CallPage(items=[_call_out(r) for r in rows], total=total, limit=limit, offset=offset)


@router.get("/{call_id}", responses=error_responses(401, 404, 422))
async def get_call(session: SessionDep, call_id: CallId) -> CallDetailOut:
    """One call: its transcript, tool calls, what it created, and its analysis (admin)."""
    detail = await repo.get_call(session, call_id)
    doc = await get_document(session, call_id)
    done = await follow_up_of(session, call_id)
    base = _call_out(queries.CallRow(call=detail.call, analysis=None, follow_up=done))
    out = CallDetailOut(
        **base.model_dump(exclude={"analysis", "needs_follow_up"}),
        needs_follow_up=needs_follow_up(doc.resolution.value if doc is not None else None),
        analysis=(
            AnalysisBrief.model_validate(doc.model_dump(include=set(AnalysisBrief.model_fields)))
            if doc is not None
            else None
        ),
        turns=[
            TurnOut(seq=t.seq, speaker=t.speaker, text=t.text, at=t.at, interrupted=t.interrupted)
            for t in detail.turns
        ],
        tool_calls=[
            ToolCallOut(
                name=t.name,
                arguments=t.arguments,
                result=t.result,
                ok=t.ok,
                error=t.error,
                started_at=t.started_at,
                duration_ms=t.duration_ms,
            )
            for t in detail.tool_calls
        ],
        links=[LinkOut(kind=lk.kind, ref=lk.ref) for lk in detail.links],
        analysis_document=doc,
    )
    return out


@router.put("/{call_id}/follow-up", responses=error_responses(400, 401, 404, 409, 422))
async def set_follow_up(session: SessionDep, call_id: CallId, body: FollowUpIn) -> FollowUpState:
    """Mark an escalated or unresolved call as followed up, with a note, or put it back
    on the follow-up list with ``done: false`` (admin). Marking it again keeps the first
    time and takes the new note."""
    if not body.done:
        await follow_ups.reopen_follow_up(session, call_id)
        return FollowUpState(done=False, done_at=None, note="")
    done = await follow_ups.close_follow_up(session, call_id, body.note.strip())
    return FollowUpState(done=True, done_at=done.done_at, note=done.note)
