"""Delivery addresses as a shopper says them: parse, merge corrections, read back.

Speech recognition hands over things like "ten Main Street Seattle Washington nine
eight one zero one". This module turns that into parts (street, unit, city, state or
province, postal code), which the dialog manager can read back for confirmation,
complete over several turns ("what's the ZIP code?") and join into the one-line
address ``create_shipment`` takes ("10 Main Street, Seattle, Washington 98101").
It only structures the words; the shipping service validates the address itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Final, Literal

from text_to_num import alpha2digit

from voicecart.commerce.query import normalize
from voicecart.engine.brain.speech_format import (
    ordinal_word,
    spoken_house_number,
    spoken_postal_code,
)
from voicecart.shipping.regions import CA_PROVINCES, REGION_LOOKUP, REGION_NAMES

__all__ = ["AddressField", "AddressParts", "address_text", "field_words", "parse_address"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


AddressField = Literal["street", "city", "state", "postal_code"]

STREET_SUFFIXES: Final = _words(
    """
    street st avenue ave av road rd boulevard blvd drive dr lane ln way court ct place
    pl parkway pkwy terrace ter circle cir highway hwy trail trl loop square sq plaza
    row alley crescent cres close grove
    """
)
_SUFFIX_NAMES: Final = {
    "st": "street",
    "ave": "avenue",
    "av": "avenue",
    "rd": "road",
    "blvd": "boulevard",
    "dr": "drive",
    "ln": "lane",
    "ct": "court",
    "pl": "place",
    "pkwy": "parkway",
    "ter": "terrace",
    "cir": "circle",
    "hwy": "highway",
    "trl": "trail",
    "sq": "square",
    "cres": "crescent",
}
_DIRECTION_NAMES: Final = {
    "N": "North",
    "S": "South",
    "E": "East",
    "W": "West",
    "NE": "Northeast",
    "NW": "Northwest",
    "SE": "Southeast",
    "SW": "Southwest",
}
_UNIT_WORDS: Final = {
    "apartment": "Apartment",
    "apt": "Apartment",
    "unit": "Unit",
    "suite": "Suite",
    "ste": "Suite",
    "number": "Number",
    "#": "Number",
}
_CONNECTORS: Final = frozenset({"in", "at", "and", "on"})
_DIRECTIONS: Final = frozenset({"ne", "nw", "se", "sw", "n", "s", "e", "w"})
# Two-letter codes that are also everyday words: only taken right before a postal code.
_RISKY_CODES: Final = frozenset({"in", "or", "me", "hi", "oh", "ok", "pa", "de", "co", "ma", "la"})
_MAX_REGION_WORDS: Final = 4
_US_POSTAL = re.compile(r"^\d{5}(?:-?\d{4})?$")
_CA_POSTAL_TAIL = re.compile(r"(?:^|\s)([a-z])\s?(\d)\s?([a-z])\s?(\d)\s?([a-z])\s?(\d)$")
_FIELD_WORDS: Final[dict[AddressField, str]] = {
    "street": "street address",
    "city": "city",
    "state": "state",
    "postal_code": "ZIP code",
}


@dataclass(frozen=True)
class AddressParts:
    """What was understood of an address; any part may still be missing."""

    street: str | None = None  # "10 Main Street"
    unit: str | None = None  # "Apartment 4B"
    city: str | None = None  # "Seattle"
    region: str | None = None  # two-letter code: "WA", "ON"
    postal_code: str | None = None  # "98101", "98101-1234", "M5V 2T6"

    @property
    def is_canadian(self) -> bool:
        return self.region in CA_PROVINCES or bool(
            self.postal_code and self.postal_code[0].isalpha()
        )

    def missing(self) -> list[AddressField]:
        """The parts still needed before the address is worth confirming."""
        out: list[AddressField] = []
        if not self.street:
            out.append("street")
        if not self.city:
            out.append("city")
        if not self.region:
            out.append("state")
        if not self.postal_code:
            out.append("postal_code")
        return out

    def postal_code_ok(self) -> bool:
        """Whether the postal code has a valid shape (5 or 9 digits, or A1A 1A1)."""
        code = self.postal_code or ""
        return bool(re.fullmatch(r"\d{5}(?:-\d{4})?|[A-Z]\d[A-Z] \d[A-Z]\d", code))

    def is_empty(self) -> bool:
        return not any((self.street, self.unit, self.city, self.region, self.postal_code))

    def merged(self, newer: AddressParts) -> AddressParts:
        """These parts, overridden by every part ``newer`` has."""
        return AddressParts(
            street=newer.street or self.street,
            unit=newer.unit or self.unit,
            city=newer.city or self.city,
            region=newer.region or self.region,
            postal_code=newer.postal_code or self.postal_code,
        )

    def without(self, field: AddressField | None) -> AddressParts:
        """These parts with ``field`` cleared (after the shipping service rejected it)."""
        if field == "street":
            return replace(self, street=None, unit=None)
        if field == "city":
            return replace(self, city=None)
        if field == "state":
            return replace(self, region=None)
        if field == "postal_code":
            return replace(self, postal_code=None)
        return self

    def one_line(self) -> str:
        """``"10 Main Street, Apartment 4B, Seattle, Washington 98101"`` for the tool."""
        region = REGION_NAMES.get(self.region or "", self.region or "")
        tail = " ".join(p for p in (region, self.postal_code) if p)
        return ", ".join(p for p in (self.street, self.unit, self.city, tail) if p)

    def spoken(self) -> str:
        """The address read back: "ten Main Street, Seattle, Washington, nine eight one
        zero one"."""
        parts: list[str] = []
        if self.street:
            number, _, rest = self.street.partition(" ")
            words = [_spoken_street_word(w) for w in rest.split()]
            if re.fullmatch(r"\d+[A-Za-z]?", number):
                parts.append(" ".join([spoken_house_number(number), *words]))
            else:
                parts.append(self.street)
        if self.unit:
            label, _, rest = self.unit.partition(" ")
            parts.append(f"{label.lower()} {_spell_unit(rest)}".strip())
        if self.city:
            parts.append(self.city)
        if self.region:
            parts.append(REGION_NAMES.get(self.region, self.region))
        if self.postal_code:
            parts.append(spoken_postal_code(self.postal_code))
        return ", ".join(parts)


