"""``search_knowledge``: store policies and product manuals, with sources to cite.

The output is short enough to speak from: at most a few passages, each clipped at a
sentence end, with the document title, id and section so the answer can name its
source. The card lists the sources for the UI.
"""

from __future__ import annotations

from typing import Annotated, Any, Final, Literal

import orjson
from pydantic import Field

from voicecart.knowledge.present import category_slug, speakable
from voicecart.knowledge.retrieval import Hit
from voicecart.knowledge.store import Filters
from voicecart.tools.context import ToolContext
from voicecart.tools.registry import ToolError, ToolRegistry, ToolResult

MAX_OUTPUT_CHARS: Final = 1600

KnowledgeQuery = Annotated[
    str,
    Field(
        min_length=1,
        max_length=300,
        description="The shopper's question in their own words, e.g. 'can I return shoes "
        "I wore outside' or 'how do I descale the coffee maker'",
    ),
]
Kind = Annotated[
    Literal["policy", "manual", "care-guide", "sizing", "troubleshooting", "faq"] | None,
    Field(description="Only this kind of document; leave empty to search everything"),
]
ProductFilter = Annotated[
    int | None,
    Field(ge=1, description="Only documents about this product id (from search_products)"),
]
CategoryFilter = Annotated[
    str | None,
    Field(
        min_length=1,
        max_length=80,
        description="Only documents for this product category (name from list_categories)",
    ),
]
Limit = Annotated[int, Field(ge=1, le=5, description="How many passages, 1 to 5")]


def _passage(hit: Hit) -> dict[str, Any]:
    c = hit.chunk
    return {
        "title": c.title,
        "section": c.section or None,
        "doc_id": c.doc_id,
        "kind": c.kind,
        "text": speakable(c.text),
    }


def _source(hit: Hit) -> dict[str, Any]:
    c = hit.chunk
    return {
        "doc_id": c.doc_id,
        "chunk_id": c.chunk_id,
        "title": c.title,
        "section": c.section or None,
        "kind": c.kind,
        "excerpt": speakable(c.text),
        "score": round(hit.score, 5),
    }


async def search_knowledge(
    ctx: ToolContext,
    query: KnowledgeQuery,
    kind: Kind = None,
    product_id: ProductFilter = None,
    category: CategoryFilter = None,
    limit: Limit = 3,
) -> ToolResult:
    """Search Contoso's store policies (returns, refunds, exchanges, warranty, shipping,
    payment, price match, gift cards, rewards, privacy, order changes, contact hours) and
    product manuals, care guides, sizing charts, troubleshooting and FAQs. Use it for any
    policy or how-to question, then answer from the passages only and name the document
    title you used. Misheard words and spoken numbers are tolerated."""
    if ctx.knowledge is None:
        raise ToolError("the knowledge base is not available right now")
    if not query.strip():
        raise ToolError("say what to look up: the query is empty")
    filters = Filters(
        kind=kind,
        product=product_id,
        category=category_slug(category) if category else None,
    )
    result = await ctx.knowledge.search(query, filters=filters, limit=limit)
    output: dict[str, Any] = {
        "query": query,
        "passages": [_passage(h) for h in result.hits],
    }
    if result.understood.corrections:
        output["understood"] = {"corrections": dict(result.understood.corrections)}
    if not result.hits:
        output["hint"] = (
            "nothing in the policies or manuals matched; say so and offer customer care"
        )
    while len(output["passages"]) > 1 and len(orjson.dumps(output)) > MAX_OUTPUT_CHARS:
        output["passages"].pop()
        output["truncated"] = True
    card = {
        "kind": "knowledge",
        "query": query,
        "sources": [_source(h) for h in result.hits],
    }
    return ToolResult(output=output, card=card)


def register_knowledge_tools(registry: ToolRegistry) -> None:
    """Add ``search_knowledge`` to ``registry``."""
    registry.add(search_knowledge)
