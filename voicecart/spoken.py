"""Digits as people say them: one table for the whole product (tools, shipping, tests)."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["DIGIT_WORDS", "spoken_digits"]

# "oh" is how most people say a zero inside a number ("five oh one").
DIGIT_WORDS: Final[dict[str, str]] = {
    "zero": "0",
    "oh": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}

_TOKENS: Final = re.compile(r"[a-z]+|\d")


def spoken_digits(text: str) -> str:
    """Every digit in ``text``, written or said, in order; other words are skipped:
    ``"order four eight two seven, 1930"`` -> ``"48271930"``."""
    out: list[str] = []
    for token in _TOKENS.findall(text.lower()):
        digit = token if token.isdigit() else DIGIT_WORDS.get(token)
        if digit is not None:
            out.append(digit)
    return "".join(out)
