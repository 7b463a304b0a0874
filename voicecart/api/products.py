"""Catalog endpoints: the seed's Contoso routes plus search, detail, categories, images."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import Field

from voicecart.api.deps import CategoriesDep, IndexDep, SessionDep, SettingsDep
from voicecart.api.errors import error_responses
from voicecart.api.product_schemas import (
    CategoryPublic,
    ProductPublic,
    QueryUnderstanding,
    SearchResponse,
    SeedProduct,
    dollars,
    to_public,
    to_seed,
)
from voicecart.commerce import catalog
from voicecart.commerce.images import render_product_svg
from voicecart.errors import FieldError, NotFound, ValidationFailed

router = APIRouter(prefix="/api", tags=["catalog"])


Price = Annotated[float, Field(ge=0, le=1_000_000, allow_inf_nan=False)]
PriceQuery = Annotated[Price | None, Query()]
ProductId = Annotated[int, Path(ge=1, le=2_147_483_647, description="Product id")]


def _cents(value: float | None) -> int | None:
    return None if value is None else round(value * 100)


@router.get(
    "/products/search",
    operation_id="seed_search_products",
    responses=error_responses(422),
)
async def seed_search(
    request: Request,
    session: SessionDep,
    categories: CategoriesDep,
    category: Annotated[
        str | None, Query(max_length=80, description="Category name, any case")
    ] = None,
    price: Annotated[Price | None, Query(description="Maximum price")] = None,
) -> list[SeedProduct]:
    """The seed's Contoso search: optional category (case-insensitive) and maximum price."""
    slug: str | None = None
    if category is not None and category.strip():
        slug = categories.resolve(category)
        if slug is None:
            return []
    rows = await catalog.filter_products(session, category_slug=slug, max_price_cents=_cents(price))
    base = str(request.base_url)
    return [to_seed(p, categories.names[p.category_slug], base) for p in rows]


@router.get(
    "/products/category/{category}",
    operation_id="seed_products_by_category",
    responses=error_responses(404, 422),
)
async def seed_by_category(
    request: Request,
    session: SessionDep,
    categories: CategoriesDep,
    category: Annotated[str, Path(min_length=1, max_length=80)],
) -> list[SeedProduct]:
    """The seed's Contoso category listing (case-insensitive)."""
    slug = categories.resolve(category)
    if slug is None:
        raise NotFound("category", category)
    rows = await catalog.filter_products(session, category_slug=slug)
    base = str(request.base_url)
    return [to_seed(p, categories.names[slug], base) for p in rows]


@router.get("/categories", operation_id="list_categories")
async def categories(session: SessionDep) -> list[CategoryPublic]:
    """Every category with its number of products."""
    return [
        CategoryPublic(slug=c.slug, name=c.name, description=c.description, product_count=n)
        for c, n in await catalog.list_categories(session)
    ]


@router.get("/products", operation_id="search_products", responses=error_responses(422))
async def search(
    request: Request,
    session: SessionDep,
    index: IndexDep,
    categories: CategoriesDep,
    settings: SettingsDep,
    q: Annotated[
        str,
        Query(
            max_length=300,
            description="Free text as a shopper says it, e.g. 'runing shoos under fifty'",
        ),
    ] = "",
    category: Annotated[str | None, Query(max_length=80)] = None,
    min_price: PriceQuery = None,
    max_price: PriceQuery = None,
    in_stock: bool | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> SearchResponse:
    """Free-text search tolerant to spelling and speech-recognition errors, with filters."""
    slug: str | None = None
    if category is not None and category.strip():
        slug = categories.resolve(category)
        if slug is None:
            raise ValidationFailed([FieldError("category", f"unknown category {category!r}")])
    if min_price is not None and max_price is not None and min_price > max_price:
        raise ValidationFailed([FieldError("min_price", "must not exceed max_price")])
    page = await catalog.search_products(
        session,
        index,
        q,
        category=slug,
        min_price_cents=_cents(min_price),
        max_price_cents=_cents(max_price),
        in_stock=in_stock,
        limit=limit,
        offset=offset,
    )
    names = categories.names
    base = str(request.base_url)
    parsed = page.parsed
    return SearchResponse(
        query=q,
        understood=QueryUnderstanding(
            terms=list(parsed.terms),
            corrections=dict(parsed.corrections),
            category=parsed.category,
            min_price=None if parsed.min_price_cents is None else dollars(parsed.min_price_cents),
            max_price=None if parsed.max_price_cents is None else dollars(parsed.max_price_cents),
            color=parsed.color,
            in_stock_only=parsed.in_stock_only,
        ),
        total=page.total,
        limit=limit,
        offset=offset,
        items=[
            to_public(p, names[p.category_slug], base, settings.currency) for p in page.products
        ],
    )


@router.get(
    "/products/{product_id}",
    operation_id="get_product",
    responses=error_responses(404, 422),
)
async def product_detail(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    categories: CategoriesDep,
    product_id: ProductId,
) -> ProductPublic:
    """One product with stock and attributes (sizes, colours …)."""
    product = await catalog.get_product(session, product_id)
    names = categories.names
    return to_public(
        product, names[product.category_slug], str(request.base_url), settings.currency
    )


@lru_cache(maxsize=512)
def _svg(product_id: int, name: str, category: str, color: str | None) -> bytes:
    return render_product_svg(
        product_id=product_id, name=name, category=category, color=color
    ).encode()


@router.get(
    "/products/{product_id}/image.svg",
    operation_id="product_image",
    response_class=Response,
    responses={
        200: {"content": {"image/svg+xml": {}}, "description": "Product artwork"},
        **error_responses(404, 422),
    },
)
async def product_image(session: SessionDep, product_id: ProductId) -> Response:
    """Generated artwork for a product, served by the app itself."""
    product = await catalog.get_product(session, product_id)
    colors = catalog.product_colors(product)
    body = _svg(product.id, product.name, product.category_slug, colors[0] if colors else None)
    return Response(
        body, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"}
    )
