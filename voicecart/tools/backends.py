"""Where the store tools get their data: this process's own services, or the seed's Contoso API.

``InProcessBackend`` (the default) calls the catalog, order and shipping services
directly. ``HttpBackend`` is used when ``ecom_api_url`` is set: it speaks to the
seed's external Contoso API, which offers only three routes, and maps our
operations onto them (or refuses them with a ``ToolError`` the model can speak).

Both return the plain frozen dataclasses below, never ORM objects, so the tools
do not care which backend runs.
"""

from __future__ import annotations

import asyncio
import weakref
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final, Protocol

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from voicecart.api.product_schemas import image_url
from voicecart.commerce import catalog
from voicecart.commerce import orders as order_service
from voicecart.commerce.models import Order
from voicecart.commerce.query import content_tokens, extract_price, prepare, stem, strip_noise
from voicecart.errors import NotFound
from voicecart.shipping import service as shipping
from voicecart.shipping.models import Shipment
from voicecart.storage.base import utcnow
from voicecart.tools.context import ToolContext
from voicecart.tools.registry import ToolError

HTTP_TIMEOUT_SECONDS: Final = 5.0
EXTERNAL = "the external store API"

# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class ProductInfo:
    id: int
    name: str
    category: str  # slug in process; the API's category name externally
    category_name: str
    price_cents: int
    stock: int | None  # None: the backend does not say
    description: str
    image_url: str
    brand: str | None = None
    colors: tuple[str, ...] = ()
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Understood:
    """What the search made of the shopper's words."""

    terms: tuple[str, ...] = ()
    corrections: dict[str, str] = field(default_factory=dict)
    category: str | None = None
    min_price_cents: int | None = None
    max_price_cents: int | None = None
    color: str | None = None
    in_stock_only: bool = False


@dataclass(frozen=True)
class ProductPage:
    products: list[ProductInfo]
    total: int  # matches before the limit
    understood: Understood


@dataclass(frozen=True)
class CategorySummary:
    slug: str
    name: str
    product_count: int


@dataclass(frozen=True)
class OrderLineInfo:
    product_id: int
    name: str
    quantity: int
    unit_price_cents: int

    @property
    def line_total_cents(self) -> int:
        return self.unit_price_cents * self.quantity


@dataclass(frozen=True)
class OrderInfo:
    id: str
    status: str
    currency: str
    lines: tuple[OrderLineInfo, ...]
    subtotal_cents: int
    total_cents: int
    created_at: datetime | None = None
    cancelled_at: datetime | None = None
    repeated: bool = False  # an earlier identical call already placed it
    tracking_number: str | None = None  # when shipped


@dataclass(frozen=True)
class TimelineStep:
    status: str
    description: str
    location: str
    at: datetime
    reached: bool


@dataclass(frozen=True)
class ShipmentInfo:
    id: str
    order_id: str
    carrier: str
    service: str
    tracking_number: str
    status: str
    address: str  # one line, normalised
    estimated_delivery: datetime
    cost_cents: int
    timeline: tuple[TimelineStep, ...]
    repeated: bool = False  # the order already had this shipment


@dataclass(frozen=True)
class LineRequest:
    product_id: int
    quantity: int


class StoreBackend(Protocol):
    """What the store tools need of a store."""

    async def search_products(
        self,
        query: str,
        *,
        category: str | None = None,
        max_price_cents: int | None = None,
        limit: int = 5,
    ) -> ProductPage: ...

    async def get_product(self, product_id: int) -> ProductInfo: ...

    async def list_categories(self) -> list[CategorySummary]: ...

    async def create_order(
        self, lines: Sequence[LineRequest], *, idempotency_key: str, call_id: str | None
    ) -> OrderInfo: ...

    async def get_order(self, order_id: str) -> OrderInfo: ...

    async def cancel_order(self, order_id: str, *, reason: str | None = None) -> OrderInfo: ...

    async def create_shipment(self, order_id: str, *, address: str, speed: str) -> ShipmentInfo: ...

    async def shipment_by_tracking(self, tracking_number: str) -> ShipmentInfo: ...

    async def shipment_for_order(self, order_id: str) -> ShipmentInfo | None:
        """The order's shipment, None when it has not shipped; NotFound for no such order."""
        ...


# ------------------------------------------------------------------ in process


def product_image_path(product_id: int) -> str:
    """Where this app serves a product's artwork: ``/api/products/{id}/image.svg``."""
    return image_url("", product_id)


def _product_info(product: catalog.ProductView, category_name: str) -> ProductInfo:
    return ProductInfo(
        id=product.id,
        name=product.name,
        category=product.category_slug,
        category_name=category_name,
        price_cents=product.price_cents,
        stock=product.stock,
        description=product.description,
        image_url=product_image_path(product.id),
        brand=product.brand,
        colors=catalog.product_colors(product),
        attributes=dict(product.attributes or {}),
    )