def field_words(field: AddressField, *, canadian: bool = False) -> str:
    """How to name a part when asking for it again: "ZIP code", "state", ..."""
    if canadian and field == "postal_code":
        return "postal code"
    if canadian and field == "state":
        return "province"
    return _FIELD_WORDS[field]


def _spoken_street_word(word: str) -> str:
    ordinal = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word, re.IGNORECASE)
    if ordinal:
        return ordinal_word(int(ordinal.group(1)))
    return _DIRECTION_NAMES.get(word, word)


def _spell_unit(text: str) -> str:
    return " ".join(spoken_house_number(t) if t[:1].isdigit() else t for t in text.split())


# ----------------------------------------------------------------------- parsing

_FILLER_START = re.compile(
    r"^(?:(?:yes|yeah|no|nope|okay|ok|sure|so|um|uh|well|actually|oh|sorry|"
    r"it(?:'s| is)|that(?:'s| is)|the address is|my address is|address is|"
    r"please|and|correct|right|wait)\b[\s,]*)+"
)
_CUE = re.compile(
    r"\b(?:ship|send|deliver|mail|post)\s+(?:it|them|this|that|these|those|my order|the order|"
    r"my package|the package|everything|it all)?\s*(?:over\s+)?to\b"
    r"|\b(?:address|destination)\s+(?:is|will be|would be)\b"
    r"|\bi\s+live\s+(?:at|on)\b|\bsend\s+to\b|\bdeliver\s+to\b"
)
_TAIL = re.compile(
    r"(?:[\s,]*\b(?:please|thanks|thank you|thank|with|by|using|via|and|use|make it|"
    r"(?:standard|regular|normal|ground|express|expedited|priority|rush|fast|faster|"
    r"overnight|next day|next-day|two day|two-day|2 day|2-day)(?:\s+(?:shipping|delivery))?"
    r"|shipping|delivery)\b)+[\s.,!?]*$"
)
_TITLE_KEEP_LOWER: Final = frozenset({"of", "de", "la", "du", "the", "and"})


