"""The shipped Contoso catalog (``voicecart/data/catalog``) and loading it into the database."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voicecart.commerce.models import Category, Product


@dataclass(frozen=True)
class CategoryData:
    slug: str
    name: str
    description: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProductData:
    id: int
    sku: str
    name: str
    category: str
    brand: str
    description: str
    price_cents: int
    stock: int
    weight_grams: int
    attributes: dict[str, Any] = field(default_factory=dict)
    tags: tuple[str, ...] = ()


def _read_json(name: str) -> Any:
    text = resources.files("voicecart.data").joinpath("catalog", name).read_text("utf-8")
    return json.loads(text)


def _cents(price: float | int | str) -> int:
    return int((Decimal(str(price)) * 100).to_integral_value())


@lru_cache(maxsize=1)
def shipped_categories() -> tuple[CategoryData, ...]:
    return tuple(
        CategoryData(
            slug=c["slug"],
            name=c["name"],
            description=c.get("description", ""),
            synonyms=tuple(c.get("synonyms", ())),
        )
        for c in _read_json("categories.json")
    )


@lru_cache(maxsize=1)
def shipped_products() -> tuple[ProductData, ...]:
    return tuple(
        ProductData(
            id=int(p["id"]),
            sku=p["sku"],
            name=p["name"],
            category=p["category"],
            brand=p.get("brand", "Contoso"),
            description=p["description"],
            price_cents=_cents(p["price"]),
            stock=int(p["stock"]),
            weight_grams=int(p.get("weight_grams", 500)),
            attributes=dict(p.get("attributes", {})),
            tags=tuple(p.get("tags", ())),
        )
        for p in _read_json("products.json")
    )


@dataclass(frozen=True)
class SeedReport:
    categories_added: int
    products_added: int
    products_updated: int


async def seed_catalog(session: AsyncSession) -> SeedReport:
    """Insert missing categories/products and refresh descriptive fields of existing ones.

    Stock of products already in the database is never reset: seeding is safe to
    repeat on a live store.
    """
    existing_categories = set((await session.scalars(select(Category.slug))).all())
    cats_added = 0
    for c in shipped_categories():
        if c.slug not in existing_categories:
            session.add(Category(slug=c.slug, name=c.name, description=c.description))
            cats_added += 1
    await session.flush()

    existing = {p.id: p for p in (await session.scalars(select(Product))).all()}
    added = updated = 0
    for d in shipped_products():
        row = existing.get(d.id)
        if row is None:
            session.add(
                Product(
                    id=d.id,
                    sku=d.sku,
                    name=d.name,
                    category_slug=d.category,
                    brand=d.brand,
                    description=d.description,
                    price_cents=d.price_cents,
                    stock=d.stock,
                    weight_grams=d.weight_grams,
                    attributes=d.attributes,
                    tags=list(d.tags),
                )
            )
            added += 1
            continue
        changed = False
        for attr, value in (
            ("sku", d.sku),
            ("name", d.name),
            ("category_slug", d.category),
            ("brand", d.brand),
            ("description", d.description),
            ("price_cents", d.price_cents),
            ("weight_grams", d.weight_grams),
            ("attributes", d.attributes),
            ("tags", list(d.tags)),
        ):
            if getattr(row, attr) != value:
                setattr(row, attr, value)
                changed = True
        updated += changed
    await session.commit()
    return SeedReport(cats_added, added, updated)
