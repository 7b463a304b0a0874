"""The transcript loader gives calls that recorded no language the one their shopper
spoke; a recorded language is kept as it is."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from tests.analysis_support import record_call
from voicecart.analysis.transcript import load_transcript
from voicecart.calls.models import Call
from voicecart.storage.db import Database

pytestmark = pytest.mark.integration

SPANISH = [
    ("user", "Hola, quería saber dónde está mi pedido, todavía no ha llegado."),
    ("assistant", "Your order ORD-1 shipped yesterday and arrives on Friday."),
    ("user", "Vale, muchas gracias, hasta luego."),
]
SHORT = [
    ("user", "yes"),
    ("assistant", "Shall I ship it to 12 Pine Street? It is our fastest option, arriving Friday."),
    ("user", "ok, 12 Pine Street"),
]


async def language_of(db: Database, call_id: str) -> str | None:
    async with db.session() as session:
        return (await load_transcript(session, call_id)).language


async def test_unrecorded_language_comes_from_the_shopper_turns(db: Database) -> None:
    assert await language_of(db, await record_call(db, SPANISH, enqueue_job=False)) == "es"
    # The assistant's long English turns do not count, and short replies are not enough.
    assert await language_of(db, await record_call(db, SHORT, enqueue_job=False)) == "en"


async def test_recorded_language_wins_over_detection(db: Database) -> None:
    call_id = await record_call(db, SPANISH, enqueue_job=False)
    async with db.session() as session, session.begin():
        await session.execute(update(Call).where(Call.id == call_id).values(language="pt"))
    assert await language_of(db, call_id) == "pt"
