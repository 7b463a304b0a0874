"""The store's tools: catalog search, orders, shipments and tracking.

Each handler maps validated arguments onto a :class:`~voicecart.tools.backends.StoreBackend`
call and shapes the answer twice: a compact ``output`` for the model to speak from
(prices in dollars, stock in words, ids also spelled for reading aloud) and a ``card``
for the UI. Domain errors propagate; ``ToolRegistry.run`` turns them into outputs.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, Final, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema
from text_to_num import alpha2digit

from voicecart.api.product_schemas import dollars
from voicecart.shipping.tracking import is_valid, normalise_tracking
from voicecart.spoken import DIGIT_WORDS
from voicecart.tools.backends import (
    LineRequest,
    OrderInfo,
    ProductInfo,
    ShipmentInfo,
    Understood,
    backend_for,
)
from voicecart.tools.context import ToolContext
from voicecart.tools.registry import Handler, ToolError, ToolRegistry, ToolResult

LOW_STOCK: Final = 5  # at or below this, say "only N left"
MAX_OUTPUT_CHARS: Final = 1400
MAX_DESCRIPTION_CHARS: Final = 300
MAX_LINES: Final = 10
MAX_QUANTITY: Final = 20
# Eight digits spelled out ("seven seven seven ...") take up to 47 characters.
MAX_ORDER_NUMBER_CHARS: Final = 80

# --------------------------------------------------------------------- arguments


class OrderLine(BaseModel):
    """One product and how many of it."""

    model_config = ConfigDict(extra="forbid")

    product_id: int = Field(ge=1, description="The product id from search_products")
    quantity: int = Field(ge=1, le=MAX_QUANTITY, description="How many, 1 to 20")


_LINES_DESCRIPTION = (
    "The products to order, one entry per product, with ids from search_products; "
    f"1 to {MAX_LINES} lines"
)
# The item schema is inlined (no "$defs"/"$ref") so every realtime engine reads it.
_LINES_SCHEMA: Final[dict[str, Any]] = {
    "type": "array",
    "description": _LINES_DESCRIPTION,
    "minItems": 1,
    "maxItems": MAX_LINES,
    "items": {
        "type": "object",
        "properties": {
            name: {k: v for k, v in prop.items() if k != "title"}
            for name, prop in OrderLine.model_json_schema()["properties"].items()
        },
        "required": ["product_id", "quantity"],
        "additionalProperties": False,
    },
}

OrderNumber = Annotated[
    str,
    Field(
        min_length=1,
        max_length=MAX_ORDER_NUMBER_CHARS,
        description="The eight-digit order number as the shopper said it, e.g. '48271930'; "
        "spaces, dashes and spoken digits ('four eight two seven ...') are fine",
    ),
]
Query = Annotated[
    str,
    Field(
        max_length=300,
        description="What the shopper is looking for, in their words, e.g. 'waterproof "
        "hiking boots under 150 dollars'; may be empty when browsing a category",
    ),
]
CategoryName = Annotated[
    str | None,
    Field(
        max_length=80,
        description="Only this category (name from list_categories, e.g. 'Footwear')",
    ),
]
MaxPrice = Annotated[
    float | None,
    Field(ge=0, le=1_000_000, description="Highest unit price in dollars"),
]
Limit = Annotated[int, Field(ge=1, le=8, description="How many products to return, 1 to 8")]
ProductId = Annotated[int, Field(ge=1, description="The product id from search_products")]
OrderLines = Annotated[
    list[OrderLine],
    Field(min_length=1, max_length=MAX_LINES, description=_LINES_DESCRIPTION),
    WithJsonSchema(_LINES_SCHEMA),
]
Reason = Annotated[
    str | None,
    Field(max_length=200, description="Why the shopper is cancelling, in a few words"),
]
Address = Annotated[
    str,
    Field(
        min_length=5,
        max_length=300,
        description="The delivery address on one line as the shopper said it, e.g. 'ten Main "
        "Street, Seattle, Washington 98101'; United States or Canada only",
    ),
]
Speed = Annotated[
    Literal["standard", "expedited", "overnight"],
    Field(description="Delivery speed: standard (default), expedited or overnight"),
]
TrackingNumber = Annotated[
    str | None,
    Field(
        max_length=60,
        description="The tracking number as the shopper said it, e.g. 'NW 1234 5678 9012 345'",
    ),
]
OptionalOrderNumber = Annotated[
    str | None,
    Field(max_length=MAX_ORDER_NUMBER_CHARS, description="Or: the eight-digit order number"),
]

# ----------------------------------------------------------------------- helpers

_DIGIT_WORDS: Final[dict[str, str]] = {**DIGIT_WORDS, "o": "0"}
_REPEATS: Final[dict[str, int]] = {"double": 2, "triple": 3}


def normalise_order_number(text: str) -> str:
    """The eight digits of a spoken or typed order number ("4827-1930", "four eight two ...").

    Raises ``ToolError`` when the text does not come to exactly eight digits.
    """
    converted = alpha2digit(text.lower(), "en")
    digits: list[str] = []
    repeat = 1
    for word in re.findall(r"[a-z]+|\d+", converted):
        if word in _REPEATS:
            repeat = _REPEATS[word]
            continue
        d = word if word.isdigit() else _DIGIT_WORDS.get(word)
        if d is not None:
            digits.append(d * repeat if len(d) == 1 else d)
        repeat = 1
    number = "".join(digits)
    if len(number) != 8:
        heard = f"heard {len(number)} digits" if number else "heard no digits"
        raise ToolError(f"order numbers have eight digits ({heard}); ask the shopper to repeat it")
    return number


def spoken_order_id(order_id: str) -> str:
    """``"48271930"`` -> ``"4827 1930"``."""
    return f"{order_id[:4]} {order_id[4:]}" if len(order_id) == 8 else order_id


def spoken_tracking(number: str) -> str:
    """Letters apart, digits in fours: ``"NW 1234 5678 9012 345"``, ``"CP 1234 5678 5 US"``."""
    parts = re.findall(r"[A-Z]+|\d+", number.upper())
    out: list[str] = []
    for part in parts:
        if part.isdigit():
            out.extend(part[i : i + 4] for i in range(0, len(part), 4))
        else:
            out.append(part)
    return " ".join(out)


def availability(stock: int | None) -> str | None:
    if stock is None:
        return None
    if stock <= 0:
        return "out of stock"
    if stock <= LOW_STOCK:
        return f"only {stock} left"
    return "in stock"


def _cents_from_dollars(value: float | None) -> int | None:
    return None if value is None else round(value * 100)


def _date_and_weekday(moment: datetime) -> tuple[str, str]:
    day = moment.date()
    return day.isoformat(), day.strftime("%A")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _fit(output: dict[str, Any], key: str) -> dict[str, Any]:
    """Drop trailing entries of ``output[key]`` until the JSON is short enough to speak from."""
    items = output.get(key)
    while isinstance(items, list) and items and len(orjson.dumps(output)) > MAX_OUTPUT_CHARS:
        items.pop()
        output["truncated"] = True
    return output


def _compact(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None and v != [] and v != {}}


# ------------------------------------------------------------------------ shapes


def _product_hit(p: ProductInfo) -> dict[str, Any]:
    return _compact(
        {
            "id": p.id,
            "name": p.name,
            "price": dollars(p.price_cents),
            "stock": availability(p.stock),
            "category": p.category_name,
            "colors": list(p.colors[:5]),
        }
    )


def _product_item(p: ProductInfo, currency: str) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "price": dollars(p.price_cents),
        "currency": currency,
        "stock": p.stock,
        "availability": availability(p.stock),
        "image_url": p.image_url,
        "category": p.category_name,
    }


def _understood(u: Understood) -> dict[str, Any]:
    return _compact(
        {
            "terms": list(u.terms),
            "corrections": dict(u.corrections),
            "category": u.category,
            "min_price": None if u.min_price_cents is None else dollars(u.min_price_cents),
            "max_price": None if u.max_price_cents is None else dollars(u.max_price_cents),
            "color": u.color,
            "in_stock_only": True if u.in_stock_only else None,
        }
    )


def _order_lines(order: OrderInfo) -> list[dict[str, Any]]:
    return [
        {
            "product_id": ln.product_id,
            "name": ln.name,
            "quantity": ln.quantity,
            "unit_price": dollars(ln.unit_price_cents),
            "line_total": dollars(ln.line_total_cents),
        }
        for ln in order.lines
    ]


def _order_output(order: OrderInfo) -> dict[str, Any]:
    out: dict[str, Any] = {
        "order_id": order.id,
        "spoken_id": spoken_order_id(order.id),
        "status": order.status,
        "lines": _order_lines(order),
        "total": dollars(order.total_cents),
        "currency": order.currency,
    }
    if order.tracking_number:
        out["tracking_number"] = order.tracking_number
        out["spoken_tracking"] = spoken_tracking(order.tracking_number)
    return _fit(out, "lines")


def _order_card(order: OrderInfo) -> dict[str, Any]:
    return {
        "kind": "order",
        "id": order.id,
        "spoken_id": spoken_order_id(order.id),
        "status": order.status,
        "currency": order.currency,
        "lines": _order_lines(order),
        "subtotal": dollars(order.subtotal_cents),
        "total": dollars(order.total_cents),
        "created_at": order.created_at.isoformat() if order.created_at else None,
        "cancelled_at": order.cancelled_at.isoformat() if order.cancelled_at else None,
        "tracking_number": order.tracking_number,
    }


def _shipment_output(s: ShipmentInfo, currency: str) -> dict[str, Any]:
    day, weekday = _date_and_weekday(s.estimated_delivery)
    reached = [e for e in s.timeline if e.reached]
    latest = reached[-1] if reached else None
    out: dict[str, Any] = {
        "shipment_id": s.id,
        "order_id": s.order_id,
        "spoken_order_id": spoken_order_id(s.order_id),
        "carrier": s.carrier,
        "service": s.service,
        "tracking_number": s.tracking_number,
        "spoken_tracking": spoken_tracking(s.tracking_number),
        "status": s.status,
        "estimated_delivery": day,
        "estimated_delivery_weekday": weekday,
        "cost": dollars(s.cost_cents),
        "currency": currency,
        "ship_to": s.address,
    }
    if latest is not None:
        out["latest_event"] = {
            "description": latest.description,
            "location": latest.location,
            "at": latest.at.isoformat(timespec="minutes"),
        }
    return out


def _shipment_card(s: ShipmentInfo, currency: str) -> dict[str, Any]:
    return {
        "kind": "shipment",
        "id": s.id,
        "order_id": s.order_id,
        "carrier": s.carrier,
        "service": s.service,
        "tracking_number": s.tracking_number,
        "status": s.status,
        "address": s.address,
        "cost": dollars(s.cost_cents),
        "currency": currency,
        "estimated_delivery": s.estimated_delivery.isoformat(),
        "label_url": f"/api/shipments/{s.id}/label.pdf",
        "timeline": [
            {
                "status": e.status,
                "description": e.description,
                "location": e.location,
                "at": e.at.isoformat(),
                "reached": e.reached,
            }
            for e in s.timeline
        ],
    }


# ------------------------------------------------------------------------- tools


async def search_products(
    ctx: ToolContext,
    query: Query,
    category: CategoryName = None,
    max_price: MaxPrice = None,
    limit: Limit = 5,
) -> ToolResult:
    """Search the Contoso catalog with the shopper's own words. Misspellings and
    speech-recognition slips are tolerated, and price phrases ('under fifty dollars')
    and 'in stock' are understood from the text. Use it to find product ids before
    ordering. Returns the best matches with price and availability, the total number
    of matches, and what was understood."""
    page = await backend_for(ctx).search_products(
        query,
        category=category,
        max_price_cents=_cents_from_dollars(max_price),
        limit=limit,
    )
    currency = ctx.settings.currency
    output = {
        "total": page.total,
        "currency": currency,
        "understood": _understood(page.understood),
        "products": [_product_hit(p) for p in page.products],
    }
    if not page.products:
        output["hint"] = "nothing matched; suggest other words, a category or a higher budget"
    card = {
        "kind": "products",
        "query": query,
        "total": page.total,
        "items": [_product_item(p, currency) for p in page.products],
    }
    return ToolResult(output=_fit(output, "products"), card=card)


async def get_product(ctx: ToolContext, product_id: ProductId) -> ToolResult:
    """Details of one product: description, price, availability, colours, sizes and
    other attributes. Use it when the shopper asks about a specific product."""
    p = await backend_for(ctx).get_product(product_id)
    currency = ctx.settings.currency
    attributes = {k: v for k, v in p.attributes.items() if k != "colors"}
    output = _compact(
        {
            "id": p.id,
            "name": p.name,
            "brand": p.brand,
            "category": p.category_name,
            "price": dollars(p.price_cents),
            "currency": currency,
            "stock": availability(p.stock),
            "colors": list(p.colors),
            "attributes": attributes,
            "description": _clip(p.description, MAX_DESCRIPTION_CHARS),
        }
    )
    if len(orjson.dumps(output)) > MAX_OUTPUT_CHARS:
        output.pop("attributes", None)
    card = {"kind": "products", "items": [_product_item(p, currency)]}
    return ToolResult(output=output, card=card)


async def list_categories(ctx: ToolContext) -> ToolResult:
    """The store's product categories with how many products each has. Use it when
    the shopper asks what the store sells."""
    categories = await backend_for(ctx).list_categories()
    output = {
        "categories": [
            {"name": c.name, "category": c.slug, "products": c.product_count} for c in categories
        ]
    }
    card = {
        "kind": "categories",
        "items": [
            {"slug": c.slug, "name": c.name, "product_count": c.product_count} for c in categories
        ],
    }
    return ToolResult(output=_fit(output, "categories"), card=card)


async def create_order(ctx: ToolContext, lines: OrderLines) -> ToolResult:
    """Place an order once the shopper has confirmed the products and quantities.
    Stock is reserved at once. Calling again for the same function call never creates
    a second order. Returns the eight-digit order number (read it out as spoken_id)
    and the total."""
    # The registry passes arguments through model_dump(): lines may arrive as dicts.
    parsed = [OrderLine.model_validate(ln) for ln in lines]
    requests = [LineRequest(ln.product_id, ln.quantity) for ln in parsed]
    order = await backend_for(ctx).create_order(
        requests, idempotency_key=ctx.idempotency_key, call_id=ctx.call_id
    )
    output = _order_output(order)
    if order.repeated:
        output["note"] = "this order was already placed by an earlier identical request"
    return ToolResult(output=output, card=_order_card(order), links=[("order", order.id)])


async def get_order(ctx: ToolContext, order_id: OrderNumber) -> ToolResult:
    """Look up an order by its eight-digit number: status (placed, shipped or
    cancelled), lines, total and, once shipped, the tracking number."""
    order = await backend_for(ctx).get_order(normalise_order_number(order_id))
    return ToolResult(output=_order_output(order), card=_order_card(order))


async def cancel_order(
    ctx: ToolContext, order_id: OrderNumber, reason: Reason = None
) -> ToolResult:
    """Cancel an order that has not shipped yet, after the shopper confirms; its stock
    goes back on the shelf. A shipped order cannot be cancelled (offer a return)."""
    order = await backend_for(ctx).cancel_order(normalise_order_number(order_id), reason=reason)
    output = _order_output(order)
    if order.repeated:
        output["note"] = "the order was already cancelled"
    return ToolResult(output=output, card=_order_card(order))


async def create_shipment(
    ctx: ToolContext, order_id: OrderNumber, address: Address, speed: Speed = "standard"
) -> ToolResult:
    """Ship a placed order to the shopper's address (United States or Canada): the
    address is checked and normalised, a carrier is chosen and a tracking number
    issued. Read the normalised address back (ship_to). Returns carrier, tracking
    number (read it as spoken_tracking), cost and the estimated delivery day. An order
    ships once: asking again returns the same shipment."""
    shipment = await backend_for(ctx).create_shipment(
        normalise_order_number(order_id), address=address, speed=speed
    )
    currency = ctx.settings.currency
    output = _shipment_output(shipment, currency)
    if shipment.repeated:
        output["note"] = "the order had already shipped; this is its shipment"
    return ToolResult(
        output=output,
        card=_shipment_card(shipment, currency),
        links=[("shipment", shipment.id)],
    )


async def track_shipment(
    ctx: ToolContext,
    tracking_number: TrackingNumber = None,
    order_id: OptionalOrderNumber = None,
) -> ToolResult:
    """Where a shipment is: current status, latest event and estimated delivery day.
    Give exactly one of tracking_number or order_id."""
    given_tracking = bool(tracking_number and tracking_number.strip())
    given_order = bool(order_id and order_id.strip())
    if given_tracking == given_order:
        raise ToolError("give exactly one of tracking_number or order_id")
    backend = backend_for(ctx)
    currency = ctx.settings.currency
    if tracking_number is not None and given_tracking:
        if not is_valid(tracking_number):
            raise ToolError(
                f"{normalise_tracking(tracking_number)} is not a valid tracking number "
                "(a character was probably misheard); ask the shopper to read it again"
            )
        shipment = await backend.shipment_by_tracking(tracking_number)
    else:
        assert order_id is not None
        number = normalise_order_number(order_id)
        found = await backend.shipment_for_order(number)
        if found is None:
            order = await backend.get_order(number)
            output = {
                "order_id": order.id,
                "spoken_order_id": spoken_order_id(order.id),
                "order_status": order.status,
                "shipped": False,
                "note": "this order has no shipment yet",
            }
            return ToolResult(output=output, card=_order_card(order))
        shipment = found
    return ToolResult(
        output=_shipment_output(shipment, currency), card=_shipment_card(shipment, currency)
    )


STORE_TOOLS: Final[tuple[Handler, ...]] = (
    search_products,
    get_product,
    list_categories,
    create_order,
    get_order,
    cancel_order,
    create_shipment,
    track_shipment,
)


def register_store_tools(registry: ToolRegistry) -> None:
    """Add the store's tools to ``registry``."""
    for handler in STORE_TOOLS:
        registry.add(handler)
