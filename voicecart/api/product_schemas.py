"""Public shapes of catalog data: the seed's Contoso shape and our richer one."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from voicecart.commerce.catalog import ProductView


def dollars(cents: int) -> float:
    return round(cents / 100, 2)


class SeedProduct(BaseModel):
    """A product exactly as the seed's Contoso API returns it."""

    model_config = ConfigDict(title="ContosoProduct")

    id: int
    ProductName: str
    Category: str
    Price: float
    ProductDescription: str
    imageurl: str


class ProductPublic(BaseModel):
    id: int
    sku: str
    name: str
    category: str = Field(description="Category slug, e.g. 'footwear'")
    category_name: str
    brand: str
    description: str
    price: float = Field(description="Unit price in the store currency")
    currency: str
    stock: int
    in_stock: bool
    attributes: dict[str, Any]
    tags: list[str]
    image_url: str


class CategoryPublic(BaseModel):
    slug: str
    name: str
    description: str
    product_count: int


class QueryUnderstanding(BaseModel):
    """What the search understood of a spoken or typed query."""

    terms: list[str]
    corrections: dict[str, str]
    category: str | None
    min_price: float | None
    max_price: float | None
    color: str | None
    in_stock_only: bool


class SearchResponse(BaseModel):
    query: str
    understood: QueryUnderstanding
    total: int
    limit: int
    offset: int
    items: list[ProductPublic]


def image_url(base_url: str, product_id: int) -> str:
    return f"{base_url.rstrip('/')}/api/products/{product_id}/image.svg"


def to_seed(product: ProductView, category_name: str, base_url: str) -> SeedProduct:
    return SeedProduct(
        id=product.id,
        ProductName=product.name,
        Category=category_name,
        Price=dollars(product.price_cents),
        ProductDescription=product.description,
        imageurl=image_url(base_url, product.id),
    )


def to_public(
    product: ProductView, category_name: str, base_url: str, currency: str
) -> ProductPublic:
    return ProductPublic(
        id=product.id,
        sku=product.sku,
        name=product.name,
        category=product.category_slug,
        category_name=category_name,
        brand=product.brand,
        description=product.description,
        price=dollars(product.price_cents),
        currency=currency,
        stock=product.stock,
        in_stock=product.stock > 0,
        attributes=product.attributes or {},
        tags=list(product.tags or []),
        image_url=image_url(base_url, product.id),
    )
