"""``from``/``to`` query parameters: UTC days as ``YYYY-MM-DD`` (nothing else coerced)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Query

from voicecart.errors import FieldError, ValidationFailed

_DAY = r"^\d{4}-\d{2}-\d{2}$"

FromDay = Annotated[
    str | None, Query(alias="from", pattern=_DAY, description="First day, UTC (YYYY-MM-DD)")
]
ToDay = Annotated[
    str | None, Query(pattern=_DAY, description="Last day, UTC (YYYY-MM-DD), inclusive")
]


def day_range(from_: str | None, to: str | None) -> tuple[date | None, date | None]:
    """The parsed days; ``ValidationFailed`` naming the field for an impossible date or range."""
    days: dict[str, date | None] = {}
    errors: list[FieldError] = []
    for name, value in (("from", from_), ("to", to)):
        try:
            days[name] = date.fromisoformat(value) if value is not None else None
        except ValueError:
            errors.append(FieldError(name, "is not a calendar date"))
            days[name] = None
    since, until = days["from"], days["to"]
    if since is not None and until is not None and since > until:
        errors.append(FieldError("from", "must not be after 'to'"))
    if errors:
        raise ValidationFailed(errors)
    return since, until
