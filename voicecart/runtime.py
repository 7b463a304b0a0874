"""What one running process holds: settings, database, in-memory catalog index."""

from __future__ import annotations

from dataclasses import dataclass

from voicecart.commerce.catalog import CategoryDirectory
from voicecart.commerce.search import CatalogIndex
from voicecart.config import Settings
from voicecart.knowledge.service import KnowledgeBackend
from voicecart.session.manager import SessionManager
from voicecart.storage.db import Database


@dataclass
class Runtime:
    settings: Settings
    db: Database
    catalog_index: CatalogIndex
    categories: CategoryDirectory
    sessions: SessionManager | None = None
    knowledge: KnowledgeBackend | None = None
