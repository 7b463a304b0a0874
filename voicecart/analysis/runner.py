"""Running the worker: as its own process (``voicecart worker``) or inside ``serve``."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from dataclasses import dataclass, field

from voicecart.analysis.factory import build_queue, build_service, build_worker
from voicecart.analysis.jobs import AnalysisService
from voicecart.analysis.worker import Worker
from voicecart.config import Settings
from voicecart.storage.db import Database

log = logging.getLogger(__name__)


async def run_worker(settings: Settings, *, once: bool = False, concurrency: int = 1) -> int:
    """Process analysis jobs until SIGINT/SIGTERM (or, with ``once``, until none is due).

    Returns how many jobs were processed.
    """
    db = Database(settings.database_url, echo=settings.database_echo)
    service = await build_service(settings, db)
    try:
        worker = build_worker(settings, service, build_queue(settings, db), concurrency=concurrency)
        if once:
            return await worker.drain()
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        log.info(
            "analysis worker started",
            extra={"analyser": service.analyser.name, "concurrency": concurrency},
        )
        await worker.run(stop)
        log.info("analysis worker stopped", extra={"processed": worker.processed})
        return worker.processed
    finally:
        await service.aclose()
        await db.dispose()


@dataclass
class InProcessWorker:
    """The worker as a task of the web server, started and stopped by its lifespan."""

    worker: Worker
    service: AnalysisService
    _stop: asyncio.Event = field(default_factory=asyncio.Event)
    _task: asyncio.Task[None] | None = None

    @classmethod
    async def start(cls, settings: Settings, db: Database) -> InProcessWorker:
        service = await build_service(settings, db)
        me = cls(worker=build_worker(settings, service, build_queue(settings, db)), service=service)
        me._task = asyncio.create_task(me.worker.run(me._stop), name="analysis-worker")
        log.info("analysis worker running in-process", extra={"analyser": service.analyser.name})
        return me

    def wake(self) -> None:
        self.worker.wake()

    async def stop(self, *, grace: float = 10.0) -> None:
        """Let the job in hand finish (up to ``grace`` seconds), then stop."""
        self._stop.set()
        if self._task is not None:
            done, _ = await asyncio.wait({self._task}, timeout=grace)
            if not done:
                self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        await self.service.aclose()


__all__ = ["InProcessWorker", "run_worker"]
