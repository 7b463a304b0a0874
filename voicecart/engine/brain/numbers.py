"""Spoken numbers in a shopper's words: quantities, choices, order and tracking numbers.

Speech recognition writes numbers either way ("two" or "2", "4827 1930" or "four
eight two seven one nine three zero") and mishears short digit words ("for" for
four, "to" for two, "oh" for zero). These helpers work on the word tokens of
:func:`voicecart.engine.brain.nlu.tokenize` and never guess beyond what was said:
an order number is exactly eight digits, a tracking number has the carrier's
letters and the right number of digits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

__all__ = [
    "DigitRun",
    "choice_of",
    "digit_runs",
    "order_number_of",
    "quantity_of",
    "small_number",
    "tracking_number_in_text",
    "tracking_number_of",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_UNITS: Final = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_TEENS: Final = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS: Final = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Words speech recognition writes for a spoken digit; only read as digits next to digits.
_HOMOPHONES: Final = {
    "oh": "0",
    "o": "0",
    "for": "4",
    "fore": "4",
    "to": "2",
    "too": "2",
    "won": "1",
    "ate": "8",
    "tree": "3",
    "sex": "6",
    "nein": "9",
}
_REPEATERS: Final = {"double": 2, "triple": 3}
_ORDINALS: Final = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "sixth": 6,
    "6th": 6,
    "seventh": 7,
    "7th": 7,
    "eighth": 8,
    "8th": 8,
    "top": 1,
    "last": -1,
    "final": -1,
}
MAX_QUANTITY: Final = 99


def small_number(token: str) -> int | None:
    """``"two"`` or ``"2"`` -> 2; ``"twenty"`` -> 20; anything else -> None."""
    if token.isdigit() and len(token) <= 3:
        return int(token)
    return _UNITS.get(token, _TEENS.get(token, _TENS.get(token)))


def _number_at(tokens: Sequence[str], i: int) -> tuple[int, int] | None:
    """The number starting at ``tokens[i]`` (``"twenty one"`` -> 21) and how many tokens."""
    value = small_number(tokens[i])
    if value is None:
        return None
    if tokens[i] in _TENS and i + 1 < len(tokens) and tokens[i + 1] in _UNITS:
        return value + _UNITS[tokens[i + 1]], 2
    return value, 1


# --------------------------------------------------------------------- quantities

_QTY_BEFORE: Final = _words(
    """
    take buy order get want like need grab purchase make add just only actually maybe
    instead it's is be change it
    """
)
_QTY_AFTER: Final = _words(
    """
    of pairs pair units unit items item pieces piece please more each total them those
    these sets set packs pack
    """
)
_NOT_QTY_BEFORE: Final = _words(
    """
    size number option item the that this under over below above around about than
    """
)
_NOT_QTY_AFTER: Final = _words(
    """
    dollars dollar bucks cents percent day days o'clock pm am year years
    """
)
_COUNT_PHRASES: Final = (
    (("a", "couple"), 2),
    (("couple",), 2),
    (("a", "dozen"), 12),
    (("half", "a", "dozen"), 6),
    (("a", "pair"), 1),
    (("one", "pair"), 1),
)


def quantity_of(
    tokens: Sequence[str], *, bare: bool = False, nouns: frozenset[str] = frozenset()
) -> int | None:
    """How many the shopper wants: "I'd like two of those", "make it three", "a couple".

    ``bare`` also accepts a number on its own ("two", "three please"), as an answer to
    a question about quantity. ``nouns`` are product words: "two tents" counts too.
    A number that names a choice ("the second one", "number two"), a size or a
    price is not a quantity.
    """
    for phrase, value in _COUNT_PHRASES:
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if tuple(tokens[i : i + n]) == phrase:
                return value
    meaningful = [t for t in tokens if t not in {"please", "thanks", "um", "uh", "yes", "yeah"}]
    if bare and len(meaningful) in (1, 2):
        parsed = _number_at(meaningful, 0)
        if parsed is not None and parsed[1] == len(meaningful) and 0 < parsed[0] <= MAX_QUANTITY:
            return parsed[0]
    i = 0
    while i < len(tokens):
        parsed = _number_at(tokens, i)
        if parsed is None:
            i += 1
            continue
        value, width = parsed
        before = tokens[i - 1] if i else ""
        after = tokens[i + width] if i + width < len(tokens) else ""
        i += width
        if not 0 < value <= MAX_QUANTITY or before in _NOT_QTY_BEFORE or after in _NOT_QTY_AFTER:
            continue
        if value == 1 and after in {"", "one"} and before not in _QTY_BEFORE:
            continue
        if before in _QTY_BEFORE or after in _QTY_AFTER or after in nouns:
            return value
    return None


# ------------------------------------------------------------------------ choices


def choice_of(tokens: Sequence[str]) -> list[int]:
    """Which listed items the shopper picks: "the second one" -> [2], "the first and
    the third" -> [1, 3], "number two" -> [2], "the last one" -> [-1]."""
    picks: list[int] = []
    for i, token in enumerate(tokens):
        value: int | None = None
        if token in _ORDINALS:
            if token == "top" and (i + 1 >= len(tokens) or tokens[i + 1] not in {"one", "1"}):
                continue
            if token in ("last", "final") and i and tokens[i - 1] not in {"the", "that"}:
                continue
            value = _ORDINALS[token]
        elif token in {"number", "option", "item", "choice", "#"} and i + 1 < len(tokens):
            n = small_number(tokens[i + 1])
            if n is not None and 0 < n <= 10:
                value = n
        if value is not None and value not in picks:
            picks.append(value)
    return picks


