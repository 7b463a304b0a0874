"""Shared fixtures: a migrated, seeded database on SQLite and on PostgreSQL, and an app client.

Every PostgreSQL test run creates its own database and drops it afterwards. When
PostgreSQL is unreachable the Postgres variants are skipped locally but FAIL
with a clear message under ``CI=true``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import httpx
import pytest

from tests.support import make_settings, session_knowledge_index
from voicecart.app import create_app
from voicecart.commerce.catalog_data import seed_catalog
from voicecart.storage import migrate
from voicecart.storage.db import Database

PG_ADMIN_DSN = os.environ.get("VOICECART_TEST_PG", "postgresql://127.0.0.1:5432/test")


@pytest.fixture(scope="session", autouse=True)
def _knowledge_index_outside_var() -> Iterator[None]:
    """Every settings factory and every server a test starts (they read the environment)
    uses this session's temporary knowledge index, never ``./var/knowledge.sqlite3``."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("VOICECART_KNOWLEDGE_INDEX_PATH", str(session_knowledge_index()))
        yield


async def _create_pg_database() -> str:
    name = f"vc_test_{uuid.uuid4().hex[:12]}"
    try:
        conn = await asyncpg.connect(PG_ADMIN_DSN, timeout=5)
    except (OSError, asyncpg.PostgresError) as exc:
        message = f"PostgreSQL is unreachable at {PG_ADMIN_DSN}: {exc}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: Postgres tests must run)")
        pytest.skip(message)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return name


async def _drop_pg_database(name: str) -> None:
    conn = await asyncpg.connect(PG_ADMIN_DSN, timeout=5)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


def _pg_url(name: str) -> str:
    base = PG_ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://")
    return f"{base}/{name}"


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
    ]
)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database of each kind, unique to this test."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'voicecart.db'}"
        return
    name = await _create_pg_database()
    try:
        yield _pg_url(name)
    finally:
        await _drop_pg_database(name)


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    """A migrated database with the shipped catalog loaded."""
    await migrate.upgrade(database_url)
    database = Database(database_url)
    async with database.session() as session:
        await seed_catalog(session)
    try:
        yield database
    finally:
        await database.dispose()


@pytest.fixture
async def client(database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """The real app (lifespan included: migrate, seed, index) behind an httpx client."""
    app = create_app(make_settings(database_url))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http
