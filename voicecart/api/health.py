"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import text

from voicecart.api.deps import RuntimeDep
from voicecart.storage.migrate import current_revision, head_revision

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str


class Readiness(BaseModel):
    status: str
    database: str
    migration: str | None
    expected_migration: str | None


@router.get("/health", operation_id="health")
async def health() -> Health:
    """Liveness: the process answers."""
    return Health(status="ok")


@router.get(
    "/ready",
    operation_id="ready",
    response_model=Readiness,
    responses={503: {"model": Readiness, "description": "Not ready"}},
)
async def ready(runtime: RuntimeDep) -> JSONResponse:
    """Readiness: the database answers and its schema is at the newest migration."""
    expected = head_revision(runtime.db.url)
    try:
        async with runtime.db.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
        current = await current_revision(runtime.db.engine)
    except Exception:  # any driver error means "not ready", never a 500
        body = Readiness(
            status="unavailable",
            database="unreachable",
            migration=None,
            expected_migration=expected,
        )
        return JSONResponse(body.model_dump(), status_code=503)
    ok = current == expected
    body = Readiness(
        status="ready" if ok else "migrations pending",
        database="ok",
        migration=current,
        expected_migration=expected,
    )
    return JSONResponse(body.model_dump(), status_code=200 if ok else 503)
