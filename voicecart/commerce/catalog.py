"""Catalog reads: categories, product detail, seed-style filters and free-text search."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, cast

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from voicecart.commerce.models import Category, Product
from voicecart.commerce.search import CatalogIndex, CategoryInfo, ParsedQuery, SearchDoc
from voicecart.errors import NotFound


class ProductView(Protocol):
    """A product's columns, read-only: an ORM ``Product`` or a plain result row."""

    @property
    def id(self) -> int: ...
    @property
    def sku(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def category_slug(self) -> str: ...
    @property
    def brand(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def price_cents(self) -> int: ...
    @property
    def stock(self) -> int: ...
    @property
    def weight_grams(self) -> int: ...
    @property
    def attributes(self) -> dict[str, Any]: ...
    @property
    def tags(self) -> list[str]: ...


# Reads that only display products select plain rows: building ORM objects was
# most of the CPU time of a search request (see docs/benchmarks.md).
_ROWS = select(*Product.__table__.c)


@dataclass
class CategoryDirectory:
    """Categories by slug, and a case-insensitive lookup by slug or display name.

    Categories change only when the catalog is seeded, so the running process
    keeps them in memory instead of asking the database on every request.
    """

    names: dict[str, str] = field(default_factory=dict)
    _lookup: dict[str, str] = field(default_factory=dict)

    @classmethod
    async def load(cls, session: AsyncSession) -> CategoryDirectory:
        directory = cls()
        for c in (await session.scalars(select(Category))).all():
            directory.names[c.slug] = c.name
            directory._lookup[c.slug.lower()] = c.slug
            directory._lookup[c.name.lower()] = c.slug
        return directory

    def resolve(self, name: str) -> str | None:
        """The slug for a slug or display name in any case ("home & kitchen"), or None."""
        return self._lookup.get(name.strip().lower())


def product_colors(product: ProductView) -> tuple[str, ...]:
    colors = (product.attributes or {}).get("colors", [])
    return tuple(str(c) for c in colors) if isinstance(colors, list) else ()


def search_doc(product: ProductView) -> SearchDoc:
    return SearchDoc(
        id=product.id,
        name=product.name,
        category=product.category_slug,
        brand=product.brand,
        description=product.description,
        price_cents=product.price_cents,
        stock=product.stock,
        tags=tuple(product.tags or ()),
        colors=product_colors(product),
    )


async def build_index(
    session: AsyncSession, synonyms: dict[str, tuple[str, ...]] | None = None
) -> CatalogIndex:
    """Build the in-memory search index from the database (done once at start-up)."""
    products = (await session.scalars(select(Product))).all()
    categories = (await session.scalars(select(Category))).all()
    syn = synonyms or {}
    return CatalogIndex.build(
        (search_doc(p) for p in products),
        (CategoryInfo(c.slug, c.name, syn.get(c.slug, ())) for c in categories),
    )


async def list_categories(session: AsyncSession) -> list[tuple[Category, int]]:
    rows = await session.execute(
        select(Category, func.count(Product.id))
        .outerjoin(Product, Product.category_slug == Category.slug)
        .group_by(Category.slug)
        .order_by(Category.name)
    )
    return [(c, n) for c, n in rows.all()]


async def resolve_category(session: AsyncSession, name: str) -> Category | None:
    """Case-insensitive match on slug or display name ("home & kitchen", "Footwear")."""
    wanted = name.strip().lower()
    for category in (await session.scalars(select(Category))).all():
        if wanted in (category.slug.lower(), category.name.lower()):
            return category
    return None


async def get_product(session: AsyncSession, product_id: int) -> Product:
    product = await session.get(Product, product_id)
    if product is None:
        raise NotFound("product", product_id)
    return product


async def products_by_ids(session: AsyncSession, ids: Sequence[int]) -> list[ProductView]:
    """Rows for ``ids`` in the given order (fresh stock from the database)."""
    if not ids:
        return []
    rows = (await session.execute(_ROWS.where(Product.id.in_(ids)))).all()
    by_id = {r.id: cast(ProductView, r) for r in rows}
    return [by_id[i] for i in ids if i in by_id]


async def filter_products(
    session: AsyncSession,
    *,
    category_slug: str | None = None,
    max_price_cents: int | None = None,
) -> list[ProductView]:
    """The seed API's search: exact category (already resolved) and a maximum price."""
    stmt = _ROWS
    if category_slug is not None:
        stmt = stmt.where(Product.category_slug == category_slug)
    if max_price_cents is not None:
        stmt = stmt.where(Product.price_cents <= max_price_cents)
    rows = (await session.execute(stmt.order_by(Product.price_cents, Product.id))).all()
    return [cast(ProductView, r) for r in rows]


@dataclass(frozen=True)
class SearchPage:
    parsed: ParsedQuery
    products: list[ProductView]
    total: int


async def search_products(
    session: AsyncSession,
    index: CatalogIndex,
    query: str,
    *,
    category: str | None = None,
    min_price_cents: int | None = None,
    max_price_cents: int | None = None,
    in_stock: bool | None = None,
    limit: int = 10,
    offset: int = 0,
) -> SearchPage:
    result = index.search(
        query,
        category=category,
        min_price_cents=min_price_cents,
        max_price_cents=max_price_cents,
        in_stock=in_stock,
        limit=limit,
        offset=offset,
    )
    products = await products_by_ids(session, [h.id for h in result.hits])
    return SearchPage(result.parsed, products, result.total)
