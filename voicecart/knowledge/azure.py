"""Azure AI Search adapter: the same search and ingest, against an Azure index.

Used when the seed's ``ai_search_url`` and ``ai_search_index_name`` are set. Vectors come
from the same e5 model as the local index (computed here, so no vectorizer is needed in
Azure); queries are hybrid (BM25 text + vector) and use the semantic configuration
(``ai_search_semantic_config``) for re-ranking. ``push`` creates or updates the index and
uploads chunks, skipping files whose chunks are already there with the same hash.
"""

from __future__ import annotations

import asyncio
import base64
import logging
from collections.abc import Sequence
from typing import Any, Final

from azure.core.credentials import AzureKeyCredential
from azure.core.credentials_async import AsyncTokenCredential
from azure.search.documents.aio import SearchClient
from azure.search.documents.indexes.aio import SearchIndexClient
from azure.search.documents.indexes.models import (
    HnswAlgorithmConfiguration,
    SearchableField,
    SearchField,
    SearchIndex,
    SemanticConfiguration,
    SemanticField,
    SemanticPrioritizedFields,
    SemanticSearch,
    SimpleField,
    VectorSearch,
    VectorSearchProfile,
)
from azure.search.documents.models import VectorizedQuery

from voicecart.config import Settings
from voicecart.knowledge.chunking import Chunk, chunk_document
from voicecart.knowledge.documents import DocumentError
from voicecart.knowledge.embedding import Embedder
from voicecart.knowledge.ingest import IngestReport, Progress, SourceFile, content_hash
from voicecart.knowledge.readers import read_document
from voicecart.knowledge.retrieval import MAX_PER_DOC, Hit, SearchResult
from voicecart.knowledge.speech import content_words, normalise
from voicecart.knowledge.store import Filters
from voicecart.knowledge.vector_cache import CachedEmbedder, load_cache, shipped_cache_path

log = logging.getLogger(__name__)

DEFAULT_SEMANTIC_CONFIG: Final = "voicecart-semantic"
VECTOR_PROFILE: Final = "voicecart-vector"
VECTOR_ALGORITHM: Final = "voicecart-hnsw"
K_NEAREST: Final = 50
UPLOAD_BATCH: Final = 500
SELECT: Final = [
    "chunk_id", "doc_id", "ordinal", "title", "kind", "section", "text", "products",
    "categories",
]  # fmt: skip


def document_key(chunk_id: str) -> str:
    """Azure keys allow letters, digits, ``_ - =``: chunk ids are base64url-encoded."""
    return base64.urlsafe_b64encode(chunk_id.encode()).decode()


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def odata_filter(filters: Filters) -> str | None:
    """The OData ``$filter`` for our metadata filters (values quoted, never interpolated raw)."""
    parts = []
    if filters.kind is not None:
        parts.append(f"kind eq {_quote(filters.kind)}")
    if filters.product is not None:
        parts.append(f"products/any(p: p eq {int(filters.product)})")
    if filters.category is not None:
        parts.append(f"categories/any(c: c eq {_quote(filters.category)})")
    return " and ".join(parts) or None