def _order_info(
    order: Order, *, repeated: bool = False, tracking_number: str | None = None
) -> OrderInfo:
    return OrderInfo(
        id=order.id,
        status=order.status,
        currency=order.currency,
        lines=tuple(
            OrderLineInfo(ln.product_id, ln.name, ln.quantity, ln.unit_price_cents)
            for ln in order.lines
        ),
        subtotal_cents=order.subtotal_cents,
        total_cents=order.total_cents,
        created_at=order.created_at,
        cancelled_at=order.cancelled_at,
        repeated=repeated,
        tracking_number=tracking_number,
    )


def _shipment_info(shipment: Shipment, *, repeated: bool = False) -> ShipmentInfo:
    view = shipping.shipment_view(shipment, utcnow())
    return ShipmentInfo(
        id=view.id,
        order_id=view.order_id,
        carrier=view.carrier,
        service=view.service,
        tracking_number=view.tracking_number,
        status=view.status,
        address=view.address.one_line(),
        estimated_delivery=view.estimated_delivery,
        cost_cents=view.cost_cents,
        timeline=tuple(
            TimelineStep(e.status, e.description, e.location, e.at, e.reached)
            for e in view.timeline
        ),
        repeated=repeated,
    )


class InProcessBackend:
    """The domain services of this process; one database session per operation."""

    def __init__(self, ctx: ToolContext) -> None:
        self._db = ctx.db
        self._settings = ctx.settings
        self._index = ctx.index

    async def _category_names(self, session: AsyncSession) -> dict[str, str]:
        return {c.slug: c.name for c, _ in await catalog.list_categories(session)}

    async def _resolve_category(self, session: AsyncSession, name: str) -> str:
        found = await catalog.resolve_category(session, name)
        if found is not None:
            return found.slug
        # "shoes", "gadgets": a category's synonym on its own.
        slug = self._index.parse(name).category
        names = await self._category_names(session)
        if slug is not None and slug in names:
            return slug
        raise ToolError(
            f"there is no category {name!r}; the categories are: {', '.join(names.values())}"
        )

    async def _refresh_stock(self, session: AsyncSession, product_ids: Sequence[int]) -> None:
        """Keep the search index's stock (used for "in stock" filters) in step with orders."""
        for product in await catalog.products_by_ids(session, list(product_ids)):
            self._index.update_stock(product.id, product.stock)
        await session.rollback()

    async def search_products(
        self,
        query: str,
        *,
        category: str | None = None,
        max_price_cents: int | None = None,
        limit: int = 5,
    ) -> ProductPage:
        async with self._db.session() as session:
            slug = await self._resolve_category(session, category) if category else None
            page = await catalog.search_products(
                session,
                self._index,
                query,
                category=slug,
                max_price_cents=max_price_cents,
                limit=limit,
            )
            names = await self._category_names(session)
            p = page.parsed
            return ProductPage(
                products=[_product_info(x, names[x.category_slug]) for x in page.products],
                total=page.total,
                understood=Understood(
                    terms=p.terms,
                    corrections=dict(p.corrections),
                    category=p.category,
                    min_price_cents=p.min_price_cents,
                    max_price_cents=p.max_price_cents,
                    color=p.color,
                    in_stock_only=p.in_stock_only,
                ),
            )

    async def get_product(self, product_id: int) -> ProductInfo:
        async with self._db.session() as session:
            product = await catalog.get_product(session, product_id)
            names = await self._category_names(session)
            return _product_info(product, names[product.category_slug])

    async def list_categories(self) -> list[CategorySummary]:
        async with self._db.session() as session:
            return [
                CategorySummary(c.slug, c.name, n)
                for c, n in await catalog.list_categories(session)
            ]

    async def create_order(
        self, lines: Sequence[LineRequest], *, idempotency_key: str, call_id: str | None
    ) -> OrderInfo:
        request = order_service.OrderRequest(
            lines=[order_service.LineRequest(ln.product_id, ln.quantity) for ln in lines],
            channel="voice",
            call_id=call_id,
        )
        async with self._db.session() as session:
            order, created = await order_service.create_order(
                session,
                request,
                idempotency_key=idempotency_key,
                currency=self._settings.currency,
            )
            info = _order_info(order, repeated=not created)
            await self._refresh_stock(session, [ln.product_id for ln in info.lines])
        return info

    async def get_order(self, order_id: str) -> OrderInfo:
        async with self._db.session() as session:
            order = await order_service.get_order(session, order_id)
            shipment = await shipping.get_for_order(session, order_id)
            tracking = shipment.tracking_number if shipment is not None else None
            return _order_info(order, tracking_number=tracking)

    async def cancel_order(self, order_id: str, *, reason: str | None = None) -> OrderInfo:
        async with self._db.session() as session:
            order, changed = await order_service.cancel_order(session, order_id, reason=reason)
            info = _order_info(order, repeated=not changed)
            await self._refresh_stock(session, [ln.product_id for ln in info.lines])
        return info

    async def create_shipment(self, order_id: str, *, address: str, speed: str) -> ShipmentInfo:
        async with self._db.session() as session:
            shipment, created = await shipping.create_shipment(
                session,
                order_id=order_id,
                address=address,
                speed=speed,
                origin_zip=self._settings.warehouse_zip,
                time_scale=self._settings.shipment_time_scale,
            )
            return _shipment_info(shipment, repeated=not created)

    async def shipment_by_tracking(self, tracking_number: str) -> ShipmentInfo:
        async with self._db.session() as session:
            return _shipment_info(await shipping.get_by_tracking(session, tracking_number))

    async def shipment_for_order(self, order_id: str) -> ShipmentInfo | None:
        async with self._db.session() as session:
            await order_service.get_order(session, order_id)  # NotFound for no such order
            shipment = await shipping.get_for_order(session, order_id)
            return _shipment_info(shipment) if shipment is not None else None


