"""The shipped Contoso catalog (voicecart/data/catalog) and its generated SVG artwork."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from decimal import Decimal
from importlib import resources
from typing import Any

import pytest

from voicecart.commerce.images import COLOR_HEX, render_product_svg, resolve_color

pytestmark = pytest.mark.unit

SVG_NS = "http://www.w3.org/2000/svg"
EXPECTED_SLUGS = {
    "clothing",
    "footwear",
    "electronics",
    "home-kitchen",
    "outdoor",
    "sports",
    "beauty",
    "toys",
    "health",
}
BRANDS = {
    "Contoso",
    "Northwind",
    "Fabrikam",
    "Tailspin",
    "Adventure Works",
    "Wide World Importers",
    "Proseware",
    "Litware",
    "Woodgrove",
    "Alpine Ski House",
    "Fourth Coffee",
    "Lamna",
    "Trey Research",
}
CLOTHING_SIZES = ["XS", "S", "M", "L", "XL", "XXL"]


def _load(name: str) -> list[dict[str, Any]]:
    path = resources.files("voicecart").joinpath("data", "catalog", name)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


CATEGORIES = _load("categories.json")
PRODUCTS = _load("products.json")
BY_NAME = {p["name"]: p for p in PRODUCTS}


def _first_color(product: dict[str, Any]) -> str | None:
    colors = product["attributes"].get("colors") or [None]
    first: str | None = colors[0]
    return first


def _svg_for(product: dict[str, Any]) -> str:
    return render_product_svg(
        product_id=product["id"],
        name=product["name"],
        category=product["category"],
        color=_first_color(product),
    )


def _pictogram(svg: str) -> bytes:
    """The drawing inside the pictogram group, without the group's own attributes."""
    root = ET.fromstring(svg)
    groups = [g for g in root.iter(f"{{{SVG_NS}}}g") if "pictogram" in g.get("class", "")]
    assert len(groups) == 1
    return b"".join(ET.tostring(child) for child in groups[0])


def _label_text(svg: str) -> str:
    root = ET.fromstring(svg)
    labels = [g for g in root.iter(f"{{{SVG_NS}}}g") if g.get("class") == "label"]
    assert len(labels) == 1
    return " ".join(t.text or "" for t in labels[0].iter(f"{{{SVG_NS}}}text"))


# --------------------------------------------------------------------------- categories


def test_exactly_the_nine_categories() -> None:
    slugs = [c["slug"] for c in CATEGORIES]
    assert len(slugs) == len(set(slugs)) == 9
    assert set(slugs) == EXPECTED_SLUGS
    names = {c["slug"]: c["name"] for c in CATEGORIES}
    assert names["home-kitchen"] == "Home & Kitchen"
    for c in CATEGORIES:
        assert c["name"].strip() and c["description"].strip()


def test_category_synonyms_are_lowercase_words_shoppers_say() -> None:
    synonyms = {c["slug"]: c["synonyms"] for c in CATEGORIES}
    for slug, words in synonyms.items():
        assert len(words) >= 5, slug
        assert len(words) == len(set(words)), slug
        assert all(isinstance(w, str) and w == w.strip().lower() and w for w in words), slug
    assert {"shoes", "sneakers", "boots", "trainers", "sandals"} <= set(synonyms["footwear"])
    assert {"gadgets", "tech", "headphones"} <= set(synonyms["electronics"])
    assert {"first aid", "heating pad", "thermometer"} <= set(synonyms["health"])


# --------------------------------------------------------------------------- products


def test_at_least_100_products_spread_over_every_category() -> None:
    assert len(PRODUCTS) >= 100
    per_category = Counter(p["category"] for p in PRODUCTS)
    assert set(per_category) == EXPECTED_SLUGS
    for slug, count in per_category.items():
        assert 10 <= count <= 13, (slug, count)


def test_ids_skus_and_names_are_unique_and_stable() -> None:
    ids = [p["id"] for p in PRODUCTS]
    assert all(type(i) is int for i in ids)
    assert sorted(ids) == list(range(1, len(PRODUCTS) + 1))
    skus = [p["sku"] for p in PRODUCTS]
    assert len(set(skus)) == len(skus)
    assert all(re.fullmatch(r"CT-[A-Z]{3}-\d{4}", s) for s in skus)
    codes: dict[str, set[str]] = {}
    for p in PRODUCTS:
        codes.setdefault(p["category"], set()).add(p["sku"].split("-")[1])
    assert all(len(c) == 1 for c in codes.values()), codes
    names = [p["name"].casefold() for p in PRODUCTS]
    assert len(set(names)) == len(names)


