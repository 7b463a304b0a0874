"""The knowledge base as the rest of the app sees it: async, one of two backends.

``LocalKnowledge`` (default) keeps its index in a SQLite file and indexes the built-in
corpus in the background when the file is missing or the corpus changed, so start-up
never waits and never re-embeds an unchanged corpus. ``AzureKnowledge``
(``voicecart.knowledge.azure``) is used when the seed's ``ai_search_*`` settings are set.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Final, Protocol

from voicecart.knowledge.corpus import BUILTIN_PREFIX, FINGERPRINT_KEY, builtin_files, fingerprint
from voicecart.knowledge.embedding import E5Embedder, Embedder
from voicecart.knowledge.ingest import IngestReport, Progress, SourceFile, sync_sources
from voicecart.knowledge.retrieval import Mode, Retriever, SearchResult
from voicecart.knowledge.store import Filters, KnowledgeStore
from voicecart.knowledge.vector_cache import CachedEmbedder, load_cache, shipped_cache_path

log = logging.getLogger(__name__)
LOG_EVERY: Final = 0.25  # log start-up indexing progress in quarters


class KnowledgeBackend(Protocol):
    """What the tools and the API need of a knowledge base."""

    name: str

    async def start(self) -> None:
        """Get ready to answer; may start background work."""
        ...

    async def search(
        self, query: str, *, filters: Filters | None = None, limit: int = 5
    ) -> SearchResult: ...

    async def close(self) -> None: ...


def _logging_progress(label: str) -> Progress:
    state = {"next": 0.0}

    def report(done: int, total: int) -> None:
        if total and done / total >= state["next"]:
            log.info("%s: %d of %d chunks embedded", label, done, total)
            state["next"] = min(1.0, done / total + LOG_EVERY) if done < total else 2.0

    return report


class LocalKnowledge:
    """Hybrid search over a local SQLite index (BM25 + e5 embeddings)."""

    name = "local"

    def __init__(
        self, path: Path | str, *, embedder: Embedder | None = None, auto_index: bool = True
    ) -> None:
        self.path = Path(path)
        self.embedder: Embedder = embedder or E5Embedder()
        self.auto_index = auto_index
        self._reader: KnowledgeStore | None = None
        self._writer: KnowledgeStore | None = None
        self._retriever: Retriever | None = None
        self._write_lock = asyncio.Lock()
        self._stop = threading.Event()
        self._builder: asyncio.Task[IngestReport | None] | None = None

    # ---------------------------------------------------------------- lifecycle

    async def open(self) -> None:
        if self._reader is None:
            self._writer = await asyncio.to_thread(KnowledgeStore, self.path)
            self._reader = await asyncio.to_thread(KnowledgeStore, self.path)
            self._retriever = Retriever(self._reader, self.embedder)

    async def start(self) -> None:
        """Open the index; index the built-in corpus in the background if it is stale."""
        await self.open()
        if self.auto_index:
            self._builder = asyncio.create_task(self._background_sync())

    async def _background_sync(self) -> IngestReport | None:
        try:
            report = await self.sync_builtin(_logging_progress("knowledge index"))
            await self.warm_up()
            return report
        except Exception:
            log.exception("indexing the built-in knowledge corpus failed")
            raise

    async def warm_up(self) -> None:
        """Load the snapshot and the query model now, not on a shopper's first question."""
        _, retriever = self._stores()
        await asyncio.to_thread(retriever.snapshot)
        await asyncio.to_thread(self.embedder.query, "warm up")

    async def wait_ready(self) -> None:
        """Wait for the start-up indexing (if any) to finish."""
        if self._builder is not None:
            await asyncio.shield(self._builder)

    async def close(self) -> None:
        self._stop.set()
        if self._builder is not None:
            if not self._builder.done():
                log.info("knowledge indexing stops after the current document")
            await asyncio.gather(self._builder, return_exceptions=True)
        for store in (self._reader, self._writer):
            if store is not None:
                await asyncio.to_thread(store.close)
        self._reader = self._writer = None
        self._retriever = None

    def _stores(self) -> tuple[KnowledgeStore, Retriever]:
        if self._writer is None or self._retriever is None:
            raise RuntimeError("the knowledge base is not open")
        return self._writer, self._retriever

    # ----------------------------------------------------------------- indexing

    async def builtin_is_current(self) -> bool:
        await self.open()
        writer, _ = self._stores()
        files = await asyncio.to_thread(builtin_files)
        current = fingerprint(files, self.embedder.name)
        return await asyncio.to_thread(writer.get_meta, FINGERPRINT_KEY) == current

    async def sync_builtin(self, progress: Progress | None = None) -> IngestReport | None:
        """Bring the built-in corpus up to date; None when it already was."""
        await self.open()
        writer, _ = self._stores()
        async with self._write_lock:
            files = await asyncio.to_thread(builtin_files)
            current = fingerprint(files, self.embedder.name)
            if await asyncio.to_thread(writer.get_meta, FINGERPRINT_KEY) == current:
                return None
            cache = await asyncio.to_thread(load_cache, shipped_cache_path(), self.embedder.name)
            report = await asyncio.to_thread(
                sync_sources,
                writer,
                CachedEmbedder(self.embedder, cache),
                files,
                prune_prefix=BUILTIN_PREFIX,
                progress=progress,
                should_stop=self._stop.is_set,
            )
            if not self._stop.is_set() and not report.failed:
                await asyncio.to_thread(writer.set_meta, FINGERPRINT_KEY, current)
            log.info(
                "built-in knowledge corpus indexed",
                extra={
                    "added": len(report.added),
                    "replaced": len(report.replaced),
                    "removed": len(report.removed),
                    "failed": len(report.failed),
                },
            )
            return report

    async def ingest(
        self, files: Sequence[SourceFile], progress: Progress | None = None
    ) -> IngestReport:
        """Index the shopper-facing documents in ``files`` (skip unchanged, replace changed)."""
        await self.open()
        writer, _ = self._stores()
        async with self._write_lock:
            return await asyncio.to_thread(
                sync_sources, writer, self.embedder, files, progress=progress
            )

    async def remove(self, source: str) -> bool:
        writer, _ = self._stores()
        async with self._write_lock:
            return await asyncio.to_thread(writer.delete_source, source)

    # ------------------------------------------------------------------- search

    async def search(
        self,
        query: str,
        *,
        filters: Filters | None = None,
        limit: int = 5,
        mode: Mode = "hybrid",
    ) -> SearchResult:
        _, retriever = self._stores()
        return await asyncio.to_thread(
            retriever.search, query, filters=filters, limit=limit, mode=mode
        )

    async def chunk_count(self) -> int:
        _, retriever = self._stores()
        return await asyncio.to_thread(lambda: retriever.chunk_count)
