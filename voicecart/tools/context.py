"""What a tool handler gets besides its arguments."""

from __future__ import annotations

from dataclasses import dataclass

from voicecart.commerce.search import CatalogIndex
from voicecart.config import Settings
from voicecart.knowledge.service import KnowledgeBackend
from voicecart.storage.db import Database


@dataclass(frozen=True)
class ToolContext:
    db: Database
    settings: Settings
    index: CatalogIndex
    call_id: str | None
    fc_call_id: str
    knowledge: KnowledgeBackend | None = None

    @property
    def idempotency_key(self) -> str:
        """Stable per function call: a retried call never creates a second order."""
        return f"{self.call_id or 'nocall'}:{self.fc_call_id}"
