"""Live call capture: the realtime bridge reports, one background task writes.

The bridge calls :class:`CallRecorder` on its hot path, so the reporting methods
(``user_turn``, ``assistant_turn``, ``tool_call``, ``link``) never touch the
database and never raise: they put a record on an in-memory queue. One writer
task per call drains the queue, a batch per transaction, as soon as records
arrive — so a crash mid-call keeps everything said up to the last batch.

Being the only writer of its call lets the writer deduplicate by checking before
inserting (turns by realtime ``item_id``, tool calls by ``fc_call_id``); the
unique constraints back that up, and a write that still clashes is retried, which
re-checks and skips the row already there.

``close`` ends the call and enqueues its ``call.ended`` analysis in one
transaction; the row update is conditional on the call still being ``active``,
so neither a second close nor a concurrent :func:`abandon_stale` enqueues twice.

Log lines carry ids, counts and error *types* only: database error messages
embed bound parameters (transcripts, tool arguments), so they are never logged.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import TracebackType
from typing import Any, Final, Literal, TypeVar

from sqlalchemy import exists, func, insert, select, update
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from voicecart.calls.models import CHANNELS, LINK_KINDS, Call, CallLink, CallToolCall, CallTurn
from voicecart.storage.base import utcnow
from voicecart.storage.db import Database
from voicecart.storage.outbox import enqueue

log = logging.getLogger(__name__)

CALL_ENDED_TOPIC: Final = "call.ended"
MAX_BATCH: Final = 200
MAX_ATTEMPTS: Final = 5
BACKOFF_BASE_S: Final = 0.05
BACKOFF_MAX_S: Final = 1.0

T = TypeVar("T")

Speaker = Literal["user", "assistant", "system"]
LinkKind = Literal["order", "shipment"]


@dataclass(eq=False)
class _Turn:
    speaker: Speaker
    text: str
    item_id: str | None
    started_at: datetime | None
    at: datetime
    interrupted: bool
    # Allocated once, the first time the writer accepts the turn; kept across retries so
    # a retry after an ambiguous commit recognises the row it already wrote.
    seq: int | None = field(default=None)


@dataclass(eq=False)
class _ToolCall:
    fc_call_id: str
    name: str
    arguments: dict[str, Any]
    result: dict[str, Any] | None
    ok: bool
    error: str | None
    started_at: datetime
    duration_ms: int


@dataclass(eq=False)
class _Link:
    kind: str
    ref: str


_Record = _Turn | _ToolCall | _Link


class _Stop:
    """Queue sentinel: write what came before, then end the writer."""


_STOP: Final = _Stop()


def _is_transient(exc: BaseException) -> bool:
    """Worth retrying as-is: lost connections, locks, timeouts (not bad data or clashes)."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, OperationalError | InterfaceError | OSError | TimeoutError)


def _error_extra(exc: BaseException) -> dict[str, Any]:
    """Loggable facts about a database error: its type and SQLSTATE, never its message."""
    orig = exc.orig if isinstance(exc, DBAPIError) else None
    return {
        "error_type": type(exc).__name__,
        "db_error_type": type(orig).__name__ if orig is not None else None,
        "sqlstate": getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None),
    }


def _backoff(attempt: int) -> float:
    return float(min(BACKOFF_MAX_S, BACKOFF_BASE_S * 2**attempt))


def _ms(delta: timedelta) -> int:
    return max(0, int(delta.total_seconds() * 1000))


