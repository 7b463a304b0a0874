"""Passages shaped to be spoken: Markdown stripped, list items as sentences, clipped at a
sentence end."""

from __future__ import annotations

import re
from typing import Final

from voicecart.commerce.catalog_data import shipped_categories
from voicecart.knowledge.documents import slugify

SPOKEN_CHARS: Final = 420
_ITEM = re.compile(r"(?m)^\s*(?:[-*+•]|\d+[.)])\s+")
_MARKUP = re.compile(r"[*_`>#|]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def speakable(text: str, limit: int = SPOKEN_CHARS) -> str:
    """Plain sentences from a chunk, at most ``limit`` characters, ending at a sentence end
    when one is near."""
    lines = []
    for raw in text.splitlines():
        line = _MARKUP.sub("", _ITEM.sub("", raw)).strip()
        if line:
            lines.append(line if line.endswith((".", "!", "?", ":")) else line + ".")
    plain = " ".join(" ".join(lines).split())
    if len(plain) <= limit:
        return plain
    cut = plain[:limit]
    ends = [m.start() for m in _SENTENCE_END.finditer(cut)]
    if ends and ends[-1] >= limit // 2:
        return cut[: ends[-1]].strip()
    return cut.rsplit(" ", 1)[0].rstrip(",;:") + "…"


def category_slug(name: str) -> str:
    """A category as a shopper or the model names it ("Home & Kitchen", "kitchen",
    "sports-fitness") to its slug; unknown names are slugified."""
    wanted = name.strip().lower()
    slug = slugify(wanted)
    for c in shipped_categories():
        names = {c.slug, c.name.lower(), slugify(c.name), *(s.lower() for s in c.synonyms)}
        if wanted in names or slug in names:
            return c.slug
    return slug