# --------------------------------------------------------------------- over HTTP


def _cents(value: Any) -> int:
    return round(float(value) * 100)


def _seed_product(row: dict[str, Any]) -> ProductInfo:
    return ProductInfo(
        id=int(row["id"]),
        name=str(row["ProductName"]),
        category=str(row["Category"]),
        category_name=str(row["Category"]),
        price_cents=_cents(row["Price"]),
        stock=None,
        description=str(row.get("ProductDescription") or ""),
        image_url=str(row.get("imageurl") or ""),
    )


def _words(text: str) -> set[str]:
    return {stem(w) for w in content_tokens(prepare(text))}


def _not_available(what: str) -> ToolError:
    return ToolError(f"{what} is not available with {EXTERNAL}")


def _error_reason(response: httpx.Response) -> str:
    status = response.status_code
    detail = ""
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict):
        raw = body.get("detail")
        if isinstance(raw, str):
            detail = raw
        elif isinstance(raw, list):
            detail = "; ".join(
                str(e.get("msg", "")) for e in raw if isinstance(e, dict) and e.get("msg")
            )
    detail = detail[:200]
    if status == 404:
        return detail or f"{EXTERNAL} does not know that item"
    if status in (409, 400):
        return detail or f"{EXTERNAL} refused the request"
    if status == 422:
        return f"{EXTERNAL} rejected the request" + (f": {detail}" if detail else "")
    if status >= 500:
        return f"{EXTERNAL} had a problem (HTTP {status}); offer to try again"
    return f"{EXTERNAL} answered HTTP {status}" + (f": {detail}" if detail else "")