class CallRecorder:
    """Records one call while it happens. Use from the event loop's thread only."""

    def __init__(
        self,
        db: Database,
        *,
        call_id: str,
        session_id: str,
        channel: str = "voice",
        language: str | None = None,
        metadata: dict[str, Any] | None = None,
        clock: Callable[[], datetime] = utcnow,
        max_attempts: int = MAX_ATTEMPTS,
    ) -> None:
        if channel not in CHANNELS:
            raise ValueError(f"unknown call channel {channel!r}")
        if not 0 < len(call_id) <= 32:
            raise ValueError("call_id must be 1 to 32 characters")
        self.db = db
        self.call_id = call_id
        self.session_id = session_id
        self.channel = channel
        self.language = language
        self.metadata = dict(metadata or {})
        self._clock = clock
        self._max_attempts = max(1, max_attempts)
        self._queue: asyncio.Queue[_Record | _Stop] = asyncio.Queue()
        self._writer: asyncio.Task[None] | None = None
        self._started_at: datetime | None = None
        self._call_ready = False  # the calls row is known to exist
        self._next_seq = 1
        self._accepting = True
        self._closed = False
        self._close_lock = asyncio.Lock()
        self.dropped = 0  # records given up on after retries (logged)

    # ---- lifecycle -------------------------------------------------------

    @property
    def closed(self) -> bool:
        return self._closed

    async def start(self) -> None:
        """Insert the call row and start the writer.

        A database failure is logged, not raised: the call goes on, and the writer
        creates the row with its first batch once the database answers again.
        """
        if self._writer is not None:
            return
        self._started_at = self._clock()
        error = await self._write_with_retries([])
        if error is not None:
            log.error(
                "call recorder could not create the call yet",
                extra={"call_id": self.call_id, **_error_extra(error)},
            )
        self._writer = asyncio.create_task(self._run(), name=f"call-recorder:{self.call_id}")

    async def flush(self) -> None:
        """Wait until every record reported so far has been written (or given up on)."""
        writer = self._writer
        if writer is None or writer.done():
            return
        joined = asyncio.ensure_future(self._queue.join())
        try:
            await asyncio.wait({joined, writer}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            joined.cancel()

    async def close(self, *, reason: str = "ended") -> None:
        """Flush, then end the call and enqueue ``call.ended`` in one transaction.

        Idempotent: later calls return at once. Never raises for database errors; a
        call left ``active`` by a failed close is picked up by :func:`abandon_stale`.
        """
        async with self._close_lock:
            if self._closed:
                return
            self._accepting = False
            writer = self._writer
            if writer is None:
                log.warning("call recorder closed before start", extra={"call_id": self.call_id})
                self._closed = True
                return
            if not writer.done():
                self._queue.put_nowait(_STOP)
                # asyncio.wait, not await: cancelling close must not cancel the final flush,
                # and a writer that was cancelled must not make close raise.
                await asyncio.wait({writer})
            leftover = self._drain()
            if leftover:  # the writer was stopped from outside before reaching them
                await self._write(leftover)
            ended = await self._transact(lambda s: self._end(s, reason), what="close")
            self._closed = True
            if ended is not None:
                log.info(
                    "call ended",
                    extra={"call_id": self.call_id, "reason": reason, "dropped": self.dropped},
                )

    async def aclose(self) -> None:
        await self.close()

    async def __aenter__(self) -> CallRecorder:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close(reason="ended" if exc_type is None else "error")

    # ---- hot path: never awaits, never raises -----------------------------

    def user_turn(
        self,
        text: str,
        *,
        item_id: str | None = None,
        at: datetime | None = None,
        started_at: datetime | None = None,
    ) -> None:
        self._turn("user", text, item_id, at, started_at, interrupted=False)

    def assistant_turn(
        self,
        text: str,
        *,
        item_id: str | None = None,
        interrupted: bool = False,
        at: datetime | None = None,
        started_at: datetime | None = None,
    ) -> None:
        self._turn("assistant", text, item_id, at, started_at, interrupted=interrupted)

    def system_turn(
        self, text: str, *, item_id: str | None = None, at: datetime | None = None
    ) -> None:
        self._turn("system", text, item_id, at, None, interrupted=False)

    def tool_call(
        self,
        *,
        fc_call_id: str,
        name: str,
        arguments: dict[str, Any],
        result: dict[str, Any] | None,
        ok: bool,
        error: str | None,
        started_at: datetime,
        duration_ms: int,
    ) -> None:
        self._put(
            _ToolCall(
                fc_call_id=fc_call_id,
                name=name,
                arguments=arguments,
                result=result,
                ok=ok,
                error=error,
                started_at=started_at,
                duration_ms=duration_ms,
            )
        )

    def link(self, kind: LinkKind, ref: str) -> None:
        if kind not in LINK_KINDS:
            log.warning("unknown call link kind ignored", extra={"call_id": self.call_id})
            return
        self._put(_Link(kind=kind, ref=ref))

    def _turn(
        self,
        speaker: Speaker,
        text: str,
        item_id: str | None,
        at: datetime | None,
        started_at: datetime | None,
        *,
        interrupted: bool,
    ) -> None:
        try:
            now = at if at is not None else self._clock()
        except Exception:
            log.exception("call recorder clock failed", extra={"call_id": self.call_id})
            return
        self._put(
            _Turn(
                speaker=speaker,
                text=text,
                item_id=item_id or None,
                started_at=started_at,
                at=now,
                interrupted=interrupted,
            )
        )

    def _put(self, record: _Record) -> None:
        if not self._accepting:
            log.debug("record after call close ignored", extra={"call_id": self.call_id})
            return
        self._queue.put_nowait(record)  # unbounded: cannot raise QueueFull

    # ---- writer ----------------------------------------------------------

    def _drain(self) -> list[_Record]:
        records: list[_Record] = []
        while True:
            try:
                item = self._queue.get_nowait()
            except asyncio.QueueEmpty:
                return records
            self._queue.task_done()
            if not isinstance(item, _Stop):
                records.append(item)

    async def _run(self) -> None:
        stop = False
        while not stop:
            batch: list[_Record | _Stop] = [await self._queue.get()]
            while len(batch) < MAX_BATCH:
                try:
                    batch.append(self._queue.get_nowait())
                except asyncio.QueueEmpty:
                    break
            records = [r for r in batch if not isinstance(r, _Stop)]
            stop = len(records) < len(batch)
            try:
                if records:
                    await self._write(records)
            except Exception as exc:  # a bug, not a database error: keep the writer alive
                self.dropped += len(records)
                log.error(
                    "call recorder failed unexpectedly",
                    extra={"call_id": self.call_id, "records": len(records), **_error_extra(exc)},
                )
            finally:
                for _ in batch:
                    self._queue.task_done()

    async def _write(self, records: Sequence[_Record]) -> None:
        """Write a batch; isolate a record that cannot be written so the rest survive."""
        error = await self._write_with_retries(records)
        if error is None:
            return
        if _is_transient(error) or len(records) == 1:
            self.dropped += len(records)
            log.error(
                "call records dropped",
                extra={"call_id": self.call_id, "records": len(records), **_error_extra(error)},
            )
            return
        for record in records:
            await self._write([record])

    async def _write_with_retries(self, records: Sequence[_Record]) -> BaseException | None:
        async def apply(session: AsyncSession) -> None:
            await self._apply(session, records)

        return await self._transact_error(apply, what="write", records=len(records))

    async def _transact(
        self, work: Callable[[AsyncSession], Awaitable[T]], *, what: str
    ) -> T | None:
        result: list[T] = []

        async def run(session: AsyncSession) -> None:
            result.append(await work(session))

        error = await self._transact_error(run, what=what, records=0)
        if error is not None:
            log.error(
                f"call recorder {what} failed",
                extra={"call_id": self.call_id, **_error_extra(error)},
            )
            return None
        return result[0]

    async def _transact_error(
        self, work: Callable[[AsyncSession], Awaitable[None]], *, what: str, records: int
    ) -> BaseException | None:
        """Run ``work`` in a transaction, retrying transient failures with backoff."""
        error: BaseException | None = None
        for attempt in range(self._max_attempts):
            if attempt:
                await asyncio.sleep(_backoff(attempt - 1))
            try:
                async with self.db.session() as session, session.begin():
                    if not self._call_ready:
                        await self._ensure_call(session)
                    await work(session)
            except Exception as exc:
                error = exc
                log.warning(
                    "call recorder transaction failed",
                    extra={
                        "call_id": self.call_id,
                        "what": what,
                        "attempt": attempt + 1,
                        "records": records,
                        **_error_extra(exc),
                    },
                )
                if not _is_transient(exc) and attempt > 0:
                    # A clash is retried once (the re-check skips what is there); bad data
                    # fails the same way every time.
                    return exc
                continue
            self._call_ready = True
            return None
        return error

    async def _ensure_call(self, session: AsyncSession) -> None:
        """Insert the calls row, or resume an existing one (same id, e.g. after a retry)."""
        existing = await session.get(Call, self.call_id)
        started_at = self._started_at or self._clock()
        if existing is None:
            session.add(
                Call(
                    id=self.call_id,
                    session_id=self.session_id,
                    channel=self.channel,
                    status="active",
                    started_at=started_at,
                    language=self.language,
                    call_metadata=self.metadata,
                    turn_count=0,
                )
            )
            await session.flush()
            return
        self._started_at = existing.started_at
        last_seq = await session.scalar(
            select(func.max(CallTurn.seq)).where(CallTurn.call_id == self.call_id)
        )
        self._next_seq = max(self._next_seq, (last_seq or 0) + 1)
        if existing.status != "active":
            log.warning(
                "recording to a call that already ended",
                extra={"call_id": self.call_id, "status": existing.status},
            )

    async def _apply(self, session: AsyncSession, records: Sequence[_Record]) -> None:
        cid = self.call_id
        turns = [r for r in records if isinstance(r, _Turn)]
        tools = [r for r in records if isinstance(r, _ToolCall)]
        links = [r for r in records if isinstance(r, _Link)]

        if turns:
            item_ids = {t.item_id for t in turns if t.item_id is not None}
            seqs = {t.seq for t in turns if t.seq is not None}
            have_items: set[str | None] = set()
            have_seqs: set[int] = set()
            if item_ids:
                have_items = set(
                    await session.scalars(
                        select(CallTurn.item_id).where(
                            CallTurn.call_id == cid, CallTurn.item_id.in_(item_ids)
                        )
                    )
                )
            if seqs:
                have_seqs = set(
                    await session.scalars(
                        select(CallTurn.seq).where(CallTurn.call_id == cid, CallTurn.seq.in_(seqs))
                    )
                )
            rows: list[dict[str, Any]] = []
            for turn in turns:
                if turn.seq is not None and turn.seq in have_seqs:
                    continue  # written by an attempt whose commit we did not see succeed
                if turn.item_id is not None and turn.item_id in have_items:
                    continue  # the same realtime item reported twice
                if turn.seq is None:
                    turn.seq = self._next_seq
                    self._next_seq += 1
                if turn.item_id is not None:
                    have_items.add(turn.item_id)
                rows.append(
                    {
                        "call_id": cid,
                        "seq": turn.seq,
                        "speaker": turn.speaker,
                        "text": turn.text,
                        "item_id": turn.item_id,
                        "started_at": turn.started_at,
                        "at": turn.at,
                        "interrupted": turn.interrupted,
                    }
                )
            if rows:
                await session.execute(insert(CallTurn), rows)

        if tools:
            fc_ids = {t.fc_call_id for t in tools}
            have_fc = set(
                await session.scalars(
                    select(CallToolCall.fc_call_id).where(
                        CallToolCall.call_id == cid, CallToolCall.fc_call_id.in_(fc_ids)
                    )
                )
            )
            tool_rows: list[dict[str, Any]] = []
            for tool in tools:
                if tool.fc_call_id in have_fc:
                    continue
                have_fc.add(tool.fc_call_id)
                tool_rows.append(
                    {
                        "call_id": cid,
                        "fc_call_id": tool.fc_call_id,
                        "name": tool.name,
                        "arguments": tool.arguments,
                        "result": tool.result,
                        "ok": tool.ok,
                        "error": tool.error,
                        "started_at": tool.started_at,
                        "duration_ms": tool.duration_ms,
                    }
                )
            if tool_rows:
                await session.execute(insert(CallToolCall), tool_rows)

        if links:
            existing = await session.execute(
                select(CallLink.kind, CallLink.ref).where(CallLink.call_id == cid)
            )
            have_links = {(row.kind, row.ref) for row in existing}
            link_rows: list[dict[str, Any]] = []
            for link in links:
                if (link.kind, link.ref) in have_links:
                    continue
                have_links.add((link.kind, link.ref))
                link_rows.append({"call_id": cid, "kind": link.kind, "ref": link.ref})
            if link_rows:
                await session.execute(insert(CallLink), link_rows)

    async def _end(self, session: AsyncSession, reason: str) -> str | None:
        ended_at = self._clock()
        started_at = self._started_at or ended_at
        return await _finish(
            session,
            self.call_id,
            status="ended",
            reason=reason,
            ended_at=ended_at,
            duration_ms=_ms(ended_at - started_at),
        )


async def _finish(
    session: AsyncSession,
    call_id: str,
    *,
    status: Literal["ended", "abandoned"],
    reason: str,
    ended_at: datetime,
    duration_ms: int,
    extra_where: Sequence[Any] = (),
) -> str | None:
    """End an active call and enqueue its analysis; None if it was no longer active."""
    turn_count = (
        select(func.count()).select_from(CallTurn).where(CallTurn.call_id == call_id)
    ).scalar_subquery()
    ended = await session.scalar(
        update(Call)
        .where(Call.id == call_id, Call.status == "active", *extra_where)
        .values(
            status=status,
            ended_at=ended_at,
            end_reason=reason[:64],
            duration_ms=duration_ms,
            turn_count=turn_count,
        )
        .returning(Call.id)
        .execution_options(synchronize_session=False)
    )
    if ended is None:
        return None
    enqueue(session, topic=CALL_ENDED_TOPIC, key=call_id, payload={"call_id": call_id})
    return ended


def _quiet_since(cutoff: datetime) -> list[Any]:
    """Conditions: the call has had no turn or tool call at or after ``cutoff``."""
    return [
        Call.started_at < cutoff,
        ~exists().where(CallTurn.call_id == Call.id, CallTurn.at >= cutoff),
        ~exists().where(CallToolCall.call_id == Call.id, CallToolCall.started_at >= cutoff),
    ]


async def abandon_stale(db: Database, *, older_than: timedelta, now: datetime | None = None) -> int:
    """Close calls still ``active`` with no activity for ``older_than``, as ``abandoned``.

    For recovery after a crash or restart: each call is ended like ``close`` would
    (``ended_at`` is its last activity, ``end_reason`` "stale") and gets exactly one
    ``call.ended`` message, even if several workers run this at once. Returns how many
    calls were abandoned.
    """
    cutoff = (now or utcnow()) - older_than
    async with db.session() as session:
        ids = list(
            await session.scalars(
                select(Call.id)
                .where(Call.status == "active", *_quiet_since(cutoff))
                .order_by(Call.started_at)
            )
        )
    abandoned = 0
    for call_id in ids:
        try:
            async with db.session() as session, session.begin():
                started_at = await session.scalar(select(Call.started_at).where(Call.id == call_id))
                if started_at is None:
                    continue
                last_turn = await session.scalar(
                    select(func.max(CallTurn.at)).where(CallTurn.call_id == call_id)
                )
                last_tool = await session.scalar(
                    select(func.max(CallToolCall.started_at)).where(CallToolCall.call_id == call_id)
                )
                last = max(t for t in (started_at, last_turn, last_tool) if t is not None)
                ended = await _finish(
                    session,
                    call_id,
                    status="abandoned",
                    reason="stale",
                    ended_at=last,
                    duration_ms=_ms(last - started_at),
                    extra_where=_quiet_since(cutoff),
                )
        except Exception as exc:
            log.error(
                "abandoning a stale call failed", extra={"call_id": call_id, **_error_extra(exc)}
            )
            continue
        if ended is not None:
            abandoned += 1
            log.info("stale call abandoned", extra={"call_id": call_id})
    return abandoned


__all__ = ["CALL_ENDED_TOPIC", "CallRecorder", "LinkKind", "Speaker", "abandon_stale"]
