"""The pieces of the outbox wake-up that need no database: the in-process notifier,
a worker woken from another thread, and the LISTEN connection's arguments."""

from __future__ import annotations

import asyncio
import threading

import pytest

from voicecart.analysis.queue import OutboxQueue, QueueOptions
from voicecart.analysis.worker import Worker
from voicecart.storage.db import Database
from voicecart.storage.listener import asyncpg_connect_args
from voicecart.storage.wakeup import LocalNotifier

pytestmark = pytest.mark.unit


def test_notifier_fans_out_survives_a_broken_subscriber_and_unsubscribes() -> None:
    notifier = LocalNotifier()
    heard: list[str] = []

    def broken(_topic: str) -> None:
        raise RuntimeError("boom")

    notifier.subscribe(broken)
    unsubscribe = notifier.subscribe(heard.append)
    notifier.publish("call.ended")
    assert heard == ["call.ended"]
    unsubscribe()
    unsubscribe()  # twice is harmless
    notifier.publish("call.ended")
    assert heard == ["call.ended"]


async def test_worker_is_woken_from_another_thread() -> None:
    notifier = LocalNotifier()
    db = Database("sqlite+aiosqlite:///:memory:")
    queue = OutboxQueue(db, QueueOptions(topics=("call.ended",)))
    claimed = asyncio.Event()

    async def no_jobs(limit: int = 1) -> list[object]:
        claimed.set()
        return []

    queue.claim = no_jobs  # type: ignore[assignment,method-assign]
    handlers = {"call.ended": lambda c, q: asyncio.sleep(0)}
    worker = Worker(queue, handlers, poll_seconds=30.0, notifier=notifier)
    stop = asyncio.Event()
    task = asyncio.create_task(worker.run(stop))
    try:
        await asyncio.wait_for(worker.idle.wait(), 5)
        claimed.clear()
        thread = threading.Thread(target=notifier.publish, args=("call.ended",))
        thread.start()
        thread.join()
        await asyncio.wait_for(claimed.wait(), 5)  # looked again long before the 30 s poll
    finally:
        stop.set()
        await asyncio.wait_for(task, 5)
        await db.dispose()
    notifier.publish("call.ended")  # a stopped worker has unsubscribed: nothing to wake


def test_listen_arguments_come_from_the_sqlalchemy_url() -> None:
    args = asyncpg_connect_args(
        "postgresql+asyncpg://shop:s%40cret@db.internal:6543/voicecart"
        "?ssl=require&prepared_statement_cache_size=0"
    )
    assert args == {
        "host": "db.internal",
        "port": 6543,
        "user": "shop",
        "password": "s@cret",
        "database": "voicecart",
        "ssl": "require",
    }


def test_listen_needs_postgresql() -> None:
    with pytest.raises(ValueError, match="database_url"):
        asyncpg_connect_args("sqlite+aiosqlite:///var/voicecart.db")
