"""A registry of tools whose JSON schemas are generated from typed signatures.

    registry = ToolRegistry()

    @registry.tool
    async def get_order(ctx: ToolContext, order_id: Annotated[str, Field(...)]) -> ToolResult:
        '''Look up an order by its eight-digit number.'''

Arguments are validated against the generated model before the handler runs.
Every failure (bad JSON, invalid argument, domain error, timeout, crash) becomes
a function output the model can speak about; ``run`` never raises.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, get_type_hints

import orjson
from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from voicecart.errors import DomainError, ValidationFailed

log = logging.getLogger(__name__)


class ToolError(Exception):
    """A failure the model should hear about, in words it can say to the shopper."""


@dataclass
class ToolResult:
    """``output`` goes back to the model; ``card`` is rendered by the UI; ``links`` tie the call
    to what it created (("order", id), ("shipment", id))."""

    output: dict[str, Any]
    card: dict[str, Any] | None = None
    links: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class ToolOutcome:
    name: str
    ok: bool
    output: dict[str, Any]
    card: dict[str, Any] | None
    links: list[tuple[str, str]]
    arguments: dict[str, Any]
    duration_ms: int
    error: str | None = None

    def output_json(self) -> str:
        return orjson.dumps(self.output).decode()


class _Args(BaseModel):
    model_config = ConfigDict(extra="forbid")


Handler = Callable[..., Awaitable[ToolResult]]


@dataclass
class Tool:
    name: str
    description: str
    params: type[BaseModel]
    handler: Handler
    timeout: float

    def definition(self) -> dict[str, Any]:
        """The ``{"type": "function", …}`` entry of the session's ``tools``."""
        schema = self.params.model_json_schema()
        schema.pop("title", None)
        for prop in schema.get("properties", {}).values():
            prop.pop("title", None)
        schema.setdefault("properties", {})
        return {
            "type": "function",
            "name": self.name,
            "description": self.description,
            "parameters": schema,
        }


def _field_errors(exc: ValidationError) -> list[dict[str, str]]:
    return [
        {"field": ".".join(str(p) for p in err["loc"]) or "arguments", "message": err["msg"]}
        for err in exc.errors()
    ]


class ToolRegistry:
    def __init__(self, *, default_timeout: float = 10.0) -> None:
        self._tools: dict[str, Tool] = {}
        self.default_timeout = default_timeout

    def tool(
        self, fn: Handler | None = None, *, timeout: float | None = None, name: str | None = None
    ) -> Any:
        """Register ``async def fn(ctx, **params) -> ToolResult``; the docstring describes it."""

        def register(handler: Handler) -> Handler:
            self.add(handler, timeout=timeout, name=name)
            return handler

        return register(fn) if fn is not None else register

    def add(
        self, handler: Handler, *, timeout: float | None = None, name: str | None = None
    ) -> Tool:
        tool_name = name or handler.__name__
        if tool_name in self._tools:
            raise ValueError(f"tool {tool_name!r} registered twice")
        hints = get_type_hints(handler, include_extras=True)
        params = list(inspect.signature(handler).parameters.values())[1:]  # skip ctx
        fields: dict[str, Any] = {}
        for p in params:
            if p.kind not in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY):
                raise TypeError(f"{tool_name}: only named parameters are supported")
            default = ... if p.default is inspect.Parameter.empty else p.default
            fields[p.name] = (hints[p.name], default)
        model = create_model(f"{tool_name}_arguments", __base__=_Args, **fields)
        description = inspect.cleandoc(handler.__doc__ or "").strip()
        if not description:
            raise ValueError(f"tool {tool_name!r} needs a docstring: it is the model's manual")
        tool = Tool(tool_name, description, model, handler, timeout or self.default_timeout)
        self._tools[tool_name] = tool
        return tool

    def names(self) -> list[str]:
        return list(self._tools)

    def get(self, name: str) -> Tool | None:
        return self._tools.get(name)

    def definitions(self, only: Iterable[str] | None = None) -> list[dict[str, Any]]:
        wanted = set(only) if only is not None else None
        return [t.definition() for n, t in self._tools.items() if wanted is None or n in wanted]

    async def run(self, name: str, arguments: str | dict[str, Any], ctx: Any) -> ToolOutcome:
        """Validate and run one call. Never raises: failures become outputs for the model."""
        started = time.perf_counter()

        def done(
            ok: bool,
            output: dict[str, Any],
            args: dict[str, Any],
            result: ToolResult | None = None,
            error: str | None = None,
        ) -> ToolOutcome:
            return ToolOutcome(
                name=name,
                ok=ok,
                output=output,
                card=result.card if result else None,
                links=result.links if result else [],
                arguments=args,
                duration_ms=int((time.perf_counter() - started) * 1000),
                error=error,
            )

        tool = self._tools.get(name)
        if tool is None:
            msg = f"there is no tool named {name!r}"
            return done(False, {"error": msg, "available": self.names()}, {}, error=msg)
        try:
            raw = orjson.loads(arguments) if isinstance(arguments, str) else arguments
        except orjson.JSONDecodeError:
            msg = "arguments are not valid JSON"
            return done(False, {"error": msg}, {}, error=msg)
        if not isinstance(raw, dict):
            msg = "arguments must be a JSON object"
            return done(False, {"error": msg}, {}, error=msg)
        try:
            params = tool.params.model_validate(raw)
        except ValidationError as exc:
            fields = _field_errors(exc)
            return done(
                False,
                {"error": "invalid arguments", "fields": fields},
                raw,
                error="invalid arguments",
            )
        try:
            async with asyncio.timeout(tool.timeout):
                result = await tool.handler(
                    ctx, **{name: getattr(params, name) for name in type(params).model_fields}
                )
        except TimeoutError:
            msg = f"{name} took longer than {tool.timeout:g} s and was stopped"
            return done(False, {"error": msg, "retryable": True}, raw, error=msg)
        except ValidationFailed as exc:
            fields = [{"field": e.field, "message": e.message} for e in exc.errors]
            return done(False, {"error": exc.message, "fields": fields}, raw, error=exc.message)
        except (DomainError, ToolError) as exc:
            message = exc.message if isinstance(exc, DomainError) else str(exc)
            code = exc.code if isinstance(exc, DomainError) else "tool_error"
            return done(False, {"error": message, "code": code}, raw, error=message)
        except Exception:
            log.exception("tool failed", extra={"tool": name})
            msg = "the store system had a problem; apologise and offer to try again"
            return done(False, {"error": msg, "retryable": True}, raw, error="internal error")
        return done(True, result.output, raw, result)
