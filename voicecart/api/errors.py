"""Map domain errors to HTTP responses at the edge, in FastAPI's own error shape."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from voicecart.errors import Conflict, DomainError, NotFound, ValidationFailed


class ErrorBody(BaseModel):
    """``detail`` says what went wrong; ``code`` is stable for programs."""

    detail: str
    code: str


class FieldErrorItem(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorBody(BaseModel):
    detail: list[FieldErrorItem]


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` entries so clients (and schemathesis) know every outcome."""
    described: dict[int, tuple[type[BaseModel], str]] = {
        400: (ErrorBody, "Bad request"),
        401: (ErrorBody, "Missing or invalid credentials"),
        404: (ErrorBody, "Not found"),
        409: (ErrorBody, "Conflicts with the current state"),
        422: (ValidationErrorBody, "Invalid input: each entry names a field and the problem"),
        503: (ErrorBody, "Not ready"),
    }
    return {c: {"model": described[c][0], "description": described[c][1]} for c in codes}


def status_code_name(status: int) -> str:
    """A stable snake_case code for an HTTP status: 404 -> "not_found"."""
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    except ValueError:
        return "error"


def _loc(field: str, location: str) -> list[str | int]:
    parts: list[str | int] = [location]
    for p in field.split("."):
        parts.append(int(p) if p.isdigit() else p)
    return parts


def install(app: FastAPI) -> None:
    async def validation_failed(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ValidationFailed)
        location = "query" if request.method in ("GET", "DELETE") else "body"
        items = [
            {"loc": _loc(e.field, location), "msg": e.message, "type": "value_error"}
            for e in exc.errors
        ]
        return JSONResponse({"detail": items}, status_code=422)

    async def domain_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, DomainError)
        status = 404 if isinstance(exc, NotFound) else 409 if isinstance(exc, Conflict) else 400
        return JSONResponse({"detail": exc.message, "code": exc.code}, status_code=status)

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        return JSONResponse(
            {"detail": exc.detail, "code": status_code_name(exc.status_code)},
            status_code=exc.status_code,
            headers=exc.headers,
        )

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(ValidationFailed, validation_failed)
    app.add_exception_handler(DomainError, domain_error)
