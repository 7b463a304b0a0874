"""Imports every domain's tables so Alembic and tests see one complete metadata."""

from voicecart.analysis.models import CallAnalysis, CallAnalysisProduct, CallFollowUp
from voicecart.calls.models import Call, CallLink, CallToolCall, CallTurn
from voicecart.commerce.models import Category, Order, OrderLine, Product
from voicecart.shipping.models import Shipment, ShipmentEvent
from voicecart.storage.base import Base
from voicecart.storage.outbox import OutboxMessage

metadata = Base.metadata

__all__ = [
    "Call",
    "CallAnalysis",
    "CallAnalysisProduct",
    "CallFollowUp",
    "CallLink",
    "CallToolCall",
    "CallTurn",
    "Category",
    "Order",
    "OrderLine",
    "OutboxMessage",
    "Product",
    "Shipment",
    "ShipmentEvent",
    "metadata",
]
