"""A document to index: metadata from front matter (or the file) plus a Markdown-like body."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final

KIND_PATTERN: Final = r"^[a-z][a-z0-9-]{0,39}$"
DEFAULT_KIND: Final = "document"
_SLUG_DROP = re.compile(r"[^a-z0-9]+")


class DocumentError(ValueError):
    """A file could not be read as a document; the message says why."""


@dataclass(frozen=True)
class Document:
    """One source document. ``body`` uses Markdown structure: ``#`` headings, ``-`` lists."""

    doc_id: str
    title: str
    kind: str
    body: str
    products: tuple[int, ...] = ()
    categories: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)


def slugify(text: str) -> str:
    """``"Returns & Refunds.md"`` -> ``"returns-refunds-md"``; never empty."""
    slug = _SLUG_DROP.sub("-", text.lower()).strip("-")
    return slug[:80] or "document"


def _scalar(raw: str) -> Any:
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        return raw[1:-1]
    if re.fullmatch(r"-?\d+", raw):
        return int(raw)
    return raw


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Parse flat YAML-style front matter (``key: value``, inline ``[a, b]`` lists).

    Text without front matter comes back unchanged with empty metadata.
    """
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, text
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise DocumentError("front matter is not closed with '---'")
    meta: dict[str, Any] = {}
    for number, line in enumerate(lines[1:end], start=2):
        content = re.sub(r"\s+#.*$", "", line).rstrip()
        if not content.strip() or content.lstrip().startswith("#"):
            continue
        key, sep, raw = content.partition(":")
        if not sep or not key.strip():
            raise DocumentError(f"front matter line {number} is not 'key: value'")
        raw = raw.strip()
        if raw.startswith("["):
            if not raw.endswith("]"):
                raise DocumentError(f"front matter line {number}: unclosed list")
            meta[key.strip()] = [_scalar(i.strip()) for i in raw[1:-1].split(",") if i.strip()]
        else:
            meta[key.strip()] = _scalar(raw)
    return meta, "\n".join(lines[end + 1 :])


def _ints(value: Any, name: str) -> tuple[int, ...]:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, int) or item < 1:
            raise DocumentError(f"front matter {name!r} must list positive product ids")
        out.append(item)
    return tuple(out)


def _slugs(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    return tuple(slugify(str(i)) for i in items if str(i).strip())


def first_heading(body: str) -> str | None:
    match = re.search(r"(?m)^#\s+(.+?)\s*#*\s*$", body)
    return match.group(1).strip() if match else None


def make_document(
    body: str, meta: dict[str, Any], *, fallback_id: str, fallback_title: str
) -> Document:
    """Build a :class:`Document` from metadata, filling gaps from the file name or body."""
    doc_id = slugify(str(meta.get("id") or fallback_id))
    title = str(meta.get("title") or first_heading(body) or fallback_title).strip()
    kind = str(meta.get("kind") or DEFAULT_KIND).strip().lower()
    if not re.fullmatch(KIND_PATTERN, kind):
        raise DocumentError(f"front matter 'kind' {kind!r} must be a short lowercase word")
    products = _ints(meta["products"], "products") if meta.get("products") else ()
    categories = _slugs(meta["categories"]) if meta.get("categories") else ()
    return Document(
        doc_id=doc_id,
        title=title or fallback_title,
        kind=kind,
        body=body,
        products=products,
        categories=categories,
        meta=meta,
    )
