"""Shipment endpoints: the built-in shipment agent (the seed's Logic App)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Response
from pydantic import BaseModel, ConfigDict, Field

from voicecart.api.deps import SessionDep, SettingsDep
from voicecart.api.errors import error_responses
from voicecart.api.product_schemas import dollars
from voicecart.shipping import service
from voicecart.shipping.address import AddressInput
from voicecart.shipping.label import render_label_pdf
from voicecart.storage.base import utcnow

router = APIRouter(prefix="/api", tags=["shipments"])

ShipmentId = Annotated[str, Path(pattern=r"^SH[0-9A-Z]{10}$", description="Shipment id")]
TrackingNumber = Annotated[str, Path(min_length=8, max_length=40, pattern=r"^[A-Za-z0-9 -]+$")]


class StructuredAddress(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(None, max_length=120)
    street: str | None = Field(None, max_length=200)
    street2: str | None = Field(None, max_length=200)
    city: str | None = Field(None, max_length=100)
    state: str | None = Field(None, max_length=40)
    postal_code: str | None = Field(None, max_length=16)
    country: str = Field("US", max_length=40)


class ShipmentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    order_id: str = Field(pattern=r"^[0-9]{8}$", description="Eight-digit order number")
    address: StructuredAddress | Annotated[str, Field(min_length=5, max_length=300)] = Field(
        description="A structured address, or one line as the shopper says it: "
        "'ten Main Street, Seattle, Washington 98101'"
    )
    speed: Literal["standard", "expedited", "overnight"] = "standard"


class AddressOut(BaseModel):
    name: str | None
    street: str
    street2: str | None
    city: str
    state: str
    postal_code: str
    country: str
    one_line: str


class TimelineEntry(BaseModel):
    status: str
    description: str
    location: str
    at: datetime
    reached: bool


class ShipmentPublic(BaseModel):
    id: str
    order_id: str
    status: str
    carrier: str
    service: str
    tracking_number: str
    address: AddressOut
    weight_grams: int
    cost: float
    estimated_delivery: datetime
    label_url: str
    timeline: list[TimelineEntry]


def _public(view: service.ShipmentView) -> ShipmentPublic:
    a = view.address
    return ShipmentPublic(
        id=view.id,
        order_id=view.order_id,
        status=view.status,
        carrier=view.carrier,
        service=view.service,
        tracking_number=view.tracking_number,
        address=AddressOut(
            name=a.name,
            street=a.street,
            street2=a.street2,
            city=a.city,
            state=a.state,
            postal_code=a.postal_code,
            country=a.country,
            one_line=a.one_line(),
        ),
        weight_grams=view.weight_grams,
        cost=dollars(view.cost_cents),
        estimated_delivery=view.estimated_delivery,
        label_url=f"/api/shipments/{view.id}/label.pdf",
        timeline=[
            TimelineEntry(
                status=e.status,
                description=e.description,
                location=e.location,
                at=e.at,
                reached=e.reached,
            )
            for e in view.timeline
        ],
    )


@router.post(
    "/shipments",
    operation_id="create_shipment",
    status_code=201,
    responses={
        200: {"model": ShipmentPublic, "description": "The order's existing shipment"},
        **error_responses(400, 404, 409, 422),
    },
)
async def create_shipment(
    body: ShipmentCreate, response: Response, session: SessionDep, settings: SettingsDep
) -> ShipmentPublic:
    """Create the shipment for an order: validate the address, pick a carrier, issue tracking.

    Repeating the request for the same order returns the same shipment (200).
    """
    address: str | AddressInput = (
        body.address if isinstance(body.address, str) else AddressInput(**body.address.model_dump())
    )
    shipment, created = await service.create_shipment(
        session,
        order_id=body.order_id,
        address=address,
        speed=body.speed,
        origin_zip=settings.warehouse_zip,
        time_scale=settings.shipment_time_scale,
    )
    response.status_code = 201 if created else 200
    response.headers["Location"] = f"/api/shipments/{shipment.id}"
    return _public(service.shipment_view(shipment, utcnow()))


@router.get(
    "/shipments/{shipment_id}",
    operation_id="get_shipment",
    responses=error_responses(404, 422),
)
async def get_shipment(session: SessionDep, shipment_id: ShipmentId) -> ShipmentPublic:
    """A shipment with its status timeline as of now."""
    shipment = await service.get_shipment(session, shipment_id)
    return _public(service.shipment_view(shipment, utcnow()))


@router.get(
    "/shipments/{shipment_id}/label.pdf",
    operation_id="get_shipment_label",
    response_class=Response,
    responses={
        200: {"content": {"application/pdf": {}}, "description": "4×6 inch shipping label"},
        **error_responses(404, 422),
    },
)
async def shipment_label(session: SessionDep, shipment_id: ShipmentId) -> Response:
    """The printable shipping label (PDF)."""
    shipment = await service.get_shipment(session, shipment_id)
    pdf = render_label_pdf(service.label_data(shipment))
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="label-{shipment.id}.pdf"'},
    )


@router.get(
    "/tracking/{tracking_number}",
    operation_id="track_shipment",
    responses=error_responses(404, 422),
)
async def track(session: SessionDep, tracking_number: TrackingNumber) -> ShipmentPublic:
    """Look a shipment up by its tracking number (spaces and dashes are ignored)."""
    shipment = await service.get_by_tracking(session, tracking_number)
    return _public(service.shipment_view(shipment, utcnow()))


@router.get(
    "/orders/{order_id}/shipment",
    operation_id="get_order_shipment",
    responses=error_responses(404, 422),
)
async def order_shipment(
    session: SessionDep,
    order_id: Annotated[str, Path(pattern=r"^[0-9]{8}$")],
) -> ShipmentPublic:
    """The shipment of an order, if it has one."""
    shipment = await service.get_for_order(session, order_id)
    if shipment is None:
        from voicecart.errors import NotFound

        raise NotFound("shipment for order", order_id)
    return _public(service.shipment_view(shipment, utcnow()))