def test_every_product_has_well_formed_fields() -> None:
    slugs = {c["slug"] for c in CATEGORIES}
    for p in PRODUCTS:
        where = p["name"]
        assert p["category"] in slugs, where
        assert p["brand"] in BRANDS, where
        assert p["name"] == p["name"].strip() and 3 <= len(p["name"]) <= 120, where
        price = p["price"]
        assert isinstance(price, int | float) and not isinstance(price, bool), where
        assert price > 0, where
        assert Decimal(str(price)) == Decimal(str(price)).quantize(Decimal("0.01")), where
        assert type(p["stock"]) is int and 0 <= p["stock"] <= 250, where
        assert type(p["weight_grams"]) is int and 10 <= p["weight_grams"] <= 60000, where
        desc = p["description"].strip()
        assert desc and len(re.findall(r"[.!?](?:\s|$)", desc)) >= 2, where
        tags = p["tags"]
        assert 3 <= len(tags) <= 8 and len(set(tags)) == len(tags), where
        assert all(isinstance(t, str) and t == t.strip().lower() and t for t in tags), where
        assert isinstance(p["attributes"], dict), where
        for key, value in p["attributes"].items():
            if isinstance(value, list):
                assert value and all(isinstance(v, str) for v in value), (where, key)
            else:
                assert isinstance(value, str | int | float | bool), (where, key)


def test_prices_and_stock_cover_what_shoppers_ask_about() -> None:
    prices = [p["price"] for p in PRODUCTS]
    assert min(prices) < 10 and max(prices) > 400
    for slug in EXPECTED_SLUGS:
        cheap = [p for p in PRODUCTS if p["category"] == slug and p["price"] < 50]
        assert len(cheap) >= 3, slug
    stocks = [p["stock"] for p in PRODUCTS]
    assert 2 <= stocks.count(0) <= 3
    assert sum(1 for s in stocks if 0 < s < 5) >= 3


def test_sizes_for_clothing_and_footwear() -> None:
    for p in PRODUCTS:
        sizes = p["attributes"].get("sizes")
        if p["category"] == "clothing":
            assert sizes and set(sizes) <= set(CLOTHING_SIZES), p["name"]
            assert sizes == sorted(sizes, key=CLOTHING_SIZES.index), p["name"]
        elif p["category"] == "footwear":
            assert sizes, p["name"]
            numbers = [float(s) for s in sizes]
            assert numbers == sorted(numbers) and all(4 <= n <= 15 for n in numbers), p["name"]
            assert all(n * 2 == int(n * 2) for n in numbers), p["name"]


def test_warranty_for_electronics_and_appliances() -> None:
    for p in PRODUCTS:
        attrs = p["attributes"]
        is_appliance = p["category"] == "home-kitchen" and "power_watts" in attrs
        if p["category"] == "electronics" or is_appliance:
            years = attrs.get("warranty_years")
            assert type(years) is int and 1 <= years <= 25, p["name"]


def test_every_colour_has_artwork_colour() -> None:
    for p in PRODUCTS:
        colors = p["attributes"].get("colors")
        assert colors, p["name"]
        for color in colors:
            assert color == color.lower() and color in COLOR_HEX, (p["name"], color)


REQUIRED: dict[str, tuple[str, Any]] = {
    "Trailblazer Running Shoe": (
        "footwear",
        lambda p: p["price"] < 50 and p["attributes"]["sizes"] and p["attributes"]["colors"],
    ),
    "Instant Cold Pack": (
        "health",
        lambda p: p["price"] < 15 and p["attributes"].get("reusable") is True,
    ),
    "Summit 2-Person Tent": ("outdoor", lambda p: p["attributes"]["capacity_persons"] == 2),
    "Aria Wireless Earbuds": ("electronics", lambda p: p["attributes"]["warranty_years"] == 1),
    "Harbor 12-Cup Coffee Maker": (
        "home-kitchen",
        lambda p: p["attributes"]["warranty_years"] == 2,
    ),
    "Everyday Cotton T-Shirt": (
        "clothing",
        lambda p: p["attributes"]["sizes"] == CLOTHING_SIZES,
    ),
    "Rainier Waterproof Hiking Boot": ("footwear", lambda p: p["attributes"]["sizes"]),
}


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_required_items_present(name: str) -> None:
    category, check = REQUIRED[name]
    product = BY_NAME.get(name)
    assert product is not None, f"missing required product {name!r}"
    assert product["category"] == category
    assert product["stock"] > 0
    assert check(product)


