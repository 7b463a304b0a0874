"""The local index: one SQLite file with chunks, an FTS5 table for BM25 and embeddings.

It is derived data, kept apart from the main database: deleting the file only costs a
re-index. Each source file's chunks are replaced in one transaction, so a reader sees
either the old or the new version of a document, never a mix. Methods block; callers
run them in a worker thread. One ``KnowledgeStore`` is one connection: use one per thread
(the service keeps a reader and a writer).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

import numpy as np
import orjson

from voicecart.knowledge.chunking import Chunk
from voicecart.knowledge.documents import Document, DocumentError
from voicecart.knowledge.embedding import Vectors
from voicecart.knowledge.speech import normalise

SCHEMA_VERSION: Final = "1"
# BM25 column weights: title, section, body.
BM25_WEIGHTS: Final = (3.0, 2.0, 1.0)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
    source TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    model TEXT NOT NULL,
    chunk_count INTEGER NOT NULL,
    indexed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
    id INTEGER PRIMARY KEY,
    chunk_id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL REFERENCES sources(source) ON DELETE CASCADE,
    doc_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    section TEXT NOT NULL,
    text TEXT NOT NULL,
    products TEXT NOT NULL,
    categories TEXT NOT NULL,
    embedding BLOB
);
CREATE INDEX IF NOT EXISTS chunks_source ON chunks(source);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
    title, section, body, tokenize = 'porter unicode61 remove_diacritics 2'
);
"""


@dataclass(frozen=True)
class SourceInfo:
    source: str
    doc_id: str
    title: str
    kind: str
    content_hash: str
    model: str
    chunk_count: int
    indexed_at: str


@dataclass(frozen=True)
class StoredChunk:
    """A chunk as read back, with its row id and (for the current model) its vector."""

    row: int
    chunk: Chunk
    embedding: Vectors | None


@dataclass(frozen=True)
class Filters:
    kind: str | None = None
    product: int | None = None
    category: str | None = None

    def accepts(self, chunk: Chunk) -> bool:
        return (
            (self.kind is None or chunk.kind == self.kind)
            and (self.product is None or self.product in chunk.products)
            and (self.category is None or self.category in chunk.categories)
        )

    @property
    def empty(self) -> bool:
        return self.kind is None and self.product is None and self.category is None


def fts_query(terms: Sequence[str]) -> str:
    """An FTS5 expression matching any of ``terms`` (each quoted, so no operator injection)."""
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in terms if t)


