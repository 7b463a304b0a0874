"""Typed, forgiving views of the store tools' outputs as they appear in the conversation.

A ``function_call_output`` item carries the tool's answer as JSON text (see
``voicecart/tools/store_tools.py`` for the shapes). These readers pick out what
the dialog manager speaks from and remembers, and never raise on an unexpected
shape: a missing field is simply ``None`` or empty.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Any

__all__ = [
    "Failure",
    "Line",
    "Order",
    "Passage",
    "Product",
    "Shipment",
    "failure_of",
    "order_of",
    "parse_json_object",
    "passages_of",
    "product_of",
    "products_of",
    "shipment_of",
]


def parse_json_object(text: object) -> dict[str, Any] | None:
    """``text`` parsed as a JSON object (a dict passes through), else None."""
    if isinstance(text, dict):
        return text
    if not isinstance(text, str):
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _str(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _float(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace("$", "").replace(",", ""))
        except ValueError:
            return None
    return None


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(v) for v in value if isinstance(v, str | int | float) and str(v).strip())


@dataclass(frozen=True)
class Product:
    id: int
    name: str
    price: float | None = None
    stock: str | None = None  # "in stock", "only 3 left", "out of stock"
    category: str | None = None
    colors: tuple[str, ...] = ()
    sizes: tuple[str, ...] = ()
    description: str = ""
    detailed: bool = False  # from get_product, not just a search hit

    @property
    def out_of_stock(self) -> bool:
        return self.stock == "out of stock"

    def merged(self, newer: Product) -> Product:
        """This product updated with everything ``newer`` knows."""
        return replace(
            self,
            name=newer.name or self.name,
            price=newer.price if newer.price is not None else self.price,
            stock=newer.stock or self.stock,
            category=newer.category or self.category,
            colors=newer.colors or self.colors,
            sizes=newer.sizes or self.sizes,
            description=newer.description or self.description,
            detailed=self.detailed or newer.detailed,
        )


def _product(raw: object, *, detailed: bool = False) -> Product | None:
    if not isinstance(raw, dict):
        return None
    pid = _int(raw.get("id", raw.get("product_id")))
    name = _str(raw.get("name"))
    if pid is None or name is None:
        return None
    attributes = raw.get("attributes")
    sizes = _strings(attributes.get("sizes")) if isinstance(attributes, dict) else ()
    stock = raw.get("stock") if isinstance(raw.get("stock"), str) else raw.get("availability")
    return Product(
        id=pid,
        name=name,
        price=_float(raw.get("price")),
        stock=_str(stock),
        category=_str(raw.get("category")),
        colors=_strings(raw.get("colors")),
        sizes=sizes,
        description=_str(raw.get("description")) or "",
        detailed=detailed,
    )


def products_of(output: dict[str, Any]) -> list[Product]:
    """The hits of a ``search_products`` output, best first."""
    raw = output.get("products")
    if not isinstance(raw, list):
        return []
    return [p for p in (_product(r) for r in raw) if p is not None]


def product_of(output: dict[str, Any]) -> Product | None:
    """The product of a ``get_product`` output."""
    return _product(output, detailed=True)


@dataclass(frozen=True)
class Line:
    product_id: int
    name: str
    quantity: int
    unit_price: float | None = None


@dataclass(frozen=True)
class Order:
    order_id: str
    status: str | None = None  # placed, shipped, cancelled
    lines: tuple[Line, ...] = ()
    total: float | None = None
    tracking_number: str | None = None
    shipped: bool | None = None


def _lines(raw: object) -> tuple[Line, ...]:
    if not isinstance(raw, list):
        return ()
    out: list[Line] = []
    for r in raw:
        if not isinstance(r, dict):
            continue
        pid, qty = _int(r.get("product_id")), _int(r.get("quantity"))
        if pid is None or qty is None:
            continue
        name = _str(r.get("name")) or f"product {pid}"
        out.append(Line(pid, name, qty, _float(r.get("unit_price"))))
    return tuple(out)


def order_of(output: dict[str, Any]) -> Order | None:
    """The order of a ``create_order`` / ``get_order`` / ``cancel_order`` output, or
    the order part of a ``track_shipment`` output for an order that has not shipped."""
    order_id = _str(output.get("order_id"))
    if order_id is None:
        return None
    status = _str(output.get("status")) or _str(output.get("order_status"))
    shipped = output.get("shipped")
    return Order(
        order_id=order_id,
        status=status,
        lines=_lines(output.get("lines")),
        total=_float(output.get("total")),
        tracking_number=_str(output.get("tracking_number")),
        shipped=shipped if isinstance(shipped, bool) else None,
    )


@dataclass(frozen=True)
class Shipment:
    order_id: str | None
    carrier: str | None
    tracking_number: str | None
    status: str | None
    weekday: str | None
    cost: float | None = None
    ship_to: str | None = None
    service: str | None = None
    latest: str | None = None  # "Picked up by the carrier and on its way"
    latest_location: str | None = None


def shipment_of(output: dict[str, Any]) -> Shipment | None:
    """The shipment of a ``create_shipment`` / ``track_shipment`` output."""
    tracking = _str(output.get("tracking_number"))
    carrier = _str(output.get("carrier"))
    if tracking is None and carrier is None:
        return None
    latest = output.get("latest_event")
    latest_desc = _str(latest.get("description")) if isinstance(latest, dict) else None
    latest_loc = _str(latest.get("location")) if isinstance(latest, dict) else None
    return Shipment(
        order_id=_str(output.get("order_id")),
        carrier=carrier,
        tracking_number=tracking,
        status=_str(output.get("status")),
        weekday=_str(output.get("estimated_delivery_weekday")),
        cost=_float(output.get("cost")),
        ship_to=_str(output.get("ship_to")),
        service=_str(output.get("service")),
        latest=latest_desc,
        latest_location=latest_loc,
    )


@dataclass(frozen=True)
class Passage:
    title: str
    text: str
    kind: str | None = None  # "policy", "manual", "care-guide", ... when the tool says


_PASSAGE_LISTS = ("passages", "results", "hits", "documents", "chunks", "items", "matches")
_TITLE_KEYS = ("title", "document_title", "doc_title", "document", "source_title", "heading")
_TEXT_KEYS = ("text", "content", "passage", "snippet", "chunk", "body", "excerpt")


def passages_of(output: dict[str, Any]) -> list[Passage]:
    """The passages of a ``search_knowledge`` output, best first. Accepts a list under
    ``passages`` (or ``results``, ``hits``, ...) of objects with a title and a text."""
    raw: object = None
    for key in _PASSAGE_LISTS:
        if isinstance(output.get(key), list):
            raw = output[key]
            break
    if not isinstance(raw, list):
        return []
    out: list[Passage] = []
    for r in raw:
        if not isinstance(r, dict):
            continue
        title = next((t for k in _TITLE_KEYS if (t := _str(r.get(k)))), None)
        text = next((t for k in _TEXT_KEYS if (t := _str(r.get(k)))), None)
        section = _str(r.get("section"))
        if text is None:
            continue
        if title is None:
            title = section or "help center"
        out.append(Passage(title=title, text=text, kind=_str(r.get("kind"))))
    return out


@dataclass(frozen=True)
class Failure:
    """A tool's ``{"error": ...}`` output."""

    message: str
    code: str | None = None
    fields: tuple[tuple[str, str], ...] = ()
    retryable: bool = False

    def field_names(self) -> list[str]:
        return [f for f, _ in self.fields]


