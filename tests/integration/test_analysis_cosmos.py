"""The Cosmos DB sink through the real ``azure-cosmos`` SDK against a stand-in on a real
socket (signatures checked): seed-shaped documents, upsert by id, retry and dead letter."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from tests.analysis_support import ANGRY, record_call
from tests.fakes.cosmos import KEY, FakeCosmos, fake_cosmos_server
from tests.support import make_settings
from voicecart.analysis.factory import build_queue, build_service, build_worker
from voicecart.analysis.models import CallAnalysis
from voicecart.analysis.schema import document_id
from voicecart.storage.base import utcnow
from voicecart.storage.db import Database
from voicecart.storage.outbox import OutboxMessage

pytestmark = pytest.mark.integration

SEED_FIELDS = [
    "id",
    "call_reason",
    "customer_satisfaction",
    "customer_sentiment",
    "rating",
    "rating_justification",
]


async def drain(
    database_url: str, db: Database, fake: FakeCosmos, key: str = KEY, backoff: float = 60.0
) -> int:
    settings = make_settings(
        database_url,
        VOICECART_COSMOS_ENDPOINT=fake.endpoint,
        VOICECART_COSMOS_KEY=key,
        VOICECART_ANALYSIS_BACKOFF_SECONDS=backoff,
    )
    service = await build_service(settings, db)
    try:
        return await build_worker(settings, service, build_queue(settings, db)).drain()
    finally:
        await service.aclose()


async def test_documents_reach_cosmos_in_the_seed_shape(database_url: str, db: Database) -> None:
    call_id = await record_call(db, ANGRY)
    async with fake_cosmos_server() as fake:
        assert await drain(database_url, db, fake) == 1

    container = fake.containers[("voicecart", "call_analysis")]
    assert container["partitionKey"]["paths"] == ["/id"]
    docs = fake.documents[("voicecart", "call_analysis")]
    (doc,) = docs.values()
    assert list(doc)[:6] == SEED_FIELDS  # the seed's fields, in the seed's order
    assert doc["id"] == document_id(call_id) and len(doc["id"]) == 32
    assert doc["call_id"] == call_id
    assert doc["customer_sentiment"] == "negative"
    assert doc["customer_satisfaction"] == "not satisfied"
    assert isinstance(doc["rating"], int) and 1 <= doc["rating"] <= 2
    assert doc["products"] == [98]

    (upsert,) = [r for r in fake.requests if r["path"].rstrip("/").endswith("/docs")]
    assert upsert["method"] == "POST"
    assert upsert["headers"]["x-ms-documentdb-is-upsert"] == "True"
    assert json.loads(upsert["headers"]["x-ms-documentdb-partitionkey"]) == [doc["id"]]
    async with db.session() as s:
        stored = await s.scalar(select(CallAnalysis).where(CallAnalysis.call_id == call_id))
    assert stored is not None and stored.id == doc["id"]  # same document in both places


async def test_cosmos_failure_retries_then_upserts_once(database_url: str, db: Database) -> None:
    call_id = await record_call(db, ANGRY)
    async with fake_cosmos_server() as fake:
        fake.fail_next = [500]
        assert await drain(database_url, db, fake) == 1  # the first attempt fails
        async with db.session() as s:
            msg = await s.scalar(select(OutboxMessage).where(OutboxMessage.key == call_id))
        assert msg is not None and msg.status == "pending"
        assert msg.last_error == "AnalysisError: Cosmos DB answered HTTP 500"
        assert await drain(database_url, db, fake) == 0  # backing off
        async with db.session() as s, s.begin():  # the backoff has passed
            await s.execute(
                update(OutboxMessage)
                .where(OutboxMessage.key == call_id)
                .values(available_at=utcnow() - timedelta(seconds=1))
            )
        assert await drain(database_url, db, fake) == 1
    assert len(fake.documents[("voicecart", "call_analysis")]) == 1
    async with db.session() as s:
        msg = await s.scalar(select(OutboxMessage).where(OutboxMessage.key == call_id))
        assert msg is not None and (msg.status, msg.attempts) == ("done", 2)


async def test_wrong_key_dead_letters(database_url: str, db: Database) -> None:
    call_id = await record_call(db, ANGRY)
    wrong = "d3Jvbmcta2V5LXdyb25nLWtleS13cm9uZy1rZXk="
    async with fake_cosmos_server() as fake:
        assert await drain(database_url, db, fake, key=wrong) == 1
    async with db.session() as s:
        msg = await s.scalar(select(OutboxMessage).where(OutboxMessage.key == call_id))
        docs = list(await s.scalars(select(CallAnalysis.id)))
    assert msg is not None and msg.status == "dead"
    assert msg.last_error == "AnalysisError: Cosmos DB answered HTTP 401"
    assert docs == []