def _digitise(text: str) -> str:
    """Spoken numbers to digits; runs of digits joined ("9 8 1 01" -> "98101"), and
    "oh" between digits read as zero ("15 oh 5" -> "1505")."""
    converted = alpha2digit(text, "en", threshold=0)
    converted = re.sub(r"(?<=\d)\s+(?:oh|o)\s+(?=\d)", " 0 ", converted)
    converted = re.sub(r"(?<=\d)\s+(?:oh|o)\s+(?=\d)", " 0 ", converted)
    # "1 2 3 4" -> "1234", "98101 1234" -> "981011234"; ordinals ("1st") stay apart.
    out: list[str] = []
    for token in converted.split():
        if out and token.isdigit() and out[-1].isdigit():
            out[-1] += token
        else:
            out.append(token)
    return " ".join(out)


def _title(words: list[str]) -> str:
    out: list[str] = []
    for i, w in enumerate(words):
        if i and w in _TITLE_KEEP_LOWER:
            out.append(w)
        elif re.fullmatch(r"\d+[a-z]*", w):
            out.append(w.upper() if len(w) > 1 and w[-1].isalpha() and not w[-2].isalpha() else w)
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


def _strip(text: str) -> str:
    text = _FILLER_START.sub("", text.strip(" ,.!?"))
    for _ in range(3):
        stripped = _TAIL.sub("", text).strip(" ,.!?")
        if stripped == text:
            break
        text = stripped
    return text


def address_text(utterance: str) -> str | None:
    """The part of ``utterance`` after "ship it to", "my address is", ... (None if no cue)."""
    text = normalize(utterance)
    matches = list(_CUE.finditer(text))
    if not matches:
        return None
    return _strip(text[matches[-1].end() :])


def _find_region(tokens: list[str], end: int, *, before_postal: bool) -> tuple[int, str] | None:
    """The longest region name ending at ``tokens[end - 1]``: ``(start index, code)``."""
    for size in range(min(_MAX_REGION_WORDS, end), 0, -1):
        phrase = " ".join(tokens[end - size : end])
        code = REGION_LOOKUP.get(phrase)
        if code is None:
            continue
        if size == 1 and len(phrase) == 2 and phrase in _RISKY_CODES and not before_postal:
            continue
        return end - size, code
    return None


def parse_address(text: str, *, expect: AddressField | None = None) -> AddressParts:
    """Parts of a spoken or typed address; missing parts are None.

    ``expect`` says which part the shopper was just asked for, so a bare answer
    ("nine eight one zero one", "Seattle", "Oregon") fills that part.
    """
    cleaned = _strip(normalize(text))
    cleaned = re.sub(r"[^\w#'\- ]+", " ", cleaned)
    # STT writes "10-main street" and "981-01": a hyphen next to a digit is a pause, not a
    # word joint ("98101-1234" is rebuilt from the digit runs below).
    cleaned = re.sub(r"(?<=\d)-|-(?=\d)", " ", cleaned)
    digitised = " ".join(_digitise(cleaned).split())
    if not digitised:
        return AddressParts()

    postal: str | None = None
    tokens = digitised.split()
    ca = _CA_POSTAL_TAIL.search(digitised)
    if ca is not None:
        code = "".join(ca.groups()).upper()
        postal = f"{code[:3]} {code[3:]}"
        tokens = digitised[: ca.start()].split()
    elif tokens and _US_POSTAL.match(tokens[-1]):
        raw = tokens.pop().replace("-", "")
        postal = raw if len(raw) == 5 else f"{raw[:5]}-{raw[5:]}"

    # A ZIP code with digits missing or extra ("nine eight one zero") after a state name:
    # keep it, so it can be read back and asked for again.
    if (
        postal is None
        and len(tokens) >= 2
        and re.fullmatch(r"\d{3,9}", tokens[-1])
        and _find_region(tokens, len(tokens) - 1, before_postal=True) is not None
    ):
        postal = tokens.pop()

    region: str | None = None
    found = _find_region(tokens, len(tokens), before_postal=postal is not None)
    if found is not None and (found[0] > 0 or expect in (None, "state")):
        start, region = found
        tokens = tokens[:start]

    if expect == "postal_code" and postal is None and len(tokens) == 1 and tokens[0].isdigit():
        return AddressParts(postal_code=tokens[0])
    if expect == "state" and region is None and tokens:
        return AddressParts()
    if expect == "city" and tokens and not tokens[0][:1].isdigit():
        return AddressParts(city=_title(tokens), region=region, postal_code=postal)

    street, unit, city = _street_unit_city(tokens, anchored=bool(region or postal))
    return AddressParts(street=street, unit=unit, city=city, region=region, postal_code=postal)