class HttpBackend:
    """The seed's Contoso API: product search by category and maximum price, category
    listing, and a one-product order (``GET /api/orders/?id=&quantity=``)."""

    def __init__(
        self,
        base_url: str,
        client: httpx.AsyncClient,
        *,
        currency: str = "USD",
        timeout: float = HTTP_TIMEOUT_SECONDS,
    ) -> None:
        self._base = base_url.rstrip("/")
        self._client = client
        self._currency = currency
        self._timeout = timeout

    async def _get(
        self, path: str, params: dict[str, str] | None = None, headers: dict[str, str] | None = None
    ) -> Any:
        try:
            response = await self._client.get(
                self._base + path, params=params, headers=headers, timeout=self._timeout
            )
        except httpx.TimeoutException as exc:
            raise ToolError(
                f"{EXTERNAL} did not answer within {self._timeout:g} s; offer to try again"
            ) from exc
        except httpx.HTTPError as exc:
            raise ToolError(f"{EXTERNAL} could not be reached; offer to try again") from exc
        if response.status_code >= 400:
            raise ToolError(_error_reason(response))
        try:
            return response.json()
        except ValueError as exc:
            raise ToolError(f"{EXTERNAL} sent an answer that could not be read") from exc

    async def _products(
        self, *, category: str | None = None, max_price_cents: int | None = None
    ) -> list[ProductInfo]:
        params: dict[str, str] = {}
        if category:
            params["category"] = category
        if max_price_cents is not None:
            params["price"] = f"{max_price_cents / 100:.2f}"
        rows = await self._get("/api/products/search", params)
        if not isinstance(rows, list):
            raise ToolError(f"{EXTERNAL} sent an answer that could not be read")
        try:
            return [_seed_product(r) for r in rows]
        except (KeyError, TypeError, ValueError) as exc:
            raise ToolError(f"{EXTERNAL} sent products in an unexpected shape") from exc

    async def search_products(
        self,
        query: str,
        *,
        category: str | None = None,
        max_price_cents: int | None = None,
        limit: int = 5,
    ) -> ProductPage:
        # The API filters by category and maximum price; the words are matched here.
        price = extract_price(strip_noise(prepare(query)))
        hi = max_price_cents if max_price_cents is not None else price.max_cents
        lo = price.min_cents
        products = await self._products(category=category, max_price_cents=hi)
        words = {stem(w) for w in content_tokens(price.rest)}
        scored: list[tuple[int, int, ProductInfo]] = []
        for p in products:
            if lo is not None and p.price_cents < lo:
                continue
            if words:
                name = _words(p.name)
                other = _words(f"{p.category} {p.description}")
                score = sum(3 if w in name else 1 if w in other else 0 for w in words)
                if score == 0:
                    continue
            else:
                score = 0
            scored.append((-score, p.price_cents, p))
        scored.sort(key=lambda t: (t[0], t[1], t[2].id))
        return ProductPage(
            products=[p for _, _, p in scored[:limit]],
            total=len(scored),
            understood=Understood(
                terms=tuple(sorted(words)),
                category=category,
                min_price_cents=lo,
                max_price_cents=hi,
            ),
        )

    async def get_product(self, product_id: int) -> ProductInfo:
        for p in await self._products():
            if p.id == product_id:
                return p
        raise NotFound("product", product_id)

    async def list_categories(self) -> list[CategorySummary]:
        counts = Counter(p.category for p in await self._products())
        return [CategorySummary(name, name, n) for name, n in sorted(counts.items())]

    async def create_order(
        self, lines: Sequence[LineRequest], *, idempotency_key: str, call_id: str | None
    ) -> OrderInfo:
        merged: dict[int, int] = {}
        for ln in lines:
            merged[ln.product_id] = merged.get(ln.product_id, 0) + ln.quantity
        if len(merged) != 1:
            raise ToolError(
                f"{EXTERNAL} takes one product per order and one call per line would not be "
                f"atomic, so this order of {len(merged)} products was NOT placed; "
                "order the products one at a time"
            )
        ((product_id, quantity),) = merged.items()
        body = await self._get(
            "/api/orders/",
            {"id": str(product_id), "quantity": str(quantity)},
            headers={"Idempotency-Key": idempotency_key},
        )
        try:
            line = OrderLineInfo(
                int(body["ProductId"]),
                str(body["Name"]),
                int(body["Quantity"]),
                _cents(body["Price"]),
            )
            total = _cents(body["Total"])
            order_id = str(body["OrderId"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ToolError(f"{EXTERNAL} confirmed the order in an unexpected shape") from exc
        return OrderInfo(
            id=order_id,
            status="placed",
            currency=self._currency,
            lines=(line,),
            subtotal_cents=total,
            total_cents=total,
        )

    async def get_order(self, order_id: str) -> OrderInfo:
        raise _not_available("looking up orders")

    async def cancel_order(self, order_id: str, *, reason: str | None = None) -> OrderInfo:
        raise _not_available("cancelling orders")

    async def create_shipment(self, order_id: str, *, address: str, speed: str) -> ShipmentInfo:
        raise _not_available("shipping")

    async def shipment_by_tracking(self, tracking_number: str) -> ShipmentInfo:
        raise _not_available("shipment tracking")

    async def shipment_for_order(self, order_id: str) -> ShipmentInfo | None:
        raise _not_available("shipment tracking")


# ------------------------------------------------------------------------ choice

# One client per base URL, per event loop (an httpx client's pooled connections
# belong to the loop that opened them).
_clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, httpx.AsyncClient]] = (
    weakref.WeakKeyDictionary()
)


def _shared_client(base_url: str) -> httpx.AsyncClient:
    per_loop = _clients.setdefault(asyncio.get_running_loop(), {})
    client = per_loop.get(base_url)
    if client is None or client.is_closed:
        client = per_loop[base_url] = httpx.AsyncClient(
            timeout=HTTP_TIMEOUT_SECONDS, headers={"User-Agent": "voicecart-tools"}
        )
    return client


async def close_http_clients() -> None:
    """Close the shared clients of the running event loop (at shutdown)."""
    per_loop = _clients.pop(asyncio.get_running_loop(), {})
    for client in per_loop.values():
        await client.aclose()


def backend_for(ctx: ToolContext) -> StoreBackend:
    """The external API when ``ecom_api_url`` is set, else this process's services."""
    url = ctx.settings.ecom_api_url
    if url:
        return HttpBackend(url, _shared_client(url), currency=ctx.settings.currency)
    return InProcessBackend(ctx)