# --------------------------------------------------------------------- digit runs


@dataclass(frozen=True)
class DigitRun:
    """Consecutive spoken digits; ``lead``/``trail`` are digit homophones just outside
    the run ("for" before "eight two ..."), which may belong to it."""

    digits: str
    start: int  # token index
    end: int  # token index after the run
    lead: str = ""
    trail: str = ""

    def readings(self) -> list[str]:
        """The run as said, then with its edge homophones read as digits."""
        out = [self.digits]
        for extra in (self.lead + self.digits, self.digits + self.trail):
            if extra not in out:
                out.append(extra)
        both = self.lead + self.digits + self.trail
        if both not in out:
            out.append(both)
        return out


def _token_digits(tokens: Sequence[str], i: int) -> tuple[str, int] | None:
    """Digits spelled by ``tokens[i:]`` (one token, or a tens word and a unit)."""
    token = tokens[i]
    if token.isdigit():
        return token, 1
    if token in _REPEATERS and i + 1 < len(tokens):
        inner = _token_digits(tokens, i + 1)
        if inner is not None and len(inner[0]) == 1:
            return inner[0] * _REPEATERS[token], 1 + inner[1]
        return None
    if token in _UNITS:
        return str(_UNITS[token]), 1
    if token in _TEENS:
        return str(_TEENS[token]), 1
    if token in _TENS:
        if i + 1 < len(tokens) and tokens[i + 1] in _UNITS and tokens[i + 1] != "zero":
            return str(_TENS[token] + _UNITS[tokens[i + 1]]), 2
        return str(_TENS[token]), 1
    return None


def digit_runs(tokens: Sequence[str]) -> list[DigitRun]:
    """Every run of spoken digits in ``tokens``, in order. Runs separated only by
    "dash" or "hyphen" are one run ("4827 dash 1930")."""
    runs: list[DigitRun] = []
    i = 0
    while i < len(tokens):
        parts: list[str] = []
        start = i
        while i < len(tokens):
            got = _token_digits(tokens, i)
            if got is not None:
                parts.append(got[0])
                i += got[1]
            elif (
                parts
                and i + 1 < len(tokens)
                and _token_digits(tokens, i + 1) is not None
                and (tokens[i] in _HOMOPHONES or tokens[i] in {"dash", "hyphen"})
            ):
                # "four eight to seven": a homophone inside a run is a digit.
                parts.append(_HOMOPHONES.get(tokens[i], ""))
                i += 1
            else:
                break
        if not parts:
            i += 1
            continue
        lead = _HOMOPHONES.get(tokens[start - 1], "") if start else ""
        trail = _HOMOPHONES.get(tokens[i], "") if i < len(tokens) else ""
        runs.append(DigitRun("".join(parts), start, i, lead, trail))
    return runs


