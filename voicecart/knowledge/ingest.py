"""Bring source files into the index: unchanged files are skipped by content hash, changed
files have their chunks replaced in one transaction, failures are reported per file."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from voicecart.knowledge.chunking import CHUNKER_VERSION, Chunk, chunk_document
from voicecart.knowledge.documents import Document, DocumentError
from voicecart.knowledge.embedding import Embedder
from voicecart.knowledge.readers import READERS, read_document
from voicecart.knowledge.store import KnowledgeStore

Progress = Callable[[int, int], None]  # (chunks embedded so far, chunks to embed)
MAX_FILE_BYTES = 50 << 20


@dataclass(frozen=True)
class SourceFile:
    """``source`` is the stable key of the file in the index (absolute path, or
    ``builtin:<relative path>`` for the shipped corpus); ``name`` picks the reader."""

    source: str
    name: str
    data: bytes


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    chunks: int = 0  # chunks written

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced or self.removed)


def content_hash(data: bytes, model: str) -> str:
    """Changes with the bytes, the chunker and the embedding model."""
    digest = hashlib.sha256(f"{CHUNKER_VERSION}\0{model}\0".encode())
    digest.update(data)
    return digest.hexdigest()


class PathError(ValueError):
    """A path given to ingest does not exist or holds no supported file."""


def files_from_paths(paths: Iterable[Path]) -> list[SourceFile]:
    """Read the given files, and the supported files under the given directories."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS
            )
            if not inside:
                raise PathError(f"{path}: no Markdown, text, HTML or PDF files inside")
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        else:
            raise PathError(f"{path}: no such file or directory")
    out: list[SourceFile] = []
    for path in dict.fromkeys(p.resolve() for p in found):
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PathError(f"{path}: larger than {MAX_FILE_BYTES >> 20} MiB")
        out.append(SourceFile(str(path), path.name, path.read_bytes()))
    return out


@dataclass(frozen=True)
class _Pending:
    file: SourceFile
    doc: Document
    chunks: list[Chunk]
    content_hash: str
    replacing: bool


def sync_sources(
    store: KnowledgeStore,
    embedder: Embedder,
    files: Sequence[SourceFile],
    *,
    prune_prefix: str | None = None,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> IngestReport:
    """Index ``files``. With ``prune_prefix``, indexed sources under that prefix that are not
    among ``files`` are removed. ``should_stop`` is polled between files."""
    report = IngestReport()
    pending: list[_Pending] = []
    for file in files:
        digest = content_hash(file.data, embedder.name)
        known = store.source_hash(file.source)
        if known == digest:
            report.skipped.append(file.source)
            continue
        try:
            doc = read_document(file.data, file.name)
            chunks = chunk_document(doc)
        except DocumentError as exc:
            report.failed.append((file.source, str(exc)))
            continue
        if not chunks:
            report.failed.append((file.source, "the file has no text to index"))
            continue
        pending.append(_Pending(file, doc, chunks, digest, known is not None))

    total = sum(len(p.chunks) for p in pending)
    done = 0
    if progress is not None:
        progress(0, total)
    for item in pending:
        if should_stop is not None and should_stop():
            break

        def advance(n: int) -> None:
            nonlocal done
            done += n
            if progress is not None:
                progress(done, total)

        vectors = embedder.passages([c.embedding_text() for c in item.chunks], advance)
        try:
            store.replace_source(
                item.file.source,
                item.doc,
                content_hash=item.content_hash,
                model=embedder.name,
                chunks=item.chunks,
                embeddings=vectors,
            )
        except DocumentError as exc:
            report.failed.append((item.file.source, str(exc)))
            continue
        (report.replaced if item.replacing else report.added).append(item.file.source)
        report.chunks += len(item.chunks)

    if prune_prefix is not None and not (should_stop is not None and should_stop()):
        wanted = {f.source for f in files}
        for info in store.sources(prune_prefix):
            if info.source not in wanted and store.delete_source(info.source):
                report.removed.append(info.source)
    return report
