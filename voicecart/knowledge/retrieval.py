"""Hybrid retrieval: BM25 over FTS5 plus e5 cosine similarity, fused by reciprocal rank.

The retriever keeps an in-memory snapshot of the index (chunk metadata, the embedding
matrix, the vocabulary for spelling correction) and reloads it when the SQLite file
changes, whoever changed it. Methods block: call them from a worker thread.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

import numpy as np

from voicecart.knowledge.chunking import Chunk
from voicecart.knowledge.embedding import Embedder, Vectors
from voicecart.knowledge.passages import pick_rows, specific_terms
from voicecart.knowledge.speech import Understood, Vocabulary, normalise
from voicecart.knowledge.store import Filters, KnowledgeStore, StoredChunk

Mode = Literal["hybrid", "lexical", "dense"]
MODES: Final[tuple[Mode, ...]] = ("lexical", "dense", "hybrid")
RRF_K: Final = 60
CANDIDATES: Final = 50
MAX_PER_DOC: Final = 2
# With no lexical match at all, a dense-only hit must be at least this similar: e5 gives
# every text some similarity, and "what's the weather" should find nothing.
DENSE_ONLY_FLOOR: Final = 0.80


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float
    lexical_rank: int | None = None  # 1-based
    dense_rank: int | None = None


@dataclass(frozen=True)
class SearchResult:
    hits: list[Hit]
    understood: Understood
    mode: Mode = "hybrid"


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[int]], k: int = RRF_K
) -> list[tuple[int, float]]:
    """Fuse best-first lists of ids: ``score(id) = sum 1 / (k + rank)``; best first, ties
    broken by first appearance."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    order = {item: i for i, item in enumerate(dict.fromkeys(x for r in rankings for x in r))}
    return sorted(scores.items(), key=lambda kv: (-kv[1], order[kv[0]]))


class _Snapshot:
    def __init__(self, stored: list[StoredChunk], dim: int) -> None:
        self.chunks = {s.row: s.chunk for s in stored}
        with_vectors = [s for s in stored if s.embedding is not None]
        self.vector_rows = np.array([s.row for s in with_vectors], dtype=np.int64)
        self.matrix: Vectors = (
            np.vstack([s.embedding for s in with_vectors if s.embedding is not None])
            if with_vectors
            else np.zeros((0, dim), dtype=np.float32)
        )
        self.vector_chunks = [s.chunk for s in with_vectors]
        # Each document's lead chunk (its first section), for generic questions.
        self.leads: dict[str, int] = {}
        for s in sorted(stored, key=lambda s: s.chunk.ordinal):
            self.leads.setdefault(s.chunk.doc_id, s.row)
        self.vocabulary = Vocabulary(
            f"{s.chunk.title} {s.chunk.section} {s.chunk.text}" for s in stored
        )


def _apply_corrections(text: str, corrections: dict[str, str]) -> str:
    out = normalise(text)
    for wrong, right in corrections.items():
        out = re.sub(rf"(?i)\b{re.escape(wrong)}\b", right, out)
    return out


class Retriever:
    def __init__(self, store: KnowledgeStore, embedder: Embedder) -> None:
        self.store = store
        self.embedder = embedder
        self._snapshot: _Snapshot | None = None
        self._version: int | None = None
        self._lock = threading.Lock()

    def snapshot(self) -> _Snapshot:
        with self._lock:
            version = self.store.data_version()
            if self._snapshot is None or version != self._version:
                self._snapshot = _Snapshot(self.store.load(self.embedder.name), self.embedder.dim)
                self._version = version
            return self._snapshot

    @property
    def chunk_count(self) -> int:
        return len(self.snapshot().chunks)

    def search(
        self,
        query: str,
        *,
        filters: Filters | None = None,
        limit: int = 5,
        mode: Mode = "hybrid",
        max_per_doc: int = MAX_PER_DOC,
    ) -> SearchResult:
        filters = filters or Filters()
        snap = self.snapshot()
        understood = snap.vocabulary.understand(query)
        lexical: list[int] = []
        dense: list[int] = []
        dense_best = 0.0
        if mode in ("lexical", "hybrid") and understood.terms:
            lexical = self.store.lexical(understood.terms, filters, CANDIDATES)
            lexical = [r for r in lexical if r in snap.chunks]
        if mode in ("dense", "hybrid") and len(snap.matrix) and understood.terms:
            vector = self.embedder.query(_apply_corrections(query, understood.corrections))
            dense, dense_best = self._dense(snap, vector, filters)
        if mode == "hybrid" and not lexical and dense_best < DENSE_ONLY_FLOOR:
            dense = []
        rankings = [r for r in (lexical, dense) if r]
        fused = reciprocal_rank_fusion(rankings)
        lex_rank = {row: i for i, row in enumerate(lexical, start=1)}
        dense_rank = {row: i for i, row in enumerate(dense, start=1)}
        by_doc: dict[str, list[int]] = {}  # each document's rows, best first
        for row, _ in fused:
            by_doc.setdefault(snap.chunks[row].doc_id, []).append(row)
        picks: dict[str, list[int]] = {}
        hits: list[Hit] = []
        # A document keeps the places its chunks earned in the fused ranking; which of
        # its chunks fill them is the document's own choice (the lead for a generic
        # question).
        for row, score in fused:
            doc_id = snap.chunks[row].doc_id
            if doc_id not in picks:
                rows = by_doc[doc_id]
                lead = snap.leads.get(doc_id)
                if lead is not None and not filters.accepts(snap.chunks[lead]):
                    lead = None
                generic = not specific_terms(understood.terms, snap.chunks[row].title)
                picks[doc_id] = pick_rows(rows, lead, generic, max_per_doc)
            if not picks[doc_id]:
                continue
            pick = picks[doc_id].pop(0)
            hits.append(Hit(snap.chunks[pick], score, lex_rank.get(pick), dense_rank.get(pick)))
            if len(hits) >= limit:
                break
        return SearchResult(hits, understood, mode)

    @staticmethod
    def _dense(snap: _Snapshot, vector: Vectors, filters: Filters) -> tuple[list[int], float]:
        scores = snap.matrix @ vector
        if not filters.empty:
            mask = np.array([filters.accepts(c) for c in snap.vector_chunks], dtype=bool)
            scores = np.where(mask, scores, -np.inf)
        count = min(CANDIDATES, int(np.isfinite(scores).sum()))
        if count == 0:
            return [], 0.0
        top = np.argpartition(-scores, count - 1)[:count]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [int(snap.vector_rows[i]) for i in top], float(scores[top[0]])
