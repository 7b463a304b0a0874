"""Killing a real `voicecart worker` process with SIGKILL mid-job loses and duplicates nothing.

The worker analyses with the LLM analyser against a stand-in chat server that holds
one request open: the process is killed while that job is claimed and in flight.
A second worker process then finishes the queue: every call ends with exactly one
document, and the interrupted job was taken over once its lease ran out.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.analysis_support import ANGRY, HAPPY, record_call
from tests.fakes.openai_chat import FakeChat, call_of, fake_chat_server
from voicecart.analysis.jobs import CALL_ENDED
from voicecart.analysis.models import CallAnalysis
from voicecart.storage.db import Database
from voicecart.storage.outbox import OutboxMessage

pytestmark = pytest.mark.integration

CALLS = 12
SERVED_BEFORE_KILL = 5


def start_worker(database_url: str, chat: FakeChat, cwd: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VOICECART_", "AZURE_"))} | {
        "VOICECART_DATABASE_URL": database_url,
        "VOICECART_ANALYSER": "llm",
        "VOICECART_ANALYSIS_LLM_URL": f"{chat.base_url}/v1",
        "VOICECART_ANALYSIS_LEASE_SECONDS": "1.5",
        "VOICECART_ANALYSIS_POLL_SECONDS": "0.1",
        "VOICECART_ANALYSIS_BACKOFF_SECONDS": "0.1",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "voicecart.cli", "worker"],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


async def wait_for(check: object, *, within: float) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not await check():  # type: ignore[operator]
        if loop.time() > deadline:
            pytest.fail(f"not reached within {within}s")
        await asyncio.sleep(0.05)


async def job_statuses(db: Database) -> dict[str, int]:
    async with db.session() as s:
        rows = await s.execute(
            select(OutboxMessage.status, func.count())
            .where(OutboxMessage.topic == CALL_ENDED)
            .group_by(OutboxMessage.status)
        )
        return {k: int(v) for k, v in rows.all()}


async def test_sigkill_mid_job_loses_and_duplicates_nothing(
    database_url: str, db: Database, tmp_path: Path
) -> None:
    ids = [await record_call(db, ANGRY if i % 3 else HAPPY) for i in range(CALLS)]
    async with fake_chat_server() as chat:
        chat.hold_after = SERVED_BEFORE_KILL
        first = start_worker(database_url, chat, tmp_path)
        try:
            await asyncio.wait_for(chat.holding.wait(), timeout=60)
            # The worker has claimed a job and is waiting on the model: kill it now.
            first.send_signal(signal.SIGKILL)
            assert await asyncio.to_thread(first.wait, 10) == -signal.SIGKILL
        finally:
            if first.poll() is None:
                first.kill()
        in_flight = call_of(chat.requests[-1]["body"])["call_id"]

        async with db.session() as s:
            written = set(await s.scalars(select(CallAnalysis.call_id)))
        assert len(written) == SERVED_BEFORE_KILL
        assert in_flight not in written
        assert (await job_statuses(db)).get("processing") == 1  # left claimed by the dead worker

        chat.release()
        second = start_worker(database_url, chat, tmp_path)
        try:

            async def all_done() -> bool:
                return await job_statuses(db) == {"done": CALLS}

            await wait_for(all_done, within=60)
            second.send_signal(signal.SIGTERM)  # graceful stop
            assert await asyncio.to_thread(second.wait, 15) == 0
        finally:
            if second.poll() is None:
                second.kill()

    async with db.session() as s:
        per_call = Counter(await s.scalars(select(CallAnalysis.call_id)))
        taken_over = await s.scalar(select(OutboxMessage).where(OutboxMessage.key == in_flight))
    assert per_call == dict.fromkeys(ids, 1)  # nothing lost, nothing twice
    assert taken_over is not None and taken_over.attempts == 2
    asked = Counter(call_of(r["body"])["call_id"] for r in chat.requests)
    assert asked[in_flight] == 2  # once to the killed worker, once to its successor
    assert all(asked[c] == 1 for c in ids if c != in_flight)
