"""Admin analytics over analysed calls."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel

from voicecart.analysis import queries
from voicecart.api.admin import AdminDep
from voicecart.api.day_range import FromDay, ToDay, day_range
from voicecart.api.deps import SessionDep
from voicecart.api.errors import error_responses

router = APIRouter(prefix="/api/analytics", tags=["analytics"], dependencies=[AdminDep])


class ReasonCount(BaseModel):
    reason: str
    label: str
    calls: int


class ProductCount(BaseModel):
    product_id: int
    name: str | None
    calls: int


class DayCount(BaseModel):
    date: str
    calls: int
    average_rating: float | None


class AnalyticsSummary(BaseModel):
    since: date | None
    until: date | None
    total_calls: int
    analysed_calls: int
    average_rating: float | None
    average_sentiment_score: float | None
    sentiment: dict[str, int]
    satisfaction: dict[str, int]
    satisfied_share: float | None
    resolution: dict[str, int]
    open_follow_ups: int
    ratings: dict[int, int]
    top_reasons: list[ReasonCount]
    top_products: list[ProductCount]
    calls_per_day: list[DayCount]


@router.get("/summary", responses=error_responses(401, 422))
async def analytics_summary(
    session: SessionDep,
    from_: FromDay = None,
    to: ToDay = None,
) -> AnalyticsSummary:
    """Sentiment, satisfaction and rating of the calls in the range, top reasons and
    products, and calls per day (admin)."""
    since, until = day_range(from_, to)
    result = await queries.summary(session, since=since, until=until)
    data: dict[str, Any] = vars(result)
    return AnalyticsSummary.model_validate(data)
