"""The migrations build exactly the schema the models describe (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import create_async_engine

from voicecart.storage import migrate
from voicecart.storage.models import metadata  # every domain's tables

pytestmark = pytest.mark.integration


async def test_migrated_schema_has_no_drift_from_the_models(database_url: str) -> None:
    await migrate.upgrade(database_url)
    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as connection:

            def drift(sync_connection: Any) -> list[Any]:
                context = MigrationContext.configure(sync_connection)
                return list(compare_metadata(context, metadata))

            def indexes(sync_connection: Any) -> set[str]:
                found = inspect(sync_connection).get_indexes("call_analyses")
                return {index["name"] for index in found}

            differences = await connection.run_sync(drift)
            analysis_indexes = await connection.run_sync(indexes)
    finally:
        await engine.dispose()
    assert differences == []
    # The follow-up list filters on the resolution: the database has the index.
    assert "ix_call_analyses_resolution" in analysis_indexes
