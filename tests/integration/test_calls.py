"""Call capture on SQLite and PostgreSQL: live writes, crash survival, close, dedupe, recovery."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from voicecart.calls import repo
from voicecart.calls.models import Call, CallTurn, new_call_id
from voicecart.calls.recorder import CALL_ENDED_TOPIC, CallRecorder, abandon_stale
from voicecart.errors import NotFound
from voicecart.storage.db import Database
from voicecart.storage.outbox import OutboxMessage

pytestmark = pytest.mark.integration

T0 = datetime(2026, 11, 25, 9, 0, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


async def eventually(check: Callable[[], Awaitable[bool]], *, within: float = 2.0) -> None:
    """Poll ``check`` until it holds; fail after ``within`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not await check():
        if loop.time() > deadline:
            pytest.fail(f"condition not met within {within}s")
        await asyncio.sleep(0.02)


async def turn_count(db: Database, call_id: str) -> int:
    async with db.session() as s:
        n = await s.scalar(
            select(func.count()).select_from(CallTurn).where(CallTurn.call_id == call_id)
        )
        return int(n or 0)


async def ended_messages(db: Database, call_id: str) -> list[OutboxMessage]:
    async with db.session() as s:
        rows = await s.scalars(
            select(OutboxMessage).where(
                OutboxMessage.topic == CALL_ENDED_TOPIC, OutboxMessage.key == call_id
            )
        )
        return list(rows)


async def crash(recorder: CallRecorder) -> None:
    """What a process crash leaves behind: the writer stops, close never runs."""
    writer = recorder._writer
    assert writer is not None
    writer.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await writer


async def test_recorded_call_reads_back_in_order(db: Database) -> None:
    clock = Clock(T0)
    call_id = new_call_id()
    rec = CallRecorder(db, call_id=call_id, session_id="sess-1", clock=clock)
    await rec.start()
    clock.advance(1)
    rec.user_turn("do you have trail shoes in size 10?", item_id="item_u1")
    clock.advance(2)
    rec.tool_call(
        fc_call_id="fc_1",
        name="search_products",
        arguments={"query": "trail shoes", "size": 10},
        result={"count": 2, "ids": [3, 7]},
        ok=True,
        error=None,
        started_at=clock.now,
        duration_ms=42,
    )
    rec.tool_call(
        fc_call_id="fc_2",
        name="place_order",
        arguments={"product_id": 99},
        result=None,
        ok=False,
        error="out of stock",
        started_at=clock.now + timedelta(seconds=1),
        duration_ms=7,
    )
    rec.assistant_turn("Yes, two pairs. Shall I order one?", item_id="item_a1")
    clock.advance(1)
    rec.user_turn("yes please")  # typed: no realtime item id
    rec.assistant_turn("Ordering now", item_id="item_a2", interrupted=True)
    rec.link("order", "12345678")
    rec.link("shipment", "SH-1")
    clock.advance(6)
    await rec.close(reason="user_hangup")

    async with db.session() as s:
        detail = await repo.get_call(s, call_id)

    call = detail.call
    assert (call.session_id, call.channel, call.status) == ("sess-1", "voice", "ended")
    assert call.end_reason == "user_hangup"
    assert call.started_at == T0
    assert call.ended_at == T0 + timedelta(seconds=10)
    assert call.duration_ms == 10_000
    assert call.turn_count == 4
    assert [(t.seq, t.speaker, t.text, t.item_id, t.interrupted) for t in detail.turns] == [
        (1, "user", "do you have trail shoes in size 10?", "item_u1", False),
        (2, "assistant", "Yes, two pairs. Shall I order one?", "item_a1", False),
        (3, "user", "yes please", None, False),
        (4, "assistant", "Ordering now", "item_a2", True),
    ]
    assert [t.at for t in detail.turns] == [
        T0 + timedelta(seconds=1),
        T0 + timedelta(seconds=3),
        T0 + timedelta(seconds=4),
        T0 + timedelta(seconds=4),
    ]
    first, second = detail.tool_calls
    assert (first.fc_call_id, first.name, first.ok, first.duration_ms) == (
        "fc_1",
        "search_products",
        True,
        42,
    )
    assert first.arguments == {"query": "trail shoes", "size": 10}
    assert first.result == {"count": 2, "ids": [3, 7]}
    assert first.started_at == T0 + timedelta(seconds=3)
    assert (second.fc_call_id, second.ok, second.error, second.result) == (
        "fc_2",
        False,
        "out of stock",
        None,
    )
    assert [(ln.kind, ln.ref) for ln in detail.links] == [
        ("order", "12345678"),
        ("shipment", "SH-1"),
    ]


async def test_turns_are_written_before_close_and_survive_a_crash(db: Database) -> None:
    call_id = new_call_id()
    rec = CallRecorder(db, call_id=call_id, session_id="sess-crash")
    await rec.start()
    rec.user_turn("I'd like the blue kettle", item_id="item_1")
    rec.assistant_turn("The blue kettle is $39.", item_id="item_2")

    # No close, no flush: the writer must get them to the database on its own, promptly.
    observer = Database(db.url)
    try:

        async def both_turns_visible() -> bool:
            return await turn_count(observer, call_id) == 2

        await eventually(both_turns_visible)
    finally:
        await observer.dispose()

    rec.user_turn("and a toaster", item_id="item_3")
    await eventually(lambda: _has_turns(db, call_id, 3))
    await crash(rec)
    await db.dispose()

    fresh = Database(db.url)
    try:
        async with fresh.session() as s:
            detail = await repo.get_call(s, call_id)
        assert [t.text for t in detail.turns] == [
            "I'd like the blue kettle",
            "The blue kettle is $39.",
            "and a toaster",
        ]
        assert detail.call.status == "active"
        assert detail.call.ended_at is None
        assert await ended_messages(fresh, call_id) == []
    finally:
        await fresh.dispose()


async def _has_turns(db: Database, call_id: str, n: int) -> bool:
    return await turn_count(db, call_id) == n


async def test_close_enqueues_call_ended_exactly_once(db: Database) -> None:
    clock = Clock(T0)
    call_id = new_call_id()
    rec = CallRecorder(db, call_id=call_id, session_id="sess-close", clock=clock)
    await rec.start()
    rec.user_turn("hello", item_id="item_1")
    clock.advance(3)

    assert await ended_messages(db, call_id) == []
    await rec.close()
    await rec.close()  # idempotent
    await rec.close(reason="something else")
    rec.user_turn("after the end", item_id="item_late")  # ignored, must not raise

    msgs = await ended_messages(db, call_id)
    assert len(msgs) == 1
    assert msgs[0].payload == {"call_id": call_id}
    assert msgs[0].status == "pending"
    async with db.session() as s:
        call = await s.get(Call, call_id)
    assert call is not None
    assert call.status == "ended"
    assert call.end_reason == "ended"
    assert call.ended_at == T0 + timedelta(seconds=3)
    assert call.duration_ms == 3000
    assert call.turn_count == 1
    assert await turn_count(db, call_id) == 1
    assert rec.closed


async def test_concurrent_closes_enqueue_once(db: Database) -> None:
    call_id = new_call_id()
    rec = CallRecorder(db, call_id=call_id, session_id="sess-race")
    await rec.start()
    rec.user_turn("hi")
    await asyncio.gather(rec.close(), rec.close(), rec.close())
    assert len(await ended_messages(db, call_id)) == 1
    assert await turn_count(db, call_id) == 1


async def test_duplicates_are_ignored(db: Database, caplog: pytest.LogCaptureFixture) -> None:
    call_id = new_call_id()
    rec = CallRecorder(db, call_id=call_id, session_id="sess-dup")
    await rec.start()
    rec.user_turn("first words", item_id="item_1")
    rec.user_turn("first words again", item_id="item_1")  # same batch
    await rec.flush()
    rec.user_turn("first words, third report", item_id="item_1")  # later batch: DB check
    rec.assistant_turn("an answer", item_id="item_2")
    for _ in range(2):
        rec.tool_call(
            fc_call_id="fc_1",
            name="track_shipment",
            arguments={"order_id": "12345678"},
            result={"status": "in_transit"},
            ok=True,
            error=None,
            started_at=T0,
            duration_ms=5,
        )
        rec.link("order", "12345678")
    await rec.flush()
    rec.tool_call(
        fc_call_id="fc_1",
        name="track_shipment",
        arguments={"order_id": "other"},
        result=None,
        ok=False,
        error="x",
        started_at=T0,
        duration_ms=5,
    )
    rec.link("order", "12345678")
    with caplog.at_level(logging.WARNING, logger="voicecart.calls"):
        await rec.close()
    assert caplog.records == []

    async with db.session() as s:
        detail = await repo.get_call(s, call_id)
    assert [(t.seq, t.text) for t in detail.turns] == [(1, "first words"), (2, "an answer")]
    assert detail.call.turn_count == 2
    assert [(t.fc_call_id, t.arguments) for t in detail.tool_calls] == [
        ("fc_1", {"order_id": "12345678"})
    ]
    assert [(ln.kind, ln.ref) for ln in detail.links] == [("order", "12345678")]
    assert rec.dropped == 0  # skipped by the check, not rejected by the constraint


async def test_second_recorder_for_the_same_call_resumes(db: Database) -> None:
    """A new recorder on an existing call (e.g. after a restart) appends and still dedupes."""
    call_id = new_call_id()
    first = CallRecorder(db, call_id=call_id, session_id="sess-resume")
    await first.start()
    first.user_turn("one", item_id="item_1")
    first.assistant_turn("two", item_id="item_2")
    await first.flush()
    await crash(first)

    second = CallRecorder(db, call_id=call_id, session_id="sess-resume")
    await second.start()
    second.assistant_turn("two", item_id="item_2")  # replayed by the bridge: ignored
    second.user_turn("three", item_id="item_3")
    await second.close()

    async with db.session() as s:
        detail = await repo.get_call(s, call_id)
    assert [(t.seq, t.text) for t in detail.turns] == [(1, "one"), (2, "two"), (3, "three")]
    assert len(await ended_messages(db, call_id)) == 1


async def test_a_bad_record_is_dropped_alone_and_nothing_leaks_to_logs(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    call_id = new_call_id()
    rec = CallRecorder(db, call_id=call_id, session_id="sess-bad")
    await rec.start()
    secret = "my card number is 4111 1111"
    with caplog.at_level(logging.DEBUG, logger="voicecart.calls"):
        rec.user_turn(secret, item_id="item_1")
        rec.tool_call(
            fc_call_id="fc_bad",
            name="pay",
            arguments={"card": secret, "not_json": {1, 2}},  # a set cannot be stored as JSON
            result=None,
            ok=False,
            error=None,
            started_at=T0,
            duration_ms=1,
        )
        rec.assistant_turn("thanks", item_id="item_2")
        await rec.close()

    async with db.session() as s:
        detail = await repo.get_call(s, call_id)
    assert [t.text for t in detail.turns] == [secret, "thanks"]
    assert detail.tool_calls == []
    assert rec.dropped == 1
    assert len(await ended_messages(db, call_id)) == 1
    assert any(r.message == "call records dropped" for r in caplog.records)
    for record in caplog.records:
        assert "4111" not in record.getMessage()
        assert "4111" not in repr(record.__dict__)


async def test_abandon_stale_closes_quiet_calls_once(db: Database) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    stale_clock = Clock(now - timedelta(hours=3))
    stale_id = new_call_id()
    stale = CallRecorder(db, call_id=stale_id, session_id="sess-stale", clock=stale_clock)
    await stale.start()
    stale_clock.advance(60)
    stale.user_turn("are you there?", item_id="item_1")
    stale_clock.advance(30)
    stale.tool_call(
        fc_call_id="fc_1",
        name="search_products",
        arguments={},
        result={},
        ok=True,
        error=None,
        started_at=stale_clock.now,
        duration_ms=3,
    )
    await stale.flush()
    await crash(stale)

    # Started long ago but spoke recently: not stale.
    busy_clock = Clock(now - timedelta(hours=3))
    busy_id = new_call_id()
    busy = CallRecorder(db, call_id=busy_id, session_id="sess-busy", clock=busy_clock)
    await busy.start()
    busy.user_turn("still talking", at=now - timedelta(minutes=5))
    await busy.flush()

    assert await abandon_stale(db, older_than=timedelta(hours=1), now=now) == 1
    assert await abandon_stale(db, older_than=timedelta(hours=1), now=now) == 0

    async with db.session() as s:
        gone = await s.get(Call, stale_id)
        alive = await s.get(Call, busy_id)
    assert gone is not None and alive is not None
    assert gone.status == "abandoned"
    assert gone.end_reason == "stale"
    assert gone.ended_at == now - timedelta(hours=3) + timedelta(seconds=90)
    assert gone.duration_ms == 90_000
    assert gone.turn_count == 1
    assert alive.status == "active"
    assert len(await ended_messages(db, stale_id)) == 1
    assert await ended_messages(db, busy_id) == []

    # A recorder that comes back and closes an abandoned call does not enqueue again.
    await stale.close()
    assert len(await ended_messages(db, stale_id)) == 1
    await busy.close()
    assert len(await ended_messages(db, busy_id)) == 1


async def test_get_and_list_calls(db: Database) -> None:
    ids = []
    for minutes in (0, 1, 2):
        call_id = new_call_id()
        ids.append(call_id)
        rec = CallRecorder(
            db,
            call_id=call_id,
            session_id=f"s{minutes}",
            channel="text",
            clock=Clock(T0 + timedelta(minutes=minutes)),
        )
        await rec.start()
        await rec.close()
    async with db.session() as s:
        page = await repo.list_calls(s, limit=2, offset=0)
        rest = await repo.list_calls(s, limit=2, offset=2)
        with pytest.raises(NotFound):
            await repo.get_call(s, "call_missing")
    assert [c.id for c in page] == [ids[2], ids[1]]
    assert [c.id for c in rest] == [ids[0]]
    assert page[0].channel == "text"
