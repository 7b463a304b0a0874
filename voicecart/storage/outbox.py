"""Transactional outbox: work to do later, written in the same transaction as its cause."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from voicecart.storage.base import Base, UTCDateTime, utcnow
from voicecart.storage.wakeup import announce


class OutboxMessage(Base):
    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    topic: Mapped[str] = mapped_column(String(64), index=True)
    key: Mapped[str] = mapped_column(String(128), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    available_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)


def enqueue(session: AsyncSession, *, topic: str, key: str, payload: dict[str, Any]) -> None:
    """Add a message to the outbox; committed (or rolled back) with the caller's work.

    Workers are woken when (and only if) that work commits: see ``storage.wakeup``.
    """
    session.add(OutboxMessage(topic=topic, key=key, payload=payload))
    announce(session, topic)
