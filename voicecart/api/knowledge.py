"""Knowledge search for the UI: ``GET /api/knowledge/search``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel, Field

from voicecart.api.deps import RuntimeDep
from voicecart.api.errors import error_responses
from voicecart.errors import FieldError, ValidationFailed
from voicecart.knowledge.documents import KIND_PATTERN
from voicecart.knowledge.present import category_slug, speakable
from voicecart.knowledge.retrieval import SearchResult
from voicecart.knowledge.service import KnowledgeBackend
from voicecart.knowledge.store import Filters

router = APIRouter(prefix="/api/knowledge", tags=["knowledge"])


def get_knowledge(runtime: RuntimeDep) -> KnowledgeBackend:
    if runtime.knowledge is None:
        raise HTTPException(503, "the knowledge base is not available")
    return runtime.knowledge


KnowledgeDep = Annotated[KnowledgeBackend, Depends(get_knowledge)]


class PassageOut(BaseModel):
    chunk_id: str
    doc_id: str
    title: str
    section: str | None
    kind: str
    text: str = Field(description="The whole chunk, Markdown structure kept")
    excerpt: str = Field(description="Plain sentences, short enough to read aloud")
    products: list[int]
    categories: list[str]
    score: float = Field(description="Reciprocal-rank-fusion score (higher is better)")
    lexical_rank: int | None
    dense_rank: int | None


class KnowledgeSearchOut(BaseModel):
    query: str
    terms: list[str] = Field(description="The words searched for, after corrections")
    corrections: dict[str, str] = Field(description="Heard word -> indexed word")
    results: list[PassageOut]


def _out(query: str, result: SearchResult) -> KnowledgeSearchOut:
    return KnowledgeSearchOut(
        query=query,
        terms=list(result.understood.terms),
        corrections=dict(result.understood.corrections),
        results=[
            PassageOut(
                chunk_id=h.chunk.chunk_id,
                doc_id=h.chunk.doc_id,
                title=h.chunk.title,
                section=h.chunk.section or None,
                kind=h.chunk.kind,
                text=h.chunk.text,
                excerpt=speakable(h.chunk.text),
                products=list(h.chunk.products),
                categories=list(h.chunk.categories),
                score=h.score,
                lexical_rank=h.lexical_rank,
                dense_rank=h.dense_rank,
            )
            for h in result.hits
        ],
    )


@router.get("/search", responses=error_responses(422, 503))
async def search_knowledge(
    knowledge: KnowledgeDep,
    q: Annotated[
        str, Query(min_length=1, max_length=300, description="The question, as spoken or typed")
    ],
    kind: Annotated[
        str | None, Query(pattern=KIND_PATTERN, description="Only this kind, e.g. policy")
    ] = None,
    product: Annotated[
        int | None, Query(ge=1, le=2_147_483_647, description="Only documents about this product")
    ] = None,
    category: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=80,
            pattern=r"^[A-Za-z0-9][A-Za-z0-9 &-]*$",
            description="Only this category (slug or name)",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=20, description="How many passages")] = 5,
) -> KnowledgeSearchOut:
    """Hybrid (BM25 + embedding) search over store policies and product documents."""
    if not any(ch.isalnum() for ch in q):
        raise ValidationFailed([FieldError("q", "must contain at least one letter or digit")])
    filters = Filters(
        kind=kind, product=product, category=category_slug(category) if category else None
    )
    result = await knowledge.search(q, filters=filters, limit=limit)
    return _out(q, result)
