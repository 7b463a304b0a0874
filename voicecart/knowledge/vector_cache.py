"""Shipped passage vectors for the built-in corpus, so a fresh install indexes it in a
second instead of embedding ~700 passages on first start.

The cache maps a digest of (model, passage text) to a float16 vector. Any passage it
lacks (an edited document, a new chunker) is embedded live, so a stale cache only
costs time. Regenerate after editing the corpus::

    python -m voicecart.knowledge.vector_cache
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Final

import numpy as np

from voicecart.knowledge.embedding import Embedder, Vectors

CACHE_NAME: Final = "knowledge_vectors.npz"
_KEY_BYTES: Final = 16


def cache_key(model: str, text: str) -> bytes:
    return hashlib.sha256(f"{model}\0{text}".encode()).digest()[:_KEY_BYTES]


def shipped_cache_path() -> Path:
    return Path(str(resources.files("voicecart").joinpath("data", CACHE_NAME)))


def load_cache(path: Path, model: str) -> dict[bytes, Vectors]:
    """The vectors in ``path`` for ``model``; empty when the file is missing or for
    another model."""
    if not path.is_file():
        return {}
    with np.load(path, allow_pickle=False) as data:
        if str(data["model"]) != model:
            return {}
        keys = data["keys"]
        vectors = data["vectors"].astype(np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    return {bytes(k): v for k, v in zip(keys, vectors, strict=True)}


def write_cache(path: Path, model: str, texts: Sequence[str], vectors: Vectors) -> None:
    keys = np.array(
        [np.frombuffer(cache_key(model, t), dtype=np.uint8) for t in texts], dtype=np.uint8
    ).reshape(len(texts), _KEY_BYTES)
    tmp = path.with_suffix(".tmp.npz")
    np.savez_compressed(tmp, model=np.array(model), keys=keys, vectors=vectors.astype(np.float16))
    tmp.replace(path)


class CachedEmbedder:
    """An :class:`Embedder` that takes passage vectors from a cache when it has them."""

    def __init__(self, inner: Embedder, cache: dict[bytes, Vectors]) -> None:
        self.inner = inner
        self.cache = cache
        self.hits = 0

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dim(self) -> int:
        return self.inner.dim

    def query(self, text: str) -> Vectors:
        return self.inner.query(text)

    def passages(
        self, texts: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> Vectors:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        missing: list[int] = []
        for i, text in enumerate(texts):
            vector = self.cache.get(cache_key(self.name, text))
            if vector is None:
                missing.append(i)
            else:
                out[i] = vector
        self.hits += len(texts) - len(missing)
        if progress is not None and len(texts) > len(missing):
            progress(len(texts) - len(missing))
        if missing:
            live = self.inner.passages([texts[i] for i in missing], progress)
            out[missing] = live
        return out


def builtin_passages() -> list[str]:
    """The embedding texts of every chunk of the built-in corpus."""
    from voicecart.knowledge.chunking import chunk_document
    from voicecart.knowledge.corpus import builtin_files
    from voicecart.knowledge.readers import read_document

    texts: list[str] = []
    for f in builtin_files():
        texts.extend(c.embedding_text() for c in chunk_document(read_document(f.data, f.name)))
    return texts


def main() -> None:  # pragma: no cover - a maintenance command
    from rich.progress import Progress

    from voicecart.knowledge.embedding import E5Embedder

    embedder = E5Embedder()
    texts = builtin_passages()
    with Progress() as bar:
        task = bar.add_task("embedding the built-in corpus", total=len(texts))
        vectors = embedder.passages(texts, lambda n: bar.advance(task, n))
    write_cache(shipped_cache_path(), embedder.name, texts, vectors)
    print(f"wrote {len(texts)} vectors to {shipped_cache_path()}")


if __name__ == "__main__":  # pragma: no cover
    main()
