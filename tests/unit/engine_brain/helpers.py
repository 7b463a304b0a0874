"""A scripted conversation with a brain, in the realtime wire shape, plus store outputs.

The outputs below are copied from real runs of ``voicecart/tools/store_tools.py``
(product 13 is the shipped "Trailblazer Running Shoe" at 44.99).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from voicecart.engine.interfaces import Brain, BrainRequest, FunctionCall, TextDelta

STORE_TOOLS = (
    "search_products",
    "get_product",
    "list_categories",
    "create_order",
    "get_order",
    "cancel_order",
    "create_shipment",
    "track_shipment",
)
ALL_TOOLS = (*STORE_TOOLS, "search_knowledge")


def tool_defs(names: tuple[str, ...] | list[str]) -> list[dict[str, Any]]:
    """Realtime-shaped function tools (the brain reads only the names)."""
    return [
        {
            "type": "function",
            "name": name,
            "description": f"{name} tool",
            "parameters": {"type": "object", "properties": {}},
        }
        for name in names
    ]


@dataclass
class Reply:
    text: str
    deltas: list[str]
    calls: list[FunctionCall]

    @property
    def call(self) -> FunctionCall:
        assert len(self.calls) == 1, f"expected one call, got {self.calls} / {self.text!r}"
        return self.calls[0]

    @property
    def args(self) -> dict[str, Any]:
        parsed = json.loads(self.call.arguments)
        assert isinstance(parsed, dict)
        return parsed


async def run(brain: Brain, request: BrainRequest) -> Reply:
    deltas: list[str] = []
    calls: list[FunctionCall] = []
    async for out in brain.respond(request):
        if isinstance(out, TextDelta):
            deltas.append(out.text)
        else:
            assert isinstance(out, FunctionCall)
            calls.append(out)
    return Reply("".join(deltas), deltas, calls)


@dataclass
class Conversation:
    """Items as the engine server keeps them; ``say`` adds a user turn and responds."""

    brain: Brain
    tools: tuple[str, ...] = ALL_TOOLS
    items: list[dict[str, Any]] = field(default_factory=list)
    audio: bool = True  # user turns as input_audio transcripts (else input_text)
    _calls: int = 0

    def user(self, text: str) -> None:
        part = (
            {"type": "input_audio", "transcript": text}
            if self.audio
            else {"type": "input_text", "text": text}
        )
        self.items.append({"type": "message", "role": "user", "content": [part]})

    async def respond(
        self, *, tool_choice: str | dict[str, Any] = "auto", tools: tuple[str, ...] | None = None
    ) -> Reply:
        request = BrainRequest(
            items=list(self.items),
            instructions="You are Ava.",
            tools=tool_defs(list(self.tools if tools is None else tools)),
            tool_choice=tool_choice,
        )
        reply = await run(self.brain, request)
        for call in reply.calls:
            self._calls += 1
            self.items.append(
                {
                    "type": "function_call",
                    "name": call.name,
                    "call_id": f"call_{self._calls}",
                    "arguments": call.arguments,
                }
            )
        if reply.text and not reply.calls:
            self.items.append(
                {
                    "type": "message",
                    "role": "assistant",
                    "content": [{"type": "audio", "transcript": reply.text}],
                }
            )
        return reply

    async def say(self, text: str, **kwargs: Any) -> Reply:
        self.user(text)
        return await self.respond(**kwargs)

    async def tool_output(self, output: dict[str, Any], **kwargs: Any) -> Reply:
        """Answer the last function call with ``output`` and respond."""
        last = self.items[-1]
        assert last["type"] == "function_call", f"no open call: {last}"
        self.items.append(
            {
                "type": "function_call_output",
                "call_id": last["call_id"],
                "output": json.dumps(output),
            }
        )
        return await self.respond(**kwargs)


# ----------------------------------------------------- real store tool outputs

SEARCH_RUNNING_SHOES = {
    "total": 3,
    "currency": "USD",
    "understood": {"terms": ["running", "shoes"], "max_price": 50.0},
    "products": [
        {
            "id": 13,
            "name": "Trailblazer Running Shoe",
            "price": 44.99,
            "stock": "in stock",
            "category": "Footwear",
            "colors": ["black", "blue", "red", "gray", "white"],
        },
        {
            "id": 12,
            "name": "Breeze Athletic Shorts",
            "price": 24.99,
            "stock": "in stock",
            "category": "Clothing",
            "colors": ["black", "blue", "red", "gray"],
        },
        {
            "id": 53,
            "name": "Firefly Rechargeable LED Headlamp",
            "price": 24.99,
            "stock": "in stock",
            "category": "Outdoor",
            "colors": ["black", "orange"],
        },
    ],
}
SEARCH_SHOES = {
    "total": 4,
    "currency": "USD",
    "understood": {"terms": ["running", "shoes"]},
    "products": [
        {"id": 13, "name": "Trailblazer Running Shoe", "price": 44.99, "stock": "in stock"},
        {"id": 22, "name": "Switchback Trail Running Shoe", "price": 124.99, "stock": "in stock"},
        {"id": 16, "name": "Cloudstep Walking Shoe", "price": 79.99, "stock": "in stock"},
        {"id": 15, "name": "Boardwalk Canvas Sneaker", "price": 39.99, "stock": "in stock"},
    ],
}
SEARCH_TENT = {
    "total": 1,
    "currency": "USD",
    "understood": {"terms": ["tent"], "category": "outdoor"},
    "products": [
        {
            "id": 49,
            "name": "Summit 2-Person Tent",
            "price": 189.99,
            "stock": "in stock",
            "category": "Outdoor",
            "colors": ["green", "orange"],
        }
    ],
}
SEARCH_NOTHING = {
    "total": 0,
    "currency": "USD",
    "understood": {},
    "products": [],
    "hint": "nothing matched; suggest other words, a category or a higher budget",
}
PRODUCT_13 = {
    "id": 13,
    "name": "Trailblazer Running Shoe",
    "brand": "Contoso",
    "category": "Footwear",
    "price": 44.99,
    "currency": "USD",
    "stock": "in stock",
    "colors": ["black", "blue", "red", "gray", "white"],
    "attributes": {
        "sizes": ["7", "7.5", "8", "8.5", "9", "9.5", "10", "10.5", "11", "11.5", "12", "13"],
        "material": "engineered mesh, EVA foam",
        "drop_mm": 8,
        "width": "regular",
    },
    "description": (
        "A lightweight everyday running shoe with a breathable engineered-mesh upper and a "
        "responsive EVA foam midsole. The 8 mm heel-to-toe drop and rubber outsole pods give "
        "grip on road and light trail. Each shoe weighs about 255 g in a size 9; wipe clean "
        "and air dry."
    ),
}
PRODUCT_49 = {
    "id": 49,
    "name": "Summit 2-Person Tent",
    "brand": "Adventure Works",
    "category": "Outdoor",
    "price": 189.99,
    "currency": "USD",
    "stock": "in stock",
    "colors": ["green", "orange"],
    "attributes": {"capacity_persons": 2, "seasons": 3},
    "description": (
        "A freestanding three-season backpacking tent for two, with two doors, two vestibules "
        "and 2.7 square meters of floor space. The rainfly is rated 3,000 mm waterproof."
    ),
}
ORDER_PLACED = {
    "order_id": "48271930",
    "spoken_id": "4827 1930",
    "status": "placed",
    "lines": [
        {
            "product_id": 13,
            "name": "Trailblazer Running Shoe",
            "quantity": 2,
            "unit_price": 44.99,
            "line_total": 89.98,
        }
    ],
    "total": 89.98,
    "currency": "USD",
}
SHIPMENT = {
    "shipment_id": "SHNL4EKX4ZP4",
    "order_id": "48271930",
    "spoken_order_id": "4827 1930",
    "carrier": "Northwind Parcel",
    "service": "Ground",
    "tracking_number": "NW156913332880976",
    "spoken_tracking": "NW 1569 1333 2880 976",
    "status": "created",
    "estimated_delivery": "2026-11-27",
    "estimated_delivery_weekday": "Friday",
    "cost": 0.0,
    "currency": "USD",
    "ship_to": "10 Main St, Seattle, WA 98101",
    "latest_event": {
        "description": "Order received; shipment created",
        "location": "Redmond, WA",
        "at": "2026-11-25T10:31+00:00",
    },
}
IN_TRANSIT = {
    **SHIPMENT,
    "status": "in_transit",
    "latest_event": {
        "description": "Picked up by the carrier and on its way",
        "location": "Redmond, WA",
        "at": "2026-11-26T06:00+00:00",
    },
}
NOT_SHIPPED = {
    "order_id": "48271930",
    "spoken_order_id": "4827 1930",
    "order_status": "placed",
    "shipped": False,
    "note": "this order has no shipment yet",
}
CANCELLED = {**ORDER_PLACED, "status": "cancelled"}
KNOWLEDGE_RETURNS = {
    "passages": [
        {
            "title": "Returns and Refunds",
            "text": (
                "Contoso accepts returns of unused items within 30 days of delivery. "
                "You can return unworn items within 30 days for a full refund to the "
                "original payment method. Refunds are issued within 5 business days of "
                "receiving the return."
            ),
            "source": "policies/returns.md",
        },
        {"title": "Shipping", "text": "Standard shipping is free over 50 dollars."},
    ]
}

ERR_OUT_OF_STOCK_SOME = {
    "error": "only 1 of Timberline Leather Chelsea Boot (product 18) in stock, 2 requested",
    "code": "out_of_stock",
}
ERR_OUT_OF_STOCK_NONE = {
    "error": "only 0 of Polar Insulated Parka (product 7) in stock, 1 requested",
    "code": "out_of_stock",
}
ERR_BAD_ZIP = {
    "error": "address.postal_code: 9810 is not a ZIP code: use 5 digits, or ZIP+4 like 12345-6789",
    "fields": [
        {
            "field": "address.postal_code",
            "message": "9810 is not a ZIP code: use 5 digits, or ZIP+4 like 12345-6789",
        }
    ],
}
ERR_NO_STATE = {
    "error": "address.state: state or province is required; it must be a US state or "
    "Canadian province, like Washington or WA, or Ontario or ON",
    "fields": [{"field": "address.state", "message": "state or province is required"}],
}
ERR_SEVEN_DIGITS = {
    "error": "order numbers have eight digits (heard 7 digits); ask the shopper to repeat it",
    "code": "tool_error",
}
ERR_NOT_FOUND = {"error": "order 11112222 was not found", "code": "not_found"}
ERR_SHIPPED = {
    "error": "order 48271930 has already shipped and cannot be cancelled; start a return instead",
    "code": "conflict",
}
ERR_BAD_TRACKING = {
    "error": "NW123456789012340 is not a valid tracking number (a character was probably "
    "misheard); ask the shopper to read it again",
    "code": "tool_error",
}
ERR_TIMEOUT = {"error": "the store did not answer in time", "retryable": True}