def index_definition(name: str, *, dimensions: int, semantic_config: str) -> SearchIndex:
    """Fields, HNSW vector profile and the semantic configuration of the index we create."""
    return SearchIndex(
        name=name,
        fields=[
            SimpleField(name="id", type="Edm.String", key=True),
            SimpleField(name="chunk_id", type="Edm.String"),
            SimpleField(name="source", type="Edm.String", filterable=True),
            SimpleField(name="content_hash", type="Edm.String", filterable=True),
            SimpleField(name="doc_id", type="Edm.String", filterable=True),
            SimpleField(name="ordinal", type="Edm.Int32"),
            SimpleField(name="kind", type="Edm.String", filterable=True),
            SearchableField(name="title", analyzer_name="en.microsoft"),
            SearchableField(name="section", analyzer_name="en.microsoft"),
            SearchableField(name="text", analyzer_name="en.microsoft"),
            SimpleField(
                name="products",
                type="Collection(Edm.Int32)",
                filterable=True,
            ),
            SimpleField(
                name="categories",
                type="Collection(Edm.String)",
                filterable=True,
            ),
            SearchField(
                name="embedding",
                type="Collection(Edm.Single)",
                searchable=True,
                vector_search_dimensions=dimensions,
                vector_search_profile_name=VECTOR_PROFILE,
            ),
        ],
        vector_search=VectorSearch(
            algorithms=[HnswAlgorithmConfiguration(name=VECTOR_ALGORITHM)],
            profiles=[
                VectorSearchProfile(
                    name=VECTOR_PROFILE, algorithm_configuration_name=VECTOR_ALGORITHM
                )
            ],
        ),
        semantic_search=SemanticSearch(
            default_configuration_name=semantic_config,
            configurations=[
                SemanticConfiguration(
                    name=semantic_config,
                    prioritized_fields=SemanticPrioritizedFields(
                        title_field=SemanticField(field_name="title"),
                        content_fields=[SemanticField(field_name="text")],
                        keywords_fields=[SemanticField(field_name="section")],
                    ),
                )
            ],
        ),
    )


def _chunk_from(doc: dict[str, Any]) -> Chunk:
    return Chunk(
        chunk_id=str(doc.get("chunk_id") or doc.get("id") or ""),
        doc_id=str(doc.get("doc_id") or ""),
        ordinal=int(doc.get("ordinal") or 0),
        title=str(doc.get("title") or ""),
        kind=str(doc.get("kind") or ""),
        section=str(doc.get("section") or ""),
        text=str(doc.get("text") or ""),
        products=tuple(int(p) for p in doc.get("products") or ()),
        categories=tuple(str(c) for c in doc.get("categories") or ()),
    )