# --------------------------------------------------------------------------- artwork


def test_artwork_for_every_product_is_self_contained_valid_svg() -> None:
    for p in PRODUCTS:
        svg = _svg_for(p)
        root = ET.fromstring(svg)
        assert root.tag == f"{{{SVG_NS}}}svg", p["name"]
        assert (root.get("width"), root.get("height")) == ("480", "480")
        assert root.get("viewBox") == "0 0 480 480"
        urls = re.findall(r"[a-z]+://[^\s\"'<>)]*", svg, flags=re.IGNORECASE)
        assert urls == [SVG_NS], (p["name"], urls)
        lowered = svg.lower()
        for forbidden in ("<script", "href", "@import", "<image", "<foreignobject"):
            assert forbidden not in lowered, (p["name"], forbidden)
        assert not re.search(r"\son[a-z]+\s*=", lowered), p["name"]
        escaped = p["name"].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert escaped in svg, p["name"]
        title = root.find(f"{{{SVG_NS}}}title")
        assert title is not None and title.text == p["name"]
        assert _label_text(svg) == p["name"]
        assert resolve_color(_first_color(p), p["id"]) in svg


def test_names_with_markup_characters_are_escaped() -> None:
    name = 'Tom & Jerry <Deluxe> "Set"\x07 O\'Brien'
    svg = render_product_svg(product_id=5, name=name, category="toys", color="red")
    root = ET.fromstring(svg)
    title = root.find(f"{{{SVG_NS}}}title")
    assert title is not None
    assert title.text == 'Tom & Jerry <Deluxe> "Set" O\'Brien'
    assert "Tom &amp; Jerry &lt;Deluxe&gt;" in svg
    assert "<Deluxe>" not in svg


def test_each_category_has_its_own_pictogram() -> None:
    drawings = {
        slug: _pictogram(render_product_svg(product_id=7, name="X", category=slug, color="blue"))
        for slug in [*sorted(EXPECTED_SLUGS), "unknown-category"]
    }
    assert len(set(drawings.values())) == len(drawings)
    firsts: dict[str, dict[str, Any]] = {}
    for p in PRODUCTS:
        firsts.setdefault(p["category"], p)
    shoe, shirt = _pictogram(_svg_for(firsts["footwear"])), _pictogram(_svg_for(firsts["clothing"]))
    assert shoe != shirt


def test_colour_mapping_and_deterministic_fallback() -> None:
    def svg(product_id: int, color: str | None) -> str:
        return render_product_svg(
            product_id=product_id, name="Trailblazer Running Shoe", category="footwear", color=color
        )

    assert svg(1, "navy") == svg(1, "navy")
    assert COLOR_HEX["navy"] in svg(1, "Navy")
    assert COLOR_HEX["red"] in svg(1, " RED ")
    assert svg(1, "navy") != svg(1, "red")
    assert resolve_color(None, 3) == resolve_color("no-such-colour", 3)
    assert svg(3, None) == svg(3, "no-such-colour")
    assert len({resolve_color(None, i) for i in range(1, 11)}) >= 5
    assert all(re.fullmatch(r"#[0-9a-f]{6}", resolve_color(None, i)) for i in range(-5, 50))


def test_long_names_wrap_onto_two_smaller_lines() -> None:
    short = render_product_svg(product_id=1, name="Cold Pack", category="health", color=None)
    name = "Extra Long Professional Grade Insulated Stainless Steel Vacuum Flask Deluxe Edition"
    long = render_product_svg(product_id=1, name=name, category="outdoor", color=None)

    def sizes(svg: str) -> list[int]:
        root = ET.fromstring(svg)
        label = next(g for g in root.iter(f"{{{SVG_NS}}}g") if g.get("class") == "label")
        return [int(t.get("font-size", "0")) for t in label.iter(f"{{{SVG_NS}}}text")]

    assert len(sizes(short)) == 1
    assert len(sizes(long)) == 2
    assert max(sizes(long)) < sizes(short)[0]
    assert _label_text(long) == name
