"""Which catalog products a call is about: ids from tool calls and names spoken in turns.

A product counts when its full name is said, when its distinctive word (a word no
other product name has, such as "Trailblazer") is said next to another word of its
name, or when a phrase of its name that fits no other product ("cold pack") is said.
A phrase that fits several products names none of them.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from voicecart.analysis.transcript import Transcript
from voicecart.commerce.models import Product

_WORD: Final = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_COMMON: Final = frozenset(
    {
        "the",
        "and",
        "for",
        "with",
        "set",
        "pack",
        "piece",
        "inch",
        "quart",
        "size",
        "pro",
        "plus",
        "classic",
        "daily",
        "everyday",
        "family",
        "little",
        "double",
        "weekly",
        "gentle",
        "instant",
        "portable",
    }
)
_PRODUCT_TOOLS: Final = frozenset({"get_product", "create_order"})


def words(text: str) -> list[str]:
    """Lower-case words with a plural ``s`` dropped ("shoes" -> "shoe")."""
    out = []
    for w in _WORD.findall(text.lower().replace("-", " ")):
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.append(w)
    return out


@dataclass(frozen=True)
class CatalogEntry:
    id: int
    name: str


class ProductMatcher:
    """Finds catalog products in text; build once per catalog, reuse for every call."""

    def __init__(self, products: Iterable[CatalogEntry]) -> None:
        self.products = {p.id: p for p in products}
        self._names = {pid: words(p.name) for pid, p in self.products.items()}
        counts: Counter[str] = Counter()
        for ws in self._names.values():
            counts.update(set(ws))
        self._distinct: dict[str, int] = {
            w: pid
            for pid, ws in self._names.items()
            for w in ws
            if counts[w] == 1 and len(w) >= 4 and w not in _COMMON and not w.isdigit()
        }
        bigrams: dict[tuple[str, str], set[int]] = {}
        for pid, ws in self._names.items():
            for a, b in itertools.pairwise(ws):
                if a not in _COMMON or b not in _COMMON:
                    bigrams.setdefault((a, b), set()).add(pid)
        self._bigrams = {k: next(iter(v)) for k, v in bigrams.items() if len(v) == 1}

    def in_text(self, text: str) -> list[int]:
        """Products named in ``text``, in order of first mention."""
        ws = words(text)
        found: dict[int, None] = {}
        for i, w in enumerate(ws):
            pid = self._distinct.get(w)
            if pid is not None:
                name = set(self._names[pid])
                near = ws[max(0, i - 3) : i] + ws[i + 1 : i + 4]
                if any(n in name and n != w for n in near) or len(name) <= 2:
                    found.setdefault(pid, None)
            if i + 1 < len(ws):
                pid2 = self._bigrams.get((w, ws[i + 1]))
                if pid2 is not None:
                    found.setdefault(pid2, None)
        return list(found)

    def in_transcript(self, transcript: Transcript) -> list[int]:
        """Products the call is about: from product tools first, then from what was said."""
        found: dict[int, None] = {}
        for use in transcript.tools:
            if use.name in _PRODUCT_TOOLS:
                for pid in _ids_in(use.arguments):
                    if pid in self.products:
                        found.setdefault(pid, None)
        for turn in transcript.turns:
            if turn.speaker in ("user", "assistant"):
                for pid in self.in_text(turn.text):
                    found.setdefault(pid, None)
        return list(found)

    def names(self, ids: Sequence[int]) -> list[str]:
        return [self.products[i].name for i in ids if i in self.products]


def _ids_in(arguments: Any) -> list[int]:
    """``product_id`` values anywhere in tool arguments (``lines`` of an order included)."""
    out: list[int] = []
    if isinstance(arguments, dict):
        for key, value in arguments.items():
            if key == "product_id" and isinstance(value, int) and not isinstance(value, bool):
                out.append(value)
            else:
                out.extend(_ids_in(value))
    elif isinstance(arguments, list):
        for value in arguments:
            out.extend(_ids_in(value))
    return out


async def load_matcher(session: AsyncSession) -> ProductMatcher:
    rows = await session.execute(select(Product.id, Product.name))
    return ProductMatcher(CatalogEntry(id=r.id, name=r.name) for r in rows)


__all__ = ["CatalogEntry", "ProductMatcher", "load_matcher", "words"]