class KnowledgeStore:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(
            str(path), timeout=30, isolation_level=None, check_same_thread=False
        )
        self._lock = threading.RLock()
        self._conn.execute("PRAGMA foreign_keys = ON")
        self._conn.execute("PRAGMA busy_timeout = 30000")
        if str(path) != ":memory:":
            self._conn.execute("PRAGMA journal_mode = WAL")
        self._ensure_schema()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # ------------------------------------------------------------------ schema

    def _ensure_schema(self) -> None:
        with self._write():
            has_meta = self._conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
            ).fetchone()
            version = None
            if has_meta:
                row = self._conn.execute(
                    "SELECT value FROM meta WHERE key = 'schema_version'"
                ).fetchone()
                version = row[0] if row else None
            if has_meta and version != SCHEMA_VERSION:
                # A derived index from another version: rebuild rather than migrate.
                for table in ("chunks_fts", "chunks", "sources", "meta"):
                    self._conn.execute(f"DROP TABLE IF EXISTS {table}")
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self._conn.execute(statement)
            self._conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                (SCHEMA_VERSION,),
            )

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction, taking SQLite's write lock up front."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    # -------------------------------------------------------------------- meta

    def get_meta(self, key: str) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self._write():
            self._conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value)
            )

    def data_version(self) -> int:
        """Changes whenever any connection (this process or another) commits a write."""
        with self._lock:
            own = self._conn.total_changes
            other = self._conn.execute("PRAGMA data_version").fetchone()[0]
        return int(other) * 1_000_003 + own

    # ----------------------------------------------------------------- sources

    def source_hash(self, source: str) -> str | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT content_hash FROM sources WHERE source = ?", (source,)
            ).fetchone()
        return None if row is None else str(row[0])

    def sources(self, prefix: str = "") -> list[SourceInfo]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT source, doc_id, title, kind, content_hash, model, chunk_count, "
                "indexed_at FROM sources WHERE substr(source, 1, ?) = ? ORDER BY source",
                (len(prefix), prefix),
            ).fetchall()
        return [SourceInfo(*row) for row in rows]

    def replace_source(
        self,
        source: str,
        doc: Document,
        *,
        content_hash: str,
        model: str,
        chunks: Sequence[Chunk],
        embeddings: Vectors,
    ) -> None:
        """Put ``doc``'s chunks in place of whatever ``source`` had, atomically."""
        if len(chunks) != len(embeddings):
            raise ValueError("one embedding per chunk is required")
        with self._write():
            owner = self._conn.execute(
                "SELECT source FROM sources WHERE doc_id = ? AND source != ?",
                (doc.doc_id, source),
            ).fetchone()
            if owner is not None:
                raise DocumentError(
                    f"document id {doc.doc_id!r} is already used by another file ({owner[0]}); "
                    "give this file its own 'id' in front matter"
                )
            self._delete(source)
            self._conn.execute(
                "INSERT INTO sources (source, doc_id, content_hash, title, kind, model, "
                "chunk_count, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    source,
                    doc.doc_id,
                    content_hash,
                    doc.title,
                    doc.kind,
                    model,
                    len(chunks),
                    datetime.now(UTC).isoformat(timespec="seconds"),
                ),
            )
            for chunk, vector in zip(chunks, embeddings, strict=True):
                cursor = self._conn.execute(
                    "INSERT INTO chunks (chunk_id, source, doc_id, ordinal, title, kind, "
                    "section, text, products, categories, embedding) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        chunk.chunk_id,
                        source,
                        chunk.doc_id,
                        chunk.ordinal,
                        chunk.title,
                        chunk.kind,
                        chunk.section,
                        chunk.text,
                        orjson.dumps(list(chunk.products)).decode(),
                        orjson.dumps(list(chunk.categories)).decode(),
                        np.asarray(vector, dtype=np.float32).tobytes(),
                    ),
                )
                self._conn.execute(
                    "INSERT INTO chunks_fts (rowid, title, section, body) VALUES (?, ?, ?, ?)",
                    (
                        cursor.lastrowid,
                        normalise(chunk.title),
                        normalise(chunk.section),
                        normalise(chunk.text),
                    ),
                )

    def delete_source(self, source: str) -> bool:
        with self._write():
            return self._delete(source)

    def _delete(self, source: str) -> bool:
        self._conn.execute(
            "DELETE FROM chunks_fts WHERE rowid IN (SELECT id FROM chunks WHERE source = ?)",
            (source,),
        )
        self._conn.execute("DELETE FROM chunks WHERE source = ?", (source,))
        return self._conn.execute("DELETE FROM sources WHERE source = ?", (source,)).rowcount > 0

    # ------------------------------------------------------------------- reads

    def load(self, model: str) -> list[StoredChunk]:
        """Every chunk in index order; embeddings only where they came from ``model``."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT c.id, c.chunk_id, c.doc_id, c.ordinal, c.title, c.kind, c.section, "
                "c.text, c.products, c.categories, c.embedding, s.model "
                "FROM chunks c JOIN sources s ON s.source = c.source ORDER BY c.id"
            ).fetchall()
        out = []
        for (
            row,
            chunk_id,
            doc_id,
            ordinal,
            title,
            kind,
            section,
            text,
            prods,
            cats,
            blob,
            m,
        ) in rows:
            chunk = Chunk(
                chunk_id=chunk_id,
                doc_id=doc_id,
                ordinal=ordinal,
                title=title,
                kind=kind,
                section=section,
                text=text,
                products=tuple(orjson.loads(prods)),
                categories=tuple(orjson.loads(cats)),
            )
            vector = np.frombuffer(blob, dtype=np.float32) if blob and m == model else None
            out.append(StoredChunk(row, chunk, vector))
        return out

    def lexical(self, terms: Sequence[str], filters: Filters, limit: int) -> list[int]:
        """Row ids of the best BM25 matches for any of ``terms``, best first."""
        expression = fts_query(terms)
        if not expression:
            return []
        sql = (
            "SELECT f.rowid FROM chunks_fts f JOIN chunks c ON c.id = f.rowid "
            "WHERE chunks_fts MATCH ?"
        )
        params: list[object] = [expression]
        if filters.kind is not None:
            sql += " AND c.kind = ?"
            params.append(filters.kind)
        if filters.product is not None:
            sql += " AND EXISTS (SELECT 1 FROM json_each(c.products) WHERE value = ?)"
            params.append(filters.product)
        if filters.category is not None:
            sql += " AND EXISTS (SELECT 1 FROM json_each(c.categories) WHERE value = ?)"
            params.append(filters.category)
        sql += " ORDER BY bm25(chunks_fts, ?, ?, ?) LIMIT ?"
        params.extend([*BM25_WEIGHTS, limit])
        with self._lock:
            rows = self._conn.execute(sql, params).fetchall()
        return [int(r[0]) for r in rows]
