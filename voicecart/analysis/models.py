"""Analysis tables: one document per call, and the products it is about (for filtering)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from voicecart.analysis.schema import Reason, Resolution, Satisfaction, Sentiment
from voicecart.storage.base import Base, UTCDateTime, utcnow


def _one_of(column: str, values: list[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class CallAnalysis(Base):
    __tablename__ = "call_analyses"
    __table_args__ = (
        CheckConstraint("rating BETWEEN 1 AND 5", name="rating_range"),
        CheckConstraint(
            _one_of("customer_sentiment", [s.value for s in Sentiment]), name="sentiment_valid"
        ),
        CheckConstraint(
            _one_of("customer_satisfaction", [s.value for s in Satisfaction]),
            name="satisfaction_valid",
        ),
        CheckConstraint(
            _one_of("resolution", [r.value for r in Resolution]), name="resolution_valid"
        ),
        CheckConstraint(_one_of("reason_category", [r.value for r in Reason]), name="reason_valid"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    # One document per call, whatever the retries: the unique constraint is the guarantee.
    call_id: Mapped[str] = mapped_column(
        ForeignKey("calls.id", ondelete="CASCADE"), unique=True, index=True
    )
    call_reason: Mapped[str] = mapped_column(String(300))
    reason_category: Mapped[str] = mapped_column(String(32), index=True)
    customer_sentiment: Mapped[str] = mapped_column(String(16), index=True)
    sentiment_score: Mapped[float] = mapped_column(Float)
    customer_satisfaction: Mapped[str] = mapped_column(String(16))
    rating: Mapped[int] = mapped_column(Integer, index=True)
    rating_justification: Mapped[str] = mapped_column(Text)
    products: Mapped[list[int]] = mapped_column(JSON, default=list)
    resolution: Mapped[str] = mapped_column(String(16), index=True)
    follow_up_actions: Mapped[list[str]] = mapped_column(JSON, default=list)
    key_moments: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    language: Mapped[str] = mapped_column(String(16))
    analyser: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class CallAnalysisProduct(Base):
    """A catalog product an analysed call was about (``products`` as rows, for filters/tops)."""

    __tablename__ = "call_analysis_products"

    analysis_id: Mapped[str] = mapped_column(
        ForeignKey("call_analyses.id", ondelete="CASCADE"), primary_key=True
    )
    product_id: Mapped[int] = mapped_column(Integer, primary_key=True, index=True)


class CallFollowUp(Base):
    """A call somebody has followed up (an escalated or unresolved call, closed by hand)."""

    __tablename__ = "call_follow_ups"

    call_id: Mapped[str] = mapped_column(
        ForeignKey("calls.id", ondelete="CASCADE"), primary_key=True
    )
    done_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    note: Mapped[str] = mapped_column(String(500), default="")
