"""Pick the knowledge backend from settings: Azure AI Search when the seed's
``ai_search_*`` settings are present, else the local index."""

from __future__ import annotations

from voicecart.config import Settings
from voicecart.knowledge.embedding import E5Embedder, Embedder
from voicecart.knowledge.service import KnowledgeBackend, LocalKnowledge


def uses_azure(settings: Settings) -> bool:
    return bool(settings.ai_search_url and settings.ai_search_index_name)


def knowledge_from_settings(
    settings: Settings, *, embedder: Embedder | None = None
) -> KnowledgeBackend:
    embedder = embedder or E5Embedder()
    if uses_azure(settings):
        from voicecart.knowledge.azure import AzureKnowledge

        return AzureKnowledge.from_settings(settings, embedder=embedder)
    return LocalKnowledge(
        settings.knowledge_index_path, embedder=embedder, auto_index=settings.knowledge_auto_index
    )
