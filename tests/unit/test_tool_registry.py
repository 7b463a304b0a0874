"""The tool registry: generated store-tool schemas, and run() turning failures into outputs."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

import orjson
import pytest
from pydantic import Field

from voicecart.errors import Conflict, FieldError, ValidationFailed
from voicecart.tools.registry import ToolError, ToolRegistry, ToolResult
from voicecart.tools.store_tools import (
    availability,
    normalise_order_number,
    register_store_tools,
    spoken_order_id,
    spoken_tracking,
)

pytestmark = pytest.mark.unit

STORE_TOOLS = {
    "search_products": {"query"},
    "get_product": {"product_id"},
    "list_categories": set(),
    "create_order": {"lines"},
    "get_order": {"order_id"},
    "cancel_order": {"order_id"},
    "create_shipment": {"order_id", "address"},
    "track_shipment": set(),
}


@pytest.fixture
def store() -> ToolRegistry:
    registry = ToolRegistry()
    register_store_tools(registry)
    return registry


def _definition(registry: ToolRegistry, name: str) -> dict[str, Any]:
    (definition,) = registry.definitions([name])
    return definition


def _walk(schema: Any) -> list[dict[str, Any]]:
    """Every object schema nested in ``schema``."""
    found: list[dict[str, Any]] = []
    if isinstance(schema, dict):
        if schema.get("type") == "object":
            found.append(schema)
        for value in schema.values():
            found += _walk(value)
    elif isinstance(schema, list):
        for value in schema:
            found += _walk(value)
    return found


# ------------------------------------------------------------------------ schemas


def test_store_tools_are_registered_by_their_product_names(store: ToolRegistry) -> None:
    assert store.names() == list(STORE_TOOLS)


def test_registering_twice_is_refused(store: ToolRegistry) -> None:
    with pytest.raises(ValueError, match="registered twice"):
        register_store_tools(store)


@pytest.mark.parametrize("name", list(STORE_TOOLS))
def test_every_store_tool_has_a_complete_schema(store: ToolRegistry, name: str) -> None:
    definition = _definition(store, name)
    assert definition["type"] == "function"
    assert definition["name"] == name
    assert len(definition["description"]) > 40
    params = definition["parameters"]
    assert params["type"] == "object"
    assert params["additionalProperties"] is False
    assert set(params.get("required", [])) == STORE_TOOLS[name]
    for prop_name, prop in params["properties"].items():
        assert prop.get("description"), f"{name}.{prop_name} has no description"
        assert "type" in prop or "anyOf" in prop or "enum" in prop, f"{name}.{prop_name}"
        assert "title" not in prop
    # Nested objects forbid extra keys too, and no "$ref" needs resolving.
    for obj in _walk(params):
        assert obj.get("additionalProperties") is False
    assert "$ref" not in orjson.dumps(params).decode()


def test_argument_types_and_bounds(store: ToolRegistry) -> None:
    search = _definition(store, "search_products")["parameters"]["properties"]
    assert search["query"]["type"] == "string"
    assert search["limit"] == {
        "default": 5,
        "description": search["limit"]["description"],
        "maximum": 8,
        "minimum": 1,
        "type": "integer",
    }
    assert {"type": "null"} in search["category"]["anyOf"]
    assert {"type": "number", "minimum": 0, "maximum": 1_000_000} in search["max_price"]["anyOf"]

    lines = _definition(store, "create_order")["parameters"]["properties"]["lines"]
    assert lines["type"] == "array"
    assert (lines["minItems"], lines["maxItems"]) == (1, 10)
    item = lines["items"]
    assert item["required"] == ["product_id", "quantity"]
    assert item["properties"]["product_id"]["minimum"] == 1
    assert (
        item["properties"]["quantity"]["minimum"],
        item["properties"]["quantity"]["maximum"],
    ) == (
        1,
        20,
    )

    shipment = _definition(store, "create_shipment")["parameters"]["properties"]
    assert shipment["speed"]["enum"] == ["standard", "expedited", "overnight"]
    assert shipment["speed"]["default"] == "standard"
    assert shipment["address"]["type"] == "string"
    assert (
        _definition(store, "get_order")["parameters"]["properties"]["order_id"]["maxLength"] == 80
    )


@pytest.mark.parametrize(
    ("name", "arguments", "field"),
    [
        ("create_order", {"lines": []}, "lines"),
        ("create_order", {"lines": [{"product_id": 1, "quantity": 21}]}, "lines.0.quantity"),
        ("create_order", {"lines": [{"product_id": 0, "quantity": 1}]}, "lines.0.product_id"),
        ("create_order", {"lines": [{"product_id": 1, "quantity": 1, "size": 9}]}, "lines.0.size"),
        ("create_order", {"lines": [{"product_id": 1, "quantity": 1}] * 11}, "lines"),
        ("search_products", {"query": "tents", "limit": 50}, "limit"),
        ("search_products", {"query": "tents", "max_price": -1}, "max_price"),
        ("search_products", {}, "query"),
        (
            "create_shipment",
            {"order_id": "12345678", "address": "1 Main St, Seattle WA 98101", "speed": "teleport"},
            "speed",
        ),
        ("get_order", {"order_id": "1" * 81}, "order_id"),
        ("get_product", {"product_id": "seven"}, "product_id"),
        ("list_categories", {"unexpected": 1}, "unexpected"),
    ],
)
async def test_store_tool_arguments_are_validated_before_the_handler(
    store: ToolRegistry, name: str, arguments: dict[str, Any], field: str
) -> None:
    outcome = await store.run(name, arguments, ctx=None)  # the handler would need a context
    assert not outcome.ok
    assert outcome.output["error"] == "invalid arguments"
    assert field in [f["field"] for f in outcome.output["fields"]]


# ------------------------------------------------------------------- run() failures


@pytest.fixture
def toys() -> ToolRegistry:
    registry = ToolRegistry()

    @registry.tool
    async def echo(
        ctx: object,
        word: Annotated[str, Field(min_length=1, max_length=10, description="A word")],
        times: Annotated[int, Field(ge=1, le=3, description="How often")] = 1,
    ) -> ToolResult:
        """Say a word a few times."""
        return ToolResult(output={"said": " ".join([word] * times)}, card={"kind": "echo"})

    @registry.tool
    async def refuse(ctx: object) -> ToolResult:
        """Always refuse."""
        raise ToolError("the shopper must confirm first")

    @registry.tool
    async def conflict(ctx: object) -> ToolResult:
        """Always conflict."""
        raise Conflict("order 12345678 has already shipped")

    @registry.tool
    async def invalid(ctx: object) -> ToolResult:
        """Domain validation fails."""
        raise ValidationFailed([FieldError("address.postal_code", "must be 5 digits")])

    async def slow(ctx: object) -> ToolResult:
        """Take too long."""
        await asyncio.sleep(5)
        return ToolResult(output={})

    registry.add(slow, timeout=0.05)

    @registry.tool
    async def crash(ctx: object) -> ToolResult:
        """Crash with a secret in the message."""
        raise RuntimeError("password=hunter2 at db.internal:5432")

    return registry


async def test_a_good_call_returns_output_card_and_arguments(toys: ToolRegistry) -> None:
    outcome = await toys.run("echo", '{"word": "hi", "times": 2}', ctx=None)
    assert outcome.ok
    assert outcome.output == {"said": "hi hi"}
    assert outcome.card == {"kind": "echo"}
    assert outcome.arguments == {"word": "hi", "times": 2}
    assert outcome.output_json() == '{"said":"hi hi"}'
    assert outcome.error is None


@pytest.mark.parametrize("arguments", ['{"word": ', "not json", ""])
async def test_bad_json_becomes_an_output(toys: ToolRegistry, arguments: str) -> None:
    outcome = await toys.run("echo", arguments, ctx=None)
    assert not outcome.ok
    assert outcome.output == {"error": "arguments are not valid JSON"}


@pytest.mark.parametrize("arguments", ["[1, 2]", '"word"', "3"])
async def test_arguments_must_be_an_object(toys: ToolRegistry, arguments: str) -> None:
    outcome = await toys.run("echo", arguments, ctx=None)
    assert not outcome.ok
    assert outcome.output == {"error": "arguments must be a JSON object"}


async def test_unknown_tool_lists_the_available_ones(toys: ToolRegistry) -> None:
    outcome = await toys.run("teleport", "{}", ctx=None)
    assert not outcome.ok
    assert "teleport" in outcome.output["error"]
    assert "echo" in outcome.output["available"]


async def test_missing_argument_names_the_field(toys: ToolRegistry) -> None:
    outcome = await toys.run("echo", "{}", ctx=None)
    assert not outcome.ok
    assert outcome.output["fields"] == [{"field": "word", "message": "Field required"}]


async def test_invalid_arguments_name_each_field(toys: ToolRegistry) -> None:
    outcome = await toys.run("echo", {"word": "", "times": 9, "extra": True}, ctx=None)
    assert not outcome.ok
    assert {f["field"] for f in outcome.output["fields"]} == {"word", "times", "extra"}
    assert outcome.arguments == {"word": "", "times": 9, "extra": True}


async def test_tool_error_is_spoken_as_is(toys: ToolRegistry) -> None:
    outcome = await toys.run("refuse", "{}", ctx=None)
    assert not outcome.ok
    assert outcome.output == {"error": "the shopper must confirm first", "code": "tool_error"}
    assert outcome.error == "the shopper must confirm first"


async def test_domain_errors_keep_their_code(toys: ToolRegistry) -> None:
    outcome = await toys.run("conflict", "{}", ctx=None)
    assert outcome.output == {"error": "order 12345678 has already shipped", "code": "conflict"}
    outcome = await toys.run("invalid", "{}", ctx=None)
    assert outcome.output["fields"] == [
        {"field": "address.postal_code", "message": "must be 5 digits"}
    ]


async def test_a_slow_handler_is_stopped(toys: ToolRegistry) -> None:
    outcome = await asyncio.wait_for(toys.run("slow", "{}", ctx=None), timeout=2)
    assert not outcome.ok
    assert outcome.output["retryable"] is True
    assert "slow took longer than 0.05 s" in outcome.output["error"]


async def test_a_crash_does_not_leak_the_exception(
    toys: ToolRegistry, caplog: pytest.LogCaptureFixture
) -> None:
    outcome = await toys.run("crash", "{}", ctx=None)
    assert not outcome.ok
    assert outcome.output["retryable"] is True
    assert outcome.error == "internal error"
    text = outcome.output_json()
    assert "hunter2" not in text and "RuntimeError" not in text and "5432" not in text
    assert any(r.exc_info for r in caplog.records)  # the details go to the log instead


def test_a_tool_needs_a_docstring() -> None:
    registry = ToolRegistry()

    async def nameless(ctx: object) -> ToolResult:
        return ToolResult(output={})

    with pytest.raises(ValueError, match="docstring"):
        registry.add(nameless)


# ------------------------------------------------------------- spoken ids, stock


@pytest.mark.parametrize(
    "spoken",
    [
        "48271930",
        "4827 1930",
        "4827-1930",
        " 4827.1930 ",
        "four eight two seven one nine three zero",
        "forty eight twenty seven nineteen thirty",
        "order number four eight two seven, one nine three oh",
        "48 27 19 30",
    ],
)
def test_order_numbers_are_normalised(spoken: str) -> None:
    assert normalise_order_number(spoken) == "48271930"


def test_double_digits_are_spoken_twice() -> None:
    assert normalise_order_number("double four eight two seven one nine three") == "44827193"


@pytest.mark.parametrize("spoken", ["4827 193", "482719300", "my order", ""])
def test_wrong_length_order_numbers_are_refused(spoken: str) -> None:
    with pytest.raises(ToolError, match="order numbers have eight digits"):
        normalise_order_number(spoken)


def test_spoken_forms() -> None:
    assert spoken_order_id("48271930") == "4827 1930"
    assert spoken_tracking("NW123456789012347") == "NW 1234 5678 9012 347"
    assert spoken_tracking("CP123456785US") == "CP 1234 5678 5 US"
    assert [availability(s) for s in (None, 0, -1, 1, 5, 6, 100)] == [
        None,
        "out of stock",
        "out of stock",
        "only 1 left",
        "only 5 left",
        "in stock",
        "in stock",
    ]
