"""Where analysis documents go besides the database (which always keeps them for the API)."""

from __future__ import annotations

from typing import Protocol

from voicecart.analysis.schema import AnalysisDocument


class DocumentSink(Protocol):
    """An extra destination for documents. ``write`` must be idempotent (upsert by id)."""

    async def write(self, doc: AnalysisDocument) -> None: ...

    async def aclose(self) -> None: ...


__all__ = ["DocumentSink"]