_MAX_LEAD_IN: Final = 5


def _from_house_number(tokens: list[str]) -> list[str]:
    """Drop a short lead-in the cue patterns missed ("ship at the 10 main street ...", a
    misheard "ship it to"): the address starts at a house number followed by a street word."""
    if re.fullmatch(r"\d+[a-z]?", tokens[0]):
        return tokens
    for i in range(1, min(_MAX_LEAD_IN, len(tokens) - 1) + 1):
        if re.fullmatch(r"\d+[a-z]?", tokens[i]) and any(
            t in STREET_SUFFIXES for t in tokens[i + 2 :]
        ):
            return tokens[i:]
    return tokens


def _street_unit_city(
    tokens: list[str], *, anchored: bool
) -> tuple[str | None, str | None, str | None]:
    """Split "10 main street apartment 4b seattle" into street, unit and city.

    Without a house number the words are a city only when a state or postal code
    follows them ("Seattle, Washington"): "yep" or "not yet" are no city.
    """
    if not tokens:
        return None, None, None
    tokens = _from_house_number(tokens)
    if not re.fullmatch(r"\d+[a-z]?", tokens[0]):
        return None, None, _title(tokens) if anchored and len(tokens) <= 3 else None
    suffix_at = max((i for i, t in enumerate(tokens) if i > 1 and t in STREET_SUFFIXES), default=-1)
    if suffix_at == -1:
        suffix_at = max(
            (i for i, t in enumerate(tokens) if i >= 1 and t in STREET_SUFFIXES), default=-1
        )
    if suffix_at == -1:
        if len(tokens) <= 2:
            return _title(tokens), None, None
        end = len(tokens) - 1  # no street word: the last word is probably the city
        return _title(tokens[:end]), None, _title(tokens[end:])
    end = suffix_at + 1
    if end < len(tokens) and tokens[end] in _DIRECTIONS:
        end += 1
    words = [_SUFFIX_NAMES.get(t, t) if i == suffix_at else t for i, t in enumerate(tokens[:end])]
    street = _title(words)
    if tokens[end - 1] in _DIRECTIONS:
        street = street[: -len(tokens[end - 1])] + tokens[end - 1].upper()
    rest = tokens[end:]
    unit: str | None = None
    if len(rest) >= 2 and rest[0] in _UNIT_WORDS:
        value = rest[1]
        taken = 2
        if len(rest) > 2 and value.isdigit() and len(rest[2]) == 1 and rest[2].isalpha():
            value += rest[2]  # "apartment 4 b" -> "4B"
            taken = 3
        unit = f"{_UNIT_WORDS[rest[0]]} {value.upper()}"
        rest = rest[taken:]
    while rest and rest[0] in _CONNECTORS:
        rest = rest[1:]
    while rest and rest[-1] in _CONNECTORS:
        rest = rest[:-1]
    city = _title(rest) if rest else None
    return street, unit, city
