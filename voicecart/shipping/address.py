"""Shipping addresses: parse what a shopper says, validate, normalise like USPS Publication 28.

Spoken addresses arrive as speech-recognised text ("one two three oak avenue
apartment four portland oregon nine seven two zero one"). ``parse_one_line``
turns number words into digits, rejoins digit-by-digit house numbers and ZIP
codes, peels the postal code, state/province and country off the end, and lets
``usaddress`` split street, unit and city. ``normalise`` validates every field
at once (``ValidationFailed`` names each problem) and formats the result.

We ship to the United States (50 states and DC) and Canada only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import usaddress
from pydantic import BaseModel, ConfigDict
from text_to_num import alpha2digit

from voicecart.errors import FieldError, ValidationFailed
from voicecart.shipping.regions import (
    CA_POSTAL_FIRST_LETTER,
    CA_PROVINCES,
    REGION_NAMES,
    US_STATES,
    region_code,
    state_of_zip,
)

MAX_NAME = 120
MAX_STREET = 200
MAX_CITY = 100


class AddressInput(BaseModel):
    """An address as given: every part optional, nothing validated yet."""

    model_config = ConfigDict(str_strip_whitespace=True)

    name: str | None = None
    street: str | None = None
    street2: str | None = None
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None
    country: str | None = "US"


class Address(BaseModel):
    """A validated, normalised address (USPS Publication 28 style)."""

    model_config = ConfigDict(frozen=True)

    name: str | None
    street: str
    street2: str | None
    city: str
    state: str
    postal_code: str
    country: str

    def lines(self) -> list[str]:
        """The address as label lines: name, street, unit, city line, country (for Canada)."""
        out = [line for line in (self.name, self.street, self.street2) if line]
        out.append(f"{self.city} {self.state}  {self.postal_code}")
        if self.country == "CA":
            out.append("CANADA")
        return out

    def one_line(self) -> str:
        """``"Ann Lee, 10 Main St, Apt 4, Seattle, WA 98101"`` (", Canada" appended for CA)."""
        parts = [p for p in (self.name, self.street, self.street2, self.city) if p]
        text = ", ".join(parts) + f", {self.state} {self.postal_code}"
        return text + (", Canada" if self.country == "CA" else "")


# --- Publication 28 abbreviations ---------------------------------------------------

# Street suffixes (Pub 28 appendix C1, the common ones), every accepted spelling -> standard.
_SUFFIXES: dict[str, tuple[str, ...]] = {
    "Aly": ("alley", "ally", "aly"),
    "Ave": ("avenue", "ave", "av", "aven", "avenu", "avn", "avnue"),
    "Blvd": ("boulevard", "blvd", "boul", "boulv"),
    "Cir": ("circle", "cir", "circ", "crcl"),
    "Ct": ("court", "ct", "crt"),
    "Cv": ("cove", "cv"),
    "Cres": ("crescent", "cres", "crsnt"),
    "Dr": ("drive", "dr", "drv", "driv"),
    "Expy": ("expressway", "expy", "expwy", "expw"),
    "Fwy": ("freeway", "fwy", "frwy"),
    "Hwy": ("highway", "hwy", "hiway", "hiwy", "hway"),
    "Ln": ("lane", "ln"),
    "Loop": ("loop",),
    "Pkwy": ("parkway", "pkwy", "parkwy", "pkway", "pky"),
    "Pl": ("place", "pl"),
    "Plz": ("plaza", "plz", "plza"),
    "Rd": ("road", "rd"),
    "Sq": ("square", "sq", "sqr"),
    "St": ("street", "st", "str", "strt", "stret"),
    "Ter": ("terrace", "ter", "terr"),
    "Trl": ("trail", "trl", "trails", "trls"),
    "Way": ("way", "wy"),
}
SUFFIXES: dict[str, str] = {
    spelling: std for std, spellings in _SUFFIXES.items() for spelling in spellings
}

DIRECTIONALS: dict[str, str] = {
    "north": "N",
    "south": "S",
    "east": "E",
    "west": "W",
    "northeast": "NE",
    "northwest": "NW",
    "southeast": "SE",
    "southwest": "SW",
    **{d.lower(): d for d in ("N", "S", "E", "W", "NE", "NW", "SE", "SW")},
}

# Secondary unit designators (Pub 28 appendix C2, the common ones).
_UNITS: dict[str, tuple[str, ...]] = {
    "Apt": ("apartment", "apt", "apts"),
    "Bldg": ("building", "bldg"),
    "Dept": ("department", "dept"),
    "Fl": ("floor", "fl", "flr"),
    "Lot": ("lot",),
    "Ofc": ("office", "ofc"),
    "Ph": ("penthouse", "ph"),
    "Rm": ("room", "rm"),
    "Spc": ("space", "spc"),
    "Ste": ("suite", "ste"),
    "Trlr": ("trailer", "trlr"),
    "Unit": ("unit",),
    "#": ("#", "number", "no"),
}
UNIT_DESIGNATORS: dict[str, str] = {
    spelling: std for std, spellings in _UNITS.items() for spelling in spellings
}

# Ordinals ("1st") stay lower case; everything else with a digit is upper case ("2B").
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.IGNORECASE)
_HOUSE_NUMBER = re.compile(r"^\d+[A-Za-z]?(?:[-/]\d+[A-Za-z]?)?$")
_CA_POSTAL = re.compile(r"^([A-Z])(\d)([A-Z]) ?(\d)([A-Z])(\d)$")
_CA_POSTAL_LETTERS = set("ABCEGHJKLMNPRSTVWXYZ")  # D F I O Q U are never used
_US_ZIP = re.compile(r"^(\d{5})(?:-?(\d{4}))?$")

_COUNTRIES_US = {
    "us",
    "usa",
    "u s",
    "u s a",
    "united states",
    "united states of america",
    "america",
}
_COUNTRIES_CA = {"ca", "can", "canada"}

SHIP_TO_MESSAGE = "we ship to the United States and Canada only"


# --- parsing ---------------------------------------------------------------------------

# Place names whose number words must not become digits ("Thousand Oaks", not "1000 Oaks").
_PROTECTED_PLACES = (
    "thousand oaks",
    "thousand palms",
    "seven hills",
    "three rivers",
    "two rivers",
    "nine mile falls",
    "five points",
    "three forks",
    "four oaks",
)
_PROTECTED_RE = re.compile(
    r"\b(" + "|".join(re.escape(p) for p in _PROTECTED_PLACES) + r")\b", re.IGNORECASE
)
_FILLERS = re.compile(
    r"^(?:(?:please|okay|ok|so|um|uh|yes|sure)[\s,]+)*"
    r"(?:(?:can you |could you |please )?(?:ship|send|deliver|mail)(?: it| them| that| this)?"
    r" to|my (?:shipping |home )?address is|the address is|address is|it's|it is)?[\s,:]*",
    re.IGNORECASE,
)
_TRAILING_FILLERS = re.compile(r"[\s,]*(?:please|thanks|thank you)[\s.!]*$", re.IGNORECASE)
_ZIP_WORDS = re.compile(r"\b(?:zip(?: code)?|postal code|postcode)\b[\s:]*", re.IGNORECASE)
# Canadian postal code at the end, letters and digits possibly spoken one by one.
_CA_POSTAL_TAIL = re.compile(
    r"(?:^|[\s,])([A-Za-z])\s*(\d)\s*([A-Za-z])[\s-]*(\d)\s*([A-Za-z])\s*(\d)[\s,.]*$"
)
_FOREIGN_COUNTRIES = {
    "mexico",
    "united kingdom",
    "uk",
    "england",
    "scotland",
    "wales",
    "ireland",
    "germany",
    "france",
    "spain",
    "italy",
    "australia",
    "new zealand",
    "japan",
    "china",
    "india",
    "brazil",
}


def _numbers_to_digits(text: str) -> str:
    """alpha2digit on everything but protected place names; converts lone "one" too."""
    out: list[str] = []
    pos = 0
    for m in _PROTECTED_RE.finditer(text):
        out.append(alpha2digit(text[pos : m.start()], "en", threshold=0))
        out.append(m.group(0))
        pos = m.end()
    out.append(alpha2digit(text[pos:], "en", threshold=0))
    return "".join(out)


def _tokens(text: str) -> list[str]:
    """Split into words, with each comma a token of its own; periods dropped ("St." -> "St")."""
    return [t for t in re.findall(r",|[^\s,]+", text.replace(".", " ")) if t]


def _is_digits(token: str) -> bool:
    return token.isdigit()


def _spoken_digit_fixes(tokens: list[str]) -> list[str]:
    """ "oh" between digits -> 0, "dash" between digits -> "-", "double 5" -> "5 5"."""
    out: list[str] = []
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        low = tok.lower()
        prev_digit = bool(out) and _is_digits(out[-1])
        next_tok = tokens[i + 1] if i + 1 < n else None
        next_digit = next_tok is not None and _is_digits(next_tok)
        if (
            low in ("oh", "o")
            and prev_digit
            and (next_tok is None or next_digit or next_tok == ",")
        ):
            out.append("0")
        elif low in ("dash", "hyphen", "-") and prev_digit and next_digit:
            out.append("-")
        elif low in ("double", "triple") and next_tok is not None and re.fullmatch(r"\d", next_tok):
            out.extend([next_tok] * (2 if low == "double" else 3))
            i += 1
        else:
            out.append(tok)
        i += 1
    return out


def _strip_commas(tokens: list[str]) -> list[str]:
    while tokens and tokens[-1] == ",":
        tokens = tokens[:-1]
    while tokens and tokens[0] == ",":
        tokens = tokens[1:]
    return tokens


def _take_country(tokens: list[str]) -> tuple[str | None, list[str]]:
    """A country name at the end ("..., Canada", "... USA"); "CA" alone is California."""
    tokens = _strip_commas(tokens)
    for size in (4, 3, 2, 1):
        if len(tokens) <= size:
            continue
        words = tokens[-size:]
        phrase = " ".join(words).lower()
        if phrase == "us" and words[0] != "US":
            continue  # "send it to us" is not a country
        if phrase in _COUNTRIES_US:
            return "US", _strip_commas(tokens[:-size])
        if phrase == "canada":
            return "CA", _strip_commas(tokens[:-size])
        if phrase in _FOREIGN_COUNTRIES:
            name = "UK" if phrase == "uk" else " ".join(w.capitalize() for w in words)
            return name, _strip_commas(tokens[:-size])
    return None, tokens


def _take_postal_code(tokens: list[str]) -> tuple[str | None, list[str]]:
    """A Canadian postal code, else a trailing run of digits (a ZIP code, maybe spoken digit by
    digit: "9 8 1 01" -> "98101"; "-" or 9 digits make ZIP+4)."""
    text = " ".join(tokens)
    m = _CA_POSTAL_TAIL.search(text)
    if m:
        code = "".join(m.groups()).upper()
        return f"{code[:3]} {code[3:]}", _strip_commas(_tokens(text[: m.start()]))
    tokens = _strip_commas(tokens)
    run: list[str] = []
    i = len(tokens)
    while i > 0 and (_is_digits(tokens[i - 1]) or tokens[i - 1] == "-" or _is_zip4(tokens[i - 1])):
        i -= 1
        run.insert(0, tokens[i])
    if not run or run[0] == "-":
        return None, tokens
    digits = "".join(run).replace("-", "")
    if "-" not in "".join(run) and len(digits) not in (5, 9):
        # A unit number may sit just before the ZIP ("... 4 9 8 1 0 1"): keep the shortest tail
        # run of tokens that makes exactly five digits, if there is one.
        for start in range(len(run) - 1, -1, -1):
            tail = "".join(run[start:])
            if len(tail) == 5:
                return tail, _strip_commas(tokens[: i + start])
            if len(tail) > 5:
                break
    if len(run) == 1 and len(digits) < 5 and i > 0 and not _looks_like_state(tokens[:i]):
        return None, tokens  # a lone short number is more likely a unit/house number
    return "".join(run), _strip_commas(tokens[:i])


def _is_zip4(token: str) -> bool:
    return re.fullmatch(r"\d{5}-\d{4}", token) is not None


def _looks_like_state(tokens: list[str]) -> bool:
    return _match_state(_strip_commas(tokens)) is not None


def _match_state(tokens: list[str]) -> tuple[str, int] | None:
    """(code, tokens used) for a state/province name or code at the end of ``tokens``."""
    for size in (4, 3, 2, 1):
        if len(tokens) < size:
            continue
        words = tokens[-size:]
        if "," in words:
            continue
        code = region_code(" ".join(words))
        if code is None:
            continue
        return code, size
    return None


def _take_state(tokens: list[str]) -> tuple[str | None, list[str]]:
    tokens = _strip_commas(tokens)
    if tokens and tokens[-1].lower() in ("state", "province"):
        trimmed = tokens[:-1]
        if _match_state(trimmed) is not None:
            tokens = trimmed
    found = _match_state(tokens)
    if found is None:
        return None, tokens
    code, size = found
    if size == len(tokens):
        return code, []  # nothing but a state: no street or city
    return code, _strip_commas(tokens[:-size])


def _join_digit_runs(tokens: list[str]) -> list[str]:
    """ "1 2 3 oak" -> "123 oak"; "12 34 elm" -> "1234 elm": numbers spoken in groups."""
    out: list[str] = []
    for tok in tokens:
        if _is_digits(tok) and out and _is_digits(out[-1]):
            out[-1] += tok
        else:
            out.append(tok)
    # "unit 5 b" -> "unit 5B": a lone letter after a unit number belongs to it.
    joined: list[str] = []
    for i, tok in enumerate(out):
        if (
            len(tok) == 1
            and tok.isalpha()
            and i >= 2
            and _is_digits(joined[-1])
            and joined[-2].lower() in UNIT_DESIGNATORS
        ):
            joined[-1] += tok.upper()
        else:
            joined.append(tok)
    return joined


def _take_name(tokens: list[str]) -> tuple[str | None, list[str]]:
    """Words before the house number are the recipient ("Ann Lee, 10 Main St")."""
    i = next((i for i, tok in enumerate(tokens) if tok[:1].isdigit()), None)
    if not i:
        return None, tokens
    head = [t for t in tokens[:i] if t != ","]
    if head and head[-1].lower() == "at":
        head = head[:-1]
    low = " ".join(head).lower()
    if (
        not head
        or low.startswith(("po box", "p o box", "box"))
        or head[0].lower() in (UNIT_DESIGNATORS)
    ):
        return None, tokens
    return " ".join(head), tokens[i:]


def _city_boundary(tokens: list[str]) -> int | None:
    """Index where the city starts in comma-less "number street [unit] city" text, or None.

    The street ends at the first suffix word after at least one name word, then an
    abbreviated post-directional ("Main St NE"), then an optional unit ("Apt 4").
    """
    n = len(tokens)
    start = 1
    if start < n and tokens[start].lower() in DIRECTIONALS and n > start + 2:
        start += 1
    k: int | None = None
    for j in range(start + 1, n):
        if tokens[j].lower() in SUFFIXES:
            k = j + 1
            break
    if k is None:
        for j in range(start + 1, n):
            if tokens[j].lower() in UNIT_DESIGNATORS:
                k = j
                break
    if k is None:
        return None
    if k < n - 1 and tokens[k].lower() in DIRECTIONALS and len(tokens[k]) <= 2:
        k += 1
    if k < n - 1 and tokens[k].lower() in UNIT_DESIGNATORS:
        k += 1
        if k < n - 1 and tokens[k].lower() in ("number", "no", "#"):
            k += 1
        k += 1
    elif k < n - 1 and tokens[k].startswith("#") and len(tokens[k]) > 1:
        k += 1
    return k if k < n else None


_STREET_LABELS = {
    "AddressNumberPrefix",
    "AddressNumber",
    "AddressNumberSuffix",
    "StreetNamePreModifier",
    "StreetNamePreDirectional",
    "StreetNamePreType",
    "StreetName",
    "StreetNamePostType",
    "StreetNamePostDirectional",
    "StreetNamePostModifier",
    "USPSBoxType",
    "USPSBoxID",
    "USPSBoxGroupType",
    "USPSBoxGroupID",
}
_UNIT_LABELS = {
    "OccupancyType",
    "OccupancyIdentifier",
    "SubaddressType",
    "SubaddressIdentifier",
    "BuildingName",
}


def _usaddress_pairs(text: str) -> list[tuple[str, str]]:
    try:
        tagged, _kind = usaddress.tag(text)
        return [(str(v), str(k)) for k, v in tagged.items()]
    except usaddress.RepeatedLabelError:
        return [(str(tok), str(label)) for tok, label in usaddress.parse(text)]


def _split_street_city(
    tokens: list[str], state: str | None
) -> tuple[str | None, str | None, str | None]:
    """(street, street2, city) from "number street [unit] city" tokens."""
    if not tokens:
        return None, None, None
    if "," not in tokens:
        boundary = _city_boundary(tokens)
        if boundary is not None:
            tokens = [*tokens[:boundary], ",", *tokens[boundary:]]
    text = " ".join(tokens).replace(" ,", ",")
    tagged_text = f"{text}, {state}" if state else text
    street: list[str] = []
    unit: list[str] = []
    city: list[str] = []
    other: list[str] = []
    for value, label in _usaddress_pairs(tagged_text):
        value = value.strip(" ,")
        if not value:
            continue
        if label in _STREET_LABELS:
            street.append(value)
        elif label in _UNIT_LABELS:
            unit.append(value)
        elif label == "PlaceName":
            city.append(value)
        elif label not in ("StateName", "ZipCode", "CountryName"):
            other.append(value)
    segments = [s.strip() for s in text.split(",") if s.strip()]
    if not city or other or not street:
        # usaddress was unsure: fall back to the commas (ours or the shopper's).
        if len(segments) >= 2:
            return segments[0], ", ".join(segments[1:-1]) or None, segments[-1]
        return text, None, None
    return " ".join(street), " ".join(unit) or None, " ".join(city)


def parse_one_line(text: str) -> AddressInput:
    """Split a spoken or typed one-line address into its parts (nothing validated yet)."""
    text = _FILLERS.sub("", text.strip(), count=1)
    text = _TRAILING_FILLERS.sub("", text)
    text = _ZIP_WORDS.sub(" ", text)
    text = _numbers_to_digits(text)
    tokens = _spoken_digit_fixes(_tokens(text))

    country, tokens = _take_country(tokens)
    postal, tokens = _take_postal_code(tokens)
    if country is None:
        country, tokens = _take_country(tokens)
    state, tokens = _take_state(tokens)
    tokens = _join_digit_runs(tokens)
    name, tokens = _take_name(tokens)
    street, street2, city = _split_street_city(tokens, state)
    if city and city.lower().startswith(("in ", "at ")):  # "... Main Street in Seattle"
        city = city[3:].strip() or None

    if country is None:
        is_canadian = state in CA_PROVINCES or (
            postal is not None and _CA_POSTAL.match(postal) is not None
        )
        country = "CA" if is_canadian else "US"
    return AddressInput(
        name=name,
        street=street,
        street2=street2,
        city=city,
        state=state,
        postal_code=postal,
        country=country,
    )


# --- normalising ---------------------------------------------------------------------------


_SMALL_WORDS = {"of", "the", "and", "de", "la", "le", "du", "des"}


def _title_words(words: Sequence[str]) -> list[str]:
    """Title case, keeping joining words lower case inside a name ("Avenue of the Americas")."""
    return [
        w.lower() if i > 0 and w.lower() in _SMALL_WORDS else _title_word(w)
        for i, w in enumerate(words)
    ]


def _title_word(word: str) -> str:
    if any(ch.isdigit() for ch in word):
        return word.lower() if _ORDINAL.match(word) else word.upper()
    parts = word.split("-")
    out = []
    for part in parts:
        low = part.lower()
        if len(low) > 2 and low[1] == "'" and low[0] in "od":  # O'Brien, D'Arcy
            out.append(low[0].upper() + "'" + low[2:].capitalize())
        else:
            out.append(low.capitalize())
    return "-".join(out)


def _words(text: str) -> list[str]:
    return text.replace(",", " ").replace(".", " ").split()


def _normalise_street(words: Sequence[str]) -> str:
    """Title case, standard suffix on the last suffix word, directionals abbreviated."""
    words = list(words)
    if not words:
        return ""
    out = [words[0].upper(), *_title_words(words[1:])]
    lows = [w.lower() for w in words]
    n = len(words)
    # Post-directional: the last word, when it follows a suffix ("Main St NE").
    post_dir = n >= 3 and lows[-1] in DIRECTIONALS and lows[-2] in SUFFIXES
    name_end = n - 1 if post_dir else n
    # Suffix: the last word of the street name, unless it is the whole name ("10 Court").
    if name_end >= 3 and lows[name_end - 1] in SUFFIXES:
        out[name_end - 1] = SUFFIXES[lows[name_end - 1]]
    if post_dir:
        out[-1] = DIRECTIONALS[lows[-1]]
    # Pre-directional: right after the number, when a real name follows ("N Main St", but
    # "10 North St" keeps its name).
    if n >= 3 and lows[1] in DIRECTIONALS:
        rest = lows[2:name_end]
        if any(w not in SUFFIXES for w in rest):
            out[1] = DIRECTIONALS[lows[1]]
    return " ".join(out)


def _normalise_unit(text: str) -> str:
    """ "apartment 4" -> "Apt 4", "suite 200" -> "Ste 200", "2b" -> "# 2B"."""
    words = _words(text.replace("#", " # "))
    out: list[str] = []
    i = 0
    while i < len(words):
        low = words[i].lower()
        if low in UNIT_DESIGNATORS and (i + 1 < len(words) or low not in ("no", "number")):
            designator = UNIT_DESIGNATORS[low]
            # "apartment number 4": the "number" adds nothing.
            if i + 1 < len(words) and words[i + 1].lower() in ("number", "no", "#"):
                i += 1
            if not (designator == "#" and out and out[-1] in _UNITS):
                out.append(designator)
        else:
            ident = words[i]
            if (
                i + 1 < len(words)
                and len(words[i + 1]) == 1
                and words[i + 1].isalpha()
                and ident.isdigit()
            ):
                ident += words[i + 1]
                i += 1
            out.append(_title_word(ident))
        i += 1
    if out and out[0] not in _UNITS and any(ch.isdigit() for ch in out[0]) and len(out) == 1:
        out.insert(0, "#")
    return " ".join(out)


def _split_unit_from_street(words: list[str]) -> tuple[list[str], list[str]]:
    """ "500 Pine St Apt 2B" -> (["500","Pine","St"], ["Apt","2B"])."""
    for i in range(2, len(words)):
        low = words[i].lower()
        if (low in UNIT_DESIGNATORS and low not in ("no", "number") and i + 1 < len(words)) or (
            words[i].startswith("#")
        ):
            return words[:i], words[i:]
    return words, []


def _country_code(value: str | None) -> str | None:
    key = " ".join((value or "").replace(".", " ").lower().split())
    if not key or key in _COUNTRIES_US:
        return "US"
    if key in _COUNTRIES_CA:
        return "CA"
    return None


def _region_message() -> str:
    return "must be a US state or Canadian province, like Washington or WA, or Ontario or ON"


def normalise(inp: AddressInput) -> Address:
    """Validate every field and return the normalised address.

    Raises ``ValidationFailed`` listing every problem, each a ``FieldError`` on
    ``street``, ``street2``, ``city``, ``state``, ``postal_code``, ``country`` or ``name``.
    """
    errors: list[FieldError] = []

    def err(field: str, message: str) -> None:
        errors.append(FieldError(field, message))

    # Country: US or Canada. Left at its default, a Canadian province or postal code means CA.
    country = _country_code(inp.country)
    state_code = region_code(inp.state)
    raw_postal = (inp.postal_code or "").upper().strip()
    if country is None:
        err("country", f"{inp.country} is not supported: {SHIP_TO_MESSAGE}")
    elif (
        ("country" not in inp.model_fields_set or not inp.country)
        and country == "US"
        and (
            state_code in CA_PROVINCES
            or (state_code is None and _CA_POSTAL.match(" ".join(raw_postal.split())))
        )
    ):
        country = "CA"

    # Name.
    name = " ".join(inp.name.split()) if inp.name else None
    if name and len(name) > MAX_NAME:
        err("name", f"must be at most {MAX_NAME} characters")

    # Street and unit.
    street = ""
    street2_words: list[str] = []
    street_words = _words(inp.street or "")
    if not street_words:
        err("street", "street address is required: a house number and street name, like 10 Main St")
    else:
        street_words, moved_unit = _split_unit_from_street(street_words)
        if inp.street2:
            street2_words = _words(inp.street2.replace("#", " # "))
        if moved_unit:
            street2_words = moved_unit + street2_words
        if street_words[0].lower() in ("po", "p", "box", "pobox"):
            err("street", "we can't deliver to PO boxes; please give a street address")
        elif not _HOUSE_NUMBER.match(street_words[0]):
            err("street", "street address needs a house number, like 10 Main St")
        elif len(street_words) < 2:
            err("street", "street address needs a street name after the house number")
        street = _normalise_street(street_words)
        if len(street) > MAX_STREET:
            err("street", f"must be at most {MAX_STREET} characters")
    if not street_words and inp.street2:
        street2_words = _words(inp.street2.replace("#", " # "))
    street2 = _normalise_unit(" ".join(street2_words)) if street2_words else None
    if street2 and len(street2) > MAX_STREET:
        err("street2", f"must be at most {MAX_STREET} characters")

    # City.
    city = " ".join(_title_words(_words(inp.city or "")))
    if not city:
        err("city", "city is required")
    elif len(city) > MAX_CITY:
        err("city", f"must be at most {MAX_CITY} characters")
    elif any(ch.isdigit() for ch in city):
        err("city", f"{city} does not look like a city name")

    # State or province (not checked for a country we do not ship to).
    if country is None:
        pass
    elif not inp.state:
        err("state", "state or province is required; it " + _region_message())
    elif state_code is None:
        err("state", f"{inp.state} is not recognised; it " + _region_message())
    elif country == "US" and state_code not in US_STATES:
        err("state", f"{REGION_NAMES[state_code]} is a Canadian province, but the country is US")
    elif country == "CA" and state_code not in CA_PROVINCES:
        err("state", f"{REGION_NAMES[state_code]} is a US state, but the country is Canada")

    # Postal code.
    postal = ""
    if country == "CA":
        compact = raw_postal.replace(" ", "").replace("-", "")
        m = _CA_POSTAL.match(compact)
        if not raw_postal:
            err("postal_code", "postal code is required, like M5V 2T6")
        elif m is None or not set(compact[0::2]) <= _CA_POSTAL_LETTERS or compact[0] in "WZ":
            err("postal_code", f"{raw_postal} is not a Canadian postal code; it looks like M5V 2T6")
        else:
            postal = f"{compact[:3]} {compact[3:]}"
            provinces = CA_POSTAL_FIRST_LETTER.get(compact[0], ())
            if state_code in CA_PROVINCES and state_code not in provinces:
                where = " or ".join(REGION_NAMES[p] for p in provinces)
                err(
                    "postal_code",
                    f"postal code {postal} is in {where}, not {REGION_NAMES[state_code]}",
                )
    elif country == "US":
        compact = "".join(raw_postal.split())
        m = _US_ZIP.match(compact)
        if not raw_postal:
            err("postal_code", "ZIP code is required: 5 digits, like 98101")
        elif m is None:
            err(
                "postal_code",
                f"{raw_postal} is not a ZIP code: use 5 digits, or ZIP+4 like 12345-6789",
            )
        else:
            postal = m.group(1) + (f"-{m.group(2)}" if m.group(2) else "")
            zip_state = state_of_zip(postal)
            if zip_state is None:
                err("postal_code", f"ZIP code {postal} is not in any US state we ship to")
            elif state_code in US_STATES and zip_state != state_code:
                err(
                    "postal_code",
                    f"ZIP code {postal} is in {US_STATES[zip_state]}, not {US_STATES[state_code]}",
                )

    if errors:
        raise ValidationFailed(errors)
    assert country is not None and state_code is not None
    return Address(
        name=name or None,
        street=street,
        street2=street2 or None,
        city=city,
        state=state_code,
        postal_code=postal,
        country=country,
    )


def parse_and_normalise(text_or_input: str | AddressInput) -> Address:
    """Parse a one-line address (or take structured input) and normalise it."""
    inp = parse_one_line(text_or_input) if isinstance(text_or_input, str) else text_or_input
    return normalise(inp)
