"""Call capture tables: one row per realtime session, with its turns, tool calls and links.

A call is written while it happens (see ``recorder.py``) so that a crash keeps
everything said up to then, and analysed after it ends (``call.ended`` outbox
message).
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any, Final

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from voicecart.storage.base import Base, UTCDateTime, utcnow

CHANNELS: Final = ("voice", "text", "api")
STATUSES: Final = ("active", "ended", "abandoned")
SPEAKERS: Final = ("user", "assistant", "system")
LINK_KINDS: Final = ("order", "shipment")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def new_call_id() -> str:
    """A fresh call id: ``call_`` and 24 hex digits (fits ``calls.id`` and ``orders.call_id``)."""
    return "call_" + secrets.token_hex(12)


class Call(Base):
    __tablename__ = "calls"
    __table_args__ = (
        CheckConstraint(_one_of("channel", CHANNELS), name="channel_valid"),
        CheckConstraint(_one_of("status", STATUSES), name="status_valid"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    session_id: Mapped[str] = mapped_column(String(64), index=True)
    channel: Mapped[str] = mapped_column(String(16), default="voice")
    status: Mapped[str] = mapped_column(String(16), default="active", index=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    end_reason: Mapped[str | None] = mapped_column(String(64))
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    language: Mapped[str | None] = mapped_column(String(16))
    # ``metadata`` is reserved on declarative classes, hence the attribute name.
    call_metadata: Mapped[dict[str, Any]] = mapped_column("metadata", JSON, default=dict)
    turn_count: Mapped[int] = mapped_column(Integer, default=0)


class CallTurn(Base):
    __tablename__ = "call_turns"
    __table_args__ = (
        UniqueConstraint("call_id", "seq", name="uq_call_turns_call_id_seq"),
        # NULLs are distinct on SQLite and PostgreSQL: turns without an item id never clash.
        UniqueConstraint("call_id", "item_id", name="uq_call_turns_call_id_item_id"),
        CheckConstraint(_one_of("speaker", SPEAKERS), name="speaker_valid"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    call_id: Mapped[str] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    item_id: Mapped[str | None] = mapped_column(String(64))
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    interrupted: Mapped[bool] = mapped_column(Boolean, default=False)


class CallToolCall(Base):
    __tablename__ = "call_tool_calls"
    __table_args__ = (
        UniqueConstraint("call_id", "fc_call_id", name="uq_call_tool_calls_call_id_fc_call_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    call_id: Mapped[str] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    fc_call_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(64))
    arguments: Mapped[dict[str, Any]] = mapped_column(JSON)
    # none_as_null: a missing result is SQL NULL, not the JSON literal ``null``.
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    ok: Mapped[bool] = mapped_column(Boolean)
    error: Mapped[str | None] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    duration_ms: Mapped[int] = mapped_column(Integer)


class CallLink(Base):
    """Something the call created: an order or a shipment (``ref`` is its id)."""

    __tablename__ = "call_links"
    __table_args__ = (CheckConstraint(_one_of("kind", LINK_KINDS), name="kind_valid"),)

    call_id: Mapped[str] = mapped_column(
        ForeignKey("calls.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    ref: Mapped[str] = mapped_column(String(32), primary_key=True)
