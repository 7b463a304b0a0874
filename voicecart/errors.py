"""Domain errors. Transport layers (HTTP, tools) map them at the edge.

Domain code raises these and knows nothing of status codes; ``api/errors.py``
turns them into 4xx responses, the tool layer into function outputs the model
can speak about.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FieldError:
    """One problem with one input field, e.g. ``FieldError("postal_code", "must be 5 digits")``."""

    field: str
    message: str


class DomainError(Exception):
    """Base of every expected, user-facing failure."""

    code = "domain_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(DomainError):
    code = "not_found"

    def __init__(self, entity: str, key: object) -> None:
        super().__init__(f"{entity} {key} was not found")
        self.entity = entity
        self.key = key


class Conflict(DomainError):
    """The request is valid but clashes with the current state (e.g. cancelling a shipped order)."""

    code = "conflict"


@dataclass
class ValidationFailed(DomainError):
    """Input failed domain validation; ``errors`` names every offending field."""

    errors: list[FieldError] = field(default_factory=list)
    code = "validation_failed"

    def __post_init__(self) -> None:
        summary = "; ".join(f"{e.field}: {e.message}" for e in self.errors)
        DomainError.__init__(self, summary or "invalid input")


class OutOfStock(Conflict):
    code = "out_of_stock"

    def __init__(self, product_id: int, name: str, requested: int, available: int) -> None:
        super().__init__(
            f"only {available} of {name} (product {product_id}) in stock, {requested} requested"
        )
        self.product_id = product_id
        self.requested = requested
        self.available = available
