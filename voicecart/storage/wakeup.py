"""Telling outbox workers that a job was enqueued, once its transaction commits.

``announce(session, topic)`` (called by ``outbox.enqueue``) marks the session. When
that session commits:

- on PostgreSQL, ``pg_notify(CHANNEL, topic)`` is issued inside the same
  transaction, just before the commit, so workers in any process that ``LISTEN``
  (see :mod:`voicecart.storage.listener`) hear of the job only if it commits. The
  payload is the topic and nothing else: no call content ever goes on the channel;
- on any database, once the commit succeeded, :data:`local_notifier` tells the
  workers of this process (``serve`` runs one in-process), which matters most on
  SQLite, where there is no ``NOTIFY``.

A rolled-back transaction announces nothing. Workers still poll, at a longer
interval, so a missed notification only delays a job.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Final

from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

CHANNEL: Final = "voicecart_outbox"
_TOPICS_KEY: Final = "voicecart.outbox_topics"
_NOTIFY = text("SELECT pg_notify(:channel, :topic)")

Subscriber = Callable[[str], None]


class LocalNotifier:
    """Topics of committed outbox jobs, fanned out to this process's subscribers.

    ``publish`` runs each subscriber on the caller's thread and never raises; a
    subscriber that must act on an event loop hands the call over itself.
    """

    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []
        self._lock = threading.Lock()

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Add ``subscriber``; returns the function that removes it again."""
        with self._lock:
            self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            with self._lock:
                if subscriber in self._subscribers:
                    self._subscribers.remove(subscriber)

        return unsubscribe

    def publish(self, topic: str) -> None:
        with self._lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            try:
                subscriber(topic)
            except Exception as exc:  # a broken subscriber must not fail the enqueuer
                log.warning("outbox subscriber failed", extra={"error_type": type(exc).__name__})


local_notifier: Final = LocalNotifier()


def announce(session: AsyncSession | Session, topic: str) -> None:
    """Notify workers of ``topic`` when ``session``'s transaction commits."""
    topics: set[str] = session.info.setdefault(_TOPICS_KEY, set())
    topics.add(topic)


@event.listens_for(Session, "before_commit")
def _notify_in_transaction(session: Session) -> None:
    topics = session.info.get(_TOPICS_KEY)
    if not topics:
        return
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return
    for topic in sorted(topics):
        connection.execute(_NOTIFY, {"channel": CHANNEL, "topic": topic})


@event.listens_for(Session, "after_commit")
def _notify_in_process(session: Session) -> None:
    topics: Any = session.info.pop(_TOPICS_KEY, None)
    for topic in sorted(topics or ()):
        local_notifier.publish(topic)


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_TOPICS_KEY, None)


__all__ = ["CHANNEL", "LocalNotifier", "Subscriber", "announce", "local_notifier"]
