"""Knowledge fixtures: the real e5 embedder, a counting wrapper, and the built-in corpus
indexed once per test session (fast: its passage vectors ship with the package)."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path

import pytest

from tests.support import make_settings
from voicecart.knowledge.embedding import E5Embedder, Vectors
from voicecart.knowledge.service import LocalKnowledge
from voicecart.storage.db import Database
from voicecart.tools.context import ToolContext


class CountingEmbedder:
    """The real embedder, counting how many passages it had to embed."""

    def __init__(self, inner: E5Embedder) -> None:
        self.inner = inner
        self.passages_embedded = 0
        self.queries = 0

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dim(self) -> int:
        return self.inner.dim

    def query(self, text: str) -> Vectors:
        self.queries += 1
        return self.inner.query(text)

    def passages(
        self, texts: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> Vectors:
        self.passages_embedded += len(texts)
        return self.inner.passages(texts, progress)


@pytest.fixture(scope="session")
def e5() -> E5Embedder:
    return E5Embedder()


@pytest.fixture
def counting(e5: E5Embedder) -> CountingEmbedder:
    return CountingEmbedder(e5)


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory: pytest.TempPathFactory, e5: E5Embedder) -> Path:
    """An index file holding the whole built-in corpus, built once per session."""
    path = tmp_path_factory.mktemp("knowledge") / "corpus.sqlite3"

    async def build() -> None:
        kb = LocalKnowledge(path, embedder=e5, auto_index=False)
        try:
            report = await kb.sync_builtin()
            assert report is not None and not report.failed, report
        finally:
            await kb.close()

    asyncio.run(build())
    return path


@pytest.fixture
def corpus_copy(corpus_index: Path, tmp_path: Path) -> Path:
    """A private copy of the corpus index, for tests that write to it."""
    target = tmp_path / "corpus.sqlite3"
    shutil.copyfile(corpus_index, target)
    return target


@pytest.fixture
async def corpus(corpus_index: Path, e5: E5Embedder) -> AsyncIterator[LocalKnowledge]:
    """The built-in corpus, read-only use."""
    kb = LocalKnowledge(corpus_index, embedder=e5, auto_index=False)
    await kb.open()
    try:
        yield kb
    finally:
        await kb.close()


@pytest.fixture
async def tool_ctx(tmp_path: Path, corpus: LocalKnowledge) -> AsyncIterator[ToolContext]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'tools.db'}"
    db = Database(url)
    try:
        yield ToolContext(
            db=db,
            settings=make_settings(url),
            index=None,  # type: ignore[arg-type]  # the knowledge tool never reads the catalog
            call_id="call_k",
            fc_call_id="fc_1",
            knowledge=corpus,
        )
    finally:
        await db.dispose()
