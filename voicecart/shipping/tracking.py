"""Tracking numbers with check digits, so a mis-heard number is caught before a lookup.

* Northwind Parcel / Tailspin Express: ``NW`` or ``TX`` + 14 random digits + one
  Luhn (mod 10) check digit over those 14 digits, e.g. ``NW123456789012347``.
* Wide World Post (Canada): UPU S10 layout, ``CP`` + 8 digits + a mod 11 check
  digit (weights 8 6 4 2 3 5 9 7; check = 11 - sum mod 11, 10 -> 0, 11 -> 5) + ``US``
  (the origin country), e.g. ``CP123456785US``.
"""

from __future__ import annotations

import random
import re
import secrets
from typing import Final

from voicecart.shipping.carriers import NORTHWIND, TAILSPIN, WIDE_WORLD
from voicecart.spoken import DIGIT_WORDS

DOMESTIC_PREFIXES: Final[dict[str, str]] = {NORTHWIND: "NW", TAILSPIN: "TX"}
S10_SERVICE_INDICATOR: Final = "CP"
S10_ORIGIN: Final = "US"
S10_WEIGHTS: Final = (8, 6, 4, 2, 3, 5, 9, 7)

_DOMESTIC = re.compile(r"^(NW|TX)(\d{14})(\d)$")
_S10 = re.compile(r"^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$")


def luhn_check_digit(digits: str) -> int:
    """The Luhn digit to append to ``digits``: double every second digit from the right."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:  # the rightmost payload digit sits next to the check digit: doubled
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def s10_check_digit(serial: str) -> int:
    """UPU S10 check digit of an 8-digit serial number."""
    if len(serial) != 8 or not serial.isdigit():
        raise ValueError("an S10 serial number has exactly 8 digits")
    total = sum(int(d) * w for d, w in zip(serial, S10_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: 0, 11: 5}.get(check, check)


def normalise_tracking(text: str) -> str:
    """Upper case without spaces, dashes or dots; spoken digit words become digits.

    ``"nw 1234-5678 ..."`` -> ``"NW12345678..."``; ``"C P one two ..."`` -> ``"CP12..."``.
    """
    words = re.split(r"[\s\-.,]+", text.strip())
    return "".join(DIGIT_WORDS.get(w.lower(), w) for w in words if w).upper()


def is_valid(tracking: str) -> bool:
    """True when ``tracking`` has a known layout and its check digit matches."""
    value = normalise_tracking(tracking)
    m = _DOMESTIC.match(value)
    if m:
        return luhn_check_digit(m.group(2)) == int(m.group(3))
    m = _S10.match(value)
    if m:
        return m.group(4) == S10_ORIGIN and s10_check_digit(m.group(2)) == int(m.group(3))
    return False


def carrier_of(tracking: str) -> str | None:
    """The carrier that issued a valid tracking number, else None."""
    if not is_valid(tracking):
        return None
    value = normalise_tracking(tracking)
    for carrier, prefix in DOMESTIC_PREFIXES.items():
        if value.startswith(prefix) and _DOMESTIC.match(value):
            return carrier
    return WIDE_WORLD


def new_tracking_number(carrier: str, rng: random.Random | None = None) -> str:
    """A fresh tracking number for ``carrier``; pass ``rng`` for repeatable numbers in tests."""
    draw = rng.randrange if rng is not None else secrets.randbelow

    def digits(n: int) -> str:
        return "".join(str(draw(10)) for _ in range(n))

    if carrier in DOMESTIC_PREFIXES:
        payload = digits(14)
        return f"{DOMESTIC_PREFIXES[carrier]}{payload}{luhn_check_digit(payload)}"
    if carrier == WIDE_WORLD:
        serial = digits(8)
        return f"{S10_SERVICE_INDICATOR}{serial}{s10_check_digit(serial)}{S10_ORIGIN}"
    raise ValueError(f"unknown carrier {carrier!r}")
