"""The database sink: write an analysis document once per call, read documents back."""

from __future__ import annotations

from sqlalchemy import delete, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from voicecart.analysis.models import CallAnalysis, CallAnalysisProduct
from voicecart.analysis.schema import (
    AnalysisDocument,
    AnalysisResult,
    KeyMoment,
    Reason,
    Resolution,
    Satisfaction,
    Sentiment,
    document_id,
)
from voicecart.analysis.transcript import Transcript
from voicecart.calls.models import Call
from voicecart.storage.base import utcnow


def build_document(
    transcript: Transcript, result: AnalysisResult, analyser: str
) -> AnalysisDocument:
    """The stored document for ``transcript``'s verdict (its id derives from the call id)."""
    now = utcnow()
    return AnalysisDocument(
        id=document_id(transcript.call_id),
        call_id=transcript.call_id,
        analyser=analyser,
        call_started_at=transcript.started_at or now,
        call_ended_at=transcript.ended_at,
        created_at=now,
        updated_at=now,
        **result.model_dump(),
    )


def _row(doc: AnalysisDocument) -> dict[str, object]:
    return {
        "id": doc.id,
        "call_id": doc.call_id,
        "call_reason": doc.call_reason,
        "reason_category": doc.reason_category.value,
        "customer_sentiment": doc.customer_sentiment.value,
        "sentiment_score": doc.sentiment_score,
        "customer_satisfaction": doc.customer_satisfaction.value,
        "rating": doc.rating,
        "rating_justification": doc.rating_justification,
        "products": list(doc.products),
        "resolution": doc.resolution.value,
        "follow_up_actions": list(doc.follow_up_actions),
        "key_moments": [m.model_dump() for m in doc.key_moments],
        "language": doc.language,
        "analyser": doc.analyser,
        "created_at": doc.created_at,
        "updated_at": doc.updated_at,
    }


async def save_document(
    session: AsyncSession, doc: AnalysisDocument, *, replace: bool = False
) -> bool:
    """Insert ``doc`` in the caller's transaction; True if written.

    Without ``replace`` a call that already has a document keeps it (the insert is a
    no-op: ``ON CONFLICT DO NOTHING`` on the unique call id), which is what makes a
    retried job harmless. With ``replace`` the old document is swapped for this one.
    """
    if replace:
        await session.execute(delete(CallAnalysis).where(CallAnalysis.call_id == doc.call_id))
    module = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    stmt = (
        module.insert(CallAnalysis)
        .values(**_row(doc))
        .on_conflict_do_nothing(index_elements=["call_id"])
        .returning(CallAnalysis.id)
    )
    written = (await session.execute(stmt)).scalar_one_or_none()
    if written is None:
        return False
    if doc.products:
        await session.execute(
            insert(CallAnalysisProduct),
            [{"analysis_id": doc.id, "product_id": pid} for pid in doc.products],
        )
    return True


def to_document(row: CallAnalysis, call: Call) -> AnalysisDocument:
    return AnalysisDocument(
        id=row.id,
        call_id=row.call_id,
        call_reason=row.call_reason,
        customer_satisfaction=Satisfaction(row.customer_satisfaction),
        customer_sentiment=Sentiment(row.customer_sentiment),
        rating=row.rating,
        rating_justification=row.rating_justification,
        reason_category=Reason(row.reason_category),
        sentiment_score=row.sentiment_score,
        products=list(row.products),
        resolution=Resolution(row.resolution),
        follow_up_actions=list(row.follow_up_actions),
        key_moments=[KeyMoment.model_validate(m) for m in row.key_moments],
        language=row.language,
        analyser=row.analyser,
        call_started_at=call.started_at,
        call_ended_at=call.ended_at,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


async def get_document(session: AsyncSession, call_id: str) -> AnalysisDocument | None:
    """The analysis of ``call_id``, or None if it has not been analysed."""
    found = (
        await session.execute(
            select(CallAnalysis, Call)
            .join(Call, Call.id == CallAnalysis.call_id)
            .where(CallAnalysis.call_id == call_id)
        )
    ).first()
    return None if found is None else to_document(found[0], found[1])


async def has_document(session: AsyncSession, call_id: str) -> bool:
    found = await session.scalar(select(CallAnalysis.id).where(CallAnalysis.call_id == call_id))
    return found is not None


__all__ = ["build_document", "get_document", "has_document", "save_document", "to_document"]
