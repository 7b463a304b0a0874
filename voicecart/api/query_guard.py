"""Reject a query parameter given twice (``?category=a&category=b``).

FastAPI would silently keep the last value; for a scalar parameter that hides a
client bug, so we answer 422 naming the parameter instead.
"""

from __future__ import annotations

from fastapi.exceptions import RequestValidationError
from starlette.requests import HTTPConnection


async def no_repeated_query_params(request: HTTPConnection) -> None:
    if request.scope["type"] != "http":
        return
    seen: set[str] = set()
    for name, _ in request.query_params.multi_items():
        if name in seen:
            raise RequestValidationError(
                [
                    {
                        "type": "value_error",
                        "loc": ("query", name),
                        "msg": "given more than once; send it once",
                        "input": request.query_params.getlist(name),
                    }
                ]
            )
        seen.add(name)