def failure_of(output: dict[str, Any] | None) -> Failure | None:
    """The error of a failed tool output, else None. Unparseable output counts as one."""
    if output is None:
        return Failure("something went wrong on our side")
    error = output.get("error")
    if error is None or error is False:
        return None
    if isinstance(error, dict):  # {"error": {"message": ..., "code": ...}}
        message = _str(error.get("message")) or "unknown error"
        code = _str(error.get("code")) or _str(output.get("code"))
    else:
        message = str(error)
        code = _str(output.get("code"))
    fields: list[tuple[str, str]] = []
    raw_fields = output.get("fields")
    if isinstance(raw_fields, list):
        for f in raw_fields:
            if isinstance(f, dict) and _str(f.get("field")):
                fields.append((str(f["field"]), _str(f.get("message")) or ""))
    if code is None and fields:
        code = "validation_failed"
    return Failure(message, code, tuple(fields), bool(output.get("retryable")))


_OUT_OF_STOCK = re.compile(r"only (\d+) of (.+?) \(product (\d+)\) in stock, (\d+) requested")


def out_of_stock_details(failure: Failure) -> tuple[int, str, int, int] | None:
    """``(available, name, product id, requested)`` from an ``out_of_stock`` error."""
    match = _OUT_OF_STOCK.search(failure.message)
    if match is None:
        return None
    return int(match.group(1)), match.group(2), int(match.group(3)), int(match.group(4))