class AzureKnowledge:
    """Search and ingest against an Azure AI Search index."""

    name = "azure"

    def __init__(
        self,
        endpoint: str,
        index_name: str,
        credential: AzureKeyCredential | AsyncTokenCredential,
        *,
        embedder: Embedder,
        semantic_config: str | None = None,
    ) -> None:
        self.endpoint = endpoint
        self.index_name = index_name
        self.credential = credential
        self.embedder = embedder
        self.semantic_config = semantic_config or DEFAULT_SEMANTIC_CONFIG
        self._search = SearchClient(endpoint, index_name, credential)

    @classmethod
    def from_settings(cls, settings: Settings, *, embedder: Embedder) -> AzureKnowledge:
        if not settings.ai_search_url or not settings.ai_search_index_name:
            raise ValueError("ai_search_url and ai_search_index_name are both required")
        credential: AzureKeyCredential | AsyncTokenCredential
        if settings.ai_search_key is not None:
            credential = AzureKeyCredential(settings.ai_search_key.get_secret_value())
        else:
            from azure.identity.aio import DefaultAzureCredential

            credential = DefaultAzureCredential()
        return cls(
            settings.ai_search_url,
            settings.ai_search_index_name,
            credential,
            embedder=embedder,
            semantic_config=settings.ai_search_semantic_config,
        )

    async def start(self) -> None:
        """Nothing to prepare: the index is created by ``voicecart ingest --target azure``."""

    async def close(self) -> None:
        await self._search.close()
        if not isinstance(self.credential, AzureKeyCredential):
            await self.credential.close()

    # ------------------------------------------------------------------- search

    async def search(
        self, query: str, *, filters: Filters | None = None, limit: int = 5
    ) -> SearchResult:
        from voicecart.knowledge.speech import Understood

        filters = filters or Filters()
        terms = tuple(content_words(query))
        understood = Understood(terms)
        if not terms:
            return SearchResult([], understood)
        text = normalise(query)
        vector = await asyncio.to_thread(self.embedder.query, text)
        results = await self._search.search(
            search_text=text,
            vector_queries=[
                VectorizedQuery(
                    vector=[float(x) for x in vector],
                    k_nearest_neighbors=K_NEAREST,
                    fields="embedding",
                )
            ],
            query_type="semantic",
            semantic_configuration_name=self.semantic_config,
            filter=odata_filter(filters),
            select=SELECT,
            top=limit * MAX_PER_DOC,
        )
        hits: list[Hit] = []
        per_doc: dict[str, int] = {}
        async for doc in results:
            chunk = _chunk_from(doc)
            if per_doc.get(chunk.doc_id, 0) >= MAX_PER_DOC:
                continue
            per_doc[chunk.doc_id] = per_doc.get(chunk.doc_id, 0) + 1
            score = doc.get("@search.reranker_score") or doc.get("@search.score") or 0.0
            hits.append(Hit(chunk, float(score)))
            if len(hits) >= limit:
                break
        return SearchResult(hits, understood)

    # ------------------------------------------------------------------- ingest

    async def ensure_index(self) -> None:
        """Create the index, or update it to our definition."""
        async with SearchIndexClient(self.endpoint, self.credential) as indexes:
            await indexes.create_or_update_index(
                index_definition(
                    self.index_name,
                    dimensions=self.embedder.dim,
                    semantic_config=self.semantic_config,
                )
            )

    async def _indexed(self, source: str) -> dict[str, str]:
        """Keys of ``source``'s documents in the index -> their content hash."""
        results = await self._search.search(
            search_text="*",
            filter=f"source eq {_quote(source)}",
            select=["id", "content_hash"],
            top=1000,
        )
        return {str(d["id"]): str(d.get("content_hash")) async for d in results}

    async def push(
        self, files: Sequence[SourceFile], progress: Progress | None = None
    ) -> IngestReport:
        """Create or update the index and upload ``files``; unchanged files are skipped,
        changed files are uploaded first and their stale chunks deleted after."""
        await self.ensure_index()
        # The shipped vectors of the built-in corpus spare embedding it again.
        cache = await asyncio.to_thread(load_cache, shipped_cache_path(), self.embedder.name)
        embedder = CachedEmbedder(self.embedder, cache)
        report = IngestReport()
        prepared: list[tuple[SourceFile, str, list[Chunk]]] = []
        for file in files:
            try:
                doc = read_document(file.data, file.name)
                chunks = chunk_document(doc)
            except DocumentError as exc:
                report.failed.append((file.source, str(exc)))
                continue
            prepared.append((file, content_hash(file.data, self.embedder.name), chunks))
        total = sum(len(c) for _, _, c in prepared)
        done = 0
        if progress is not None:
            progress(0, total)
        for file, digest, chunks in prepared:
            existing = await self._indexed(file.source)
            keys = {document_key(c.chunk_id) for c in chunks}
            if existing and set(existing) == keys and set(existing.values()) == {digest}:
                report.skipped.append(file.source)
                done += len(chunks)
                if progress is not None:
                    progress(done, total)
                continue
            vectors = await asyncio.to_thread(
                embedder.passages, [c.embedding_text() for c in chunks]
            )
            documents = [
                {
                    "id": document_key(c.chunk_id),
                    "chunk_id": c.chunk_id,
                    "source": file.source,
                    "content_hash": digest,
                    "doc_id": c.doc_id,
                    "ordinal": c.ordinal,
                    "kind": c.kind,
                    "title": c.title,
                    "section": c.section,
                    "text": c.text,
                    "products": list(c.products),
                    "categories": list(c.categories),
                    "embedding": [float(x) for x in v],
                }
                for c, v in zip(chunks, vectors, strict=True)
            ]
            for start in range(0, len(documents), UPLOAD_BATCH):
                await self._search.merge_or_upload_documents(
                    documents[start : start + UPLOAD_BATCH]
                )
            stale = [{"id": key} for key in existing if key not in keys]
            if stale:
                await self._search.delete_documents(stale)
            (report.replaced if existing else report.added).append(file.source)
            report.chunks += len(chunks)
            done += len(chunks)
            if progress is not None:
                progress(done, total)
        return report
