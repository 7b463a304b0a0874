"""Workers wake when a job is enqueued instead of waiting for their next poll: in-process
on any database, and across connections by PostgreSQL NOTIFY, which is sent only on
commit, carries only the topic, and is heard again after the LISTEN connection drops.

Every worker here polls every 30 s, so a job handled within a few seconds was woken for.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

import asyncpg
import pytest

from voicecart.analysis.jobs import CALL_ENDED
from voicecart.analysis.queue import Claim, OutboxQueue, QueueOptions
from voicecart.analysis.worker import Worker
from voicecart.calls.models import new_call_id
from voicecart.calls.recorder import CallRecorder
from voicecart.storage.db import Database
from voicecart.storage.listener import asyncpg_connect_args
from voicecart.storage.outbox import OutboxMessage, enqueue
from voicecart.storage.wakeup import CHANNEL, LocalNotifier, local_notifier

pytestmark = pytest.mark.integration

POLL_S = 30.0
WITHIN_S = 5.0  # far below the poll: only a wake-up gets a job done this soon

postgres_only = pytest.mark.parametrize(
    "database_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True
)


class Done:
    """The worker's handler: completes each job and reports its key, in order."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.keys: asyncio.Queue[str] = asyncio.Queue()

    async def handle(self, claim: Claim, queue: OutboxQueue) -> None:
        async with self.db.session() as session, session.begin():
            await queue.complete(session, claim)
        self.keys.put_nowait(claim.key)

    async def next(self) -> str:
        return await asyncio.wait_for(self.keys.get(), timeout=WITHIN_S)


@contextlib.asynccontextmanager
async def running(worker: Worker) -> AsyncIterator[Worker]:
    stop = asyncio.Event()
    task = asyncio.create_task(worker.run(stop))
    try:
        await asyncio.wait_for(worker.idle.wait(), timeout=WITHIN_S)
        yield worker
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=WITHIN_S)


def make_worker(
    db: Database,
    done: Done,
    *,
    listen: bool = True,
    notifier: LocalNotifier | None = local_notifier,
) -> Worker:
    queue = OutboxQueue(db, QueueOptions(topics=(CALL_ENDED,)))
    return Worker(
        queue, {CALL_ENDED: done.handle}, poll_seconds=POLL_S, listen=listen, notifier=notifier
    )


async def close_a_call(db: Database) -> str:
    """A call recorded and closed the way the realtime bridge does it; its id."""
    call_id = new_call_id()
    rec = CallRecorder(db, call_id=call_id, session_id="s-wake")
    await rec.start()
    rec.user_turn("Where is my parcel?")
    await rec.close()
    return call_id


async def test_in_process_worker_starts_within_milliseconds(
    database_url: str, db: Database
) -> None:
    done = Done(db)
    # listen=False: on PostgreSQL too, only the in-process wake-up is at work here.
    async with running(make_worker(db, done, listen=False)):
        loop = asyncio.get_running_loop()
        started = loop.time()
        call_id = await close_a_call(db)
        closed = loop.time()
        assert await done.next() == call_id
        handled = loop.time()
    print(f"in-process wake-up: close {closed - started:.3f}s, handled +{handled - closed:.3f}s")
    assert handled - closed < 1.0


async def test_rolled_back_enqueue_wakes_nobody(database_url: str, db: Database) -> None:
    heard: list[str] = []
    unsubscribe = local_notifier.subscribe(heard.append)
    try:
        with contextlib.suppress(RuntimeError):
            async with db.session() as session, session.begin():
                enqueue(session, topic=CALL_ENDED, key="call_gone", payload={"call_id": "x"})
                raise RuntimeError("the caller's work failed")
        assert heard == []
        async with db.session() as session, session.begin():
            enqueue(session, topic=CALL_ENDED, key="call_kept", payload={"call_id": "y"})
        assert heard == [CALL_ENDED]
    finally:
        unsubscribe()


