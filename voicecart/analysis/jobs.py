"""The ``call.ended`` job: analyse the call and store its one document.

Idempotent: a call that already has a document is only marked done; otherwise the
document and the job's completion commit in one transaction, and the insert is a
no-op if another attempt got there first. Extra sinks (Cosmos DB) are written
before that commit with an upsert by document id, so a retry rewrites the same
document instead of adding one.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Final

from voicecart.analysis.analyser import Analyser, AnalysisError
from voicecart.analysis.queue import Claim, OutboxQueue
from voicecart.analysis.schema import AnalysisDocument
from voicecart.analysis.sinks import DocumentSink
from voicecart.analysis.store import build_document, has_document, save_document
from voicecart.analysis.transcript import Transcript, load_transcript
from voicecart.errors import NotFound
from voicecart.storage.db import Database

log = logging.getLogger(__name__)

CALL_ENDED: Final = "call.ended"


def call_id_of(claim: Claim) -> str:
    value = claim.payload.get("call_id", claim.key)
    if not isinstance(value, str) or not 0 < len(value) <= 32:
        raise AnalysisError("payload.call_id: must be a call id string", retryable=False)
    return value


class AnalysisService:
    """Analyses calls with one analyser and writes documents to the database and sinks."""

    def __init__(
        self, db: Database, analyser: Analyser, sinks: Sequence[DocumentSink] = ()
    ) -> None:
        self.db = db
        self.analyser = analyser
        self.sinks = tuple(sinks)

    async def aclose(self) -> None:
        await self.analyser.aclose()
        for sink in self.sinks:
            await sink.aclose()

    async def transcript(self, call_id: str) -> Transcript:
        async with self.db.session() as session:
            try:
                transcript = await load_transcript(session, call_id)
            except NotFound as exc:
                raise AnalysisError(f"call {call_id} was not found", retryable=False) from exc
        if transcript.status == "active":
            raise AnalysisError(f"call {call_id} has not ended yet", retryable=True)
        return transcript

    async def document(self, call_id: str) -> AnalysisDocument:
        """Analyse ``call_id`` (not stored yet) and write it to the extra sinks."""
        transcript = await self.transcript(call_id)
        result = await self.analyser.analyse(transcript)
        doc = build_document(transcript, result, self.analyser.name)
        for sink in self.sinks:
            await sink.write(doc)
        return doc

    async def analyse_call(self, call_id: str, *, replace: bool = False) -> bool:
        """Analyse and store ``call_id`` outside the queue (backfill, re-analysis).

        Returns False when the call already had a document and ``replace`` is off.
        """
        if not replace:
            async with self.db.session() as session:
                if await has_document(session, call_id):
                    return False
        doc = await self.document(call_id)
        async with self.db.session() as session, session.begin():
            return await save_document(session, doc, replace=replace)

    async def handle(self, claim: Claim, queue: OutboxQueue) -> None:
        """Process one ``call.ended`` job; completes it in the document's transaction."""
        call_id = call_id_of(claim)
        async with self.db.session() as session:
            done_before = await has_document(session, call_id)
        if done_before:
            async with self.db.session() as session, session.begin():
                await queue.complete(session, claim)
            log.info("call already analysed", extra={"call_id": call_id, "job": claim.id})
            return
        doc = await self.document(call_id)
        async with self.db.session() as session, session.begin():
            await queue.complete(session, claim)
            written = await save_document(session, doc)
        log.info(
            "call analysed",
            extra={
                "call_id": call_id,
                "job": claim.id,
                "attempt": claim.attempts,
                "written": written,
                "analyser": self.analyser.name,
            },
        )


__all__ = ["CALL_ENDED", "AnalysisService", "call_id_of"]
