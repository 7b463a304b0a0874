"""The outbox worker: claims jobs, runs their handler, records failures.

Run by ``voicecart worker`` (one or more processes) or inside ``serve``. Each loop
claims one job at a time; ``concurrency`` loops share the queue. While a job runs
a heartbeat renews its lease, so a slow model call is not taken over, while a
killed worker's job is picked up again once its lease runs out.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Final

from voicecart.analysis.analyser import AnalysisError
from voicecart.analysis.queue import Claim, LeaseLost, OutboxQueue

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
        poll_seconds: float = 1.0,
        concurrency: int = 1,
    ) -> None:
        missing = set(queue.options.topics) - set(handlers)
        if missing:
            raise ValueError(f"no handler for topics {sorted(missing)}")
        self.queue = queue
        self.handlers = dict(handlers)
        self.poll_seconds = poll_seconds
        self.concurrency = max(1, concurrency)
        self._wake = asyncio.Event()
        self.processed = 0
        self.failed = 0

    def wake(self) -> None:
        """Look for jobs now instead of at the next poll."""
        self._wake.set()

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
        loops = [
            asyncio.create_task(self._loop(stop), name=f"worker-loop:{i}")
            for i in range(self.concurrency)
        ]
        try:
            await asyncio.gather(*loops)
        finally:
            for task in loops:
                task.cancel()
            await asyncio.gather(*loops, return_exceptions=True)

    async def _loop(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                found = await self.run_once()
            except Exception as exc:  # the database is away: wait and try again
                log.warning("worker poll failed", extra={"error_type": type(exc).__name__})
                found = 0
                await self._pause(stop, ERROR_PAUSE_S)
                continue
            if not found:
                await self._pause(stop, self.poll_seconds)

    async def _pause(self, stop: asyncio.Event, seconds: float) -> None:
        waiters = {
            asyncio.ensure_future(stop.wait()),
            asyncio.ensure_future(self._wake.wait()),
        }
        try:
            await asyncio.wait(waiters, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for w in waiters:
                w.cancel()
            self._wake.clear()


__all__ = ["Handler", "Worker", "error_text"]
