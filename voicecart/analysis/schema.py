"""The analysis document: what every analyser produces, validated the same way.

``AnalysisResult`` is the analyser's verdict on one call; it is also the JSON
schema the LLM analyser asks its model to fill. ``seed_document`` gives the
document in the seed's Cosmos DB shape (``id, call_reason, customer_satisfaction,
customer_sentiment, rating, rating_justification``) plus our extra fields.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any, Final

from pydantic import BaseModel, ConfigDict, Field, field_validator

# Document ids are derived from the call id, so any retry or sink writes the same id.
_DOC_NAMESPACE: Final = uuid.UUID("6f1d8a52-3c0e-4d8b-9b43-5e2f0a7c91d4")


def document_id(call_id: str) -> str:
    """The analysis document id of ``call_id``: 32 hex digits, like the seed's documents."""
    return uuid.uuid5(_DOC_NAMESPACE, call_id).hex


class Sentiment(StrEnum):
    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"


class Satisfaction(StrEnum):
    SATISFIED = "satisfied"
    NEUTRAL = "neutral"
    NOT_SATISFIED = "not satisfied"


class Resolution(StrEnum):
    RESOLVED = "resolved"
    UNRESOLVED = "unresolved"
    ESCALATED = "escalated"


class Reason(StrEnum):
    """Call reason categories, for filtering and "top call reasons"."""

    PURCHASE = "purchase"
    PRODUCT_QUESTION = "product_question"
    ORDER_STATUS = "order_status"
    DELIVERY_ISSUE = "delivery_issue"
    DAMAGED_ITEM = "damaged_item"
    RETURN_REFUND = "return_refund"
    CANCELLATION = "cancellation"
    POLICY_QUESTION = "policy_question"
    COMPLAINT = "complaint"
    OTHER = "other"


class KeyMoment(BaseModel):
    """A moment of the call the verdict rests on, cited from the transcript."""

    model_config = ConfigDict(extra="forbid")

    turn: int = Field(ge=1, description="seq of the cited turn")
    speaker: str = Field(pattern="^(user|assistant|system)$")
    quote: str = Field(min_length=1, max_length=300)
    note: str = Field(min_length=1, max_length=200)


class AnalysisResult(BaseModel):
    """One analyser's verdict on one call."""

    model_config = ConfigDict(extra="forbid")

    call_reason: str = Field(min_length=1, max_length=300)
    reason_category: Reason
    customer_sentiment: Sentiment
    sentiment_score: float = Field(ge=-1.0, le=1.0)
    customer_satisfaction: Satisfaction
    rating: int = Field(ge=1, le=5)
    rating_justification: str = Field(min_length=1, max_length=1500)
    products: list[int] = Field(default_factory=list, max_length=50)
    resolution: Resolution
    follow_up_actions: list[str] = Field(default_factory=list, max_length=10)
    key_moments: list[KeyMoment] = Field(default_factory=list, max_length=10)
    language: str = Field(min_length=2, max_length=16)

    @field_validator("products")
    @classmethod
    def _unique_products(cls, value: list[int]) -> list[int]:
        return list(dict.fromkeys(value))

    @field_validator("follow_up_actions")
    @classmethod
    def _short_actions(cls, value: list[str]) -> list[str]:
        for action in value:
            if not action.strip() or len(action) > 200:
                raise ValueError("each action must be 1 to 200 characters")
        return value


class AnalysisDocument(BaseModel):
    """A stored analysis: the seed's fields first, then ours."""

    id: str
    call_reason: str
    customer_satisfaction: Satisfaction
    customer_sentiment: Sentiment
    rating: int
    rating_justification: str
    call_id: str
    reason_category: Reason
    sentiment_score: float
    products: list[int]
    resolution: Resolution
    follow_up_actions: list[str]
    key_moments: list[KeyMoment]
    language: str
    analyser: str
    call_started_at: datetime
    call_ended_at: datetime | None
    created_at: datetime
    updated_at: datetime

    def seed_document(self) -> dict[str, Any]:
        """JSON-ready, the seed's fields first (the Cosmos DB document body)."""
        return self.model_dump(mode="json")


__all__ = [
    "AnalysisDocument",
    "AnalysisResult",
    "KeyMoment",
    "Reason",
    "Resolution",
    "Satisfaction",
    "Sentiment",
    "document_id",
]
