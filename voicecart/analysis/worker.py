"""The outbox worker: claims jobs, runs their handler, records failures.

Run by ``voicecart worker`` (one or more processes) or inside ``serve``. Each loop
claims one job at a time; ``concurrency`` loops share the queue. While a job runs
a heartbeat renews its lease, so a slow model call is not taken over, while a
killed worker's job is picked up again once its lease runs out.

Idle loops do not poll tightly: they sleep until woken. Committing an outbox job
wakes this process's workers at once (``storage.wakeup.local_notifier``); on
PostgreSQL each worker also holds a ``LISTEN`` connection
(:class:`~voicecart.storage.listener.PgListener`), so workers in other processes
wake on the job's ``NOTIFY``. Polling every ``poll_seconds`` remains as the
fallback for a notification that was missed (and for retries coming due).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Final

from voicecart.analysis.analyser import AnalysisError
from voicecart.analysis.queue import Claim, LeaseLost, OutboxQueue
from voicecart.storage.listener import PgListener, asyncpg_connect_args
from voicecart.storage.wakeup import CHANNEL, LocalNotifier, local_notifier

log = logging.getLogger(__name__)

Handler = Callable[[Claim, OutboxQueue], Awaitable[None]]
ERROR_PAUSE_S: Final = 2.0


def error_text(exc: BaseException) -> str:
    """What is stored as the job's ``last_error``.

    Our own ``AnalysisError`` messages never hold call content, so they are kept; for
    anything else only the type is kept (database and HTTP errors can quote data).
    """
    if isinstance(exc, AnalysisError):
        return f"{type(exc).__name__}: {exc}"
    sqlstate = getattr(getattr(exc, "orig", None), "sqlstate", None)
    return type(exc).__name__ + (f" (sqlstate {sqlstate})" if sqlstate else "")


class Worker:
    """Processes the outbox jobs of ``handlers``' topics until stopped."""

    def __init__(
        self,
        queue: OutboxQueue,
        handlers: Mapping[str, Handler],
        *,
        poll_seconds: float = 5.0,
        concurrency: int = 1,
        listen: bool = True,
        notifier: LocalNotifier | None = local_notifier,
    ) -> None:
        """``listen``: on PostgreSQL, LISTEN for enqueued jobs; ``notifier``: the
        in-process wake-ups to follow (None: none)."""
        missing = set(queue.options.topics) - set(handlers)
        if missing:
            raise ValueError(f"no handler for topics {sorted(missing)}")
        self.queue = queue
        self.handlers = dict(handlers)
        self.poll_seconds = poll_seconds
        self.concurrency = max(1, concurrency)
        self.notifier = notifier
        self.listener: PgListener | None = None
        if listen and not queue.db.is_sqlite:
            self.listener = PgListener(
                asyncpg_connect_args(queue.db.url),
                CHANNEL,
                self._on_topic,
                on_connect=self.wake,  # catch up on what was enqueued while not listening
            )
        self._wake = asyncio.Event()
        self._idle_loops = 0
        # Set while every loop waits with nothing due and no wake-up pending.
        self.idle = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self.processed = 0
        self.failed = 0

    def wake(self) -> None:
        """Look for jobs now instead of at the next poll. Call from the worker's loop."""
        self._wake.set()
        self.idle.clear()

    def _on_topic(self, topic: str) -> None:
        """A job of ``topic`` was enqueued; may be called from any thread."""
        if topic not in self.queue.options.topics:
            return
        loop = self._loop
        if loop is None:
            return
        try:
            running: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            self.wake()
        elif not loop.is_closed():
            loop.call_soon_threadsafe(self.wake)

    async def run_once(self) -> int:
        """Claim and process at most one job; returns how many were processed (0 or 1)."""
        claims = await self.queue.claim(1)
        for claim in claims:
            await self.process(claim)
        return len(claims)

    async def drain(self) -> int:
        """Process jobs until none is due; returns how many were processed."""
        total = 0
        while n := await self.run_once():
            total += n
        return total

    async def process(self, claim: Claim) -> None:
        handler = self.handlers[claim.topic]
        heartbeat = asyncio.create_task(self._heartbeat(claim), name=f"lease:{claim.id}")
        try:
            await handler(claim, self.queue)
            self.processed += 1
        except LeaseLost:
            log.warning("job lease lost; left to its new owner", extra={"job": claim.id})
        except Exception as exc:
            self.failed += 1
            retryable = exc.retryable if isinstance(exc, AnalysisError) else True
            status = await self.queue.fail(claim, error_text(exc), retryable=retryable)
            log.warning(
                "job failed",
                extra={
                    "job": claim.id,
                    "topic": claim.topic,
                    "attempt": claim.attempts,
                    "error_type": type(exc).__name__,
                    "status": status,
                },
            )
        finally:
            heartbeat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await heartbeat

    async def _heartbeat(self, claim: Claim) -> None:
        interval = max(0.05, self.queue.options.lease_seconds / 3)
        while True:
            await asyncio.sleep(interval)
            try:
                if not await self.queue.renew(claim):
                    return
            except Exception as exc:  # keep working; the lease may still hold
                log.warning("lease renewal failed", extra={"error_type": type(exc).__name__})

    async def run(self, stop: asyncio.Event) -> None:
        """Run ``concurrency`` loops until ``stop`` is set (the job in hand is finished)."""
        self._loop = asyncio.get_running_loop()
        unsubscribe = self.notifier.subscribe(self._on_topic) if self.notifier else None
        tasks = [
            asyncio.create_task(self._work(stop), name=f"worker-loop:{i}")
            for i in range(self.concurrency)
        ]
        if self.listener is not None:
            tasks.append(asyncio.create_task(self.listener.run(stop), name="worker-listen"))
        try:
            await asyncio.gather(*tasks)
        finally:
            if unsubscribe is not None:
                unsubscribe()
            self._loop = None
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _work(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                found = await self.run_once()
            except Exception as exc:  # the database is away: wait and try again
                log.warning("worker poll failed", extra={"error_type": type(exc).__name__})
                found = 0
                await self._pause(stop, ERROR_PAUSE_S)
                continue
            if not found:
                await self._pause(stop, self.poll_seconds, idle=True)

    async def _pause(self, stop: asyncio.Event, seconds: float, *, idle: bool = False) -> None:
        waiters = {
            asyncio.ensure_future(stop.wait()),
            asyncio.ensure_future(self._wake.wait()),
        }
        if idle:
            self._idle_loops += 1
            if self._idle_loops == self.concurrency and not self._wake.is_set():
                self.idle.set()
        try:
            await asyncio.wait(waiters, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for w in waiters:
                w.cancel()
            if idle:
                self._idle_loops -= 1
            self.idle.clear()
            self._wake.clear()


__all__ = ["Handler", "Worker", "error_text"]
