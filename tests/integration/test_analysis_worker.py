"""The analysis worker over the outbox on SQLite and PostgreSQL: one document per call,
retries with backoff, dead letters, leases, concurrent workers, backfill."""

from __future__ import annotations

import asyncio
import io
from collections import Counter
from datetime import datetime, timedelta

import pytest
from rich.console import Console
from sqlalchemy import func, select

from tests.analysis_support import ANGRY, HAPPY, record_call
from tests.support import make_settings
from voicecart.analysis.analyser import AnalysisError
from voicecart.analysis.backfill import calls_analysed_by_others, calls_without_analysis
from voicecart.analysis.cli import run_analyse
from voicecart.analysis.jobs import CALL_ENDED, AnalysisService
from voicecart.analysis.local import LocalAnalyser
from voicecart.analysis.models import CallAnalysis, CallAnalysisProduct
from voicecart.analysis.products import load_matcher
from voicecart.analysis.queue import LeaseLost, OutboxQueue, QueueOptions
from voicecart.analysis.schema import AnalysisResult
from voicecart.analysis.store import get_document
from voicecart.analysis.transcript import Transcript
from voicecart.analysis.worker import Worker
from voicecart.calls.models import new_call_id
from voicecart.calls.recorder import CallRecorder
from voicecart.storage.base import utcnow
from voicecart.storage.db import Database
from voicecart.storage.outbox import OutboxMessage

pytestmark = pytest.mark.integration


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class CountingAnalyser:
    """The local analyser, counting calls per call id; optionally failing or slow."""

    def __init__(
        self, inner: LocalAnalyser, *, fail_with: Exception | None = None, delay: float = 0.0
    ) -> None:
        self.inner = inner
        self.fail_with = fail_with
        self.delay = delay
        self.calls: Counter[str] = Counter()

    @property
    def name(self) -> str:
        return "test/counting"

    async def aclose(self) -> None:
        return None

    async def analyse(self, transcript: Transcript) -> AnalysisResult:
        self.calls[transcript.call_id] += 1
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.fail_with is not None:
            raise self.fail_with
        return await self.inner.analyse(transcript)


async def local(db: Database) -> LocalAnalyser:
    async with db.session() as session:
        return LocalAnalyser(await load_matcher(session))


def queue(db: Database, clock: Clock | None = None, **options: float) -> OutboxQueue:
    opts = QueueOptions(
        topics=(CALL_ENDED,),
        lease_seconds=options.get("lease_seconds", 60.0),
        max_attempts=int(options.get("max_attempts", 5)),
        backoff_seconds=options.get("backoff_seconds", 10.0),
        jitter=0.0,
    )
    return OutboxQueue(db, opts, clock=clock or utcnow)


async def documents(db: Database) -> list[str]:
    async with db.session() as s:
        return list(await s.scalars(select(CallAnalysis.call_id)))


async def job(db: Database, call_id: str) -> OutboxMessage:
    async with db.session() as s:
        msg = await s.scalar(
            select(OutboxMessage).where(
                OutboxMessage.topic == CALL_ENDED, OutboxMessage.key == call_id
            )
        )
        assert msg is not None
        return msg


async def test_closed_call_is_analysed_once(db: Database) -> None:
    call_id = new_call_id()
    rec = CallRecorder(db, call_id=call_id, session_id="s1")
    await rec.start()
    for speaker, text in HAPPY:
        (rec.user_turn if speaker == "user" else rec.assistant_turn)(text)
    rec.link("order", "ORD-1")
    await rec.close()

    analyser = CountingAnalyser(await local(db))
    q = queue(db)
    worker = Worker(q, {CALL_ENDED: AnalysisService(db, analyser).handle})
    assert await worker.drain() == 1
    assert await worker.drain() == 0  # nothing left: done jobs are never claimed again

    assert await documents(db) == [call_id]
    assert analyser.calls == {call_id: 1}
    msg = await job(db, call_id)
    assert (msg.status, msg.attempts, msg.last_error) == ("done", 1, None)
    assert msg.processed_at is not None
    async with db.session() as s:
        doc = await get_document(s, call_id)
    assert doc is not None
    assert doc.customer_sentiment == "positive" and doc.rating >= 4
    assert doc.products == [13]
    assert doc.call_started_at == rec._started_at