@postgres_only
async def test_notify_is_sent_on_commit_only_and_carries_only_the_topic(db: Database) -> None:
    heard: asyncio.Queue[str] = asyncio.Queue()
    conn = await asyncpg.connect(**asyncpg_connect_args(db.url))
    try:
        await conn.add_listener(CHANNEL, lambda *args: heard.put_nowait(args[3]))
        async with db.session() as session:
            await session.begin()
            enqueue(session, topic=CALL_ENDED, key="call_rb", payload={"call_id": "x"})
            await session.flush()  # the row was written, then the transaction rolled back
            await session.rollback()
        # Notifications arrive in commit order: had the rollback sent one, it would
        # come before this marker.
        await conn.execute(f"NOTIFY {CHANNEL}, 'marker'")
        assert await asyncio.wait_for(heard.get(), WITHIN_S) == "marker"

        async with db.session() as session, session.begin():
            enqueue(session, topic=CALL_ENDED, key="call_ok", payload={"call_id": "call_ok"})
            enqueue(session, topic=CALL_ENDED, key="call_ok2", payload={"call_id": "call_ok2"})
        assert await asyncio.wait_for(heard.get(), WITHIN_S) == CALL_ENDED
        await conn.execute(f"NOTIFY {CHANNEL}, 'marker'")
        assert await asyncio.wait_for(heard.get(), WITHIN_S) == "marker"  # one per topic

        # Requeueing dead-lettered jobs notifies too.
        async with db.session() as session, session.begin():
            session.add(OutboxMessage(topic=CALL_ENDED, key="call_dead", payload={}, status="dead"))
        queue = OutboxQueue(db, QueueOptions(topics=(CALL_ENDED,)))
        assert await queue.requeue_dead() == 1
        assert await asyncio.wait_for(heard.get(), WITHIN_S) == CALL_ENDED
    finally:
        await conn.close()


@postgres_only
async def test_job_enqueued_on_another_connection_wakes_the_listener(db: Database) -> None:
    done = Done(db)
    other = Database(db.url)  # another engine: the job commits on a different connection
    # notifier=None: the in-process wake-up is off, only LISTEN/NOTIFY can wake it.
    worker = make_worker(db, done, notifier=None)
    assert worker.listener is not None
    try:
        async with running(worker):
            await worker.listener.wait_connected(1)
            await asyncio.wait_for(worker.idle.wait(), WITHIN_S)
            loop = asyncio.get_running_loop()
            call_id = await close_a_call(other)
            closed = loop.time()
            assert await done.next() == call_id
            print(f"NOTIFY wake-up: handled +{loop.time() - closed:.3f}s after close")
    finally:
        await other.dispose()


@postgres_only
async def test_dropped_listen_connection_is_reopened(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="voicecart.storage.listener")
    done = Done(db)
    other = Database(db.url)
    worker = make_worker(db, done, notifier=None)
    listener = worker.listener
    assert listener is not None
    listener.backoff_seconds = 0.05
    admin = await asyncpg.connect(**asyncpg_connect_args(db.url))
    try:
        async with running(worker):
            first_pid = await listener.wait_connected(1)
            assert await admin.fetchval("SELECT pg_terminate_backend($1)", first_pid)
            second_pid = await asyncio.wait_for(listener.wait_connected(2), WITHIN_S)
            assert second_pid != first_pid
            listening = await admin.fetchval(
                "SELECT count(*) FROM pg_stat_activity WHERE pid = $1", second_pid
            )
            assert listening == 1
            await asyncio.wait_for(worker.idle.wait(), WITHIN_S)

            call_id = await close_a_call(other)
            assert await done.next() == call_id
    finally:
        await admin.close()
        await other.dispose()

    lost = [r for r in caplog.records if r.getMessage() == "outbox listener connection lost"]
    assert lost, "the drop was not logged"
    logged = " ".join(r.getMessage() + repr(r.__dict__) for r in caplog.records)
    assert call_id not in logged
    assert "parcel" not in logged


async def test_other_topics_do_not_wake_the_worker(database_url: str, db: Database) -> None:
    notifier = LocalNotifier()
    done = Done(db)
    async with running(make_worker(db, done, listen=False, notifier=notifier)) as worker:
        notifier.publish("shipment.created")
        assert worker.idle.is_set()
        notifier.publish(CALL_ENDED)
        assert not worker.idle.is_set()
