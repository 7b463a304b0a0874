"""The outbox as a job queue: claim with a lease, complete, retry with backoff, dead-letter.

Claiming is one ``UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING``:
on PostgreSQL several workers share the queue and never take the same row; on
SQLite (which ignores ``FOR UPDATE``) claims are serialised by its single writer.
A claim sets ``status='processing'``, bumps ``attempts`` and moves ``available_at``
to the end of the lease. A worker that dies mid-job simply stops renewing, and once
the lease runs out the row is claimable again: nothing is lost.

``attempts`` doubles as the claim's fencing token: completing, failing or renewing
only touches the row if it still carries the claimer's ``attempts``, so a worker
whose lease ran out cannot complete a job someone else has taken over. Completion
happens in the same transaction as the job's own writes.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Final, Literal

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from voicecart.storage.base import utcnow
from voicecart.storage.db import Database
from voicecart.storage.outbox import OutboxMessage
from voicecart.storage.wakeup import announce

PENDING: Final = "pending"
PROCESSING: Final = "processing"
DONE: Final = "done"
DEAD: Final = "dead"
ERROR_MAX: Final = 1000

Status = Literal["pending", "processing", "done", "dead"]


class LeaseLost(Exception):
    """The job's lease ran out and another worker took it over; this attempt must not commit."""


@dataclass(frozen=True)
class Claim:
    id: int
    topic: str
    key: str
    payload: dict[str, Any]
    attempts: int  # the fencing token: this claim's attempt number


@dataclass(frozen=True)
class QueueOptions:
    topics: tuple[str, ...]
    lease_seconds: float = 120.0
    max_attempts: int = 5
    backoff_seconds: float = 5.0
    backoff_max_seconds: float = 600.0
    jitter: float = 0.2  # +/- this fraction of each backoff


@dataclass
class OutboxQueue:
    db: Database
    options: QueueOptions
    clock: Callable[[], datetime] = utcnow
    _random: random.Random = field(default_factory=random.Random)

    def backoff(self, attempts: int) -> float:
        """Seconds before attempt ``attempts + 1``: exponential, capped, with jitter."""
        o = self.options
        base = min(o.backoff_max_seconds, o.backoff_seconds * 2 ** max(0, attempts - 1))
        return float(max(0.0, base * (1 + self._random.uniform(-o.jitter, o.jitter))))

    def _mine(self, claim: Claim) -> list[Any]:
        return [
            OutboxMessage.id == claim.id,
            OutboxMessage.attempts == claim.attempts,
            OutboxMessage.status == PROCESSING,
        ]

    async def claim(self, limit: int = 1) -> list[Claim]:
        """Take up to ``limit`` due jobs (pending, or processing with an expired lease)."""
        now = self.clock()
        due = (
            select(OutboxMessage.id)
            .where(
                OutboxMessage.topic.in_(self.options.topics),
                OutboxMessage.status.in_((PENDING, PROCESSING)),
                OutboxMessage.available_at <= now,
            )
            .order_by(OutboxMessage.available_at, OutboxMessage.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        stmt = (
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(due.scalar_subquery()))
            .values(
                status=PROCESSING,
                attempts=OutboxMessage.attempts + 1,
                available_at=now + timedelta(seconds=self.options.lease_seconds),
            )
            .returning(
                OutboxMessage.id,
                OutboxMessage.topic,
                OutboxMessage.key,
                OutboxMessage.payload,
                OutboxMessage.attempts,
            )
            .execution_options(synchronize_session=False)
        )
        async with self.db.session() as session, session.begin():
            rows = (await session.execute(stmt)).all()
        claims = [
            Claim(id=r.id, topic=r.topic, key=r.key, payload=dict(r.payload), attempts=r.attempts)
            for r in rows
        ]
        return sorted(claims, key=lambda c: c.id)

    async def renew(self, claim: Claim) -> bool:
        """Extend the lease; False if the job is no longer this claim's."""
        until = self.clock() + timedelta(seconds=self.options.lease_seconds)
        async with self.db.session() as session, session.begin():
            result = await session.execute(
                update(OutboxMessage)
                .where(*self._mine(claim))
                .values(available_at=until)
                .returning(OutboxMessage.id)
                .execution_options(synchronize_session=False)
            )
            return result.scalar_one_or_none() is not None

    async def complete(self, session: AsyncSession, claim: Claim) -> None:
        """Mark the job done in the caller's transaction; ``LeaseLost`` if it is not ours."""
        result = await session.execute(
            update(OutboxMessage)
            .where(*self._mine(claim))
            .values(status=DONE, processed_at=self.clock(), last_error=None)
            .returning(OutboxMessage.id)
            .execution_options(synchronize_session=False)
        )
        if result.scalar_one_or_none() is None:
            raise LeaseLost(f"outbox message {claim.id} attempt {claim.attempts}")

    async def fail(self, claim: Claim, error: str, *, retryable: bool) -> Status | None:
        """Record a failed attempt: back to pending after a backoff, or dead-lettered.

        Returns the new status, or None if the job was no longer this claim's.
        """
        dead = not retryable or claim.attempts >= self.options.max_attempts
        now = self.clock()
        status: Status = DEAD if dead else PENDING
        values: dict[str, Any] = {"status": status, "last_error": error[:ERROR_MAX]}
        if dead:
            values["processed_at"] = now
        else:
            values["available_at"] = now + timedelta(seconds=self.backoff(claim.attempts))
        async with self.db.session() as session, session.begin():
            result = await session.execute(
                update(OutboxMessage)
                .where(*self._mine(claim))
                .values(**values)
                .returning(OutboxMessage.id)
                .execution_options(synchronize_session=False)
            )
            return status if result.scalar_one_or_none() is not None else None

    async def requeue_dead(self, keys: Sequence[str] | None = None) -> int:
        """Give dead-lettered jobs (of our topics; optionally only ``keys``) a fresh start."""
        stmt = (
            update(OutboxMessage)
            .where(OutboxMessage.topic.in_(self.options.topics), OutboxMessage.status == DEAD)
            .values(status=PENDING, attempts=0, available_at=self.clock(), processed_at=None)
            .returning(OutboxMessage.id)
            .execution_options(synchronize_session=False)
        )
        if keys is not None:
            stmt = stmt.where(OutboxMessage.key.in_(list(keys)))
        async with self.db.session() as session, session.begin():
            requeued = len((await session.execute(stmt)).all())
            if requeued:
                for topic in self.options.topics:
                    announce(session, topic)  # wake the workers when this commits
            return requeued

    async def counts(self) -> dict[str, int]:
        """How many jobs of our topics are in each status."""
        async with self.db.session() as session:
            rows = await session.execute(
                select(OutboxMessage.status, func.count())
                .where(OutboxMessage.topic.in_(self.options.topics))
                .group_by(OutboxMessage.status)
            )
            return {status: int(n) for status, n in rows.all()}


__all__ = [
    "DEAD",
    "DONE",
    "PENDING",
    "PROCESSING",
    "Claim",
    "LeaseLost",
    "OutboxQueue",
    "QueueOptions",
]