async def test_job_of_an_analysed_call_writes_nothing_new(db: Database) -> None:
    call_id = await record_call(db, HAPPY)
    analyser = CountingAnalyser(await local(db))
    service = AnalysisService(db, analyser)
    assert await service.analyse_call(call_id) is True
    assert await service.analyse_call(call_id) is False  # idempotent without --force

    worker = Worker(queue(db), {CALL_ENDED: service.handle})
    assert await worker.drain() == 1
    assert analyser.calls[call_id] == 1  # the job saw the document and did not re-analyse
    assert (await job(db, call_id)).status == "done"
    assert await documents(db) == [call_id]

    assert await service.analyse_call(call_id, replace=True) is True  # --force replaces
    assert await documents(db) == [call_id]


async def test_retries_back_off_then_dead_letter_and_requeue(db: Database) -> None:
    call_id = await record_call(db, ANGRY)
    clock = Clock(utcnow() + timedelta(seconds=1))
    q = queue(db, clock, max_attempts=3, backoff_seconds=10.0)
    failing = CountingAnalyser(
        await local(db), fail_with=AnalysisError("chat endpoint answered HTTP 503")
    )
    worker = Worker(q, {CALL_ENDED: AnalysisService(db, failing).handle})

    assert await worker.run_once() == 1
    msg = await job(db, call_id)
    assert (msg.status, msg.attempts) == ("pending", 1)
    assert msg.last_error == "AnalysisError: chat endpoint answered HTTP 503"
    assert msg.available_at == clock.now + timedelta(seconds=10)
    assert await worker.run_once() == 0  # not due before the backoff
    clock.advance(10)
    assert await worker.run_once() == 1
    msg = await job(db, call_id)
    assert msg.available_at == clock.now + timedelta(seconds=20)  # exponential
    clock.advance(20)
    assert await worker.run_once() == 1
    msg = await job(db, call_id)
    assert (msg.status, msg.attempts) == ("dead", 3)
    assert "HTTP 503" in (msg.last_error or "")
    clock.advance(3600)
    assert await worker.run_once() == 0  # dead letters stay put
    assert await documents(db) == []
    assert await q.counts() == {"dead": 1}

    assert await q.requeue_dead() == 1
    failing.fail_with = None
    assert await worker.run_once() == 1
    assert await documents(db) == [call_id]
    assert (await job(db, call_id)).status == "done"


async def test_permanent_failure_dead_letters_at_once(db: Database) -> None:
    async with db.session() as s, s.begin():
        s.add(OutboxMessage(topic=CALL_ENDED, key="call_missing", payload={"call_id": "call_x"}))
    worker = Worker(queue(db), {CALL_ENDED: AnalysisService(db, await local(db)).handle})
    assert await worker.run_once() == 1
    msg = await job(db, "call_missing")
    assert (msg.status, msg.attempts) == ("dead", 1)
    assert msg.last_error == "AnalysisError: call call_x was not found"


async def test_unexpected_errors_keep_only_their_type(db: Database) -> None:
    call_id = await record_call(db, HAPPY)
    boom = CountingAnalyser(await local(db), fail_with=RuntimeError("size 10 shoes for Alice"))
    worker = Worker(queue(db), {CALL_ENDED: AnalysisService(db, boom).handle})
    assert await worker.run_once() == 1
    msg = await job(db, call_id)
    assert (msg.status, msg.last_error) == ("pending", "RuntimeError")


async def test_other_topics_are_left_alone(db: Database) -> None:
    async with db.session() as s, s.begin():
        s.add(OutboxMessage(topic="shipment.created", key="SHP-1", payload={}))
    worker = Worker(queue(db), {CALL_ENDED: AnalysisService(db, await local(db)).handle})
    assert await worker.drain() == 0
    async with db.session() as s:
        other = await s.scalar(select(OutboxMessage).where(OutboxMessage.key == "SHP-1"))
    assert other is not None and (other.status, other.attempts) == ("pending", 0)