ORDER_DIGITS: Final = 8


def order_number_of(tokens: Sequence[str]) -> tuple[str | None, int]:
    """An eight-digit order number in ``tokens``, and the most digits heard in one run.

    "order four eight two seven one nine three zero" -> ("48271930", 8);
    "order for eight two seven ..." (a misheard "four") -> ("48271930", 8);
    "order four eight two seven one nine three" -> (None, 7).
    """
    longest = 0
    for run in digit_runs(tokens):
        for reading in run.readings():
            if len(reading) == ORDER_DIGITS:
                return reading, ORDER_DIGITS
        longest = max(longest, len(run.digits))
    return None, longest


# Carrier letters as spoken: "N W", "november whiskey", "t x", "c p ... u s".
_LETTER_WORDS: Final = {
    "november": "n",
    "whiskey": "w",
    "tango": "t",
    "x-ray": "x",
    "xray": "x",
    "charlie": "c",
    "papa": "p",
    "uniform": "u",
    "sierra": "s",
    "en": "n",
    "and": "n",
    "ex": "x",
    "see": "c",
    "sea": "c",
    "pea": "p",
    "pee": "p",
    "you": "u",
    "ess": "s",
}
_DOMESTIC_DIGITS: Final = 15
_S10_DIGITS: Final = 9


def _letters(tokens: Sequence[str], end: int, count: int = 2) -> str:
    """The ``count`` letters spoken just before ``tokens[end]`` ("n w", "nw", "november ...")."""
    letters = ""
    j = end - 1
    while j >= 0 and len(letters) < count:
        tok = tokens[j]
        if len(tok) == 1 and tok.isalpha():
            letters = tok + letters
        elif tok in _LETTER_WORDS:
            letters = _LETTER_WORDS[tok] + letters
        elif len(tok) == count and tok.isalpha() and not letters:
            letters = tok
        else:
            break
        j -= 1
    return letters


def tracking_number_of(tokens: Sequence[str]) -> str | None:
    """A tracking number: ``NW``/``TX`` + 15 digits, or ``CP`` + 9 digits + ``US``.

    Digits may be grouped or spelled out; letters may be spelled ("n w") or in the
    phonetic alphabet ("november whiskey").
    """
    for run in digit_runs(tokens):
        digits, start, end = run.digits, run.start, run.end
        prefix = _letters(tokens, start).upper()
        if prefix in {"NW", "TX"} and len(digits) == _DOMESTIC_DIGITS:
            return prefix + digits
        if prefix == "CP" and len(digits) == _S10_DIGITS:
            suffix = "".join(_LETTER_WORDS.get(t, t) for t in tokens[end : end + 2])
            if suffix.lower().startswith("us"):
                return f"CP{digits}US"
    return None


_TRACKING_TEXT = re.compile(
    r"\b(nw|tx)\s*-?\s*((?:\d[\s-]*){15})\b|\b(cp)\s*((?:\d[\s-]*){9})\s*us\b"
)


def tracking_number_in_text(text: str) -> str | None:
    """A tracking number typed or transcribed with digits: ``"NW 1569 1333 2880 976"``."""
    match = _TRACKING_TEXT.search(text.lower())
    if match is None:
        return None
    if match.group(1):
        return match.group(1).upper() + re.sub(r"\D", "", match.group(2))
    return "CP" + re.sub(r"\D", "", match.group(4)) + "US"
