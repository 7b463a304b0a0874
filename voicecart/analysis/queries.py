"""Reading calls with their analyses: filtered pages and the analytics summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Final, Literal

from sqlalchemy import Date, cast, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from voicecart.analysis.follow_ups import NEEDS_FOLLOW_UP
from voicecart.analysis.lexicon import REASON_LABELS
from voicecart.analysis.models import CallAnalysis, CallAnalysisProduct, CallFollowUp
from voicecart.analysis.schema import Reason, Resolution, Satisfaction, Sentiment
from voicecart.calls.models import Call
from voicecart.commerce.models import Product

TOP: Final = 5


@dataclass(frozen=True)
class CallFilters:
    """Which calls: ``since``/``until`` are UTC days, both inclusive."""

    since: date | None = None
    until: date | None = None
    sentiment: Sentiment | None = None
    satisfaction: Satisfaction | None = None
    resolution: Resolution | None = None
    rating: int | None = None
    min_rating: int | None = None
    reason: Reason | None = None
    product: int | None = None
    status: str | None = None
    follow_up: Literal["open", "done"] | None = None


@dataclass(frozen=True)
class CallRow:
    call: Call
    analysis: CallAnalysis | None
    follow_up: CallFollowUp | None = None


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _date_range(stmt: Any, since: date | None, until: date | None) -> Any:
    if since is not None:
        stmt = stmt.where(Call.started_at >= _day_start(since))
    if until is not None:
        stmt = stmt.where(Call.started_at < _day_start(until + timedelta(days=1)))
    return stmt


def _filtered(stmt: Any, f: CallFilters) -> Any:
    """``stmt`` (calls outer-joined to their analysis and follow-up) narrowed by ``f``."""
    stmt = _date_range(stmt, f.since, f.until)
    if f.status is not None:
        stmt = stmt.where(Call.status == f.status)
    if f.sentiment is not None:
        stmt = stmt.where(CallAnalysis.customer_sentiment == f.sentiment.value)
    if f.satisfaction is not None:
        stmt = stmt.where(CallAnalysis.customer_satisfaction == f.satisfaction.value)
    if f.resolution is not None:
        stmt = stmt.where(CallAnalysis.resolution == f.resolution.value)
    if f.rating is not None:
        stmt = stmt.where(CallAnalysis.rating == f.rating)
    if f.min_rating is not None:
        stmt = stmt.where(CallAnalysis.rating >= f.min_rating)
    if f.reason is not None:
        stmt = stmt.where(CallAnalysis.reason_category == f.reason.value)
    if f.follow_up == "open":
        stmt = stmt.where(
            CallAnalysis.resolution.in_(NEEDS_FOLLOW_UP), CallFollowUp.call_id.is_(None)
        )
    elif f.follow_up == "done":
        stmt = stmt.where(CallFollowUp.call_id.is_not(None))
    if f.product is not None:
        stmt = stmt.where(
            exists().where(
                CallAnalysisProduct.analysis_id == CallAnalysis.id,
                CallAnalysisProduct.product_id == f.product,
            )
        )
    return stmt


async def list_calls(
    session: AsyncSession, filters: CallFilters, *, limit: int = 50, offset: int = 0
) -> tuple[list[CallRow], int]:
    """A page of calls (newest first) with their analyses, and how many match in all."""
    base = (
        select(Call, CallAnalysis, CallFollowUp)
        .outerjoin(CallAnalysis, CallAnalysis.call_id == Call.id)
        .outerjoin(CallFollowUp, CallFollowUp.call_id == Call.id)
    )
    stmt = _filtered(base, filters)
    total = await session.scalar(select(func.count()).select_from(stmt.subquery()))
    rows = await session.execute(
        stmt.order_by(Call.started_at.desc(), Call.id.desc()).limit(limit).offset(offset)
    )
    return [CallRow(call=r[0], analysis=r[1], follow_up=r[2]) for r in rows.all()], int(total or 0)


@dataclass
class Summary:
    since: date | None
    until: date | None
    total_calls: int = 0
    analysed_calls: int = 0
    average_rating: float | None = None
    average_sentiment_score: float | None = None
    sentiment: dict[str, int] = field(default_factory=dict)
    satisfaction: dict[str, int] = field(default_factory=dict)
    satisfied_share: float | None = None
    resolution: dict[str, int] = field(default_factory=dict)
    open_follow_ups: int = 0  # escalated or unresolved, and nobody has followed up yet
    ratings: dict[int, int] = field(default_factory=dict)
    top_reasons: list[dict[str, Any]] = field(default_factory=list)
    top_products: list[dict[str, Any]] = field(default_factory=list)
    calls_per_day: list[dict[str, Any]] = field(default_factory=list)


def _day_expr(dialect: str) -> Any:
    if dialect == "postgresql":
        return cast(func.timezone("UTC", Call.started_at), Date)
    return func.date(Call.started_at)  # SQLite keeps UTC text: YYYY-MM-DD HH:MM:SS


def _counts(rows: Any, keys: list[str]) -> dict[str, int]:
    found = {str(k): int(n) for k, n in rows}
    return {k: found.get(k, 0) for k in keys}


async def summary(
    session: AsyncSession, *, since: date | None = None, until: date | None = None
) -> Summary:
    """Totals and distributions of the calls started in the date range."""
    out = Summary(since=since, until=until)
    analysed = _date_range(
        select(CallAnalysis).join(Call, Call.id == CallAnalysis.call_id), since, until
    ).subquery()
    out.total_calls = int(
        await session.scalar(_date_range(select(func.count(Call.id)), since, until)) or 0
    )
    agg = (
        await session.execute(
            select(func.count(), func.avg(analysed.c.rating), func.avg(analysed.c.sentiment_score))
        )
    ).one()
    out.analysed_calls = int(agg[0] or 0)
    out.average_rating = round(float(agg[1]), 2) if agg[1] is not None else None
    out.average_sentiment_score = round(float(agg[2]), 3) if agg[2] is not None else None

    async def grouped(column: Any) -> Any:
        return (await session.execute(select(column, func.count()).group_by(column))).all()

    out.sentiment = _counts(
        await grouped(analysed.c.customer_sentiment), [s.value for s in Sentiment]
    )
    out.satisfaction = _counts(
        await grouped(analysed.c.customer_satisfaction), [s.value for s in Satisfaction]
    )
    if out.analysed_calls:
        out.satisfied_share = round(
            out.satisfaction[Satisfaction.SATISFIED.value] / out.analysed_calls, 3
        )
    out.resolution = _counts(await grouped(analysed.c.resolution), [r.value for r in Resolution])
    open_follow_ups = select(func.count()).where(
        analysed.c.resolution.in_(NEEDS_FOLLOW_UP),
        ~exists().where(CallFollowUp.call_id == analysed.c.call_id),
    )
    out.open_follow_ups = int(await session.scalar(open_follow_ups) or 0)
    out.ratings = {
        int(k): v for k, v in _counts(await grouped(analysed.c.rating), list("12345")).items()
    }

    reasons = await session.execute(
        select(analysed.c.reason_category, func.count().label("n"))
        .group_by(analysed.c.reason_category)
        .order_by(func.count().desc(), analysed.c.reason_category)
        .limit(TOP)
    )
    out.top_reasons = [
        {"reason": r, "label": REASON_LABELS[Reason(r)], "calls": int(n)} for r, n in reasons.all()
    ]
    products = await session.execute(
        select(CallAnalysisProduct.product_id, Product.name, func.count().label("n"))
        .join(analysed, analysed.c.id == CallAnalysisProduct.analysis_id)
        .outerjoin(Product, Product.id == CallAnalysisProduct.product_id)
        .group_by(CallAnalysisProduct.product_id, Product.name)
        .order_by(func.count().desc(), CallAnalysisProduct.product_id)
        .limit(TOP)
    )
    out.top_products = [
        {"product_id": int(pid), "name": name, "calls": int(n)} for pid, name, n in products.all()
    ]

    day = _day_expr(session.get_bind().dialect.name).label("day")
    per_day = await session.execute(
        _date_range(
            select(day, func.count(Call.id), func.avg(CallAnalysis.rating))
            .outerjoin(CallAnalysis, CallAnalysis.call_id == Call.id)
            .group_by(day)
            .order_by(day),
            since,
            until,
        )
    )
    out.calls_per_day = [
        {
            "date": d.isoformat() if isinstance(d, date) else str(d),
            "calls": int(n),
            "average_rating": round(float(avg), 2) if avg is not None else None,
        }
        for d, n, avg in per_day.all()
    ]
    return out


__all__ = ["CallFilters", "CallRow", "Summary", "list_calls", "summary"]