async def test_expired_lease_moves_the_job_and_fences_the_old_owner(db: Database) -> None:
    call_id = await record_call(db, HAPPY)
    clock = Clock(utcnow() + timedelta(seconds=1))
    q = queue(db, clock, lease_seconds=30)
    service = AnalysisService(db, await local(db))

    (first,) = await q.claim()
    assert await q.claim() == []  # leased
    clock.advance(31)  # the first owner went silent (killed, partitioned)
    (second,) = await q.claim()
    assert (second.id, second.attempts) == (first.id, 2)

    with pytest.raises(LeaseLost):
        await service.handle(first, q)  # the old owner's late result must not land
    assert await documents(db) == []
    assert await q.renew(first) is False

    await service.handle(second, q)
    assert await documents(db) == [call_id]
    assert (await job(db, call_id)).status == "done"


async def test_concurrent_workers_process_each_job_once(database_url: str, db: Database) -> None:
    ids = [await record_call(db, HAPPY if i % 2 else ANGRY) for i in range(24)]
    analyser = CountingAnalyser(await local(db), delay=0.005)
    engines = [Database(database_url) for _ in range(4)]  # separate pools, like processes
    try:
        workers = [
            Worker(queue(e), {CALL_ENDED: AnalysisService(e, analyser).handle}) for e in engines
        ]
        counts = await asyncio.gather(*(w.drain() for w in workers))
    finally:
        for e in engines:
            await e.dispose()
    assert sum(counts) == len(ids)
    assert analyser.calls == dict.fromkeys(ids, 1)
    assert sorted(await documents(db)) == sorted(ids)
    async with db.session() as s:
        statuses = await s.execute(
            select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
        )
        assert dict(statuses.all()) == {"done": len(ids)}


async def test_backfill_analyses_calls_without_documents(database_url: str, db: Database) -> None:
    done = await record_call(db, HAPPY, enqueue_job=False)
    await AnalysisService(db, await local(db)).analyse_call(done)
    todo = [await record_call(db, ANGRY, enqueue_job=False) for _ in range(3)]
    await record_call(db, HAPPY, status="active")  # still going: not analysed

    service = AnalysisService(db, await local(db))
    assert sorted(await calls_without_analysis(service)) == sorted(todo)

    out = io.StringIO()
    code = await run_analyse(
        make_settings(database_url),
        call_ids=[],
        backfill=True,
        console=Console(file=out, width=120),
    )
    assert code == 0
    assert "analysed: 3, already analysed: 0, failed: 0" in out.getvalue()
    assert sorted(await documents(db)) == sorted([done, *todo])
    async with db.session() as s:
        rows = await s.scalars(select(CallAnalysisProduct.product_id))
        assert set(rows) == {13, 98}
    assert await calls_without_analysis(service) == []


async def test_stale_reanalyses_only_documents_by_another_analyser(
    database_url: str, db: Database
) -> None:
    service = AnalysisService(db, await local(db))
    old = await record_call(db, ANGRY, enqueue_job=False)
    current = await record_call(db, ANGRY, enqueue_job=False)
    for call_id in (old, current):
        await service.analyse_call(call_id)
    missing = await record_call(db, HAPPY, enqueue_job=False)
    async with db.session() as s:  # as if an earlier version had written this one
        doc = await s.scalar(select(CallAnalysis).where(CallAnalysis.call_id == old))
        assert doc is not None
        doc.analyser = "local/e5-heads+vader-5"
        await s.commit()
    assert await calls_analysed_by_others(service) == [old]

    out = io.StringIO()
    code = await run_analyse(
        make_settings(database_url), call_ids=[], stale=True, console=Console(file=out)
    )
    assert code == 0, out.getvalue()
    assert "analysed: 1, already analysed: 0, failed: 0" in out.getvalue()
    async with db.session() as s:
        by = dict((await s.execute(select(CallAnalysis.call_id, CallAnalysis.analyser))).all())
    assert by == {old: service.analyser.name, current: service.analyser.name}
    assert missing not in by  # --stale does not backfill
    assert await calls_analysed_by_others(service) == []

    out = io.StringIO()
    code = await run_analyse(
        make_settings(database_url), call_ids=[], stale=True, console=Console(file=out)
    )
    assert code == 0 and f"every analysis is by {service.analyser.name}" in out.getvalue()
